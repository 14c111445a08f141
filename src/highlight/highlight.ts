import { assertString, checkOptions, createError, describe, ERROR_CODES, invalidOption } from '../errors.js'
import { canCut, cutAfter, cutBefore, endBoundary, startBoundary, WHITESPACE } from './cut-points.js'
import { passageBody } from './passage-body.js'
import { densestWindows, type WindowMatch } from './select-windows.js'

/** A highlighted passage of a field. */
export interface Snippet {
  /**
   * A passage cut from the original text, diacritics and all, with `…` where it was cut. Its bidi
   * embeddings, overrides and isolates are balanced: a closer with nothing open is left out, and
   * what is still open at the end (or at a line break) is closed there.
   */
  readonly text: string
  /** HTML: `text` escaped, each match wrapped in the configured wrapper (`<mark>…</mark>`). */
  readonly html: string
  /** `[start, end]` offsets of the matched words inside `text` (UTF-16). */
  readonly ranges: ReadonlyArray<readonly [number, number]>
  /** With `count` > 1: the passages that `text` joins, each a snippet of its own. */
  readonly passages?: readonly Snippet[]
}

/** A matched word in the original text, with a weight (higher for rarer or exact matches). */
export interface Match {
  readonly start: number
  readonly end: number
  /** Which query word it matched (distinct keys count more than repeats of one). */
  readonly key: string
}

/** Options of snippet selection and marking. */
export interface SnippetOptions {
  /** Target length of a passage in UTF-16 code units. Range 20–10000. @default 160 */
  readonly length?: number
  /** How many passages per field, at most. Range 1–20. @default 1 */
  readonly count?: number
  /** Opening and closing strings of the mark, inserted as HTML (trusted, not escaped). @default ['<mark>', '</mark>'] */
  readonly wrapper?: readonly [string, string]
  /** What marks a cut at either end of a passage. @default '…' */
  readonly ellipsis?: string
}

/** Snippet options with every field filled in. */
export interface ResolvedSnippetOptions {
  readonly length: number
  readonly count: number
  readonly wrapper: readonly [string, string]
  readonly ellipsis: string
}

export const DEFAULT_SNIPPET_OPTIONS: ResolvedSnippetOptions = Object.freeze({
  length: 160,
  count: 1,
  wrapper: Object.freeze(['<mark>', '</mark>']) as unknown as readonly [string, string],
  ellipsis: '…',
})

/** Validates snippet options and fills in the defaults. @internal */
export function resolveSnippetOptions(options: unknown, where: string): ResolvedSnippetOptions {
  const given = checkOptions(options, where, {
    length: 'number',
    count: 'number',
    wrapper: 'string[]',
    ellipsis: 'string',
  })
  const length = (given.length as number | undefined) ?? DEFAULT_SNIPPET_OPTIONS.length
  const count = (given.count as number | undefined) ?? DEFAULT_SNIPPET_OPTIONS.count
  const wrapper = (given.wrapper as string[] | undefined) ?? DEFAULT_SNIPPET_OPTIONS.wrapper
  const bad = (option: string, expected: string, value: unknown) => invalidOption(where, option, expected, value)
  if (!Number.isInteger(length) || length < 20 || length > 10_000)
    throw bad('length', 'an integer from 20 to 10000', length)
  if (!Number.isInteger(count) || count < 1 || count > 20) throw bad('count', 'an integer from 1 to 20', count)
  if (wrapper.length !== 2) throw bad('wrapper', 'a pair of strings [open, close]', wrapper)
  return {
    length,
    count,
    wrapper: [wrapper[0]!, wrapper[1]!],
    ellipsis: (given.ellipsis as string | undefined) ?? DEFAULT_SNIPPET_OPTIONS.ellipsis,
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for HTML element content and attribute values: `& < > " '`.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"كتاب" & قلم</b>') // → '&lt;b&gt;&quot;كتاب&quot; &amp; قلم&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!)
}

/** Describes a range for an error message: `[NaN, 4]`, `[\`"0"\` (string), 4]`. */
const describeRange = (range: unknown) =>
  Array.isArray(range) && range.length <= 3
    ? `[${range.map((v: unknown) => (typeof v === 'number' ? String(v) : describe(v))).join(', ')}]`
    : describe(range)

/** Checks the ranges of `markHtml`: integer pairs, in bounds, in order, not overlapping. */
function checkRanges(text: string, ranges: unknown): asserts ranges is ReadonlyArray<readonly [number, number]> {
  if (!Array.isArray(ranges)) {
    throw createError(
      ERROR_CODES.INVALID_ARGUMENT,
      `markHtml() expected \`ranges\` to be an array of [start, end] pairs, got ${describe(ranges)}`,
      { argument: 'ranges' },
      'type',
    )
  }
  let previousEnd = 0
  for (let k = 0; k < ranges.length; k++) {
    const range: unknown = ranges[k]
    const pair = Array.isArray(range) && range.length === 2 ? (range as unknown[]) : null
    if (pair === null || !Number.isInteger(pair[0]) || !Number.isInteger(pair[1])) {
      throw createError(
        ERROR_CODES.INVALID_ARGUMENT,
        `markHtml() expected \`ranges[${k}]\` to be a pair of integers [start, end], got ${describeRange(range)}`,
        { argument: 'ranges', index: k },
        'type',
      )
    }
    const [start, end] = pair as [number, number]
    if (start < previousEnd || end < start || end > text.length) {
      const expected = `${previousEnd} ≤ start ≤ end ≤ ${text.length} (in bounds, sorted, not overlapping the range before)`
      throw createError(
        ERROR_CODES.INVALID_ARGUMENT,
        `markHtml() expected \`ranges[${k}]\` to satisfy ${expected}, got [${start}, ${end}]`,
        { argument: 'ranges', index: k },
      )
    }
    previousEnd = end
  }
}

/**
 * Wraps ranges of a text in the wrapper and escapes everything else (and the text inside the
 * marks). Ranges are `[start, end]` pairs of integers with `0 ≤ start ≤ end ≤ text.length`,
 * sorted and not overlapping (one may end where the next starts); an empty range marks nothing.
 * Anything else throws `FAHRAS_INVALID_ARGUMENT`.
 *
 * @example
 * ```ts
 * markHtml('قرأت الْكِتَابَ <كله>', [[5, 15]]) // → 'قرأت <mark>الْكِتَابَ</mark> &lt;كله&gt;'
 * ```
 */
export function markHtml(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  wrapper: readonly [string, string] = DEFAULT_SNIPPET_OPTIONS.wrapper,
): string {
  assertString(text, 'markHtml')
  checkRanges(text, ranges)
  if (
    !Array.isArray(wrapper) ||
    wrapper.length !== 2 ||
    typeof wrapper[0] !== 'string' ||
    typeof wrapper[1] !== 'string'
  ) {
    throw createError(
      ERROR_CODES.INVALID_ARGUMENT,
      `markHtml() expected \`wrapper\` to be a pair of strings [open, close], got ${describe(wrapper)}`,
      { argument: 'wrapper' },
      'type',
    )
  }
  let html = ''
  let at = 0
  for (const [start, end] of ranges) {
    if (end === start) continue
    html += escapeHtml(text.slice(at, start)) + wrapper[0] + escapeHtml(text.slice(start, end)) + wrapper[1]
    at = end
  }
  return html + escapeHtml(text.slice(at))
}

/**
 * Picks the passages of `text` with the densest matches and marks them. Passages are about
 * `length` long, cut at word boundaries and never inside a character (a surrogate pair, a letter
 * and its marks, an emoji and its modifiers, variation selectors or joiners, a flag), with an
 * ellipsis where cut. A passage scores by the number of distinct matched words, then by the
 * number of matches; on a tie the earlier wins. With no matches the opening passage is returned,
 * unmarked. Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) are balanced in
 * each passage: a closer with nothing open is left out, what is still open at the end (or at a
 * line break) is closed there. Time: O(matches) per passage, plus its length.
 *
 * @example
 * ```ts
 * const [s] = bestSnippets('… الشراكة الاستراتيجية بين البلدين …', [{ start: 2, end: 9, key: 'شراك' }])
 * s.html // → '… <mark>الشراكة</mark> الاستراتيجية بين البلدين …'
 * ```
 */
export function bestSnippets(
  text: string,
  matches: readonly Match[],
  options: ResolvedSnippetOptions = DEFAULT_SNIPPET_OPTIONS,
): Snippet[] {
  const inBounds = (m: Match) =>
    Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start && m.start >= 0 && m.end <= text.length
  const sorted = [...matches].filter(inBounds).sort((a, b) => a.start - b.start || b.end - a.end)
  // drop overlapping matches (a ligature expanded into several terms maps them to one range)
  const unique: Match[] = []
  for (const m of sorted) if (unique.length === 0 || m.start >= unique[unique.length - 1]!.end) unique.push(m)
  const { length, count } = options
  if (unique.length === 0) return [makeSnippet(text, 0, endBoundary(text, length, 0), [], options)]

  const keyIds = new Map<string, number>()
  const windowMatches: WindowMatch[] = unique.map((m) => {
    let key = keyIds.get(m.key)
    if (key === undefined) keyIds.set(m.key, (key = keyIds.size))
    return { start: m.start, end: m.end, key }
  })
  const snippets: Array<{ start: number; end: number; matches: Match[] }> = []
  for (const [best, bestLast] of densestWindows(windowMatches, keyIds.size, length, count)) {
    const first = unique[best]!
    const lastMatch = unique[bestLast]!
    const span = lastMatch.end - first.start
    // centre the matches in the passage, with some lead-in
    const lead = Math.max(0, Math.min(Math.floor((length - span) / 2), 60))
    let start = startBoundary(text, first.start - lead, first.start)
    if (start > first.start) start = first.start
    if (!canCut(text, start)) start = cutBefore(text, start)
    let end = endBoundary(text, Math.max(start + length, lastMatch.end), lastMatch.end)
    if (end < lastMatch.end) end = cutAfter(text, lastMatch.end)
    snippets.push({ start, end, matches: unique.slice(best, bestLast + 1) })
  }
  snippets.sort((a, b) => a.start - b.start)
  return snippets.map((s) => makeSnippet(text, s.start, s.end, s.matches, options))
}

function makeSnippet(
  text: string,
  start: number,
  end: number,
  matches: readonly Match[],
  options: ResolvedSnippetOptions,
): Snippet {
  // Runs of whitespace (line breaks included) become one space; offsets follow.
  const { body, offsetAt } = passageBody(text, start, end)
  // an ellipsis only where text was cut, not where only whitespace was left out
  let k = start
  while (k > 0 && WHITESPACE.test(text.charAt(k - 1))) k--
  let m = end
  while (m < text.length && WHITESPACE.test(text.charAt(m))) m++
  const before = k > 0 && options.ellipsis ? `${options.ellipsis} ` : ''
  const after = m < text.length && options.ellipsis ? ` ${options.ellipsis}` : ''
  const ranges: Array<[number, number]> = matches.map((m) => [
    before.length + offsetAt[m.start - start]!,
    before.length + offsetAt[m.end - start]!,
  ])
  const snippetText = before + body + after
  return { text: snippetText, html: markHtml(snippetText, ranges, options.wrapper), ranges }
}

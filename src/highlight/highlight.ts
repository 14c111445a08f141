import { checkOptions, createError, describe, ERROR_CODES } from '../errors.js'

/** A highlighted passage of a field. */
export interface Snippet {
  /** A passage cut from the original text, diacritics and all, with `…` where it was cut. */
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
  const given = checkOptions(options, where, { length: 'number', count: 'number', wrapper: 'string[]', ellipsis: 'string' })
  const length = (given.length as number | undefined) ?? DEFAULT_SNIPPET_OPTIONS.length
  const count = (given.count as number | undefined) ?? DEFAULT_SNIPPET_OPTIONS.count
  const wrapper = (given.wrapper as string[] | undefined) ?? DEFAULT_SNIPPET_OPTIONS.wrapper
  const bad = (option: string, expected: string, value: unknown) =>
    createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`${option}\` to be ${expected}, got ${describe(value)}`, { option }, 'type')
  if (!Number.isInteger(length) || length < 20 || length > 10_000) throw bad('length', 'an integer from 20 to 10000', length)
  if (!Number.isInteger(count) || count < 1 || count > 20) throw bad('count', 'an integer from 1 to 20', count)
  if (wrapper.length !== 2) throw bad('wrapper', 'a pair of strings [open, close]', wrapper)
  return { length, count, wrapper: [wrapper[0]!, wrapper[1]!], ellipsis: (given.ellipsis as string | undefined) ?? DEFAULT_SNIPPET_OPTIONS.ellipsis }
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

/**
 * Wraps ranges of a text in the wrapper and escapes everything else (and the text inside the
 * marks). Ranges must be sorted and not overlap; out-of-bounds parts are ignored.
 *
 * @example
 * ```ts
 * markHtml('قرأت الْكِتَابَ <كله>', [[5, 15]]) // → 'قرأت <mark>الْكِتَابَ</mark> &lt;كله&gt;'
 * ```
 */
export function markHtml(text: string, ranges: ReadonlyArray<readonly [number, number]>, wrapper: readonly [string, string] = DEFAULT_SNIPPET_OPTIONS.wrapper): string {
  let html = ''
  let at = 0
  for (const [s, e] of ranges) {
    const start = Math.max(at, Math.min(s, text.length))
    const end = Math.max(start, Math.min(e, text.length))
    if (end === start) continue
    html += escapeHtml(text.slice(at, start)) + wrapper[0] + escapeHtml(text.slice(start, end)) + wrapper[1]
    at = end
  }
  return html + escapeHtml(text.slice(at))
}

const WHITESPACE = /\s/

function isCombiningOrLowSurrogate(c: number): boolean {
  return (c >= 0xdc00 && c <= 0xdfff) || (c >= 0x0300 && c <= 0x036f) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 ||
    (c >= 0x0610 && c <= 0x061a) || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x08d3 && c <= 0x08ff) || c === 0x200c || c === 0x200d || c === 0x0640
}

/** Moves `pos` back to a place where a cut splits neither a surrogate pair nor a mark from its letter. */
function safeCut(text: string, pos: number): number {
  let p = Math.max(0, Math.min(pos, text.length))
  while (p > 0 && p < text.length && isCombiningOrLowSurrogate(text.charCodeAt(p))) p--
  return p
}

/** Start of a passage at or after `pos`, at a word boundary when one is near. */
function startBoundary(text: string, pos: number, limit: number): number {
  if (pos <= 0) return 0
  // prefer the start of the word that contains pos: go back to whitespace, up to 20 units
  for (let p = pos; p > 0 && pos - p < 20; p--) if (WHITESPACE.test(text.charAt(p - 1))) return p
  for (let p = pos; p < limit; p++) if (WHITESPACE.test(text.charAt(p - 1))) return p
  return safeCut(text, pos)
}

/** End of a passage at or before `pos`, at a word boundary when one is near. */
function endBoundary(text: string, pos: number, floor: number): number {
  if (pos >= text.length) return text.length
  for (let p = pos; p >= floor; p--) if (WHITESPACE.test(text.charAt(p))) return p
  return safeCut(text, pos)
}

/**
 * Picks the passages of `text` with the densest matches and marks them. Passages are about
 * `length` long, cut at word boundaries (never inside a surrogate pair or between a letter and its
 * marks), with an ellipsis where cut. A passage scores by the number of distinct matched words,
 * then by the number of matches. With no matches the opening passage is returned, unmarked.
 *
 * @example
 * ```ts
 * const [s] = bestSnippets('… الشراكة الاستراتيجية بين البلدين …', [{ start: 2, end: 9, key: 'شراك' }])
 * s.html // → '… <mark>الشراكة</mark> الاستراتيجية بين البلدين …'
 * ```
 */
export function bestSnippets(text: string, matches: readonly Match[], options: ResolvedSnippetOptions = DEFAULT_SNIPPET_OPTIONS): Snippet[] {
  const sorted = [...matches].filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end)
  // drop overlapping matches (a ligature expanded into several terms maps them to one range)
  const unique: Match[] = []
  for (const m of sorted) if (unique.length === 0 || m.start >= unique[unique.length - 1]!.end) unique.push(m)
  const { length, count } = options
  if (unique.length === 0) return [makeSnippet(text, 0, endBoundary(text, length, 0), [], options)]

  const snippets: Array<{ start: number; end: number; matches: Match[] }> = []
  const used = new Array<boolean>(unique.length).fill(false)
  while (snippets.length < count) {
    let best = -1
    let bestDistinct = 0
    let bestCount = 0
    let bestLast = -1
    for (let i = 0; i < unique.length; i++) {
      if (used[i]) continue
      const keys = new Set<string>()
      let n = 0
      let last = i
      for (let j = i; j < unique.length && unique[j]!.end - unique[i]!.start <= length; j++) {
        if (used[j]) break
        keys.add(unique[j]!.key)
        n++
        last = j
      }
      if (keys.size > bestDistinct || (keys.size === bestDistinct && n > bestCount)) {
        best = i
        bestDistinct = keys.size
        bestCount = n
        bestLast = last
      }
    }
    if (best < 0) break
    for (let k = best; k <= bestLast; k++) used[k] = true
    const first = unique[best]!
    const lastMatch = unique[bestLast]!
    const span = lastMatch.end - first.start
    // centre the matches in the passage, with some lead-in
    const lead = Math.max(0, Math.min(Math.floor((length - span) / 2), 60))
    let start = startBoundary(text, first.start - lead, first.start)
    if (start > first.start) start = first.start
    let end = endBoundary(text, Math.max(start + length, lastMatch.end), lastMatch.end)
    if (end < lastMatch.end) end = lastMatch.end
    snippets.push({ start, end, matches: unique.slice(best, bestLast + 1) })
  }
  snippets.sort((a, b) => a.start - b.start)
  return snippets.map((s) => makeSnippet(text, s.start, s.end, s.matches, options))
}

function makeSnippet(text: string, start: number, end: number, matches: readonly Match[], options: ResolvedSnippetOptions): Snippet {
  // Runs of whitespace (line breaks included) become one space; offsets follow.
  let body = ''
  const shiftAt: number[] = [] // for each original offset in [start, end], its offset in body
  let i = start
  while (i < end && WHITESPACE.test(text.charAt(i))) shiftAt[i++ - start] = 0
  let pendingSpace = false
  for (; i < end; i++) {
    const ch = text.charAt(i)
    if (WHITESPACE.test(ch)) {
      shiftAt[i - start] = body.length
      pendingSpace = true
      continue
    }
    if (pendingSpace) {
      body += ' '
      pendingSpace = false
    }
    shiftAt[i - start] = body.length
    body += ch
  }
  shiftAt[end - start] = body.length
  // an ellipsis only where text was cut, not where only whitespace was left out
  let k = start
  while (k > 0 && WHITESPACE.test(text.charAt(k - 1))) k--
  let m = end
  while (m < text.length && WHITESPACE.test(text.charAt(m))) m++
  const before = k > 0 && options.ellipsis ? options.ellipsis + ' ' : ''
  const after = m < text.length && options.ellipsis ? ' ' + options.ellipsis : ''
  const ranges: Array<[number, number]> = matches.map((m) => [before.length + shiftAt[m.start - start]!, before.length + shiftAt[m.end - start]!])
  const snippetText = before + body + after
  return { text: snippetText, html: markHtml(snippetText, ranges, options.wrapper), ranges }
}

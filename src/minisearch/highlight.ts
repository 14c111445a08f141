/**
 * Highlighting for apps that search with MiniSearch: the words of a query (or of a MiniSearch
 * result) marked in the original, vowelled text, as fahras's snippets mark them.
 */
import { createAnalyzer, resolveAnalyzerOptions, type Analyzer, type AnalyzerOptions } from '../analyze/analyze.js'
import { checkOptions, createError, describe, ERROR_CODES, assertString } from '../errors.js'
import { bestSnippets, type Match, type Snippet, type SnippetOptions } from '../highlight/index.js'
import { resolveSnippetOptions } from '../highlight/highlight.js'
import { STEM_MARKER } from './options.js'

/** What {@link highlight} accepts as a query: a string, or a MiniSearch search result. */
export type HighlightQuery =
  | string
  | {
      /** The index terms the document matched (MiniSearch's `result.terms`). */
      readonly terms?: readonly string[]
      /** The query terms that matched (MiniSearch's `result.queryTerms`). */
      readonly queryTerms?: readonly string[]
      /** Each matched index term and its fields (MiniSearch's `result.match`). */
      readonly match?: Readonly<Record<string, readonly string[]>>
    }

/** Options of {@link highlight}: the snippet options, and the analyzer options the index was built with. */
export interface HighlightOptions extends SnippetOptions {
  /** The analyzer options given to `minisearchOptions()` (`exactBoost` aside). @default fahras's defaults */
  readonly analyzer?: AnalyzerOptions
}

/** Analyzers built for highlighting, by their resolved options (a few at most). */
const analyzers = new Map<string, Analyzer>()
const ANALYZER_CACHE_LIMIT = 8

function analyzerFor(options: AnalyzerOptions | undefined, where: string): Analyzer {
  const resolved = resolveAnalyzerOptions(options, `${where} option \`analyzer\``)
  const key = JSON.stringify(resolved)
  let analyzer = analyzers.get(key)
  if (analyzer === undefined) {
    analyzer = createAnalyzer(resolved, where)
    if (analyzers.size >= ANALYZER_CACHE_LIMIT) analyzers.clear()
    analyzers.set(key, analyzer)
  }
  return analyzer
}

const isStrings = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string')

/**
 * The stems and written forms to mark. From a string: each query word's stem (every form of the
 * word is marked). From a MiniSearch result: its matched index terms, stems (marked terms) and
 * written forms (the rest; terms of an index built without fahras are normalized here).
 */
function wanted(analyzer: Analyzer, query: HighlightQuery, where: string): { stems: Set<string>; words: Set<string> } {
  const stems = new Set<string>()
  const words = new Set<string>()
  const addTerm = (term: string) => {
    if (term.startsWith(STEM_MARKER)) {
      stems.add(term.slice(STEM_MARKER.length))
      return
    }
    for (const word of analyzer.words(term)) {
      if (analyzer.isStopWord(word)) continue
      words.add(word)
      // a term of an index without fahras (a word as written): its other forms are marked too
      const stem = analyzer.termOf(word)
      if (stem !== null) stems.add(stem)
    }
  }
  if (typeof query === 'string') {
    analyzer.eachTerm(query, (stem, word) => {
      stems.add(stem)
      words.add(word)
    })
    return { stems, words }
  }
  if (query === null || typeof query !== 'object' || Array.isArray(query)) {
    throw createError(
      ERROR_CODES.INVALID_ARGUMENT,
      `${where} expected \`query\` to be a string or a MiniSearch result ({ terms, queryTerms, match }), got ${describe(query)}`,
      { argument: 'query' },
      'type',
    )
  }
  const { terms, queryTerms, match } = query
  for (const [name, list] of [
    ['terms', terms],
    ['queryTerms', queryTerms],
  ] as const) {
    if (list === undefined) continue
    if (!isStrings(list))
      throw createError(
        ERROR_CODES.INVALID_ARGUMENT,
        `${where} expected \`query.${name}\` to be an array of strings, got ${describe(list)}`,
        { argument: `query.${name}` },
        'type',
      )
    for (const term of list) addTerm(term)
  }
  if (match !== undefined) {
    if (match === null || typeof match !== 'object' || Array.isArray(match)) {
      throw createError(
        ERROR_CODES.INVALID_ARGUMENT,
        `${where} expected \`query.match\` to be an object (term → fields), got ${describe(match)}`,
        { argument: 'query.match' },
        'type',
      )
    }
    for (const term of Object.keys(match)) addTerm(term)
  }
  return { stems, words }
}

/** The passages of a multi-passage snippet joined into one, each kept in `passages`. */
function joinPassages(passages: readonly Snippet[]): Snippet {
  let text = ''
  let html = ''
  const ranges: Array<readonly [number, number]> = []
  for (const p of passages) {
    const separator = text.length > 0 ? ' ' : ''
    const shift = text.length + separator.length
    text += separator + p.text
    html += separator + p.html
    for (const [s, e] of p.ranges) ranges.push([s + shift, e + shift])
  }
  return { text, html, ranges, passages }
}

const HIGHLIGHT_SCHEMA = {
  length: 'number',
  count: 'number',
  wrapper: 'string[]',
  ellipsis: 'string',
  analyzer: 'object',
} as const

/** The matched words of `text`, with offsets into it (UTF-16), in order. */
function findMatches(
  text: string,
  query: HighlightQuery,
  options: HighlightOptions | undefined,
  where: string,
): Match[] {
  assertString(text, where.slice(0, -2))
  const given = checkOptions(options, where, HIGHLIGHT_SCHEMA)
  const analyzer = analyzerFor(given.analyzer as AnalyzerOptions | undefined, where)
  const { stems, words } = wanted(analyzer, query, where)
  if (stems.size === 0 && words.size === 0) return []
  return analyzer.matches(text, stems, words).map((t) => ({ start: t.start, end: t.end, key: t.term }))
}

/**
 * The ranges `[start, end]` of the matched words in `text` itself (UTF-16 offsets into the
 * original, vowelled text, each range a whole written word with its marks; in order, not
 * overlapping), for apps that cut their own excerpts. `query` is a query string or a MiniSearch result.
 *
 * @example
 * ```ts
 * matchRanges('قرأتُ وَالْكِتَابِ', 'الكتاب') // → [[6, 18]]
 * ```
 */
export function matchRanges(
  text: string,
  query: HighlightQuery,
  options?: Pick<HighlightOptions, 'analyzer'>,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  // in order; a ligature of several words (ﷺ) maps each of them to its one character: kept once
  for (const m of findMatches(text, query, options, 'matchRanges()')) {
    const last = ranges[ranges.length - 1]
    if (last === undefined || m.start >= last[1]) ranges.push([m.start, m.end])
  }
  return ranges
}

/**
 * Highlights a text for a query, as fahras's snippets do: the densest passage (or `count`
 * passages) of `text`, cut at word boundaries with an ellipsis where cut, each matched word
 * marked whole as written (diacritics and clitics included), everything else HTML-escaped.
 * `query` is the query string, or the MiniSearch result of the document (its `terms`,
 * `queryTerms` and `match` say what matched, prefix and fuzzy expansions included). Throws
 * `FAHRAS_INVALID_ARGUMENT` on a text that is not a string or a query of another shape,
 * `FAHRAS_INVALID_OPTION` on bad options.
 *
 * @example
 * ```ts
 * highlight('قرأتُ وَالْكِتَابِ <كله>', 'الكتاب').html // → 'قرأتُ <mark>وَالْكِتَابِ</mark> &lt;كله&gt;'
 * const [result] = miniSearch.search('الكتاب')
 * highlight(result.text, result).html
 * ```
 */
export function highlight(text: string, query: HighlightQuery, options?: HighlightOptions): Snippet {
  const where = 'highlight()'
  const matches = findMatches(text, query, options, where)
  const { analyzer: _, ...snippet } = (options ?? {}) as HighlightOptions
  const resolved = resolveSnippetOptions(snippet, where)
  const passages = bestSnippets(text, matches, resolved)
  return passages.length === 1 ? passages[0]! : joinPassages(passages)
}

/**
 * fahras's analysis as MiniSearch options: what an app that already runs MiniSearch spreads into
 * `new MiniSearch({ fields, ...minisearchOptions() })`. Nothing of MiniSearch is imported here,
 * not even its types: the types below are structural, so that they fit the app's own MiniSearch
 * whatever its version (a second copy's types would not: its `Wildcard` symbol differs).
 */
import { createAnalyzer, type Analyzer, type AnalyzerOptions } from '../analyze/analyze.js'
import { checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import { DEFAULT_BM25 } from '../search/packed/scoring.js'

/**
 * Prefix of the index terms that hold a stem. Written forms (normalized words) are indexed as
 * they are, so that MiniSearch's `autoSuggest`, which returns index terms, returns words.
 */
export const STEM_MARKER = '\u0001'

/** The default weight of a match on the written form, added to the match through the stem (as `ArabicSearch`). */
export const DEFAULT_EXACT_BOOST = 0.5

/** At most this many distinct words of a query are searched (as `ArabicSearch`); the rest are ignored. */
export const MAX_QUERY_WORDS = 256

/** Entries of each memo of the terms of a token before it is cleared (bounded memory). */
const MEMO_LIMIT = 100_000

/** Options of {@link minisearchOptions}: the analyzer options of fahras, and `exactBoost`. */
export interface MinisearchAnalyzerOptions extends AnalyzerOptions {
  /**
   * Weight of a query word's written form, added to the match through its stem, so that
   * `الكتاب` ranks a document with `الكتاب` above one with only `كتابه`. `0` searches stems
   * only. @default 0.5
   */
  readonly exactBoost?: number
}

/** What a term processor of MiniSearch returns: a term, several, or nothing. */
export type ProcessedTerms = string | string[] | null

/** The options {@link minisearchOptions} returns, to spread into MiniSearch's options. */
export interface FahrasMiniSearchOptions {
  /** Indexing: the normalized words of a field, stop words included (they count in its length). */
  readonly tokenize: (text: string, fieldName?: string) => string[]
  /** Indexing: the marked stem of a word and its written form; `null` for a stop word. */
  readonly processTerm: (term: string, fieldName?: string) => ProcessedTerms
  /** Searching: the query's words once each, their stems, their written forms boosted. */
  readonly searchOptions: {
    readonly tokenize: (text: string) => string[]
    readonly processTerm: (term: string) => ProcessedTerms
    readonly boostTerm: (term: string, i: number, terms: string[]) => number
    /** fahras's BM25+ parameters (`b = 1`; MiniSearch's default is 0.7). */
    readonly bm25: { readonly k: number; readonly b: number; readonly d: number }
  }
  /** Suggesting: written forms only, so that `autoSuggest` gives words; the last one a prefix. */
  readonly autoSuggestOptions: {
    readonly tokenize: (text: string) => string[]
    readonly processTerm: (term: string) => ProcessedTerms
    readonly combineWith: 'AND'
    readonly prefix: (term: string, i: number, terms: string[]) => boolean
  }
}

/** Is this index term a stem (as opposed to a written form)? */
export const isStemTerm = (term: string): boolean => term.startsWith(STEM_MARKER)

/** A memo of a function of a token, cleared when it holds {@link MEMO_LIMIT} entries. */
function memo(compute: (token: string) => ProcessedTerms): (token: string) => ProcessedTerms {
  const cache = new Map<string, ProcessedTerms>()
  return (token) => {
    if (typeof token !== 'string') return null
    let terms = cache.get(token)
    if (terms === undefined) {
      terms = compute(token)
      if (cache.size >= MEMO_LIMIT) cache.clear()
      cache.set(token, terms)
    }
    return terms
  }
}

/** One term or several, or null for none (what MiniSearch's `processTerm` may return). */
const collapse = (terms: string[]): ProcessedTerms =>
  terms.length === 0 ? null : terms.length === 1 ? terms[0]! : terms

const OPTIONS_SCHEMA = {
  normalize: 'object',
  stopWords: 'any',
  extraStopWords: 'string[]',
  stem: 'boolean',
  keep: 'string[]',
  exactBoost: 'number',
} as const

/**
 * Checks the options (those of {@link MinisearchAnalyzerOptions} and `extra`) and returns the
 * analyzer, the exact boost and the extra options. @internal
 */
export function resolveOptions(options: unknown, where: string, extra: Readonly<Record<string, 'string' | 'any'>>) {
  const given = checkOptions(options, where, { ...OPTIONS_SCHEMA, ...extra })
  const exactBoost = (given.exactBoost as number | undefined) ?? DEFAULT_EXACT_BOOST
  if (!Number.isFinite(exactBoost) || exactBoost < 0) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected \`exactBoost\` to be a finite number >= 0, got ${describe(exactBoost)}`,
      { option: 'exactBoost' },
      'type',
    )
  }
  const analyzerOptions: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(given))
    if (key !== 'exactBoost' && !(key in extra)) analyzerOptions[key] = value
  return { analyzer: createAnalyzer(analyzerOptions as AnalyzerOptions, where), exactBoost, given }
}

/** The term processors of indexing, querying and suggesting, on one analyzer. @internal */
export function termProcessors(analyzer: Analyzer, exactBoost: number) {
  // A token is normally one normalized word (our `tokenize`), but an app may keep its own
  // tokenizer (Omnisearch does): every token is normalized and split here again.
  const index = memo((token) => {
    const out: string[] = []
    for (const word of analyzer.words(token)) {
      const stem = analyzer.termOf(word)
      if (stem === null) continue
      out.push(STEM_MARKER + stem, word)
    }
    return collapse(out)
  })
  const query = memo((token) => {
    const out: string[] = []
    for (const word of analyzer.words(token)) {
      const stem = analyzer.termOf(word)
      if (stem === null) continue
      out.push(STEM_MARKER + stem)
      // as ArabicSearch: the written form is searched only when it differs from the stem
      if (exactBoost > 0 && stem !== word) out.push(word)
    }
    return collapse(out)
  })
  const suggest = memo((token) => collapse(analyzer.words(token).filter((word) => !analyzer.isStopWord(word))))
  return { index, query, suggest }
}

/**
 * MiniSearch options that give an app fahras's Arabic analysis: normalization (diacritics,
 * Quranic marks, tatweel, alef, yeh, taa marbuta and hamza variants, Uthmani spelling), clitics
 * and a light stemmer, stop words. Spread them into MiniSearch's options; the index then holds,
 * for each word, its stem (marked with {@link STEM_MARKER}) and its written form, and a search
 * matches the stems and ranks the exact written form first, as `ArabicSearch` does.
 * `autoSuggest` suggests written forms (normalized: without diacritics, alef and taa marbuta
 * unified). Throws `FAHRAS_INVALID_OPTION` on unknown options or wrong types.
 *
 * @example
 * ```ts
 * import MiniSearch from 'minisearch'
 * import { minisearchOptions } from 'fahras/minisearch'
 * const miniSearch = new MiniSearch({ fields: ['text'], storeFields: ['text'], ...minisearchOptions() })
 * miniSearch.addAll([{ id: 1, text: 'وَالْكِتَابِ' }, { id: 2, text: 'كتابه' }, { id: 3, text: 'الكتاب' }])
 * miniSearch.search('الكتاب').map((r) => r.id) // → [3, 1, 2]
 * miniSearch.autoSuggest('الكت')[0].suggestion  // → 'الكتاب'
 * ```
 */
export function minisearchOptions(options?: MinisearchAnalyzerOptions): FahrasMiniSearchOptions {
  const { analyzer, exactBoost } = resolveOptions(options, 'minisearchOptions()', {})
  const terms = termProcessors(analyzer, exactBoost)
  const words = (text: string): string[] => (typeof text === 'string' ? analyzer.words(text) : [])
  return {
    tokenize: words,
    processTerm: terms.index,
    searchOptions: {
      // each word once (as ArabicSearch), at most MAX_QUERY_WORDS of them
      tokenize: (text: string) => [...new Set(words(text))].slice(0, MAX_QUERY_WORDS),
      processTerm: terms.query,
      boostTerm: (term: string) => (isStemTerm(term) ? 1 : exactBoost),
      bm25: { ...DEFAULT_BM25 },
    },
    autoSuggestOptions: {
      tokenize: words,
      processTerm: terms.suggest,
      combineWith: 'AND' as const,
      prefix: (_term: string, i: number, all: string[]) => i === all.length - 1,
    },
  }
}

/**
 * A query tree for MiniSearch that keeps each word's stem and written form together, so that
 * `combineWith: 'AND'` requires every word (through its stem) and still ranks written forms first.
 */
import type { Analyzer } from '../analyze/analyze.js'
import { assertString, createError, describe, ERROR_CODES } from '../errors.js'
import { isStemTerm, MAX_QUERY_WORDS, resolveOptions, STEM_MARKER, type MinisearchAnalyzerOptions } from './options.js'

/** Options of {@link minisearchQuery}: those given to `minisearchOptions()`, and how words combine. */
export interface MinisearchQueryOptions extends MinisearchAnalyzerOptions {
  /** How the query's words combine: `'OR'` ranks documents with any of them, `'AND'` requires all. @default 'OR' */
  readonly combineWith?: 'OR' | 'AND' | 'or' | 'and'
}

/**
 * A MiniSearch query tree (MiniSearch's `QueryCombination`), typed structurally so that it fits
 * the app's own MiniSearch, whatever its version.
 */
export interface MiniSearchQueryTree {
  readonly combineWith: 'OR' | 'AND'
  readonly tokenize?: (text: string) => string[]
  readonly processTerm?: (term: string) => string
  readonly boostTerm?: (term: string, i: number, terms: string[]) => number
  queries: Array<string | MiniSearchQueryTree>
}

/** Analyzers by their options (a few at most): a query is built on every keystroke. */
const analyzers = new Map<string, { analyzer: Analyzer; exactBoost: number }>()
const CACHE_LIMIT = 8

const identity = (text: string) => text
const single = (text: string) => [text]

/**
 * The MiniSearch query of a text: each word an `OR` of its stem and (boosted by `exactBoost`,
 * when it differs) its written form, the words combined with `combineWith`. With `'OR'` it
 * ranks as `miniSearch.search(text)` does; with `'AND'` a document must hold every word, in any
 * of its forms (a plain query string with `combineWith: 'AND'` would require the written form of
 * each word too). Pass the same analyzer options as to `minisearchOptions()`. The search call's
 * other options (`prefix`, `fuzzy`, `boost`, `filter`…) apply as usual.
 *
 * @example
 * ```ts
 * miniSearch.search(minisearchQuery('الكتاب المقدس', { combineWith: 'AND' }), { prefix: true })
 * ```
 */
export function minisearchQuery(text: string, options?: MinisearchQueryOptions): MiniSearchQueryTree {
  const where = 'minisearchQuery()'
  assertString(text, 'minisearchQuery')
  const key = options === undefined ? '' : safeKey(options)
  let entry = key === null ? undefined : analyzers.get(key)
  const combine = options?.combineWith ?? 'OR'
  if (!['OR', 'AND', 'or', 'and'].includes(combine as string)) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected \`combineWith\` to be 'OR' or 'AND', got ${describe(combine)}`,
      { option: 'combineWith' },
      'type',
    )
  }
  if (entry === undefined) {
    const { analyzer, exactBoost } = resolveOptions(options, where, { combineWith: 'any' })
    entry = { analyzer, exactBoost }
    if (key !== null) {
      if (analyzers.size >= CACHE_LIMIT) analyzers.clear()
      analyzers.set(key, entry)
    }
  }
  const { analyzer, exactBoost } = entry
  const queries: Array<string | MiniSearchQueryTree> = []
  const seen = new Set<string>()
  for (const word of analyzer.words(text)) {
    if (seen.has(word) || queries.length >= MAX_QUERY_WORDS) continue
    seen.add(word)
    const stem = analyzer.termOf(word)
    if (stem === null) continue
    queries.push(
      exactBoost > 0 && stem !== word ? { combineWith: 'OR', queries: [STEM_MARKER + stem, word] } : STEM_MARKER + stem,
    )
  }
  return {
    combineWith: combine.toUpperCase() as 'OR' | 'AND',
    // the leaves are index terms already: no tokenizing or processing again
    tokenize: single,
    processTerm: identity,
    boostTerm: (term: string) => (isStemTerm(term) ? 1 : exactBoost),
    queries,
  }
}

/** A cache key of plain options, or null when they cannot be serialized (they are then checked as given). */
function safeKey(options: unknown): string | null {
  try {
    return JSON.stringify(options) ?? null
  } catch {
    return null
  }
}

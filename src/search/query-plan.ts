/**
 * From a query string to what is searched, within fixed bounds: the words, the phrases and the
 * excluded words, each analyzed as the documents are, with repeats dropped and at most
 * {@link MAX_QUERY_TERMS} words kept. Also the bounds shared by `search()` and `suggest()`. @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import type { Analyzer } from '../analyze/analyze.js'
import type { SearchOptions } from './options.js'
import { uniquePhrases, type QueryPhrase } from './phrases.js'
import { parseQuery, type QueryUnit } from './query.js'

/** At most this many distinct words of a query are searched; the rest are ignored. */
export const MAX_QUERY_TERMS = 256
/** A prefix shorter than this (after normalization) is searched as a whole word. */
export const MIN_PREFIX_LENGTH = 2
/** The largest fuzzy edit distance accepted. */
export const MAX_FUZZY_DISTANCE = 2
/**
 * Prefix and fuzzy matching expand a word to many index terms: they apply to the first this many
 * words of a query; the others match exactly.
 */
export const MAX_EXPANDED_TERMS = 8
/** The largest `limit` of `suggest()`: each suggestion is looked up as written in a document. */
export const MAX_SUGGESTIONS = 100

/** What a query searches. @internal */
export interface QueryPlan {
  /** Plain words and prefixes, without repeats. */
  readonly words: QueryUnit[]
  /** Phrases of two words or more, without repeats (a one-word phrase is a word). */
  readonly phrases: QueryPhrase[]
  /** Excluded words (at most MAX_QUERY_TERMS). */
  readonly excluded: QueryUnit[]
}

/** Analyzes a clause into units: one per index term, each with its stem and written form. @internal */
export function queryUnits(analyzer: Analyzer, text: string, prefix: boolean): QueryUnit[] {
  const units: QueryUnit[] = []
  analyzer.eachTerm(text, (term, word) => units.push({ term, word, prefix: false }))
  if (prefix && units.length > 0) {
    const last = units[units.length - 1]!
    units[units.length - 1] = { ...last, prefix: true }
  }
  return units
}

/** The units without repeats, at most `budget` of them (in query order). @internal */
export function uniqueUnits(units: readonly QueryUnit[], budget = MAX_QUERY_TERMS): QueryUnit[] {
  const seen = new Set<string>()
  const kept: QueryUnit[] = []
  for (const u of units) {
    if (kept.length >= budget) break
    const key = `${u.term}\u0000${u.word}\u0000${u.prefix}`
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(u)
  }
  return kept
}

/**
 * Parses and analyzes a query. Bounded work for any query: repeated words and phrases count
 * once, and at most MAX_QUERY_TERMS words (phrases first) are searched. Returns null when
 * nothing is left to search. @internal
 */
export function planQuery(analyzer: Analyzer, query: string): QueryPlan | null {
  const words: QueryUnit[] = []
  const phrases: QueryPhrase[] = []
  const excluded: QueryUnit[] = []
  for (const clause of parseQuery(query)) {
    if (clause.exclude) {
      if (excluded.length < MAX_QUERY_TERMS) excluded.push(...queryUnits(analyzer, clause.text, false))
    } else if (clause.phrase) {
      const analyzed = analyzer.analyze(clause.text)
      if (analyzed.length === 0) continue
      const units = analyzed.map((t) => ({ term: t.term, word: t.word, prefix: false }))
      if (units.length === 1) words.push(units[0]!)
      else phrases.push({ units, positions: analyzed.map((t) => t.position) })
    } else {
      words.push(...queryUnits(analyzer, clause.text, clause.prefix))
    }
  }
  let budget = MAX_QUERY_TERMS
  const keptPhrases = uniquePhrases(phrases).filter((p) => p.units.length <= budget && (budget -= p.units.length) >= 0)
  const keptWords = uniqueUnits(words, budget)
  if (excluded.length > MAX_QUERY_TERMS) excluded.length = MAX_QUERY_TERMS
  if (keptWords.length === 0 && keptPhrases.length === 0) return null
  return { words: keptWords, phrases: keptPhrases, excluded }
}

/** The options that shape the engine query. @internal */
export type QueryShape = Pick<SearchOptions, 'combineWith' | 'prefix' | 'fuzzy'>

/**
 * The engine query of a plan: the words of each phrase all required, the words combined with
 * `combineWith`, the excluded words subtracted. Prefix and fuzzy expansion apply to the first
 * MAX_EXPANDED_TERMS words; the others, and excluded words, match exactly. @internal
 */
export function engineQuery(
  plan: QueryPlan,
  options: QueryShape,
  unitQuery: (unit: QueryUnit, options: QueryShape) => EngineQuery,
): EngineQuery {
  const { words, phrases, excluded } = plan
  const exact: QueryShape = { ...options, fuzzy: false, prefix: false }
  const required: EngineQuery[] = phrases.map((p) => ({
    combineWith: 'AND',
    queries: p.units.map((u) => unitQuery(u, options)),
  }))
  let positive: EngineQuery
  if (words.length > 0) {
    let expanded = 0
    const wordQuery: EngineQuery = {
      combineWith: (options.combineWith ?? 'OR').toUpperCase() as 'OR' | 'AND',
      queries: words.map((word, i) => {
        const u = i === words.length - 1 ? { ...word, last: true } : word
        const expands = u.prefix || options.prefix === true || (options.fuzzy ?? false) !== false
        if (expands && expanded++ >= MAX_EXPANDED_TERMS) return unitQuery({ ...u, prefix: false }, exact)
        return unitQuery(u, options)
      }),
    }
    positive = required.length > 0 ? { combineWith: 'AND', queries: [...required, wordQuery] } : wordQuery
  } else positive = required.length === 1 ? required[0]! : { combineWith: 'AND', queries: required }
  if (excluded.length === 0) return positive
  return {
    combineWith: 'AND_NOT',
    queries: [positive, { combineWith: 'OR', queries: excluded.map((u) => unitQuery({ ...u, prefix: false }, exact)) }],
  }
}

/**
 * The ranking of every engine, written once: BM25+ per term and field, the weight of a prefix
 * expansion, the coordination factor, the proximity of the first results, and the defaults.
 * BM25+ and the prefix weight are MiniSearch 7's (its `calcBM25Score` and `weights.prefix`), so
 * `ArabicSearch` gets them from MiniSearch; the packed index and the static-site runtime compute
 * the same, and tests/packed-parity.test.ts and tests/site-index.test.ts check that all give the
 * same scores. docs/benchmarks.md ("Ranking") measures each part. @internal
 */
import type { BM25Params } from '../options.js'

/**
 * The BM25+ parameters when a search gives none. `b = 1`: a field's length fully normalizes its
 * term frequencies (MiniSearch and Lucene use 0.7 and 0.75; on both open sets 1 ranks better).
 */
export const DEFAULT_BM25: BM25Params = Object.freeze({ k: 1.2, b: 1, d: 0.5 })

/** How the score of a document grows with the query words it matches (the search option `coordination`). */
export type Coordination = 'sqrt' | 'linear'

/** The default coordination. */
export const DEFAULT_COORDINATION: Coordination = 'sqrt'

/**
 * In the coordination, a query term that is a word's written form (the stem matched as written)
 * counts this much; a stem, a prefix or a typo counts 1. A word matched as written counts 1.5.
 */
export const WRITTEN_FORM_SHARE = 0.5

/**
 * The factor a document's summed BM25+ is multiplied by, for the query terms it matched:
 * `'sqrt'`, the square root of the terms matched, each weighted as {@link WRITTEN_FORM_SHARE} says;
 * `'linear'`, the number of distinct terms matched (MiniSearch's "quality", fahras 0.1's ranking).
 * Grows with what is matched, never below 1, so MaxScore's bounds (top-k.ts) hold.
 */
export function coordination(mode: Coordination, terms: number, writtenForms: number): number {
  if (mode === 'linear') return terms || 1
  const matched = terms - writtenForms + WRITTEN_FORM_SHARE * writtenForms
  return matched > 1 ? Math.sqrt(matched) : 1
}

/**
 * Proximity: the first {@link RERANK_DEPTH} results of a search are ranked again, each score
 * multiplied by `proximityFactor` of the most distinct query words found within
 * {@link PROXIMITY_WINDOW} consecutive words of one field (stop words count as words). The rest
 * keep their order; a result's text must be available (stored, or from `getText`).
 */
export const RERANK_DEPTH = 10
/** The window of proximity, in words. */
export const PROXIMITY_WINDOW = 16
/** What each query word beyond the first within one window adds to the factor. */
export const PROXIMITY_WEIGHT = 0.2

/** The proximity factor of a result whose closest query words are `words` distinct ones within a window. */
export function proximityFactor(words: number): number {
  return words > 1 ? 1 + PROXIMITY_WEIGHT * (words - 1) : 1
}

/**
 * The most distinct keys among `matches` (sorted by position) within PROXIMITY_WINDOW consecutive
 * positions: a sliding window over the matched words, linear in their number.
 */
export function closestWords(matches: ReadonlyArray<{ readonly position: number; readonly key: string }>): number {
  const inWindow = new Map<string, number>()
  let best = 0
  let first = 0
  for (const m of matches) {
    inWindow.set(m.key, (inWindow.get(m.key) ?? 0) + 1)
    while (matches[first]!.position <= m.position - PROXIMITY_WINDOW) {
      const key = matches[first++]!.key
      const left = inWindow.get(key)! - 1
      if (left === 0) inWindow.delete(key)
      else inWindow.set(key, left)
    }
    if (inWindow.size > best) best = inWindow.size
  }
  return best
}

/** The weight of a prefix expansion at distance 0 (MiniSearch's `weights.prefix`). */
export const PREFIX_WEIGHT = 0.375

/** The IDF of BM25+ for a term in `df` documents of `n`. */
export function inverseFrequency(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/**
 * BM25+ of one term in one field of one document is `inverseFrequency(df, n)` ×
 * `frequencyPart(tf, length, average, params)`. The part that depends on the document: grows with `tf`, shrinks as the field grows,
 * so `frequencyPart(maxTf, minLength, …)` bounds it over a term's postings.
 */
export function frequencyPart(tf: number, length: number, average: number, { k, b, d }: BM25Params): number {
  return d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average))
}

/** The weight of an index term of `length` characters reached by a prefix of `prefixLength`. */
export function prefixWeight(length: number, prefixLength: number): number {
  return (PREFIX_WEIGHT * length) / (length + 0.3 * (length - prefixLength))
}

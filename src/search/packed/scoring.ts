/**
 * The ranking of both engines, written once: BM25+ per term and field, the weight of a prefix
 * expansion, and the defaults. These are the definitions MiniSearch 7 ranks `ArabicSearch` with
 * (its `calcBM25Score`, prefix weight and defaults); the packed index computes the same, and
 * tests/packed-parity.test.ts checks that both give the same scores. @internal
 */
import type { BM25Params } from '../options.js'

/** The BM25+ parameters when a search gives none. */
export const DEFAULT_BM25: BM25Params = Object.freeze({ k: 1.2, b: 0.7, d: 0.5 })

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

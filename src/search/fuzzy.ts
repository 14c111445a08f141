/**
 * Typo tolerance on what users type: a query word is matched, within an edit distance, against
 * the written words of the index (its written-form terms, and the stems that are written words
 * themselves), and the stems of the words found are searched, each weighted below an exact match.
 * Fuzzy matching on stems (a typo changes the stem: بغدد → غدد ≈ عدد) is not used. @internal
 */
import type MiniSearch from 'minisearch'
import type { Analyzer } from '../analyze/analyze.js'
import { MAX_FUZZY_DISTANCE } from './query-plan.js'
import { checkEngine } from './engine-dirt.js'

/** The fraction of the word's length that `fuzzy: true` allows as edit distance (as MiniSearch). */
export const DEFAULT_FUZZY_FRACTION = 0.2
/**
 * The weight of a fuzzy match at distance d of a word of n letters: FUZZY_WEIGHT × n / (n + d),
 * always below the weight 1 of the exact match (MiniSearch's own fuzzy weight).
 */
export const FUZZY_WEIGHT = 0.45
/** At most this many stems are searched for the typos of one word (closest first). */
export const MAX_FUZZY_STEMS = 32

/**
 * A word longer than this is matched exactly, never fuzzily: the engine's edit-distance search
 * takes memory and time in the square of the word's length (a 100 kB word would need 10 GB),
 * and no written word of a language is this long.
 */
export const MAX_FUZZY_WORD_LENGTH = 48

/** The part of the engine's term index that fuzzy matching reads (MiniSearch 7's SearchableMap). */
export interface TermIndex {
  fuzzyGet(key: string, maxDistance: number): Map<string, [unknown, number]>
  get(key: string): unknown
  /** Documents holding a term, from the data `fuzzyGet` gives with it (else counted from MiniSearch's maps). */
  frequency?(data: unknown): number
}

/**
 * The engine's term index (MiniSearch 7.2's `_index`). Throws FAHRAS_ENGINE_MISMATCH when it is
 * not there (engine-dirt.ts has checked it already when the engine was made or loaded).
 */
export function termIndexOf(mini: MiniSearch): TermIndex {
  checkEngine(mini, ['_index', '_index.get', '_index.fuzzyGet'])
  checkEngine(mini, ['_documentIds'])
  const { _index: index, _documentIds: live } = mini as unknown as {
    _index: TermIndex
    _documentIds: Map<number, unknown>
  }
  // MiniSearch keeps the terms of removed documents until it vacuums: a term counts only while a
  // live document holds it (as in a fresh index of the same documents, and in a packed index)
  const alive = (data: unknown): boolean => {
    if (!(data instanceof Map)) return false
    for (const postings of data.values())
      if (postings instanceof Map) for (const doc of postings.keys()) if (live.has(doc)) return true
    return false
  }
  const liveCount = (data: unknown): number => {
    let count = 0
    if (data instanceof Map)
      for (const postings of data.values())
        if (postings instanceof Map) for (const doc of postings.keys()) if (live.has(doc)) count++
    return count
  }
  return {
    get: (key) => {
      const data = index.get(key)
      return alive(data) ? data : undefined
    },
    fuzzyGet: (key, maxDistance) => {
      const found = index.fuzzyGet(key, maxDistance)
      for (const [term, [data]] of found) if (!alive(data)) found.delete(term)
      return found
    },
    frequency: liveCount,
  }
}

/** The edit distance that the `fuzzy` option allows for a written word (0: none, and for a word longer than MAX_FUZZY_WORD_LENGTH). */
export function fuzzyDistance(fuzzy: boolean | number | undefined, word: string): number {
  if (fuzzy === undefined || fuzzy === false || fuzzy === 0 || word.length > MAX_FUZZY_WORD_LENGTH) return 0
  const fraction = fuzzy === true ? DEFAULT_FUZZY_FRACTION : fuzzy
  const distance = fraction < 1 ? Math.round(word.length * fraction) : fraction
  return Math.min(MAX_FUZZY_DISTANCE, distance)
}

/** A written word of the index near a query word. */
export interface Neighbour {
  /** The written (normalized) word. */
  readonly word: string
  /** Its stem, the index term that is searched. */
  readonly stem: string
  readonly distance: number
  /** Documents holding the term (summed over fields): how common the word is. */
  readonly frequency: number
}

const frequencyOf = (data: unknown): number => {
  let count = 0
  if (data instanceof Map) for (const postings of data.values()) count += postings instanceof Map ? postings.size : 0
  return count
}

/**
 * The written words of the index within `maxDistance` edits of `word` (itself excluded), closest
 * first, then the most frequent. A written word is a written-form term (marked with `surface`),
 * or a term without the mark that its own analysis keeps whole (a word such as بغداد, indexed
 * once as its own stem).
 */
export function writtenNeighbours(
  index: TermIndex,
  analyzer: Analyzer,
  word: string,
  maxDistance: number,
  surface: string,
): Neighbour[] {
  if (maxDistance <= 0 || word.length === 0 || word.length > MAX_FUZZY_WORD_LENGTH) return []
  const found = new Map<string, Neighbour>()
  const consider = (written: string, distance: number, data: unknown) => {
    if (distance === 0 || written === word || found.has(written)) return
    const stem = analyzer.termOf(written)
    if (stem === null) return
    found.set(written, {
      word: written,
      stem,
      distance,
      frequency: index.frequency ? index.frequency(data) : frequencyOf(data),
    })
  }
  for (const [term, [data, distance]] of index.fuzzyGet(surface + word, maxDistance)) {
    if (term.startsWith(surface)) consider(term.slice(surface.length), distance, data)
  }
  for (const [term, [data, distance]] of index.fuzzyGet(word, maxDistance)) {
    if (!term.startsWith(surface) && analyzer.termOf(term) === term) consider(term, distance, data)
  }
  return [...found.values()].sort(
    (a, b) => a.distance - b.distance || b.frequency - a.frequency || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  )
}

/**
 * The stems to search for the typos of a query word, each with its weight (below 1): the stems
 * of its written neighbours, except its own stem (searched exactly already), at most
 * MAX_FUZZY_STEMS of them.
 */
export function fuzzyStems(neighbours: readonly Neighbour[], ownStem: string): Map<string, number> {
  const weights = new Map<string, number>()
  for (const n of neighbours) {
    if (n.stem === ownStem) continue
    const weight = (FUZZY_WEIGHT * n.word.length) / (n.word.length + n.distance)
    if ((weights.get(n.stem) ?? 0) < weight) {
      if (!weights.has(n.stem) && weights.size >= MAX_FUZZY_STEMS) continue
      weights.set(n.stem, weight)
    }
  }
  return weights
}

/** The largest edit distance "did you mean" tries for a word: 1 up to 4 letters, 2 beyond. */
export function correctionDistance(word: string): number {
  return word.length <= 4 ? 1 : MAX_FUZZY_DISTANCE
}

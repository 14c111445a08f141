/**
 * Phrase verification for `ArabicSearch.search`. The engine has no positions, so a phrase is
 * searched as its words (all required) and each candidate document is then checked against its
 * text: each field is analyzed once per candidate, whatever the number of phrases, into a map
 * term → positions, and every phrase is checked against that map in time linear in the
 * occurrences of its rarest term. Repeated phrases are checked once, and at most
 * {@link MAX_PHRASE_CANDIDATES} candidates are checked per search. @internal
 */
import type { Analyzer } from '../analyze/analyze.js'
import type { QueryUnit } from './query.js'

/**
 * A search with a phrase checks at most this many candidate documents (those with all the words
 * of the phrases, best scores first) against their text; a document that holds the phrase but
 * ranks below them by its words' scores is not returned.
 */
export const MAX_PHRASE_CANDIDATES = 1000

/** A phrase of a query: its units and the position of each among the words of the phrase. @internal */
export interface QueryPhrase {
  readonly units: readonly QueryUnit[]
  /** Positions of the units among the phrase's words, stop words counted. */
  readonly positions: readonly number[]
}

/** The phrases without repeats: two phrases with the same units at the same relative positions are one. @internal */
export function uniquePhrases(phrases: readonly QueryPhrase[]): QueryPhrase[] {
  const seen = new Set<string>()
  return phrases.filter((phrase) => {
    const first = phrase.positions[0] ?? 0
    const key = JSON.stringify(phrase.units.map((u, i) => [phrase.positions[i]! - first, u.term, u.word]))
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

interface Pattern {
  readonly stems: readonly string[]
  /** Position of each term relative to the first. */
  readonly offsets: readonly number[]
}

/** Where the wanted terms of one text are: the term at each position, and each term's positions. */
interface PositionMap {
  readonly termAt: ReadonlyArray<string | undefined>
  readonly positions: ReadonlyMap<string, readonly number[]>
}

function positionMap(analyzer: Analyzer, text: string, wanted: ReadonlySet<string>): PositionMap {
  const words = analyzer.words(text)
  const termAt = new Array<string | undefined>(words.length)
  const positions = new Map<string, number[]>()
  for (let i = 0; i < words.length; i++) {
    const term = analyzer.termOf(words[i]!)
    if (term === null || !wanted.has(term)) continue
    termAt[i] = term
    const list = positions.get(term)
    if (list) list.push(i)
    else positions.set(term, [i])
  }
  return { termAt, positions }
}

/** Does the text hold the pattern? Tries each occurrence of its rarest term: linear in the text. */
function occursIn(pattern: Pattern, map: PositionMap): boolean {
  let anchor = -1
  let fewest = Infinity
  for (let k = 0; k < pattern.stems.length; k++) {
    const count = map.positions.get(pattern.stems[k]!)?.length ?? 0
    if (count === 0) return false
    if (count < fewest) {
      fewest = count
      anchor = k
    }
  }
  const { stems, offsets } = pattern
  for (const at of map.positions.get(stems[anchor]!)!) {
    const base = at - offsets[anchor]!
    let k = 0
    while (k < stems.length && map.termAt[base + offsets[k]!] === stems[k]) k++
    if (k === stems.length) return true
  }
  return false
}

/**
 * Returns the check of one candidate: given the searched fields and the text of each (or
 * `undefined` when it is not available), does every phrase occur in one of the fields? Each
 * field's text is read and analyzed at most once. Without any text the phrases cannot be checked
 * and the candidate is kept (its words are required by the query). @internal
 */
export function phraseMatcher(analyzer: Analyzer, phrases: readonly QueryPhrase[]) {
  const patterns: Pattern[] = phrases.map((p) => ({
    stems: p.units.map((u) => u.term),
    offsets: p.positions.map((x) => x - p.positions[0]!),
  }))
  const wanted = new Set(patterns.flatMap((p) => p.stems))
  return (fields: readonly string[], textOf: (field: string) => string | undefined): boolean => {
    const found = new Array<boolean>(patterns.length).fill(false)
    let remaining = patterns.length
    let checked = false
    for (const field of fields) {
      const text = textOf(field)
      if (text === undefined) continue
      checked = true
      const map = positionMap(analyzer, text, wanted)
      for (let i = 0; i < patterns.length; i++) {
        if (found[i] || !occursIn(patterns[i]!, map)) continue
        found[i] = true
        remaining--
      }
      if (remaining === 0) return true
    }
    return !checked
  }
}

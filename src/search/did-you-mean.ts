/**
 * "Did you mean": a query whose written words the index does not hold, with each of them replaced
 * by the closest written word of the index (within 1 edit up to 4 letters, 2 beyond; the most
 * frequent among the closest). @internal
 */
import type { Analyzer } from '../analyze/analyze.js'
import { correctionDistance, writtenNeighbours, type TermIndex } from './fuzzy.js'
import { MAX_EXPANDED_TERMS } from './query-plan.js'

/** Operators and quotes before a word of the query, kept as they are. */
const LEADING = new Set(['-', '−', '"', '“', '”', '«', '»', '('])
/** Quotes, `*` and punctuation after a word of the query, kept as they are. */
const TRAILING = new Set(['"', '“', '”', '«', '»', '*', ')', '،', '.', '؟', '?', '!', ',', ':', ';'])

/** What a correction needs from the index. */
export interface CorrectionContext {
  readonly analyzer: Analyzer
  readonly index: TermIndex
  /** The mark of the written-form terms. */
  readonly surface: string
  /** How a normalized word of the index is best spelled for the user (see plainSpelling). */
  readonly spell: (word: string) => string
}

/**
 * The query with each word the index does not hold replaced by its closest written word, the
 * rest (spaces, operators, quotes, known words, stop words) unchanged; null when no word needed
 * or found a correction. At most MAX_EXPANDED_TERMS words are corrected (the first ones).
 */
export function correctQuery(query: string, context: CorrectionContext): string | null {
  const { analyzer, index, surface } = context
  let corrected = 0
  // a word repeated in the query is looked up once
  const seen = new Map<string, string | null>()
  const parts = query.split(/(\s+)/)
  for (let i = 0; i < parts.length; i++) {
    const token = parts[i]!
    if (token.trim() === '' || corrected >= MAX_EXPANDED_TERMS) continue
    let start = 0
    let end = token.length
    while (start < end && LEADING.has(token[start]!)) start++
    while (end > start && TRAILING.has(token[end - 1]!)) end--
    const lead = token.slice(0, start)
    const trail = token.slice(end)
    const core = token.slice(start, end)
    const words = analyzer.words(core)
    if (words.length !== 1) continue
    const word = words[0]!
    let spelled = seen.get(word)
    if (spelled === undefined) {
      const stem = analyzer.termOf(word)
      const best =
        stem === null || index.get(stem) !== undefined
          ? undefined
          : writtenNeighbours(index, analyzer, word, correctionDistance(word), surface)[0]
      spelled = best === undefined ? null : context.spell(best.word)
      seen.set(word, spelled)
    }
    if (spelled === null) continue
    parts[i] = lead + spelled + trail
    corrected++
  }
  return corrected === 0 ? null : parts.join('')
}

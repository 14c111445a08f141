/**
 * The tokens of a document's stored field that index terms match, found from the positions and
 * token offsets a packed index keeps (no analysis of the text again): for snippets. @internal
 */
import type { DocumentId } from '../options.js'
import type { FieldMatch } from '../searcher.js'
import { damagedPacked } from './layout.js'
import { cachedPostings } from './postings-cache.js'
import type { EngineState } from './search-state.js'
import { indexOf } from './sorted-docs.js'

/**
 * The tokens of a stored field that these index terms match, from the positions in the index
 * (null when the index keeps no positions or offsets for it). @internal
 */
export function fieldMatches(
  engine: EngineState,
  id: DocumentId,
  field: string,
  wanted: readonly string[],
  text: string,
): FieldMatch[] | null {
  const { view } = engine
  const f = engine.fieldNumbers.get(field)
  const doc = view.docOf(id)
  if (f === undefined || doc < 0) return null
  if (view.tokenRanges(doc, f, 0) === null) return null
  const found: Array<[string, Int32Array]> = []
  let last = 0
  for (const term of wanted) {
    const t = view.findTerm(term)
    if (t < 0) continue
    const p = cachedPostings(engine.postings, t, f)
    if (p === null) continue
    if (p.positionsAt < 0) return null
    const k = indexOf(p.docs, doc)
    if (k < 0) continue
    const positions = view.positions(p, k)!
    found.push([term, positions])
    for (const position of positions) if (position > last) last = position
  }
  // the offsets of the words up to the last one matched, no further
  const ranges = view.tokenRanges(doc, f, last)!
  const out: FieldMatch[] = []
  for (const [term, positions] of found) {
    for (const position of positions) {
      if (2 * position + 1 >= ranges.length)
        throw damagedPacked(
          'PackedIndex',
          `a position of the term ${JSON.stringify(term)} is past the tokens of its field`,
        )
      const start = ranges[2 * position]!
      const end = ranges[2 * position + 1]!
      if (end > text.length || splitsPair(text, start) || splitsPair(text, end)) {
        throw damagedPacked(
          'PackedIndex',
          `a word of the field ${JSON.stringify(field)} of the document ${JSON.stringify(id)} ends past its stored text or inside a character`,
        )
      }
      out.push({ position, start, end, term })
    }
  }
  return out
}

/** Does offset `at` fall between the two halves of a surrogate pair? */
function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false
  const before = text.charCodeAt(at - 1)
  const after = text.charCodeAt(at)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

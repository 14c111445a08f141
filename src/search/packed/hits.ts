/**
 * The hits of a packed engine's search: the final scores (the sums times the coordination of
 * the query terms matched), best first, equal scores in the order the documents were added, read
 * lazily from a heap, each with the index terms it matched in each field. @internal
 */
import type { EngineHit } from '../searcher.js'
import type { PartialResult } from './evaluate.js'
import { coordinationOf, postingsOf, type SearchContext } from './search-state.js'
import { indexOf } from './sorted-docs.js'

/** The hits of a packed engine's search, with the documents matched when it evaluated the whole query. */
export type PackedHits = Iterable<EngineHit> & { readonly matched?: Int32Array }

/**
 * The hits of a search's result, best first; `whole`: the result holds every match (not cut by
 * MaxScore), handed as `matched` so that a caller can count them without reading them. @internal
 */
export function rankedHits(context: SearchContext, result: PartialResult, whole: boolean): PackedHits {
  const { words, view } = context
  const count = result.docs.length
  const final = new Float64Array(count)
  for (let i = 0; i < count; i++) final[i] = result.scores[i]! * coordinationOf(context, result.masks, i * words)
  // best first, equal scores in the order the documents were added, read lazily from a heap:
  // a page of 10 costs a heap of the matches and 10 pops, not a sort of every match
  const hits = ranked(
    count,
    (x, y) => final[x]! > final[y]! || (final[x] === final[y] && result.docs[x]! < result.docs[y]!),
    (row) => {
      let match: Record<string, string[]> | undefined
      return {
        get id() {
          return view.idAt(result.docs[row]!)
        },
        score: final[row]!,
        get match() {
          return (match ??= matchOf(context, result, row))
        },
      }
    },
  )
  return Object.assign(hits, { matched: whole ? result.docs : undefined })
}

/** The index terms a document (a row of the result) matched, each with its fields (as MiniSearch's `match`). */
function matchOf(context: SearchContext, result: PartialResult, row: number): Record<string, string[]> {
  const { words, view } = context
  const doc = result.docs[row]!
  const match: Record<string, string[]> = {}
  for (const { bit, derived } of context.leaves) {
    if ((result.masks[row * words + (bit >>> 5)]! & (1 << (bit & 31))) === 0) continue
    for (const t of derived) {
      const term = view.termAt(t)
      if (Object.hasOwn(match, term)) continue
      const inFields: string[] = []
      for (const [f, , name] of context.fields) {
        const p = postingsOf(context, t, f)
        if (p !== null && indexOf(p.docs, doc) >= 0) inFields.push(name)
      }
      if (inFields.length > 0) match[term] = inFields
    }
  }
  return match
}

/**
 * The rows 0..count-1 in the order `before` gives (`before(x, y)`: x comes first), read lazily:
 * a binary heap is built in linear time and each row read costs one pop.
 */
function* ranked<H>(count: number, before: (x: number, y: number) => boolean, hit: (row: number) => H): Generator<H> {
  const heap = new Int32Array(count)
  for (let i = 0; i < count; i++) heap[i] = i
  let size = count
  const down = (at: number) => {
    let i = at
    for (;;) {
      const l = 2 * i + 1
      if (l >= size) return
      const r = l + 1
      const best = r < size && before(heap[r]!, heap[l]!) ? r : l
      if (!before(heap[best]!, heap[i]!)) return
      const t = heap[i]!
      heap[i] = heap[best]!
      heap[best] = t
      i = best
    }
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i)
  while (size > 0) {
    const top = heap[0]!
    heap[0] = heap[--size]!
    down(0)
    yield hit(top)
  }
}

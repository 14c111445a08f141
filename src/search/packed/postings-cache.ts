/**
 * The decoded postings of the (term, field) lists read last, shared by a packed engine's searches
 * and their snippets (which read the same lists): bounded by the number of postings held, the
 * lists read longest ago dropped first. @internal
 */
import type { FieldPostings, PackedView } from './reader.js'

/**
 * At most this many postings in all (about 8 bytes each), whatever the number of lists.
 * @internal
 */
const POSTINGS_CACHE = 1 << 21

/** The lists held, by `term * fieldCount + field`, oldest first, and the postings they count. @internal */
export interface PostingsCache {
  readonly view: PackedView
  readonly lists: Map<number, FieldPostings | null>
  /** The postings held, plus one per list. */
  held: number
}

/** An empty cache over a view's postings. @internal */
export function postingsCache(view: PackedView): PostingsCache {
  return { view, lists: new Map(), held: 0 }
}

/** The postings of a term in a field (null: the term is not in that field), decoded once while held. @internal */
export function cachedPostings(cache: PostingsCache, term: number, field: number): FieldPostings | null {
  const { view, lists } = cache
  const key = term * view.fieldCount + field
  let p = lists.get(key)
  if (p === undefined) {
    p = view.postings(term, field)
    cache.held += 1 + (p?.docs.length ?? 0)
    // the lists read longest ago go first
    for (const [old, list] of lists) {
      if (cache.held <= POSTINGS_CACHE) break
      lists.delete(old)
      cache.held -= 1 + (list?.docs.length ?? 0)
    }
  } else lists.delete(key)
  lists.set(key, p)
  return p
}

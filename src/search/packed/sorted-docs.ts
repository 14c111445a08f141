/**
 * Finding a document in an ascending list of document numbers (a term's postings): exactly, by
 * binary search, or the first at or after it, by galloping from a cursor. @internal
 */

/** Where `doc` is in the ascending `docs`, or -1. @internal */
export function indexOf(docs: Int32Array, doc: number): number {
  let lo = 0
  let hi = docs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const v = docs[mid]!
    if (v === doc) return mid
    if (v < doc) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** The first index >= from where docs[index] >= doc (galloping, then binary search). @internal */
export function seek(docs: Int32Array, from: number, doc: number): number {
  let lo = from
  let step = 1
  let hi = from
  while (hi < docs.length && docs[hi]! < doc) {
    lo = hi + 1
    hi += step
    step *= 2
  }
  if (hi > docs.length) hi = docs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (docs[mid]! < doc) lo = mid + 1
    else hi = mid
  }
  return lo
}

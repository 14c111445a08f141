/**
 * The best `k` documents of a query that only combines words with OR, without scoring every
 * matching document: MaxScore (Turtle & Flood, 1995). Each (index term, field) list has a bound
 * on what it can add to a score (its IDF × the BM25+ part of its largest frequency in its
 * shortest field); lists sorted by bound, the weakest ones whose bounds together cannot lift a
 * document to the k-th score so far are "non-essential": only documents of the essential lists
 * are visited, the others are looked up in them. The final score is the sum times the
 * coordination of the query terms matched (scoring.ts), and the bound of a set of lists is
 * multiplied by the coordination of all their terms (it grows with every term matched).
 * Returns exactly the documents (and scores) a full evaluation ranks first, equal scores in
 * document order. @internal
 */
import type { BM25Params } from '../options.js'
import { frequencyPart } from './scoring.js'

/** One (index term, field) list of a query, with what scores it. */
export interface Scorer {
  /** The bit of the query term it belongs to. */
  readonly bit: number
  readonly docs: Int32Array
  readonly tfs: Int32Array
  readonly field: number
  readonly average: number
  /** The query's weight of this list times its IDF. */
  readonly factor: number
  /** The most this list can add to a document's sum. */
  readonly bound: number
}

/** The best k: documents ascending, their sums (before the multiplication), masks of query-term bits. */
export interface TopK {
  readonly docs: Int32Array
  readonly scores: Float64Array
  readonly masks: Uint32Array
}

/** The bound of a list: its factor × the BM25+ part of its largest frequency in its shortest field. */
export function scorerBound(
  factor: number,
  maxTf: number,
  minLength: number,
  average: number,
  params: BM25Params,
): number {
  return factor * frequencyPart(maxTf, minLength, average, params)
}

/** The first index >= from where docs[index] >= doc (galloping, then binary search). */
function seek(docs: Int32Array, from: number, doc: number): number {
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

/** The coordination factor of the query terms whose bits are set in `masks` from word `from` on. */
export type Coordinate = (masks: Uint32Array, from: number) => number

/** The best k documents of the lists (see the module comment). */
export function topK(
  given: readonly Scorer[],
  k: number,
  words: number,
  lengthOf: (doc: number, field: number) => number,
  params: BM25Params,
  coordinate: Coordinate,
): TopK {
  const scorers = [...given].sort((a, b) => a.bound - b.bound)
  const count = scorers.length
  // prefix bounds: a document found only in lists 0..i-1 scores at most
  // (the sum of their bounds) × (the coordination of the query terms among them)
  const prefixBound = new Float64Array(count + 1)
  {
    let sum = 0
    const seenBits = new Uint32Array(words)
    for (let i = 0; i < count; i++) {
      const { bound, bit } = scorers[i]!
      sum += bound
      seenBits[bit >>> 5]! |= 1 << (bit & 31)
      prefixBound[i + 1] = sum * coordinate(seenBits, 0)
    }
  }
  const cursor = new Int32Array(count)
  // the heap of the best k so far: the worst at the top (lowest score, then highest document)
  const heapDoc: number[] = []
  const heapFinal: number[] = []
  const heapSum: number[] = []
  const heapMask: number[][] = []
  const worse = (i: number, j: number) =>
    heapFinal[i]! < heapFinal[j]! || (heapFinal[i] === heapFinal[j] && heapDoc[i]! > heapDoc[j]!)
  const swap = (i: number, j: number) => {
    for (const a of [heapDoc, heapFinal, heapSum, heapMask] as unknown[][]) {
      const t = a[i]
      a[i] = a[j]
      a[j] = t
    }
  }
  const up = (at: number) => {
    let i = at
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!worse(i, parent)) return
      swap(i, parent)
      i = parent
    }
  }
  const down = (at: number) => {
    let i = at
    for (;;) {
      const l = 2 * i + 1
      if (l >= heapDoc.length) return
      const r = l + 1
      const w = r < heapDoc.length && worse(r, l) ? r : l
      if (!worse(w, i)) return
      swap(w, i)
      i = w
    }
  }
  // the k-th score so far (none until k documents are held)
  let threshold = -Infinity
  // lists 0..essential-1 are non-essential
  let essential = 0
  const mask = new Uint32Array(words)
  for (;;) {
    // the next document of the essential lists
    let doc = Infinity
    for (let s = essential; s < count; s++) {
      const c = cursor[s]!
      const d = scorers[s]!.docs
      if (c < d.length && d[c]! < doc) doc = d[c]!
    }
    if (doc === Infinity) break
    mask.fill(0)
    let sum = 0
    for (let s = count - 1; s >= 0; s--) {
      const scorer = scorers[s]!
      let c = cursor[s]!
      if (s < essential) {
        c = seek(scorer.docs, c, doc)
        cursor[s] = c
      }
      if (c < scorer.docs.length && scorer.docs[c] === doc) {
        sum += scorer.factor * frequencyPart(scorer.tfs[c]!, lengthOf(doc, scorer.field), scorer.average, params)
        mask[scorer.bit >>> 5]! |= 1 << (scorer.bit & 31)
        if (s >= essential) cursor[s] = c + 1
      }
    }
    const final = sum * coordinate(mask, 0)
    if (heapDoc.length < k) {
      heapDoc.push(doc)
      heapFinal.push(final)
      heapSum.push(sum)
      heapMask.push(Array.from(mask))
      up(heapDoc.length - 1)
    } else if (final > heapFinal[0]!) {
      // (an equal score comes after: its document is later)
      heapDoc[0] = doc
      heapFinal[0] = final
      heapSum[0] = sum
      heapMask[0] = Array.from(mask)
      down(0)
    } else continue
    if (heapDoc.length === k) {
      threshold = heapFinal[0]!
      // the non-essential lists: the longest prefix whose bound stays below the k-th score
      while (essential < count && prefixBound[essential + 1]! < threshold) essential++
    }
  }
  const order = heapDoc.map((_, i) => i).sort((a, b) => heapDoc[a]! - heapDoc[b]!)
  const masks = new Uint32Array(order.length * words)
  order.forEach((i, row) => masks.set(heapMask[i]!, row * words))
  return {
    docs: Int32Array.from(order, (i) => heapDoc[i]!),
    scores: Float64Array.from(order, (i) => heapSum[i]!),
    masks,
  }
}

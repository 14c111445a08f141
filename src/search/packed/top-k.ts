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
import { seek } from './sorted-docs.js'

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

/** The coordination factor of the query terms whose bits are set in `masks` from word `from` on. */
export type Coordinate = (masks: Uint32Array, from: number) => number

/** The heap of the best k so far, as parallel arrays: the worst at the top (lowest score, then highest document). */
interface BestHeap {
  readonly docs: number[]
  /** The final scores (the sums times the coordination). */
  readonly finals: number[]
  readonly sums: number[]
  readonly masks: number[][]
}

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
  const prefixBound = prefixBounds(scorers, words, coordinate)
  const cursor = new Int32Array(count)
  const heap: BestHeap = { docs: [], finals: [], sums: [], masks: [] }
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
    // its sum over every list: the essential lists' cursors move past it, the others are sought to it
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
    if (!offer(heap, k, doc, sum * coordinate(mask, 0), sum, mask)) continue
    if (heap.docs.length === k) {
      // the k-th score so far
      const threshold = heap.finals[0]!
      // the non-essential lists: the longest prefix whose bound stays below the k-th score
      while (essential < count && prefixBound[essential + 1]! < threshold) essential++
    }
  }
  return ascending(heap, words)
}

/**
 * Prefix bounds of the lists sorted by bound: a document found only in lists 0..i-1 scores at
 * most (the sum of their bounds) × (the coordination of the query terms among them).
 */
function prefixBounds(scorers: readonly Scorer[], words: number, coordinate: Coordinate): Float64Array {
  const prefixBound = new Float64Array(scorers.length + 1)
  let sum = 0
  const seenBits = new Uint32Array(words)
  for (let i = 0; i < scorers.length; i++) {
    const { bound, bit } = scorers[i]!
    sum += bound
    seenBits[bit >>> 5]! |= 1 << (bit & 31)
    prefixBound[i + 1] = sum * coordinate(seenBits, 0)
  }
  return prefixBound
}

/** Offers a document to the heap of the best k: false when it does not enter it. */
function offer(heap: BestHeap, k: number, doc: number, final: number, sum: number, mask: Uint32Array): boolean {
  if (heap.docs.length < k) {
    heap.docs.push(doc)
    heap.finals.push(final)
    heap.sums.push(sum)
    heap.masks.push(Array.from(mask))
    siftUp(heap, heap.docs.length - 1)
    return true
  }
  // (an equal score comes after: its document is later)
  if (!(final > heap.finals[0]!)) return false
  heap.docs[0] = doc
  heap.finals[0] = final
  heap.sums[0] = sum
  heap.masks[0] = Array.from(mask)
  siftDown(heap, 0)
  return true
}

/** Does entry i of the heap rank below entry j (a lower score, or an equal one and a later document)? */
function worse(heap: BestHeap, i: number, j: number): boolean {
  const { finals, docs } = heap
  return finals[i]! < finals[j]! || (finals[i] === finals[j] && docs[i]! > docs[j]!)
}

/** Swaps entries i and j of the heap. */
function swap(heap: BestHeap, i: number, j: number): void {
  for (const a of [heap.docs, heap.finals, heap.sums, heap.masks] as unknown[][]) {
    const t = a[i]
    a[i] = a[j]
    a[j] = t
  }
}

/** Moves entry `at` up to its place. */
function siftUp(heap: BestHeap, at: number): void {
  let i = at
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!worse(heap, i, parent)) return
    swap(heap, i, parent)
    i = parent
  }
}

/** Moves entry `at` down to its place. */
function siftDown(heap: BestHeap, at: number): void {
  const size = heap.docs.length
  let i = at
  for (;;) {
    const l = 2 * i + 1
    if (l >= size) return
    const r = l + 1
    const w = r < size && worse(heap, r, l) ? r : l
    if (!worse(heap, w, i)) return
    swap(heap, w, i)
    i = w
  }
}

/** The heap's documents ascending, with their sums and masks. */
function ascending(heap: BestHeap, words: number): TopK {
  const order = heap.docs.map((_, i) => i).sort((a, b) => heap.docs[a]! - heap.docs[b]!)
  const masks = new Uint32Array(order.length * words)
  order.forEach((i, row) => masks.set(heap.masks[i]!, row * words))
  return {
    docs: Int32Array.from(order, (i) => heap.docs[i]!),
    scores: Float64Array.from(order, (i) => heap.sums[i]!),
    masks,
  }
}

/**
 * The search engine of a packed index: evaluates the engine query that the query compiler
 * (query-plan.ts, unit-query.ts) writes, with the ranking `ArabicSearch` gets from MiniSearch 7
 * (scoring.ts): the same terms, weights, combinations and scores, on typed arrays instead of
 * maps. Each part of the query tree gives a sorted list of documents with their scores and the
 * query terms they match; the final score is multiplied by the coordination of the query terms
 * matched (scoring.ts), and equal scores come in the order the documents were added. @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import { SURFACE, type EngineHit, type EngineSearchOptions, type FieldMatch, type SearchEngine } from '../searcher.js'
import { damagedPacked } from './layout.js'
import type { TermIndex } from '../fuzzy.js'
import type { DocumentId } from '../options.js'
import {
  coordination,
  DEFAULT_BM25,
  DEFAULT_COORDINATION,
  frequencyPart,
  inverseFrequency,
  prefixWeight,
} from './scoring.js'
import { scorerBound, topK, type Scorer } from './top-k.js'
import type { FieldPostings, PackedView } from './reader.js'

/** Documents (ascending), their scores, and per document `words` 32-bit masks of the query terms matched. */
interface Partial {
  readonly docs: Int32Array
  readonly scores: Float64Array
  readonly masks: Uint32Array
}

/** Inherited query options (as MiniSearch passes them down the tree). */
interface Inherited {
  readonly combineWith?: string
  readonly prefix?: boolean
  readonly boostTerm?: (term: string, i: number, terms: string[]) => number
}

/** A leaf of the query as evaluated: its query term's bit, and the index terms it reached. */
interface Leaf {
  readonly bit: number
  readonly derived: number[]
}

type Node = EngineQuery & {
  queries?: Array<EngineQuery | string>
  combineWith?: string
  prefix?: boolean
  boostTerm?: Inherited['boostTerm']
}

/**
 * Decoded postings kept for the terms read last (searches and their snippets read the same
 * ones): at most this many postings in all (about 8 bytes each), whatever the number of lists.
 */
const POSTINGS_CACHE = 1 << 21
/** An OR query of more (index term, field) lists than this is evaluated whole, not by MaxScore. */
const MAX_SCORERS = 256

const EMPTY: Partial = { docs: new Int32Array(0), scores: new Float64Array(0), masks: new Uint32Array(0) }

/** The bits set in `words` 32-bit words of `masks` from `from` on (only those also set in `only`, when given). */
function popcount(masks: Uint32Array, from: number, words: number, only?: Uint32Array): number {
  let n = 0
  for (let w = from; w < from + words; w++) {
    let v = only ? masks[w]! & only[w - from]! : masks[w]!
    v -= (v >>> 1) & 0x55555555
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
  }
  return n
}

/** The query terms (leaf strings) of a query tree, each once, in the order met. */
function leafTerms(node: Node | string, into: Map<string, number>): void {
  if (typeof node === 'string') {
    if (node && !into.has(node)) into.set(node, into.size)
    return
  }
  for (const child of node.queries ?? []) leafTerms(child as Node | string, into)
}

/** The hits of a packed engine's search, with the documents matched when it evaluated the whole query. */
export type PackedHits = Iterable<EngineHit> & { readonly matched?: Int32Array }

/** A packed index's {@link SearchEngine}. */
export function packedEngine(
  view: PackedView,
  fieldNumbers: ReadonlyMap<string, number>,
  storedOf: (doc: number) => Record<string, unknown> | undefined,
): SearchEngine {
  const n = view.documentCount
  // decoded postings of the terms read last, shared by searches and their snippets
  const recent = new Map<number, FieldPostings | null>()
  let cached = 0
  const decoded = (term: number, field: number): FieldPostings | null => {
    const key = term * view.fieldCount + field
    let p = recent.get(key)
    if (p === undefined) {
      p = view.postings(term, field)
      cached += 1 + (p?.docs.length ?? 0)
      // the lists read longest ago go first
      for (const [old, list] of recent) {
        if (cached <= POSTINGS_CACHE) break
        recent.delete(old)
        cached -= 1 + (list?.docs.length ?? 0)
      }
    } else recent.delete(key)
    recent.set(key, p)
    return p
  }
  const scratch = new Float64Array(n)
  const seen = new Int32Array(n).fill(-1)
  let generation = 0

  function search(query: EngineQuery, options: EngineSearchOptions): Iterable<EngineHit> {
    const bits = new Map<string, number>()
    leafTerms(query as Node, bits)
    const words = Math.max(1, Math.ceil(bits.size / 32))
    const bm25 = options.bm25 ?? DEFAULT_BM25
    // the bits of the written-form terms, which count less in the coordination
    const written = new Uint32Array(words)
    for (const [term, bit] of bits) if (term.startsWith(SURFACE)) written[bit >>> 5]! |= 1 << (bit & 31)
    const mode = options.coordination ?? DEFAULT_COORDINATION
    const coordinate = (masks: Uint32Array, from: number) =>
      coordination(mode, popcount(masks, from, words), popcount(masks, from, words, written))
    // the searched fields, each once, with their weights (a missing or zero weight counts as 1)
    const fields: Array<[number, number, string]> = []
    for (const name of new Set(options.fields)) {
      const f = fieldNumbers.get(name)
      if (f !== undefined) fields.push([f, options.boost?.[name] || 1, name])
    }
    const cache = new Map<number, FieldPostings | null>()
    const postingsOf = (term: number, field: number) => {
      const key = term * view.fieldCount + field
      let p = cache.get(key)
      if (p === undefined) cache.set(key, (p = decoded(term, field)))
      return p
    }
    const leaves: Leaf[] = []
    const boostDocument = options.boostDocument
    const storedCache = new Map<number, Record<string, unknown> | undefined>()
    const storedFor = (doc: number) => {
      if (!storedCache.has(doc)) storedCache.set(doc, storedOf(doc))
      return storedCache.get(doc)
    }

    /** The index terms of a query term, with their weights: the term itself, and with `prefix` the longer terms that start with it. */
    function derivedOf(term: string, inherited: Inherited): Array<[number, number]> {
      const derived: Array<[number, number]> = []
      const exact = view.findTerm(term)
      if (exact >= 0) derived.push([exact, 1])
      if (inherited.prefix === true) {
        const add = (t: number) => {
          if (t !== exact) derived.push([t, prefixWeight(view.termAt(t).length, term.length)])
        }
        if (view.prefixTerms) for (const t of view.prefixTerms(term)) add(t)
        else {
          const [start, end] = view.prefixRange(term)
          for (let t = start; t < end; t++) add(t)
        }
      }
      return derived
    }

    /** One query term: every document of its index terms, scored. */
    function leaf(term: string, inherited: Inherited): Partial {
      const bit = bits.get(term)!
      const termBoost = inherited.boostTerm ? inherited.boostTerm(term, 0, [term]) : 1
      const derived = derivedOf(term, inherited)
      leaves.push({ bit, derived: derived.map(([t]) => t) })
      const gen = ++generation
      const touched: number[] = []
      for (const [t, weight] of derived) {
        const derivedTerm = boostDocument ? view.termAt(t) : ''
        for (const [f, fieldBoost] of fields) {
          const p = postingsOf(t, f)
          if (p === null) continue
          const df = p.docs.length
          const average = view.averageFieldLength[f]!
          const factor = weight * termBoost * fieldBoost * inverseFrequency(df, n)
          for (let k = 0; k < df; k++) {
            const doc = p.docs[k]!
            const docBoost = boostDocument ? boostDocument(view.idAt(doc), derivedTerm, storedFor(doc)) : 1
            if (!docBoost) continue
            const score = factor * docBoost * frequencyPart(p.tfs[k]!, view.fieldLength(doc, f), average, bm25)
            if (seen[doc] !== gen) {
              seen[doc] = gen
              scratch[doc] = score
              touched.push(doc)
            } else scratch[doc] = scratch[doc]! + score
          }
        }
      }
      const docs = Int32Array.from(touched).sort()
      const scores = new Float64Array(docs.length)
      const masks = new Uint32Array(docs.length * words)
      const word = bit >>> 5
      const mask = 1 << (bit & 31)
      for (let i = 0; i < docs.length; i++) {
        scores[i] = scratch[docs[i]!]!
        masks[i * words + word] = mask
      }
      return { docs, scores, masks }
    }

    function combine(a: Partial, b: Partial, operator: string): Partial {
      const { docs: ad, scores: as, masks: am } = a
      const { docs: bd, scores: bs, masks: bm } = b
      const room = operator === 'or' ? ad.length + bd.length : ad.length
      const docs = new Int32Array(room)
      const scores = new Float64Array(room)
      const masks = new Uint32Array(room * words)
      let n = 0
      let i = 0
      let j = 0
      const an = ad.length
      const bn = bd.length
      while (i < an && j < bn) {
        const x = ad[i]!
        const y = bd[j]!
        if (x === y) {
          if (operator !== 'and_not') {
            docs[n] = x
            scores[n] = as[i]! + bs[j]!
            for (let w = 0; w < words; w++) masks[n * words + w] = am[i * words + w]! | bm[j * words + w]!
            n++
          }
          i++
          j++
        } else if (x < y) {
          if (operator !== 'and') {
            docs[n] = x
            scores[n] = as[i]!
            for (let w = 0; w < words; w++) masks[n * words + w] = am[i * words + w]!
            n++
          }
          i++
        } else {
          if (operator === 'or') {
            docs[n] = y
            scores[n] = bs[j]!
            for (let w = 0; w < words; w++) masks[n * words + w] = bm[j * words + w]!
            n++
          }
          j++
        }
      }
      // what is left of a (OR, AND_NOT) or of b (OR)
      for (; i < an && operator !== 'and'; i++, n++) {
        docs[n] = ad[i]!
        scores[n] = as[i]!
        for (let w = 0; w < words; w++) masks[n * words + w] = am[i * words + w]!
      }
      for (; j < bn && operator === 'or'; j++, n++) {
        docs[n] = bd[j]!
        scores[n] = bs[j]!
        for (let w = 0; w < words; w++) masks[n * words + w] = bm[j * words + w]!
      }
      return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), masks: masks.subarray(0, n * words) }
    }

    function evaluate(node: Node | string, inherited: Inherited): Partial {
      if (typeof node === 'string') return node ? leaf(node, inherited) : EMPTY
      const options: Inherited = { ...inherited, ...(node as object) }
      const parts = (node.queries ?? []).map((child) => evaluate(child as Node | string, options))
      if (parts.length === 0) return EMPTY
      const operator = (options.combineWith ?? 'OR').toLowerCase()
      if (operator !== 'or' && operator !== 'and' && operator !== 'and_not')
        throw new Error(`unknown combination ${operator}`)
      return parts.reduce((a, b) => combine(a, b, operator))
    }

    /** The leaves of a query tree that only combines with OR (null for any other tree). */
    function orLeaves(node: Node | string, inherited: Inherited, into: Array<[string, Inherited]>): boolean {
      if (typeof node === 'string') {
        if (node) into.push([node, inherited])
        return true
      }
      const options: Inherited = { ...inherited, ...(node as object) }
      if ((options.combineWith ?? 'OR').toLowerCase() !== 'or') return false
      return (node.queries ?? []).every((child) => orLeaves(child as Node | string, options, into))
    }

    /** The best k of an OR query, by MaxScore (top-k.ts): the lists of its index terms in each field. */
    function best(found: Array<[string, Inherited]>, k: number): Partial | null {
      const scorers: Scorer[] = []
      for (const [term, inherited] of found) {
        const bit = bits.get(term)!
        const termBoost = inherited.boostTerm ? inherited.boostTerm(term, 0, [term]) : 1
        const derived = derivedOf(term, inherited)
        leaves.push({ bit, derived: derived.map(([t]) => t) })
        for (const [t, weight] of derived) {
          for (const [f, fieldBoost] of fields) {
            const p = postingsOf(t, f)
            if (p === null) continue
            const average = view.averageFieldLength[f]!
            const factor = weight * termBoost * fieldBoost * inverseFrequency(p.docs.length, n)
            scorers.push({
              bit,
              docs: p.docs,
              tfs: p.tfs,
              field: f,
              average,
              factor,
              bound: scorerBound(factor, p.maxTf, p.minLength, average, bm25),
            })
          }
        }
      }
      // a wide prefix expansion: every visited document would be looked up in thousands of lists
      if (scorers.length > MAX_SCORERS) {
        leaves.length = 0
        return null
      }
      return topK(scorers, k, words, view.fieldLength, bm25, coordinate)
    }

    const orQuery: Array<[string, Inherited]> = []
    // MaxScore's bounds hold for b <= 1 (BM25+'s part then shrinks as a field grows)
    const prunable =
      options.k !== undefined && options.k > 0 && !boostDocument && bm25.b <= 1 && orLeaves(query as Node, {}, orQuery)
    const pruned = prunable ? best(orQuery, options.k!) : null
    const result = pruned ?? evaluate(query as Node, {})
    const count = result.docs.length
    const final = new Float64Array(count)
    for (let i = 0; i < count; i++) final[i] = result.scores[i]! * coordinate(result.masks, i * words)
    /** The index terms a document matched, each with its fields (as MiniSearch's `match`). */
    const matchOf = (row: number): Record<string, string[]> => {
      const doc = result.docs[row]!
      const match: Record<string, string[]> = {}
      for (const { bit, derived } of leaves) {
        if ((result.masks[row * words + (bit >>> 5)]! & (1 << (bit & 31))) === 0) continue
        for (const t of derived) {
          const term = view.termAt(t)
          if (Object.hasOwn(match, term)) continue
          const inFields: string[] = []
          for (const [f, , name] of fields) {
            const p = postingsOf(t, f)
            if (p !== null && indexOf(p.docs, doc) >= 0) inFields.push(name)
          }
          if (inFields.length > 0) match[term] = inFields
        }
      }
      return match
    }
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
            return (match ??= matchOf(row))
          },
        }
      },
    )
    // every match, when the query was evaluated whole (not cut by MaxScore): a caller can count them without reading them
    return Object.assign(hits, { matched: pruned === null ? result.docs : undefined })
  }

  const terms: TermIndex = {
    get: (key) => (view.findTerm(key) >= 0 ? true : undefined),
    fuzzyGet: (key, maxDistance) => new Map(view.fuzzy(key, maxDistance).map(([t, d]) => [view.termAt(t), [t, d]])),
    frequency: (data) => view.frequency(data as number),
  }
  /** The tokens of a stored field that these index terms match, from the positions in the index. */
  function fieldMatches(id: DocumentId, field: string, wanted: readonly string[], text: string): FieldMatch[] | null {
    const f = fieldNumbers.get(field)
    const doc = view.docOf(id)
    if (f === undefined || doc < 0) return null
    if (view.tokenRanges(doc, f, 0) === null) return null
    const found: Array<[string, Int32Array]> = []
    let last = 0
    for (const term of wanted) {
      const t = view.findTerm(term)
      if (t < 0) continue
      const p = decoded(t, f)
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

  return {
    search,
    storedFields: (id: DocumentId) => {
      const doc = view.docOf(id)
      return doc < 0 ? undefined : storedOf(doc)
    },
    terms,
    fieldMatches,
  }
}

/** Does offset `at` fall between the two halves of a surrogate pair? */
function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false
  const before = text.charCodeAt(at - 1)
  const after = text.charCodeAt(at)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

/** Where `doc` is in the ascending `docs`, or -1. */
function indexOf(docs: Int32Array, doc: number): number {
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

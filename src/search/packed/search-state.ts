/**
 * What a packed engine's searches read: the engine's state, built once per index (the view, the
 * postings cache, the scratch arrays of the scoring), and a search's context, built once per
 * search (its query terms as bits, its fields, weights and options). @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import type { BM25Params } from '../options.js'
import { SURFACE, type EngineSearchOptions } from '../searcher.js'
import { cachedPostings, postingsCache, type PostingsCache } from './postings-cache.js'
import type { FieldPostings, PackedView } from './reader.js'
import { type Coordination, coordination, DEFAULT_BM25, DEFAULT_COORDINATION, prefixWeight } from './scoring.js'

/** Inherited query options (as MiniSearch passes them down the tree). @internal */
export interface Inherited {
  readonly combineWith?: string
  readonly prefix?: boolean
  readonly boostTerm?: (term: string, i: number, terms: string[]) => number
}

/** A node of the engine query as the engine reads it. @internal */
export type Node = EngineQuery & {
  queries?: Array<EngineQuery | string>
  combineWith?: string
  prefix?: boolean
  boostTerm?: Inherited['boostTerm']
}

/** A leaf of the query as evaluated: its query term's bit, and the index terms it reached. @internal */
export interface Leaf {
  readonly bit: number
  readonly derived: number[]
}

/** A packed engine's state: its view and what its searches share. @internal */
export interface EngineState {
  readonly view: PackedView
  readonly fieldNumbers: ReadonlyMap<string, number>
  readonly storedOf: (doc: number) => Record<string, unknown> | undefined
  /** Decoded postings of the terms read last, shared by searches and their snippets. */
  readonly postings: PostingsCache
  /** Per document, the score summed so far by the leaf being evaluated (valid where `seen` holds its generation). */
  readonly scratch: Float64Array
  readonly seen: Int32Array
  /** The number of the last leaf evaluated. */
  generation: number
}

/** A search's context: the engine, the query terms' bits, the fields searched and the options. @internal */
export interface SearchContext {
  readonly engine: EngineState
  readonly view: PackedView
  /** The query terms (leaf strings), each with its bit. */
  readonly bits: ReadonlyMap<string, number>
  /** 32-bit words per document mask. */
  readonly words: number
  readonly bm25: BM25Params
  /** The bits of the written-form terms, which count less in the coordination. */
  readonly written: Uint32Array
  readonly mode: Coordination
  /** The searched fields, each once: number, weight, name. */
  readonly fields: ReadonlyArray<readonly [number, number, string]>
  /** The postings this search read, by `term * fieldCount + field`. */
  readonly postings: Map<number, FieldPostings | null>
  /** The leaves evaluated, for the hits' `match`. */
  readonly leaves: Leaf[]
  readonly boostDocument: EngineSearchOptions['boostDocument']
  /** The stored fields this search read, by document. */
  readonly stored: Map<number, Record<string, unknown> | undefined>
}

/** A packed engine's state over a view. @internal */
export function engineState(
  view: PackedView,
  fieldNumbers: ReadonlyMap<string, number>,
  storedOf: (doc: number) => Record<string, unknown> | undefined,
): EngineState {
  const n = view.documentCount
  return {
    view,
    fieldNumbers,
    storedOf,
    postings: postingsCache(view),
    scratch: new Float64Array(n),
    seen: new Int32Array(n).fill(-1),
    generation: 0,
  }
}

/** The context of a search of `query` with `options`. @internal */
export function searchContext(engine: EngineState, query: EngineQuery, options: EngineSearchOptions): SearchContext {
  const bits = new Map<string, number>()
  leafTerms(query as Node, bits)
  const words = Math.max(1, Math.ceil(bits.size / 32))
  const written = new Uint32Array(words)
  for (const [term, bit] of bits) if (term.startsWith(SURFACE)) written[bit >>> 5]! |= 1 << (bit & 31)
  // the searched fields, each once, with their weights (a missing or zero weight counts as 1)
  const fields: Array<[number, number, string]> = []
  for (const name of new Set(options.fields)) {
    const f = engine.fieldNumbers.get(name)
    if (f !== undefined) fields.push([f, options.boost?.[name] || 1, name])
  }
  return {
    engine,
    view: engine.view,
    bits,
    words,
    bm25: options.bm25 ?? DEFAULT_BM25,
    written,
    mode: options.coordination ?? DEFAULT_COORDINATION,
    fields,
    postings: new Map(),
    leaves: [],
    boostDocument: options.boostDocument,
    stored: new Map(),
  }
}

/** The query terms (leaf strings) of a query tree, each once, in the order met. @internal */
function leafTerms(node: Node | string, into: Map<string, number>): void {
  if (typeof node === 'string') {
    if (node && !into.has(node)) into.set(node, into.size)
    return
  }
  for (const child of node.queries ?? []) leafTerms(child as Node | string, into)
}

/** The bits set in `words` 32-bit words of `masks` from `from` on (only those also set in `only`, when given). @internal */
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

/** The coordination factor of the query terms whose bits are set in `masks` from word `from` on. @internal */
export function coordinationOf(context: SearchContext, masks: Uint32Array, from: number): number {
  const { mode, words } = context
  return coordination(mode, popcount(masks, from, words), popcount(masks, from, words, context.written))
}

/** The postings of a term in a field that this search reads (null: the term is not in that field). @internal */
export function postingsOf(context: SearchContext, term: number, field: number): FieldPostings | null {
  const key = term * context.view.fieldCount + field
  let p = context.postings.get(key)
  if (p === undefined) context.postings.set(key, (p = cachedPostings(context.engine.postings, term, field)))
  return p
}

/** The stored fields of a document, read once per search. @internal */
export function storedFor(context: SearchContext, doc: number): Record<string, unknown> | undefined {
  const { stored } = context
  if (!stored.has(doc)) stored.set(doc, context.engine.storedOf(doc))
  return stored.get(doc)
}

/**
 * The index terms of a query term, with their weights: the term itself, and with `prefix` the
 * longer terms that start with it. @internal
 */
export function derivedOf(view: PackedView, term: string, inherited: Inherited): Array<[number, number]> {
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

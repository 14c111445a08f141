/**
 * The evaluation of a query tree on a packed index: each leaf gives a sorted list of documents
 * with their scores and the query terms they match; the parts are merged by their combination
 * (OR, AND, AND_NOT). An OR-only query whose best k are all that is read goes to MaxScore
 * (top-k.ts) instead. Scores are the sums before the coordination (scoring.ts). @internal
 */
import {
  coordinationOf,
  derivedOf,
  type Inherited,
  type Node,
  postingsOf,
  type SearchContext,
  storedFor,
} from './search-state.js'
import { frequencyPart, inverseFrequency } from './scoring.js'
import { type Scorer, scorerBound, topK } from './top-k.js'

/** Documents (ascending), their scores, and per document `words` 32-bit masks of the query terms matched. @internal */
export interface PartialResult {
  readonly docs: Int32Array
  readonly scores: Float64Array
  readonly masks: Uint32Array
}

/** An OR query of more (index term, field) lists than this is evaluated whole, not by MaxScore. */
const MAX_SCORERS = 256

/** No documents. */
const EMPTY: PartialResult = { docs: new Int32Array(0), scores: new Float64Array(0), masks: new Uint32Array(0) }

/** A leaf's query-term bit, term boost and index terms with their weights (the leaf is recorded for `match`). */
function expandLeaf(context: SearchContext, term: string, inherited: Inherited) {
  const bit = context.bits.get(term)!
  const termBoost = inherited.boostTerm ? inherited.boostTerm(term, 0, [term]) : 1
  const derived = derivedOf(context.view, term, inherited)
  context.leaves.push({ bit, derived: derived.map(([t]) => t) })
  return { bit, termBoost, derived }
}

/** One query term: every document of its index terms, scored. */
function leaf(context: SearchContext, term: string, inherited: Inherited): PartialResult {
  const { view, fields, boostDocument, bm25, words, engine } = context
  const { scratch, seen } = engine
  const n = view.documentCount
  const { bit, termBoost, derived } = expandLeaf(context, term, inherited)
  const gen = ++engine.generation
  const touched: number[] = []
  for (const [t, weight] of derived) {
    const derivedTerm = boostDocument ? view.termAt(t) : ''
    for (const [f, fieldBoost] of fields) {
      const p = postingsOf(context, t, f)
      if (p === null) continue
      const df = p.docs.length
      const average = view.averageFieldLength[f]!
      const factor = weight * termBoost * fieldBoost * inverseFrequency(df, n)
      for (let k = 0; k < df; k++) {
        const doc = p.docs[k]!
        const docBoost = boostDocument ? boostDocument(view.idAt(doc), derivedTerm, storedFor(context, doc)) : 1
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

/** Two parts merged by their combination: the documents of either (or), of both (and), of a but not b (and_not). */
function combine(a: PartialResult, b: PartialResult, operator: string, words: number): PartialResult {
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

/** Every document a query tree matches, scored (before the coordination). @internal */
export function evaluate(context: SearchContext, node: Node | string, inherited: Inherited): PartialResult {
  if (typeof node === 'string') return node ? leaf(context, node, inherited) : EMPTY
  const options: Inherited = { ...inherited, ...(node as object) }
  const parts = (node.queries ?? []).map((child) => evaluate(context, child as Node | string, options))
  if (parts.length === 0) return EMPTY
  const operator = (options.combineWith ?? 'OR').toLowerCase()
  if (operator !== 'or' && operator !== 'and' && operator !== 'and_not')
    throw new Error(`unknown combination ${operator}`)
  return parts.reduce((a, b) => combine(a, b, operator, context.words))
}

/** Collects the leaves of a query tree that only combines with OR; false for any other tree. @internal */
export function orLeaves(node: Node | string, inherited: Inherited, into: Array<[string, Inherited]>): boolean {
  if (typeof node === 'string') {
    if (node) into.push([node, inherited])
    return true
  }
  const options: Inherited = { ...inherited, ...(node as object) }
  if ((options.combineWith ?? 'OR').toLowerCase() !== 'or') return false
  return (node.queries ?? []).every((child) => orLeaves(child as Node | string, options, into))
}

/**
 * The best k of an OR query, by MaxScore (top-k.ts): the lists of its index terms in each field;
 * null when there are too many lists. @internal
 */
export function best(context: SearchContext, found: Array<[string, Inherited]>, k: number): PartialResult | null {
  const { view, fields, bm25 } = context
  const n = view.documentCount
  const scorers: Scorer[] = []
  for (const [term, inherited] of found) {
    const { bit, termBoost, derived } = expandLeaf(context, term, inherited)
    for (const [t, weight] of derived) {
      for (const [f, fieldBoost] of fields) {
        const p = postingsOf(context, t, f)
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
    context.leaves.length = 0
    return null
  }
  return topK(scorers, k, context.words, view.fieldLength, bm25, (masks, from) => coordinationOf(context, masks, from))
}

/**
 * Collects what a packed index holds from checked documents (`packDocuments`): the same analysis
 * and the same counts as `ArabicSearch` makes through MiniSearch, without MiniSearch. Every
 * distinct word gets a number and its terms are found once; counting is on typed arrays indexed
 * by those numbers (no map per document). From the saved form of a MiniSearch engine
 * (`ArabicSearch#pack`): from-engine.ts. @internal
 */
import type { Analyzer } from '../../analyze/analyze.js'
import type { DocumentCopy } from '../documents.js'
import type { DocumentId } from '../options.js'
import { SURFACE } from '../searcher.js'
import type { PackSource, PostingList } from './write.js'
import { WordTable } from './word-table.js'
import { scanTokens } from '../../tokenize/tokenize.js'
import { normalizeResolvedWithMap } from '../../normalize/normalize.js'
import { own } from '../../own.js'
import { tokenWriter } from './token-writer.js'

export { fromEngine } from './from-engine.js'
export type { TokenOffsets } from './token-writer.js'

/** What decides the terms of a document. */
export interface CollectShape {
  readonly analyzer: Analyzer
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly exactBoost: number
}

/** A collector of documents, added in order; `finish` hands the packed index's content. */
export interface DocumentCollector {
  add(document: DocumentCopy): void
  finish(meta: object): PackSource
  /** The documents added so far. */
  readonly count: number
}

/** What a collector holds: the documents' ids, stored fields and lengths, the terms and their postings, and its scratch arrays. */
interface Collection {
  readonly analyzer: Analyzer
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  /** Written forms are indexed too (exactBoost > 0). */
  readonly exact: boolean
  readonly fieldCount: number
  /** Fields whose text is stored: their postings carry positions, and their tokens' offsets are kept. */
  readonly positioned: readonly boolean[]
  readonly ids: DocumentId[]
  readonly stored: Array<Record<string, unknown> | undefined>
  /** `lengths[doc * fieldCount + field]`. */
  lengths: Uint32Array<ArrayBuffer>
  /**
   * The running average of each field as MiniSearch 7 keeps it: updated when a document has the
   * field, over all the documents added so far.
   */
  readonly averages: Float64Array
  readonly termNames: string[]
  readonly termNumbers: Map<string, number>
  /** Postings per term and field: `lists[term * fieldCount + field]`. */
  readonly lists: Array<PostingList | undefined>
  readonly words: WordTable
  /** Per word number: its stem's and its written form's term numbers (-1: none), the last field that met it. */
  wordStem: Int32Array<ArrayBuffer>
  wordSurface: Int32Array<ArrayBuffer>
  wordSeen: Int32Array<ArrayBuffer>
  /** Per term number: the last field that met it, its count there, where its positions go once grouped. */
  termSeen: Int32Array<ArrayBuffer>
  termCount: Int32Array<ArrayBuffer>
  termBase: Int32Array<ArrayBuffer>
  /**
   * The (term, position) pairs of the field being read (fields with positions only), grouped by
   * term once the field is read (`grouped`): a counting sort, no array per term.
   */
  pairTerm: Int32Array<ArrayBuffer>
  pairPosition: Int32Array<ArrayBuffer>
  pairs: number
  grouped: Int32Array<ArrayBuffer>
  readonly tokens: ReturnType<typeof tokenWriter>
  /** The number of the field being read (a field of a document). */
  stamp: number
  /** The terms of the field being read, in the order met. */
  readonly touched: number[]
}

/** A typed array at least `size` long, grown by doubling (the old content kept). */
function room(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array
  let length = array.length * 2
  while (length < size) length *= 2
  const grown = new Int32Array(length)
  grown.set(array)
  return grown
}

/** A collector of documents, added in order; `finish` hands the packed index's content. */
export function documentCollector(shape: CollectShape): DocumentCollector {
  const collection = newCollection(shape)
  return {
    add: (document) => addDocument(collection, document),
    finish: (meta) => finish(collection, meta),
    get count() {
      return collection.ids.length
    },
  }
}

/** An empty collection. */
function newCollection(shape: CollectShape): Collection {
  const { analyzer, fields, storeFields } = shape
  const fieldCount = fields.length
  return {
    analyzer,
    fields,
    storeFields,
    exact: shape.exactBoost > 0,
    fieldCount,
    positioned: fields.map((name) => storeFields.includes(name)),
    ids: [],
    stored: [],
    lengths: new Uint32Array(1024 * fieldCount),
    averages: new Float64Array(fieldCount),
    termNames: [],
    termNumbers: new Map(),
    lists: [],
    words: new WordTable(),
    wordStem: new Int32Array(1024),
    wordSurface: new Int32Array(1024),
    wordSeen: new Int32Array(1024),
    termSeen: new Int32Array(1024),
    termCount: new Int32Array(1024),
    termBase: new Int32Array(1024),
    pairTerm: new Int32Array(1024),
    pairPosition: new Int32Array(1024),
    pairs: 0,
    grouped: new Int32Array(1024),
    tokens: tokenWriter(fieldCount),
    stamp: 0,
    touched: [],
  }
}

/** The number of a term, a new one given the next. */
function termNumber(c: Collection, term: string): number {
  let t = c.termNumbers.get(term)
  if (t === undefined) {
    t = c.termNames.length
    c.termNumbers.set(term, t)
    c.termNames.push(term)
    c.termSeen = room(c.termSeen, t + 1)
    c.termCount = room(c.termCount, t + 1)
    c.termBase = room(c.termBase, t + 1)
  }
  return t
}

/** The number of the word text[start, end): a new word is analyzed once. */
function wordNumber(c: Collection, text: string, start: number, end: number): number {
  let w = c.words.find(text, start, end, false)
  if (w < 0) {
    w = c.words.find(text, start, end, true)
    const word = text.slice(start, end)
    const term = c.analyzer.termOf(word)
    c.wordStem = room(c.wordStem, w + 1)
    c.wordSurface = room(c.wordSurface, w + 1)
    c.wordSeen = room(c.wordSeen, w + 1)
    c.wordStem[w] = term === null ? -1 : termNumber(c, term)
    c.wordSurface[w] = term !== null && c.exact && term !== word ? termNumber(c, SURFACE + word) : -1
  }
  return w
}

/** Counts term `t` in the field being read, at `position` (-1: the field keeps no positions). */
function count(c: Collection, t: number, position: number): void {
  if (c.termSeen[t] !== c.stamp) {
    c.termSeen[t] = c.stamp
    c.termCount[t] = 0
    c.touched.push(t)
  }
  c.termCount[t]!++
  if (position >= 0) {
    const pairs = c.pairs
    if (pairs === c.pairTerm.length) {
      c.pairTerm = room(c.pairTerm, pairs + 1)
      c.pairPosition = room(c.pairPosition, pairs + 1)
    }
    c.pairTerm[pairs] = t
    c.pairPosition[pairs] = position
    c.pairs = pairs + 1
  }
}

/** Adds the next document: its id, its stored fields, and the terms of each of its fields. */
function addDocument(c: Collection, { id, copy }: DocumentCopy): void {
  const doc = c.ids.length
  c.ids.push(id)
  const kept: Record<string, unknown> = {}
  let any = false
  for (const name of c.storeFields) {
    const value = own(copy, name)
    if (value !== undefined) {
      kept[name] = value
      any = true
    }
  }
  c.stored.push(any ? kept : undefined)
  if ((doc + 1) * c.fieldCount > c.lengths.length) {
    const grown = new Uint32Array(c.lengths.length * 2)
    grown.set(c.lengths)
    c.lengths = grown
  }
  for (let f = 0; f < c.fieldCount; f++) {
    const value = own(copy, c.fields[f]!)
    if (value === undefined || value === null) c.tokens.none()
    else addField(c, doc, f, String(value))
  }
}

/** Reads field `f` of document `doc`: its length, its terms' counts (and positions), its tokens' offsets. */
function addField(c: Collection, doc: number, f: number, text: string): void {
  const withPositions = c.positioned[f]!
  // a stored field: the offsets of its tokens in the original text are kept for snippets
  const mapped = withPositions ? normalizeResolvedWithMap(text, c.analyzer.options.normalize) : undefined
  const normalized = mapped ? mapped.text : c.analyzer.normalize(text)
  const { tokens } = c
  const stamp = ++c.stamp
  c.touched.length = 0
  c.pairs = 0
  let length = 0
  let position = 0
  // the words of analyzer.words(), met where they stand in the normalized text
  scanTokens(normalized, (start, end) => {
    const w = wordNumber(c, normalized, start, end)
    if (c.wordSeen[w] !== stamp) {
      c.wordSeen[w] = stamp
      length++
    }
    const p = mapped ? position : -1
    if (mapped) tokens.token(mapped.toOriginal(start, 'start'), mapped.toOriginal(end, 'end'))
    position++
    if (c.wordStem[w]! >= 0) count(c, c.wordStem[w]!, p)
    if (c.wordSurface[w]! >= 0) count(c, c.wordSurface[w]!, p)
  })
  tokens.end(withPositions)
  c.lengths[doc * c.fieldCount + f] = length
  c.averages[f] = (c.averages[f]! * doc + length) / (doc + 1)
  addPostings(c, doc, f, withPositions)
}

/** The postings of the field just read: one per term met, with its count (and its positions, grouped by term). */
function addPostings(c: Collection, doc: number, f: number, withPositions: boolean): void {
  const { touched, termCount, termBase, lists, fieldCount } = c
  if (withPositions) {
    let base = 0
    for (const t of touched) {
      termBase[t] = base
      base += termCount[t]!
    }
    const grouped = (c.grouped = room(c.grouped, c.pairs))
    const { pairTerm, pairPosition } = c
    for (let i = 0; i < c.pairs; i++) grouped[termBase[pairTerm[i]!]!++] = pairPosition[i]!
  }
  const grouped = c.grouped
  let from = 0
  for (const t of touched) {
    const at = t * fieldCount + f
    const list = lists[at] ?? (lists[at] = withPositions ? { docs: [], tfs: [], positions: [] } : { docs: [], tfs: [] })
    const tf = termCount[t]!
    list.docs.push(doc)
    list.tfs.push(tf)
    if (withPositions) {
      for (let i = from; i < from + tf; i++) list.positions!.push(grouped[i]!)
      from += tf
    }
  }
}

/** The packed index's content of the documents added. */
function finish(c: Collection, meta: object): PackSource {
  return {
    meta,
    documentCount: c.ids.length,
    averageFieldLength: c.averages,
    ids: c.ids,
    stored: c.stored,
    storeFields: c.storeFields,
    fieldLengths: c.lengths.slice(0, c.ids.length * c.fieldCount),
    terms: { names: c.termNames, postings: (t, f) => c.lists[t * c.fieldCount + f] },
    tokens: c.tokens.finish(),
  }
}

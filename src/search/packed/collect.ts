/**
 * Collects what a packed index holds: from checked documents (`packDocuments`, the same analysis
 * and the same counts as `ArabicSearch` makes through MiniSearch, without MiniSearch), or from
 * the saved form of a MiniSearch engine (`ArabicSearch#pack`). @internal
 */
import type { Analyzer } from '../../analyze/analyze.js'
import type { DocumentCopy } from '../documents.js'
import type { EngineJSON } from '../saved-index.js'
import type { DocumentId } from '../options.js'
import { SURFACE } from '../searcher.js'
import type { PackSource, PostingList } from './write.js'

/** What decides the terms of a document. */
export interface CollectShape {
  readonly analyzer: Analyzer
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly exactBoost: number
}

const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined)

/** Caches at most this many words' terms while collecting (as `ArabicSearch`'s own cache). */
const TERM_CACHE_SIZE = 100_000

/** A collector of documents, added in order; `finish` hands the packed index's content. */
export function documentCollector(shape: CollectShape) {
  const { analyzer, fields, storeFields } = shape
  const exact = shape.exactBoost > 0
  const fieldCount = fields.length
  const terms = new Map<string, Array<PostingList | undefined>>()
  const termsOfWord = new Map<string, string | string[] | null>()
  const ids: DocumentId[] = []
  const stored: Array<Record<string, unknown> | undefined> = []
  let lengths = new Uint32Array(1024 * fieldCount)
  // the running average of each field as MiniSearch 7 keeps it: updated when a document has the
  // field, over all the documents added so far
  const averages = new Float64Array(fieldCount)

  const termsOf = (word: string) => {
    let t = termsOfWord.get(word)
    if (t === undefined) {
      const term = analyzer.termOf(word)
      t = term === null ? null : exact && term !== word ? [term, SURFACE + word] : term
      if (termsOfWord.size >= TERM_CACHE_SIZE) termsOfWord.clear()
      termsOfWord.set(word, t)
    }
    return t
  }
  const counts = new Map<string, number>()
  const count = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1)

  function add({ id, copy }: DocumentCopy): void {
    const doc = ids.length
    ids.push(id)
    const kept: Record<string, unknown> = {}
    let any = false
    for (const name of storeFields) {
      const value = own(copy, name)
      if (value !== undefined) {
        kept[name] = value
        any = true
      }
    }
    stored.push(any ? kept : undefined)
    if ((doc + 1) * fieldCount > lengths.length) {
      const grown = new Uint32Array(lengths.length * 2)
      grown.set(lengths)
      lengths = grown
    }
    for (let f = 0; f < fieldCount; f++) {
      const value = own(copy, fields[f]!)
      if (value === undefined || value === null) continue
      const words = analyzer.words(String(value))
      const length = new Set(words).size
      lengths[doc * fieldCount + f] = length
      averages[f] = (averages[f]! * doc + length) / (doc + 1)
      counts.clear()
      for (const word of words) {
        const t = termsOf(word)
        if (t === null) continue
        if (typeof t === 'string') count(t)
        else for (const term of t) count(term)
      }
      for (const [term, tf] of counts) {
        let byField = terms.get(term)
        if (byField === undefined) terms.set(term, (byField = new Array(fieldCount)))
        const list = byField[f] ?? (byField[f] = { docs: [], tfs: [] })
        list.docs.push(doc)
        list.tfs.push(tf)
      }
    }
  }

  function finish(meta: object): PackSource {
    return { meta, documentCount: ids.length, averageFieldLength: averages, ids, stored, fieldLengths: lengths.slice(0, ids.length * fieldCount), terms }
  }
  return { add, finish, get count() { return ids.length } }
}

/** The content of a packed index from MiniSearch's saved form: its documents in the order they were added. */
export function fromEngine(engine: EngineJSON, fields: readonly string[], meta: object): PackSource {
  const shortIds = Object.keys(engine.documentIds).map(Number).sort((a, b) => a - b)
  const docOf = new Map<number, number>(shortIds.map((s, doc) => [s, doc]))
  const fieldCount = fields.length
  // MiniSearch's field ids, mapped to the positions of the fields
  const fieldOf = new Map<string, number>()
  fields.forEach((name, f) => {
    const id = engine.fieldIds[name]
    if (id !== undefined) fieldOf.set(String(id), f)
  })
  const lengths = new Uint32Array(shortIds.length * fieldCount)
  shortIds.forEach((s, doc) => {
    const row = engine.fieldLength[s] ?? []
    fields.forEach((name, f) => {
      lengths[doc * fieldCount + f] = row[engine.fieldIds[name]!] ?? 0
    })
  })
  const terms = new Map<string, Array<PostingList | undefined>>()
  for (const [term, byFieldId] of engine.index) {
    const byField = new Array<PostingList | undefined>(fieldCount)
    let any = false
    for (const [fieldId, postings] of Object.entries(byFieldId)) {
      const f = fieldOf.get(fieldId)
      if (f === undefined) continue
      const entries: Array<[number, number]> = []
      for (const [shortId, tf] of Object.entries(postings)) {
        const doc = docOf.get(Number(shortId))
        if (doc !== undefined) entries.push([doc, tf])
      }
      if (entries.length === 0) continue
      entries.sort((a, b) => a[0] - b[0])
      byField[f] = { docs: entries.map((e) => e[0]), tfs: entries.map((e) => e[1]) }
      any = true
    }
    if (any) terms.set(term, byField)
  }
  return {
    meta,
    documentCount: engine.documentCount,
    averageFieldLength: fields.map((name) => engine.averageFieldLength[engine.fieldIds[name]!] ?? 0),
    ids: shortIds.map((s) => engine.documentIds[s]!),
    stored: shortIds.map((s) => {
      const kept = engine.storedFields[s]
      return kept === undefined || Object.keys(kept).length === 0 ? undefined : kept
    }),
    fieldLengths: lengths,
    terms,
  }
}

/**
 * The content of a packed index from the saved form of a MiniSearch engine (`ArabicSearch#pack`).
 * @internal
 */
import type { EngineJSON } from '../saved-index.js'
import { SURFACE } from '../searcher.js'
import type { PackSource, PostingList } from './write.js'
import { scanTokens } from '../../tokenize/tokenize.js'
import { normalizeResolvedWithMap } from '../../normalize/normalize.js'
import { own } from '../../own.js'
import type { CollectShape } from './collect.js'
import { tokenWriter } from './token-writer.js'

/** MiniSearch's saved engine read in the packed index's order: its documents as added, its fields as the shape's. */
interface EngineOrder {
  readonly engine: EngineJSON
  readonly shape: CollectShape
  /** MiniSearch's short ids, ascending: the documents in the order they were added. */
  readonly shortIds: number[]
  /** The document number of a short id. */
  readonly docOf: Map<number, number>
  /** The position of a field, by MiniSearch's field id. */
  readonly fieldOf: Map<string, number>
  /** Fields whose text is stored: their postings carry positions. */
  readonly positioned: readonly boolean[]
}

/** The terms and their postings (`lists[term * fieldCount + field]`). */
interface EngineTerms {
  readonly names: string[]
  readonly numbers: Map<string, number>
  readonly lists: Array<PostingList | undefined>
}

/**
 * The content of a packed index from MiniSearch's saved form: its documents in the order they
 * were added, its postings, lengths and averages as they are (so that scores are the engine's),
 * and the positions and token offsets of the stored fields, found by analyzing their text again.
 */
export function fromEngine(engine: EngineJSON, shape: CollectShape, meta: object): PackSource {
  const { fields, storeFields } = shape
  const order = engineOrder(engine, shape)
  const { shortIds } = order
  const terms = engineTerms(order)
  const stored = shortIds.map((s) => {
    const kept = engine.storedFields[s]
    return kept === undefined || Object.keys(kept).length === 0 ? undefined : kept
  })
  const fieldCount = fields.length
  return {
    meta,
    documentCount: engine.documentCount,
    averageFieldLength: fields.map((name) => engine.averageFieldLength[engine.fieldIds[name]!] ?? 0),
    ids: shortIds.map((s) => engine.documentIds[s]!),
    stored,
    storeFields,
    fieldLengths: engineLengths(order),
    terms: { names: terms.names, postings: (t: number, f: number) => terms.lists[t * fieldCount + f] },
    tokens: storedTokens(order, terms, stored),
  }
}

/** The engine's documents and fields in the packed index's order. */
function engineOrder(engine: EngineJSON, shape: CollectShape): EngineOrder {
  const { fields, storeFields } = shape
  const shortIds = Object.keys(engine.documentIds)
    .map(Number)
    .sort((a, b) => a - b)
  const docOf = new Map<number, number>(shortIds.map((s, doc) => [s, doc]))
  // MiniSearch's field ids, mapped to the positions of the fields
  const fieldOf = new Map<string, number>()
  fields.forEach((name, f) => {
    const id = engine.fieldIds[name]
    if (id !== undefined) fieldOf.set(String(id), f)
  })
  const positioned = fields.map((name) => storeFields.includes(name))
  return { engine, shape, shortIds, docOf, fieldOf, positioned }
}

/** The length of each document's fields, as the engine counted them. */
function engineLengths({ engine, shape, shortIds }: EngineOrder): Uint32Array {
  const { fields } = shape
  const fieldCount = fields.length
  const lengths = new Uint32Array(shortIds.length * fieldCount)
  shortIds.forEach((s, doc) => {
    const row = engine.fieldLength[s] ?? []
    fields.forEach((name, f) => {
      lengths[doc * fieldCount + f] = row[engine.fieldIds[name]!] ?? 0
    })
  })
  return lengths
}

/** The engine's terms that some document of the shape's fields holds, with their postings (positions still empty). */
function engineTerms({ engine, shape, docOf, fieldOf, positioned }: EngineOrder): EngineTerms {
  const fieldCount = shape.fields.length
  const names: string[] = []
  const numbers = new Map<string, number>()
  const lists: Array<PostingList | undefined> = []
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
      byField[f] = {
        docs: entries.map((e) => e[0]),
        tfs: entries.map((e) => e[1]),
        ...(positioned[f] ? { positions: [] } : {}),
      }
      any = true
    }
    if (any) {
      numbers.set(term, names.length)
      names.push(term)
      lists.push(...byField)
    }
  }
  return { names, numbers, lists }
}

/**
 * The positions and token offsets of the stored fields: their text analyzed as it was indexed
 * (the positions pushed onto the terms' postings).
 */
function storedTokens(
  { shape, positioned }: EngineOrder,
  { numbers, lists }: EngineTerms,
  stored: ReadonlyArray<Record<string, unknown> | undefined>,
) {
  const { fields, analyzer } = shape
  const exact = shape.exactBoost > 0
  const fieldCount = fields.length
  const tokens = tokenWriter(fieldCount)
  stored.forEach((kept) => {
    for (let f = 0; f < fieldCount; f++) {
      const value = positioned[f] && kept !== undefined ? own(kept, fields[f]!) : undefined
      if (value === undefined || value === null) {
        tokens.none()
        continue
      }
      const mapped = normalizeResolvedWithMap(String(value), analyzer.options.normalize)
      let position = 0
      scanTokens(mapped.text, (start, end) => {
        const word = mapped.text.slice(start, end)
        const term = analyzer.termOf(word)
        tokens.token(mapped.toOriginal(start, 'start'), mapped.toOriginal(end, 'end'))
        if (term !== null) {
          lists[numbers.get(term)! * fieldCount + f]?.positions!.push(position)
          if (exact && term !== word) lists[numbers.get(SURFACE + word)! * fieldCount + f]?.positions!.push(position)
        }
        position++
      })
      tokens.end(true)
    }
  })
  return tokens.finish()
}

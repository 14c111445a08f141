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
import { WordTable } from './word-table.js'
import { scanTokens } from '../../tokenize/tokenize.js'
import { normalizeResolvedWithMap } from '../../normalize/normalize.js'
import { ByteWriter } from './bytes.js'
import { own } from '../../own.js'

/** What decides the terms of a document. */
export interface CollectShape {
  readonly analyzer: Analyzer
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly exactBoost: number
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

/** The offsets of the tokens of each document's fields (OFFS): per field, (start gap, length) varints. */
export interface TokenOffsets {
  /** Byte offsets into `bytes`, per document and field (`doc * fieldCount + field`), one more at the end. */
  readonly starts: Uint32Array
  readonly bytes: Uint8Array
}

/** Writes OFFS, one document field after another, in order. */
function tokenWriter(fieldCount: number) {
  const out = new ByteWriter()
  let starts = new Uint32Array(1024)
  let entries = 0
  let previous = 0
  const next = () => {
    if (entries + 2 > starts.length) {
      const grown = new Uint32Array(starts.length * 2)
      grown.set(starts)
      starts = grown
    }
    starts[++entries] = out.length
    previous = 0
  }
  return {
    /** A token's [start, end) in the original text. */
    token(start: number, end: number) {
      out.varint(start - previous)
      out.varint(end - start)
      previous = start
    },
    /** The end of a field (its tokens kept only `withOffsets`). */
    end(withOffsets: boolean) {
      if (!withOffsets) out.length = starts[entries]!
      next()
    },
    /** A field the document does not have. */
    none: () => next(),
    finish: (): TokenOffsets =>
      ({ starts: starts.slice(0, entries + 1), bytes: out.finish(), fieldCount }) as TokenOffsets,
  }
}

/**
 * A collector of documents, added in order; `finish` hands the packed index's content. Every
 * distinct word gets a number and its terms are found once; counting is on typed arrays
 * indexed by those numbers (no map per document).
 */
export function documentCollector(shape: CollectShape) {
  const { analyzer, fields, storeFields } = shape
  const exact = shape.exactBoost > 0
  const fieldCount = fields.length
  const ids: DocumentId[] = []
  const stored: Array<Record<string, unknown> | undefined> = []
  let lengths = new Uint32Array(1024 * fieldCount)
  // the running average of each field as MiniSearch 7 keeps it: updated when a document has the
  // field, over all the documents added so far
  const averages = new Float64Array(fieldCount)

  const termNames: string[] = []
  const termNumbers = new Map<string, number>()
  /** Postings per term and field: `lists[term * fieldCount + field]`. */
  const lists: Array<PostingList | undefined> = []
  const words = new WordTable()
  // per word number: its stem's and its written form's term numbers (-1: none)
  let wordStem = new Int32Array(1024)
  let wordSurface = new Int32Array(1024)
  let wordSeen = new Int32Array(1024)
  let termSeen = new Int32Array(1024)
  let termCount = new Int32Array(1024)
  // the (term, position) pairs of the field being read (fields with positions only), grouped
  // by term once the field is read: a counting sort, no array per term
  let pairTerm = new Int32Array(1024)
  let pairPosition = new Int32Array(1024)
  let pairs = 0
  let termBase = new Int32Array(1024)
  let grouped = new Int32Array(1024)
  const tokens = tokenWriter(fields.length)
  /** Fields whose text is stored: their postings carry positions, and their tokens' offsets are kept. */
  const positioned = fields.map((name) => storeFields.includes(name))
  let stamp = 0
  const touched: number[] = []

  const termNumber = (term: string) => {
    let t = termNumbers.get(term)
    if (t === undefined) {
      t = termNames.length
      termNumbers.set(term, t)
      termNames.push(term)
      termSeen = room(termSeen, t + 1)
      termCount = room(termCount, t + 1)
      termBase = room(termBase, t + 1)
    }
    return t
  }
  /** The number of the word text[start, end): a new word is analyzed once. */
  const wordNumber = (text: string, start: number, end: number) => {
    let w = words.find(text, start, end, false)
    if (w < 0) {
      w = words.find(text, start, end, true)
      const word = text.slice(start, end)
      const term = analyzer.termOf(word)
      wordStem = room(wordStem, w + 1)
      wordSurface = room(wordSurface, w + 1)
      wordSeen = room(wordSeen, w + 1)
      wordStem[w] = term === null ? -1 : termNumber(term)
      wordSurface[w] = term !== null && exact && term !== word ? termNumber(SURFACE + word) : -1
    }
    return w
  }
  const count = (t: number, position: number) => {
    if (termSeen[t] !== stamp) {
      termSeen[t] = stamp
      termCount[t] = 0
      touched.push(t)
    }
    termCount[t]!++
    if (position >= 0) {
      if (pairs === pairTerm.length) {
        pairTerm = room(pairTerm, pairs + 1)
        pairPosition = room(pairPosition, pairs + 1)
      }
      pairTerm[pairs] = t
      pairPosition[pairs++] = position
    }
  }

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
      if (value === undefined || value === null) {
        tokens.none()
        continue
      }
      const text = String(value)
      const withPositions = positioned[f]!
      // a stored field: the offsets of its tokens in the original text are kept for snippets
      const mapped = withPositions ? normalizeResolvedWithMap(text, analyzer.options.normalize) : undefined
      const normalized = mapped ? mapped.text : analyzer.normalize(text)
      stamp++
      touched.length = 0
      pairs = 0
      let length = 0
      let position = 0
      // the words of analyzer.words(), met where they stand in the normalized text
      scanTokens(normalized, (start, end) => {
        const w = wordNumber(normalized, start, end)
        if (wordSeen[w] !== stamp) {
          wordSeen[w] = stamp
          length++
        }
        const p = mapped ? position : -1
        if (mapped) tokens.token(mapped.toOriginal(start, 'start'), mapped.toOriginal(end, 'end'))
        position++
        if (wordStem[w]! >= 0) count(wordStem[w]!, p)
        if (wordSurface[w]! >= 0) count(wordSurface[w]!, p)
      })
      tokens.end(withPositions)
      lengths[doc * fieldCount + f] = length
      averages[f] = (averages[f]! * doc + length) / (doc + 1)
      if (withPositions) {
        let base = 0
        for (const t of touched) {
          termBase[t] = base
          base += termCount[t]!
        }
        grouped = room(grouped, pairs)
        for (let i = 0; i < pairs; i++) grouped[termBase[pairTerm[i]!]!++] = pairPosition[i]!
      }
      let from = 0
      for (const t of touched) {
        const at = t * fieldCount + f
        const list =
          lists[at] ?? (lists[at] = withPositions ? { docs: [], tfs: [], positions: [] } : { docs: [], tfs: [] })
        const tf = termCount[t]!
        list.docs.push(doc)
        list.tfs.push(tf)
        if (withPositions) {
          for (let i = from; i < from + tf; i++) list.positions!.push(grouped[i]!)
          from += tf
        }
      }
    }
  }

  function finish(meta: object): PackSource {
    return {
      meta,
      documentCount: ids.length,
      averageFieldLength: averages,
      ids,
      stored,
      storeFields,
      fieldLengths: lengths.slice(0, ids.length * fieldCount),
      terms: { names: termNames, postings: (t, f) => lists[t * fieldCount + f] },
      tokens: tokens.finish(),
    }
  }
  return {
    add,
    finish,
    get count() {
      return ids.length
    },
  }
}

/**
 * The content of a packed index from MiniSearch's saved form: its documents in the order they
 * were added, its postings, lengths and averages as they are (so that scores are the engine's),
 * and the positions and token offsets of the stored fields, found by analyzing their text again.
 */
export function fromEngine(engine: EngineJSON, shape: CollectShape, meta: object): PackSource {
  const { fields, storeFields, analyzer } = shape
  const exact = shape.exactBoost > 0
  const shortIds = Object.keys(engine.documentIds)
    .map(Number)
    .sort((a, b) => a - b)
  const docOf = new Map<number, number>(shortIds.map((s, doc) => [s, doc]))
  const fieldCount = fields.length
  const positioned = fields.map((name) => storeFields.includes(name))
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
  const stored = shortIds.map((s) => {
    const kept = engine.storedFields[s]
    return kept === undefined || Object.keys(kept).length === 0 ? undefined : kept
  })
  // positions and offsets of the stored fields: their text analyzed as it was indexed
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
  return {
    meta,
    documentCount: engine.documentCount,
    averageFieldLength: fields.map((name) => engine.averageFieldLength[engine.fieldIds[name]!] ?? 0),
    ids: shortIds.map((s) => engine.documentIds[s]!),
    stored,
    storeFields,
    fieldLengths: lengths,
    terms: { names, postings: (t: number, f: number) => lists[t * fieldCount + f] },
    tokens: tokens.finish(),
  }
}

/**
 * A view over the bytes of a packed index (docs/format.md): the sections checked once, then
 * read where a search needs them: the term dictionary by binary search (prefixes as a range,
 * typos by a bounded walk), postings decoded term by term, field lengths and averages as typed
 * arrays, ids and stored fields decoded one document at a time. Nothing is parsed into objects
 * at load but the small META section. @internal
 */
import type { DocumentId } from '../options.js'
import { decodeText, f64s, FormatProblem, readVarint, u32s } from './bytes.js'
import { damagedPacked, readContainer, STORED_KIND } from './layout.js'
import { readDictionary } from './dictionary.js'

/** The postings of one term in one field: document numbers (ascending) and term frequencies. */
export interface FieldPostings {
  readonly docs: Int32Array
  readonly tfs: Int32Array
  /** Where the positions of these postings are in POST (-1: the field has none). */
  readonly positionsAt: number
  readonly positionsEnd: number
  /** The largest term frequency and the shortest field of these postings (bounds of their scores). */
  readonly maxTf: number
  readonly minLength: number
}

/** A packed index opened for reading. */
export interface PackedView {
  /** The JSON header (META): format, version, analyzer, fields, storeFields, idField, exactBoost, settings. */
  readonly meta: Record<string, unknown>
  readonly documentCount: number
  readonly fieldCount: number
  /** Average length of each field (as the index that was packed counted it). */
  readonly averageFieldLength: Float64Array
  /** The length of field `field` of document `doc` (distinct words). */
  fieldLength(doc: number, field: number): number
  idAt(doc: number): DocumentId
  /** The document number of an id, or -1. */
  docOf(id: DocumentId): number
  storedAt(doc: number): Record<string, unknown> | undefined
  readonly termCount: number
  termAt(index: number): string
  /** The index of a term, or -1. */
  findTerm(term: string): number
  /** The range [start, end) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number]
  /**
   * The terms that start with `prefix`, in the order of their code units, when the view numbers
   * its terms in another order (a site index's, numbered as its chunks arrive); else undefined,
   * and `prefixRange` is read.
   */
  prefixTerms?(prefix: string): readonly number[]
  /** The terms within `maxDistance` edits of `term` (Levenshtein), with their distances. */
  fuzzy(term: string, maxDistance: number): Array<[number, number]>
  /** The postings of a term in a field (null when the term is not in that field). */
  postings(term: number, field: number): FieldPostings | null
  /** Documents holding a term, summed over the fields. */
  frequency(term: number): number
  /** The positions (token numbers) of the term in the k-th document of `postings`, or null. */
  positions(postings: FieldPostings, k: number): Int32Array | null
  /** The [start, end) in the original text of each token of a stored field (up to position `upTo` when given), as pairs, or null. */
  tokenRanges(doc: number, field: number, upTo?: number): Int32Array | null
}

/** UTF-8 of the META section, checked: a damaged header must not be read as another one. */
const strict = new TextDecoder('utf-8', { fatal: true })
/** Decoded stored fields kept for the documents read last (a search reads a result's several times). */
const STORED_CACHE = 64

/** Opens packed bytes; throws FAHRAS_INVALID_INDEX (or FAHRAS_INDEX_VERSION_MISMATCH) naming the problem. */
export function openPacked(input: Uint8Array, where: string): PackedView {
  const sections = readContainer(input, where)
  const coded = (at: string) => (error: unknown) => {
    if (
      error instanceof FormatProblem ||
      error instanceof RangeError ||
      error instanceof SyntaxError ||
      error instanceof TypeError
    )
      return Object.assign(damagedPacked(at, error.message), { cause: error })
    return error
  }
  let opened: PackedView
  try {
    opened = view(sections)
  } catch (error) {
    throw coded(where)(error)
  }
  // what is read later, when a search needs it, fails with a coded error too
  const later = coded('PackedIndex')
  const guard =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return read(...args)
      } catch (error) {
        throw later(error)
      }
    }
  return {
    ...opened,
    postings: guard(opened.postings),
    frequency: guard(opened.frequency),
    positions: guard(opened.positions),
    tokenRanges: guard(opened.tokenRanges),
    idAt: guard(opened.idAt),
    docOf: guard(opened.docOf),
    storedAt: guard(opened.storedAt),
  }
}

/**
 * The reader of STOR: per stored field, u32 byte offsets, a kind byte per document and the
 * values in the text encoding (write.ts). Returns a document's stored fields, or undefined without any.
 */
function storedTables(
  bytes: Uint8Array,
  documentCount: number,
  names: readonly string[],
  problem: (what: string) => Error,
): (doc: number) => Record<string, unknown> | undefined {
  if (bytes.length < 4) throw problem('its STOR section is too short')
  const count = u32s(bytes, 0, 1)[0]!
  if (bytes.length < 4 * (count + 2)) throw problem('its STOR section is too short for its fields')
  if (count !== names.length) throw problem(`its STOR section holds ${count} fields, its header names ${names.length}`)
  const starts = u32s(bytes, 4, count + 1)
  const fields: Array<{ offsets: Uint32Array; kinds: Uint8Array; units: number }> = []
  for (let f = 0; f < count; f++) {
    const start = starts[f]!
    if (start % 4 !== 0 || start + 4 * (documentCount + 1) + documentCount > bytes.length)
      throw problem('its STOR section has a field table that does not fit it')
    const offsets = u32s(bytes, start, documentCount + 1)
    const kinds = bytes.subarray(start + 4 * (documentCount + 1), start + 4 * (documentCount + 1) + documentCount)
    const units = start + 4 * (documentCount + 1) + documentCount
    for (let i = 0; i < documentCount; i++) {
      const empty = offsets[i] === offsets[i + 1]
      if (
        offsets[i]! > offsets[i + 1]! ||
        kinds[i]! > STORED_KIND.json ||
        (kinds[i] === STORED_KIND.absent && !empty) ||
        (kinds[i] === STORED_KIND.json && empty)
      ) {
        throw problem('its STOR section has offsets or kinds out of order')
      }
    }
    if (offsets[0] !== 0 || units + offsets[documentCount]! > starts[f + 1]!)
      throw problem('its STOR section has offsets that do not fit it')
    fields.push({ offsets, kinds, units })
  }
  return (doc) => {
    let stored: Record<string, unknown> | undefined
    for (let f = 0; f < count; f++) {
      const { offsets, kinds, units } = fields[f]!
      const kind = kinds[doc]!
      if (kind === STORED_KIND.absent) continue
      const text = decodeText(bytes, units + offsets[doc]!, units + offsets[doc + 1]!)
      ;(stored ??= {})[names[f]!] = kind === STORED_KIND.string ? text : JSON.parse(text)
    }
    return stored
  }
}

function view(sections: Map<string, Uint8Array>): PackedView {
  const at = [0]
  const section = (tag: string) => sections.get(tag)!
  const problem = (what: string) => new FormatProblem(what)
  const meta = JSON.parse(strict.decode(section('META'))) as Record<string, unknown>
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta))
    throw problem('its META section is not a JSON object')

  const nums = section('NUMS')
  if (nums.length < 8) throw problem('its NUMS section is too short')
  const numbers = u32s(nums, 0, 2)
  const documentCount = numbers[0]!
  const fieldCount = numbers[1]!
  if (nums.length !== 8 + 8 * fieldCount) throw problem('its NUMS section does not hold one average per field')
  const averageFieldLength = f64s(nums, 8, fieldCount)
  // 0 is sound (a field no document has); anything else must be a length
  if (averageFieldLength.some((a) => !Number.isFinite(a) || a < 0))
    throw problem('its NUMS section holds an average field length that is not a finite number >= 0')

  const flenBytes = section('FLEN')
  if (flenBytes.length !== 4 * documentCount * fieldCount)
    throw problem('its FLEN section does not hold one length per document and field')
  const lengths = u32s(flenBytes, 0, documentCount * fieldCount)

  // ids: u32 byte offsets into their JSON texts in the text encoding (bytes.ts), one entry per document
  const table = (tag: string) => {
    const bytes = section(tag)
    if (bytes.length < 4 * (documentCount + 1)) throw problem(`its ${tag} section is too short`)
    const offsets = u32s(bytes, 0, documentCount + 1)
    const base = 4 * (documentCount + 1)
    for (let i = 0; i < documentCount; i++)
      if (offsets[i]! > offsets[i + 1]!) throw problem(`its ${tag} section has offsets out of order`)
    if (offsets[0] !== 0 || base + offsets[documentCount]! !== bytes.length)
      throw problem(`its ${tag} section has offsets that do not fit it`)
    return (doc: number): string | undefined =>
      offsets[doc] === offsets[doc + 1] ? undefined : decodeText(bytes, base + offsets[doc]!, base + offsets[doc + 1]!)
  }
  const idText = table('IDS_')
  const storeFields = Array.isArray(meta.storeFields) ? meta.storeFields.map(String) : []
  const storedField = storedTables(section('STOR'), documentCount, storeFields, problem)
  const ids = new Array<DocumentId | undefined>(documentCount)
  const storedCache = new Map<number, Record<string, unknown> | undefined>()
  let byId: Map<DocumentId, number> | undefined

  const idAt = (doc: number): DocumentId => {
    let id = ids[doc]
    if (id === undefined) {
      const parsed: unknown = JSON.parse(idText(doc) ?? 'null')
      if (typeof parsed !== 'string' && !(typeof parsed === 'number' && Number.isFinite(parsed)))
        throw damagedPacked('PackedIndex', `the id of document ${doc} is not a string or a finite number`)
      ids[doc] = id = parsed
    }
    return id
  }

  const post = section('POST')
  const { termCount, postStart, termAt, findTerm, prefixRange, fuzzy } = readDictionary(section('TDIC'), post, problem)

  /** The field entries of a term: [field, df, start, end, positions start, positions end] each (-1: no positions). */
  const ENTRY = 6
  const entriesOf = (term: number): number[] => {
    const end = postStart[term + 1]!
    let p = postStart[term]!
    const count = readVarint(post, p, end, at)
    p = at[0]!
    const out: number[] = []
    let lastField = -1
    const damaged = () => problem(`the postings of the term ${JSON.stringify(termAt(term))} are damaged`)
    for (let e = 0; e < count; e++) {
      const flagged = readVarint(post, p, end, at)
      const field = Math.floor(flagged / 2)
      const df = readVarint(post, at[0]!, end, at)
      const length = readVarint(post, at[0]!, end, at)
      p = at[0]!
      if (field <= lastField || field >= fieldCount || df === 0 || df > documentCount || p + length > end)
        throw damaged()
      out.push(field, df, p, p + length)
      p += length
      if (flagged % 2 === 1) {
        const positionsLength = readVarint(post, p, end, at)
        p = at[0]!
        if (p + positionsLength > end) throw damaged()
        out.push(p, p + positionsLength)
        p += positionsLength
      } else out.push(-1, -1)
      lastField = field
    }
    if (p !== end) throw problem(`the postings of the term ${JSON.stringify(termAt(term))} do not fill their space`)
    return out
  }
  const entryOf = (term: number, field: number): number[] | null => {
    const entries = entriesOf(term)
    for (let e = 0; e < entries.length; e += ENTRY) if (entries[e] === field) return entries.slice(e, e + ENTRY)
    return null
  }
  const postings = (term: number, field: number): FieldPostings | null => {
    const entry = entryOf(term, field)
    if (entry === null) return null
    const df = entry[1]!
    const end = entry[3]!
    const docs = new Int32Array(df)
    const tfs = new Int32Array(df)
    let p = entry[2]!
    let doc = -1
    let maxTf = 0
    let minLength = Infinity
    for (let k = 0; k < df; k++) {
      const gap = readVarint(post, p, end, at)
      const tf = readVarint(post, at[0]!, end, at)
      p = at[0]!
      doc = k === 0 ? gap : doc + gap
      if ((k > 0 && gap === 0) || doc >= documentCount || tf === 0)
        throw problem(`the postings of the term ${JSON.stringify(termAt(term))} are damaged`)
      docs[k] = doc
      tfs[k] = tf
      if (tf > maxTf) maxTf = tf
      const length = lengths[doc * fieldCount + field]!
      if (length < minLength) minLength = length
    }
    if (p !== end) throw problem(`the postings of the term ${JSON.stringify(termAt(term))} do not fill their space`)
    return { docs, tfs, positionsAt: entry[4]!, positionsEnd: entry[5]!, maxTf, minLength }
  }
  /** The positions of the k-th posting (its `tf` of them), or null when the field has none. */
  const positions = (p: FieldPostings, k: number): Int32Array | null => {
    if (p.positionsAt < 0) return null
    const end = p.positionsEnd
    let q = p.positionsAt
    for (let i = 0; i < k; i++) {
      const length = readVarint(post, q, end, at)
      q = at[0]! + length
    }
    const length = readVarint(post, q, end, at)
    q = at[0]!
    const stop = q + length
    if (stop > end) throw problem('the positions of a term are damaged')
    const tf = p.tfs[k]!
    const out = new Int32Array(tf)
    let last = 0
    for (let i = 0; i < tf; i++) {
      const gap = readVarint(post, q, stop, at)
      q = at[0]!
      last = i === 0 ? gap : last + gap
      out[i] = last
    }
    if (q !== stop) throw problem('the positions of a term do not fill their space')
    return out
  }
  // the offsets of the tokens of the stored fields: per document and field, (start gap, length) varints
  const offs = section('OFFS')
  const slots = documentCount * fieldCount
  if (offs.length < 4 * (slots + 1)) throw problem('its OFFS section is too short')
  const tokenStarts = u32s(offs, 0, slots + 1)
  const tokenBase = 4 * (slots + 1)
  for (let i = 0; i < slots; i++)
    if (tokenStarts[i]! > tokenStarts[i + 1]!) throw problem('its OFFS section has offsets out of order')
  if (tokenStarts[0] !== 0 || tokenBase + tokenStarts[slots]! !== offs.length)
    throw problem('its OFFS section has offsets that do not fit it')
  /** [start, end) in the original text of every token of a stored field (start, end pairs), or null. */
  const tokenRanges = (doc: number, field: number, upTo = Infinity): Int32Array | null => {
    const slot = doc * fieldCount + field
    let q = tokenBase + tokenStarts[slot]!
    const end = tokenBase + tokenStarts[slot + 1]!
    if (q === end) return null
    // each token takes 2 bytes at least: room for all of them, or for those up to `upTo`
    const out = new Int32Array(2 * Math.min((end - q) >> 1, upTo + 1))
    let n = 0
    let start = 0
    while (q < end && n < out.length) {
      start += readVarint(offs, q, end, at)
      const length = readVarint(offs, at[0]!, end, at)
      q = at[0]!
      out[n++] = start
      out[n++] = start + length
    }
    return out.subarray(0, n)
  }
  const frequency = (term: number) => {
    const entries = entriesOf(term)
    let n = 0
    for (let e = 1; e < entries.length; e += ENTRY) n += entries[e]!
    return n
  }

  const docOf = (id: DocumentId): number => {
    if (byId === undefined) {
      const table = new Map<DocumentId, number>()
      for (let doc = 0; doc < documentCount; doc++) {
        const id = idAt(doc)
        if (table.has(id)) throw problem(`two documents have the id ${JSON.stringify(id)}`)
        table.set(id, doc)
      }
      byId = table
    }
    return byId.get(id) ?? -1
  }

  return {
    meta,
    documentCount,
    fieldCount,
    averageFieldLength,
    fieldLength: (doc, field) => lengths[doc * fieldCount + field]!,
    idAt,
    docOf,
    storedAt: (doc) => {
      let stored = storedCache.get(doc)
      if (stored === undefined && !storedCache.has(doc)) {
        stored = storedField(doc)
        if (storedCache.size >= STORED_CACHE) storedCache.delete(storedCache.keys().next().value!)
        storedCache.set(doc, stored)
      }
      return stored
    },
    termCount,
    termAt,
    findTerm,
    prefixRange,
    fuzzy,
    postings,
    frequency,
    positions,
    tokenRanges,
  }
}

/**
 * A view over the bytes of a packed index (docs/format.md): the sections checked once, then
 * read where a search needs them: the term dictionary by binary search (prefixes as a range,
 * typos by a bounded walk), postings decoded term by term, field lengths and averages as typed
 * arrays, ids and stored fields decoded one document at a time. Nothing is parsed into objects
 * at load but the small META section. @internal
 */
import type { DocumentId } from '../options.js'
import { decodeText, f64s, FormatProblem, u32s } from './bytes.js'
import { damagedPacked, readContainer } from './layout.js'
import { readDictionary } from './dictionary.js'
import { decodePositions, decodePostings, type FieldPostings, termFrequency } from './postings-reader.js'
import { storedReader } from './stored-reader.js'
import { readTokenTable, tokenRanges } from './token-reader.js'

export type { FieldPostings } from './postings-reader.js'

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

/** The counts of META, NUMS and FLEN, checked. */
interface Counts {
  readonly meta: Record<string, unknown>
  readonly documentCount: number
  readonly fieldCount: number
  readonly averageFieldLength: Float64Array
  /** `lengths[doc * fieldCount + field]`. */
  readonly lengths: Uint32Array
}

/** The view of checked sections (each checked here, in the order of docs/format.md). */
function view(sections: Map<string, Uint8Array>): PackedView {
  const section = (tag: string) => sections.get(tag)!
  const problem = (what: string) => new FormatProblem(what)
  const { meta, documentCount, fieldCount, averageFieldLength, lengths } = readCounts(section, problem)
  const ids = readIds(section('IDS_'), documentCount, problem)
  const storeFields = Array.isArray(meta.storeFields) ? meta.storeFields.map(String) : []
  const storedAt = storedReader(section('STOR'), documentCount, storeFields, problem)
  const post = section('POST')
  const dictionary = readDictionary(section('TDIC'), post, problem)
  const { termCount, postStart, termAt } = dictionary
  const postings = { post, postStart, documentCount, fieldCount, lengths, termAt, problem, at: [0] }
  const tokens = readTokenTable(section('OFFS'), documentCount, fieldCount, problem)
  return {
    meta,
    documentCount,
    fieldCount,
    averageFieldLength,
    fieldLength: (doc, field) => lengths[doc * fieldCount + field]!,
    idAt: (doc) => idAt(ids, doc),
    docOf: (id) => docOf(ids, id),
    storedAt,
    termCount,
    termAt,
    findTerm: dictionary.findTerm,
    prefixRange: dictionary.prefixRange,
    fuzzy: dictionary.fuzzy,
    postings: (term, field) => decodePostings(postings, term, field),
    frequency: (term) => termFrequency(postings, term),
    positions: (p, k) => decodePositions(postings, p, k),
    tokenRanges: (doc, field, upTo) => tokenRanges(tokens, doc, field, upTo),
  }
}

/** META (a JSON object), NUMS (the counts, an average length per field) and FLEN (a length per document and field). */
function readCounts(section: (tag: string) => Uint8Array, problem: (what: string) => FormatProblem): Counts {
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
  return { meta, documentCount, fieldCount, averageFieldLength, lengths }
}

/** The ids of IDS_ (their JSON texts), decoded as they are read, and the number of each id once asked. */
interface Ids {
  readonly documentCount: number
  /** The JSON text of a document's id (undefined: empty). */
  readonly text: (doc: number) => string | undefined
  readonly decoded: Array<DocumentId | undefined>
  readonly problem: (what: string) => FormatProblem
  byId?: Map<DocumentId, number>
}

/** IDS_: u32 byte offsets into the ids' JSON texts in the text encoding (bytes.ts), one entry per document, checked. */
function readIds(bytes: Uint8Array, documentCount: number, problem: (what: string) => FormatProblem): Ids {
  if (bytes.length < 4 * (documentCount + 1)) throw problem('its IDS_ section is too short')
  const offsets = u32s(bytes, 0, documentCount + 1)
  const base = 4 * (documentCount + 1)
  for (let i = 0; i < documentCount; i++)
    if (offsets[i]! > offsets[i + 1]!) throw problem('its IDS_ section has offsets out of order')
  if (offsets[0] !== 0 || base + offsets[documentCount]! !== bytes.length)
    throw problem('its IDS_ section has offsets that do not fit it')
  const text = (doc: number): string | undefined =>
    offsets[doc] === offsets[doc + 1] ? undefined : decodeText(bytes, base + offsets[doc]!, base + offsets[doc + 1]!)
  return { documentCount, text, decoded: new Array<DocumentId | undefined>(documentCount), problem }
}

/** The id of a document, parsed once. */
function idAt(ids: Ids, doc: number): DocumentId {
  let id = ids.decoded[doc]
  if (id === undefined) {
    const parsed: unknown = JSON.parse(ids.text(doc) ?? 'null')
    if (typeof parsed !== 'string' && !(typeof parsed === 'number' && Number.isFinite(parsed)))
      throw damagedPacked('PackedIndex', `the id of document ${doc} is not a string or a finite number`)
    ids.decoded[doc] = id = parsed
  }
  return id
}

/** The number of a document's id, or -1 (every id decoded the first time: two documents with one id are damage). */
function docOf(ids: Ids, id: DocumentId): number {
  if (ids.byId === undefined) {
    const table = new Map<DocumentId, number>()
    for (let doc = 0; doc < ids.documentCount; doc++) {
      const id = idAt(ids, doc)
      if (table.has(id)) throw ids.problem(`two documents have the id ${JSON.stringify(id)}`)
      table.set(id, doc)
    }
    ids.byId = table
  }
  return ids.byId.get(id) ?? -1
}

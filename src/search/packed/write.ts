/**
 * Writes a packed index (docs/format.md) from the postings, lengths, ids and stored fields that
 * `packDocuments` or `ArabicSearch#pack` collected. @internal
 */
import type { DocumentId } from '../options.js'
import { ByteWriter } from './bytes.js'
import { STORED_KIND, writeContainer, type SectionTag } from './layout.js'

/** The postings of one term in one field, in ascending document order. */
export interface PostingList {
  readonly docs: number[]
  readonly tfs: number[]
  /** The positions of the term in each document, one after another (tfs[k] for document k); only for stored fields. */
  readonly positions?: number[]
}

/** What a packed index holds, before it is written. */
export interface PackSource {
  /** The JSON header: the saved-index header without its engine part. */
  readonly meta: object
  readonly documentCount: number
  /** Per field, the average length used by the ranking. */
  readonly averageFieldLength: ArrayLike<number>
  readonly ids: readonly DocumentId[]
  readonly stored: ReadonlyArray<Readonly<Record<string, unknown>> | undefined>
  /** The stored fields, in the order of their tables in STOR. */
  readonly storeFields: readonly string[]
  /** `fieldLengths[doc * fieldCount + field]`: distinct words of a field of a document. */
  readonly fieldLengths: Uint32Array
  /** The offsets of the tokens of the stored fields. */
  readonly tokens: { readonly starts: Uint32Array; readonly bytes: Uint8Array }
  /** The terms (any order), and the postings of term number `t` in field `f`. */
  readonly terms: { readonly names: readonly string[]; postings(t: number, f: number): PostingList | undefined }
}

const encoder = new TextEncoder()

/** The bytes of an unsigned LEB128 varint. */
function varintSize(value: number): number {
  let n = 1
  for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) n++
  return n
}

/**
 * Per document, u32 byte offsets then each entry in the text encoding (`ByteWriter#text`: one
 * byte an Arabic or ASCII character); an empty entry: none.
 */
function offsetTable(entries: ReadonlyArray<string | undefined>): Uint8Array {
  const body = new ByteWriter()
  const offsets: number[] = [0]
  for (const e of entries) {
    if (e !== undefined) body.text(e)
    offsets.push(body.length)
  }
  const out = new ByteWriter()
  for (const o of offsets) out.u32(o)
  out.raw(body.bytes.subarray(0, body.length))
  return out.finish()
}

/**
 * The stored fields, one table per field: per document a kind byte (STORED_KIND) and the value
 * in the text encoding, so that a result's text is decoded, never parsed as JSON.
 */
function storedTables(source: PackSource): Uint8Array {
  const out = new ByteWriter()
  const count = source.storeFields.length
  out.u32(count)
  const startsAt = out.length
  for (let i = 0; i <= count; i++) out.u32(0)
  const starts: number[] = []
  for (const name of source.storeFields) {
    out.pad(4)
    starts.push(out.length)
    const kinds = new Uint8Array(source.documentCount)
    const texts = source.stored.map((stored, doc) => {
      const value = stored !== undefined && Object.hasOwn(stored, name) ? stored[name] : undefined
      if (value === undefined) return undefined
      kinds[doc] = typeof value === 'string' ? STORED_KIND.string : STORED_KIND.json
      return typeof value === 'string' ? value : JSON.stringify(value)
    })
    const body = new ByteWriter()
    out.u32(0)
    for (const text of texts) {
      if (text !== undefined) body.text(text)
      out.u32(body.length)
    }
    out.raw(kinds)
    out.raw(body.bytes.subarray(0, body.length))
  }
  out.pad(4)
  starts.push(out.length)
  const view = new DataView(out.bytes.buffer)
  starts.forEach((start, i) => view.setUint32(startsAt + 4 * i, start, true))
  return out.finish()
}

/** The bytes of a packed index. */
export function writePacked(source: PackSource): Uint8Array {
  const fieldCount = source.averageFieldLength.length
  const sections = new Map<SectionTag, Uint8Array>()
  sections.set('META', encoder.encode(JSON.stringify(source.meta)))
  sections.set('NUMS', counts(source, fieldCount))
  sections.set('IDS_', offsetTable(source.ids.map((id) => JSON.stringify(id))))
  const lengths = new ByteWriter()
  for (let i = 0; i < source.fieldLengths.length; i++) lengths.u32(source.fieldLengths[i]!)
  sections.set('FLEN', lengths.finish())
  const { tdic, post } = termsAndPostings(source, fieldCount)
  sections.set('TDIC', tdic)
  sections.set('POST', post)
  sections.set('STOR', storedTables(source))
  sections.set('OFFS', tokenOffsets(source, fieldCount))
  return writeContainer(sections)
}

/** NUMS: the document count, the field count, and the average length of each field. */
function counts(source: PackSource, fieldCount: number): Uint8Array {
  const nums = new ByteWriter()
  nums.u32(source.documentCount)
  nums.u32(fieldCount)
  for (let f = 0; f < fieldCount; f++) nums.f64(source.averageFieldLength[f]!)
  return nums.finish()
}

/** OFFS: the byte offsets of each document field's tokens, then the tokens. */
function tokenOffsets(source: PackSource, fieldCount: number): Uint8Array {
  const n = source.documentCount
  const offs = new ByteWriter()
  const { starts, bytes } = source.tokens
  if (starts.length !== n * fieldCount + 1)
    throw new Error(`packed index: ${starts.length - 1} token tables for ${n * fieldCount} fields`)
  for (const s of starts) offs.u32(s)
  offs.raw(bytes)
  return offs.finish()
}

/** Per document, the byte length of its positions (scratch kept from list to list). */
interface PositionSizes {
  sizes: Int32Array
}

/**
 * TDIC and POST: the terms in UTF-16 code unit order (what Array#sort does with strings), the
 * dictionary front-coded: per term the code units it shares with the one before, its own code
 * units (their count, then the text encoding), and the bytes of its postings in POST.
 */
function termsAndPostings(source: PackSource, fieldCount: number): { tdic: Uint8Array; post: Uint8Array } {
  const { names, postings } = source.terms
  // the native sort of strings (no comparator called from JS), then each term's number found again
  const terms = [...names].sort()
  const numbers = new Map<string, number>()
  names.forEach((name, t) => numbers.set(name, t))
  const order = terms.map((term) => numbers.get(term)!)
  const post = new ByteWriter()
  const scratch: PositionSizes = { sizes: new Int32Array(1024) }
  const tdic = new ByteWriter()
  tdic.u32(terms.length)
  let previousTerm = ''
  terms.forEach((term, t) => {
    const postAt = post.length
    let shared = 0
    while (
      shared < term.length &&
      shared < previousTerm.length &&
      term.charCodeAt(shared) === previousTerm.charCodeAt(shared)
    )
      shared++
    previousTerm = term
    const number = order[t]!
    let entries = 0
    for (let f = 0; f < fieldCount; f++) if ((postings(number, f)?.docs.length ?? 0) > 0) entries++
    post.varint(entries)
    for (let field = 0; field < fieldCount; field++) {
      const list = postings(number, field)
      if (list !== undefined && list.docs.length > 0) writeList(post, term, field, list, scratch)
    }
    tdic.varint(shared)
    tdic.varint(term.length - shared)
    tdic.text(term.slice(shared))
    tdic.varint(post.length - postAt)
  })
  return { tdic: tdic.finish(), post: post.finish() }
}

/** The postings of a term in a field: its field (flagged when positions follow), df, the postings' size, the postings, and the positions. */
function writeList(post: ByteWriter, term: string, field: number, list: PostingList, scratch: PositionSizes): void {
  const { docs, tfs, positions } = list
  const df = docs.length
  // the sizes first, so that each block is written once, in place
  let size = 0
  let total = 0
  for (let k = 0; k < df; k++) {
    size += varintSize(k === 0 ? docs[0]! : docs[k]! - docs[k - 1]!) + varintSize(tfs[k]!)
    total += tfs[k]!
  }
  post.varint(field * 2 + (positions ? 1 : 0))
  post.varint(df)
  post.varint(size)
  for (let k = 0; k < df; k++) {
    post.varint(k === 0 ? docs[0]! : docs[k]! - docs[k - 1]!)
    post.varint(tfs[k]!)
  }
  if (positions) {
    if (positions.length !== total)
      throw new Error(`packed index: the positions of ${JSON.stringify(term)} do not match its counts`)
    writePositions(post, tfs, positions, scratch)
  }
}

/** Per document: the byte length of its positions, then the positions as gaps (after the block's byte length). */
function writePositions(
  post: ByteWriter,
  tfs: readonly number[],
  positions: readonly number[],
  scratch: PositionSizes,
) {
  const df = tfs.length
  if (scratch.sizes.length < df) scratch.sizes = new Int32Array(Math.max(df, scratch.sizes.length * 2))
  const sizes = scratch.sizes
  let at = 0
  let blockSize = 0
  for (let k = 0; k < df; k++) {
    let bytes = 0
    for (let i = 0; i < tfs[k]!; i++, at++)
      bytes += varintSize(i === 0 ? positions[at]! : positions[at]! - positions[at - 1]!)
    sizes[k] = bytes
    blockSize += varintSize(bytes) + bytes
  }
  post.varint(blockSize)
  at = 0
  for (let k = 0; k < df; k++) {
    post.varint(sizes[k]!)
    for (let i = 0; i < tfs[k]!; i++, at++) post.varint(i === 0 ? positions[at]! : positions[at]! - positions[at - 1]!)
  }
}

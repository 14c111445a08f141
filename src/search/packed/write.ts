/**
 * Writes a packed index (docs/format.md) from the postings, lengths, ids and stored fields that
 * `packDocuments` or `ArabicSearch#pack` collected. @internal
 */
import type { DocumentId } from '../options.js'
import { ByteWriter } from './bytes.js'
import { writeContainer, type SectionTag } from './layout.js'

/** The postings of one term in one field, in ascending document order. */
export interface PostingList {
  readonly docs: number[]
  readonly tfs: number[]
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
  /** `fieldLengths[doc * fieldCount + field]`: distinct words of a field of a document. */
  readonly fieldLengths: Uint32Array
  /** Each term's postings, per field (by field number). */
  readonly terms: ReadonlyMap<string, ReadonlyArray<PostingList | undefined>>
}

const encoder = new TextEncoder()

/** Per document, u32 offsets then the UTF-8 of each entry (an empty entry: none). */
function offsetTable(entries: ReadonlyArray<string | undefined>): Uint8Array {
  const encoded = entries.map((e) => (e === undefined ? new Uint8Array(0) : encoder.encode(e)))
  const out = new ByteWriter()
  let offset = 0
  out.u32(0)
  for (const bytes of encoded) out.u32((offset += bytes.length))
  for (const bytes of encoded) out.raw(bytes)
  return out.finish()
}

/** The bytes of a packed index. */
export function writePacked(source: PackSource): Uint8Array {
  const fieldCount = source.averageFieldLength.length
  const n = source.documentCount
  const sections = new Map<SectionTag, Uint8Array>()
  sections.set('META', encoder.encode(JSON.stringify(source.meta)))

  const nums = new ByteWriter()
  nums.u32(n)
  nums.u32(fieldCount)
  for (let f = 0; f < fieldCount; f++) nums.f64(source.averageFieldLength[f]!)
  sections.set('NUMS', nums.finish())

  sections.set('IDS_', offsetTable(source.ids.map((id) => JSON.stringify(id))))
  const lengths = new ByteWriter()
  for (let i = 0; i < source.fieldLengths.length; i++) lengths.u32(source.fieldLengths[i]!)
  sections.set('FLEN', lengths.finish())

  // terms in UTF-16 code unit order (what Array#sort does with strings)
  const terms = [...source.terms.keys()].sort()
  const post = new ByteWriter()
  const block = new ByteWriter()
  const postStart = new Uint32Array(terms.length + 1)
  const charStart = new Uint32Array(terms.length + 1)
  let chars = 0
  terms.forEach((term, t) => {
    postStart[t] = post.length
    charStart[t] = chars
    chars += term.length
    const fields = source.terms.get(term)!
    let entries = 0
    for (const list of fields) if (list !== undefined && list.docs.length > 0) entries++
    post.varint(entries)
    fields.forEach((list, field) => {
      if (list === undefined || list.docs.length === 0) return
      block.length = 0
      let previous = 0
      for (let k = 0; k < list.docs.length; k++) {
        const doc = list.docs[k]!
        block.varint(k === 0 ? doc : doc - previous)
        block.varint(list.tfs[k]!)
        previous = doc
      }
      post.varint(field)
      post.varint(list.docs.length)
      post.varint(block.length)
      post.raw(block.bytes.subarray(0, block.length))
    })
  })
  postStart[terms.length] = post.length
  charStart[terms.length] = chars
  const tdic = new ByteWriter()
  tdic.u32(terms.length)
  for (const v of charStart) tdic.u32(v)
  for (const v of postStart) tdic.u32(v)
  const units = new Uint16Array(chars)
  let at = 0
  for (const term of terms) for (let k = 0; k < term.length; k++) units[at++] = term.charCodeAt(k)
  tdic.u16s(units)
  sections.set('TDIC', tdic.finish())
  sections.set('POST', post.finish())
  sections.set('STOR', offsetTable(source.stored.map((s) => (s === undefined || Object.keys(s).length === 0 ? undefined : JSON.stringify(s)))))
  return writeContainer(sections)
}

/**
 * The container of the packed index (docs/format.md): a header, a table of sections and the
 * sections, every byte covered by a CRC-32, so that a flipped or missing byte is found at load
 * and reported as a coded error, never read as data. @internal
 */
import { createError, describe, ERROR_CODES, type FahrasError } from '../../errors.js'
import { ByteWriter, crc32 } from './bytes.js'

/** The first 8 bytes of a packed index: 0x89 "FHRS" CR LF 0x1A (a text-mode transfer breaks them). */
export const PACKED_MAGIC = [0x89, 0x46, 0x48, 0x52, 0x53, 0x0d, 0x0a, 0x1a] as const
/** The version of the packed format this code writes and reads. */
export const PACKED_FORMAT_VERSION = 1
/** Sections start at multiples of this many bytes (typed-array views need it). */
export const SECTION_ALIGNMENT = 8
/** Header bytes before the section table: magic, version, section count, total length. */
const HEADER_BYTES = 20
/** Bytes of one entry of the section table: tag, offset, length, CRC-32. */
const ENTRY_BYTES = 16
/** The most sections a packed index may declare. */
const MAX_SECTIONS = 64

/** The sections of a packed index, in the order they are written (each a 4-letter ASCII tag). */
export const SECTION_TAGS = ['META', 'NUMS', 'IDS_', 'FLEN', 'TDIC', 'POST', 'STOR', 'OFFS'] as const
export type SectionTag = (typeof SECTION_TAGS)[number]

/** How a stored value is kept in STOR: absent, a string as its UTF-16 code units, anything else as JSON text. */
export const STORED_KIND = { absent: 0, string: 1, json: 2 } as const

const tagNumber = (tag: string) =>
  tag.charCodeAt(0) | (tag.charCodeAt(1) << 8) | (tag.charCodeAt(2) << 16) | ((tag.charCodeAt(3) << 24) >>> 0)
const tagText = (n: number) => String.fromCharCode(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24)

/** Joins the sections into a packed index. */
export function writeContainer(sections: ReadonlyMap<SectionTag, Uint8Array>): Uint8Array {
  const out = new ByteWriter()
  const tags = SECTION_TAGS.filter((t) => sections.has(t))
  out.raw(Uint8Array.from(PACKED_MAGIC))
  out.u32(PACKED_FORMAT_VERSION)
  out.u32(tags.length)
  out.u32(0) // total length, set below
  const tableAt = out.length
  for (let i = 0; i < tags.length; i++) out.raw(new Uint8Array(ENTRY_BYTES))
  out.u32(0) // header CRC, set below
  const view = () => new DataView(out.bytes.buffer)
  tags.forEach((tag, i) => {
    out.pad(SECTION_ALIGNMENT)
    const body = sections.get(tag)!
    const entry = tableAt + i * ENTRY_BYTES
    const offset = out.length
    out.raw(body)
    const v = view()
    v.setUint32(entry, tagNumber(tag), true)
    v.setUint32(entry + 4, offset, true)
    v.setUint32(entry + 8, body.length, true)
    v.setUint32(entry + 12, crc32(body), true)
  })
  const v = view()
  v.setUint32(16, out.length, true)
  const crcAt = tableAt + tags.length * ENTRY_BYTES
  v.setUint32(crcAt, crc32(out.bytes, 0, crcAt), true)
  return out.finish()
}

/** The error of bytes that are not a sound packed index. */
export function damagedPacked(where: string, problem: string): FahrasError {
  return createError(ERROR_CODES.INVALID_INDEX, `${where} got a damaged packed index: ${problem}`, { problem })
}

/**
 * Checks the container and returns each section's bytes (views, not copies). Every byte is
 * checked: the magic, the version, the total length, the header's CRC, each section's CRC and
 * position, and the zero padding between sections.
 */
export function readContainer(bytes: Uint8Array, where: string): Map<SectionTag, Uint8Array> {
  const bad = (problem: string) => damagedPacked(where, problem)
  if (bytes.length < HEADER_BYTES + 4 || PACKED_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw createError(
      ERROR_CODES.INVALID_INDEX,
      `${where} expected a packed fahras index (it starts with the bytes 89 46 48 52 53 0D 0A 1A), got ${bytes.length < 8 ? `${bytes.length} bytes` : 'other bytes'}`,
      { problem: 'magic' },
    )
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint32(8, true)
  const count = view.getUint32(12, true)
  const total = view.getUint32(16, true)
  if (count > MAX_SECTIONS || HEADER_BYTES + count * ENTRY_BYTES + 4 > bytes.length)
    throw bad(`its header declares ${count} sections`)
  const crcAt = HEADER_BYTES + count * ENTRY_BYTES
  if (view.getUint32(crcAt, true) !== crc32(bytes, 0, crcAt)) throw bad('the CRC-32 of its header does not match')
  if (version !== PACKED_FORMAT_VERSION) {
    throw createError(
      ERROR_CODES.INDEX_VERSION_MISMATCH,
      `${where} expected packed format version ${PACKED_FORMAT_VERSION}, got ${describe(version)}; pack the index again with this version of fahras`,
      { version },
    )
  }
  if (total !== bytes.length)
    throw bad(
      `it is ${bytes.length} bytes long, its header says ${total} (${total > bytes.length ? 'truncated' : 'bytes added at the end'})`,
    )
  const sections = new Map<SectionTag, Uint8Array>()
  let end = crcAt + 4
  for (let i = 0; i < count; i++) {
    const entry = HEADER_BYTES + i * ENTRY_BYTES
    const tag = tagText(view.getUint32(entry, true))
    const offset = view.getUint32(entry + 4, true)
    const length = view.getUint32(entry + 8, true)
    const aligned = Math.ceil(end / SECTION_ALIGNMENT) * SECTION_ALIGNMENT
    if (!(SECTION_TAGS as readonly string[]).includes(tag) || sections.has(tag as SectionTag))
      throw bad(`its section table holds an unknown or repeated section ${JSON.stringify(tag)}`)
    if (offset !== aligned || offset + length > bytes.length)
      throw bad(`its section ${tag} is not where the format puts it`)
    for (let k = end; k < offset; k++)
      if (bytes[k] !== 0) throw bad(`a padding byte before the section ${tag} is not zero`)
    if (crc32(bytes, offset, offset + length) !== view.getUint32(entry + 12, true))
      throw bad(`the CRC-32 of its section ${tag} does not match`)
    sections.set(tag as SectionTag, bytes.subarray(offset, offset + length))
    end = offset + length
  }
  if (end !== bytes.length) throw bad('bytes follow its last section')
  for (const tag of SECTION_TAGS) if (!sections.has(tag)) throw bad(`it has no section ${tag}`)
  return sections
}

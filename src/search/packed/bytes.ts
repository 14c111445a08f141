/**
 * Byte-level helpers of the packed index: CRC-32, unsigned LEB128 varints, a growable byte
 * buffer, and little-endian typed-array views that never misread on an unaligned or big-endian
 * buffer. @internal
 */

/** The CRC-32 table (IEEE 802.3, reflected polynomial 0xEDB88320), built on first use. */
let crcTable: Uint32Array | undefined

function table(): Uint32Array {
  if (crcTable) return crcTable
  crcTable = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crcTable[n] = c >>> 0
  }
  return crcTable
}

/** The CRC-32 of `bytes[start, end)` (as zlib's `crc32`). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0): number {
  const t = table()
  let c = ~seed >>> 0
  for (let i = start; i < end; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}

/** A growable byte buffer with little-endian and varint writers. */
export class ByteWriter {
  bytes = new Uint8Array(1024)
  length = 0

  #room(n: number): void {
    if (this.length + n <= this.bytes.length) return
    let size = this.bytes.length * 2
    while (size < this.length + n) size *= 2
    const grown = new Uint8Array(size)
    grown.set(this.bytes.subarray(0, this.length))
    this.bytes = grown
  }

  /** An unsigned integer below 2^53 as LEB128 (7 bits a byte, low first). */
  varint(value: number): void {
    if (this.length + 8 > this.bytes.length) this.#room(8)
    const bytes = this.bytes
    if (value < 0x80) {
      bytes[this.length++] = value
      return
    }
    let v = value
    while (v >= 0x80) {
      bytes[this.length++] = (v % 0x80) | 0x80
      v = Math.floor(v / 0x80)
    }
    bytes[this.length++] = v
  }

  u32(value: number): void {
    this.#room(4)
    new DataView(this.bytes.buffer).setUint32(this.length, value, true)
    this.length += 4
  }

  f64(value: number): void {
    this.#room(8)
    new DataView(this.bytes.buffer).setFloat64(this.length, value, true)
    this.length += 8
  }

  /**
   * A string in the packed index's text encoding (see {@link decodeText}): one byte a character
   * for ASCII and for U+0600–U+067E (Arabic letters, marks, digits, punctuation), three bytes
   * for any other UTF-16 code unit.
   */
  text(value: string): void {
    this.#room(value.length * 3)
    const bytes = this.bytes
    let at = this.length
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i)
      if (c < 0x80) bytes[at++] = c
      else if (c >= ARABIC_BASE && c < ARABIC_BASE + ARABIC_SPAN) bytes[at++] = 0x80 + (c - ARABIC_BASE)
      else {
        bytes[at++] = WIDE
        bytes[at++] = c & 0xff
        bytes[at++] = c >>> 8
      }
    }
    this.length = at
  }

  raw(bytes: Uint8Array): void {
    this.#room(bytes.length)
    this.bytes.set(bytes, this.length)
    this.length += bytes.length
  }

  /** Zero bytes up to a multiple of `alignment`. */
  pad(alignment: number): void {
    const n = (alignment - (this.length % alignment)) % alignment
    this.#room(n)
    this.bytes.fill(0, this.length, this.length + n)
    this.length += n
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }
}

/** The first code unit of the one-byte Arabic range of the text encoding. */
export const ARABIC_BASE = 0x0600
/** Code units ARABIC_BASE … ARABIC_BASE + ARABIC_SPAN - 1 take one byte (0x80 + their offset). */
export const ARABIC_SPAN = 0x7f
/** The byte that announces a code unit written whole, in the two bytes after it (little-endian). */
export const WIDE = 0xff

let scratch = new Uint16Array(4096)
// ignoreBOM: a text that starts with U+FEFF keeps it
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true })

/**
 * Decodes the text encoding into `out` from `at`; returns the number of code units written, or
 * -1 if `out` has no room. Throws FormatProblem on a cut wide character.
 */
export function decodeTextInto(bytes: Uint8Array, start: number, end: number, out: Uint16Array, at: number): number {
  // room for one code unit a byte: no check in the loop
  const roomy = at + (end - start) <= out.length
  let n = at
  for (let i = start; i < end; i++) {
    if (!roomy && n >= out.length) return -1
    const b = bytes[i]!
    if (b !== WIDE) {
      out[n++] = UNIT_OF_BYTE[b]!
      continue
    }
    if (i + 2 >= end) throw new FormatProblem('a wide character runs past the end of its text')
    const unit = bytes[i + 1]! | (bytes[i + 2]! << 8)
    if (unit >= 0xd800 && unit <= 0xdfff) surrogates = true
    out[n++] = unit
    i += 2
  }
  return n - at
}

/** The code unit of each one-byte character of the text encoding (WIDE's entry unused). */
const UNIT_OF_BYTE = Uint16Array.from({ length: 256 }, (_, b) => (b < 0x80 ? b : ARABIC_BASE + (b - 0x80)))

/** Set when a decoded text holds a surrogate code unit (then it may hold a lone one). */
let surrogates = false

/** The string written by `ByteWriter#text` in `bytes[start, end)`. */
export function decodeText(bytes: Uint8Array, start: number, end: number): string {
  if (scratch.length < end - start) scratch = new Uint16Array(Math.max(end - start, scratch.length * 2))
  surrogates = false
  const n = decodeTextInto(bytes, start, end, scratch, 0)
  if (!surrogates) return utf16.decode(scratch.subarray(0, n))
  // TextDecoder would replace a lone surrogate with U+FFFD: the code units as they are
  let text = ''
  for (let i = 0; i < n; i += 8192) text += String.fromCharCode(...scratch.subarray(i, Math.min(n, i + 8192)))
  return text
}

/** Thrown by the readers on bytes that cannot be what the writer wrote; the caller makes it a coded error. */
export class FormatProblem extends Error {}

/**
 * Reads the varint at `at` of `bytes`, within `end`; `out[0]` gets the position after it.
 * Throws FormatProblem past `end` or beyond 2^53.
 */
export function readVarint(bytes: Uint8Array, at: number, end: number, out: Int32Array | number[]): number {
  let value = 0
  let scale = 1
  let i = at
  for (;;) {
    if (i >= end) throw new FormatProblem('a number runs past the end of its section')
    const b = bytes[i++]!
    value += (b & 0x7f) * scale
    if (b < 0x80) break
    scale *= 0x80
    if (scale > 2 ** 49) throw new FormatProblem('a number is too long')
  }
  out[0] = i
  return value
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** `count` little-endian u32 at byte `offset` of `bytes`: a view when it can be one, else a copy. */
export function u32s(bytes: Uint8Array, offset: number, count: number): Uint32Array {
  const at = bytes.byteOffset + offset
  if (LITTLE_ENDIAN && at % 4 === 0) return new Uint32Array(bytes.buffer, at, count)
  const view = new DataView(bytes.buffer, at, count * 4)
  return Uint32Array.from({ length: count }, (_, i) => view.getUint32(i * 4, true))
}

/** `count` little-endian f64 at byte `offset` of `bytes` (a copy: they are few). */
export function f64s(bytes: Uint8Array, offset: number, count: number): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * 8)
  return Float64Array.from({ length: count }, (_, i) => view.getFloat64(i * 8, true))
}

/**
 * Reading one input file: regular files only, at most MAX_INPUT_BYTES, UTF-8 checked rather than
 * repaired, and fahras's own outputs recognized so that they are not read back as documents.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
import { guessLegacyEncoding, notUtf8Reason } from './encoding.js'
import { PACKED_MAGIC } from '../search/packed/layout.js'

/** A usage or input error that stops the command (exit code 1, or 2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
  }
}

/** What went wrong with a file: the system's error code (ENOENT, EACCES…), else the message. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}

/**
 * The largest input file read, in bytes: 256 MiB. A file is read whole into memory, and a
 * JavaScript string holds at most about 512 million characters; a larger file is skipped with a
 * reason (split it), and a device behind a file name (`/dev/zero` as `a.jsonl`) is never read.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024

/** How much of a file is sampled to tell binary data from text. */
const BINARY_SAMPLE_BYTES = 8192
/** A sample with more bad characters (NUL, invalid UTF-8) than this, and this share of them, is binary. */
const BINARY_MIN_BAD = 8
const BINARY_MIN_SHARE = 0.05
const NEWLINE = 0x0a

/** The bytes of a file, or why it was not read. */
export type FileBytes = { readonly ok: true; readonly buffer: Buffer } | { readonly ok: false; readonly reason: string }

/** What kind of file this is, when it is not a regular file. */
export function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  if (stats.isDirectory()) return 'a folder'
  return 'not a regular file'
}

const tooLarge = (size: number) =>
  `${size.toLocaleString('en-US')} bytes or more, larger than the ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes (256 MiB) fahras reads from one file: split it`

/**
 * The bytes of a regular file, at most MAX_INPUT_BYTES of them. A FIFO, a device or a socket is
 * not opened (a FIFO would block, a device may never end): it is reported as not a regular file.
 */
export function readRegularFile(path: string, limit = MAX_INPUT_BYTES): FileBytes {
  let fd: number
  try {
    const stats = statSync(path)
    if (!stats.isFile()) return { ok: false, reason: `not a regular file: ${fileKind(stats)}` }
    // non-blocking: should the file have become a FIFO since, opening it does not wait for a writer
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return { ok: false, reason: `cannot read: ${errorCode(error)}` }
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) return { ok: false, reason: `not a regular file: ${fileKind(stats)}` }
    if (stats.size > limit) return { ok: false, reason: tooLarge(stats.size) }
    // one byte more than the size, to see a file that grew since; never more than limit + 1
    let buffer = Buffer.allocUnsafe(stats.size + 1)
    let used = 0
    for (;;) {
      if (used === buffer.length) {
        if (used > limit) return { ok: false, reason: tooLarge(used) }
        const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2))
        buffer.copy(larger, 0, 0, used)
        buffer = larger
      }
      const n = readSync(fd, buffer, used, buffer.length - used, null)
      if (n === 0) break
      used += n
    }
    if (used > limit) return { ok: false, reason: tooLarge(used) }
    return { ok: true, buffer: buffer.subarray(0, used) }
  } catch (error) {
    return { ok: false, reason: `cannot read: ${errorCode(error)}` }
  } finally {
    closeSync(fd)
  }
}

/** UTF-8 that throws on an invalid sequence instead of replacing it with U+FFFD; a leading BOM is dropped. */
const strictUtf8 = () => new TextDecoder('utf-8', { fatal: true })

/** Is all of `buffer` valid UTF-8? */
function isUtf8(buffer: Buffer): boolean {
  try {
    strictUtf8().decode(buffer)
    return true
  } catch {
    return false
  }
}

/** Does the start of this file look like binary data: many NUL bytes or invalid UTF-8 sequences? */
function looksBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, BINARY_SAMPLE_BYTES)
  const text = sample.toString('utf8')
  let bad = 0
  for (const ch of text) if (ch === '\ufffd' || ch === '\u0000') bad++
  return bad > BINARY_MIN_BAD && bad / text.length > BINARY_MIN_SHARE
}

/** The 1-based number of the first line of `buffer` that is not valid UTF-8 (0 when all are). */
function firstInvalidLine(buffer: Buffer): number {
  const decoder = strictUtf8()
  let line = 1
  for (let start = 0; start <= buffer.length; line++) {
    let end = buffer.indexOf(NEWLINE, start)
    if (end < 0) end = buffer.length
    try {
      decoder.decode(buffer.subarray(start, end))
    } catch {
      return line
    }
    start = end + 1
  }
  return 0
}

/**
 * A whole file as text (one document, or one JSON array): binary data (a NUL byte, or mostly
 * invalid UTF-8) and invalid UTF-8 are reported, never repaired.
 */
export function decodeWhole(buffer: Buffer): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    if (!buffer.includes(0)) return { ok: true, text: strictUtf8().decode(buffer) }
  } catch {
    // not UTF-8: another encoding, binary data, or a few bad bytes (told apart below)
  }
  const encoding = guessLegacyEncoding(buffer)
  if (encoding !== null) return { ok: false, reason: notUtf8Reason(encoding) }
  if (buffer.includes(0) || looksBinary(buffer)) return { ok: false, reason: BINARY }
  return {
    ok: false,
    reason: `invalid UTF-8 on line ${firstInvalidLine(buffer)}: the file is skipped rather than altered`,
  }
}

/** Why a binary file is skipped. */
const BINARY = 'binary file, not text'

/** One line of a JSONL file: its text, or why it is not text. */
export type Line =
  | { readonly line: number; readonly text: string; readonly reason?: undefined }
  | { readonly line: number; readonly reason: string }

/**
 * The lines of a JSONL file, each decoded on its own: a line with a NUL byte or invalid UTF-8 is
 * reported and the others kept. A string, the reason, when the file as a whole is not UTF-8 text:
 * binary data (a PNG named .jsonl), or text in another encoding (Windows-1256, UTF-16).
 */
export function decodeLines(buffer: Buffer): Line[] | string {
  const encoding = guessLegacyEncoding(buffer)
  if (encoding !== null && !isUtf8(buffer)) return notUtf8Reason(encoding)
  if (looksBinary(buffer)) return BINARY
  const decoder = strictUtf8()
  if (!buffer.includes(0)) {
    try {
      return decoder
        .decode(buffer)
        .split('\n')
        .map((text, i) => ({ line: i + 1, text }))
    } catch {
      // decoded line by line below
    }
  }
  const lines: Line[] = []
  for (let start = 0, line = 1; start <= buffer.length; line++) {
    let end = buffer.indexOf(NEWLINE, start)
    if (end < 0) end = buffer.length
    const bytes = buffer.subarray(start, end)
    start = end + 1
    if (bytes.includes(0)) {
      lines.push({ line, reason: 'a NUL byte: binary data, not text' })
      continue
    }
    try {
      lines.push({ line, text: decoder.decode(bytes) })
    } catch {
      lines.push({ line, reason: 'invalid UTF-8: the line is skipped rather than altered' })
    }
  }
  return lines
}

/** A saved index, as `fahras index` and `JSON.stringify(search)` write it. */
const SAVED_INDEX = /^\s*\{\s*"format"\s*:\s*"fahras-index"/
/** Index settings, as `fahras export-settings` writes them. */
const SETTINGS = /^\s*\{\s*"settings"\s*:\s*\{\s*"analysis"/
/** The first action line of a _bulk body, as `fahras bulk` writes it. */
const BULK_ACTION = /^\{"(?:index|create)":\{"_index":"/

/**
 * Which of fahras's outputs this file is, if it is one (so that an index, an export or settings
 * written inside an input folder are not read back as documents next time): a reason to skip it,
 * or null.
 */
export function fahrasOutput(ext: string, buffer: Buffer): string | null {
  if (PACKED_MAGIC.every((byte, i) => buffer[i] === byte))
    return 'a packed fahras index (written by `fahras index`), not documents: search it alone, fahras search <index.fahras> <query>'
  const head = buffer
    .subarray(0, 200)
    .toString('utf8')
    .replace(/^\ufeff/, '')
  if (ext === '.json') {
    if (SAVED_INDEX.test(head)) return 'a saved fahras index (written by `fahras index`), not documents'
    if (SETTINGS.test(head)) return 'index settings (written by `fahras export-settings`), not documents'
    return null
  }
  return BULK_ACTION.test(head.trimStart()) ? 'a _bulk body (written by `fahras bulk`), not documents' : null
}

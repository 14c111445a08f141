/**
 * Where `fahras bulk` writes its NDJSON: stdout, one file, or parts of at most n bytes, each
 * written as documents come, through Node streams (stream/promises pipeline, which waits for a
 * slow reader or disk), and put in place when complete (see atomic-write.ts).
 */
import { createWriteStream, renameSync } from 'node:fs'
import { extname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AtomicFile } from './atomic-write.js'
import { CliError, errorCode } from './read-file.js'
import type { InputGuard } from './output-guard.js'
import { quoted } from './safe-print.js'

/** A megabyte as Elasticsearch counts it: its default `100mb` limit is 100 × 1,048,576 bytes. */
export const MEGABYTE = 1024 * 1024
/** Elasticsearch's default `http.max_content_length`: the largest request body it accepts. */
export const ELASTICSEARCH_DEFAULT_MAX_CONTENT = 100 * MEGABYTE
/** How much NDJSON is gathered, in bytes, before each write. */
const WRITE_CHUNK = MEGABYTE
/** The digits of a part's number in its name (out-001.ndjson), more when there are more parts. */
export const PART_NUMBER_DIGITS = 3

export interface BulkCommand {
  readonly index: string
  /** The fields kept in each document's source; all of them when undefined. */
  readonly fields: string[] | undefined
  readonly output: string | undefined
  /** The largest part in bytes, with --split-mb. */
  readonly partBytes: number | undefined
  readonly splitMb: string | undefined
}

/** One file written: its path, the documents (action and source lines) and bytes it holds. */
export interface WrittenFile {
  path: string
  documents: number
  bytes: number
}

/** The name of part `n` of `output`: articles.ndjson → articles-001.ndjson. */
export function partName(output: string, n: number, width: number): string {
  const ext = extname(output)
  return `${output.slice(0, output.length - ext.length)}-${String(n).padStart(width, '0')}${ext}`
}

/** One document as NDJSON: its action line and its source line, and their length in UTF-8. */
export interface Pair {
  readonly text: string
  readonly bytes: number
}

/**
 * The pairs of a command, looked at one ahead: a part takes the next pair only if it fits. Never
 * closed by a consumer that stops (a pipeline that failed): what is left can still be counted.
 */
class Pairs {
  private ahead: Pair | undefined

  constructor(private readonly source: Iterator<Pair>) {}

  /** The next pair, not taken; undefined at the end. */
  peek(): Pair | undefined {
    if (this.ahead === undefined) {
      const next = this.source.next()
      if (next.done !== true) this.ahead = next.value
    }
    return this.ahead
  }

  /** The next pair, taken. */
  take(): Pair | undefined {
    const pair = this.peek()
    this.ahead = undefined
    return pair
  }
}

/**
 * The pairs `fits` lets through (all of them when it is undefined), gathered into strings of
 * about WRITE_CHUNK bytes: one write each, and never much more than that held.
 */
function* chunks(pairs: Pairs, fits?: (pair: Pair) => boolean): Generator<string> {
  let gathered: string[] = []
  let size = 0
  for (let pair = pairs.peek(); pair !== undefined && (fits === undefined || fits(pair)); pair = pairs.peek()) {
    pairs.take()
    gathered.push(pair.text)
    size += pair.bytes
    if (size >= WRITE_CHUNK) {
      yield gathered.join('')
      gathered = []
      size = 0
    }
  }
  if (gathered.length > 0) yield gathered.join('')
}

/** An error of the write itself (a system call's), rather than of what produced the data. */
const isWriteError = (error: unknown): boolean => typeof (error as NodeJS.ErrnoException | null)?.syscall === 'string'

/** How stdout fails when its reader went away (`| head`). */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED'])

/**
 * Writes every pair to stdout through a stream pipeline. A reader that stops early (`| head`) is
 * not an error: the rest is taken and dropped, as a pipe would, so that the summary still counts
 * every document. stdout is left open.
 */
async function toStdout(pairs: Pairs): Promise<void> {
  try {
    await pipeline(Readable.from(chunks(pairs)), process.stdout, { end: false })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === undefined || !READER_GONE.has(code))
      throw isWriteError(error) ? new CliError(`cannot write stdout: ${code}`) : error
    while (pairs.take() !== undefined) {
      // dropped: nobody reads them
    }
  }
}

/**
 * Where `fahras bulk` writes: stdout, one file, or parts of at most `partBytes`. A file is opened
 * when its first document comes (no document, no file), written as documents come, to a temporary
 * file put in place when it is complete (see AtomicFile), and the parts renamed at the end only if
 * there are more than 999 of them (out-0001.ndjson…).
 */
export class BulkOutput {
  readonly files: WrittenFile[] = []

  constructor(
    private readonly b: BulkCommand,
    private readonly guard: InputGuard,
  ) {}

  /**
   * Writes every pair of `source`, in order; resolves to the digits of the parts' numbers. After
   * an error, which is the one thrown, the file being written is removed (the target untouched).
   */
  async write(source: Iterator<Pair>): Promise<number> {
    const pairs = new Pairs(source)
    if (this.b.output === undefined) await toStdout(pairs)
    else while (pairs.peek() !== undefined) await this.writeFile(pairs, this.b.output)
    return this.renameParts()
  }

  /** Writes the next file: `output`, or its next part, with the pairs that fit (one at least). */
  private async writeFile(pairs: Pairs, output: string): Promise<void> {
    const { partBytes } = this.b
    const path = partBytes === undefined ? output : partName(output, this.files.length + 1, PART_NUMBER_DIGITS)
    this.guard.check(path)
    const open = new AtomicFile(path)
    const file: WrittenFile = { path, documents: 0, bytes: 0 }
    this.files.push(file)
    // greedy: a pair goes to the current part while it fits, an action never apart from its source
    const fits = (pair: Pair) => {
      if (partBytes !== undefined && file.documents > 0 && file.bytes + pair.bytes > partBytes) return false
      file.documents++
      file.bytes += pair.bytes
      return true
    }
    try {
      await pipeline(Readable.from(chunks(pairs, fits)), createWriteStream(path, { fd: open.fd, autoClose: false }))
    } catch (error) {
      open.abort()
      throw isWriteError(error) ? new CliError(`cannot write ${quoted(path)}: ${errorCode(error)}`) : error
    }
    open.commit()
  }

  /** With more than 999 parts, their names get more digits. Returns the digits. */
  private renameParts(): number {
    const width = Math.max(PART_NUMBER_DIGITS, String(this.files.length).length)
    if (this.b.partBytes === undefined || width === PART_NUMBER_DIGITS) return width
    for (const [i, file] of this.files.entries()) {
      const path = partName(this.b.output!, i + 1, width)
      if (path === file.path) continue
      this.guard.check(path)
      try {
        renameSync(file.path, path)
      } catch (error) {
        throw new CliError(`cannot rename ${quoted(file.path)} to ${quoted(path)}: ${errorCode(error)}`)
      }
      file.path = path
    }
    return width
  }
}

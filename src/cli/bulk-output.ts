/**
 * Where `fahras bulk` writes its NDJSON: stdout, one file, or parts of at most n bytes, each
 * written as documents come and put in place when complete (see atomic-write.ts).
 */
import { renameSync, writeSync } from 'node:fs'
import { extname } from 'node:path'
import { AtomicFile } from './atomic-write.js'
import { CliError, errorCode } from './read-file.js'
import { InputGuard } from './output-guard.js'
import { quoted } from './safe-print.js'

/** A megabyte as Elasticsearch counts it: its default `100mb` limit is 100 × 1,048,576 bytes. */
export const MEGABYTE = 1024 * 1024
/** Elasticsearch's default `http.max_content_length`: the largest request body it accepts. */
export const ELASTICSEARCH_DEFAULT_MAX_CONTENT = 100 * MEGABYTE
/** How much NDJSON is gathered, in bytes, before each write. */
const WRITE_CHUNK = MEGABYTE
/** The digits of a part's number in its name (out-001.ndjson), more when there are more parts. */
export const PART_NUMBER_DIGITS = 3
/** How long to wait, in milliseconds, before writing again to a full pipe (EAGAIN). */
const FULL_PIPE_WAIT_MS = 2

export interface BulkCommand {
  readonly index: string
  /** The fields kept in each document's source; all of them when undefined. */
  readonly keep: string[] | undefined
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

/** Blocks the thread for `ms` milliseconds (while a pipe's reader catches up). */
function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * NDJSON written as it is produced, through a buffer of WRITE_CHUNK bytes, with blocking writes to
 * a file descriptor: nothing is held longer than one buffer, and nothing is pending at exit.
 */
class NdjsonWriter {
  private readonly buffer = Buffer.allocUnsafe(WRITE_CHUNK)
  private used = 0
  /** Set when the reader of stdout went away (| head): the rest is dropped, as a pipe would. */
  private closedByReader = false

  /** `where` names the output in errors: a path, or `stdout`. */
  constructor(private readonly fd: number, private readonly where: string) {}

  /** Adds `text`, `bytes` long in UTF-8. */
  write(text: string, bytes: number) {
    if (this.used + bytes > this.buffer.length) this.flush()
    if (bytes > this.buffer.length) this.writeAll(Buffer.from(text, 'utf8'), bytes)
    else this.used += this.buffer.write(text, this.used, 'utf8')
  }

  flush() {
    if (this.used > 0) this.writeAll(this.buffer, this.used)
    this.used = 0
  }

  private writeAll(data: Buffer, length: number) {
    let done = 0
    while (done < length && !this.closedByReader) {
      try {
        done += writeSync(this.fd, data, done, length - done)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EAGAIN') sleep(FULL_PIPE_WAIT_MS) // a non-blocking pipe, full: wait for its reader
        else if (code === 'EPIPE' && this.where === 'stdout') this.closedByReader = true // a reader that stops early is not an error
        else throw new CliError(`cannot write ${this.where}: ${code ?? (error as Error).message}`)
      }
    }
  }
}

/**
 * Where `fahras bulk` writes: stdout, one file, or parts of at most `partBytes`. Files are opened
 * when their first document comes (no document, no file), written as documents come, each to a
 * temporary file put in place when it is complete (see AtomicFile), and the parts renamed at the
 * end only if there are more than 999 of them (out-0001.ndjson…).
 */
export class BulkOutput {
  readonly files: WrittenFile[] = []
  private writer: NdjsonWriter | undefined
  /** The file open for writing, if any. */
  private open: AtomicFile | undefined

  constructor(private readonly b: BulkCommand, private readonly guard: InputGuard) {}

  /** Writes one document's two lines, `bytes` long, starting a part when it would not fit. */
  add(pair: string, bytes: number) {
    const { output, partBytes } = this.b
    let file = this.files[this.files.length - 1]
    if (output === undefined) {
      this.writer ??= new NdjsonWriter(process.stdout.fd, 'stdout')
    } else if (file === undefined || (partBytes !== undefined && file.bytes + bytes > partBytes)) {
      // greedy: a pair goes to the current part while it fits, an action never apart from its source
      this.close()
      const path = partBytes === undefined ? output : partName(output, this.files.length + 1, PART_NUMBER_DIGITS)
      this.guard.check(path)
      this.open = new AtomicFile(path)
      this.writer = new NdjsonWriter(this.open.fd, quoted(path))
      file = { path, documents: 0, bytes: 0 }
      this.files.push(file)
    }
    this.writer!.write(pair, bytes)
    if (file !== undefined) {
      file.documents++
      file.bytes += bytes
    }
  }

  /** Writes what is left and closes; renames the parts if they need more digits. Returns the digits. */
  finish(): number {
    this.writer?.flush()
    this.close()
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

  /** Closes the open file without writing what is left: after an error, which is the one reported. */
  abandon() {
    this.open?.abort()
    this.open = undefined
  }

  private close() {
    if (this.open === undefined) return
    this.writer!.flush()
    this.open.commit()
    this.open = undefined
  }
}


/**
 * An output must never be one of the command's inputs: `fahras index data.json -o data.json` would
 * replace the documents with the index. Files are compared by device and inode, so a symbolic or
 * a hard link to an input, or an input inside a folder given as input, is caught too.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { inputFiles } from './inputs.js'
import { CliError, fahrasOutput } from './read-file.js'
import { quoted } from './safe-print.js'

/** Bytes read from the start of a file to tell whether it is one of fahras's outputs. */
const HEAD_BYTES = 256

/** Is `file` one of fahras's outputs (an index, settings, a _bulk body), which the inputs skip? */
function isFahrasOutput(file: string): boolean {
  let fd: number | undefined
  try {
    if (!statSync(file).isFile()) return false
    fd = openSync(file, 'r')
    const head = Buffer.alloc(HEAD_BYTES)
    const n = readSync(fd, head, 0, HEAD_BYTES, 0)
    return fahrasOutput(extname(file).toLowerCase(), head.subarray(0, n)) !== null
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** The identity of a file: device and inode. */
const identity = (stats: { dev: number; ino: number }) => `${stats.dev}:${stats.ino}`

/** The inputs of a command, by identity, to check its outputs against. */
export class InputGuard {
  private identities: Map<string, string> | undefined

  /**
   * `readsDocuments`: the inputs are read as documents, which skips fahras's own outputs among
   * them (false for `export-settings --from`, whose input is an index).
   */
  constructor(
    private readonly inputs: readonly string[],
    private readonly readsDocuments = true,
  ) {}

  /**
   * Throws a usage error (exit code 2) when writing `output` would overwrite one of the inputs.
   * An earlier output of fahras found among the inputs (an index written into an input folder)
   * is not read as an input, so it may be replaced.
   */
  check(output: string, option = '-o'): void {
    let stats
    try {
      stats = statSync(output)
    } catch {
      return // a file that does not exist yet is no input
    }
    this.identities ??= this.collect()
    const input = this.identities.get(identity(stats))
    if (input === undefined || (this.readsDocuments && isFahrasOutput(input))) return
    const which = input === output ? 'also an input' : `the same file as the input ${quoted(input)}`
    throw new CliError(`${option} ${quoted(output)} is ${which}: write elsewhere`, 2)
  }

  private collect(): Map<string, string> {
    const found = new Map<string, string>()
    for (const file of inputFiles(this.inputs)) {
      try {
        const key = identity(statSync(file))
        if (!found.has(key)) found.set(key, file)
      } catch {
        // an input that cannot be read cannot be overwritten by mistake either
      }
    }
    return found
  }
}

/**
 * The two forms of a saved index on the command line: the packed index (`.fahras`, binary,
 * checksummed, read by `PackedIndex.load`) and the JSON index (`.json`, read by
 * `ArabicSearch.loadJSON`). Which one `fahras index` writes, and which one a file holds.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { isFahrasError } from '../errors.js'
import { PackedIndex } from '../search/packed-index.js'
import { PACKED_MAGIC } from '../search/packed/layout.js'
import type { Document } from './inputs.js'
import { CliError } from './read-file.js'
import { quoted } from './safe-print.js'

/** The extension of a packed index: `-o index.fahras` writes one. */
export const PACKED_EXTENSION = '.fahras'
/** The extension of a JSON index: `-o index.json` writes one, as before packed indexes. */
export const JSON_EXTENSION = '.json'

/** What `fahras index` writes. */
export type IndexFormat = 'packed' | 'json'

/**
 * The form of the index written to `output`: packed for a name ending in `.fahras` or with
 * `--packed`; JSON for a name ending in `.json`, with `--json-index`, or for any other name
 * without a flag (as `fahras index` always wrote). A flag that contradicts the name, or both
 * flags, is a usage error (exit code 2).
 *
 * @example
 * ```ts
 * indexFormat('site/index.fahras', {})          // → 'packed'
 * indexFormat('index.bin', { packed: true })    // → 'packed'
 * indexFormat('index.json', {})                 // → 'json'
 * indexFormat('index.json', { packed: true })   // throws: --packed writes a packed index, not JSON
 * ```
 */
export function indexFormat(
  output: string,
  flags: { readonly packed?: boolean; readonly jsonIndex?: boolean },
): IndexFormat {
  const ext = extname(output).toLowerCase()
  if (flags.packed === true && flags.jsonIndex === true) {
    throw new CliError(
      '--packed and --json-index ask for two forms of the index: give one (or neither, and let the name of -o decide: .fahras packed, .json JSON)',
      2,
    )
  }
  if (flags.packed === true && ext === JSON_EXTENSION) {
    throw new CliError(
      `--packed writes a packed (binary) index, and -o ${quoted(output)} names a JSON file: write it to a ${PACKED_EXTENSION} file (-o ${quoted(output.slice(0, -ext.length) + PACKED_EXTENSION)}), or leave out --packed for JSON`,
      2,
    )
  }
  if (flags.jsonIndex === true && ext === PACKED_EXTENSION) {
    throw new CliError(
      `--json-index writes a JSON index, and -o ${quoted(output)} names a packed index: write it to a ${JSON_EXTENSION} file (-o ${quoted(output.slice(0, -ext.length) + JSON_EXTENSION)}), or leave out --json-index for a packed index`,
      2,
    )
  }
  return flags.packed === true || ext === PACKED_EXTENSION ? 'packed' : 'json'
}

/** True when `head` (the first bytes of a file) starts with the packed index's magic bytes. */
export function hasPackedMagic(head: Uint8Array): boolean {
  return head.length >= PACKED_MAGIC.length && PACKED_MAGIC.every((byte, i) => head[i] === byte)
}

/**
 * True when the regular file `path` starts with the packed index's magic bytes (89 46 48 52 53 0D
 * 0A 1A), whatever its name; false for a shorter file, another file, a FIFO or device (never
 * opened: a FIFO would wait for a writer), or one that cannot be read (the caller reports that
 * when it reads it).
 */
export function isPackedFile(path: string): boolean {
  let fd: number | undefined
  try {
    if (!statSync(path).isFile()) return false
    fd = openSync(path, 'r')
    const head = new Uint8Array(PACKED_MAGIC.length)
    const n = readSync(fd, head, 0, head.length, 0)
    return n === head.length && hasPackedMagic(head)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * The packed index in `bytes`, read from `path`. Damaged, truncated or foreign bytes are a
 * CliError (exit code 1): one line that names the file, the error's code (FAHRAS_INVALID_INDEX)
 * and what is wrong, in the command line's words rather than `PackedIndex.load()`'s.
 */
export function loadPackedIndex(path: string, bytes: Uint8Array): PackedIndex<Document> {
  try {
    return PackedIndex.load<Document>(bytes)
  } catch (error) {
    if (!isFahrasError(error)) throw error
    // the library's words (PackedIndex.load() got …) as the command line's
    const what = error.message
      .replace(/^fahras: /, '')
      .replace(/^PackedIndex\.load\(\) (?:got )?/, '')
      .replace(/^a damaged/, 'it is a damaged')
    throw new CliError(
      `cannot load the index ${quoted(path)} (${error.code}): ${what}; write it again with fahras index <inputs…> -o ${quoted(path)}`,
    )
  }
}

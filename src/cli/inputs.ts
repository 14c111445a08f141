import { readdirSync, type Stats, statSync } from 'node:fs'
import { basename, extname, join, relative } from 'node:path'
import { idProblem } from '../search/documents.js'
import { CliError, decodeLines, decodeWhole, fahrasOutput, fileKind, readRegularFile } from './read-file.js'
import { quoted } from './safe-print.js'
import { textDocument } from './text-document.js'
import { DEFAULT_BASE_URL } from './urls.js'

export { CliError, errorCode } from './read-file.js'

/** A problem with one record or file: reported with its place, then skipped. */
export interface BadRecord {
  readonly file: string
  readonly line?: number
  readonly reason: string
}

export type Document = Record<string, unknown>

/** Where each document was read from (file and line), for reports. */
export const origins = new WeakMap<Document, { file: string; line?: number }>()

/** What reading the inputs produced. */
export interface ReadResult {
  readonly documents: Document[]
  readonly bad: BadRecord[]
  readonly files: number
  /** Each file's place in the reading order (by the name shown), to report records in input order. */
  readonly fileOrder: ReadonlyMap<string, number>
}

/** How the inputs are read. */
export interface ReadOptions {
  /** The field that holds the id (text, Markdown and HTML files get their path in it). @default 'id' */
  readonly idField?: string
  /** What the URLs of text, Markdown and HTML files start with (see urls.ts). @default '/' */
  readonly baseUrl?: string
}

/**
 * Bad records in the order of the inputs: by file, as they were read, then by line (a reason about
 * the whole file first). Records from the same place keep their order. Returns a new array.
 */
export function inInputOrder(bad: readonly BadRecord[], fileOrder: ReadonlyMap<string, number>): BadRecord[] {
  const rank = (b: BadRecord) => fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER
  return bad
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rank(x.b) - rank(y.b) || (x.b.line ?? 0) - (y.b.line ?? 0) || x.i - y.i)
    .map((x) => x.b)
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm'])
const DATA_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.json'])
/** Is this a file name the inputs read (by its extension)? */
const usableName = (file: string) =>
  TEXT_EXTENSIONS.has(extname(file).toLowerCase()) || DATA_EXTENSIONS.has(extname(file).toLowerCase())

/** Where a document was read: its file and line, `(input)` when it was not read from a file. */
export function originOf(doc: Document): { file: string; line?: number } {
  const o = origins.get(doc)
  return { file: o?.file ?? '(input)', line: o?.line }
}

/** A file and line as messages show them: `file:line`, or `file` (in quotes if the name holds a control character). */
export const place = (o: { file: string; line?: number }): string =>
  o.line ? `${quoted(o.file)}:${o.line}` : quoted(o.file)

/** Where a document was read, as messages show it. */
export const placeOf = (doc: Document): string => place(originOf(doc))

/**
 * The bytes of an input file, or null when it is skipped (reported in `bad`): not a regular file,
 * too large, unreadable, or one of fahras's own outputs.
 */
function readBytes(file: string, shown: string, bad: BadRecord[]): Buffer | null {
  const read = readRegularFile(file)
  if (!read.ok) {
    bad.push({ file: shown, reason: read.reason })
    return null
  }
  const output = fahrasOutput(extname(file).toLowerCase(), read.buffer)
  if (output !== null) {
    bad.push({ file: shown, reason: output })
    return null
  }
  return read.buffer
}

/** A whole file as text, or null when it is skipped (reported in `bad`). */
function readText(file: string, bad: BadRecord[], shown: string): string | null {
  const buffer = readBytes(file, shown, bad)
  if (buffer === null) return null
  const decoded = decodeWhole(buffer)
  if (!decoded.ok) {
    bad.push({ file: shown, reason: decoded.reason })
    return null
  }
  return decoded.text
}

function readData(file: string, shown: string, idField: string, out: Document[], bad: BadRecord[]) {
  const ext = extname(file).toLowerCase()
  const accept = (value: unknown, line: number | undefined) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      bad.push({ file: shown, line, reason: 'not a JSON object' })
      return
    }
    const problem = idProblem((value as Document)[idField])
    if (problem === 'missing') {
      bad.push({ file: shown, line, reason: `no id in field "${idField}"` })
      return
    }
    if (problem === 'type') {
      bad.push({ file: shown, line, reason: `id in field "${idField}" is not a string or a number` })
      return
    }
    out.push(value as Document)
    origins.set(value as Document, { file: shown, line })
  }
  if (ext === '.json') {
    const content = readText(file, bad, shown)
    if (content === null) return
    let parsed: unknown
    try {
      parsed = JSON.parse(content)
    } catch (error) {
      bad.push({ file: shown, reason: `invalid JSON: ${(error as Error).message}` })
      return
    }
    if (!Array.isArray(parsed)) {
      bad.push({ file: shown, reason: 'a .json input must hold an array of documents' })
      return
    }
    parsed.forEach((value, i) => accept(value, i + 1))
    return
  }
  // JSONL: each line on its own, so that one bad byte costs one line, not the file
  const buffer = readBytes(file, shown, bad)
  if (buffer === null) return
  const lines = decodeLines(buffer)
  if (typeof lines === 'string') {
    bad.push({ file: shown, reason: lines })
    return
  }
  for (const decoded of lines) {
    if (decoded.reason !== undefined) {
      bad.push({ file: shown, line: decoded.line, reason: decoded.reason })
      continue
    }
    const line = decoded.text.trim()
    if (line.length === 0) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      bad.push({ file: shown, line: decoded.line, reason: `invalid JSON: ${(error as Error).message}` })
      continue
    }
    accept(value, decoded.line)
  }
}

/**
 * The regular files in `dir` and its subfolders (hidden ones and node_modules left out), in name
 * order. A subfolder that cannot be read is reported in `bad` and the rest read; `dir` itself
 * unreadable is an error.
 */
function walk(dir: string, files: string[], bad: BadRecord[] | undefined, top = true) {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    if (top) throw new CliError(`cannot read folder ${quoted(dir)}: ${code}`)
    bad?.push({ file: dir, reason: `cannot read folder: ${code}` })
    return
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, files, bad, false)
    else if (entry.isFile()) files.push(path)
  }
}

/**
 * The files `readInputs` would read from these inputs (the files given, and the usable files in the
 * folders given), for an output to be checked against: unreadable ones left out, nothing reported.
 */
export function inputFiles(inputs: readonly string[]): string[] {
  const files: string[] = []
  for (const input of inputs) {
    let stats
    try {
      stats = statSync(input)
    } catch {
      continue
    }
    if (!stats.isDirectory()) files.push(input)
    else {
      const found: string[] = []
      try {
        walk(input, found, undefined)
      } catch {
        continue
      }
      files.push(...found.filter(usableName))
    }
  }
  return files
}

/** What reading the inputs gathers as it goes, in the order it is read. */
interface Reading {
  readonly options: Required<ReadOptions>
  readonly documents: Document[]
  readonly bad: BadRecord[]
  /** Each file's place in the reading order, by the name shown. */
  readonly fileOrder: Map<string, number>
  /** How many files were read (or tried). */
  files: number
}

/** Gives a file its place in the reading order, unless it has one. */
function noteOrder(reading: Reading, shown: string): void {
  if (!reading.fileOrder.has(shown)) reading.fileOrder.set(shown, reading.fileOrder.size)
}

/** Reads one text, Markdown or HTML file as a document; `path` is its id and the source of its URL. */
function readTextFile(reading: Reading, file: string, path: string): void {
  const content = readText(file, reading.bad, file)
  if (content === null) return
  const read = textDocument(file, content, path, reading.options)
  if ('reason' in read) {
    reading.bad.push({ file, reason: read.reason })
    return
  }
  origins.set(read.doc, { file })
  reading.documents.push(read.doc)
}

/** What an input given on the command line is; throws a CliError when it cannot be found or read. */
function statInput(input: string): Stats {
  try {
    return statSync(input)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `no such file or folder: ${quoted(input)}`
        : `cannot read ${quoted(input)}: ${code ?? (error as Error).message}`,
    )
  }
}

/**
 * Reads the usable files of a folder and its subfolders (each text file's path inside the folder
 * is its id); the subfolders that cannot be read are reported. Throws a CliError when the folder
 * holds no file to read.
 */
function readFolder(reading: Reading, folder: string): void {
  const found: string[] = []
  const unreadable: BadRecord[] = []
  walk(folder, found, unreadable)
  for (const u of unreadable) noteOrder(reading, u.file)
  reading.bad.push(...unreadable)
  const usable = found.filter(usableName)
  if (usable.length === 0 && unreadable.length === 0)
    throw new CliError(`no .jsonl, .json, .txt, .md or .html files in folder ${quoted(folder)}`)
  for (const file of usable) {
    reading.files++
    noteOrder(reading, file)
    if (DATA_EXTENSIONS.has(extname(file).toLowerCase()))
      readData(file, file, reading.options.idField, reading.documents, reading.bad)
    else readTextFile(reading, file, relative(folder, file).split('\\').join('/'))
  }
}

/** Reads a file given on its own, by its extension (its name is the id of a text file), or reports why not. */
function readInputFile(reading: Reading, input: string, stats: Stats): void {
  reading.files++
  noteOrder(reading, input)
  const { bad } = reading
  const ext = extname(input).toLowerCase()
  if (!stats.isFile()) bad.push({ file: input, reason: `not a regular file: ${fileKind(stats)}` })
  else if (DATA_EXTENSIONS.has(ext)) readData(input, input, reading.options.idField, reading.documents, bad)
  else if (TEXT_EXTENSIONS.has(ext)) readTextFile(reading, input, basename(input))
  else if (ext === '.fahras')
    bad.push({
      file: input,
      reason:
        'a packed fahras index (written by `fahras index`), not documents: search it alone, fahras search <index.fahras> <query>',
    })
  else
    bad.push({
      file: input,
      reason: `unknown file type ${ext || '(none)'}: expected .jsonl, .json, .txt, .md or .html`,
    })
}

/** The documents with the same id twice left out: the first is kept, the others reported in `bad`. */
function firstOfEachId(documents: readonly Document[], idField: string, bad: BadRecord[]): Document[] {
  const seen = new Map<unknown, string>()
  const unique: Document[] = []
  for (const doc of documents) {
    const id = doc[idField]
    if (seen.has(id)) {
      const o = origins.get(doc)
      bad.push({
        file: o?.file ?? '(input)',
        line: o?.line,
        reason: `duplicate id ${JSON.stringify(id)}, first seen at ${seen.get(id)}`,
      })
      continue
    }
    seen.set(id, placeOf(doc))
    unique.push(doc)
  }
  return unique
}

/**
 * Reads documents from JSONL files, JSON arrays, and text, Markdown and HTML files or folders of
 * them. Bad records are collected with their file and line; good ones are all kept.
 */
export function readInputs(inputs: readonly string[], readOptions: ReadOptions = {}): ReadResult {
  const reading: Reading = {
    options: { idField: readOptions.idField ?? 'id', baseUrl: readOptions.baseUrl ?? DEFAULT_BASE_URL },
    documents: [],
    bad: [],
    fileOrder: new Map(),
    files: 0,
  }
  for (const input of inputs) {
    const stats = statInput(input)
    if (stats.isDirectory()) readFolder(reading, input)
    else readInputFile(reading, input, stats)
  }
  const { bad, fileOrder, files } = reading
  const documents = firstOfEachId(reading.documents, reading.options.idField, bad)
  return { documents, bad: inInputOrder(bad, fileOrder), files, fileOrder }
}

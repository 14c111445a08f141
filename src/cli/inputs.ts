import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join, relative } from 'node:path'
import { htmlToText } from './html.js'

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
}

/** A usage or input error that stops the command (exit code 1, or 2 for usage). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message)
  }
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm'])
const DATA_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.json'])

/** Does this buffer look binary (NUL bytes, or mostly invalid UTF-8)? */
function isBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 8192)
  if (sample.includes(0)) return true
  const text = sample.toString('utf8')
  let bad = 0
  for (const ch of text) if (ch === '\ufffd') bad++
  return bad > 8 && bad / text.length > 0.05
}

/** Where a document was read: its file and line, `(input)` when it was not read from a file. */
export function originOf(doc: Document): { file: string; line?: number } {
  const o = origins.get(doc)
  return { file: o?.file ?? '(input)', line: o?.line }
}

/** A file and line as messages show them: `file:line`, or `file`. */
export const place = (o: { file: string; line?: number }): string => (o.line ? `${o.file}:${o.line}` : o.file)

/** Where a document was read, as messages show it. */
export const placeOf = (doc: Document): string => place(originOf(doc))

/** What went wrong with a file: the system's error code (ENOENT, EACCES…), else the message. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}

function readText(file: string, bad: BadRecord[], shown: string): string | null {
  let buffer: Buffer
  try {
    buffer = readFileSync(file)
  } catch (error) {
    bad.push({ file: shown, reason: `cannot read: ${errorCode(error)}` })
    return null
  }
  if (isBinary(buffer)) {
    bad.push({ file: shown, reason: 'binary file, not text' })
    return null
  }
  return buffer.toString('utf8').replace(/^\ufeff/, '')
}

function textDocument(file: string, content: string, idBase: string): Document {
  const ext = extname(file).toLowerCase()
  if (ext === '.html' || ext === '.htm') {
    const { title, text } = htmlToText(content)
    return { id: idBase, title: title || basename(file, ext), text, path: idBase }
  }
  const lines = content.split(/\r?\n/)
  const first = lines.find((l) => l.trim().length > 0) ?? ''
  const title = ext === '.md' || ext === '.markdown' ? first.replace(/^#+\s*/, '').trim() : first.trim()
  return { id: idBase, title: title || basename(file, ext), text: content, path: idBase }
}

function readData(file: string, shown: string, idField: string, out: Document[], bad: BadRecord[]) {
  const content = readText(file, bad, shown)
  if (content === null) return
  const ext = extname(file).toLowerCase()
  const accept = (value: unknown, line: number | undefined) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      bad.push({ file: shown, line, reason: 'not a JSON object' })
      return
    }
    const id = (value as Document)[idField]
    if (id === undefined || id === null || id === '') {
      bad.push({ file: shown, line, reason: `no id in field "${idField}"` })
      return
    }
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      bad.push({ file: shown, line, reason: `id in field "${idField}" is not a string or a number` })
      return
    }
    out.push(value as Document)
    origins.set(value as Document, { file: shown, line })
  }
  if (ext === '.json') {
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
  const lines = content.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line.length === 0) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      bad.push({ file: shown, line: i + 1, reason: `invalid JSON: ${(error as Error).message}` })
      continue
    }
    accept(value, i + 1)
  }
}

function walk(dir: string, files: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, files)
    else if (entry.isFile()) files.push(path)
  }
}

/**
 * Reads documents from JSONL files, JSON arrays, and text, Markdown and HTML files or folders of
 * them. Bad records are collected with their file and line; good ones are all kept.
 */
export function readInputs(inputs: readonly string[], idField = 'id'): ReadResult {
  const documents: Document[] = []
  const bad: BadRecord[] = []
  let files = 0
  for (const input of inputs) {
    let stats
    try {
      stats = statSync(input)
    } catch {
      throw new CliError(`no such file or folder: ${input}`)
    }
    if (stats.isDirectory()) {
      const found: string[] = []
      walk(input, found)
      const usable = found.filter((f) => TEXT_EXTENSIONS.has(extname(f).toLowerCase()) || DATA_EXTENSIONS.has(extname(f).toLowerCase()))
      if (usable.length === 0) throw new CliError(`no .jsonl, .json, .txt, .md or .html files in folder ${input}`)
      for (const file of usable) {
        files++
        const shown = file
        const ext = extname(file).toLowerCase()
        if (DATA_EXTENSIONS.has(ext)) readData(file, shown, idField, documents, bad)
        else {
          const content = readText(file, bad, shown)
          if (content !== null) {
            const doc = textDocument(file, content, relative(input, file).split('\\').join('/'))
            origins.set(doc, { file: shown })
            documents.push(doc)
          }
        }
      }
      continue
    }
    files++
    const ext = extname(input).toLowerCase()
    if (DATA_EXTENSIONS.has(ext)) readData(input, input, idField, documents, bad)
    else if (TEXT_EXTENSIONS.has(ext)) {
      const content = readText(input, bad, input)
      if (content !== null) {
        const doc = textDocument(input, content, basename(input))
        origins.set(doc, { file: input })
        documents.push(doc)
      }
    } else {
      bad.push({ file: input, reason: `unknown file type ${ext || '(none)'}: expected .jsonl, .json, .txt, .md or .html` })
    }
  }
  // the same id twice: keep the first, report the others
  const seen = new Map<unknown, string>()
  const unique: Document[] = []
  for (const doc of documents) {
    const id = doc[idField]
    if (seen.has(id)) {
      const o = origins.get(doc)
      bad.push({ file: o?.file ?? '(input)', line: o?.line, reason: `duplicate id ${JSON.stringify(id)}, first seen at ${seen.get(id)}` })
      continue
    }
    seen.set(id, placeOf(doc))
    unique.push(doc)
  }
  return { documents: unique, bad, files }
}

import { existsSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ERROR_CODES, isFahrasError } from '../errors.js'
import { encodeBulkDocument, indexNameProblem, resolveBulkOptions } from '../opensearch/bulk.js'
import { indexSettings, type IndexSettingsOptions } from '../opensearch/settings.js'
import { ArabicSearch } from '../search/arabic-search.js'
import type { SearchResult } from '../search/options.js'
import type { AnalyzerOptions } from '../analyze/analyze.js'
import { AtomicFile, checkWritable, writeFileAtomic } from './atomic-write.js'
import { CliError, errorCode, originOf, place, placeOf, readInputs, type BadRecord, type Document } from './inputs.js'
import { InputGuard } from './output-guard.js'
import { fileKind, readRegularFile } from './read-file.js'
import { escapeForTerminal, printable, quoted } from './safe-print.js'
import { progressBar, renderSnippet, styleFor, type Style } from './terminal.js'

const HELP = `fahras: Arabic full-text search from the command line

Usage:
  fahras index <inputs…> -o <index.json> [--fields title,text] [--store …] [--id id] [--quiet]
  fahras search <index.json | inputs…> <query> [--limit 10] [--json] [--and] [--fields …]
  fahras tour [inputs…]            a few queries over the bundled corpus (or your inputs)
  fahras bulk <inputs…> --index <name> [-o <out.ndjson>] [--split-mb <n>] [--fields …] [--id id]
                                   the inputs as a _bulk request for Elasticsearch or OpenSearch
  fahras export-settings [--from index.json] [--name fahras_arabic] [--fields title,text] [--no-exact] [-o <settings.json>]
                                   the index settings and mappings with fahras's analyzer
  fahras --help | --version

Inputs: .jsonl files (one JSON document a line), .json files (an array of documents), .txt, .md
and .html files, and folders of them. Bad records are reported with file and line, and skipped.

Options:
  -o, --output <file>   where \`index\` writes the index (JSON); where \`bulk\` and
                        \`export-settings\` write (default: stdout)
  --fields <a,b>        fields to index (default: title,text); for \`bulk\`, the fields kept in each
                        document (default: all); for \`export-settings\`, the fields mapped
  --store <a,b>         fields stored and shown with results (default: the indexed fields and url, date, source)
  --id <field>          the id field (default: id; text, Markdown and HTML files get their path)
  --index <name>        \`bulk\`: the Elasticsearch or OpenSearch index the documents go to (required)
  --split-mb <n>        \`bulk\`: write out-001.ndjson, out-002.ndjson… each at most n MB
                        (1 MB = 1,048,576 bytes; Elasticsearch takes 100 MB a request by default)
  --name <analyzer>     \`export-settings\`: the analyzer's name (default: fahras_arabic)
  --no-exact            \`export-settings\`: no <field>.exact subfield (words as written)
  --from <index.json>   \`export-settings\`: the analyzer options and fields of a saved index
  -n, --limit <n>       results to show (default: 10)
  --and                 require every word of the query (default: any word)
  --json                machine-readable output (\`bulk\`: a summary on stdout, with -o)
  --quiet               no progress bar (\`bulk\`, \`export-settings\`: no summary either)
  --no-color            no colour (also when piped, or with NO_COLOR set)
  --verbose             details on errors
  -h, --help            this help
  -v, --version         the version

Query syntax: words (any of them), "exact phrase", -word to exclude, word* for a prefix.
Exit codes: 0 success, 2 usage error, 1 any other failure.`

const here = dirname(fileURLToPath(import.meta.url))

function version(): string {
  for (const candidate of [join(here, '..', 'package.json'), join(here, '..', '..', 'package.json')]) {
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'fahras') return pkg.version ?? '0.0.0'
    }
  }
  return '0.0.0'
}

function bundledCorpus(): string {
  for (const candidate of [join(here, '..', 'corpus', 'articles.jsonl'), join(here, '..', '..', 'corpus', 'articles.jsonl')]) if (existsSync(candidate)) return candidate
  throw new CliError('the bundled corpus/ folder was not found (it ships with the repository, not the npm package): give inputs')
}

const list = (value: string | undefined, fallback: string[]) =>
  value === undefined ? fallback : value.split(',').map((s) => s.trim()).filter(Boolean)

interface Common {
  fields: string[]
  store: string[] | undefined
  idField: string
  quiet: boolean
  style: Style
  json: boolean
}

/** Reads the inputs; a record whose text field holds an object or an array is reported and skipped. */
function readTextDocuments(inputs: string[], c: Common): { good: Document[]; bad: BadRecord[]; files: number } {
  const { documents, bad, files } = readInputs(inputs, c.idField)
  const good: Document[] = []
  for (const doc of documents) {
    const field = c.fields.find((f) => doc[f] !== null && typeof doc[f] === 'object')
    if (field) bad.push({ ...originOf(doc), reason: `field "${field}" holds ${Array.isArray(doc[field]) ? 'an array' : 'an object'}, not text` })
    else good.push(doc)
  }
  return { good, bad, files }
}

function reportBad(bad: readonly BadRecord[], style: Style) {
  for (const b of bad) process.stderr.write(`${style.red('skipped')} ${place(b)}: ${printable(b.reason)}\n`)
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function buildIndex(inputs: string[], c: Common): { index: ArabicSearch<Document>; summary: string } {
  const { good, bad, files } = readTextDocuments(inputs, c)
  reportBad(bad, c.style)
  const storeFields = c.store ?? [...new Set([...c.fields, 'url', 'date', 'source', 'path'])]
  const index = new ArabicSearch<Document>({ fields: c.fields, storeFields, idField: c.idField })
  const bar = progressBar(good.length, !c.quiet && process.stderr.isTTY === true)
  const chunk = 200
  for (let i = 0; i < good.length; i += chunk) {
    index.addAll(good.slice(i, i + chunk))
    bar.update(Math.min(good.length, i + chunk))
  }
  bar.finish(good.length)
  const summary = `indexed ${good.length} documents from ${files} file${files === 1 ? '' : 's'}; skipped ${bad.length} bad record${bad.length === 1 ? '' : 's'}`
  return { index, summary }
}

/** Reads a saved index if `path` is one: null when it is a document input instead. */
function readSavedIndex(path: string): ArabicSearch<Document> | null {
  if (!path.toLowerCase().endsWith('.json')) return null
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') throw new CliError(`no such file or folder: ${quoted(path)}`)
    throw new CliError(`cannot read the index ${quoted(path)}: ${code}`)
  }
  if (stats.isDirectory()) throw new CliError(`cannot read the index ${quoted(path)}: EISDIR`)
  if (!stats.isFile()) throw new CliError(`cannot read the index ${quoted(path)}: not a regular file: ${fileKind(stats)}`)
  const read = readRegularFile(path)
  if (!read.ok) throw new CliError(`cannot read the index ${quoted(path)}: ${read.reason.replace(/^cannot read: /, '')}`)
  const text = read.buffer.toString('utf8')
  if (!/^\s*\{\s*"format"\s*:\s*"fahras-index"/.test(text.slice(0, 200))) return null
  return ArabicSearch.loadJSON<Document>(text)
}

function printResults(results: SearchResult<Document>[], query: string, c: Common, total: number) {
  const out = process.stdout
  const s = c.style
  if (c.json) {
    out.write(escapeForTerminal(JSON.stringify({ query, results: results.map((r) => ({ id: r.id, score: r.score, title: r.title, url: r.url, terms: r.terms, snippets: r.snippets })) }, null, 2)) + '\n')
    return
  }
  if (results.length === 0) {
    out.write(`no results for «${printable(query)}» in ${total} documents\n`)
    return
  }
  // Everything from the documents goes through printable() or quoted(): no control reaches the terminal.
  results.forEach((r, i) => {
    // Numbers and Latin on their own line, Arabic on its own lines: legible with or without bidi.
    out.write(`${s.bold(`${i + 1}.`)} ${s.dim(`score ${r.score.toFixed(2)}   id ${quoted(String(r.id))}`)}\n`)
    const title = typeof r.title === 'string' && printable(r.title).trim() ? printable(r.title).trim() : quoted(String(r.id))
    out.write(`${s.bold(title)}\n`)
    const snippet = r.snippets.text ?? Object.values(r.snippets).find((x) => x.ranges.length > 0) ?? Object.values(r.snippets)[0]
    if (snippet) out.write(`${renderSnippet(snippet, s)}\n`)
    if (typeof r.url === 'string' && r.url) out.write(`${s.dim(quoted(r.url))}\n`)
    out.write('\n')
  })
}

/** A megabyte as Elasticsearch counts it: its default `100mb` limit is 100 × 1,048,576 bytes. */
const MEGABYTE = 1024 * 1024
/** Elasticsearch's default `http.max_content_length`: the largest request body it accepts. */
const ELASTICSEARCH_DEFAULT_MAX_CONTENT = 100 * MEGABYTE
/** How much NDJSON is gathered, in bytes, before each write. */
const WRITE_CHUNK = MEGABYTE
/** The digits of a part's number in its name (out-001.ndjson), more when there are more parts. */
const PART_NUMBER_DIGITS = 3
/** How long to wait, in milliseconds, before writing again to a full pipe (EAGAIN). */
const FULL_PIPE_WAIT_MS = 2

interface BulkCommand {
  readonly index: string
  /** The fields kept in each document's source; all of them when undefined. */
  readonly keep: string[] | undefined
  readonly output: string | undefined
  /** The largest part in bytes, with --split-mb. */
  readonly partBytes: number | undefined
  readonly splitMb: string | undefined
}

/** One file written: its path, the documents (action and source lines) and bytes it holds. */
interface WrittenFile {
  path: string
  documents: number
  bytes: number
}

/** The name of part `n` of `output`: articles.ndjson → articles-001.ndjson. */
function partName(output: string, n: number, width: number): string {
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
class BulkOutput {
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

const formatBytes = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes (${(bytes / MEGABYTE).toFixed(1)} MB)`

/** The metadata fields left out of the sources: how many documents had each, and where the first was. */
interface LeftOutMetadata {
  documents: number
  readonly fields: Record<string, number>
  first: string | undefined
}

/** `note: left out the metadata fields _index (2 documents), _version (1 document), …`, or '' when none was. */
function leftOutNote(leftOut: LeftOutMetadata): string {
  if (leftOut.documents === 0) return ''
  const fields = Object.entries(leftOut.fields).map(([field, n]) => `${field} (${plural(n, 'document')})`).join(', ')
  return `note: left out the metadata fields ${fields}, the first at ${leftOut.first}: Elasticsearch and OpenSearch refuse them inside a document\n`
}

/**
 * `fahras bulk`: the inputs as the NDJSON body of a `_bulk` request, in one file, parts or stdout,
 * each document written as soon as it is encoded.
 */
function exportBulk(inputs: string[], c: Common, b: BulkCommand, guard: InputGuard): number {
  let options
  try {
    options = resolveBulkOptions({ index: b.index, idField: c.idField, fields: b.keep }, 'bulk')
  } catch (error) {
    if (isFahrasError(error) && error.code === ERROR_CODES.INVALID_OPTION) throw new CliError(error.message.replace(/^fahras: /, ''), 2)
    throw error
  }
  const { good, bad, files } = readTextDocuments(inputs, c)
  reportBad(bad, c.style)
  const skip = (record: BadRecord) => {
    bad.push(record)
    reportBad([record], c.style)
  }
  // the library's checks (an id over 512 bytes, 7 and "7" as the same _id…), reported and skipped
  const seen = new Map<string, string>()
  const out = new BulkOutput(b, guard)
  const leftOut: LeftOutMetadata = { documents: 0, fields: {}, first: undefined }
  let documents = 0
  let total = 0
  let width: number
  try {
    for (const doc of good) {
      const encoded = encodeBulkDocument(doc, options, seen, '', placeOf(doc))
      if (!encoded.ok) {
        skip({ ...originOf(doc), reason: encoded.reason })
        continue
      }
      const pair = `${encoded.action}\n${encoded.source}\n`
      const bytes = Buffer.byteLength(pair, 'utf8')
      if (b.partBytes !== undefined && bytes > b.partBytes) {
        seen.delete(encoded.id)
        skip({ ...originOf(doc), reason: `${bytes.toLocaleString('en-US')} bytes as NDJSON, more than --split-mb ${b.splitMb} allows in one part` })
        continue
      }
      out.add(pair, bytes)
      documents++
      total += bytes
      if (encoded.leftOut.length > 0) {
        leftOut.documents++
        leftOut.first ??= placeOf(doc)
        for (const field of encoded.leftOut) leftOut.fields[field] = (leftOut.fields[field] ?? 0) + 1
      }
    }
    width = out.finish()
  } catch (error) {
    out.abandon()
    throw error
  }
  const read = `exported ${plural(documents, 'document')} from ${plural(files, 'file')}; ` +
    `${leftOut.documents > 0 ? `left out metadata fields from ${plural(leftOut.documents, 'document')}; ` : ''}skipped ${plural(bad.length, 'bad record')}`
  if (documents === 0) throw new CliError(`${read}; nothing to export`)
  process.stderr.write(leftOutNote(leftOut))
  const lines = documents * 2
  const written = out.files
  let where: string
  if (b.output === undefined) where = 'to stdout'
  else if (b.partBytes === undefined) where = `to ${quoted(b.output)}`
  else {
    const stale = partName(b.output, written.length + 1, width)
    if (existsSync(stale)) process.stderr.write(`note: ${quoted(stale)} and any later part are left from an earlier run, not written by this one\n`)
    where = `in ${plural(written.length, 'file')} of at most ${b.splitMb} MB: ${quoted(written[0]!.path)}${written.length > 1 ? ` … ${quoted(written[written.length - 1]!.path)}` : ''}`
  }
  if (b.partBytes === undefined && total > ELASTICSEARCH_DEFAULT_MAX_CONTENT) {
    process.stderr.write(`note: ${formatBytes(total)} is more than Elasticsearch accepts in one request by default (http.max_content_length: 100mb): split it with --split-mb 20\n`)
  }
  if (!c.quiet) process.stderr.write(`${read}; wrote ${plural(lines, 'line')}, ${formatBytes(total)}, ${where}\n`)
  if (c.json) {
    const metadataFieldsLeftOut = { documents: leftOut.documents, fields: leftOut.fields }
    const summary = { index: options.index, documents, skipped: bad.length, lines, bytes: total, files: written, skippedRecords: bad, metadataFieldsLeftOut }
    process.stdout.write(escapeForTerminal(JSON.stringify(summary, null, 2)) + '\n')
  }
  return 0
}

/** The analyzer options and fields recorded in an index saved by `fahras index` or `JSON.stringify(search)`. */
function savedIndexOptions(file: string): { analyzer: AnalyzerOptions; fields: string[] | undefined } {
  const read = readRegularFile(file)
  if (!read.ok) throw new CliError(`cannot read ${quoted(file)}: ${read.reason.replace(/^cannot read: /, '')}`)
  let saved: { format?: unknown; analyzer?: unknown; fields?: unknown }
  try {
    saved = JSON.parse(read.buffer.toString('utf8')) as typeof saved
  } catch {
    throw new CliError(`${quoted(file)} is not JSON: expected an index saved by \`fahras index\``)
  }
  if (saved === null || typeof saved !== 'object' || saved.format !== 'fahras-index' || saved.analyzer === null || typeof saved.analyzer !== 'object') {
    throw new CliError(`${quoted(file)} is not a saved fahras index (no "format": "fahras-index" with analyzer options)`)
  }
  const fields = Array.isArray(saved.fields) && saved.fields.every((f) => typeof f === 'string') ? (saved.fields as string[]) : undefined
  const options = { analyzer: saved.analyzer as AnalyzerOptions, fields }
  // options the library refuses come from a damaged index (exit code 1), not from the command line
  try {
    indexSettings({ analyzer: options.analyzer, ...(fields !== undefined && { fields }) })
  } catch (error) {
    if (isFahrasError(error) && error.code === ERROR_CODES.INVALID_OPTION) {
      throw new CliError(`${quoted(file)} is a damaged index: ${error.message.replace(/^fahras: /, '')}`)
    }
    throw error
  }
  return options
}

/** `fahras export-settings`: the body of `PUT /<index>`, with fahras's analyzer. */
function exportSettings(
  c: Common,
  name: string | undefined,
  fields: string[] | undefined,
  output: string | undefined,
  exact: boolean,
  from: string | undefined,
): number {
  const saved = from === undefined ? undefined : savedIndexOptions(from)
  const options: IndexSettingsOptions = {
    ...(name !== undefined && { name }),
    ...((fields ?? saved?.fields) !== undefined && { fields: fields ?? saved!.fields }),
    ...(!exact && { exact: false }),
    ...(saved !== undefined && { analyzer: saved.analyzer }),
  }
  let definition
  try {
    definition = indexSettings(options)
  } catch (error) {
    if (isFahrasError(error) && error.code === ERROR_CODES.INVALID_OPTION) throw new CliError(error.message.replace(/^fahras: /, ''), 2)
    throw error
  }
  // The analyzer's internal markers are Unicode noncharacters: written as \u escapes (the same
  // JSON), so that no editor or tool on the way drops them unseen.
  const json = escapeForTerminal(JSON.stringify(definition, null, 2).replace(/[\ufdd0-\ufdef]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`)) + '\n'
  if (output === undefined) {
    process.stdout.write(json)
    return 0
  }
  writeFileAtomic(output, json)
  if (!c.quiet) process.stderr.write(`wrote ${quoted(output)}: the body of PUT /<index>\n`)
  return 0
}

const TOUR: Array<[string, string]> = [
  ['الشراكة الاستراتيجية', 'the founding news article: clitics and taa marbuta (الاستراتيجية, بالشراكة)'],
  ['ٱلْكِتَٰبُ', 'Uthmani spelling, vowelled: finds الكتاب written plainly'],
  ['الكتاب', 'the same word without diacritics finds the vowelled text too'],
  ['"وزير الدفاع" العراقي', 'an exact phrase and a word'],
  ['بغداد -مطار', 'a word, excluding another'],
]

/**
 * Before any work: the output's folder must take a new file, and the output must not be one of
 * the inputs (compared by device and inode). Both are usage errors (exit code 2).
 */
function checkOutput(output: string, inputs: readonly string[], readsDocuments = true): InputGuard {
  const guard = new InputGuard(inputs, readsDocuments)
  guard.check(output)
  checkWritable(output)
  return guard
}

function run(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      fields: { type: 'string' },
      store: { type: 'string' },
      id: { type: 'string' },
      index: { type: 'string' },
      'split-mb': { type: 'string' },
      name: { type: 'string' },
      'no-exact': { type: 'boolean' },
      from: { type: 'string' },
      limit: { type: 'string', short: 'n' },
      and: { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'no-color': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(version() + '\n')
    return 0
  }
  const [command, ...rest] = positionals
  const limit = values.limit === undefined ? 10 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit expects a whole number >= 1, got ${JSON.stringify(values.limit)}`, 2)
  const common: Common = {
    fields: list(values.fields, ['title', 'text']),
    store: values.store === undefined ? undefined : list(values.store, []),
    idField: values.id ?? 'id',
    quiet: values.quiet === true || values.json === true,
    style: styleFor(process.stdout, values['no-color'] === true || values.json === true),
    json: values.json === true,
  }
  switch (command) {
    case 'index': {
      if (rest.length === 0) throw new CliError('index needs at least one input (a .jsonl, .json, .txt, .md or .html file, or a folder)', 2)
      if (!values.output) throw new CliError('index needs -o <index.json>: where to write the index', 2)
      checkOutput(values.output, rest)
      const { index, summary } = buildIndex(rest, common)
      if (index.documentCount === 0) throw new CliError(`${summary}; nothing to index`)
      writeFileAtomic(values.output, JSON.stringify(index))
      process.stderr.write(`${summary}; wrote ${quoted(values.output)}\n`)
      return 0
    }
    case 'search': {
      if (rest.length < 2) throw new CliError('search needs an index (or inputs) and a query: fahras search index.json "الكتاب"', 2)
      const query = rest[rest.length - 1]!
      const sources = rest.slice(0, -1)
      let index: ArabicSearch<Document>
      const saved = sources.length === 1 ? readSavedIndex(sources[0]!) : null
      if (saved) index = saved
      else {
        const built = buildIndex(sources, { ...common, quiet: true })
        if (!common.json) process.stderr.write(`${built.summary}\n`)
        index = built.index
      }
      const results = index.search(query, { limit, combineWith: values.and ? 'AND' : 'OR' })
      printResults(results, query, common, index.documentCount)
      return 0
    }
    case 'tour': {
      const sources = rest.length > 0 ? rest : [bundledCorpus()]
      const { index, summary } = buildIndex(sources, common)
      process.stderr.write(`${summary}\n\n`)
      for (const [query, what] of TOUR) {
        process.stdout.write(`${common.style.bold('▶')} ${query}\n${common.style.dim(what)}\n\n`)
        printResults(index.search(query, { limit: 2 }), query, common, index.documentCount)
      }
      process.stdout.write(`Try your own: npm start -- "your query"   (or: node dist/cli.js search corpus/articles.jsonl "your query")\n`)
      return 0
    }
    case 'bulk': {
      if (rest.length === 0) throw new CliError('bulk needs at least one input (a .jsonl, .json, .txt, .md or .html file, or a folder)', 2)
      const index = values.index
      if (index === undefined) throw new CliError('bulk needs --index <name>: the Elasticsearch or OpenSearch index the documents go to (the one you PUT the settings to)', 2)
      const problem = indexNameProblem(index)
      if (problem !== null) throw new CliError(`--index ${JSON.stringify(index)} is not a valid index name: ${problem}`, 2)
      let partBytes: number | undefined
      const splitMb = values['split-mb']
      if (splitMb !== undefined) {
        const mb = Number(splitMb)
        if (splitMb.trim() === '' || !Number.isFinite(mb) || mb <= 0) throw new CliError(`--split-mb expects a number of megabytes > 0, got ${JSON.stringify(splitMb)}`, 2)
        if (!values.output) throw new CliError('--split-mb needs -o <out.ndjson>: the parts are named after it (out-001.ndjson, out-002.ndjson…)', 2)
        partBytes = Math.floor(mb * MEGABYTE)
      }
      if (common.json && !values.output) throw new CliError('bulk --json needs -o <out.ndjson>: without it stdout carries the NDJSON', 2)
      const guard = values.output ? checkOutput(values.output, rest) : new InputGuard(rest)
      return exportBulk(rest, common, { index, keep: values.fields === undefined ? undefined : common.fields, output: values.output, partBytes, splitMb }, guard)
    }
    case 'export-settings': {
      if (rest.length > 0) throw new CliError(`export-settings takes no inputs, got ${JSON.stringify(rest[0])}`, 2)
      if (values.output) checkOutput(values.output, values.from === undefined ? [] : [values.from], false)
      return exportSettings(common, values.name, values.fields === undefined ? undefined : common.fields, values.output, values['no-exact'] !== true, values.from)
    }
    case undefined:
      throw new CliError('a command is needed: index, search, tour, bulk or export-settings (see fahras --help)', 2)
    default:
      throw new CliError(`unknown command "${command}": expected index, search, tour, bulk or export-settings (see fahras --help)`, 2)
  }
}

/** Runs the command line and returns the exit code. */
export function main(argv: string[]): number {
  const verbose = argv.includes('--verbose')
  try {
    return run(argv)
  } catch (error) {
    const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    const code = error instanceof CliError ? error.exitCode : usage ? 2 : 1
    const message = printable(error instanceof Error ? error.message.replace(/^fahras: /, '') : String(error))
    process.stderr.write(`fahras: ${message}${usage ? ' (see fahras --help)' : ''}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n')
    else if (!(error instanceof CliError) && !usage && !isFahrasError(error)) process.stderr.write('(run with --verbose for details)\n')
    return code
  }
}

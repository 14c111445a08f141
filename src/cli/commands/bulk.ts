/** `fahras bulk`: the inputs as the NDJSON body of a `_bulk` request for Elasticsearch or OpenSearch. */
import { existsSync } from 'node:fs'
import {
  encodeBulkDocument,
  indexNameProblem,
  resolveBulkOptions,
  type ResolvedBulkOptions,
} from '../../opensearch/bulk.js'
import { flagError } from '../args.js'
import {
  BulkOutput,
  ELASTICSEARCH_DEFAULT_MAX_CONTENT,
  MEGABYTE,
  partName,
  type BulkCommand,
  type Pair,
  type WrittenFile,
} from '../bulk-output.js'
import { checkFieldsExist, plural, readDocuments, reportBad, type Common } from '../documents.js'
import { CliError, inInputOrder, originOf, placeOf, type BadRecord, type Document } from '../inputs.js'
import { InputGuard } from '../output-guard.js'
import { checkOutput } from '../output-check.js'
import { escapeForTerminal, quoted } from '../safe-print.js'
import { commonOptions, DOCUMENT_OPTIONS, list, QUIET, type Command } from './command.js'

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
  const fields = Object.entries(leftOut.fields)
    .map(([field, n]) => `${field} (${plural(n, 'document')})`)
    .join(', ')
  return `note: left out the metadata fields ${fields}, the first at ${leftOut.first}: Elasticsearch and OpenSearch refuse them inside a document\n`
}

/** What was written: the documents, their bytes, and the metadata fields left out of them. */
interface Written {
  documents: number
  total: number
  readonly leftOut: LeftOutMetadata
}

/**
 * The documents as NDJSON pairs, encoded one at a time as the output takes them. The library's
 * checks (an id over 512 bytes, 7 and "7" as the same _id…) and a document larger than a part are
 * reported with `skip` and left out; `written` counts the rest.
 */
function* encodedPairs(
  good: readonly Document[],
  options: ResolvedBulkOptions,
  b: BulkCommand,
  skip: (record: BadRecord) => void,
  written: Written,
): Generator<Pair> {
  const seen = new Map<string, string>()
  for (const doc of good) {
    const encoded = encodeBulkDocument(doc, options, seen, '', placeOf(doc))
    if (!encoded.ok) {
      skip({ ...originOf(doc), reason: encoded.reason })
      continue
    }
    const text = `${encoded.action}\n${encoded.source}\n`
    const bytes = Buffer.byteLength(text, 'utf8')
    if (b.partBytes !== undefined && bytes > b.partBytes) {
      seen.delete(encoded.id)
      skip({
        ...originOf(doc),
        reason: `${bytes.toLocaleString('en-US')} bytes as NDJSON, more than --split-mb ${b.splitMb} allows in one part`,
      })
      continue
    }
    written.documents++
    written.total += bytes
    if (encoded.leftOut.length > 0) {
      const { leftOut } = written
      leftOut.documents++
      leftOut.first ??= placeOf(doc)
      for (const field of encoded.leftOut) leftOut.fields[field] = (leftOut.fields[field] ?? 0) + 1
    }
    yield { text, bytes }
  }
}

/** Where the NDJSON went, for the summary: `to stdout`, `to out.ndjson`, `in 3 files of at most 20 MB: …`. */
function whereWritten(b: BulkCommand, written: readonly WrittenFile[], width: number): string {
  if (b.output === undefined) return 'to stdout'
  if (b.partBytes === undefined) return `to ${quoted(b.output)}`
  const stale = partName(b.output, written.length + 1, width)
  if (existsSync(stale))
    process.stderr.write(
      `note: ${quoted(stale)} and any later part are left from an earlier run, not written by this one\n`,
    )
  return `in ${plural(written.length, 'file')} of at most ${b.splitMb} MB: ${quoted(written[0]!.path)}${written.length > 1 ? ` … ${quoted(written[written.length - 1]!.path)}` : ''}`
}

/**
 * `fahras bulk`: the inputs as the NDJSON body of a `_bulk` request, in one file, parts or stdout,
 * each document written as soon as it is encoded.
 */
async function exportBulk(inputs: readonly string[], c: Common, b: BulkCommand, guard: InputGuard): Promise<number> {
  let options
  try {
    options = resolveBulkOptions({ index: b.index, idField: c.idField, fields: b.fields }, 'bulk')
  } catch (error) {
    throw flagError(error) ?? error
  }
  const { good, bad, files, fileOrder } = readDocuments(inputs, c)
  if (b.fields !== undefined) checkFieldsExist(good, b.fields, '--fields', true)
  // the records skipped while writing are reported with those skipped while reading, in input
  // order, once the writing is done (or has failed)
  const report = () => reportBad(inInputOrder(bad, fileOrder), c.style)
  const out = new BulkOutput(b, guard)
  const written: Written = { documents: 0, total: 0, leftOut: { documents: 0, fields: {}, first: undefined } }
  let width: number
  try {
    width = await out.write(encodedPairs(good, options, b, (record) => bad.push(record), written))
  } catch (error) {
    report()
    throw error
  }
  report()
  const { documents, total, leftOut } = written
  const read =
    `exported ${plural(documents, 'document')} from ${plural(files, 'file')}; ` +
    `${leftOut.documents > 0 ? `left out metadata fields from ${plural(leftOut.documents, 'document')}; ` : ''}skipped ${plural(bad.length, 'bad record')}`
  if (documents === 0) throw new CliError(`${read}; nothing to export`)
  process.stderr.write(leftOutNote(leftOut))
  const lines = documents * 2
  const where = whereWritten(b, out.files, width)
  if (b.partBytes === undefined && total > ELASTICSEARCH_DEFAULT_MAX_CONTENT) {
    process.stderr.write(
      `note: ${formatBytes(total)} is more than Elasticsearch accepts in one request by default (http.max_content_length: 100mb): split it with --split-mb 20\n`,
    )
  }
  if (!c.quiet) process.stderr.write(`${read}; wrote ${plural(lines, 'line')}, ${formatBytes(total)}, ${where}\n`)
  if (c.json) {
    const metadataFieldsLeftOut = { documents: leftOut.documents, fields: leftOut.fields }
    const summary = {
      index: options.index,
      documents,
      skipped: bad.length,
      lines,
      bytes: total,
      files: out.files,
      skippedRecords: inInputOrder(bad, fileOrder),
      metadataFieldsLeftOut,
    }
    process.stdout.write(`${escapeForTerminal(JSON.stringify(summary, null, 2))}\n`)
  }
  return 0
}

export const bulkCommand: Command = {
  name: 'bulk',
  summary: 'the inputs as a _bulk request for Elasticsearch or OpenSearch',
  usage: ['bulk <inputs…> --index <name> [-o <out.ndjson>] [--split-mb <n>] [--fields …] [--id id] [--json] [--quiet]'],
  description: `Reads the same inputs as fahras index and writes, for each document, an action line and the
document: the body of a POST /_bulk request. Metadata fields (_index, _version…) are left out of
the documents, and said so. Create the index first with the settings of fahras export-settings.`,
  options: {
    index: {
      type: 'string',
      value: '<name>',
      description: 'the Elasticsearch or OpenSearch index the documents go to',
      required: true,
    },
    output: {
      type: 'string',
      short: 'o',
      value: '<out.ndjson>',
      description: 'where to write the NDJSON',
      default: 'stdout',
    },
    'split-mb': {
      type: 'number',
      value: '<n>',
      description: 'write out-001.ndjson, out-002.ndjson… each at most n MB, 1 MB being 1,048,576 bytes',
      range: { min: 0, above: true },
      default: 'one file',
    },
    fields: {
      type: 'list',
      value: '<a,b>',
      description: 'the fields kept in each document; each must be in some document',
      default: 'all but metadata fields',
    },
    id: DOCUMENT_OPTIONS.id,
    'base-url': DOCUMENT_OPTIONS['base-url'],
    json: { type: 'boolean', description: 'with -o: a summary as JSON on stdout' },
    quiet: { ...QUIET, description: 'no summary (skipped records and notes are still reported)' },
  },
  examples: [
    [
      'fahras bulk corpus/articles.jsonl --index articles -o articles.ndjson',
      'one file, for curl --data-binary @articles.ndjson',
    ],
    ['fahras bulk data/ --index articles -o articles.ndjson --split-mb 20', 'parts of at most 20 MB each'],
  ],
  run({ values, positionals }) {
    const json = values.json === true
    const c = { ...commonOptions(values, json), quiet: values.quiet === true || json }
    if (positionals.length === 0)
      throw new CliError('bulk needs at least one input (a .jsonl, .json, .txt, .md or .html file, or a folder)', 2)
    const index = values.index
    if (typeof index !== 'string')
      throw new CliError(
        'bulk needs --index <name>: the Elasticsearch or OpenSearch index the documents go to (the one you PUT the settings to)',
        2,
      )
    const problem = indexNameProblem(index)
    if (problem !== null)
      throw new CliError(`--index ${JSON.stringify(index)} is not a valid index name: ${problem}`, 2)
    const output = typeof values.output === 'string' ? values.output : undefined
    let partBytes: number | undefined
    const splitMb = typeof values['split-mb'] === 'string' ? values['split-mb'] : undefined
    if (splitMb !== undefined) {
      const mb = Number(splitMb)
      if (splitMb.trim() === '' || !Number.isFinite(mb) || mb <= 0)
        throw new CliError(`--split-mb expects a number of megabytes > 0, got ${JSON.stringify(splitMb)}`, 2)
      if (!output)
        throw new CliError(
          '--split-mb needs -o <out.ndjson>: the parts are named after it (out-001.ndjson, out-002.ndjson…)',
          2,
        )
      partBytes = Math.floor(mb * MEGABYTE)
    }
    if (json && !output)
      throw new CliError('bulk --json needs -o <out.ndjson>: without it stdout carries the NDJSON', 2)
    const guard = output ? checkOutput(output, positionals) : new InputGuard(positionals)
    const fields = typeof values.fields === 'string' ? list(values.fields, []) : undefined
    return exportBulk(positionals, c, { index, fields, output, partBytes, splitMb }, guard)
  },
}

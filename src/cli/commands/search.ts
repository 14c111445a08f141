/** `fahras search`: searches a saved index, or documents indexed in memory. */
import { statSync } from 'node:fs'
import { extname } from 'node:path'
import type { SearchOptions, SearchResult } from '../../search/options.js'
import { ArabicSearch } from '../../search/arabic-search.js'
import { flagError, fuzziness, wholeNumber } from '../args.js'
import { buildIndex, DEFAULT_FIELDS } from '../documents.js'
import { isPackedFile, JSON_EXTENSION, loadPackedIndex, PACKED_EXTENSION } from '../index-format.js'
import type { Document } from '../inputs.js'
import { CliError, errorCode, fileKind, readRegularFile } from '../read-file.js'
import { printResults } from '../results.js'
import { printable, quoted } from '../safe-print.js'
import { commonOptions, DOCUMENT_OPTIONS, type Command } from './command.js'

/** Results shown by default. */
const DEFAULT_LIMIT = 10
/** The values --limit takes. */
const LIMIT_RANGE = { min: 1, whole: true } as const
/** The start of a saved index, as `fahras index` and `JSON.stringify(search)` write it. */
const SAVED_INDEX = /^\s*\{\s*"format"\s*:\s*"fahras-index"/
/** Options that shape an index built from documents: no use with a saved one. */
const BUILD_OPTIONS = ['store', 'id', 'base-url'] as const

/** What `search` needs of an index: a saved JSON one, a packed one, or one built from inputs. */
interface Searchable {
  search(query: string, options?: SearchOptions<Document>): SearchResult<Document>[]
  didYouMean(query: string, options?: SearchOptions<Document>): string | null
  readonly documentCount: number
}

/** The bytes of the saved index at `path`, a regular file; a CliError (exit code 1) otherwise. */
function readIndexFile(path: string): Buffer {
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') throw new CliError(`no such file or folder: ${quoted(path)}`)
    throw new CliError(`cannot read the index ${quoted(path)}: ${code}`)
  }
  if (stats.isDirectory()) throw new CliError(`cannot read the index ${quoted(path)}: EISDIR`)
  if (!stats.isFile())
    throw new CliError(`cannot read the index ${quoted(path)}: not a regular file: ${fileKind(stats)}`)
  const read = readRegularFile(path)
  if (!read.ok)
    throw new CliError(`cannot read the index ${quoted(path)}: ${read.reason.replace(/^cannot read: /, '')}`)
  return read.buffer
}

/**
 * A saved index, when `path` is one: a packed index (it starts with the packed magic bytes, or
 * its name ends in .fahras) or a JSON one (a .json file that starts with {"format": "fahras-index"…});
 * null when it is documents to index (a .json array, or another file). A .json file that is
 * neither is an error: it is not searched as "0 documents".
 */
function readSavedIndex(path: string): Searchable | null {
  const ext = extname(path).toLowerCase()
  if (ext === PACKED_EXTENSION || isPackedFile(path)) return loadPackedIndex(path, readIndexFile(path))
  if (ext !== JSON_EXTENSION) return null
  const text = readIndexFile(path)
    .toString('utf8')
    .replace(/^\ufeff/, '')
  if (SAVED_INDEX.test(text.slice(0, 200))) return ArabicSearch.loadJSON<Document>(text)
  if (text.trimStart().startsWith('[')) return null // an array of documents: searched as an input
  throw new CliError(
    `${quoted(path)} is not a fahras index (it does not start with {"format": "fahras-index"…}), nor an array of documents: ` +
      `make an index with fahras index <inputs…> -o ${quoted(path)}`,
  )
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'search a saved index, or documents directly',
  usage: [
    'search <index.fahras | index.json | inputs…> <query> [--limit 10] [--and] [--fuzzy 1] [--fields …] [--json]',
    'search <index.fahras | index.json | inputs…> [options] -- <query starting with ->',
  ],
  description: `Searches a saved index (written by fahras index), or indexes the given inputs in memory first.
A saved index is packed or JSON, told by its first bytes (a packed index starts with 89 46 48 52
53 0D 0A 1A), with the same results either way; a packed one loads at once and a damaged one is
refused with FAHRAS_INVALID_INDEX (every section is checksummed).
The last argument is the query: words (any of them, or all with --and), "exact phrase", -word to
exclude, word* for a prefix. A query that starts with - goes after --.
Matches are marked in bold yellow on a terminal, in [brackets] when piped or without colour.`,
  options: {
    limit: {
      type: 'number',
      short: 'n',
      value: '<n>',
      description: 'results to show',
      range: LIMIT_RANGE,
      default: DEFAULT_LIMIT,
    },
    and: { type: 'boolean', description: 'require every word of the query (without it: any word)' },
    fuzzy: {
      type: 'number',
      value: '<n>',
      description: "tolerate typos: an edit distance, 1 or 2, or a fraction of each word's length, as 0.2",
      range: { min: 0, above: true },
      default: 'off',
    },
    json: {
      type: 'boolean',
      description: 'machine-readable output: { query, results: [{ id, score, title, url, terms, snippets }] }',
    },
    fields: {
      type: 'list',
      value: '<a,b>',
      description: 'with a saved index: search only these of its fields; with inputs: the fields to index',
      default: DEFAULT_FIELDS.join(','),
    },
    store: DOCUMENT_OPTIONS.store,
    id: DOCUMENT_OPTIONS.id,
    'base-url': DOCUMENT_OPTIONS['base-url'],
    quiet: { type: 'boolean', short: 'q', description: 'no summary of the inputs read' },
  },
  examples: [
    ['fahras search index.fahras "الشراكة الاستراتيجية"', 'any of the words, best first (a packed index)'],
    ['fahras search index.json "الشراكة الاستراتيجية"', 'the same, from a JSON index'],
    ['fahras search index.fahras "\\"وزير الدفاع\\" العراقي" --limit 3', 'a phrase and a word'],
    ['fahras search index.fahras بغدد --fuzzy 1', 'a typo: one letter off'],
    ['fahras search index.fahras -- "-العراق بغداد"', 'a query that starts with -'],
    ['fahras search corpus/articles.jsonl الكتاب --json', 'documents directly, JSON out'],
  ],
  run({ values, positionals }) {
    const json = values.json === true
    const c = commonOptions(values, json)
    if (positionals.length < 2)
      throw new CliError('search needs an index (or inputs) and a query: fahras search index.fahras "الكتاب"', 2)
    const limit = wholeNumber('limit', values.limit, DEFAULT_LIMIT, LIMIT_RANGE.min)
    const fuzzy = fuzziness(values.fuzzy)
    const query = positionals[positionals.length - 1]!
    const sources = positionals.slice(0, -1)
    const saved = sources.length === 1 ? readSavedIndex(sources[0]!) : null
    let index: Searchable
    if (saved) {
      const unused = BUILD_OPTIONS.filter((o) => values[o] !== undefined).map((o) => `--${o}`)
      if (unused.length > 0)
        throw new CliError(
          `${unused.join(' and ')} ${unused.length === 1 ? 'shapes' : 'shape'} an index built from documents: ${quoted(sources[0]!)} is a saved index, built with its own (rebuild it with fahras index … ${unused.join(' … ')})`,
          2,
        )
      index = saved
    } else {
      const built = buildIndex(sources, { ...c, quiet: true }, 'nothing to search')
      if (!c.json && values.quiet !== true) process.stderr.write(`${built.summary}\n`)
      index = built.index
    }
    const options: SearchOptions<Document> = {
      limit,
      combineWith: values.and ? 'AND' : 'OR',
      ...(fuzzy !== undefined && { fuzzy }),
      ...(saved && c.fieldsGiven && { fields: c.fields }),
    }
    let results
    let corrected: string | null = null
    try {
      results = index.search(query, options)
      // nothing found: search the closest spelling the documents have, and say so
      if (results.length === 0) {
        corrected = index.didYouMean(query, options)
        if (corrected !== null) results = index.search(corrected, options)
      }
    } catch (error) {
      throw flagError(error) ?? error
    }
    printResults(results, query, c.style, c.json, index.documentCount, corrected)
    const words = query.trim().split(/\s+/)
    if (results.length === 0 && !c.json && words.every((w) => w.startsWith('-') && w.length > 1)) {
      const plain = words.map((w) => w.slice(1)).join(' ')
      process.stderr.write(
        `note: -word excludes a word, and a query of excluded words alone finds nothing: to search for ${printable(plain)}, leave out the "-"\n`,
      )
    }
    return 0
  },
}

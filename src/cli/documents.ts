/**
 * What the commands that read documents share: reading the inputs, reporting what was skipped (in
 * input order), checking that the fields asked for exist, and building an index in memory.
 */
import { ArabicSearch } from '../search/arabic-search.js'
import type { ArabicSearchOptions } from '../search/options.js'
import { packDocumentsAsync } from '../search/pack.js'
import { flagError } from './args.js'
import { CliError, inInputOrder, originOf, place, readInputs, type BadRecord, type Document } from './inputs.js'
import { printable } from './safe-print.js'
import { progressBar, type Style } from './terminal.js'

/** The default fields indexed. */
export const DEFAULT_FIELDS: readonly string[] = ['title', 'text']
/** Fields stored by default besides the indexed ones, when documents have them. */
const DEFAULT_EXTRA_STORE = ['url', 'date', 'source', 'path']
/** How many of the documents' fields a message lists, at most. */
const FIELDS_SHOWN = 20
/** Documents added to the index between two updates of the progress bar. */
const CHUNK = 200

/** The options about documents, as the commands that read them were given. */
export interface Common {
  readonly fields: readonly string[]
  /** True when `--fields` was given (false: the default title,text). */
  readonly fieldsGiven: boolean
  readonly store: readonly string[] | undefined
  readonly idField: string
  readonly baseUrl: string
  readonly quiet: boolean
  readonly style: Style
  readonly json: boolean
}

/** The documents read, those skipped (in input order), and how many files were read. */
export interface Read {
  readonly good: Document[]
  readonly bad: BadRecord[]
  readonly files: number
  readonly fileOrder: ReadonlyMap<string, number>
}

/** Reads the inputs; a record whose indexed field holds an object or an array is skipped too. */
export function readDocuments(inputs: readonly string[], c: Common): Read {
  const { documents, bad, files, fileOrder } = readInputs(inputs, { idField: c.idField, baseUrl: c.baseUrl })
  const good: Document[] = []
  for (const doc of documents) {
    const field = c.fields.find((f) => doc[f] !== null && typeof doc[f] === 'object')
    if (field)
      bad.push({
        ...originOf(doc),
        reason: `field "${field}" holds ${Array.isArray(doc[field]) ? 'an array' : 'an object'}, not text`,
      })
    else good.push(doc)
  }
  return { good, bad: inInputOrder(bad, fileOrder), files, fileOrder }
}

/** Reports skipped records on stderr, one line each: `skipped FILE:LINE: reason`. */
export function reportBad(bad: readonly BadRecord[], style: Style): void {
  for (const b of bad) process.stderr.write(`${style.red('skipped')} ${place(b)}: ${printable(b.reason)}\n`)
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
const listed = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ')

/**
 * Throws a usage error (exit code 2) when a field of `wanted` is in none of the documents: a
 * misspelled `--fields titel` would index nothing and every search find nothing. The message names
 * the missing fields and the fields the documents do have, the most common first.
 */
export function checkFieldsExist(
  documents: readonly Document[],
  wanted: readonly string[],
  option: '--fields' | '--store',
  given: boolean,
): void {
  if (documents.length === 0) return
  const counts = new Map<string, number>()
  for (const doc of documents) for (const key of Object.keys(doc)) counts.set(key, (counts.get(key) ?? 0) + 1)
  const missing = wanted.filter((f) => !counts.has(f))
  if (missing.length === 0) return
  const have = [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k)
  const shown =
    have.slice(0, FIELDS_SHOWN).join(', ') + (have.length > FIELDS_SHOWN ? `, … (${have.length} in all)` : '')
  const what = given ? `${option} ${wanted.join(',')}` : `${option} (by default ${wanted.join(',')})`
  const suggestion =
    option === '--fields' ? have.filter((k) => documents.some((d) => typeof d[k] === 'string')).slice(0, 2) : []
  const hint =
    !given && suggestion.length > 0 ? `: give the fields to index, e.g. --fields ${suggestion.join(',')}` : ''
  throw new CliError(
    `${what}: no document has the field${missing.length === 1 ? '' : 's'} ${listed(missing)}; the ${plural(documents.length, 'document')} read have: ${shown}${hint}`,
    2,
  )
}

/** The fields stored with each result: `--store`, or the indexed fields and url, date, source, path. */
export const storedFields = (c: Common): string[] => [...(c.store ?? new Set([...c.fields, ...DEFAULT_EXTRA_STORE]))]

/** The documents to index, checked, and the summary line of what was read. */
interface ReadForIndex {
  readonly good: Document[]
  readonly summary: string
}

/**
 * Reads the inputs for an index: skipped records reported (in input order), the fields checked.
 * Throws when no document is left.
 */
function readForIndex(inputs: readonly string[], c: Common, nothing: string): ReadForIndex {
  const { good, bad, files } = readDocuments(inputs, c)
  reportBad(bad, c.style)
  const summary = `indexed ${good.length} documents from ${plural(files, 'file')}; skipped ${plural(bad.length, 'bad record')}`
  if (good.length === 0) throw new CliError(`${summary}; ${nothing}`)
  checkFieldsExist(good, c.fields, '--fields', c.fieldsGiven)
  if (c.store !== undefined) checkFieldsExist(good, c.store, '--store', true)
  return { good, summary }
}

/** The index options the command line gives, as `ArabicSearch` and `packDocuments` take them. */
const indexOptions = (c: Common): ArabicSearchOptions<Document> => ({
  fields: [...c.fields],
  storeFields: storedFields(c),
  idField: c.idField,
})

/**
 * Reads the inputs and builds an index in memory: skipped records reported (in input order), the
 * fields checked, a progress bar on a terminal unless quiet. Throws when no document is left.
 */
export function buildIndex(
  inputs: readonly string[],
  c: Common,
  nothing: string,
): { index: ArabicSearch<Document>; summary: string } {
  const { good, summary } = readForIndex(inputs, c, nothing)
  let index: ArabicSearch<Document>
  try {
    index = new ArabicSearch<Document>(indexOptions(c))
  } catch (error) {
    throw flagError(error) ?? error
  }
  const bar = progressBar(good.length, !c.quiet && process.stderr.isTTY === true)
  for (let i = 0; i < good.length; i += CHUNK) {
    // the fields were checked above, over all the documents: a chunk without one is fine (and
    // the default stored fields, url, date…, are there only when documents have them)
    index.addAll(good.slice(i, i + CHUNK), { allowMissingFields: true })
    bar.update(Math.min(good.length, i + CHUNK))
  }
  bar.finish(good.length)
  return { index, summary }
}

/**
 * Reads the inputs and builds their packed index (`packDocumentsAsync`, no MiniSearch), with the
 * same checks, reports and progress bar as {@link buildIndex}: the bytes `PackedIndex.load`
 * reads, and the summary line.
 */
export async function packIndex(
  inputs: readonly string[],
  c: Common,
  nothing: string,
): Promise<{ bytes: Uint8Array; summary: string }> {
  const { good, summary } = readForIndex(inputs, c, nothing)
  const bar = progressBar(good.length, !c.quiet && process.stderr.isTTY === true)
  let bytes: Uint8Array
  try {
    // the fields were checked above; the default stored fields are there only when documents have them
    bytes = await packDocumentsAsync(good, indexOptions(c), {
      allowMissingFields: true,
      chunkSize: CHUNK,
      onProgress: ({ added }) => bar.update(added),
    })
  } catch (error) {
    throw flagError(error) ?? error
  }
  bar.finish(good.length)
  return { bytes, summary }
}

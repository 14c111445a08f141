import { checkOptions, createError, describe, ERROR_CODES, type FahrasErrorCode } from '../errors.js'

/**
 * Options of {@link bulkLines}: the target index, the id field, the fields kept.
 *
 * @example
 * ```ts
 * const options: BulkOptions = { index: 'articles', idField: 'slug', fields: ['title', 'text'] }
 * ```
 */
export interface BulkOptions {
  /**
   * The index the documents go to, written as `_index` in every action line. It must be a name
   * Elasticsearch and OpenSearch accept: lowercase; none of `\ / * ? " < > | , # :` or a space;
   * not starting with `-`, `_` or `+`; not `.` or `..`; 1 to 255 bytes of UTF-8. Required.
   */
  readonly index: string
  /**
   * The field holding each document's id, written as the action's `_id`: a non-empty string of at
   * most 512 bytes of UTF-8, or a finite number (written as a string, `String(id)`).
   * @default 'id'
   */
  readonly idField?: string
  /**
   * The fields kept in each source line, in this order (a field a document lacks is left out).
   * Without it the source is the whole document, the id field included. `_id` is never written in
   * a source: the engines refuse it there.
   * @default every field of the document
   */
  readonly fields?: readonly string[]
}

const BULK_SCHEMA = { index: 'string', idField: 'string', fields: 'string[]' } as const

/** Characters Elasticsearch (7 and later) and OpenSearch refuse in an index name. */
const INDEX_NAME_FORBIDDEN_CHARACTERS = ['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':'] as const
/** Characters an index name must not start with. */
const INDEX_NAME_FORBIDDEN_FIRST = ['-', '_', '+'] as const
/** The longest index name, in bytes of UTF-8. */
const INDEX_NAME_MAX_BYTES = 255
/** The longest document id, in bytes of UTF-8 (longer ones fail the request's validation). */
const ID_MAX_BYTES = 512
/** The metadata field that may not appear inside a document's source. */
const ID_METADATA_FIELD = '_id'
/** Line separators JSON.stringify leaves raw: escaped so that no line splitter breaks a line. */
const RAW_LINE_SEPARATORS = /[\u0085\u2028\u2029]/g

/** The length of a string in bytes of UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * Why Elasticsearch and OpenSearch would refuse this index name, or null when they accept it.
 * @internal
 */
export function indexNameProblem(name: string): string | null {
  if (name.length === 0) return 'it is empty'
  if (name.toLowerCase() !== name) return 'it must be lowercase'
  const bad = INDEX_NAME_FORBIDDEN_CHARACTERS.find((c) => name.includes(c))
  if (bad !== undefined) return `it must not contain ${bad === ' ' ? 'a space' : `"${bad}"`}`
  if (INDEX_NAME_FORBIDDEN_FIRST.some((c) => name.startsWith(c))) return 'it must not start with "-", "_" or "+"'
  if (name === '.' || name === '..') return 'it must not be "." or ".."'
  const bytes = utf8Length(name)
  if (bytes > INDEX_NAME_MAX_BYTES) return `it is ${bytes} bytes long; the longest is ${INDEX_NAME_MAX_BYTES} bytes (UTF-8)`
  return null
}

/** Checked options of {@link bulkLines}. @internal */
export interface ResolvedBulkOptions {
  readonly index: string
  readonly idField: string
  readonly fields: readonly string[] | undefined
}

/** Validates the options of {@link bulkLines}; throws FAHRAS_INVALID_OPTION. @internal */
export function resolveBulkOptions(options: unknown, where: string): ResolvedBulkOptions {
  if (options === undefined || options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw createError(ERROR_CODES.INVALID_OPTION, `${where} expected options to be an object with at least \`index\`, got ${describe(options)}`, undefined, 'type')
  }
  const given = checkOptions(options, where, BULK_SCHEMA)
  const invalid = (option: string, expected: string, value: unknown) =>
    createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`${option}\` to be ${expected}, got ${describe(value)}`, { option }, 'type')
  const index = given.index as string | undefined
  if (index === undefined) throw invalid('index', 'the name of the target index', index)
  const problem = indexNameProblem(index)
  if (problem !== null) {
    throw createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`index\` to be a valid index name, got ${describe(index)}: ${problem}`, { option: 'index' }, 'type')
  }
  const idField = (given.idField as string | undefined) ?? 'id'
  if (idField.length === 0) throw invalid('idField', 'a field name', idField)
  const fields = given.fields as string[] | undefined
  if (fields !== undefined) {
    if (fields.length === 0) throw invalid('fields', 'a non-empty array of field names', fields)
    const bad = fields.find((f) => f.length === 0 || f === ID_METADATA_FIELD)
    if (bad !== undefined) throw invalid('fields', `field names other than "" and "${ID_METADATA_FIELD}" (the engines refuse them in a document)`, bad)
  }
  return { index, idField, fields: fields === undefined ? undefined : [...new Set(fields)] }
}

/** A document turned into its two lines, or the reason it cannot be. @internal */
export type BulkEncoding =
  | { readonly ok: true; readonly id: string; readonly action: string; readonly source: string }
  | { readonly ok: false; readonly code: FahrasErrorCode; readonly reason: string; readonly details: Readonly<Record<string, unknown>> }

const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined)

/** JSON on one line: control characters are escaped by JSON.stringify, line separators here. */
const oneLine = (json: string) => json.replace(RAW_LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * Encodes one document as its action line and source line, checking its id. `seen` maps the ids
 * already written to where they were (`at` names this document the same way, e.g. ` (document 3)`);
 * a new id is added to it.
 * @internal
 */
export function encodeBulkDocument(document: unknown, options: ResolvedBulkOptions, seen: Map<string, string>, at: string, place: string): BulkEncoding {
  const fail = (code: FahrasErrorCode, reason: string, details: Record<string, unknown> = {}): BulkEncoding => ({ ok: false, code, reason, details })
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return fail(ERROR_CODES.INVALID_DOCUMENT, `expected a document object${at}, got ${describe(document)}`)
  }
  const { idField } = options
  const rawId = own(document, idField)
  if (rawId === undefined || rawId === null || rawId === '') {
    return fail(ERROR_CODES.MISSING_ID, `got a document without an id in field \`${idField}\`${at}`)
  }
  if (!(typeof rawId === 'string' || (typeof rawId === 'number' && Number.isFinite(rawId)))) {
    return fail(ERROR_CODES.MISSING_ID, `expected the id in field \`${idField}\`${at} to be a string or a finite number, got ${describe(rawId)}`)
  }
  const id = String(rawId)
  const idBytes = utf8Length(id)
  if (idBytes > ID_MAX_BYTES) {
    return fail(ERROR_CODES.INVALID_DOCUMENT, `got an id of ${idBytes} bytes in field \`${idField}\`${at}; Elasticsearch and OpenSearch take at most ${ID_MAX_BYTES}`, { id })
  }
  const first = seen.get(id)
  if (first !== undefined) {
    return fail(ERROR_CODES.DUPLICATE_ID, `got the id ${JSON.stringify(id)} a second time${at}, first at ${first}: the second would overwrite the first`, { id })
  }
  let sourceObject: object
  if (options.fields !== undefined) {
    const picked: Record<string, unknown> = Object.create(null)
    for (const field of options.fields) {
      if (Object.prototype.hasOwnProperty.call(document, field)) picked[field] = (document as Record<string, unknown>)[field]
    }
    sourceObject = picked
  } else if (Object.prototype.hasOwnProperty.call(document, ID_METADATA_FIELD)) {
    const copy: Record<string, unknown> = { ...document }
    delete copy[ID_METADATA_FIELD]
    sourceObject = copy
  } else sourceObject = document
  let source: string | undefined
  try {
    source = JSON.stringify(sourceObject)
  } catch (error) {
    return fail(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as JSON: ${(error as Error).message}`, { id })
  }
  if (typeof source !== 'string' || !source.startsWith('{')) {
    return fail(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as a JSON object`, { id })
  }
  seen.set(id, place)
  const action = JSON.stringify({ index: { _index: options.index, _id: id } })
  return { ok: true, id, action: oneLine(action), source: oneLine(source) }
}

/**
 * Writes documents as the lines of a `_bulk` request for Elasticsearch 8+ and OpenSearch 2+: for
 * each document an action line `{"index":{"_index":…,"_id":…}}`, then the document's source line.
 * Each item is one line without its newline: join them with `'\n'` and end the body with `'\n'`.
 * No line ever holds a raw line break (U+2028, U+2029 and U+0085 are escaped too).
 *
 * The options are checked at the call (`FAHRAS_INVALID_OPTION`: an unknown option, a wrong type,
 * an index name the engines refuse). A document is checked when it is reached, and a bad one
 * throws before either of its lines is yielded, so nothing is dropped silently: not an object
 * (`FAHRAS_INVALID_DOCUMENT`), no id or an id that is not a string or finite number
 * (`FAHRAS_MISSING_ID`), an id over 512 bytes or a document JSON cannot write
 * (`FAHRAS_INVALID_DOCUMENT`), an id already written, `7` and `'7'` being the same `_id`
 * (`FAHRAS_DUPLICATE_ID`). The error's `details.position` is the document's 0-based position.
 *
 * @example
 * ```ts
 * const docs = [{ id: 'a1', title: 'بغداد', text: 'عاصمة العراق' }, { id: 7, title: 'القاهرة' }]
 * [...bulkLines(docs, { index: 'articles' })]
 * // → [
 * //   '{"index":{"_index":"articles","_id":"a1"}}',
 * //   '{"id":"a1","title":"بغداد","text":"عاصمة العراق"}',
 * //   '{"index":{"_index":"articles","_id":"7"}}',
 * //   '{"id":7,"title":"القاهرة"}',
 * // ]
 * [...bulkLines(docs, { index: 'articles', fields: ['title'] })][1] // → '{"title":"بغداد"}'
 * const body = [...bulkLines(docs, { index: 'articles' })].join('\n') + '\n' // POST /_bulk
 * ```
 */
export function bulkLines(documents: Iterable<object>, options: BulkOptions): Generator<string, void, undefined> {
  const where = 'bulkLines()'
  if (documents === null || typeof documents !== 'object' || typeof (documents as Partial<Iterable<object>>)[Symbol.iterator] !== 'function') {
    throw createError(ERROR_CODES.INVALID_ARGUMENT, `${where} expected \`documents\` to be an iterable of document objects, got ${describe(documents)}`, { argument: 'documents' }, 'type')
  }
  const resolved = resolveBulkOptions(options, where)
  return generateBulkLines(documents, resolved, where)
}

function* generateBulkLines(documents: Iterable<object>, options: ResolvedBulkOptions, where: string): Generator<string, void, undefined> {
  const seen = new Map<string, string>()
  let position = 0
  for (const document of documents) {
    const encoded = encodeBulkDocument(document, options, seen, ` (document ${position})`, `document ${position}`)
    if (!encoded.ok) throw createError(encoded.code, `${where} ${encoded.reason}`, { ...encoded.details, position })
    yield encoded.action
    yield encoded.source
    position++
  }
}

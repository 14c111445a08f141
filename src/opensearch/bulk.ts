import { checkOptions, createError, describe, ERROR_CODES, invalidOption, type FahrasErrorCode } from '../errors.js'
import { idProblem } from '../search/documents.js'
import { own } from '../own.js'

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
   * Without it the source is the whole document, the id field included, less its metadata fields
   * (`_id`, `_index`, `_routing`, `_source`, `_version`…) and the dotted keys under one
   * (`_id.$oid`): the engines refuse those inside a document, so they are never written in a
   * source, and listing one here throws.
   * @default every field of the document but its metadata fields
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
/**
 * The metadata fields of Elasticsearch 8 and OpenSearch 2, each with what it holds. Both engines
 * refuse a document that has one at its top level ("Field [_index] is a metadata field and cannot
 * be added inside a document"): they are never written in a source line, and `fields` may not
 * list them. Not here: `_doc_count`, a metadata field the engines do read from the document (the
 * number of documents a pre-aggregated one stands for), and `_meta`, which lives in the mapping.
 */
const METADATA_FIELDS: Readonly<Record<string, string>> = {
  _id: "the document's id, written in the action line from `idField`",
  _index: 'the index the document is in, written in the action line from `index`',
  _routing: "the value that picks the document's shard, a parameter of the action",
  _source: 'the document as given: the source line itself',
  _version: "the document's version, counted by the engine or given as a parameter of the action",
  _seq_no: "the sequence number of the document's last change, given by the engine",
  _primary_term: 'the primary term of that change, stored by the engine beside `_seq_no`',
  _field_names: 'the fields of the document that hold a value, indexed by the engine',
  _ignored: 'the fields the engine left out as malformed (`ignore_malformed`)',
  _ignored_source: 'the values Elasticsearch keeps to rebuild a synthetic source',
  _nested_path: 'the path of a nested document inside its parent',
  _data_stream_timestamp: 'the check that a data stream document has one `@timestamp`',
  _feature: "the features of the document's `rank_feature` fields",
  _tier: "the data tier of the document's index (Elasticsearch)",
  _index_mode: "the mode of the document's index: standard, time series, logs (Elasticsearch)",
  _tsid: 'the id of the time series the document belongs to (Elasticsearch)',
  _ts_routing_hash: 'the hash that routes a time series document to its shard (Elasticsearch)',
}
/** Line separators JSON.stringify leaves raw: escaped so that no line splitter breaks a line. */
const RAW_LINE_SEPARATORS = /[\u0085\u2028\u2029]/g

/** Whether the engines refuse this field inside a document. @internal */
export const isMetadataField = (field: string): boolean => Object.hasOwn(METADATA_FIELDS, field)

/** `_`: every metadata field starts with it, a cheap first test. */
const UNDERSCORE = 0x5f

/**
 * The metadata field a top-level key of a source stands for, or undefined. The engines read a
 * dot in a key as a path (`{"_id.$oid": …}` is `{"_id": {"$oid": …}}`, as flattened MongoDB
 * exports write it), so a key is a metadata field when its first part is one.
 * @internal
 */
export function metadataFieldOf(key: string): string | undefined {
  if (key.charCodeAt(0) !== UNDERSCORE) return undefined
  const dot = key.indexOf('.')
  const first = dot < 0 ? key : key.slice(0, dot)
  return isMetadataField(first) ? first : undefined
}

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
  if (bytes > INDEX_NAME_MAX_BYTES)
    return `it is ${bytes} bytes long; the longest is ${INDEX_NAME_MAX_BYTES} bytes (UTF-8)`
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
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected options to be an object with at least \`index\`, got ${describe(options)}`,
      undefined,
      'type',
    )
  }
  const given = checkOptions(options, where, BULK_SCHEMA)
  const invalid = (option: string, expected: string, value: unknown) => invalidOption(where, option, expected, value)
  const index = given.index as string | undefined
  if (index === undefined) throw invalid('index', 'the name of the target index', index)
  const problem = indexNameProblem(index)
  if (problem !== null) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected \`index\` to be a valid index name, got ${describe(index)}: ${problem}`,
      { option: 'index' },
      'type',
    )
  }
  const idField = (given.idField as string | undefined) ?? 'id'
  if (idField.length === 0) throw invalid('idField', 'a field name', idField)
  const fields = given.fields as string[] | undefined
  if (fields !== undefined) {
    if (fields.length === 0) throw invalid('fields', 'a non-empty array of field names', fields)
    if (fields.includes('')) throw invalid('fields', 'non-empty field names', '')
    const metadata = fields.find((field) => metadataFieldOf(field) !== undefined)
    if (metadata !== undefined) {
      throw createError(
        ERROR_CODES.INVALID_OPTION,
        `${where} expected \`fields\` to list no metadata field (Elasticsearch and OpenSearch refuse them inside a document), got ${describe(metadata)}: ${metadata === metadataFieldOf(metadata) ? '' : `the engines read it as a field of \`${metadataFieldOf(metadata)}\`, `}${METADATA_FIELDS[metadataFieldOf(metadata)!]}`,
        { option: 'fields', field: metadata },
        'type',
      )
    }
  }
  return { index, idField, fields: fields === undefined ? undefined : [...new Set(fields)] }
}

/** A document turned into its two lines, or the reason it cannot be. @internal */
export type BulkEncoding =
  | {
      readonly ok: true
      readonly id: string
      readonly action: string
      readonly source: string
      /** The metadata fields left out of the source, in the document's order; not the id field, whose value is the `_id`. */
      readonly leftOut: readonly string[]
    }
  | {
      readonly ok: false
      readonly code: FahrasErrorCode
      readonly reason: string
      readonly details: Readonly<Record<string, unknown>>
    }

/** Whether JSON.stringify writes a property of this value (it skips undefined, functions, symbols). */
const writtenByJson = (value: unknown) =>
  value !== undefined && typeof value !== 'function' && typeof value !== 'symbol'

/** JSON on one line: control characters are escaped by JSON.stringify, line separators here. */
const oneLine = (json: string) =>
  json.replace(RAW_LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * What JSON.stringify writes for a document object: the value its `toJSON('')` returns when it has
 * one (a class instance, an ORM record), else the document itself.
 */
function jsonViewOf(document: object): unknown {
  const toJSON = (document as { toJSON?: unknown }).toJSON
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(document, '') : document
}

/** The `valueOf` of each primitive wrapper: each throws on anything but its own wrapper objects. */
const WRAPPER_VALUE_OF: ReadonlyArray<(this: unknown) => unknown> = [
  Number.prototype.valueOf,
  String.prototype.valueOf,
  Boolean.prototype.valueOf,
  BigInt.prototype.valueOf,
]

/** Whether this is `new String(…)`, `new Number(…)`… (JSON.stringify writes them as primitives). */
function isBoxedPrimitive(value: object): boolean {
  // the common case first: a plain object or array is no wrapper (and the test below throws,
  // which is slow, for every value that is not one)
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype === Object.prototype || prototype === null || Array.isArray(value)) return false
  return WRAPPER_VALUE_OF.some((valueOf) => {
    try {
      valueOf.call(value)
      return true
    } catch {
      return false
    }
  })
}

/** An error's message, for a reason. */
const errorText = (error: unknown) => (error instanceof Error ? error.message : describe(error))

/**
 * The object whose JSON is the source line: a plain copy of the document's own enumerable fields
 * (those JSON.stringify writes), less its metadata fields, each added to `leftOut` unless JSON
 * would not have written it or it is the id field (whose value is the action's `_id`); or the
 * listed `fields`. A copy, so that JSON.stringify does not call the document's toJSON() again.
 */
function sourceObjectOf(json: object, options: ResolvedBulkOptions, leftOut: string[]): object {
  const fields = json as Record<string, unknown>
  let copy: Record<string, unknown>
  if (options.fields !== undefined) {
    copy = Object.create(null) as Record<string, unknown>
    for (const field of options.fields) {
      if (Object.prototype.propertyIsEnumerable.call(json, field)) copy[field] = fields[field]
    }
  } else {
    copy = { ...fields }
    for (const key of Object.keys(copy)) {
      if (metadataFieldOf(key) === undefined) continue
      if (key !== options.idField && writtenByJson(copy[key])) leftOut.push(key)
      delete copy[key]
    }
  }
  // a function is not written; as the copy's own toJSON, JSON.stringify would call it
  if (typeof copy.toJSON === 'function') delete copy.toJSON
  return copy
}

/**
 * Encodes one document as its action line and source line, checking its id. `seen` maps the ids
 * already written to where they were (`at` names this document the same way, e.g. ` (document 3)`);
 * a new id is added to it.
 * @internal
 */
export function encodeBulkDocument(
  document: unknown,
  options: ResolvedBulkOptions,
  seen: Map<string, string>,
  at: string,
  place: string,
): BulkEncoding {
  const fail = (code: FahrasErrorCode, reason: string, details: Record<string, unknown> = {}): BulkEncoding => ({
    ok: false,
    code,
    reason,
    details,
  })
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return fail(ERROR_CODES.INVALID_DOCUMENT, `expected a document object${at}, got ${describe(document)}`)
  }
  // The document as JSON.stringify reads it: what its toJSON('') returns, when it has one. The id,
  // the fields and the metadata fields are all read from that, so that what toJSON() adds (an
  // ORM's `_id`, `_index`…) is filtered like the rest.
  let view: unknown
  try {
    view = jsonViewOf(document)
  } catch (error) {
    return fail(
      ERROR_CODES.INVALID_DOCUMENT,
      `could not write the document${at} as JSON: its toJSON() threw ${errorText(error)}`,
    )
  }
  if (view !== document && (view === null || typeof view !== 'object' || Array.isArray(view))) {
    return fail(
      ERROR_CODES.INVALID_DOCUMENT,
      `expected the toJSON() of the document${at} to return a document object, got ${describe(view)}`,
    )
  }
  const json = view as object
  const { idField } = options
  let rawId: unknown
  try {
    rawId = own(json, idField)
  } catch (error) {
    return fail(
      ERROR_CODES.INVALID_DOCUMENT,
      `could not read the id field \`${idField}\` of the document${at}: ${errorText(error)}`,
    )
  }
  const problem = idProblem(rawId)
  if (problem === 'missing') {
    return fail(ERROR_CODES.MISSING_ID, `got a document without an id in field \`${idField}\`${at}`)
  }
  if (problem === 'type') {
    return fail(
      ERROR_CODES.MISSING_ID,
      `expected the id in field \`${idField}\`${at} to be a string or a finite number, got ${describe(rawId)}`,
    )
  }
  const id = String(rawId)
  const idBytes = utf8Length(id)
  if (idBytes > ID_MAX_BYTES) {
    return fail(
      ERROR_CODES.INVALID_DOCUMENT,
      `got an id of ${idBytes} bytes in field \`${idField}\`${at}; Elasticsearch and OpenSearch take at most ${ID_MAX_BYTES}`,
      { id },
    )
  }
  const first = seen.get(id)
  if (first !== undefined) {
    return fail(
      ERROR_CODES.DUPLICATE_ID,
      `got the id ${JSON.stringify(id)} a second time${at}, first at ${first}: the second would overwrite the first`,
      { id },
    )
  }
  if (isBoxedPrimitive(json)) {
    // JSON.stringify writes `new String('…')` as a string
    return fail(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as a JSON object`, { id })
  }
  const leftOut: string[] = []
  let source: string | undefined
  try {
    source = JSON.stringify(sourceObjectOf(json, options, leftOut))
  } catch (error) {
    return fail(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as JSON: ${errorText(error)}`, { id })
  }
  if (typeof source !== 'string' || !source.startsWith('{')) {
    return fail(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as a JSON object`, { id })
  }
  seen.set(id, place)
  const action = JSON.stringify({ index: { _index: options.index, _id: id } })
  return { ok: true, id, action: oneLine(action), source: oneLine(source), leftOut }
}

/**
 * Writes documents as the lines of a `_bulk` request for Elasticsearch 8+ and OpenSearch 2+: for
 * each document an action line `{"index":{"_index":…,"_id":…}}`, then the document's source line.
 * Each item is one line without its newline: join them with `'\n'` and end the body with `'\n'`.
 * No line ever holds a raw line break (U+2028, U+2029 and U+0085 are escaped too).
 *
 * Each document is read as JSON.stringify reads it: a document with a `toJSON()` method (a class
 * instance, an ORM record) is what that method returns, and its id, its fields and its metadata
 * fields are read from that.
 *
 * The metadata fields the engines refuse inside a document (`_id`, `_index`, `_routing`,
 * `_source`, `_version`, `_seq_no`, `_primary_term`, `_field_names`, `_ignored`, `_tier`,
 * `_data_stream_timestamp`, `_nested_path`, `_feature` and the like) are left out of each source
 * line without a word, and so is a dotted key whose first part is one (`_id.$oid`, as flattened
 * MongoDB exports write it: the engines read it as a field of `_id`). Check your documents for
 * them if their values matter (`_doc_count` is kept, the engines read it from the document).
 *
 * The options are checked at the call (`FAHRAS_INVALID_OPTION`: an unknown option, a wrong type,
 * an index name the engines refuse, a metadata field in `fields`). A document is checked when it is reached, and a bad one
 * throws before either of its lines is yielded, so nothing is dropped silently: not an object
 * (`FAHRAS_INVALID_DOCUMENT`), no id or an id that is not a string or finite number
 * (`FAHRAS_MISSING_ID`), an id over 512 bytes, a document JSON cannot write or whose `toJSON()`
 * throws or gives no object (`FAHRAS_INVALID_DOCUMENT`), an id already written, `7` and `'7'` being the same `_id`
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
 * [...bulkLines([{ id: 'a1', _index: 'old', title: 'بغداد' }], { index: 'articles' })][1]
 * // → '{"id":"a1","title":"بغداد"}' (the metadata field _index left out)
 * const body = [...bulkLines(docs, { index: 'articles' })].join('\n') + '\n' // POST /_bulk
 * ```
 */
export function bulkLines(documents: Iterable<object>, options: BulkOptions): Generator<string, void, undefined> {
  const where = 'bulkLines()'
  if (
    documents === null ||
    typeof documents !== 'object' ||
    typeof (documents as Partial<Iterable<object>>)[Symbol.iterator] !== 'function'
  ) {
    throw createError(
      ERROR_CODES.INVALID_ARGUMENT,
      `${where} expected \`documents\` to be an iterable of document objects, got ${describe(documents)}`,
      { argument: 'documents' },
      'type',
    )
  }
  const resolved = resolveBulkOptions(options, where)
  return generateBulkLines(documents, resolved, where)
}

function* generateBulkLines(
  documents: Iterable<object>,
  options: ResolvedBulkOptions,
  where: string,
): Generator<string, void, undefined> {
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

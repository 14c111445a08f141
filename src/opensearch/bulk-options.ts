// The options of bulkLines(): the target index's name, the id field, the fields kept.
import { checkOptions, createError, describe, ERROR_CODES, invalidOption } from '../errors.js'
import { METADATA_FIELDS, metadataFieldOf } from './metadata-fields.js'
import { utf8Length } from './utf8-length.js'

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

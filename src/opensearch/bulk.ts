// bulkLines(): documents as the lines of a _bulk request for Elasticsearch and OpenSearch.
import { createError, describe, ERROR_CODES } from '../errors.js'
import { encodeBulkDocument } from './bulk-document.js'
import { resolveBulkOptions, type BulkOptions, type ResolvedBulkOptions } from './bulk-options.js'

export { encodeBulkDocument } from './bulk-document.js'
export { type BulkOptions, indexNameProblem, type ResolvedBulkOptions, resolveBulkOptions } from './bulk-options.js'
export { isMetadataField } from './metadata-fields.js'

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

/** The lines of each document in turn; a bad document throws before its lines. @internal */
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

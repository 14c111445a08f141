// The metadata fields of Elasticsearch and OpenSearch: never written in a bulk source line.

/**
 * The metadata fields of Elasticsearch 8 and OpenSearch 2, each with what it holds. Both engines
 * refuse a document that has one at its top level ("Field [_index] is a metadata field and cannot
 * be added inside a document"): they are never written in a source line, and `fields` may not
 * list them. Not here: `_doc_count`, a metadata field the engines do read from the document (the
 * number of documents a pre-aggregated one stands for), and `_meta`, which lives in the mapping.
 * @internal
 */
export const METADATA_FIELDS: Readonly<Record<string, string>> = {
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

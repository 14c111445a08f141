export { ArabicSearch } from './arabic-search.js'
export { INDEX_FORMAT_VERSION } from './saved-index.js'
export {
  MAX_QUERY_TERMS,
  MIN_PREFIX_LENGTH,
  MAX_FUZZY_DISTANCE,
  MAX_EXPANDED_TERMS,
  MAX_SUGGESTIONS,
} from './query-plan.js'
export { MAX_PHRASE_CANDIDATES } from './phrases.js'
export { parseQuery } from './query.js'
export type { QueryClause } from './query.js'
export type {
  AddAllAsyncOptions,
  AddAllOptions,
  ArabicSearchOptions,
  BM25Params,
  DocumentId,
  FieldName,
  LoadAsyncOptions,
  SearchOptions,
  SearchResult,
  StoredFields,
  Suggestion,
  SuggestOptions,
} from './options.js'
export { PackedIndex } from './packed-index.js'
export { packDocuments, packDocumentsAsync, DEFAULT_PACK_CHUNK } from './pack.js'
export type { PackAsyncOptions } from './pack.js'
export { PACKED_FORMAT_VERSION } from './packed/layout.js'
export { DEFAULT_SEARCH_OPTIONS } from './searcher.js'
export { DEFAULT_INDEX_OPTIONS } from './index-options.js'

export { ArabicSearch, INDEX_FORMAT_VERSION, MAX_QUERY_TERMS, MIN_PREFIX_LENGTH, MAX_FUZZY_DISTANCE, MAX_EXPANDED_TERMS, MAX_PHRASE_CANDIDATES, MAX_SUGGESTIONS } from './arabic-search.js'
export { parseQuery } from './query.js'
export type { QueryClause } from './query.js'
export type { AddAllAsyncOptions, AddAllOptions, ArabicSearchOptions, BM25Params, DocumentId, FieldName, LoadAsyncOptions, SearchOptions, SearchResult, StoredFields, Suggestion, SuggestOptions } from './options.js'

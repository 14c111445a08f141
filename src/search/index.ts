export { ArabicSearch, INDEX_FORMAT_VERSION } from './arabic-search.js'
export { parseQuery } from './query.js'
export type { QueryClause } from './query.js'
export type { AddAllAsyncOptions, ArabicSearchOptions, BM25Params, DocumentId, SearchOptions, SearchResult, Suggestion } from './options.js'

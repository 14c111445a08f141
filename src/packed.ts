/**
 * `fahras/packed`: the packed index alone, for browsers and services that only read an index
 * built elsewhere: `PackedIndex` (search, suggest, snippets) and `packDocuments`, with the
 * analysis they need and no MiniSearch.
 *
 * @example
 * ```ts
 * import { PackedIndex } from 'fahras/packed'
 * const index = PackedIndex.load(await (await fetch('/search/index.fahras')).arrayBuffer())
 * index.search('وزير الدفاع')
 * ```
 */
export { PackedIndex } from './search/packed-index.js'
export { packDocuments, packDocumentsAsync, DEFAULT_PACK_CHUNK } from './search/pack.js'
export type { PackAsyncOptions } from './search/pack.js'
export { PACKED_FORMAT_VERSION } from './search/packed/layout.js'
export type {
  ArabicSearchOptions,
  DocumentId,
  SearchOptions,
  SearchResult,
  StoredFields,
  Suggestion,
  SuggestOptions,
  BM25Params,
  FieldName,
} from './search/options.js'
export type { Snippet, SnippetOptions } from './highlight/highlight.js'
export { ERROR_CODES, isFahrasError } from './errors.js'
export type { FahrasError, FahrasErrorCode } from './errors.js'

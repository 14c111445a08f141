/**
 * `fahras/minisearch`: fahras's Arabic analysis and highlighting for apps that already search
 * with MiniSearch. Nothing of MiniSearch is bundled here; the app keeps its own.
 *
 * @example
 * ```ts
 * import MiniSearch from 'minisearch'
 * import { minisearchOptions, highlight } from 'fahras/minisearch'
 * const miniSearch = new MiniSearch({ fields: ['text'], storeFields: ['text'], ...minisearchOptions() })
 * miniSearch.addAll(notes)
 * for (const result of miniSearch.search('الكتاب')) console.log(highlight(result.text, result).html)
 * ```
 */
export { minisearchOptions, isStemTerm, STEM_MARKER, DEFAULT_EXACT_BOOST, MAX_QUERY_WORDS } from './options.js'
export type { MinisearchAnalyzerOptions, FahrasMiniSearchOptions, ProcessedTerms } from './options.js'
export { minisearchQuery } from './query.js'
export type { MinisearchQueryOptions, MiniSearchQueryTree } from './query.js'
export { highlight, matchRanges } from './highlight.js'
export type { HighlightOptions, HighlightQuery } from './highlight.js'
export type { Snippet, SnippetOptions } from '../highlight/index.js'
export type { AnalyzerOptions } from '../analyze/index.js'

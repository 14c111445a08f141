/**
 * What a search does, whatever the engine under it: the query compiled into a plan and an engine
 * query (query-plan.ts, unit-query.ts), the engine's ranked hits, phrases checked, filters,
 * paging, results with stored fields and snippets (hit-fields.ts), completions and "did you mean"
 * spelled as the documents write them (spelling.ts). `ArabicSearch` (MiniSearch) and
 * `PackedIndex` (the packed index) both answer through these functions, so the same query gives
 * the same results in both. @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import { assertString, checkOptions } from '../errors.js'
import { resolveSnippetOptions } from '../highlight/highlight.js'
import { rankCompletions } from './completions.js'
import { correctQuery } from './did-you-mean.js'
import { locate, proximityOf, textsOnce, withSnippets, type FieldTexts } from './hit-fields.js'
import { checkSearchOptions, SUGGEST_SCHEMA } from './option-checks.js'
import type { SearchOptions, SearchResult, Suggestion, SuggestOptions } from './options.js'
import { DEFAULT_BM25, DEFAULT_COORDINATION, RERANK_DEPTH } from './packed/scoring.js'
import { MAX_PHRASE_CANDIDATES, phraseMatcher } from './phrases.js'
import {
  engineQuery,
  MAX_QUERY_TERMS,
  MIN_PREFIX_LENGTH,
  planQuery,
  queryUnits,
  uniqueUnits,
  type QueryShape,
} from './query-plan.js'
import type { QueryUnit } from './query.js'
import {
  boostDocumentOf,
  compileUnit,
  keep,
  SURFACE,
  toResult,
  type EngineHit,
  type SearchContext,
} from './search-context.js'
import { spell, spelledSuggestions } from './spelling.js'

// the engines' side of the search functions (search-context.ts), for the engines and runtimes
export {
  keep,
  SURFACE,
  type EngineHit,
  type EngineSearchOptions,
  type FieldMatch,
  type SearchContext,
  type SearchEngine,
} from './search-context.js'

/**
 * The defaults of the search options (`search()`, and `suggest()` but `limit`), frozen.
 *
 * @example
 * ```ts
 * import { DEFAULT_SEARCH_OPTIONS } from 'fahras'
 * index.search('بغداد', { limit: DEFAULT_SEARCH_OPTIONS.limit * 2 })
 * ```
 */
export const DEFAULT_SEARCH_OPTIONS = Object.freeze({
  limit: 10,
  offset: 0,
  combineWith: 'OR',
  prefix: false,
  fuzzy: false,
  snippets: true,
  bm25: DEFAULT_BM25,
  coordination: DEFAULT_COORDINATION,
  proximity: true,
} as const)
/** The default `limit` of `suggest()`. */
export const DEFAULT_SUGGEST_LIMIT = 5

/** `search()` of an index (see `ArabicSearch#search`). */
export function runSearch(
  context: SearchContext,
  query: string,
  searchOptions: SearchOptions<never> | undefined,
): SearchResult[] {
  assertString(query, 'search', 'query')
  const local = searchOptions === undefined ? {} : checkSearchOptions<never>(context.fields, searchOptions, 'search()')
  const options: SearchOptions<never> = { ...context.options.searchOptions, ...local }
  const plan = planQuery(context.analyzer, query)
  if (plan === null) return []
  const top = engineQuery(plan, options, (unit, shape) => compileUnit(context, unit, shape))
  const { phrases } = plan
  const fields = options.fields ? [...options.fields] : [...context.fields]
  const boost = { ...(options.boost ?? context.options.boost ?? {}) } as Record<string, number>
  const limit = options.limit ?? DEFAULT_SEARCH_OPTIONS.limit
  const offset = options.offset ?? DEFAULT_SEARCH_OPTIONS.offset
  // the stems of the query's words: proximity counts them (not the words a prefix or a typo reached)
  const stems = new Set([...plan.words, ...phrases.flatMap((p) => p.units)].map((u) => u.term))
  const depth = (options.proximity ?? DEFAULT_SEARCH_OPTIONS.proximity) && stems.size > 1 ? RERANK_DEPTH : 0
  const wanted = Math.max(offset + limit, depth)
  // every hit read is kept unless a filter or a phrase may drop it: then only the first ones are needed
  const k = options.filter === undefined && phrases.length === 0 ? wanted : undefined
  const raw = context.engine.search(top, {
    fields,
    boost,
    ...(options.bm25 ? { bm25: options.bm25 } : {}),
    ...(options.coordination ? { coordination: options.coordination } : {}),
    ...boostDocumentOf(context, options),
    ...(k === undefined ? {} : { k }),
  })

  const found: Array<{ result: SearchResult; hit: EngineHit }> = []
  // each candidate's fields are analyzed once for all phrases; at most MAX_PHRASE_CANDIDATES are checked
  const hasPhrases = phrases.length > 0 ? phraseMatcher(context.analyzer, phrases) : null
  let checkedCandidates = 0
  // each field's text read once, for phrases, proximity and snippets
  const textFor = textsOnce(context)
  for (const hit of raw) {
    if (found.length >= wanted) break
    if (hasPhrases !== null) {
      if (checkedCandidates++ >= MAX_PHRASE_CANDIDATES) break
      if (!hasPhrases(fields, (field) => textFor(hit.id, field))) continue
    }
    const result = toResult(context, hit)
    if (options.filter && !options.filter(result as never)) continue
    found.push({ result, hit })
  }
  // the fields of the first results, analyzed once for proximity and snippets
  const located = new Map<EngineHit, FieldTexts>()
  const locatedOf = (hit: EngineHit) => {
    let fieldTexts = located.get(hit)
    if (fieldTexts === undefined) located.set(hit, (fieldTexts = locate(context, hit, fields, textFor)))
    return fieldTexts
  }
  if (depth > 0) rerank(found, depth, (hit) => proximityOf(locatedOf(hit), stems))
  const page = found.slice(offset, offset + limit)
  const snippetOption = options.snippets ?? DEFAULT_SEARCH_OPTIONS.snippets
  if (snippetOption === false) return page.map((p) => p.result)
  const snippetOptions =
    snippetOption === true
      ? context.snippet
      : { ...context.snippet, ...resolveSnippetOptions({ ...snippetOption }, 'search() option `snippets`') }
  return page.map(({ result, hit }) => withSnippets(result, locatedOf(hit), snippetOptions))
}

/**
 * Ranks the first `depth` results again, each score multiplied by its proximity factor; equal
 * scores keep their order. The others keep theirs (each factor is at least 1, so the first ones
 * stay first).
 */
function rerank(
  found: Array<{ result: SearchResult; hit: EngineHit }>,
  depth: number,
  factorOf: (hit: EngineHit) => number,
): void {
  const head = found
    .slice(0, depth)
    .map(({ result, hit }, i) => ({ result: { ...result, score: result.score * factorOf(hit) }, hit, i }))
  head.sort((a, b) => b.result.score - a.result.score || a.i - b.i)
  head.forEach(({ result, hit }, i) => (found[i] = { result, hit }))
}

/** `suggest()` of an index (see `ArabicSearch#suggest`). */
export function runSuggest(context: SearchContext, query: string, options: SuggestOptions<never> = {}): Suggestion[] {
  assertString(query, 'suggest', 'query')
  const where = 'suggest()'
  const { limit: givenLimit, ...searchOptions } = checkOptions(options, where, SUGGEST_SCHEMA)
  // the search options, checked as search() checks them
  const given = checkSearchOptions<never>(context.fields, searchOptions, where)
  const limit = givenLimit ?? DEFAULT_SUGGEST_LIMIT
  const fields = given.fields === undefined ? [...context.fields] : [...given.fields]
  const trimmed = query.trimEnd()
  const lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\u00a0'))
  const head = trimmed.slice(0, lastSpace + 1)
  const lastWord = context.analyzer.normalize(trimmed.slice(lastSpace + 1))
  // as in search(): a prefix shorter than MIN_PREFIX_LENGTH is not expanded, and the word as
  // typed is no suggestion
  if (lastWord.length < MIN_PREFIX_LENGTH || limit === 0) return []
  const headWords = queryUnits(context.analyzer, head, false)
  // as in search(): repeated words count once, at most MAX_QUERY_TERMS words are searched
  const headUnits = uniqueUnits(headWords, MAX_QUERY_TERMS - 1)
  const top = completionQuery(context, headUnits, lastWord, given)
  const { bm25, coordination, filter } = given
  const boost = given.boost as Readonly<Record<string, number>> | undefined
  const hits = context.engine.search(top, {
    fields,
    ...(boost ? { boost: { ...boost } } : {}),
    ...(bm25 ? { bm25 } : {}),
    ...(coordination ? { coordination } : {}),
    ...boostDocumentOf(context, given),
  })
  const ranked = rankCompletions(
    filter ? keep(hits, (hit) => filter(toResult(context, hit) as never)) : hits,
    lastWord,
    SURFACE,
  )
  const typed = { text: head.trim(), words: headWords.map((u) => u.word) }
  // at most 3 × limit candidates are looked up as written, each document analyzed once; never a
  // suggestion that finds nothing
  return spelledSuggestions(
    context,
    ranked.slice(0, limit * 3),
    typed,
    { fields, limit },
    (form) =>
      runSearch(context, form, { limit: 1, snippets: false, proximity: false, fields, filter } as never).length > 0,
  )
}

/**
 * The engine query of `suggest()`: the last word as a prefix (written form or index term), within
 * the documents that the words before it find (combined as `combineWith` says). @internal
 */
function completionQuery(
  context: SearchContext,
  headUnits: readonly QueryUnit[],
  lastWord: string,
  given: QueryShape,
): EngineQuery {
  const completion: EngineQuery = {
    combineWith: 'OR',
    queries: [
      { queries: [SURFACE + lastWord], prefix: true },
      { queries: [lastWord], prefix: true },
    ],
  }
  return headUnits.length > 0
    ? {
        combineWith: 'AND',
        queries: [
          {
            combineWith: (given.combineWith ?? DEFAULT_SEARCH_OPTIONS.combineWith).toUpperCase() as 'OR',
            queries: headUnits.map((u) => compileUnit(context, u, given)),
          },
          completion,
        ],
      }
    : completion
}

/** `didYouMean()` of an index (see `ArabicSearch#didYouMean`). */
export function runDidYouMean(
  context: SearchContext,
  query: string,
  searchOptions: SearchOptions<never> | undefined,
): string | null {
  assertString(query, 'didYouMean', 'query')
  const local =
    searchOptions === undefined ? {} : checkSearchOptions<never>(context.fields, searchOptions, 'didYouMean()')
  const index = context.engine.terms
  const fields = local.fields ? [...local.fields] : [...context.fields]
  const corrected = correctQuery(query, {
    analyzer: context.analyzer,
    index,
    surface: SURFACE,
    spell: (word) => spell(context, word, fields),
  })
  if (corrected === null) return null
  // whether anything is found: the order does not matter, so no proximity (it would read 10 texts)
  return runSearch(context, corrected, { ...local, limit: 1, offset: 0, snippets: false, proximity: false }).length > 0
    ? corrected
    : null
}

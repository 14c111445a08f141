/**
 * What a search does, whatever the engine under it: the query compiled into a plan and an engine
 * query (query-plan.ts, unit-query.ts), the engine's ranked hits, phrases checked, filters,
 * paging, results with stored fields and snippets, completions and "did you mean". `ArabicSearch`
 * (MiniSearch) and `PackedIndex` (the packed index) both answer through these functions, so the
 * same query gives the same results in both. @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import type { Analyzer } from '../analyze/analyze.js'
import { assertString, checkOptions } from '../errors.js'
import {
  bestSnippets,
  resolveSnippetOptions,
  type Match,
  type ResolvedSnippetOptions,
  type Snippet,
} from '../highlight/highlight.js'
import {
  countWrittenForms,
  FORM_DOCUMENTS,
  plainSpelling,
  rankCompletions,
  typable,
  wordsByDocument,
  type FormCounts,
} from './completions.js'
import { correctQuery } from './did-you-mean.js'
import type { TermIndex } from './fuzzy.js'
import { checkSearchOptions, SUGGEST_SCHEMA } from './option-checks.js'
import type { BM25Params, DocumentId, SearchOptions, SearchResult, Suggestion, SuggestOptions } from './options.js'
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
  closestWords,
  DEFAULT_BM25,
  DEFAULT_COORDINATION,
  proximityFactor,
  RERANK_DEPTH,
  type Coordination,
} from './packed/scoring.js'
import { documentBoost, storedCopy } from './stored.js'
import { unitQuery } from './unit-query.js'
import { own } from '../own.js'

/** Prefix of the index terms that hold a word's written (normalized, unstemmed) form. */
export const SURFACE = '\u0001'

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

/** One ranked document of an engine: `match` maps each matched index term to its fields. */
export interface EngineHit {
  readonly id: DocumentId
  readonly score: number
  readonly match: Readonly<Record<string, readonly string[]>>
}

/** What a search asks of the engine besides the query. */
export interface EngineSearchOptions {
  readonly fields: readonly string[]
  /** Field weights (a missing or zero weight counts as 1). */
  readonly boost?: Readonly<Record<string, number>>
  readonly bm25?: BM25Params
  /** How the summed BM25+ grows with the query terms matched (scoring.ts). @default 'sqrt' */
  readonly coordination?: Coordination
  /** Called with the id, the engine's term and the stored fields; 0 leaves the document out for that term. */
  readonly boostDocument?: (id: DocumentId, term: string, stored?: Record<string, unknown>) => number
  /**
   * How many of the best hits will be read, when that is known (no filter, no phrase to check):
   * an engine may then return only those. Without it, every hit is returned.
   */
  readonly k?: number
}

/**
 * An engine: ranks documents for an engine query (best first, equal scores in the order the
 * documents were added), and gives stored fields and terms.
 */
export interface SearchEngine {
  /** The hits best first; read lazily (a search reads only as many as its page needs). */
  search(query: EngineQuery, options: EngineSearchOptions): Iterable<EngineHit>
  storedFields(id: DocumentId): Readonly<Record<string, unknown>> | undefined
  /** The term index for typos and "did you mean". */
  readonly terms: TermIndex
  /**
   * The tokens of a document's stored field that these index terms match, from positions the
   * engine keeps (null when it keeps none for the field: the text is analyzed instead).
   */
  fieldMatches?(id: DocumentId, field: string, terms: readonly string[], text: string): FieldMatch[] | null
}

/** A token of a field matched by an index term: its position (token number) and its range in the original text. */
export interface FieldMatch {
  readonly position: number
  readonly start: number
  readonly end: number
  readonly term: string
}

/** An index as the search functions see it. */
export interface SearchContext {
  readonly analyzer: Analyzer
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly exactBoost: number
  readonly snippet: ResolvedSnippetOptions
  readonly options: {
    readonly searchOptions?: SearchOptions<never>
    readonly boost?: Readonly<Record<string, number | undefined>>
    readonly getText?: (id: DocumentId, field: string) => string | null | undefined
  }
  readonly engine: SearchEngine
}

const NONE: Readonly<Record<string, unknown>> = Object.freeze({})

/** The engine's term of a word as the caller knows it: the index term (the written form's stem). */
function indexTermOf(context: SearchContext, term: string): string {
  return term.startsWith(SURFACE) ? (context.analyzer.termOf(term.slice(1)) ?? term.slice(1)) : term
}

function compileUnit(context: SearchContext, unit: QueryUnit, shape: QueryShape): EngineQuery {
  return unitQuery(unit, shape, {
    analyzer: context.analyzer,
    exactBoost: context.exactBoost,
    surface: SURFACE,
    index: context.engine.terms,
  })
}

/** The engine's `boostDocument` for a search's `boostDocument` (stored.ts). */
function boostDocumentOf(
  context: SearchContext,
  options: Pick<SearchOptions<never>, 'boostDocument'>,
): Pick<EngineSearchOptions, 'boostDocument'> {
  const boost = options.boostDocument
  if (boost === undefined) return {}
  return { boostDocument: documentBoost(boost, context.storeFields, (term) => indexTermOf(context, term)) }
}

/** The original text of a field of a result, from the stored fields or `getText`. */
export function textOf(
  context: SearchContext,
  id: DocumentId,
  field: string,
  stored: Readonly<Record<string, unknown>>,
): string | undefined {
  const value = own(stored, field)
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  const getText = context.options.getText
  if (getText) {
    const text = getText(id, field)
    if (typeof text === 'string') return text
  }
  return undefined
}

function toResult(context: SearchContext, hit: EngineHit): SearchResult {
  const terms = new Set<string>()
  const match: Record<string, string[]> = {}
  for (const [term, fields] of Object.entries(hit.match)) {
    terms.add(indexTermOf(context, term))
    if (!term.startsWith(SURFACE)) match[term] = [...fields]
  }
  // copied: changing a result never changes the index
  const stored = storedCopy(context.engine.storedFields(hit.id), context.storeFields)
  return { ...stored, id: hit.id, score: hit.score, terms: [...terms], match, snippets: {} } as unknown as SearchResult
}

/** A matched word of a field with its position (token number), for snippets and proximity. */
type Located = Match & { readonly position: number }

/** The text of each searched field of a hit and its matched words, each field analyzed once per search. */
type FieldTexts = Map<string, { readonly text: string; readonly matches: Located[] }>

/** The original text of a field of a document, read at most once per search (stored, or from `getText`). */
type TextOf = (id: DocumentId, field: string) => string | undefined

function textsOnce(context: SearchContext): TextOf {
  const read = new Map<DocumentId, Map<string, string | undefined>>()
  return (id, field) => {
    let fields = read.get(id)
    if (fields === undefined) read.set(id, (fields = new Map()))
    if (!fields.has(field)) fields.set(field, textOf(context, id, field, context.engine.storedFields(id) ?? NONE))
    return fields.get(field)
  }
}

function locate(context: SearchContext, hit: EngineHit, fields: readonly string[], textFor: TextOf): FieldTexts {
  const stems = new Set<string>()
  const words = new Set<string>()
  for (const term of Object.keys(hit.match)) {
    if (term.startsWith(SURFACE)) words.add(term.slice(1))
    else stems.add(term)
  }
  const stored = context.engine.storedFields(hit.id) ?? NONE
  const terms = Object.keys(hit.match)
  const out: FieldTexts = new Map()
  for (const field of fields) {
    const text = textFor(hit.id, field)
    if (text === undefined) continue
    // from the index's positions when the text is the stored one, else by analyzing the text
    const indexed =
      own(stored, field) !== undefined && context.engine.fieldMatches
        ? context.engine.fieldMatches(hit.id, field, terms, text)
        : null
    const matches: Located[] =
      indexed !== null
        ? matchesFromIndex(context, indexed)
        : context.analyzer
            .matches(text, stems, words)
            .map((t) => ({ start: t.start, end: t.end, key: t.term, position: t.position }))
    out.set(field, { text, matches })
  }
  return out
}

function withSnippets(result: SearchResult, located: FieldTexts, options: ResolvedSnippetOptions): SearchResult {
  const snippets: Record<string, Snippet> = {}
  for (const [field, { text, matches }] of located) {
    const passages = bestSnippets(text, matches, options)
    snippets[field] = passages.length === 1 ? passages[0]! : joinPassages(passages)
  }
  return { ...result, snippets }
}

/**
 * The proximity factor of a hit (scoring.ts): the most distinct query words (by stem) within one
 * window of one field.
 */
function proximityOf(located: FieldTexts, stems: ReadonlySet<string>): number {
  let best = 0
  for (const { matches } of located.values()) {
    const words = closestWords(matches.filter((m) => stems.has(m.key)))
    if (words > best) best = words
  }
  return proximityFactor(best)
}

/**
 * The matches of a field from the index's positions, as `analyzer.matches` finds them: in text
 * order, one per token, keyed by the token's stem (a written form's stem is its analysis).
 */
function matchesFromIndex(context: SearchContext, found: FieldMatch[]): Located[] {
  found.sort((a, b) => a.position - b.position)
  const out: Located[] = []
  let last = -1
  for (const m of found) {
    if (m.position === last) continue
    last = m.position
    const key = m.term.startsWith(SURFACE) ? (context.analyzer.termOf(m.term.slice(1)) ?? m.term.slice(1)) : m.term
    out.push({ start: m.start, end: m.end, key, position: m.position })
  }
  return out
}

function joinPassages(passages: readonly Snippet[]): Snippet {
  let text = ''
  let html = ''
  const ranges: Array<readonly [number, number]> = []
  const separator = ' '
  for (const p of passages) {
    const sep = text.length > 0 ? separator : ''
    const shift = text.length + sep.length
    text += sep + p.text
    html += sep + p.html
    for (const [s, e] of p.ranges) ranges.push([s + shift, e + shift])
  }
  return { text, html, ranges, passages }
}

/** The items that pass `test`, read lazily. @internal */
export function* keep<H>(items: Iterable<H>, test: (item: H) => boolean): Generator<H> {
  for (const item of items) if (test(item)) yield item
}

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
  const completion: EngineQuery = {
    combineWith: 'OR',
    queries: [
      { queries: [SURFACE + lastWord], prefix: true },
      { queries: [lastWord], prefix: true },
    ],
  }
  const top: EngineQuery =
    headUnits.length > 0
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
  const headText = head.trim()
  const words = headWords.map((u) => u.word)
  // at most 3 × limit candidates are looked up as written, each document analyzed once
  const candidates = ranked.slice(0, limit * 3)
  const wanted = wordsByDocument(candidates)
  const written = new Map<DocumentId, FormCounts>()
  const suggestions: Suggestion[] = []
  for (const { word, score, ids } of candidates) {
    // how the word is written in its best documents, until one writes it as a user would
    // type it (each document analyzed once)
    const counts = new Map<string, number>()
    for (const id of ids) {
      let forms = written.get(id)
      if (forms === undefined) written.set(id, (forms = writtenForms(context, id, wanted.get(id)!, fields)))
      for (const [form, count] of forms.get(word) ?? []) counts.set(form, (counts.get(form) ?? 0) + count)
      if ([...counts.keys()].some((form) => typable(context.analyzer, form, word))) break
    }
    // only words found as written in a document (a stem such as شراك is no word to offer)
    if (counts.size === 0) continue
    // the plain spelling most documents write, never an Uthmani skeleton (ٱلكتب for ٱلْكِتَٰبُ)
    const form = plainSpelling(context.analyzer, word, counts)
    // never a suggestion that finds nothing
    if (runSearch(context, form, { limit: 1, snippets: false, proximity: false, fields, filter } as never).length === 0)
      continue
    suggestions.push({ suggestion: headText ? `${headText} ${form}` : form, terms: [...words, word], score })
    if (suggestions.length >= limit) break
  }
  return suggestions
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

/** How a normalized word of the index is spelled in its first documents (see plainSpelling). */
function spell(context: SearchContext, word: string, fields: readonly string[]): string {
  const hits = context.engine.search({ combineWith: 'OR', queries: [SURFACE + word, word] }, { fields })
  const counts = new Map<string, number>()
  const wanted = new Set([word])
  let read = 0
  for (const hit of hits) {
    if (read++ >= FORM_DOCUMENTS) break
    for (const [form, count] of writtenForms(context, hit.id, wanted, fields).get(word) ?? [])
      counts.set(form, (counts.get(form) ?? 0) + count)
  }
  return plainSpelling(context.analyzer, word, counts)
}

/**
 * How each of the words is written in the document (diacritics and tatweel dropped), with
 * counts; a word not written there has no entry. One analysis of each field at most.
 */
function writtenForms(
  context: SearchContext,
  id: DocumentId,
  words: ReadonlySet<string>,
  fields: readonly string[],
): FormCounts {
  const forms: FormCounts = new Map()
  const stored = context.engine.storedFields(id) ?? NONE
  for (const field of fields) {
    const text = textOf(context, id, field, stored)
    if (text !== undefined) countWrittenForms(context.analyzer, text, words, forms)
  }
  return forms
}

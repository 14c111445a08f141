/**
 * An index as the search functions (searcher.ts) see it: the engine under it (`SearchEngine`,
 * MiniSearch's or the packed index's), its hits, and what the search functions read of them: the
 * engine's term of a word, a query unit compiled, a hit as a result, the original text of a
 * field. @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import type { Analyzer } from '../analyze/analyze.js'
import type { ResolvedSnippetOptions } from '../highlight/highlight.js'
import type { TermIndex } from './fuzzy.js'
import type { ResolvedIndexOptions } from './index-options.js'
import type { BM25Params, DocumentId, SearchOptions, SearchResult } from './options.js'
import type { Coordination } from './packed/scoring.js'
import type { QueryShape } from './query-plan.js'
import type { QueryUnit } from './query.js'
import { documentBoost, storedCopy } from './stored.js'
import { unitQuery } from './unit-query.js'
import { own } from '../own.js'

/** Prefix of the index terms that hold a word's written (normalized, unstemmed) form. */
export const SURFACE = '\u0001'

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

/** The search context of an index: its resolved options (index-options.ts) and its engine. @internal */
export function searchContext(resolved: ResolvedIndexOptions<object>, engine: SearchEngine): SearchContext {
  return {
    analyzer: resolved.analyzer,
    fields: resolved.fields,
    storeFields: resolved.storeFields,
    exactBoost: resolved.exactBoost,
    snippet: resolved.snippet,
    options: resolved.options as SearchContext['options'],
    engine,
  }
}

/** The stored fields of a document that has none. @internal */
export const NONE: Readonly<Record<string, unknown>> = Object.freeze({})

/** The engine's term of a word as the caller knows it: the index term (the written form's stem). @internal */
export function indexTermOf(context: SearchContext, term: string): string {
  return term.startsWith(SURFACE) ? (context.analyzer.termOf(term.slice(1)) ?? term.slice(1)) : term
}

/** The engine query of a query unit. @internal */
export function compileUnit(context: SearchContext, unit: QueryUnit, shape: QueryShape): EngineQuery {
  return unitQuery(unit, shape, {
    analyzer: context.analyzer,
    exactBoost: context.exactBoost,
    surface: SURFACE,
    index: context.engine.terms,
  })
}

/** The engine's `boostDocument` for a search's `boostDocument` (stored.ts). @internal */
export function boostDocumentOf(
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

/** A hit as a search result: its stored fields (a copy), its matched terms, no snippets yet. @internal */
export function toResult(context: SearchContext, hit: EngineHit): SearchResult {
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

/** The items that pass `test`, read lazily. @internal */
export function* keep<H>(items: Iterable<H>, test: (item: H) => boolean): Generator<H> {
  for (const item of items) if (test(item)) yield item
}

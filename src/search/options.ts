import type { AnalyzerOptions } from '../analyze/analyze.js'
import type { SnippetOptions } from '../highlight/highlight.js'

/** Parameters of BM25+ (MiniSearch's ranking function). */
export interface BM25Params {
  /** Term frequency saturation. @default 1.2 */
  readonly k: number
  /** Length normalization, 0–1. @default 0.7 */
  readonly b: number
  /** BM25+ lower bound on a matching term's contribution. @default 0.5 */
  readonly d: number
}

/** A document id: a string or a finite number (`1` and `'1'` are different ids). */
export type DocumentId = string | number

/**
 * The name of a field of documents of type `T`: any string for `Record<string, unknown>`
 * documents, else one of their keys (a misspelled field is a type error).
 */
export type FieldName<T> = keyof T & string

/**
 * The stored fields of a result: exactly the `storeFields` (`S`) when they are known to the
 * type (inferred from the constructor's options, or given: `ArabicSearch<Article, 'title'>`),
 * else any field of `T`, each perhaps missing.
 */
export type StoredFields<T, S extends string = FieldName<T>> =
  FieldName<T> extends S ? Partial<T> : Pick<T, S & keyof T>

/** Options of {@link ArabicSearch}. `S`: the names in `storeFields`. */
export interface ArabicSearchOptions<T = Record<string, unknown>, S extends string = FieldName<T>>
  extends AnalyzerOptions {
  /** Required: the fields to index. Their values are text; numbers are indexed as text. */
  readonly fields: readonly NoInfer<FieldName<T>>[]
  /** Fields returned with each result (and the source of snippets for indexed fields). @default [] */
  readonly storeFields?: readonly S[]
  /** The field that holds the document id. @default 'id' */
  readonly idField?: NoInfer<FieldName<T>>
  /** Per-field weights, e.g. `{ title: 2 }`. @default 1 for each field */
  readonly boost?: Readonly<Partial<Record<NoInfer<FieldName<T>>, number>>>
  /**
   * Weight of a match on the written (normalized, unstemmed) form, added to the match through
   * the stem, so that `الكتاب` ranks a document with `الكتاب` above one with only `كتابه`.
   * `0` indexes stems only (a smaller index). @default 0.5
   */
  readonly exactBoost?: number
  /**
   * Where snippets take the original text of a field when the field is not stored, for users who
   * keep their text outside the index. Return `undefined` when there is none.
   */
  readonly getText?: (id: DocumentId, field: string) => string | null | undefined
  /** Snippet length, count, wrapper and ellipsis (as the search option `snippets` names them). */
  readonly snippets?: SnippetOptions
  /** @deprecated The old name of `snippets`, still accepted. */
  readonly snippet?: SnippetOptions
  /** Default options of every search (merged under each call's options). */
  readonly searchOptions?: SearchOptions<T>
}

/** Options of {@link ArabicSearch.search}. `F`: the names in `fields`. */
export interface SearchOptions<T = Record<string, unknown>, F extends string = FieldName<T>> {
  /** Maximum number of results. @default 10 */
  readonly limit?: number
  /** Number of results to skip, for paging. @default 0 */
  readonly offset?: number
  /** How the query's words combine: `'OR'` ranks documents with any of them, `'AND'` requires all. @default 'OR' */
  readonly combineWith?: 'OR' | 'AND' | 'or' | 'and'
  /** Treat every query word as a prefix (search as you type). @default false */
  readonly prefix?: boolean
  /** Fuzzy matching: `true` (edit distance 20% of the term), a fraction below 1, or a distance. @default false */
  readonly fuzzy?: boolean | number
  /** Restrict the search (and the snippets) to these fields. @default all indexed fields */
  readonly fields?: readonly F[]
  /** Per-field weights for this search, replacing the index's. */
  readonly boost?: Readonly<Partial<Record<NoInfer<FieldName<T>>, number>>>
  /** Keep only the results for which this returns true (called before paging). */
  readonly filter?: (result: SearchResult<T, FieldName<T>, F>) => boolean
  /**
   * A weight for each matching document, multiplied into its score: called with the document's
   * id, the index term matched (a stem) and the document's stored fields (read only). It must
   * return a finite number >= 0; `0` drops the document. E.g. recent news first:
   * `boostDocument: (id, term, stored) => 1 + 1 / (1 + ageInDays(stored.date))`.
   */
  readonly boostDocument?: (id: DocumentId, term: string, storedFields: Readonly<Partial<T>>) => number
  /** Compute snippets (`false` to skip them), or snippet options for this search. @default true */
  readonly snippets?: boolean | SnippetOptions
  /** BM25+ parameters. @default { k: 1.2, b: 1, d: 0.5 } */
  readonly bm25?: BM25Params
  /**
   * How a document's score grows with the query words it matches: `'sqrt'` multiplies its summed
   * BM25+ by the square root of the words matched (a word also matched as written counts 1.5),
   * `'linear'` by the number of distinct query terms matched (MiniSearch's ranking, and fahras
   * 0.1's). @default 'sqrt'
   */
  readonly coordination?: 'sqrt' | 'linear'
  /**
   * Rank the first 10 results again by proximity: a result holding more of the query's words
   * within 16 consecutive words of one field comes first (its score × 1.2 for each word beyond
   * the first in that window). Needs the text of the fields (stored, or from `getText`); a field
   * without text counts no proximity. @default true
   */
  readonly proximity?: boolean
}

/**
 * A search result: the id, the score, the matched terms, the stored fields (`S`) and the
 * snippets of the searched fields (`F`).
 */
export type SearchResult<
  T = Record<string, unknown>,
  S extends string = FieldName<T>,
  F extends string = FieldName<T>,
> = {
  readonly id: DocumentId
  /** BM25+ score, higher is better. */
  readonly score: number
  /** The index terms (stems) of the query that the document matched. */
  readonly terms: string[]
  /** For each matched index term, the fields it was found in. */
  readonly match: Record<string, string[]>
  /**
   * Snippets of the searched fields whose text is available, keyed by field: a field without
   * text (neither stored nor from `getText`) has none, hence optional.
   */
  readonly snippets: { readonly [K in F]?: import('../highlight/highlight.js').Snippet }
} & StoredFields<T, S>

/** A completion of the query typed so far. */
export interface Suggestion {
  /** The query with its last word completed, as written in the documents (without diacritics). */
  readonly suggestion: string
  /** The normalized words of the suggestion. */
  readonly terms: string[]
  readonly score: number
}

/** Options of {@link ArabicSearch.suggest}: the search options that choose and rank documents, and `limit`. */
export interface SuggestOptions<T = Record<string, unknown>, F extends string = FieldName<T>>
  extends Pick<
    SearchOptions<T, F>,
    'fields' | 'boost' | 'filter' | 'boostDocument' | 'fuzzy' | 'prefix' | 'combineWith' | 'bm25' | 'coordination'
  > {
  /** Maximum number of suggestions, 0 to `MAX_SUGGESTIONS`. @default 5 */
  readonly limit?: number
}

/** Options of {@link ArabicSearch.addAll}. */
export interface AddAllOptions {
  /**
   * Accept a batch in which no document has one of the `fields` or `storeFields` (and no document
   * added before had it); without it such a batch throws `FAHRAS_INVALID_DOCUMENT`, since the
   * usual cause is a misspelled field name. @default false
   */
  readonly allowMissingFields?: boolean
}

/** Options of {@link ArabicSearch.loadJSONAsync}. */
export interface LoadAsyncOptions {
  /** Cancels the load between chunks (`FAHRAS_ABORTED`). */
  readonly signal?: AbortSignal
  /** Terms and documents checked between two yields to the event loop. @default 10000 */
  readonly chunkSize?: number
}

/** Options of {@link ArabicSearch.addAllAsync}. */
export interface AddAllAsyncOptions extends AddAllOptions {
  /** Called after each chunk with the number of documents added so far and the total. */
  readonly onProgress?: (progress: { readonly added: number; readonly total: number }) => void
  /** Cancels the operation between chunks; the documents added until then stay in the index. */
  readonly signal?: AbortSignal
  /** Documents added between two yields to the event loop. @default 500 */
  readonly chunkSize?: number
}

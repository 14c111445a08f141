/**
 * The options of an index, checked and resolved once: what `ArabicSearch` and `PackedIndex`
 * both need (analyzer, fields, stored fields, id field, `exactBoost`, snippet options, default
 * search options). Every default is here. @internal
 */
import { createAnalyzer, type Analyzer } from '../analyze/analyze.js'
import { checkOptions } from '../errors.js'
import { resolveSnippetOptions, type ResolvedSnippetOptions } from '../highlight/highlight.js'
import { checkFieldNames } from './documents.js'
import { checkSearchOptions, checkWeights, invalidOption, OPTIONS_SCHEMA } from './option-checks.js'
import type { ArabicSearchOptions } from './options.js'

/**
 * The defaults of the index options of `ArabicSearch` and `packDocuments`, frozen (the analyzer's
 * are `DEFAULT_ANALYZER_OPTIONS`, the snippets' `DEFAULT_SNIPPET_OPTIONS`).
 *
 * @example
 * ```ts
 * import { DEFAULT_INDEX_OPTIONS } from 'fahras'
 * new ArabicSearch({ fields: ['text'], exactBoost: DEFAULT_INDEX_OPTIONS.exactBoost / 2 })
 * ```
 */
export const DEFAULT_INDEX_OPTIONS = Object.freeze({
  storeFields: Object.freeze([]) as readonly string[],
  idField: 'id',
  /** The weight of a word's written form, added to its stem's. */
  exactBoost: 0.5,
} as const)

/** An index's options, checked and resolved. */
export interface ResolvedIndexOptions<O> {
  /** The options as given (a shallow copy). */
  readonly options: O
  readonly analyzer: Analyzer
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly idField: string
  readonly exactBoost: number
  readonly snippet: ResolvedSnippetOptions
}

/**
 * Checks the options of an index (`where` names the caller in errors) and resolves them: unknown
 * options, wrong types, bad field names and weights throw `FAHRAS_INVALID_OPTION`.
 */
export function resolveIndexOptions<O extends object>(input: O, where: string): ResolvedIndexOptions<O> {
  const options = input as unknown as ArabicSearchOptions
  if (options === undefined || options === null || typeof options !== 'object') {
    throw invalidOption(where, 'options', 'an object with at least `fields`', options)
  }
  const given = checkOptions(options, where, OPTIONS_SCHEMA)
  const fields = given.fields as string[] | undefined
  if (fields === undefined || fields.length === 0)
    throw invalidOption(where, 'fields', 'a non-empty array of field names', fields)
  const storeFields = (given.storeFields as string[] | undefined) ?? DEFAULT_INDEX_OPTIONS.storeFields
  const idField = (given.idField as string | undefined) ?? DEFAULT_INDEX_OPTIONS.idField
  checkFieldNames(where, 'fields', fields, idField)
  checkFieldNames(where, 'idField', [idField], idField)
  checkFieldNames(where, 'storeFields', storeFields, idField)
  checkWeights(where, 'boost', given.boost, fields)
  const exactBoost = (given.exactBoost as number | undefined) ?? DEFAULT_INDEX_OPTIONS.exactBoost
  if (!Number.isFinite(exactBoost) || exactBoost < 0)
    throw invalidOption(where, 'exactBoost', 'a finite number >= 0', exactBoost)
  const analyzer = createAnalyzer(
    {
      normalize: options.normalize,
      stopWords: options.stopWords,
      extraStopWords: options.extraStopWords,
      stem: options.stem,
      keep: options.keep,
    },
    where,
  )
  const uniqueFields = [...new Set(fields)]
  // `snippets`, as the search option is named; `snippet` is its old name
  if (options.snippets !== undefined && options.snippet !== undefined) {
    throw invalidOption(where, 'snippets', 'given once (`snippet` is its old name)', options.snippet)
  }
  const snippetName = options.snippets !== undefined ? 'snippets' : 'snippet'
  const snippet = resolveSnippetOptions(options.snippets ?? options.snippet, `${where} option \`${snippetName}\``)
  if (options.searchOptions !== undefined)
    checkSearchOptions(uniqueFields, options.searchOptions, `${where} option \`searchOptions\``)
  return {
    options: { ...input },
    analyzer,
    fields: uniqueFields,
    storeFields: [...new Set(storeFields)],
    idField,
    exactBoost,
    snippet,
  }
}

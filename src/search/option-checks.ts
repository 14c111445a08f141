/**
 * The checks of the options of `ArabicSearch` and of its searches: unknown keys, types and
 * ranges, each refused with FAHRAS_INVALID_OPTION naming the option, what was expected and what
 * was given. @internal
 */
import { ANALYZER_SCHEMA } from '../analyze/analyze.js'
import { checkOptions, invalidOption } from '../errors.js'
import { resolveSnippetOptions } from '../highlight/highlight.js'
import { MAX_FUZZY_DISTANCE, MAX_SUGGESTIONS } from './query-plan.js'
import type { SearchOptions } from './options.js'

/** The options of the constructor and their types. */
export const OPTIONS_SCHEMA = {
  fields: 'string[]',
  storeFields: 'string[]',
  idField: 'string',
  boost: 'object',
  exactBoost: 'number',
  getText: 'function',
  snippets: 'object',
  snippet: 'object',
  searchOptions: 'object',
  // the analyzer's options, as analyze() checks them
  ...ANALYZER_SCHEMA,
} as const
const SEARCH_SCHEMA = {
  limit: { type: 'number', integer: true, min: 0 },
  offset: { type: 'number', integer: true, min: 0 },
  combineWith: 'string',
  prefix: 'boolean',
  fuzzy: 'any',
  fields: 'string[]',
  boost: 'object',
  filter: 'function',
  snippets: 'any',
  bm25: 'object',
  boostDocument: 'function',
  coordination: { type: 'string', oneOf: ['sqrt', 'linear'] },
  proximity: 'boolean',
} as const
const { offset: _o, snippets: _s, proximity: _p, ...SUGGEST_SEARCH } = SEARCH_SCHEMA
/** The options of `suggest()`: the search options that choose and rank documents, and `limit`. */
export const SUGGEST_SCHEMA = {
  ...SUGGEST_SEARCH,
  limit: { type: 'number', integer: true, min: 0, max: MAX_SUGGESTIONS },
} as const

export { invalidOption }

/** Checks per-field weights: indexed fields only, finite numbers >= 0. */
export function checkWeights(where: string, option: string, weights: unknown, fields: readonly string[]) {
  if (weights === undefined) return
  const known = new Set(fields)
  for (const [field, weight] of Object.entries(weights as Record<string, unknown>)) {
    if (!known.has(field))
      throw invalidOption(where, `${option}.${field}`, `one of the indexed fields (${fields.join(', ')})`, field)
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
      throw invalidOption(where, `${option}.${field}`, 'a finite number >= 0', weight)
  }
}

/** Checks search options against the indexed fields (in linear time) and returns them. */
export function checkSearchOptions<T>(indexed: readonly string[], options: unknown, where: string): SearchOptions<T> {
  const given = checkOptions(options, where, SEARCH_SCHEMA) as SearchOptions<T>
  const { combineWith, fuzzy, fields, snippets, bm25 } = given
  if (combineWith !== undefined && !['OR', 'AND', 'or', 'and'].includes(combineWith))
    throw invalidOption(where, 'combineWith', "'OR' or 'AND'", combineWith)
  if (
    fuzzy !== undefined &&
    typeof fuzzy !== 'boolean' &&
    !(
      typeof fuzzy === 'number' &&
      fuzzy >= 0 &&
      (fuzzy < 1 || (Number.isInteger(fuzzy) && fuzzy <= MAX_FUZZY_DISTANCE))
    )
  ) {
    throw invalidOption(
      where,
      'fuzzy',
      `a boolean, a fraction below 1, or an edit distance from 1 to ${MAX_FUZZY_DISTANCE}`,
      fuzzy,
    )
  }
  if (fields !== undefined) {
    const known = new Set(indexed)
    for (const f of fields)
      if (!known.has(f)) throw invalidOption(where, 'fields', `indexed fields (${indexed.join(', ')})`, f)
  }
  checkWeights(where, 'boost', given.boost, indexed)
  if (snippets !== undefined && typeof snippets !== 'boolean')
    resolveSnippetOptions(snippets, `${where} option \`snippets\``)
  if (bm25 !== undefined) {
    for (const key of ['k', 'b', 'd'] as const) {
      const v = (bm25 as unknown as Record<string, unknown>)[key]
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw invalidOption(where, `bm25.${key}`, 'a finite number >= 0', v)
    }
  }
  return given
}

/**
 * The checks of the options of `ArabicSearch` and of its searches: unknown keys, types and
 * ranges, each refused with FAHRAS_INVALID_OPTION naming the option, what was expected and what
 * was given. @internal
 */
import { checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import { resolveSnippetOptions } from '../highlight/highlight.js'
import { MAX_FUZZY_DISTANCE } from './query-plan.js'
import type { SearchOptions } from './options.js'

/** The options of the constructor and their types. */
export const OPTIONS_SCHEMA = {
  fields: 'string[]', storeFields: 'string[]', idField: 'string', boost: 'object', exactBoost: 'number',
  getText: 'function', snippet: 'object', searchOptions: 'object',
  normalize: 'object', stopWords: 'any', extraStopWords: 'string[]', stem: 'boolean', keep: 'string[]',
} as const
const SEARCH_SCHEMA = {
  limit: 'number', offset: 'number', combineWith: 'string', prefix: 'boolean', fuzzy: 'any', fields: 'string[]',
  boost: 'object', filter: 'function', snippets: 'any', bm25: 'object', boostDocument: 'function',
  coordination: 'string', proximity: 'boolean',
} as const
const { offset: _o, snippets: _s, proximity: _p, ...SUGGEST_SEARCH } = SEARCH_SCHEMA
/** The options of `suggest()`: the search options that choose and rank documents, and `limit`. */
export const SUGGEST_SCHEMA = { ...SUGGEST_SEARCH, limit: 'number' } as const

/** The error of an option of the wrong type or range. */
export function invalidOption(where: string, option: string, expected: string, value: unknown) {
  return createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`${option}\` to be ${expected}, got ${describe(value)}`, { option }, 'type')
}

/** Checks per-field weights: indexed fields only, finite numbers >= 0. */
export function checkWeights(where: string, option: string, weights: unknown, fields: readonly string[]) {
  if (weights === undefined) return
  const known = new Set(fields)
  for (const [field, weight] of Object.entries(weights as Record<string, unknown>)) {
    if (!known.has(field)) throw invalidOption(where, `${option}.${field}`, `one of the indexed fields (${fields.join(', ')})`, field)
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) throw invalidOption(where, `${option}.${field}`, 'a finite number >= 0', weight)
  }
}

/** Checks search options against the indexed fields (in linear time) and returns them. */
export function checkSearchOptions<T>(indexed: readonly string[], options: unknown, where: string): SearchOptions<T> {
  const given = checkOptions(options, where, SEARCH_SCHEMA) as SearchOptions<T>
  const { limit, offset, combineWith, fuzzy, fields, snippets, bm25, coordination } = given
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw invalidOption(where, 'limit', 'an integer >= 0', limit)
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) throw invalidOption(where, 'offset', 'an integer >= 0', offset)
  if (combineWith !== undefined && !['OR', 'AND', 'or', 'and'].includes(combineWith)) throw invalidOption(where, 'combineWith', "'OR' or 'AND'", combineWith)
  if (coordination !== undefined && coordination !== 'sqrt' && coordination !== 'linear') throw invalidOption(where, 'coordination', "'sqrt' or 'linear'", coordination)
  if (fuzzy !== undefined && typeof fuzzy !== 'boolean' && !(typeof fuzzy === 'number' && fuzzy >= 0 && (fuzzy < 1 || (Number.isInteger(fuzzy) && fuzzy <= MAX_FUZZY_DISTANCE)))) {
    throw invalidOption(where, 'fuzzy', `a boolean, a fraction below 1, or an edit distance from 1 to ${MAX_FUZZY_DISTANCE}`, fuzzy)
  }
  if (fields !== undefined) {
    const known = new Set(indexed)
    for (const f of fields) if (!known.has(f)) throw invalidOption(where, 'fields', `indexed fields (${indexed.join(', ')})`, f)
  }
  checkWeights(where, 'boost', given.boost, indexed)
  if (snippets !== undefined && typeof snippets !== 'boolean') resolveSnippetOptions(snippets, `${where} option \`snippets\``)
  if (bm25 !== undefined) {
    for (const key of ['k', 'b', 'd'] as const) {
      const v = (bm25 as unknown as Record<string, unknown>)[key]
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidOption(where, `bm25.${key}`, 'a finite number >= 0', v)
    }
  }
  return given
}

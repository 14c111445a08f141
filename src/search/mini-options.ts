/**
 * The MiniSearch options of an `ArabicSearch` (mini-engine.ts is the engine they build): the
 * fields, and fahras's analysis as MiniSearch's `tokenize` and `processTerm`. @internal
 */
import type { ResolvedIndexOptions } from './index-options.js'
import { SURFACE } from './search-context.js'
import { own } from '../own.js'

/** Distinct words whose index terms are kept for reuse (the cache is emptied when full). */
const INDEX_TERMS_CACHE = 100_000

/**
 * The options to give `new MiniSearch()` or `MiniSearch.loadJS` for an index: documents are
 * analyzed into index terms (a word's stem, and its written form when `exactBoost` is above 0);
 * queries arrive already analyzed, one term a leaf. Each call has its own cache of index terms.
 * @internal
 */
export function miniOptions(resolved: ResolvedIndexOptions<object>) {
  const { analyzer } = resolved
  const exact = resolved.exactBoost > 0
  const indexTerms = new Map<string, string | string[] | null>()
  return {
    fields: [...resolved.fields],
    storeFields: [...resolved.storeFields],
    idField: resolved.idField,
    extractField: (document: object, field: string) => own(document, field),
    stringifyField: (value: unknown) => String(value),
    // Documents: the normalized words; queries arrive already analyzed (one term a leaf).
    tokenize: (text: string) => analyzer.words(text),
    // one analysis per distinct word: the terms of a word are computed once and reused
    processTerm: (word: string) => {
      let terms = indexTerms.get(word)
      if (terms === undefined) {
        const term = analyzer.termOf(word)
        terms = term === null ? null : exact && term !== word ? [term, SURFACE + word] : term
        if (indexTerms.size >= INDEX_TERMS_CACHE) indexTerms.clear()
        indexTerms.set(word, terms)
      }
      return terms
    },
    searchOptions: {
      tokenize: (query: string) => [query],
      processTerm: (term: string) => term,
    },
    logger: () => {},
  }
}

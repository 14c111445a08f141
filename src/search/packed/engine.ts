/**
 * The search engine of a packed index: evaluates the engine query that the query compiler
 * (query-plan.ts, unit-query.ts) writes, with the ranking `ArabicSearch` gets from MiniSearch 7
 * (scoring.ts): the same terms, weights, combinations and scores, on typed arrays instead of
 * maps. Each part of the query tree gives a sorted list of documents with their scores and the
 * query terms they match (evaluate.ts); the final score is multiplied by the coordination of the
 * query terms matched (scoring.ts), and equal scores come in the order the documents were added
 * (hits.ts). @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import type { EngineSearchOptions, SearchEngine } from '../searcher.js'
import type { TermIndex } from '../fuzzy.js'
import type { DocumentId } from '../options.js'
import { best, evaluate, orLeaves } from './evaluate.js'
import { fieldMatches } from './field-matches.js'
import { type PackedHits, rankedHits } from './hits.js'
import type { PackedView } from './reader.js'
import { type EngineState, engineState, type Inherited, type Node, searchContext } from './search-state.js'

export type { PackedHits } from './hits.js'

/** A packed index's {@link SearchEngine}. */
export function packedEngine(
  view: PackedView,
  fieldNumbers: ReadonlyMap<string, number>,
  storedOf: (doc: number) => Record<string, unknown> | undefined,
): SearchEngine {
  const engine = engineState(view, fieldNumbers, storedOf)
  const terms: TermIndex = {
    get: (key) => (view.findTerm(key) >= 0 ? true : undefined),
    fuzzyGet: (key, maxDistance) => new Map(view.fuzzy(key, maxDistance).map(([t, d]) => [view.termAt(t), [t, d]])),
    frequency: (data) => view.frequency(data as number),
  }
  return {
    search: (query, options) => search(engine, query, options),
    storedFields: (id: DocumentId) => {
      const doc = view.docOf(id)
      return doc < 0 ? undefined : storedOf(doc)
    },
    terms,
    fieldMatches: (id, field, wanted, text) => fieldMatches(engine, id, field, wanted, text),
  }
}

/**
 * The hits of a query, best first. When only the best k are read and the query only combines
 * with OR, they are found by MaxScore; else the whole query is evaluated.
 */
function search(engine: EngineState, query: EngineQuery, options: EngineSearchOptions): PackedHits {
  const context = searchContext(engine, query, options)
  const orQuery: Array<[string, Inherited]> = []
  // MaxScore's bounds hold for b <= 1 (BM25+'s part then shrinks as a field grows)
  const prunable =
    options.k !== undefined &&
    options.k > 0 &&
    !context.boostDocument &&
    context.bm25.b <= 1 &&
    orLeaves(query as Node, {}, orQuery)
  const pruned = prunable ? best(context, orQuery, options.k!) : null
  const result = pruned ?? evaluate(context, query as Node, {})
  return rankedHits(context, result, pruned === null)
}

/**
 * `ArabicSearch`'s engine: MiniSearch 7, seen through the {@link SearchEngine} interface that the
 * search functions (searcher.ts) use. @internal
 */
import type MiniSearch from 'minisearch'
import { engineFields } from './field-boosts.js'
import { termIndexOf } from './fuzzy.js'
import { MAX_FUZZY_DISTANCE } from './query-plan.js'
import type { SearchEngine } from './searcher.js'
import { inAddedOrder } from './stored.js'

/** The search engine of a MiniSearch index. */
export function miniEngine(mini: MiniSearch): SearchEngine {
  return {
    search(query, options) {
      const { fields, boost, bm25, boostDocument } = options
      const hits = mini.search(query, {
        fields: engineFields(fields, boost),
        maxFuzzy: MAX_FUZZY_DISTANCE,
        ...(boost ? { boost: { ...boost } } : {}),
        ...(bm25 ? { bm25 } : {}),
        ...(boostDocument ? { boostDocument } : {}),
      })
      // equal scores in the order the documents were added, always (as the packed index)
      return inAddedOrder(true, hits, mini)
    },
    storedFields: (id) => mini.getStoredFields(id),
    terms: termIndexOf(mini),
  }
}

/**
 * `ArabicSearch`'s engine: MiniSearch 7, seen through the {@link SearchEngine} interface that the
 * search functions (searcher.ts) use. @internal
 */
import type MiniSearch from 'minisearch'
import { engineFields } from './field-boosts.js'
import { termIndexOf } from './fuzzy.js'
import { coordination, DEFAULT_BM25, DEFAULT_COORDINATION } from './packed/scoring.js'
import { MAX_FUZZY_DISTANCE } from './query-plan.js'
import { SURFACE, type SearchEngine } from './searcher.js'
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
        bm25: bm25 ?? DEFAULT_BM25,
        ...(boostDocument ? { boostDocument } : {}),
      })
      // MiniSearch multiplies the summed BM25+ by the number of query terms matched ('linear');
      // the other coordinations (scoring.ts) replace that factor
      const mode = options.coordination ?? DEFAULT_COORDINATION
      if (mode !== 'linear') {
        for (const hit of hits) {
          const terms = hit.queryTerms.length
          if (terms === 0) continue
          let written = 0
          for (const term of hit.queryTerms) if (term.startsWith(SURFACE)) written++
          hit.score = (hit.score / terms) * coordination(mode, terms, written)
        }
      }
      // equal scores in the order the documents were added, always (as the packed index)
      return inAddedOrder(true, hits, mini)
    },
    storedFields: (id) => mini.getStoredFields(id),
    terms: termIndexOf(mini),
  }
}

// fahras as the benchmarks and the quality gate run it: `ArabicSearch` with its defaults, fields
// title and text, each question unchanged as the query, no snippets. The class is passed in, so
// that the benchmarks use the built package (dist/) and the quality gate of `npm test` the sources.

/** Index options of the benchmark: fahras's defaults on the title and text fields. */
export const FAHRAS_INDEX_OPTIONS = Object.freeze({ fields: Object.freeze(['title', 'text']) })

/** Search options of the benchmark: defaults, without snippets (ranking only). */
export const FAHRAS_SEARCH_OPTIONS = Object.freeze({ snippets: false })

/**
 * A benchmark system `{ name, build(docs), search(query, k) -> ids best first }` on the given
 * `ArabicSearch` class. `options.index` and `options.search` are merged over the defaults above
 * (the controls of bench/opensearch.mjs: `{ index: { exactBoost: 0 } }`).
 */
export function fahrasSystem(ArabicSearch, options = {}) {
  let index
  return {
    name: options.name ?? 'fahras (defaults)',
    build(docs) {
      index = new ArabicSearch({ ...FAHRAS_INDEX_OPTIONS, fields: [...FAHRAS_INDEX_OPTIONS.fields], ...options.index })
      index.addAll(docs)
    },
    search(query, k) {
      return index.search(query, { ...FAHRAS_SEARCH_OPTIONS, limit: k, ...options.search }).map((r) => r.id)
    },
  }
}

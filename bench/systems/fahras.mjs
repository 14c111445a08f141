// fahras as a system of the quality benchmark: defaults, fields title and text. Uses the built
// package (npm run build first).
import { ArabicSearch } from '../../dist/index.js'

export function createFahrasSystem(options = {}) {
  let index
  return {
    name: options.name ?? 'fahras (defaults)',
    build(docs) {
      index = new ArabicSearch({ fields: ['title', 'text'], ...options.index })
      index.addAll(docs)
    },
    search(query, k) {
      return index.search(query, { limit: k, snippets: false, ...options.search }).map((r) => r.id)
    },
  }
}

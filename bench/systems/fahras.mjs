// fahras as a system of the quality benchmark: defaults, fields title and text
// (bench/systems/fahras-system.mjs, shared with the quality gate of npm test). Uses the built
// package (npm run build first).
import { ArabicSearch, PackedIndex, packDocuments } from '../../dist/index.js'
import { fahrasSystem } from './fahras-system.mjs'

export function createFahrasSystem(options = {}) {
  return fahrasSystem(ArabicSearch, options)
}

/** The packed index of the same options: `packDocuments`, then `PackedIndex.load` (the same ranking, checked). */
export function createFahrasPackedSystem(options = {}) {
  const Packed = class {
    #index
    #options
    constructor(indexOptions) {
      this.#options = indexOptions
    }
    addAll(docs) {
      this.#index = PackedIndex.load(packDocuments(docs, this.#options))
    }
    search(query, searchOptions) {
      return this.#index.search(query, searchOptions)
    }
  }
  return fahrasSystem(Packed, { name: 'fahras packed', ...options })
}

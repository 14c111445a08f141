import type MiniSearch from 'minisearch'

/**
 * MiniSearch leaves the postings of removed documents in place ("dirt") and skips them while it
 * scores, after it has counted them in the term's document frequency: the first search after a
 * removal then scores differently from the next ones, and from the same index saved and loaded.
 * This drops the postings of removed documents from a term's data before MiniSearch scores it,
 * so scores never depend on the history of the index. (It reaches into MiniSearch 7 internals,
 * and does nothing if they are not there.)
 */
export function scoreWithoutDirt(mini: MiniSearch): MiniSearch {
  const engine = mini as unknown as {
    _documentIds?: Map<number, unknown>
    termResults?: (...args: unknown[]) => unknown
    dirtCount: number
  }
  const original = engine.termResults
  if (typeof original !== 'function' || !(engine._documentIds instanceof Map)) return mini
  engine.termResults = function (this: typeof engine, ...args: unknown[]) {
    const fieldTermData = args[4] as Map<number, Map<number, number>> | undefined
    if (fieldTermData && this.dirtCount > 0) {
      const ids = this._documentIds!
      for (const [fieldId, postings] of fieldTermData) {
        for (const docId of postings.keys()) if (!ids.has(docId)) postings.delete(docId)
        if (postings.size === 0) fieldTermData.delete(fieldId)
      }
    }
    return original.apply(this, args)
  }
  return mini
}

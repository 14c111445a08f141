import type MiniSearch from 'minisearch'
import { createError, describe, ERROR_CODES, type FahrasError } from '../errors.js'

/**
 * The MiniSearch minor version whose internals fahras reads and is tested with (package.json
 * pins `minisearch` to `~7.2.0`; a test checks that the two agree). A constant, never read from
 * the installed package at run time.
 */
export const TESTED_MINISEARCH = '7.2'

/** One MiniSearch internal that fahras reads: where it is, and what it must be. */
interface Internal {
  /** A property path on the engine, `_index.fuzzyGet`. */
  readonly path: string
  /** What it is in MiniSearch 7.2, for the error message. */
  readonly expected: string
  readonly holds: (value: unknown) => boolean
}

const isMap = (value: unknown): boolean => value instanceof Map
const isFunction = (value: unknown): boolean => typeof value === 'function'

/**
 * The MiniSearch 7.2 internals that fahras reads, checked together when an engine is made or
 * loaded ({@link checkEngine}).
 */
const INTERNALS: readonly Internal[] = [
  // engine-dirt.ts: the live documents (internal id → id)
  { path: '_documentIds', expected: 'a Map', holds: isMap },
  // stored.ts inAddedOrder: id → internal id, the order documents were added
  { path: '_idToShortId', expected: 'a Map', holds: isMap },
  // fuzzy.ts termIndexOf: the radix tree of terms (SearchableMap)
  { path: '_index', expected: 'an object', holds: (value) => typeof value === 'object' && value !== null },
  { path: '_index.get', expected: 'a function', holds: isFunction },
  { path: '_index.fuzzyGet', expected: 'a function', holds: isFunction },
  // engine-dirt.ts: termResults(sourceTerm, derivedTerm, termWeight, termBoost, fieldTermData,
  // fieldBoosts, boostDocument, bm25, results = new Map()): 8 declared parameters, the postings fifth
  {
    path: 'termResults',
    expected: 'a method of 8 parameters',
    holds: (value) => typeof value === 'function' && value.length === 8,
  },
  { path: 'dirtCount', expected: 'a number', holds: (value) => typeof value === 'number' },
  // averagesAsIfFresh: the field lengths of each document and the average of each field
  { path: '_fieldLength', expected: 'a Map', holds: isMap },
  { path: '_avgFieldLength', expected: 'an array', holds: (value) => Array.isArray(value) },
]

/** The value at a property path, or undefined where the path breaks off. */
function valueAt(engine: unknown, path: string): unknown {
  let value = engine
  for (const key of path.split('.')) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** The coded error for an engine whose internal `path` is not `expected` (`value` was found). */
function engineMismatch(path: string, expected: string, value: unknown): FahrasError {
  return createError(
    ERROR_CODES.ENGINE_MISMATCH,
    `expected MiniSearch ${TESTED_MINISEARCH} internals, with \`${path}\` to be ${expected}, got ${describe(value)}: ` +
      `fahras reads MiniSearch internals and is tested with minisearch ~${TESTED_MINISEARCH}.0 only (the installed minisearch is another version, or the engine is not a MiniSearch)`,
    { internal: path, expected, tested: TESTED_MINISEARCH },
  )
}

/**
 * Throws FAHRAS_ENGINE_MISMATCH, naming the MiniSearch version fahras is tested with and the
 * internal at fault, unless `engine` has the MiniSearch 7.2 internals that fahras reads (all of
 * them, or those at `paths`). @internal
 *
 * @example
 * ```ts
 * checkEngine(new MiniSearch({ fields: ['text'] })) // → nothing
 * checkEngine({})                                    // throws FAHRAS_ENGINE_MISMATCH (`_documentIds`)
 * ```
 */
export function checkEngine(engine: unknown, paths?: readonly string[]): void {
  for (const internal of INTERNALS) {
    if (paths !== undefined && !paths.includes(internal.path)) continue
    const value = valueAt(engine, internal.path)
    if (!internal.holds(value)) throw engineMismatch(internal.path, internal.expected, value)
  }
}

/** The engines already patched: patching twice would wrap `termResults` twice. */
const patched = new WeakSet<object>()

/**
 * MiniSearch leaves the postings of removed documents in place ("dirt") and skips them while it
 * scores, after it has counted them in the term's document frequency: the first search after a
 * removal then scores differently from the next ones, and from the same index saved and loaded.
 * This drops the postings of removed documents from a term's data before MiniSearch scores it,
 * so scores never depend on the history of the index. It reaches into MiniSearch 7.2 internals:
 * it checks all those that fahras reads first ({@link checkEngine}) and throws
 * FAHRAS_ENGINE_MISMATCH when one is not there, so that another MiniSearch version fails when an
 * index is made or loaded rather than scoring wrongly. Returns the engine, patched in place (once).
 * @internal
 *
 * @example
 * ```ts
 * const mini = scoreWithoutDirt(new MiniSearch(options)) // → the same engine
 * ```
 */
export function scoreWithoutDirt(mini: MiniSearch): MiniSearch {
  if (patched.has(mini)) return mini
  checkEngine(mini)
  const engine = mini as unknown as {
    _documentIds: Map<number, unknown>
    termResults: (...args: unknown[]) => unknown
    readonly dirtCount: number
  }
  const original = engine.termResults
  engine.termResults = function (this: typeof engine, ...args: unknown[]) {
    const fieldTermData = args[4] as Map<number, Map<number, number>> | undefined
    if (fieldTermData && this.dirtCount > 0) {
      const ids = this._documentIds
      for (const [fieldId, postings] of fieldTermData) {
        for (const docId of postings.keys()) if (!ids.has(docId)) postings.delete(docId)
        if (postings.size === 0) fieldTermData.delete(fieldId)
      }
    }
    return original.apply(this, args)
  }
  patched.add(mini)
  return mini
}

/**
 * Sets MiniSearch's average field lengths to what a fresh index of the live documents, added in
 * the same order, would have. MiniSearch keeps a running average that a removal corrects by
 * subtraction, so that after `remove()` the scores depend on the history of the index (and an
 * average can even fall below 0); BM25 must not. Linear in the documents; called after removals.
 */
export function averagesAsIfFresh(mini: MiniSearch): void {
  checkEngine(mini, ['_documentIds', '_fieldLength', '_avgFieldLength'])
  const engine = mini as unknown as {
    _documentIds: Map<number, unknown>
    _fieldLength: Map<number, Array<number | undefined>>
    _avgFieldLength: number[]
  }
  const averages = engine._avgFieldLength
  for (let field = 0; field < averages.length; field++) {
    // as MiniSearch adds documents: each one with the field updates the average over all so far
    let average = 0
    let count = 0
    for (const doc of engine._documentIds.keys()) {
      const length = engine._fieldLength.get(doc)?.[field]
      if (length !== undefined) average = (average * count + length) / (count + 1)
      count++
    }
    averages[field] = average
  }
}

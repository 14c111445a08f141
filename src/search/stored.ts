/**
 * Stored fields handed out of the index (results, `getStoredFields`, `boostDocument`): always
 * copies, so that nothing a caller does with them reaches the index. @internal
 */
import { createError, describe, ERROR_CODES } from '../errors.js'
import { copyData } from './documents.js'
import type { DocumentId } from './options.js'
import { checkEngine } from './engine-dirt.js'

/** A copy of the stored fields `names` of `source` (those it has). */
export function storedCopy(
  source: Readonly<Record<string, unknown>> | undefined,
  names: readonly string[],
): Record<string, unknown> {
  const stored: Record<string, unknown> = {}
  if (source === undefined) return stored
  for (const name of names) {
    const value = Object.hasOwn(source, name) ? source[name] : undefined
    if (value !== undefined) stored[name] = copyData(value)
  }
  return stored
}

/**
 * The `boostDocument` handed to the engine: the caller's function called with the id, the index
 * term (`termOf` maps the engine's term to it) and a frozen copy of the stored fields (one per
 * document and search). Throws FAHRAS_INVALID_OPTION when it returns anything but a finite
 * number >= 0.
 */
export function documentBoost(
  boost: (id: DocumentId, term: string, stored: never) => number,
  names: readonly string[],
  termOf: (term: string) => string,
): (id: DocumentId, term: string, source?: Record<string, unknown>) => number {
  const copies = new Map<DocumentId, Readonly<Record<string, unknown>>>()
  return (id, term, source) => {
    let stored = copies.get(id)
    if (stored === undefined) copies.set(id, (stored = Object.freeze(storedCopy(source, names))))
    const weight: unknown = boost(id, termOf(term), stored as never)
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw createError(
        ERROR_CODES.INVALID_OPTION,
        `search() expected \`boostDocument\` to return a finite number >= 0, got ${describe(weight)} for the document ${JSON.stringify(id)}`,
        { option: 'boostDocument', id },
        'type',
      )
    }
    return weight
  }
}

/**
 * When `expanded` (prefix or fuzzy), the hits best first, equal scores in the order the documents
 * were added (MiniSearch 7's internal ids, kept by save and load): the engine gives equal scores
 * in the order it meets them, and its prefix and fuzzy expansions walk a tree that is built in
 * another order in the same index saved and loaded. Without expansion the engine's order is
 * already the same (postings in the order documents were added), and is kept. Sorts in place.
 * Throws FAHRAS_ENGINE_MISMATCH when the engine has no `_idToShortId` (engine-dirt.ts has checked
 * it already when the engine was made or loaded).
 */
export function inAddedOrder<H extends { readonly id: DocumentId; readonly score: number }>(
  expanded: boolean,
  hits: H[],
  engine: unknown,
): H[] {
  if (!expanded) return hits
  checkEngine(engine, ['_idToShortId'])
  const shortIds = (engine as { _idToShortId: Map<DocumentId, number> })._idToShortId
  return hits.sort((a, b) => b.score - a.score || (shortIds.get(a.id) as number) - (shortIds.get(b.id) as number))
}

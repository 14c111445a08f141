/**
 * The checks of the ids that `add()`, `replace()`, `remove()` and `removeAll()` name against the
 * documents of the index: a coded error naming the id, before the index is changed. @internal
 */
import { createError, describe, ERROR_CODES } from '../errors.js'
import { invalidOption } from './option-checks.js'
import type { DocumentId } from './options.js'

/** The documents of an index, by id. @internal */
interface IdsOf {
  has(id: DocumentId): boolean
}

/** Throws `FAHRAS_DUPLICATE_ID` when a document with this id is in the index. @internal */
export function checkNewId(index: IdsOf, id: DocumentId, where: string): void {
  if (index.has(id))
    throw createError(
      ERROR_CODES.DUPLICATE_ID,
      `${where} got a duplicate id ${JSON.stringify(id)}: a document with this id is already in the index`,
      { id },
    )
}

/** Throws `FAHRAS_UNKNOWN_ID` when no document with this id is in the index. @internal */
export function checkKnownId(index: IdsOf, id: DocumentId, where: string): void {
  if (!index.has(id))
    throw createError(
      ERROR_CODES.UNKNOWN_ID,
      `${where} got an unknown id ${JSON.stringify(id)}: no document with this id is in the index`,
      { id },
    )
}

/**
 * The ids given to `removeAll()`, each once, all of documents in the index: else
 * `FAHRAS_INVALID_OPTION` (not an array) or `FAHRAS_UNKNOWN_ID` naming the first unknown id.
 * @internal
 */
export function knownIds(index: IdsOf, ids: unknown): DocumentId[] {
  if (!Array.isArray(ids)) throw invalidOption('removeAll()', 'ids', 'an array of ids', ids)
  const unique = [...new Set(ids)]
  for (const id of unique) {
    if (!index.has(id))
      throw createError(
        ERROR_CODES.UNKNOWN_ID,
        `removeAll() got an unknown id ${JSON.stringify(id) ?? describe(id)}: no document with this id is in the index; none was removed`,
        { id },
      )
  }
  return unique
}

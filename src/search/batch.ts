/**
 * Batches of documents (`addAll`, `addAllAsync`): read and checked in full before anything is
 * added, fields that no document has refused, and the chunked asynchronous add. @internal
 */
import { checkOptions, createError, ERROR_CODES, invalidOption, type FahrasError } from '../errors.js'
import { readDocument, type DocumentCopy, type DocumentShape } from './documents.js'
import type { AddAllOptions, AddAllAsyncOptions, DocumentId } from './options.js'

/** What a batch needs of the index. */
export interface BatchTarget {
  readonly shape: DocumentShape
  has(id: DocumentId): boolean
  /** Fields some document already added had: not reported missing from a later batch. */
  readonly seen: Set<string>
}

/**
 * Throws FAHRAS_INVALID_DOCUMENT when a field of `fields` or `storeFields` is in no document of
 * a non-empty batch nor in any document added before: a misspelled field name would otherwise
 * index nothing without a word. The error names the fields missing and those the first
 * document has; `allowMissingFields: true` accepts such a batch.
 */
function checkPresent(
  target: BatchTarget,
  copies: readonly DocumentCopy[],
  documents: readonly unknown[],
  where: string,
): void {
  const { fields, storeFields } = target.shape
  const missing = new Set([...fields, ...storeFields].filter((f) => !target.seen.has(f)))
  for (const { copy } of copies) {
    if (missing.size === 0) break
    for (const f of missing) if (Object.hasOwn(copy, f)) missing.delete(f)
  }
  if (missing.size === 0) return
  let present: string[] = []
  try {
    present = Object.keys(documents[0] as object)
  } catch {
    // the keys are only a hint
  }
  throw missingFields(where, [...missing], present)
}

/**
 * FAHRAS_INVALID_DOCUMENT for the fields of the options that no document has, naming them and the
 * fields the first document has (`addAll`, `packDocumentsAsync`). @internal
 */
export function missingFields(where: string, names: string[], present: string[]): FahrasError {
  return createError(
    ERROR_CODES.INVALID_DOCUMENT,
    `${where} found no document with the field${names.length > 1 ? 's' : ''} ${names.map((n) => `\`${n}\``).join(', ')} (named in \`fields\` or \`storeFields\`); the first document has ${present.map((n) => `\`${n}\``).join(', ') || 'no fields'}. Check the spelling, or pass { allowMissingFields: true }`,
    { fields: names, present },
  )
}

/**
 * Checks a batch: every document valid, no id twice, none already present, and every field of
 * the options in some document (unless `allowMissingFields`). Reads the array and each document
 * once and returns the checked copies, which are what gets added.
 */
export function readBatch(
  target: BatchTarget,
  documents: unknown,
  where: string,
  allowMissingFields = false,
): DocumentCopy[] {
  if (!Array.isArray(documents)) throw invalidOption(where, 'documents', 'an array of documents', documents)
  const seen = new Set<DocumentId>()
  const length = documents.length
  const copies: DocumentCopy[] = []
  for (let position = 0; position < length; position++) {
    let document: unknown
    try {
      document = documents[position]
    } catch (error) {
      throw Object.assign(
        createError(
          ERROR_CODES.INVALID_DOCUMENT,
          `${where} could not read document ${position}: ${(error as Error)?.message}`,
          { position },
        ),
        { cause: error },
      )
    }
    const checked = readDocument(document, target.shape, where, position)
    const { id } = checked
    if (target.has(id) || seen.has(id)) {
      throw createError(
        ERROR_CODES.DUPLICATE_ID,
        `${where} got a duplicate id ${JSON.stringify(id)} (document ${position}); no document of the batch was added`,
        { id, position },
      )
    }
    seen.add(id)
    copies.push(checked)
  }
  if (length > 0 && !allowMissingFields) checkPresent(target, copies, documents, where)
  return copies
}

/** Notes the fields that the added documents have. */
export function noteFields(target: BatchTarget, copies: readonly DocumentCopy[]): void {
  const { fields, storeFields } = target.shape
  for (const f of [...fields, ...storeFields]) {
    if (!target.seen.has(f) && copies.some(({ copy }) => Object.hasOwn(copy, f))) target.seen.add(f)
  }
}

/** Checks the options of `addAll`. */
export function addAllOptions(options: AddAllOptions | undefined, where: string): boolean {
  return checkOptions(options, where, { allowMissingFields: 'boolean' }).allowMissingFields === true
}

/** Checks the options of `addAllAsync`. */
export function addAllAsyncOptions(options: AddAllAsyncOptions | undefined) {
  const where = 'addAllAsync()'
  const given = checkOptions(options, where, {
    onProgress: 'function',
    signal: 'object',
    chunkSize: 'number',
    allowMissingFields: 'boolean',
  })
  const chunkSize = (given.chunkSize as number | undefined) ?? 500
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw invalidOption(where, 'chunkSize', 'an integer >= 1', chunkSize)
  return {
    chunkSize,
    onProgress: given.onProgress as AddAllAsyncOptions['onProgress'],
    signal: given.signal as AbortSignal | undefined,
    allowMissingFields: given.allowMissingFields === true,
  }
}

/**
 * Adds checked copies in chunks, yielding to the event loop between them. When the signal aborts,
 * or `onProgress` throws, the documents added until then stay and FAHRAS_ABORTED is thrown with
 * `added`, `total` and `addedIds` (and `cause`).
 */
export async function addInChunks(
  batch: readonly DocumentCopy[],
  target: BatchTarget,
  add: (copy: DocumentCopy) => void,
  { chunkSize, onProgress, signal }: ReturnType<typeof addAllAsyncOptions>,
): Promise<void> {
  const total = batch.length
  let added = 0
  const addedIds = () => batch.slice(0, added).map((d) => d.id)
  while (added < total) {
    if (signal?.aborted) {
      throw createError(
        ERROR_CODES.ABORTED,
        `addAllAsync() was aborted after adding ${added} of ${total} documents; they stay in the index`,
        { added, total, addedIds: addedIds() },
      )
    }
    const end = Math.min(total, added + chunkSize)
    for (let i = added; i < end; i++) {
      const checked = batch[i]!
      // a document with this id may have been added meanwhile by another call
      if (target.has(checked.id)) {
        throw createError(
          ERROR_CODES.DUPLICATE_ID,
          `addAllAsync() got a duplicate id ${JSON.stringify(checked.id)} (document ${i}), added meanwhile; ${added} documents were added before it`,
          { id: checked.id, position: i, added, addedIds: addedIds() },
        )
      }
      add(checked)
      added++
    }
    try {
      onProgress?.({ added, total })
    } catch (error) {
      const message = `addAllAsync() stopped: \`onProgress\` threw (${(error as Error)?.message ?? String(error)}) after ${added} of ${total} documents were added; they stay in the index`
      throw Object.assign(
        createError(ERROR_CODES.ABORTED, message, { added, total, addedIds: addedIds(), cause: error }),
        { cause: error },
      )
    }
    if (added < total) await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

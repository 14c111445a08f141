/**
 * Building a packed index straight from documents, without MiniSearch: `packDocuments` (an array,
 * all or none) and `packDocumentsAsync` (any iterable or async iterable, in chunks, with progress
 * and cancellation). The analysis and counts are `ArabicSearch`'s, so the packed index ranks as
 * an `ArabicSearch` with the same documents and options. @internal
 */
import { checkOptions, checkSignal, createError, ERROR_CODES, invalidOption } from '../errors.js'
import { addAllOptions, missingFields, readBatch } from './batch.js'
import { copyData, readDocument } from './documents.js'
import { resolveIndexOptions, type ResolvedIndexOptions } from './index-options.js'
import type { AddAllOptions, ArabicSearchOptions, DocumentId, FieldName } from './options.js'
import { documentCollector } from './packed/collect.js'
import { writePacked } from './packed/write.js'
import { FORMAT_NAME, INDEX_FORMAT_VERSION } from './saved-index.js'
import { settingsOf } from './saved-settings.js'

/** The JSON header of a packed index (the saved-index header without its engine part). @internal */
export function packedMeta(resolved: ResolvedIndexOptions<object>): object {
  return {
    format: FORMAT_NAME,
    version: INDEX_FORMAT_VERSION,
    analyzer: copyData(resolved.analyzer.options),
    fields: [...resolved.fields],
    storeFields: [...resolved.storeFields],
    idField: resolved.idField,
    exactBoost: resolved.exactBoost,
    settings: settingsOf(resolved.options, resolved.snippet),
  }
}

/**
 * The packed index of documents (what `PackedIndex.load` reads), built without MiniSearch: the
 * same as `new ArabicSearch(options)`, `addAll(documents)` and `pack()`, faster and in less
 * memory. `options` are `ArabicSearch`'s. All or none: the documents are checked first as
 * `addAll` checks them (`FAHRAS_MISSING_ID`, `FAHRAS_DUPLICATE_ID`, `FAHRAS_INVALID_DOCUMENT`,
 * a field in no document unless `{ allowMissingFields: true }`).
 *
 * @example
 * ```ts
 * const bytes = packDocuments(articles, { fields: ['title', 'text'], storeFields: ['title', 'text'] })
 * await writeFile('index.fahras', bytes)
 * ```
 */
export function packDocuments<T extends object, S extends FieldName<T> = FieldName<T>>(
  documents: readonly T[],
  options: ArabicSearchOptions<T, S>,
  addOptions?: AddAllOptions,
): Uint8Array {
  const where = 'packDocuments()'
  const resolved = resolveIndexOptions(options, where)
  const batch = readBatch(
    { shape: resolved, has: () => false, seen: new Set() },
    documents,
    where,
    addAllOptions(addOptions, where),
  )
  const collector = documentCollector(resolved)
  for (const checked of batch) collector.add(checked)
  return writePacked(collector.finish(packedMeta(resolved)))
}

/** Options of {@link packDocumentsAsync}. */
export interface PackAsyncOptions extends AddAllOptions {
  /** Called after each chunk with the number of documents read so far. */
  readonly onProgress?: (progress: { readonly added: number }) => void
  /** Cancels between chunks: the promise rejects with `FAHRAS_ABORTED` and nothing is returned. */
  readonly signal?: AbortSignal
  /** Documents read between two turns of the event loop. @default 500 */
  readonly chunkSize?: number
}

/** Tells whether a value is an object that is iterable or async iterable. @internal */
function isIterable(value: unknown): boolean {
  const iterable = value as Partial<AsyncIterable<unknown> & Iterable<unknown>> | null
  return (
    iterable !== null &&
    typeof iterable === 'object' &&
    (typeof iterable[Symbol.asyncIterator] === 'function' || typeof iterable[Symbol.iterator] === 'function')
  )
}

/** The default `chunkSize` of {@link packDocumentsAsync}. */
export const DEFAULT_PACK_CHUNK = 500

/**
 * {@link packDocuments} from any iterable or async iterable (a file read line by line, a
 * database cursor), without holding the documents: each is checked and analyzed as it comes,
 * with a turn of the event loop every `chunkSize` documents, `onProgress` after each chunk, and
 * `signal` to cancel (`FAHRAS_ABORTED`). A document that `addAll` would refuse rejects the
 * promise with the same code, naming its position.
 *
 * @example
 * ```ts
 * const bytes = await packDocumentsAsync(readJsonLines('docs.jsonl'), options, { onProgress: ({ added }) => log(added) })
 * ```
 */
export async function packDocumentsAsync<T extends object, S extends FieldName<T> = FieldName<T>>(
  documents: AsyncIterable<T> | Iterable<T>,
  options: ArabicSearchOptions<T, S>,
  packOptions: PackAsyncOptions = {},
): Promise<Uint8Array> {
  const where = 'packDocumentsAsync()'
  const given = checkOptions(packOptions, where, {
    onProgress: 'function',
    signal: 'object',
    chunkSize: 'number',
    allowMissingFields: 'boolean',
  })
  const chunkSize = (given.chunkSize as number | undefined) ?? DEFAULT_PACK_CHUNK
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw invalidOption(where, 'chunkSize', 'an integer >= 1', chunkSize)
  if (!isIterable(documents))
    throw invalidOption(where, 'documents', 'an iterable or async iterable of documents', documents)
  const onProgress = given.onProgress as PackAsyncOptions['onProgress']
  const signal = checkSignal(given.signal, where)
  const resolved = resolveIndexOptions(options, where)
  const collector = documentCollector(resolved)
  const ids = new Set<DocumentId>()
  const missing = new Set([...resolved.fields, ...resolved.storeFields])
  let first: string[] | undefined
  const progress = () => {
    try {
      onProgress?.({ added: collector.count })
    } catch (error) {
      throw Object.assign(
        createError(
          ERROR_CODES.ABORTED,
          `${where} stopped: \`onProgress\` threw (${(error as Error)?.message ?? String(error)}); nothing was packed`,
          { added: collector.count },
        ),
        { cause: error },
      )
    }
  }
  const aborted = () =>
    createError(ERROR_CODES.ABORTED, `${where} was aborted after ${collector.count} documents; nothing was packed`, {
      added: collector.count,
    })
  for await (const document of documents as AsyncIterable<T>) {
    if (signal?.aborted) throw aborted()
    const position = collector.count
    const checked = readDocument(document, resolved, where, position)
    if (ids.has(checked.id))
      throw createError(
        ERROR_CODES.DUPLICATE_ID,
        `${where} got a duplicate id ${JSON.stringify(checked.id)} (document ${position}); nothing was packed`,
        { id: checked.id, position },
      )
    ids.add(checked.id)
    first ??= Object.keys(checked.copy)
    for (const f of missing) if (Object.hasOwn(checked.copy, f)) missing.delete(f)
    collector.add(checked)
    if (collector.count % chunkSize === 0) {
      progress()
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (signal?.aborted) throw aborted()
    }
  }
  if (collector.count > 0 && missing.size > 0 && given.allowMissingFields !== true)
    throw missingFields(where, [...missing], first ?? [])
  if (collector.count % chunkSize !== 0) progress()
  return writePacked(collector.finish(packedMeta(resolved)))
}

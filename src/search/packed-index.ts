/**
 * `PackedIndex`: the read-only index over a packed index's bytes (docs/format.md), with the
 * analysis, query language, ranking, results and snippets of `ArabicSearch` (searcher.ts), and
 * no MiniSearch. @internal
 */
import type { ResolvedAnalyzerOptions } from '../analyze/analyze.js'
import { createError, describe, ERROR_CODES, isFahrasError } from '../errors.js'
import { resolveIndexOptions, type ResolvedIndexOptions } from './index-options.js'
import type {
  ArabicSearchOptions,
  DocumentId,
  FieldName,
  SearchOptions,
  SearchResult,
  StoredFields,
  Suggestion,
  SuggestOptions,
} from './options.js'
import { packedEngine } from './packed/engine.js'
import { openPacked, type PackedView } from './packed/reader.js'
import { builtWithOf, checkAgreement, mergeSavedOptions, readSavedHeader, resolveSavedAnalyzer } from './saved-index.js'
import { searchContext } from './search-context.js'
import { runDidYouMean, runSearch, runSuggest, type SearchContext } from './searcher.js'
import { storedCopy } from './stored.js'

const WHERE = 'PackedIndex.load()'

/** The bytes as a Uint8Array whose start is 8-byte aligned (a copy only when it is not). */
function bytesOf(input: unknown): Uint8Array {
  let bytes: Uint8Array
  if (input instanceof Uint8Array) bytes = input
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input)
  else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  else
    throw createError(
      ERROR_CODES.INVALID_ARGUMENT,
      `${WHERE} expected the bytes of a packed index (a Uint8Array or an ArrayBuffer), got ${describe(input)}`,
      {},
      'type',
    )
  return bytes.byteOffset % 8 === 0 ? bytes : bytes.slice()
}

/** Errors of the saved-index header reader, told as the packed loader's. */
function asPackedError(error: unknown): unknown {
  if (!isFahrasError(error)) return error
  const message = error.message
    .replace(/^fahras: /, '')
    .replace(/loadJSON\(\)( got a damaged saved index)?/, (_, damaged) =>
      damaged ? `${WHERE} got a damaged packed index` : WHERE,
    )
  return Object.assign(
    createError(error.code, message, (error as { details?: Record<string, unknown> }).details ?? {}),
    { cause: error },
  )
}

/**
 * A read-only search index over the bytes of a packed index, made by `ArabicSearch#pack()` or
 * {@link packDocuments}: the same analysis, query language, ranking, results and snippets as the
 * `ArabicSearch` it was packed from, with no MiniSearch. Loading checks the bytes (a CRC-32 per
 * section) and reads them where searches need them, without building objects.
 *
 * @example
 * ```ts
 * const bytes = index.pack()                       // or packDocuments(docs, options)
 * const packed = PackedIndex.load(bytes)
 * packed.search('الشراكة الاستراتيجية')[0].snippets.text?.html
 * // a caller that keeps the text elsewhere:
 * PackedIndex.load(bytes, { getText: (id, field) => texts.get(id)?.[field] })
 * ```
 */
export class PackedIndex<T extends object = Record<string, unknown>, S extends FieldName<T> = FieldName<T>> {
  readonly #view: PackedView
  readonly #resolved: ResolvedIndexOptions<ArabicSearchOptions<T, S>>
  readonly #context: SearchContext

  private constructor(
    view: PackedView,
    resolved: ResolvedIndexOptions<ArabicSearchOptions<T, S>>,
    fields: readonly string[],
  ) {
    this.#view = view
    this.#resolved = resolved
    const fieldNumbers = new Map(fields.map((name, f) => [name, f]))
    this.#context = searchContext(
      resolved,
      packedEngine(view, fieldNumbers, (doc) => view.storedAt(doc)),
    )
  }

  /**
   * Opens the bytes of a packed index. `options` may be left out: everything that changes results
   * was packed; the function options (`getText`, `searchOptions.filter`,
   * `searchOptions.boostDocument`) are given here, and any other option given must agree with
   * the packed one (`FAHRAS_ANALYZER_MISMATCH`). Damaged, truncated or extended bytes throw
   * `FAHRAS_INVALID_INDEX` naming the problem; another format version throws
   * `FAHRAS_INDEX_VERSION_MISMATCH`.
   *
   * @example
   * ```ts
   * const packed = PackedIndex.load(await readFile('index.fahras'))
   * const inBrowser = PackedIndex.load(await (await fetch('/index.fahras')).arrayBuffer())
   * ```
   */
  static load<T extends object = Record<string, unknown>, S extends FieldName<T> = FieldName<T>>(
    bytes: Uint8Array | ArrayBuffer,
    options?: Partial<ArabicSearchOptions<T, S>>,
  ): PackedIndex<T, S> {
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      throw createError(
        ERROR_CODES.INVALID_OPTION,
        `${WHERE} expected \`options\` to be an object of index options, got ${describe(options)}`,
        { option: 'options' },
        'type',
      )
    }
    const view = openPacked(bytesOf(bytes), WHERE)
    try {
      const header = readSavedHeader({ ...view.meta, index: null })
      if (header.fields.length !== view.fieldCount)
        throw createError(
          ERROR_CODES.INVALID_INDEX,
          `${WHERE} got a damaged packed index: its header names ${header.fields.length} fields, its lengths are for ${view.fieldCount}`,
        )
      const savedAnalyzer = resolveSavedAnalyzer(header)
      const merged = mergeSavedOptions<ArabicSearchOptions<T, S>>(header, savedAnalyzer, options)
      const resolved = resolveIndexOptions(merged, WHERE)
      checkAgreement(header, savedAnalyzer, builtWithOf(resolved))
      return new PackedIndex<T, S>(view, resolved, header.fields)
    } catch (error) {
      throw asPackedError(error)
    }
  }

  /** The number of documents in the index. */
  get documentCount(): number {
    return this.#view.documentCount
  }

  /** The indexed fields, in the order they were packed. */
  get fields(): readonly string[] {
    return [...this.#resolved.fields]
  }

  /** The stored fields. */
  get storeFields(): readonly string[] {
    return [...this.#resolved.storeFields]
  }

  /** The resolved analyzer options the index was packed with. */
  get analyzerOptions(): ResolvedAnalyzerOptions {
    return this.#resolved.analyzer.options
  }

  /** Tells whether a document with this id is in the index. */
  has(id: DocumentId): boolean {
    return this.#view.docOf(id) >= 0
  }

  /**
   * The stored fields of a document (a copy), or `undefined` when the id is not in the index.
   *
   * @example
   * ```ts
   * packed.getStoredFields('a1') // → { title: 'بغداد' }
   * ```
   */
  getStoredFields(id: DocumentId): StoredFields<T, S> | undefined {
    const doc = this.#view.docOf(id)
    if (doc < 0) return undefined
    return storedCopy(this.#view.storedAt(doc), this.#resolved.storeFields) as StoredFields<T, S>
  }

  /**
   * Searches the index: the query language, options, results and snippets of
   * `ArabicSearch#search`, with the same ranking.
   *
   * @example
   * ```ts
   * packed.search('"وزير الدفاع" -داعش', { limit: 5 })
   * ```
   */
  search<F extends FieldName<T> = FieldName<T>>(
    query: string,
    searchOptions?: SearchOptions<T, F>,
  ): SearchResult<T, S, F>[] {
    return runSearch(this.#context, query, searchOptions as SearchOptions<never> | undefined) as never
  }

  /**
   * Completions for search as you type, as `ArabicSearch#suggest`.
   *
   * @example
   * ```ts
   * packed.suggest('الشرا') // → [{ suggestion: 'الشراكة', terms: ['الشراكه'], score: … }, …]
   * ```
   */
  suggest<F extends FieldName<T> = FieldName<T>>(query: string, options: SuggestOptions<T, F> = {}): Suggestion[] {
    return runSuggest(this.#context, query, options as SuggestOptions<never>)
  }

  /**
   * "Did you mean", as `ArabicSearch#didYouMean`.
   *
   * @example
   * ```ts
   * packed.didYouMean('بغدد') // → 'بغداد'
   * ```
   */
  didYouMean(query: string, searchOptions?: SearchOptions<T>): string | null {
    return runDidYouMean(this.#context, query, searchOptions as SearchOptions<never> | undefined)
  }
}

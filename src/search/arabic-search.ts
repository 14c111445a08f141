import MiniSearch from 'minisearch'
import type { ResolvedAnalyzerOptions } from '../analyze/analyze.js'
import { builtWithOf, checkRoom, snapshotEngine, type EngineJSON, type SavedIndex } from './saved-index.js'
import { loadIndex, loadIndexAsync, type IndexAccess } from './load-index.js'
import { checkKnownId, checkNewId, knownIds } from './id-checks.js'
import { averagesAsIfFresh, scoreWithoutDirt } from './engine-dirt.js'
import { readDocument, type DocumentCopy } from './documents.js'
import { addAllAsyncOptions, addAllOptions, addInChunks, noteFields, readBatch, type BatchTarget } from './batch.js'
import { storedCopy } from './stored.js'
import { resolveIndexOptions, type ResolvedIndexOptions } from './index-options.js'
import { miniEngine } from './mini-engine.js'
import { miniOptions } from './mini-options.js'
import { packedMeta } from './pack.js'
import { fromEngine } from './packed/collect.js'
import { writePacked } from './packed/write.js'
import { searchContext, type SearchContext, type SearchEngine } from './search-context.js'
import { runDidYouMean, runSearch, runSuggest } from './searcher.js'
import type {
  AddAllAsyncOptions,
  AddAllOptions,
  ArabicSearchOptions,
  DocumentId,
  FieldName,
  LoadAsyncOptions,
  SearchOptions,
  SearchResult,
  StoredFields,
  Suggestion,
  SuggestOptions,
} from './options.js'

/**
 * A full-text search index for Arabic documents: analysis (normalize → tokenize → stop words →
 * stem) applied the same way to documents and queries, BM25+ ranking through MiniSearch, and
 * highlighted snippets cut from the original text.
 *
 * @example
 * ```ts
 * const index = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
 * index.add({ id: 1, title: 'العراق', text: 'تعهّد العراقُ بالحفاظ على الشراكة الاستراتيجية.' })
 * const [hit] = index.search('الشراكه الاستراتيجيه')
 * hit.id                  // → 1
 * hit.snippets.text?.html // → 'تعهّد العراقُ بالحفاظ على <mark>الشراكة</mark> <mark>الاستراتيجية</mark>.'
 * ```
 */
export class ArabicSearch<T extends object = Record<string, unknown>, S extends FieldName<T> = FieldName<T>> {
  /** The options as resolved at construction (index-options.ts). */
  readonly #resolved: ResolvedIndexOptions<ArabicSearchOptions<T, S>>
  #mini!: MiniSearch
  #engine!: SearchEngine
  /** Documents were removed since the averages were last made fresh. */
  #averagesStale = false
  /** Fields that some document added had (batch.ts: a field in none is reported). */
  #seen = new Set<string>()

  constructor(options: ArabicSearchOptions<T, S>) {
    this.#resolved = resolveIndexOptions(options, 'new ArabicSearch()')
    this.#setEngine(new MiniSearch(miniOptions(this.#resolved)))
  }

  /** Puts a MiniSearch engine in place (scores without dirt, see engine-dirt.ts). */
  #setEngine(mini: MiniSearch): void {
    this.#mini = scoreWithoutDirt(mini)
    this.#engine = miniEngine(this.#mini)
  }

  /**
   * After removals, MiniSearch's average field lengths are set to what a fresh index of the live
   * documents has (engine-dirt.ts), once, before the next read that ranks (not at each removal:
   * removing in a loop stays linear).
   */
  #freshAverages(): void {
    if (!this.#averagesStale) return
    averagesAsIfFresh(this.#mini)
    this.#averagesStale = false
  }

  /** The index as the search functions (searcher.ts) see it. */
  get #context(): SearchContext {
    this.#freshAverages()
    return searchContext(this.#resolved, this.#engine)
  }

  /** The number of documents in the index. */
  get documentCount(): number {
    return this.#mini.documentCount
  }

  /** The resolved analyzer options (what a saved index records). */
  get analyzerOptions(): ResolvedAnalyzerOptions {
    return this.#resolved.analyzer.options
  }

  /** Tells whether a document with this id is in the index. */
  has(id: DocumentId): boolean {
    return this.#mini.has(id)
  }

  /**
   * Adds a document. Throws `FAHRAS_DUPLICATE_ID` if its id is already in the index,
   * `FAHRAS_MISSING_ID` without an id, `FAHRAS_INVALID_DOCUMENT` for a field holding an object.
   *
   * @example
   * ```ts
   * index.add({ id: 'a1', title: 'بغداد', text: 'عاصمة العراق' })
   * ```
   */
  add(document: T): void {
    // read once into a checked copy (documents.ts), which is what is added: a getter cannot change
    // a value between the check and the add, and no reference is kept
    const { id, copy } = readDocument(document, this.#resolved, 'add()')
    checkNewId(this.#mini, id, 'add()')
    checkRoom(this.#mini, 1, 'add()')
    this.#mini.add(copy)
    for (const key of Object.keys(copy)) this.#seen.add(key)
  }

  /** What batch.ts needs of the index. */
  get #target(): BatchTarget {
    return {
      shape: this.#resolved,
      has: (id) => this.#mini.has(id),
      seen: this.#seen,
    }
  }

  /** Checks a whole batch (batch.ts), all or none, and returns the checked copies. */
  #readBatch(documents: unknown, where: string, allowMissingFields: boolean): DocumentCopy[] {
    const batch = readBatch(this.#target, documents, where, allowMissingFields)
    checkRoom(this.#mini, batch.length, where)
    return batch
  }

  /**
   * Adds documents, all or none: the whole batch is checked first, and an error names the first
   * bad document (its position and id) and leaves the index as it was. A field of `fields` or
   * `storeFields` that no document of a non-empty batch has (nor any document added before) is
   * taken for a misspelling: `FAHRAS_INVALID_DOCUMENT` naming it and the fields the first
   * document has, unless `{ allowMissingFields: true }`.
   *
   * @example
   * ```ts
   * index.addAll([{ id: 1, text: 'الكتاب' }, { id: 2, text: 'القلم' }])
   * index.addAll(drafts, { allowMissingFields: true }) // no draft has a `summary` yet
   * ```
   */
  addAll(documents: readonly T[], options?: AddAllOptions): void {
    const batch = this.#readBatch(documents, 'addAll()', addAllOptions(options, 'addAll()'))
    for (const { copy } of batch) this.#mini.add(copy)
    noteFields(this.#target, batch)
  }

  /**
   * Adds documents in chunks, yielding to the event loop between them, with progress and
   * cancellation. The batch is checked and copied first (all or none, and fields in no document
   * refused, as {@link addAll}): later changes to the array or its documents do not reach the
   * index. When the signal aborts, or `onProgress` throws, the documents added until then stay in
   * the index and the promise rejects with `FAHRAS_ABORTED`, whose `details` give `added` (how
   * many) and `addedIds` (and `cause`, the error `onProgress` threw).
   *
   * @example
   * ```ts
   * await index.addAllAsync(docs, { onProgress: ({ added, total }) => console.log(added, total) })
   * ```
   */
  async addAllAsync(documents: readonly T[], options: AddAllAsyncOptions = {}): Promise<void> {
    const checked = addAllAsyncOptions(options)
    // the checked copies: the caller's array is not read again
    const batch = this.#readBatch(documents, 'addAllAsync()', checked.allowMissingFields)
    try {
      await addInChunks(batch, this.#target, ({ copy }) => this.#mini.add(copy), checked)
    } finally {
      noteFields(
        this.#target,
        batch.filter(({ id }) => this.#mini.has(id)),
      )
    }
  }

  /**
   * Removes the document with this id. Throws `FAHRAS_UNKNOWN_ID` when there is none.
   *
   * @example
   * ```ts
   * index.remove('a1')
   * ```
   */
  remove(id: DocumentId): void {
    checkKnownId(this.#mini, id, 'remove()')
    this.#mini.discard(id)
    this.#averagesStale = true
  }

  /**
   * Removes the documents with these ids, all or none: throws `FAHRAS_UNKNOWN_ID` (naming the
   * first unknown id) before removing any. Without ids, empties the index.
   *
   * @example
   * ```ts
   * index.removeAll(['a1', 'a2'])
   * index.removeAll() // every document
   * ```
   */
  removeAll(ids?: readonly DocumentId[]): void {
    if (ids === undefined) {
      this.#setEngine(new MiniSearch(miniOptions(this.#resolved)))
      this.#seen.clear()
      return
    }
    for (const id of knownIds(this.#mini, ids)) this.#mini.discard(id)
    this.#averagesStale = true
  }

  /**
   * The stored fields of a document (a copy), or `undefined` when the id is not in the index.
   *
   * @example
   * ```ts
   * index.getStoredFields('a1') // → { title: 'بغداد' }
   * ```
   */
  getStoredFields(id: DocumentId): StoredFields<T, S> | undefined {
    if (!this.#mini.has(id)) return undefined
    return storedCopy(this.#mini.getStoredFields(id), this.#resolved.storeFields) as StoredFields<T, S>
  }

  /**
   * Replaces the document that has the same id. Throws `FAHRAS_UNKNOWN_ID` when there is none.
   *
   * @example
   * ```ts
   * index.replace({ id: 'a1', title: 'بغداد', text: 'عاصمة العراق وأكبر مدنه' })
   * ```
   */
  replace(document: T): void {
    const { id, copy } = readDocument(document, this.#resolved, 'replace()')
    checkKnownId(this.#mini, id, 'replace()')
    checkRoom(this.#mini, 1, 'replace()')
    this.#mini.discard(id)
    this.#mini.add(copy)
    this.#averagesStale = true
    for (const key of Object.keys(copy)) this.#seen.add(key)
  }

  /**
   * Searches the index. Plain words combine with OR (or AND); `"exact phrase"`, `-word` to
   * exclude and `word*` for a prefix are understood. Results are best first, with snippets for the
   * returned page only. A query of only stop words, diacritics or punctuation returns `[]`.
   * A phrase is checked against the text of the documents that have all its words, best scores
   * first, each document's fields analyzed once whatever the number of phrases; repeated
   * phrases count once, and at most `MAX_PHRASE_CANDIDATES` documents are checked.
   *
   * @example
   * ```ts
   * index.search('الشراكة الاستراتيجية', { limit: 10 })
   * index.search('"وزير الدفاع" -داعش', { combineWith: 'AND' })
   * ```
   */
  search<F extends FieldName<T> = FieldName<T>>(
    query: string,
    searchOptions?: SearchOptions<T, F>,
  ): SearchResult<T, S, F>[] {
    return runSearch(this.#context, query, searchOptions as SearchOptions<never> | undefined) as never
  }

  /**
   * Completions for search as you type: the last word of the query is completed with words of
   * the index, the words before it narrow the documents. Best first.
   *
   * Bounded as {@link search}: a last word shorter than `MIN_PREFIX_LENGTH` gets no completion,
   * repeated words of the head count once and at most `MAX_QUERY_TERMS` are searched, and at most
   * 3 × `limit` completions are looked up as written (each document read once). Takes the
   * search options that choose and rank documents (`fields`, `boost`, `filter`, `boostDocument`,
   * `bm25`; `fuzzy`, `prefix` and `combineWith` for the words before the last), checked as
   * {@link search} checks them; only the documents `filter` keeps give suggestions. Throws
   * `FAHRAS_INVALID_OPTION` when `limit` is not an integer from 0 to `MAX_SUGGESTIONS` (100), or
   * for an option {@link search} would refuse.
   *
   * @example
   * ```ts
   * index.suggest('الشرا') // → [{ suggestion: 'الشراكة', terms: ['الشراكه'], score: … }, …]
   * index.suggest('وزير الد', { filter: (r) => r.section === 'politics', fuzzy: 1 })
   * ```
   */
  suggest<F extends FieldName<T> = FieldName<T>>(query: string, options: SuggestOptions<T, F> = {}): Suggestion[] {
    return runSuggest(this.#context, query, options as SuggestOptions<never>)
  }

  /**
   * "Did you mean": the query with each word that the index does not hold replaced by the closest
   * written word of the index (1 edit for words up to 4 letters, 2 beyond; the most frequent of
   * the closest), spelled as the documents write it; operators, quotes and the other words are
   * kept. Returns null when no word needed or found a correction, or when the corrected query,
   * searched with `searchOptions`, would find nothing. Meant as the fallback when `search()`
   * finds nothing; at most `MAX_EXPANDED_TERMS` words are corrected.
   *
   * @example
   * ```ts
   * index.search('بغدد')      // → []
   * index.didYouMean('بغدد')  // → 'بغداد'
   * ```
   */
  didYouMean(query: string, searchOptions?: SearchOptions<T>): string | null {
    return runDidYouMean(this.#context, query, searchOptions as SearchOptions<never> | undefined)
  }

  /**
   * The saved form of the index (what `JSON.stringify(index)` writes): versioned, with the
   * analyzer options it was built with. A snapshot: it shares nothing with the index, so later
   * changes to either do not reach the other.
   */
  toJSON(): SavedIndex {
    this.#freshAverages()
    // the header is the packed index's (pack.ts), the engine part MiniSearch's
    return {
      ...packedMeta(this.#resolved),
      index: snapshotEngine(this.#mini.toJSON() as unknown as EngineJSON),
    } as SavedIndex
  }

  /**
   * The packed form of the index (docs/format.md), stored fields included: the bytes that
   * `PackedIndex.load` opens into a read-only index that answers every query as this one does,
   * smaller, loaded at once and searched without MiniSearch. A snapshot, as {@link toJSON}.
   *
   * @example
   * ```ts
   * const bytes = index.pack()
   * PackedIndex.load(bytes).search('الكتاب') // the results of index.search('الكتاب')
   * ```
   */
  pack(): Uint8Array {
    this.#freshAverages()
    const resolved = this.#resolved
    return writePacked(fromEngine(this.#mini.toJSON() as unknown as EngineJSON, resolved, packedMeta(resolved)))
  }

  /**
   * Loads a saved index (format 2, or 1). `options` may be left out: every option that changes
   * results was saved (fields, stored fields, id field, analyzer options, `exactBoost`, `boost`,
   * `searchOptions`, `snippet`), and a loaded index answers every query as the one saved. Options
   * given must agree with the saved ones, else `FAHRAS_ANALYZER_MISMATCH` names the difference;
   * the function options the index was built with (`getText`, `searchOptions.filter`,
   * `searchOptions.boostDocument`) cannot be saved and must be given again (`searchOptions` is
   * merged over the saved one, so `{ searchOptions: { filter } }` is enough). Other versions
   * throw `FAHRAS_INDEX_VERSION_MISMATCH`; damaged input throws `FAHRAS_INVALID_INDEX`.
   *
   * @example
   * ```ts
   * const again = ArabicSearch.loadJSON(JSON.stringify(index))
   * const withText = ArabicSearch.loadJSON(json, { getText: (id, field) => texts.get(id)?.[field] })
   * ```
   */
  static loadJSON<T extends object = Record<string, unknown>, S extends FieldName<T> = FieldName<T>>(
    json: string | object,
    options?: Partial<ArabicSearchOptions<T, S>>,
  ): ArabicSearch<T, S> {
    return loadIndex(json, options, ArabicSearch.#access as IndexAccess<ArabicSearch<T, S>>)
  }

  /**
   * {@link loadJSON} without blocking the event loop for long: the saved index is checked in
   * chunks of `chunkSize` entries (terms, documents), yielding to the event loop between them,
   * and the engine is built the same way. The JSON text itself is parsed in one go (give the
   * parsed object to spread that out too). `signal` cancels it between chunks: the promise
   * rejects with `FAHRAS_ABORTED`. Same checks and errors as {@link loadJSON}.
   *
   * @example
   * ```ts
   * const index = await ArabicSearch.loadJSONAsync(await response.text(), undefined, { signal })
   * ```
   */
  static loadJSONAsync<T extends object = Record<string, unknown>, S extends FieldName<T> = FieldName<T>>(
    json: string | object,
    options?: Partial<ArabicSearchOptions<T, S>>,
    loadOptions?: LoadAsyncOptions,
  ): Promise<ArabicSearch<T, S>> {
    return loadIndexAsync(json, options, loadOptions, ArabicSearch.#access as IndexAccess<ArabicSearch<T, S>>)
  }

  /** What load-index.ts needs of the class. */
  static #access: IndexAccess<ArabicSearch> = {
    build: (options) => new ArabicSearch(options as ArabicSearchOptions),
    builtWith: (index) => builtWithOf(index.#resolved),
    engineOptions: (index) => miniOptions(index.#resolved),
    install: (index, engine) => {
      index.#setEngine(engine)
      // a loaded index's fields count as seen (batch.ts)
      const { fields, storeFields } = index.#resolved
      if (engine.documentCount > 0) for (const f of [...fields, ...storeFields]) index.#seen.add(f)
    },
  }
}

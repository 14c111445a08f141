import MiniSearch, { type Query as MiniQuery, type SearchResult as MiniResult } from 'minisearch'
import { createAnalyzer, type Analyzer, type ResolvedAnalyzerOptions } from '../analyze/analyze.js'
import { assertString, checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import { bestSnippets, resolveSnippetOptions, type Match, type ResolvedSnippetOptions, type Snippet } from '../highlight/highlight.js'
import { type QueryUnit } from './query.js'
import { engineQuery, MAX_FUZZY_DISTANCE, MAX_QUERY_TERMS, MAX_SUGGESTIONS, MIN_PREFIX_LENGTH, planQuery, queryUnits, uniqueUnits, type QueryShape } from './query-plan.js'
import { MAX_PHRASE_CANDIDATES, phraseMatcher } from './phrases.js'
import { engineFields } from './field-boosts.js'
import { addWrittenForms, rankCompletions, wordsByDocument } from './completions.js'
import { checkAgreement, checkRoom, FORMAT_NAME, INDEX_FORMAT_VERSION, mergeSavedOptions, readEngine, readSavedHeader, resolveSavedAnalyzer, snapshotEngine, type EngineJSON, type SavedIndex } from './saved-index.js'
import { checkFieldNames, copyData, readDocument, type DocumentCopy } from './documents.js'
import type { AddAllAsyncOptions, ArabicSearchOptions, BM25Params, DocumentId, SearchOptions, SearchResult, Suggestion } from './options.js'

/** Prefix of the index terms that hold a word's written (normalized, unstemmed) form. */
const SURFACE = '\u0001'
export { INDEX_FORMAT_VERSION }

export { MAX_QUERY_TERMS, MIN_PREFIX_LENGTH, MAX_FUZZY_DISTANCE, MAX_EXPANDED_TERMS, MAX_SUGGESTIONS } from './query-plan.js'
export { MAX_PHRASE_CANDIDATES } from './phrases.js'

const OPTIONS_SCHEMA = {
  fields: 'string[]', storeFields: 'string[]', idField: 'string', boost: 'object', exactBoost: 'number',
  getText: 'function', snippet: 'object', searchOptions: 'object',
  normalize: 'object', stopWords: 'any', extraStopWords: 'string[]', stem: 'boolean', keep: 'string[]',
} as const
const SEARCH_SCHEMA = {
  limit: 'number', offset: 'number', combineWith: 'string', prefix: 'boolean', fuzzy: 'any', fields: 'string[]',
  boost: 'object', filter: 'function', snippets: 'any', bm25: 'object',
} as const

type Unit = QueryUnit

const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined)

function invalidOption(where: string, option: string, expected: string, value: unknown) {
  return createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`${option}\` to be ${expected}, got ${describe(value)}`, { option }, 'type')
}

function checkWeights(where: string, option: string, weights: unknown, fields: readonly string[]) {
  if (weights === undefined) return
  const known = new Set(fields)
  for (const [field, weight] of Object.entries(weights as Record<string, unknown>)) {
    if (!known.has(field)) throw invalidOption(where, `${option}.${field}`, `one of the indexed fields (${fields.join(', ')})`, field)
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) throw invalidOption(where, `${option}.${field}`, 'a finite number >= 0', weight)
  }
}

/**
 * MiniSearch leaves the postings of removed documents in place ("dirt") and skips them while it
 * scores, after it has counted them in the term's document frequency: the first search after a
 * removal then scores differently from the next ones, and from the same index saved and loaded.
 * This drops the postings of removed documents from a term's data before MiniSearch scores it,
 * so scores never depend on the history of the index. (It reaches into MiniSearch 7 internals,
 * and does nothing if they are not there.)
 */
function scoreWithoutDirt(mini: MiniSearch): MiniSearch {
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
 * hit.snippets.text.html  // → 'تعهّد العراقُ بالحفاظ على <mark>الشراكة</mark> <mark>الاستراتيجية</mark>.'
 * ```
 */
export class ArabicSearch<T extends object = Record<string, unknown>> {
  readonly #options: ArabicSearchOptions<T>
  readonly #analyzer: Analyzer
  readonly #fields: readonly string[]
  readonly #storeFields: readonly string[]
  readonly #idField: string
  readonly #exactBoost: number
  readonly #snippet: ResolvedSnippetOptions
  #mini: MiniSearch

  constructor(options: ArabicSearchOptions<T>) {
    const where = 'new ArabicSearch()'
    if (options === undefined || options === null || typeof options !== 'object') {
      throw invalidOption(where, 'options', 'an object with at least `fields`', options)
    }
    const given = checkOptions(options, where, OPTIONS_SCHEMA)
    const fields = given.fields as string[] | undefined
    if (fields === undefined || fields.length === 0) throw invalidOption(where, 'fields', 'a non-empty array of field names', fields)
    const storeFields = (given.storeFields as string[] | undefined) ?? []
    const idField = (given.idField as string | undefined) ?? 'id'
    checkFieldNames(where, 'fields', fields, idField)
    checkFieldNames(where, 'idField', [idField], idField)
    checkFieldNames(where, 'storeFields', storeFields, idField)
    checkWeights(where, 'boost', given.boost, fields)
    const exactBoost = (given.exactBoost as number | undefined) ?? 0.5
    if (!Number.isFinite(exactBoost) || exactBoost < 0) throw invalidOption(where, 'exactBoost', 'a finite number >= 0', exactBoost)
    this.#options = options
    this.#analyzer = createAnalyzer(
      { normalize: options.normalize, stopWords: options.stopWords, extraStopWords: options.extraStopWords, stem: options.stem, keep: options.keep },
      where,
    )
    this.#fields = [...new Set(fields)]
    this.#storeFields = [...new Set(storeFields)]
    this.#idField = idField
    this.#exactBoost = exactBoost
    this.#snippet = resolveSnippetOptions(options.snippet, `${where} option \`snippet\``)
    if (options.searchOptions !== undefined) this.#checkSearchOptions(options.searchOptions, `${where} option \`searchOptions\``)
    this.#mini = scoreWithoutDirt(new MiniSearch(this.#miniOptions()))
  }

  #miniOptions() {
    const analyzer = this.#analyzer
    const exact = this.#exactBoost > 0
    const indexTerms = new Map<string, string | string[] | null>()
    return {
      fields: [...this.#fields],
      storeFields: [...this.#storeFields],
      idField: this.#idField,
      extractField: (document: object, field: string) => own(document, field),
      stringifyField: (value: unknown) => String(value),
      // Documents: the normalized words; queries arrive already analyzed (one term a leaf).
      tokenize: (text: string) => analyzer.words(text),
      // one analysis per distinct word: the terms of a word are computed once and reused
      processTerm: (word: string) => {
        let terms = indexTerms.get(word)
        if (terms === undefined) {
          const term = analyzer.termOf(word)
          terms = term === null ? null : exact && term !== word ? [term, SURFACE + word] : term
          if (indexTerms.size >= 100_000) indexTerms.clear()
          indexTerms.set(word, terms)
        }
        return terms
      },
      searchOptions: {
        tokenize: (query: string) => [query],
        processTerm: (term: string) => term,
      },
      logger: () => {},
    }
  }

  /** The number of documents in the index. */
  get documentCount(): number {
    return this.#mini.documentCount
  }

  /** The resolved analyzer options (what a saved index records). */
  get analyzerOptions(): ResolvedAnalyzerOptions {
    return this.#analyzer.options
  }

  /** Tells whether a document with this id is in the index. */
  has(id: DocumentId): boolean {
    return this.#mini.has(id)
  }

  /** Checks a document and returns its id; throws a coded error naming the field and the id. */
  /**
   * Reads a document once into a checked copy (see documents.ts): the copy is what is added, so
   * a getter cannot change a value between the check and the add, and no reference is kept.
   */
  #validate(document: unknown, where: string, position?: number): DocumentCopy {
    return readDocument(document, { idField: this.#idField, fields: this.#fields, storeFields: this.#storeFields }, where, position)
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
    const { id, copy } = this.#validate(document, 'add()')
    if (this.#mini.has(id)) throw createError(ERROR_CODES.DUPLICATE_ID, `add() got a duplicate id ${JSON.stringify(id)}: a document with this id is already in the index`, { id })
    checkRoom(this.#mini, 1, 'add()')
    this.#mini.add(copy)
  }

  /**
   * Checks a batch: every document valid, no id twice, none already present. Reads the array and
   * each document once and returns the checked copies, which are what gets added.
   */
  #validateBatch(documents: unknown, where: string): DocumentCopy[] {
    if (!Array.isArray(documents)) throw invalidOption(where, 'documents', 'an array of documents', documents)
    const seen = new Set<DocumentId>()
    const length = documents.length
    const copies: DocumentCopy[] = []
    for (let position = 0; position < length; position++) {
      let document: unknown
      try {
        document = documents[position]
      } catch (error) {
        throw Object.assign(createError(ERROR_CODES.INVALID_DOCUMENT, `${where} could not read document ${position}: ${(error as Error)?.message}`, { position }), { cause: error })
      }
      const checked = this.#validate(document, where, position)
      const { id } = checked
      if (this.#mini.has(id) || seen.has(id)) {
        throw createError(ERROR_CODES.DUPLICATE_ID, `${where} got a duplicate id ${JSON.stringify(id)} (document ${position}); no document of the batch was added`, { id, position })
      }
      seen.add(id)
      copies.push(checked)
    }
    checkRoom(this.#mini, copies.length, where)
    return copies
  }

  /**
   * Adds documents, all or none: the whole batch is checked first, and an error names the first
   * bad document (its position and id) and leaves the index as it was.
   *
   * @example
   * ```ts
   * index.addAll([{ id: 1, text: 'الكتاب' }, { id: 2, text: 'القلم' }])
   * ```
   */
  addAll(documents: readonly T[]): void {
    for (const { copy } of this.#validateBatch(documents, 'addAll()')) this.#mini.add(copy)
  }

  /**
   * Adds documents in chunks, yielding to the event loop between them, with progress and
   * cancellation. The batch is checked and copied first (all or none, as {@link addAll}): later
   * changes to the array or its documents do not reach the index. When the signal aborts, or
   * `onProgress` throws, the documents added until then stay in the index and the promise
   * rejects with `FAHRAS_ABORTED`, whose `details` give `added` (how many) and `addedIds` (and
   * `cause`, the error `onProgress` threw).
   *
   * @example
   * ```ts
   * await index.addAllAsync(docs, { onProgress: ({ added, total }) => console.log(added, total) })
   * ```
   */
  async addAllAsync(documents: readonly T[], options: AddAllAsyncOptions = {}): Promise<void> {
    const given = checkOptions(options, 'addAllAsync()', { onProgress: 'function', signal: 'object', chunkSize: 'number' })
    const chunkSize = (given.chunkSize as number | undefined) ?? 500
    if (!Number.isInteger(chunkSize) || chunkSize < 1) throw invalidOption('addAllAsync()', 'chunkSize', 'an integer >= 1', chunkSize)
    const onProgress = given.onProgress as AddAllAsyncOptions['onProgress']
    const signal = given.signal as AbortSignal | undefined
    // the checked copies: the caller's array is not read again
    const batch = this.#validateBatch(documents, 'addAllAsync()')
    const total = batch.length
    let added = 0
    const addedIds = () => batch.slice(0, added).map((d) => d.id)
    while (added < total) {
      if (signal?.aborted) {
        throw createError(ERROR_CODES.ABORTED, `addAllAsync() was aborted after adding ${added} of ${total} documents; they stay in the index`, { added, total, addedIds: addedIds() })
      }
      const end = Math.min(total, added + chunkSize)
      for (let i = added; i < end; i++) {
        const { id, copy } = batch[i]!
        // a document with this id may have been added meanwhile by another call
        if (this.#mini.has(id)) {
          throw createError(ERROR_CODES.DUPLICATE_ID, `addAllAsync() got a duplicate id ${JSON.stringify(id)} (document ${i}), added meanwhile; ${added} documents were added before it`, { id, position: i, added, addedIds: addedIds() })
        }
        this.#mini.add(copy)
        added++
      }
      try {
        onProgress?.({ added, total })
      } catch (error) {
        const message = `addAllAsync() stopped: \`onProgress\` threw (${(error as Error)?.message ?? String(error)}) after ${added} of ${total} documents were added; they stay in the index`
        throw Object.assign(createError(ERROR_CODES.ABORTED, message, { added, total, addedIds: addedIds(), cause: error }), { cause: error })
      }
      if (added < total) await new Promise((resolve) => setTimeout(resolve, 0))
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
    if (!this.#mini.has(id)) throw createError(ERROR_CODES.UNKNOWN_ID, `remove() got an unknown id ${JSON.stringify(id)}: no document with this id is in the index`, { id })
    this.#mini.discard(id)
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
    const { id, copy } = this.#validate(document, 'replace()')
    if (!this.#mini.has(id)) throw createError(ERROR_CODES.UNKNOWN_ID, `replace() got an unknown id ${JSON.stringify(id)}: no document with this id is in the index`, { id })
    checkRoom(this.#mini, 1, 'replace()')
    this.#mini.discard(id)
    this.#mini.add(copy)
  }

  /** The fields of a search option, each one of the indexed fields (checked in linear time). */
  #checkFields(where: string, fields: readonly string[]): string[] {
    const indexed = new Set(this.#fields)
    for (const f of fields) if (!indexed.has(f)) throw invalidOption(where, 'fields', `indexed fields (${this.#fields.join(', ')})`, f)
    return [...fields]
  }

  #checkSearchOptions(options: unknown, where: string): SearchOptions<T> {
    const given = checkOptions(options, where, SEARCH_SCHEMA) as SearchOptions<T>
    const { limit, offset, combineWith, fuzzy, fields, snippets, bm25 } = given
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw invalidOption(where, 'limit', 'an integer >= 0', limit)
    if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) throw invalidOption(where, 'offset', 'an integer >= 0', offset)
    if (combineWith !== undefined && !['OR', 'AND', 'or', 'and'].includes(combineWith)) throw invalidOption(where, 'combineWith', "'OR' or 'AND'", combineWith)
    if (fuzzy !== undefined && typeof fuzzy !== 'boolean' && !(typeof fuzzy === 'number' && fuzzy >= 0 && (fuzzy < 1 || (Number.isInteger(fuzzy) && fuzzy <= MAX_FUZZY_DISTANCE)))) {
      throw invalidOption(where, 'fuzzy', `a boolean, a fraction below 1, or an edit distance from 1 to ${MAX_FUZZY_DISTANCE}`, fuzzy)
    }
    if (fields !== undefined) this.#checkFields(where, fields)
    checkWeights(where, 'boost', given.boost, this.#fields)
    if (snippets !== undefined && typeof snippets !== 'boolean') resolveSnippetOptions(snippets, `${where} option \`snippets\``)
    if (bm25 !== undefined) {
      for (const key of ['k', 'b', 'd'] as const) {
        const v = (bm25 as unknown as Record<string, unknown>)[key]
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidOption(where, `bm25.${key}`, 'a finite number >= 0', v)
      }
    }
    return given
  }

  #unitQuery(unit: Unit, options: QueryShape): MiniQuery {
    const prefix = (unit.prefix || options.prefix === true) && unit.word.length >= MIN_PREFIX_LENGTH
    const fuzzy = options.fuzzy ?? false
    const queries: MiniQuery[] = [{ queries: [unit.stem], prefix, fuzzy }]
    // a prefix is also looked for among the stems as typed: بغدا* finds the stem بغداد, which
    // the stem of the prefix (غدا) would not
    if (prefix && unit.word !== unit.stem) queries.push({ queries: [unit.word], prefix: true, fuzzy: false })
    if (this.#exactBoost > 0 && unit.word !== unit.stem) {
      const weight = this.#exactBoost
      queries.push({ queries: [SURFACE + unit.word], prefix, fuzzy: false, boostTerm: () => weight })
    }
    return { combineWith: 'OR', queries }
  }

  /** The original text of a field of a result, from the stored fields or `getText`. */
  #textOf(id: DocumentId, field: string, stored: Record<string, unknown>): string | undefined {
    const value = own(stored, field)
    if (typeof value === 'string') return value
    if (typeof value === 'number') return String(value)
    const getText = this.#options.getText
    if (getText) {
      const text = getText(id, field)
      if (typeof text === 'string') return text
    }
    return undefined
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
  search(query: string, searchOptions?: SearchOptions<T>): SearchResult<T>[] {
    assertString(query, 'search', 'query')
    const local = searchOptions === undefined ? {} : this.#checkSearchOptions(searchOptions, 'search()')
    const options: SearchOptions<T> = { ...this.#options.searchOptions, ...local }
    const plan = planQuery(this.#analyzer, query)
    if (plan === null) return []
    const top = engineQuery(plan, options, (unit, shape) => this.#unitQuery(unit, shape))
    const { phrases } = plan

    const fields = options.fields ? [...options.fields] : [...this.#fields]
    const boost = { ...(options.boost ?? this.#options.boost ?? {}) }
    const raw = this.#mini.search(top, {
      fields: engineFields(fields, boost),
      maxFuzzy: MAX_FUZZY_DISTANCE,
      boost,
      ...(options.bm25 ? { bm25: options.bm25 } : {}),
    })

    const limit = options.limit ?? 10
    const offset = options.offset ?? 0
    const page: Array<{ result: SearchResult<T>; hit: MiniResult }> = []
    let skipped = 0
    // each candidate's fields are analyzed once for all phrases; at most MAX_PHRASE_CANDIDATES are checked
    const hasPhrases = phrases.length > 0 ? phraseMatcher(this.#analyzer, phrases) : null
    let checkedCandidates = 0
    for (const hit of raw) {
      if (page.length >= limit) break
      if (hasPhrases !== null) {
        if (checkedCandidates++ >= MAX_PHRASE_CANDIDATES) break
        const stored = this.#mini.getStoredFields(hit.id) ?? {}
        if (!hasPhrases(fields, (field) => this.#textOf(hit.id, field, stored))) continue
      }
      const result = this.#toResult(hit)
      if (options.filter && !options.filter(result)) continue
      if (skipped < offset) {
        skipped++
        continue
      }
      page.push({ result, hit })
    }
    const snippetOption = options.snippets ?? true
    if (snippetOption === false) return page.map((p) => p.result)
    const snippetOptions = snippetOption === true ? this.#snippet : { ...this.#snippet, ...resolveSnippetOptions({ ...snippetOption }, 'search() option `snippets`') }
    return page.map(({ result, hit }) => this.#withSnippets(result, hit, fields, snippetOptions))
  }

  #toResult(hit: MiniResult): SearchResult<T> {
    const terms = new Set<string>()
    for (const t of hit.terms) terms.add(t.startsWith(SURFACE) ? this.#analyzer.termOf(t.slice(1)) ?? t.slice(1) : t)
    const match: Record<string, string[]> = {}
    for (const [term, fields] of Object.entries(hit.match)) {
      if (term.startsWith(SURFACE)) continue
      match[term] = [...fields]
    }
    // from the engine's stored fields (not the hit, where they sit next to the hit's own keys),
    // copied: changing a result never changes the index
    const source = this.#mini.getStoredFields(hit.id) ?? {}
    const stored: Record<string, unknown> = {}
    for (const field of this.#storeFields) {
      const value = own(source, field)
      if (value !== undefined) stored[field] = copyData(value)
    }
    return { ...stored, id: hit.id, score: hit.score, terms: [...terms], match, snippets: {} } as unknown as SearchResult<T>
  }

  #withSnippets(result: SearchResult<T>, hit: MiniResult, fields: readonly string[], options: ResolvedSnippetOptions): SearchResult<T> {
    const stems = new Set<string>()
    const words = new Set<string>()
    for (const term of Object.keys(hit.match)) {
      if (term.startsWith(SURFACE)) words.add(term.slice(1))
      else stems.add(term)
    }
    const stored = this.#mini.getStoredFields(hit.id) ?? {}
    const snippets: Record<string, Snippet> = {}
    for (const field of fields) {
      const text = this.#textOf(hit.id, field, stored)
      if (text === undefined) continue
      const matches: Match[] = this.#analyzer.matches(text, stems, words).map((t) => ({ start: t.start, end: t.end, key: t.term }))
      const passages = bestSnippets(text, matches, options)
      snippets[field] = passages.length === 1 ? passages[0]! : joinPassages(passages)
    }
    return { ...result, snippets }
  }

  /**
   * Completions for search as you type: the last word of the query is completed with words of
   * the index, the words before it narrow the documents. Best first.
   *
   * Bounded as {@link search}: a last word shorter than `MIN_PREFIX_LENGTH` gets no completion,
   * repeated words of the head count once and at most `MAX_QUERY_TERMS` are searched, and at most
   * 3 × `limit` completions are looked up as written (each document read once). Throws
   * `FAHRAS_INVALID_OPTION` when `limit` is not an integer from 0 to `MAX_SUGGESTIONS` (100) or
   * `fields` names a field that is not indexed.
   *
   * @example
   * ```ts
   * index.suggest('الشرا') // → [{ suggestion: 'الشراكة', terms: ['الشراكه'], score: … }, …]
   * ```
   */
  suggest(query: string, options: { readonly limit?: number; readonly fields?: readonly string[] } = {}): Suggestion[] {
    assertString(query, 'suggest', 'query')
    const where = 'suggest()'
    const given = checkOptions(options, where, { limit: 'number', fields: 'string[]' })
    const limit = (given.limit as number | undefined) ?? 5
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SUGGESTIONS) throw invalidOption(where, 'limit', `an integer from 0 to ${MAX_SUGGESTIONS}`, limit)
    const fields = given.fields === undefined ? [...this.#fields] : this.#checkFields(where, given.fields as readonly string[])
    const trimmed = query.trimEnd()
    const lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\u00a0'))
    const head = trimmed.slice(0, lastSpace + 1)
    const lastWord = this.#analyzer.normalize(trimmed.slice(lastSpace + 1))
    // as in search(): a prefix shorter than MIN_PREFIX_LENGTH is not expanded, and the word as
    // typed is no suggestion
    if (lastWord.length < MIN_PREFIX_LENGTH || limit === 0) return []
    const headWords = queryUnits(this.#analyzer, head, false)
    // as in search(): repeated words count once, at most MAX_QUERY_TERMS words are searched
    const headUnits = uniqueUnits(headWords, MAX_QUERY_TERMS - 1)
    const completion: MiniQuery = { combineWith: 'OR', queries: [{ queries: [SURFACE + lastWord], prefix: true }, { queries: [lastWord], prefix: true }] }
    const top: MiniQuery = headUnits.length > 0
      ? { combineWith: 'AND', queries: [{ combineWith: 'OR', queries: headUnits.map((u) => this.#unitQuery(u, {})) }, completion] }
      : completion
    const ranked = rankCompletions(this.#mini.search(top, { fields: engineFields(fields, undefined) }), lastWord, SURFACE)
    const headText = head.trim()
    const words = headWords.map((u) => u.word)
    // at most 3 × limit candidates are looked up as written, each document analyzed once
    const candidates = ranked.slice(0, limit * 3)
    const wanted = wordsByDocument(candidates)
    const written = new Map<DocumentId, Map<string, string>>()
    const suggestions: Suggestion[] = []
    for (const { word, score, id } of candidates) {
      let forms = written.get(id)
      if (forms === undefined) {
        forms = this.#writtenForms(id, wanted.get(id)!, fields)
        written.set(id, forms)
      }
      // only words found as written in a document (a stem such as شراك is no word to offer)
      const form = forms.get(word)
      if (form === undefined) continue
      suggestions.push({ suggestion: headText ? `${headText} ${form}` : form, terms: [...words, word], score })
      if (suggestions.length >= limit) break
    }
    return suggestions
  }

  /**
   * Each of the words as first written in the document (diacritics and tatweel dropped); a word
   * not written there has no entry. One analysis of each field at most.
   */
  #writtenForms(id: DocumentId, words: ReadonlySet<string>, fields: readonly string[]): Map<string, string> {
    const forms = new Map<string, string>()
    const stored = this.#mini.getStoredFields(id) ?? {}
    for (const field of fields) {
      if (forms.size === words.size) break
      const text = this.#textOf(id, field, stored)
      if (text !== undefined) addWrittenForms(this.#analyzer, text, words, forms)
    }
    return forms
  }

  /**
   * The saved form of the index (what `JSON.stringify(index)` writes): versioned, with the
   * analyzer options it was built with. A snapshot: it shares nothing with the index, so later
   * changes to either do not reach the other.
   */
  toJSON(): SavedIndex {
    return {
      format: FORMAT_NAME,
      version: INDEX_FORMAT_VERSION,
      analyzer: copyData(this.#analyzer.options),
      fields: [...this.#fields],
      storeFields: [...this.#storeFields],
      idField: this.#idField,
      exactBoost: this.#exactBoost,
      index: snapshotEngine(this.#mini.toJSON() as unknown as EngineJSON),
    }
  }

  /**
   * Loads a saved index. `options` may be left out (the saved options are used) or must agree
   * with the saved analyzer options, fields, stored fields, id field and exactBoost; otherwise it
   * throws `FAHRAS_ANALYZER_MISMATCH` naming the difference. Other versions throw
   * `FAHRAS_INDEX_VERSION_MISMATCH`; damaged input throws `FAHRAS_INVALID_INDEX`.
   *
   * @example
   * ```ts
   * const again = ArabicSearch.loadJSON(JSON.stringify(index), { fields: ['title', 'text'] })
   * ```
   */
  static loadJSON<T extends object = Record<string, unknown>>(json: string | object, options?: Partial<ArabicSearchOptions<T>>): ArabicSearch<T> {
    // the header checked and copied (saved-index.ts); nothing of `json` is read after this
    const s = readSavedHeader(json)
    // every invariant the engine relies on, checked against the saved header, on a fresh copy
    // that is what gets loaded
    const engine = readEngine(s.index, s.fields, s.storeFields)
    const savedAnalyzer = resolveSavedAnalyzer(s)
    let search: ArabicSearch<T>
    try {
      search = new ArabicSearch<T>(mergeSavedOptions<ArabicSearchOptions<T>>(s, savedAnalyzer, options))
    } catch (error) {
      // without options of the caller, every option came from the saved header
      if (options !== undefined || (error as { code?: unknown }).code !== ERROR_CODES.INVALID_OPTION) throw error
      throw Object.assign(createError(ERROR_CODES.INVALID_INDEX, `loadJSON() got a damaged saved index: its options are invalid (${(error as Error).message})`), { cause: error })
    }
    checkAgreement(s, savedAnalyzer, { analyzer: search.#analyzer.options, fields: search.#fields, storeFields: search.#storeFields, idField: search.#idField, exactBoost: search.#exactBoost })
    try {
      search.#mini = scoreWithoutDirt(MiniSearch.loadJS(engine as unknown as Parameters<typeof MiniSearch.loadJS>[0], search.#miniOptions()))
    } catch (error) {
      throw createError(ERROR_CODES.INVALID_INDEX, `loadJSON() got a damaged saved index: ${(error as Error).message}`)
    }
    return search
  }
}

function joinPassages(passages: readonly Snippet[]): Snippet {
  let text = ''
  let html = ''
  const ranges: Array<readonly [number, number]> = []
  const separator = ' '
  for (const p of passages) {
    const sep = text.length > 0 ? separator : ''
    const shift = text.length + sep.length
    text += sep + p.text
    html += (sep ? separator : '') + p.html
    for (const [s, e] of p.ranges) ranges.push([s + shift, e + shift])
  }
  return { text, html, ranges, passages }
}

export type { BM25Params }

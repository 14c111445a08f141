import MiniSearch, { type Query as MiniQuery, type SearchResult as MiniResult } from 'minisearch'
import { createAnalyzer, type Analyzer, type ResolvedAnalyzerOptions } from '../analyze/analyze.js'
import { assertString, checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import { bestSnippets, resolveSnippetOptions, type Match, type ResolvedSnippetOptions, type Snippet } from '../highlight/highlight.js'
import { type QueryUnit } from './query.js'
import { engineQuery, MAX_FUZZY_DISTANCE, MAX_QUERY_TERMS, MAX_SUGGESTIONS, MIN_PREFIX_LENGTH, planQuery, queryUnits, uniqueUnits, type QueryShape } from './query-plan.js'
import { MAX_PHRASE_CANDIDATES, phraseMatcher } from './phrases.js'
import { engineFields } from './field-boosts.js'
import { unitQuery } from './unit-query.js'
import { termIndexOf } from './fuzzy.js'
import { correctQuery } from './did-you-mean.js'
import { countWrittenForms, FORM_DOCUMENTS, plainSpelling, rankCompletions, typable, wordsByDocument, type FormCounts } from './completions.js'
import { checkRoom, FORMAT_NAME, INDEX_FORMAT_VERSION, snapshotEngine, type EngineJSON, type SavedIndex } from './saved-index.js'
import { loadIndex, loadIndexAsync, type IndexAccess } from './load-index.js'
import { checkSearchOptions, checkWeights, invalidOption, OPTIONS_SCHEMA, SUGGEST_SCHEMA } from './option-checks.js'
import { scoreWithoutDirt } from './engine-dirt.js'
import { checkFieldNames, copyData, readDocument, type DocumentCopy } from './documents.js'
import { addAllAsyncOptions, addAllOptions, addInChunks, noteFields, readBatch, type BatchTarget } from './batch.js'
import { settingsOf } from './saved-settings.js'
import { documentBoost, inAddedOrder, storedCopy } from './stored.js'
import type { AddAllAsyncOptions, AddAllOptions, ArabicSearchOptions, BM25Params, DocumentId, FieldName, LoadAsyncOptions, SearchOptions, SearchResult, StoredFields, Suggestion, SuggestOptions } from './options.js'

/** Prefix of the index terms that hold a word's written (normalized, unstemmed) form. */
const SURFACE = '\u0001'
export { INDEX_FORMAT_VERSION }

export { MAX_QUERY_TERMS, MIN_PREFIX_LENGTH, MAX_FUZZY_DISTANCE, MAX_EXPANDED_TERMS, MAX_SUGGESTIONS } from './query-plan.js'
export { MAX_PHRASE_CANDIDATES } from './phrases.js'


type Unit = QueryUnit

const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined)



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
  readonly #options: ArabicSearchOptions<T, S>
  readonly #analyzer: Analyzer
  readonly #fields: readonly string[]
  readonly #storeFields: readonly string[]
  readonly #idField: string
  readonly #exactBoost: number
  readonly #snippet: ResolvedSnippetOptions
  #mini: MiniSearch
  /** Fields that some document added had (batch.ts: a field in none is reported). */
  #seen = new Set<string>()

  constructor(options: ArabicSearchOptions<T, S>) {
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
    this.#options = { ...options }
    this.#analyzer = createAnalyzer(
      { normalize: options.normalize, stopWords: options.stopWords, extraStopWords: options.extraStopWords, stem: options.stem, keep: options.keep },
      where,
    )
    this.#fields = [...new Set(fields)]
    this.#storeFields = [...new Set(storeFields)]
    this.#idField = idField
    this.#exactBoost = exactBoost
    this.#snippet = resolveSnippetOptions(options.snippet, `${where} option \`snippet\``)
    if (options.searchOptions !== undefined) checkSearchOptions<T>(this.#fields, options.searchOptions, `${where} option \`searchOptions\``)
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
    for (const key of Object.keys(copy)) this.#seen.add(key)
  }

  /** What batch.ts needs of the index. */
  get #target(): BatchTarget {
    return { shape: { idField: this.#idField, fields: this.#fields, storeFields: this.#storeFields }, has: (id) => this.#mini.has(id), seen: this.#seen }
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
      noteFields(this.#target, batch.filter(({ id }) => this.#mini.has(id)))
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
      this.#mini = scoreWithoutDirt(new MiniSearch(this.#miniOptions()))
      this.#seen.clear()
      return
    }
    if (!Array.isArray(ids)) throw invalidOption('removeAll()', 'ids', 'an array of ids', ids)
    const unique = [...new Set(ids)]
    for (const id of unique) {
      if (!this.#mini.has(id)) throw createError(ERROR_CODES.UNKNOWN_ID, `removeAll() got an unknown id ${JSON.stringify(id) ?? describe(id)}: no document with this id is in the index; none was removed`, { id })
    }
    for (const id of unique) this.#mini.discard(id)
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
    return storedCopy(this.#mini.getStoredFields(id), this.#storeFields) as StoredFields<T, S>
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
    for (const key of Object.keys(copy)) this.#seen.add(key)
  }


  /** The engine query of a word (unit-query.ts): stem, written form, prefix, typos. */
  #unitQuery(unit: Unit, options: QueryShape): MiniQuery {
    return unitQuery(unit, options, { analyzer: this.#analyzer, exactBoost: this.#exactBoost, surface: SURFACE, index: termIndexOf(this.#mini) })
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
  search<F extends FieldName<T> = FieldName<T>>(query: string, searchOptions?: SearchOptions<T, F>): SearchResult<T, S, F>[] {
    assertString(query, 'search', 'query')
    const local = searchOptions === undefined ? {} : checkSearchOptions<T>(this.#fields, searchOptions, 'search()')
    const options: SearchOptions<T> = { ...this.#options.searchOptions, ...local }
    const plan = planQuery(this.#analyzer, query)
    if (plan === null) return []
    const top = engineQuery(plan, options, (unit, shape) => this.#unitQuery(unit, shape))
    const { phrases } = plan

    const fields = options.fields ? [...options.fields] : [...this.#fields]
    const boost = { ...(options.boost ?? this.#options.boost ?? {}) }
    // with prefix or fuzzy expansion, equal scores in the order the documents were added, as
    // after save → load (stored.ts); exact terms already come in that order
    const expands = options.prefix === true || (options.fuzzy ?? false) !== false || plan.words.some((u) => u.prefix)
    const raw = inAddedOrder(expands, this.#mini.search(top, {
      fields: engineFields(fields, boost),
      maxFuzzy: MAX_FUZZY_DISTANCE,
      boost,
      ...(options.bm25 ? { bm25: options.bm25 } : {}),
      ...this.#boostDocument(options),
    }), this.#mini)

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
    if (snippetOption === false) return page.map((p) => p.result) as never
    const snippetOptions = snippetOption === true ? this.#snippet : { ...this.#snippet, ...resolveSnippetOptions({ ...snippetOption }, 'search() option `snippets`') }
    return page.map(({ result, hit }) => this.#withSnippets(result, hit, fields, snippetOptions)) as never
  }

  /** The engine's `boostDocument` option for a search's `boostDocument` (stored.ts). */
  #boostDocument(options: Pick<SearchOptions<T>, 'boostDocument'>) {
    const boost = options.boostDocument
    if (boost === undefined) return {}
    const termOf = (term: string) => (term.startsWith(SURFACE) ? this.#analyzer.termOf(term.slice(1)) ?? term.slice(1) : term)
    return { boostDocument: documentBoost(boost, this.#storeFields, termOf) }
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
    const stored = storedCopy(this.#mini.getStoredFields(hit.id), this.#storeFields)
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
    assertString(query, 'suggest', 'query')
    const where = 'suggest()'
    const { limit: givenLimit, ...searchOptions } = checkOptions(options, where, SUGGEST_SCHEMA)
    // the search options, checked as search() checks them
    const given = checkSearchOptions<T>(this.#fields, searchOptions, where)
    const limit = (givenLimit as number | undefined) ?? 5
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SUGGESTIONS) throw invalidOption(where, 'limit', `an integer from 0 to ${MAX_SUGGESTIONS}`, limit)
    const fields = given.fields === undefined ? [...this.#fields] : [...given.fields]
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
      ? { combineWith: 'AND', queries: [{ combineWith: (given.combineWith ?? 'OR').toUpperCase() as 'OR', queries: headUnits.map((u) => this.#unitQuery(u, given)) }, completion] }
      : completion
    const { bm25, filter } = given
    const boost = given.boost as Readonly<Record<string, number>> | undefined
    const hits = this.#mini.search(top, { fields: engineFields(fields, boost), ...(boost ? { boost: { ...boost } } : {}), ...(bm25 ? { bm25 } : {}), ...this.#boostDocument(given) })
    const ranked = rankCompletions(filter ? hits.filter((hit) => filter(this.#toResult(hit))) : hits, lastWord, SURFACE)
    const headText = head.trim()
    const words = headWords.map((u) => u.word)
    // at most 3 × limit candidates are looked up as written, each document analyzed once
    const candidates = ranked.slice(0, limit * 3)
    const wanted = wordsByDocument(candidates)
    const written = new Map<DocumentId, FormCounts>()
    const suggestions: Suggestion[] = []
    for (const { word, score, ids } of candidates) {
      // how the word is written in its best documents, until one writes it as a user would
      // type it (each document analyzed once)
      const counts = new Map<string, number>()
      for (const id of ids) {
        let forms = written.get(id)
        if (forms === undefined) written.set(id, (forms = this.#writtenForms(id, wanted.get(id)!, fields)))
        for (const [form, count] of forms.get(word) ?? []) counts.set(form, (counts.get(form) ?? 0) + count)
        if ([...counts.keys()].some((form) => typable(this.#analyzer, form, word))) break
      }
      // only words found as written in a document (a stem such as شراك is no word to offer)
      if (counts.size === 0) continue
      // the plain spelling most documents write, never an Uthmani skeleton (ٱلكتب for ٱلْكِتَٰبُ)
      const form = plainSpelling(this.#analyzer, word, counts)
      // never a suggestion that finds nothing
      if (this.search(form, { limit: 1, snippets: false, fields, filter } as unknown as SearchOptions<T>).length === 0) continue
      suggestions.push({ suggestion: headText ? `${headText} ${form}` : form, terms: [...words, word], score })
      if (suggestions.length >= limit) break
    }
    return suggestions
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
    assertString(query, 'didYouMean', 'query')
    const local = searchOptions === undefined ? {} : checkSearchOptions<T>(this.#fields, searchOptions, 'didYouMean()')
    const index = termIndexOf(this.#mini)
    if (index === null) return null
    const fields = local.fields ? [...local.fields] : [...this.#fields]
    const corrected = correctQuery(query, { analyzer: this.#analyzer, index, surface: SURFACE, spell: (word) => this.#spell(word, fields) })
    if (corrected === null) return null
    return this.search(corrected, { ...local, limit: 1, offset: 0, snippets: false }).length > 0 ? corrected : null
  }

  /** How a normalized word of the index is spelled in its first documents (see plainSpelling). */
  #spell(word: string, fields: readonly string[]): string {
    const hits = this.#mini.search({ combineWith: 'OR', queries: [SURFACE + word, word] }, { fields: engineFields(fields, undefined) })
    const counts = new Map<string, number>()
    const wanted = new Set([word])
    for (const hit of hits.slice(0, FORM_DOCUMENTS)) {
      for (const [form, count] of this.#writtenForms(hit.id, wanted, fields).get(word) ?? []) counts.set(form, (counts.get(form) ?? 0) + count)
    }
    return plainSpelling(this.#analyzer, word, counts)
  }

  /**
   * How each of the words is written in the document (diacritics and tatweel dropped), with
   * counts; a word not written there has no entry. One analysis of each field at most.
   */
  #writtenForms(id: DocumentId, words: ReadonlySet<string>, fields: readonly string[]): FormCounts {
    const forms: FormCounts = new Map()
    const stored = this.#mini.getStoredFields(id) ?? {}
    for (const field of fields) {
      const text = this.#textOf(id, field, stored)
      if (text !== undefined) countWrittenForms(this.#analyzer, text, words, forms)
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
      settings: settingsOf(this.#options, this.#snippet),
      index: snapshotEngine(this.#mini.toJSON() as unknown as EngineJSON),
    }
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
  static loadJSON<T extends object = Record<string, unknown>, S extends FieldName<T> = FieldName<T>>(json: string | object, options?: Partial<ArabicSearchOptions<T, S>>): ArabicSearch<T, S> {
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
    builtWith: (index) => ({
      analyzer: index.#analyzer.options, fields: index.#fields, storeFields: index.#storeFields, idField: index.#idField, exactBoost: index.#exactBoost,
      settings: settingsOf(index.#options, index.#snippet),
    }),
    engineOptions: (index) => index.#miniOptions(),
    install: (index, engine) => {
      index.#mini = scoreWithoutDirt(engine)
      // a loaded index's fields count as seen (batch.ts)
      if (engine.documentCount > 0) for (const f of [...index.#fields, ...index.#storeFields]) index.#seen.add(f)
    },
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

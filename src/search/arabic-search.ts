import MiniSearch, { type Query as MiniQuery, type SearchResult as MiniResult } from 'minisearch'
import { createAnalyzer, resolveAnalyzerOptions, type Analyzer, type ResolvedAnalyzerOptions } from '../analyze/analyze.js'
import { assertString, checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import { bestSnippets, resolveSnippetOptions, type Match, type ResolvedSnippetOptions, type Snippet } from '../highlight/highlight.js'
import { parseQuery } from './query.js'
import { checkEngineJSON } from './validate.js'
import type { AddAllAsyncOptions, ArabicSearchOptions, BM25Params, DocumentId, SearchOptions, SearchResult, Suggestion } from './options.js'

/** Prefix of the index terms that hold a word's written (normalized, unstemmed) form. */
const SURFACE = '\u0001'
/** Version of the saved-index format; loading another version fails with a coded error. */
export const INDEX_FORMAT_VERSION = 1
const FORMAT_NAME = 'fahras-index'
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype'])
const NO_TERMS: ReadonlySet<string> = new Set()

/** At most this many distinct words of a query are searched; the rest are ignored. */
export const MAX_QUERY_TERMS = 256
/** A prefix shorter than this (after normalization) is searched as a whole word. */
export const MIN_PREFIX_LENGTH = 2
/** The largest fuzzy edit distance accepted. */
export const MAX_FUZZY_DISTANCE = 2
/**
 * Prefix and fuzzy matching expand a word to many index terms: they apply to the first this many
 * words of a query; the others match exactly.
 */
export const MAX_EXPANDED_TERMS = 8

const OPTIONS_SCHEMA = {
  fields: 'string[]', storeFields: 'string[]', idField: 'string', boost: 'object', exactBoost: 'number',
  getText: 'function', snippet: 'object', searchOptions: 'object',
  normalize: 'object', stopWords: 'any', extraStopWords: 'string[]', stem: 'boolean', keep: 'string[]',
} as const
const SEARCH_SCHEMA = {
  limit: 'number', offset: 'number', combineWith: 'string', prefix: 'boolean', fuzzy: 'any', fields: 'string[]',
  boost: 'object', filter: 'function', snippets: 'any', bm25: 'object',
} as const

interface Unit {
  readonly stem: string
  readonly word: string
  readonly prefix: boolean
}

interface SavedIndex {
  format: string
  version: number
  analyzer: ResolvedAnalyzerOptions
  fields: string[]
  storeFields: string[]
  idField: string
  exactBoost: number
  index: unknown
}

const own = (object: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined)

function invalidOption(where: string, option: string, expected: string, value: unknown) {
  return createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`${option}\` to be ${expected}, got ${describe(value)}`, { option }, 'type')
}

function checkNames(where: string, option: string, names: readonly string[]) {
  for (const name of names) {
    if (name.length === 0 || FORBIDDEN_NAMES.has(name)) {
      throw invalidOption(where, option, 'field names other than "", __proto__, constructor and prototype', name)
    }
  }
}

function checkWeights(where: string, option: string, weights: unknown, fields: readonly string[]) {
  if (weights === undefined) return
  for (const [field, weight] of Object.entries(weights as Record<string, unknown>)) {
    if (!fields.includes(field)) throw invalidOption(where, `${option}.${field}`, `one of the indexed fields (${fields.join(', ')})`, field)
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

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
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
    checkNames(where, 'fields', fields)
    const storeFields = (given.storeFields as string[] | undefined) ?? []
    checkNames(where, 'storeFields', storeFields)
    const idField = (given.idField as string | undefined) ?? 'id'
    checkNames(where, 'idField', [idField])
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
  #validate(document: unknown, where: string, position?: number): DocumentId {
    const at = position === undefined ? '' : ` (document ${position})`
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      throw createError(ERROR_CODES.INVALID_DOCUMENT, `${where} expected a document object${at}, got ${describe(document)}`, { position })
    }
    const id = own(document, this.#idField)
    if (id === undefined || id === null) {
      throw createError(ERROR_CODES.MISSING_ID, `${where} got a document without an id in field \`${this.#idField}\`${at}`, { position })
    }
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))) {
      throw createError(ERROR_CODES.MISSING_ID, `${where} expected the id in field \`${this.#idField}\` to be a string or a finite number${at}, got ${describe(id)}`, { position })
    }
    for (const field of this.#fields) {
      const value = own(document, field)
      if (value !== null && typeof value === 'object') {
        throw createError(
          ERROR_CODES.INVALID_DOCUMENT,
          `${where} expected field \`${field}\` of document ${JSON.stringify(id)}${at} to be text, a number or null, got ${describe(value)}`,
          { id, field, position },
        )
      }
      if (typeof value === 'function' || typeof value === 'symbol') {
        throw createError(ERROR_CODES.INVALID_DOCUMENT, `${where} expected field \`${field}\` of document ${JSON.stringify(id)}${at} to be text, got ${describe(value)}`, { id, field, position })
      }
    }
    return id
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
    const id = this.#validate(document, 'add()')
    if (this.#mini.has(id)) throw createError(ERROR_CODES.DUPLICATE_ID, `add() got a duplicate id ${JSON.stringify(id)}: a document with this id is already in the index`, { id })
    this.#mini.add(document)
  }

  /** Checks a batch: every document valid, no id twice, none already present. */
  #validateBatch(documents: unknown, where: string): DocumentId[] {
    if (!Array.isArray(documents)) throw invalidOption(where, 'documents', 'an array of documents', documents)
    const seen = new Set<DocumentId>()
    return documents.map((document, position) => {
      const id = this.#validate(document, where, position)
      if (this.#mini.has(id) || seen.has(id)) {
        throw createError(ERROR_CODES.DUPLICATE_ID, `${where} got a duplicate id ${JSON.stringify(id)} (document ${position}); no document of the batch was added`, { id, position })
      }
      seen.add(id)
      return id
    })
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
    this.#validateBatch(documents, 'addAll()')
    for (const document of documents) this.#mini.add(document)
  }

  /**
   * Adds documents in chunks, yielding to the event loop between them, with progress and
   * cancellation. The batch is checked first (all or none, as {@link addAll}). When the signal
   * aborts, the documents added until then stay in the index and the promise rejects with
   * `FAHRAS_ABORTED`, whose `details` give `added` (how many) and `addedIds`.
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
    const ids = this.#validateBatch(documents, 'addAllAsync()')
    const { onProgress, signal } = options
    const total = documents.length
    let added = 0
    const aborted = () =>
      createError(ERROR_CODES.ABORTED, `addAllAsync() was aborted after adding ${added} of ${total} documents; they stay in the index`, {
        added,
        total,
        addedIds: ids.slice(0, added),
      })
    while (added < total) {
      if (signal?.aborted) throw aborted()
      const end = Math.min(total, added + chunkSize)
      for (let i = added; i < end; i++) {
        // a document with this id may have been added meanwhile by another call
        if (this.#mini.has(ids[i]!)) {
          throw createError(ERROR_CODES.DUPLICATE_ID, `addAllAsync() got a duplicate id ${JSON.stringify(ids[i])} (document ${i}), added meanwhile; ${added} documents were added before it`, { id: ids[i], position: i, added, addedIds: ids.slice(0, added) })
        }
        this.#mini.add(documents[i]!)
        added++
      }
      onProgress?.({ added, total })
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
    const id = this.#validate(document, 'replace()')
    if (!this.#mini.has(id)) throw createError(ERROR_CODES.UNKNOWN_ID, `replace() got an unknown id ${JSON.stringify(id)}: no document with this id is in the index`, { id })
    this.#mini.discard(id)
    this.#mini.add(document)
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
    if (fields !== undefined) for (const f of fields) if (!this.#fields.includes(f)) throw invalidOption(where, 'fields', `indexed fields (${this.#fields.join(', ')})`, f)
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

  /** Analyzes a clause into units: one per index term, each with its stem and written form. */
  #units(text: string, prefix: boolean): Unit[] {
    const units: Unit[] = []
    this.#analyzer.eachTerm(text, (stem, word) => units.push({ stem, word, prefix: false }))
    if (prefix && units.length > 0) {
      const last = units[units.length - 1]!
      units[units.length - 1] = { ...last, prefix: true }
    }
    return units
  }

  #unitQuery(unit: Unit, options: SearchOptions<T>): MiniQuery {
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

  /** Does a field of the document contain the phrase (its terms at the same relative positions)? */
  #hasPhrase(text: string, phrase: readonly Unit[], positions: readonly number[]): boolean {
    const terms = this.#analyzer.analyze(text)
    for (let i = 0; i < terms.length; i++) {
      if (terms[i]!.term !== phrase[0]!.stem) continue
      const base = terms[i]!.position - positions[0]!
      let ok = true
      for (let k = 1; k < phrase.length && ok; k++) {
        const want = base + positions[k]!
        ok = terms.some((t) => t.position === want && (t.term === phrase[k]!.stem || (phrase[k]!.prefix && t.term.startsWith(phrase[k]!.stem))))
      }
      if (ok) return true
    }
    return false
  }

  /**
   * Searches the index. Plain words combine with OR (or AND); `"exact phrase"`, `-word` to
   * exclude and `word*` for a prefix are understood. Results are best first, with snippets for the
   * returned page only. A query of only stop words, diacritics or punctuation returns `[]`.
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
    const clauses = parseQuery(query)
    const words: Unit[] = []
    const phrases: Array<{ units: Unit[]; positions: number[] }> = []
    const excluded: Unit[] = []
    for (const clause of clauses) {
      if (clause.exclude) {
        excluded.push(...this.#units(clause.text, false))
      } else if (clause.phrase) {
        const analyzed = this.#analyzer.analyze(clause.text)
        if (analyzed.length === 0) continue
        const units = analyzed.map((t) => ({ stem: t.term, word: t.word, prefix: false }))
        if (units.length === 1) words.push(units[0]!)
        else phrases.push({ units, positions: analyzed.map((t) => t.position) })
      } else {
        words.push(...this.#units(clause.text, clause.prefix))
      }
    }
    if (words.length === 0 && phrases.length === 0) return []
    // Bounded work for any query: repeated words count once, and at most MAX_QUERY_TERMS words
    // (phrases first) are searched.
    let budget = MAX_QUERY_TERMS
    const keptPhrases = phrases.filter((p) => p.units.length <= budget && (budget -= p.units.length) >= 0)
    phrases.length = 0
    phrases.push(...keptPhrases)
    const seenUnits = new Set<string>()
    const uniqueWords = words.filter((u) => {
      const key = `${u.stem}\u0000${u.word}\u0000${u.prefix}`
      if (seenUnits.has(key) || budget <= 0) return false
      seenUnits.add(key)
      budget--
      return true
    })
    words.length = 0
    words.push(...uniqueWords)
    if (excluded.length > MAX_QUERY_TERMS) excluded.length = MAX_QUERY_TERMS
    if (words.length === 0 && phrases.length === 0) return []

    const combineWith = (options.combineWith ?? 'OR').toUpperCase() as 'OR' | 'AND'
    const required: MiniQuery[] = phrases.map((p) => ({ combineWith: 'AND', queries: p.units.map((u) => this.#unitQuery(u, options)) }))
    let positive: MiniQuery
    if (words.length > 0) {
      const exact = { ...options, fuzzy: false, prefix: false }
      let expanded = 0
      const wordQuery: MiniQuery = {
        combineWith,
        queries: words.map((u) => {
          const expands = u.prefix || options.prefix === true || (options.fuzzy ?? false) !== false
          if (expands && expanded++ >= MAX_EXPANDED_TERMS) return this.#unitQuery({ ...u, prefix: false }, exact)
          return this.#unitQuery(u, options)
        }),
      }
      positive = required.length > 0 ? { combineWith: 'AND', queries: [...required, wordQuery] } : wordQuery
    } else positive = required.length === 1 ? required[0]! : { combineWith: 'AND', queries: required }
    const top: MiniQuery = excluded.length > 0
      ? { combineWith: 'AND_NOT', queries: [positive, { combineWith: 'OR', queries: excluded.map((u) => this.#unitQuery({ ...u, prefix: false }, { ...options, prefix: false, fuzzy: false })) }] }
      : positive

    const fields = options.fields ? [...options.fields] : [...this.#fields]
    const raw = this.#mini.search(top, {
      fields,
      maxFuzzy: MAX_FUZZY_DISTANCE,
      boost: { ...(options.boost ?? this.#options.boost ?? {}) },
      ...(options.bm25 ? { bm25: options.bm25 } : {}),
    })

    const limit = options.limit ?? 10
    const offset = options.offset ?? 0
    const page: Array<{ result: SearchResult<T>; hit: MiniResult }> = []
    let skipped = 0
    for (const hit of raw) {
      if (page.length >= limit) break
      if (phrases.length > 0 && !this.#phrasesMatch(hit, phrases, fields)) continue
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

  #phrasesMatch(hit: MiniResult, phrases: ReadonlyArray<{ units: Unit[]; positions: number[] }>, fields: readonly string[]): boolean {
    const stored = this.#mini.getStoredFields(hit.id) ?? {}
    for (const phrase of phrases) {
      let found = false
      let checked = false
      for (const field of fields) {
        const text = this.#textOf(hit.id, field, stored)
        if (text === undefined) continue
        checked = true
        if (this.#hasPhrase(text, phrase.units, phrase.positions)) {
          found = true
          break
        }
      }
      // Without the text the phrase cannot be checked: its words are required (AND) instead.
      if (checked && !found) return false
    }
    return true
  }

  #toResult(hit: MiniResult): SearchResult<T> {
    const terms = new Set<string>()
    for (const t of hit.terms) terms.add(t.startsWith(SURFACE) ? this.#analyzer.termOf(t.slice(1)) ?? t.slice(1) : t)
    const match: Record<string, string[]> = {}
    for (const [term, fields] of Object.entries(hit.match)) {
      if (term.startsWith(SURFACE)) continue
      match[term] = [...fields]
    }
    const stored: Record<string, unknown> = {}
    for (const field of this.#storeFields) {
      const value = own(hit, field)
      if (value !== undefined) stored[field] = value
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
   * @example
   * ```ts
   * index.suggest('الشرا') // → [{ suggestion: 'الشراكة', terms: ['الشراكه'], score: … }, …]
   * ```
   */
  suggest(query: string, options: { readonly limit?: number; readonly fields?: readonly string[] } = {}): Suggestion[] {
    assertString(query, 'suggest', 'query')
    const given = checkOptions(options, 'suggest()', { limit: 'number', fields: 'string[]' })
    const limit = (given.limit as number | undefined) ?? 5
    const trimmed = query.trimEnd()
    const lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\u00a0'))
    const head = trimmed.slice(0, lastSpace + 1)
    const lastWord = this.#analyzer.normalize(trimmed.slice(lastSpace + 1))
    if (lastWord.length === 0) return []
    const fields = options.fields ? [...options.fields] : [...this.#fields]
    const headUnits = this.#units(head, false)
    const completion: MiniQuery = { combineWith: 'OR', queries: [{ queries: [SURFACE + lastWord], prefix: true }, { queries: [lastWord], prefix: true }] }
    const top: MiniQuery = headUnits.length > 0
      ? { combineWith: 'AND', queries: [{ combineWith: 'OR', queries: headUnits.map((u) => this.#unitQuery(u, {})) }, completion] }
      : completion
    const scores = new Map<string, { score: number; id: DocumentId }>()
    for (const hit of this.#mini.search(top, { fields })) {
      for (const term of Object.keys(hit.match)) {
        // written forms (surface terms) and stems that are words themselves (بغداد, كتاب)
        const word = term.startsWith(SURFACE) ? term.slice(1) : term
        // a completion, not the word as typed (that is no suggestion)
        if (word === lastWord || !word.startsWith(lastWord)) continue
        const entry = scores.get(word)
        if (entry) entry.score += hit.score
        else scores.set(word, { score: hit.score, id: hit.id })
      }
    }
    const headText = head.trim()
    const suggestions: Suggestion[] = []
    for (const [word, { score, id }] of [...scores].sort((a, b) => b[1].score - a[1].score).slice(0, limit * 3)) {
      // only words found as written in a document (a stem such as شراك is no word to offer)
      const written = this.#writtenForm(word, id, fields)
      if (written === null) continue
      suggestions.push({ suggestion: headText ? `${headText} ${written}` : written, terms: [...headUnits.map((u) => u.word), word], score })
      if (suggestions.length >= limit) break
    }
    return suggestions
  }

  /** The word as written in a document (diacritics and tatweel dropped), or null if it is not there. */
  #writtenForm(word: string, id: DocumentId, fields: readonly string[]): string | null {
    const stored = this.#mini.getStoredFields(id) ?? {}
    for (const field of fields) {
      const text = this.#textOf(id, field, stored)
      if (text === undefined) continue
      const [t] = this.#analyzer.matches(text, NO_TERMS, new Set([word]))
      if (t) return text.slice(t.start, t.end).replace(/[\u064b-\u065f\u0670\u0640\u200c\u200d\u200e\u200f]/g, '')
    }
    return null
  }

  /**
   * The saved form of the index (what `JSON.stringify(index)` writes): versioned, with the
   * analyzer options it was built with.
   */
  toJSON(): SavedIndex {
    return {
      format: FORMAT_NAME,
      version: INDEX_FORMAT_VERSION,
      analyzer: this.#analyzer.options,
      fields: [...this.#fields],
      storeFields: [...this.#storeFields],
      idField: this.#idField,
      exactBoost: this.#exactBoost,
      index: this.#mini.toJSON(),
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
    let saved: unknown = json
    if (typeof json === 'string') {
      try {
        saved = JSON.parse(json)
      } catch (error) {
        throw createError(ERROR_CODES.INVALID_INDEX, `loadJSON() could not parse the saved index: ${(error as Error).message}`)
      }
    }
    if (saved === null || typeof saved !== 'object' || (saved as SavedIndex).format !== FORMAT_NAME) {
      throw createError(ERROR_CODES.INVALID_INDEX, 'loadJSON() expected a saved fahras index (format "fahras-index"), got something else')
    }
    const s = saved as SavedIndex
    if (s.version !== INDEX_FORMAT_VERSION) {
      throw createError(ERROR_CODES.INDEX_VERSION_MISMATCH, `loadJSON() expected index format version ${INDEX_FORMAT_VERSION}, got ${describe(s.version)}; rebuild the index with this version of fahras`, { version: s.version })
    }
    const isNames = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string')
    if (!isNames(s.fields) || !isNames(s.storeFields) || typeof s.idField !== 'string' || typeof s.exactBoost !== 'number' || !(s.exactBoost >= 0) || typeof s.analyzer !== 'object' || s.analyzer === null || typeof s.index !== 'object' || s.index === null) {
      throw createError(ERROR_CODES.INVALID_INDEX, 'loadJSON() got a damaged saved index: its header is incomplete')
    }
    let savedAnalyzer: ResolvedAnalyzerOptions
    try {
      savedAnalyzer = resolveAnalyzerOptions(s.analyzer, 'loadJSON() saved analyzer')
    } catch {
      throw createError(ERROR_CODES.INVALID_INDEX, 'loadJSON() got a damaged saved index: its analyzer options are invalid')
    }
    const merged: ArabicSearchOptions<T> = {
      ...options,
      fields: options?.fields ?? s.fields,
      storeFields: options?.storeFields ?? s.storeFields,
      idField: options?.idField ?? s.idField,
      exactBoost: options?.exactBoost ?? s.exactBoost,
      normalize: options?.normalize ?? savedAnalyzer.normalize,
      stopWords: options?.stopWords ?? savedAnalyzer.stopWords,
      extraStopWords: options?.extraStopWords ?? savedAnalyzer.extraStopWords,
      stem: options?.stem ?? savedAnalyzer.stem,
      keep: options?.keep ?? savedAnalyzer.keep,
    }
    const search = new ArabicSearch<T>(merged)
    const mismatch = (what: string, saved: unknown, given: unknown) =>
      createError(ERROR_CODES.ANALYZER_MISMATCH, `loadJSON(): the index was built with ${what} ${stableStringify(saved)}, but the options give ${stableStringify(given)}; load it with the same options or rebuild it`, { option: what })
    for (const key of Object.keys(savedAnalyzer) as Array<keyof ResolvedAnalyzerOptions>) {
      if (stableStringify(savedAnalyzer[key]) !== stableStringify(search.#analyzer.options[key])) throw mismatch(`analyzer option \`${key}\``, savedAnalyzer[key], search.#analyzer.options[key])
    }
    if (stableStringify(s.fields) !== stableStringify(search.#fields)) throw mismatch('`fields`', s.fields, search.#fields)
    if (stableStringify(s.storeFields) !== stableStringify(search.#storeFields)) throw mismatch('`storeFields`', s.storeFields, search.#storeFields)
    if (s.idField !== search.#idField) throw mismatch('`idField`', s.idField, search.#idField)
    if ((s.exactBoost > 0) !== (search.#exactBoost > 0)) throw mismatch('`exactBoost` (written forms indexed or not)', s.exactBoost, search.#exactBoost)
    const problem = checkEngineJSON(s.index, search.#fields, search.#storeFields)
    if (problem !== null) throw createError(ERROR_CODES.INVALID_INDEX, `loadJSON() got a damaged saved index: its engine data (${problem}) is invalid`)
    try {
      search.#mini = scoreWithoutDirt(MiniSearch.loadJS(s.index as Parameters<typeof MiniSearch.loadJS>[0], search.#miniOptions()))
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

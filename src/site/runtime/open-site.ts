/**
 * `openSite()`: the runtime of a site index, in browsers and in Node 18+. A search runs the
 * shared searcher (searcher.ts) over the packed index's engine on what the page has fetched
 * (view.ts); what it lacked is fetched (term chunks in parallel, then the fragments of the
 * results) and the search runs again, until it lacks nothing: its results are then those of a
 * `PackedIndex` of the same pages. Files fetched are kept for the next searches. @internal
 */
import { createError, describe, ERROR_CODES } from '../../errors.js'
import { resolveIndexOptions } from '../../search/index-options.js'
import type { ArabicSearchOptions, DocumentId, SearchOptions, SearchResult } from '../../search/options.js'
import { packedEngine, type PackedHits } from '../../search/packed/engine.js'
import { FormatProblem } from '../../search/packed/bytes.js'
import { mergeSavedOptions, readSavedHeader, resolveSavedAnalyzer } from '../../search/saved-index.js'
import { runSearch, runSuggest, SURFACE, type EngineHit, type FieldMatch, type SearchContext, type SearchEngine } from '../../search/searcher.js'
import type { AnalyzedTerm } from '../../analyze/analyze.js'
import {
  chunkPath, decodeChunk, decodeEntry, decodeFragment, ENTRY_FILE, filterPath, fragmentPath, SITE_FIELDS, SITE_FORMAT, SITE_FORMAT_VERSION,
  type DecodedChunk, type FilterFile, type SiteEntry, type SiteFragment,
} from '../format.js'
import type { OpenSiteOptions, Site, SiteResult, SiteResults, SiteSearchOptions, SiteSuggestion } from '../types.js'
import { siteView, type SiteData } from './view.js'

/** The defaults of `site.search()`. */
export const DEFAULT_SITE_SEARCH = Object.freeze({ limit: 10, offset: 0, prefix: false })
/** The default `limit` of `site.suggest()`. */
export const DEFAULT_SITE_SUGGEST = Object.freeze({ limit: 5 })
/** The largest `limit` of a search or a suggestion. */
export const MAX_SITE_LIMIT = 100
/** Fields of pages whose analysis is kept for their snippets. */
const ANALYZED_PAGES = 256
/** Fragments fetched at most per round (a phrase may check many pages, a page of results needs `limit`). */
const FRAGMENTS_PER_ROUND = 24
const GZIP = [0x1f, 0x8b] as const
const SEARCH_KEYS = ['limit', 'offset', 'filters', 'signal', 'prefix'] as const
const SUGGEST_KEYS = ['limit', 'signal'] as const

const invalid = (where: string, option: string, expected: string, got: unknown) =>
  createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`${option}\` to be ${expected}, got ${describe(got)}`, { option }, 'type')

/** The AbortError of a cancelled search (as `fetch` rejects). */
function abortError(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason
  const error = new Error('This operation was aborted')
  error.name = 'AbortError'
  return error
}

/** Reads a file of the index: fetched (or from disk for `file:` URLs in Node), gzip inflated. */
async function readBytes(url: URL, fetcher: typeof fetch | undefined): Promise<Uint8Array> {
  let bytes: Uint8Array
  if (fetcher === undefined && url.protocol === 'file:') {
    // Node only; a variable, so that bundlers leave it alone
    const module = 'node:fs/promises'
    const { readFile } = (await import(/* @vite-ignore */ module)) as { readFile(path: URL): Promise<Uint8Array> }
    bytes = await readFile(url).catch((error: unknown) => {
      throw Object.assign(createError(ERROR_CODES.SITE_FETCH, `openSite() could not read ${url.href} (${(error as Error).message})`, { url: url.href, status: 404 }), { cause: error })
    })
  } else {
    const response = await (fetcher ?? fetch)(url.href).catch((error: unknown) => {
      throw Object.assign(createError(ERROR_CODES.SITE_FETCH, `openSite() could not fetch ${url.href} (${(error as Error).message})`, { url: url.href }), { cause: error })
    })
    if (!response.ok) throw createError(ERROR_CODES.SITE_FETCH, `openSite() could not fetch ${url.href}: HTTP ${response.status}`, { url: url.href, status: response.status })
    bytes = new Uint8Array(await response.arrayBuffer())
  }
  // a host may have inflated it already (Content-Encoding: gzip)
  if (bytes[0] !== GZIP[0] || bytes[1] !== GZIP[1]) return bytes
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const json = (bytes: Uint8Array): unknown => JSON.parse(utf8.decode(bytes))

/** A damaged file of the index, as the packed index tells it. */
const damaged = (url: string, problem: string) => createError(ERROR_CODES.INVALID_INDEX, `openSite() got a damaged site index: ${url} ${problem}`, { url })

function checkEntry(raw: unknown, url: string): SiteEntry {
  const entry = raw as Partial<SiteEntry> | null
  if (entry === null || typeof entry !== 'object' || entry.format !== SITE_FORMAT) throw damaged(url, 'is not the entry of a fahras site index')
  if (entry.version !== SITE_FORMAT_VERSION) {
    throw createError(ERROR_CODES.INDEX_VERSION_MISMATCH, `openSite() read a site index of version ${describe(entry.version)}; this runtime reads version ${SITE_FORMAT_VERSION}: build the site again with the fahras that wrote this runtime`, { version: entry.version })
  }
  const ok = typeof entry.build === 'string' && /^[0-9a-f]+$/.test(entry.build) && Number.isInteger(entry.pageCount) && entry.pageCount! >= 0
    && Array.isArray(entry.keys) && Array.isArray(entry.chunks) && entry.keys.length === entry.chunks.length
    && entry.chunks.every((c) => typeof c === 'string' && /^[0-9a-f]+$/.test(c)) && entry.keys.every((k, i) => typeof k === 'string' && (i === 0 || entry.keys![i - 1]! < k))
    && Array.isArray(entry.averageFieldLength) && entry.averageFieldLength.length === SITE_FIELDS.length
    && entry.filters !== null && typeof entry.filters === 'object' && entry.meta !== null && typeof entry.meta === 'object'
  if (!ok) throw damaged(url, 'has missing or malformed parts')
  return entry as SiteEntry
}

function checkFragment(raw: unknown, url: string): SiteFragment {
  const f = raw as Partial<SiteFragment> | null
  if (f === null || typeof f !== 'object' || typeof f.url !== 'string' || typeof f.title !== 'string' || typeof f.text !== 'string' || f.meta === null || typeof f.meta !== 'object') {
    throw damaged(url, 'is not the fragment of a page')
  }
  return f as SiteFragment
}

/** The analysis and options of a site index, from its header (as `PackedIndex.load` reads them). */
function resolvedOf(entry: SiteEntry, url: string) {
  const header = readSavedHeader({ ...entry.meta, index: null })
  if (header.fields.length !== SITE_FIELDS.length || header.fields.some((f, i) => f !== SITE_FIELDS[i])) throw damaged(url, 'names other fields than title and text')
  const analyzer = resolveSavedAnalyzer(header)
  return resolveIndexOptions(mergeSavedOptions<ArabicSearchOptions>(header, analyzer, undefined), 'openSite()')
}

/** The hits of `hits` whose page is allowed, read lazily. */
function* allowedHits(hits: Iterable<EngineHit>, allowed: (doc: number) => boolean): Generator<EngineHit> {
  for (const hit of hits) if (allowed(hit.id as number)) yield hit
}

/**
 * An engine that keeps only the pages of `allowed`, and counts the matches of its first search
 * (the query evaluated whole: the count comes from the documents matched, the hits are still
 * read lazily, only as many as the page needs).
 */
function pagesOf(engine: SearchEngine, allowed: ((doc: number) => boolean) | null, count: { total: number | null }): SearchEngine {
  return {
    ...engine,
    search(query, options) {
      const hits = engine.search(query, { ...options, k: undefined }) as PackedHits
      if (count.total === null) {
        const matched = hits.matched ?? Int32Array.from(hits, (hit) => hit.id as number)
        let total = 0
        if (allowed === null) total = matched.length
        else for (const doc of matched) if (allowed(doc)) total++
        count.total = total
      }
      return allowed === null ? hits : allowedHits(hits, allowed)
    },
  }
}

/**
 * Opens the site index written by `fahras site`: fetches its entry (a few kB) and returns a
 * {@link Site}. Term chunks and fragments are fetched as searches need them, and kept.
 *
 * @example
 * ```ts
 * import { openSite } from '/fahras/fahras.js'
 * const site = await openSite()
 * const { total, results } = await site.search('عاصمة العراق')
 * results[0].snippet.html // '… <mark>عاصمة</mark> <mark>العراق</mark> بغداد …' (escaped)
 * ```
 */
export async function openSite(options: OpenSiteOptions = {}, moduleUrl?: string): Promise<Site> {
  if (options === null || typeof options !== 'object') throw invalid('openSite()', 'options', 'an object', options)
  for (const key of Object.keys(options)) if (key !== 'baseUrl' && key !== 'fetch') throw createError(ERROR_CODES.INVALID_OPTION, `openSite() got an unknown option \`${key}\`; expected one of \`baseUrl\`, \`fetch\``, { option: key }, 'type')
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw invalid('openSite()', 'fetch', 'a function', options.fetch)
  let base: URL
  try {
    const given = options.baseUrl ?? moduleUrl
    if (given === undefined) throw new TypeError('no base URL')
    base = new URL(String(given), typeof location === 'object' ? location.href : undefined)
  } catch {
    throw invalid('openSite()', 'baseUrl', 'the URL of the folder of fahras.js', options.baseUrl)
  }
  if (!base.pathname.endsWith('/')) base = new URL(`${base.pathname}/${base.search}`, base)
  const fetcher = options.fetch
  const files = new Map<string, Promise<Uint8Array>>()
  /** A file of the index, fetched once (a failed fetch is tried again next time). */
  const file = (path: string): Promise<Uint8Array> => {
    let pending = files.get(path)
    if (pending === undefined) {
      pending = readBytes(new URL(path, base), fetcher)
      files.set(path, pending)
      pending.catch(() => files.delete(path))
    }
    return pending
  }

  const entryUrl = new URL(ENTRY_FILE, base).href
  const entryBytes = await readBytes(new URL(ENTRY_FILE, base), fetcher)
  let entry: SiteEntry
  let lengths: Int32Array
  try {
    const decoded = decodeEntry(entryBytes, SITE_FIELDS.length)
    entry = checkEntry(decoded.json, entryUrl)
    lengths = decoded.lengths(entry.pageCount)
  } catch (error) {
    if (error instanceof FormatProblem || error instanceof SyntaxError || error instanceof TypeError) throw Object.assign(damaged(entryUrl, error.message), { cause: error })
    throw error
  }
  const resolved = resolvedOf(entry, entryUrl)
  const data: SiteData = { entry, lengths, fragments: new Map() }
  const filterPages = new Map<string, FilterFile>()
  const fieldNumbers = new Map(SITE_FIELDS.map((name, f) => [name, f]))
  // one view and one engine for the life of the site: chunks are added to the view as they come
  const view = siteView(data, SITE_FIELDS.length)
  const engine: SearchEngine = { ...packedEngine(view, fieldNumbers, (doc) => view.storedAt(doc)), fieldMatches }
  // The words of the pages shown last, analyzed once: a snippet finds its matches among them
  // (the same words `analyzer.matches` would find), not by analyzing the text again on each keystroke.
  const analyzed = new Map<string, Map<string, FieldMatch[]>>()
  function fieldMatches(id: DocumentId, field: string, wanted: readonly string[], text: string): FieldMatch[] {
    const key = `${String(id)}\u0000${field}`
    let byTerm = analyzed.get(key)
    if (byTerm === undefined) {
      byTerm = new Map()
      const add = (term: string, w: AnalyzedTerm) => {
        const list = byTerm!.get(term)
        const match = { position: w.position, start: w.start, end: w.end, term }
        if (list === undefined) byTerm!.set(term, [match])
        else list.push(match)
      }
      for (const w of resolved.analyzer.analyze(text)) {
        add(w.term, w)
        if (w.word !== w.term) add(SURFACE + w.word, w)
      }
      if (analyzed.size >= ANALYZED_PAGES) analyzed.delete(analyzed.keys().next().value!)
      analyzed.set(key, byTerm)
    }
    const out: FieldMatch[] = []
    for (const term of new Set(wanted)) out.push(...(byTerm.get(term) ?? []))
    return out
  }

  async function fetchChunk(c: number): Promise<void> {
    const path = chunkPath(entry.chunks[c]!)
    let chunk: DecodedChunk
    try {
      chunk = decodeChunk(await file(path), SITE_FIELDS.length, entry.pageCount)
    } catch (error) {
      if (error instanceof FormatProblem || error instanceof RangeError) throw Object.assign(damaged(new URL(path, base).href, error.message), { cause: error })
      throw error
    }
    view.add(c, chunk)
  }
  async function fetchFragment(page: number): Promise<void> {
    const path = fragmentPath(entry.build, page)
    const url = new URL(path, base).href
    const bytes = await file(path)
    let raw: unknown
    try {
      raw = decodeFragment(bytes)
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof FormatProblem) throw damaged(url, 'is not a fragment')
      throw error
    }
    data.fragments.set(page, checkFragment(raw, url))
  }
  async function filterOf(key: string): Promise<FilterFile> {
    let pages = filterPages.get(key)
    if (pages === undefined) {
      const path = filterPath(entry.filters[key]!.file)
      const raw = json(await file(path)) as Record<string, unknown>
      const table: Record<string, number[]> = {}
      for (const [value, gaps] of Object.entries(raw)) {
        if (!Array.isArray(gaps)) throw damaged(new URL(path, base).href, 'is not a filter')
        let page = 0
        table[value] = gaps.map((gap: number, i) => (page = i === 0 ? gap : page + gap))
      }
      filterPages.set(key, (pages = table))
    }
    return pages
  }

  /** Runs `run` until it reads nothing that is not fetched, fetching what it lacked between runs. */
  async function settle<R>(run: (context: SearchContext) => R, signal: AbortSignal | undefined): Promise<R> {
    for (;;) {
      if (signal?.aborted) throw abortError(signal)
      view.missing.chunks.clear()
      view.missing.pages.clear()
      const context: SearchContext = {
        analyzer: resolved.analyzer, fields: resolved.fields, storeFields: [...SITE_FIELDS], exactBoost: resolved.exactBoost,
        snippet: resolved.snippet, options: resolved.options as SearchContext['options'], engine,
      }
      const result = run(context)
      if (view.missing.empty) return result
      const pages = [...view.missing.pages].slice(0, FRAGMENTS_PER_ROUND)
      const waits = [...[...view.missing.chunks].map(fetchChunk), ...pages.map(fetchFragment)]
      if (signal === undefined) await Promise.all(waits)
      else {
        // a cancelled search stops waiting; what it fetched is kept for the next one
        await new Promise<void>((resolve, reject) => {
          const abort = () => reject(abortError(signal))
          signal.addEventListener('abort', abort, { once: true })
          Promise.all(waits).then(() => {
            signal.removeEventListener('abort', abort)
            resolve()
          }, (error: unknown) => {
            signal.removeEventListener('abort', abort)
            reject(error)
          })
        })
      }
    }
  }

  const filters: Record<string, readonly string[]> = {}
  for (const [key, { values }] of Object.entries(entry.filters)) filters[key] = Object.freeze([...values])

  async function search(query: string, searchOptions: SiteSearchOptions = {}): Promise<SiteResults> {
    const where = 'site.search()'
    if (typeof query !== 'string') throw createError(ERROR_CODES.INVALID_ARGUMENT, `${where} expected the query to be a string, got ${describe(query)}`, {}, 'type')
    const o = checkKeys(searchOptions, where, SEARCH_KEYS)
    const limit = o.limit ?? DEFAULT_SITE_SEARCH.limit
    const offset = o.offset ?? DEFAULT_SITE_SEARCH.offset
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SITE_LIMIT) throw invalid(where, 'limit', `an integer from 1 to ${MAX_SITE_LIMIT}`, limit)
    if (!Number.isInteger(offset) || offset < 0) throw invalid(where, 'offset', 'an integer >= 0', offset)
    if (o.prefix !== undefined && typeof o.prefix !== 'boolean') throw invalid(where, 'prefix', 'a boolean', o.prefix)
    const signal = checkSignal(o.signal, where)
    const allowed = await allowedPages(o.filters, where)
    const searchOptions_: SearchOptions<never> = { limit, offset, prefix: o.prefix ?? DEFAULT_SITE_SEARCH.prefix }
    let total = 0
    const results = await settle((context) => {
      const count = { total: null as number | null }
      const found = runSearch({ ...context, engine: pagesOf(context.engine, allowed, count) }, query, searchOptions_)
      total = count.total ?? 0
      return found
    }, signal)
    return { query, total: Math.max(total, offset + results.length), results: results.map((r) => siteResult(r, data)) }
  }

  async function allowedPages(given: SiteSearchOptions['filters'], where: string): Promise<((doc: number) => boolean) | null> {
    if (given === undefined) return null
    if (given === null || typeof given !== 'object' || Array.isArray(given)) throw invalid(where, 'filters', 'an object of filter names and values', given)
    const sets: Array<Set<number>> = []
    for (const [key, value] of Object.entries(given)) {
      const values = typeof value === 'string' ? [value] : value
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) throw invalid(where, `filters.${key}`, 'a string or an array of strings', value)
      // a filter the site does not have keeps no page
      const pages = entry.filters[key] ? await filterOf(key) : {}
      const set = new Set<number>()
      for (const v of values) for (const page of pages[v] ?? []) set.add(page)
      sets.push(set)
    }
    return (doc) => sets.every((s) => s.has(doc))
  }

  async function suggest(query: string, suggestOptions: { limit?: number; signal?: AbortSignal } = {}): Promise<SiteSuggestion[]> {
    const where = 'site.suggest()'
    if (typeof query !== 'string') throw createError(ERROR_CODES.INVALID_ARGUMENT, `${where} expected the query to be a string, got ${describe(query)}`, {}, 'type')
    const o = checkKeys(suggestOptions, where, SUGGEST_KEYS)
    const limit = o.limit ?? DEFAULT_SITE_SUGGEST.limit
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SITE_LIMIT) throw invalid(where, 'limit', `an integer from 0 to ${MAX_SITE_LIMIT}`, limit)
    const signal = checkSignal(o.signal, where)
    const found = await settle((context) => runSuggest(context, query, { limit }), signal)
    return found.map((s) => ({ suggestion: s.suggestion, score: s.score }))
  }

  return { pageCount: entry.pageCount, filters: Object.freeze(filters), search, suggest }
}

function checkKeys<O extends object>(options: O, where: string, keys: readonly string[]): Partial<O> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalid(where, 'options', 'an object', options)
  for (const key of Object.keys(options)) {
    if (!keys.includes(key)) throw createError(ERROR_CODES.INVALID_OPTION, `${where} got an unknown option \`${key}\`; expected one of ${keys.map((k) => `\`${k}\``).join(', ')}`, { option: key }, 'type')
  }
  return options as Partial<O>
}

function checkSignal(signal: unknown, where: string): AbortSignal | undefined {
  if (signal === undefined) return undefined
  if (signal === null || typeof signal !== 'object' || typeof (signal as AbortSignal).aborted !== 'boolean') throw invalid(where, 'signal', 'an AbortSignal', signal)
  return signal as AbortSignal
}

/** A result as a site shows it: the page's URL, title and meta, and the text's snippet (else the title's). */
function siteResult(result: SearchResult, data: SiteData): SiteResult {
  const fragment = data.fragments.get(result.id as number)!
  const snippets = result.snippets as Record<string, { html: string; text: string } | undefined>
  const snippet = snippets.text ?? snippets.title ?? { html: '', text: '' }
  return { url: fragment.url, title: fragment.title, score: result.score, meta: fragment.meta, snippet: { html: snippet.html, text: snippet.text } }
}

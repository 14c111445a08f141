/**
 * A session over one build of a site index: its entry, the view and engine over the chunks
 * fetched so far, the fragments and filters fetched, and the search loop that runs the shared
 * searcher until it reads nothing missing (view.ts). A new build means a new session
 * (open-site.ts). @internal
 */
import { resolveIndexOptions } from '../../search/index-options.js'
import type { ArabicSearchOptions, SearchOptions, SearchResult } from '../../search/options.js'
import { FormatProblem } from '../../search/packed/bytes.js'
import { packedEngine, type PackedHits } from '../../search/packed/engine.js'
import { mergeSavedOptions, readSavedHeader, resolveSavedAnalyzer } from '../../search/saved-index.js'
import { keep, runSearch, runSuggest, type SearchContext, type SearchEngine } from '../../search/searcher.js'
import {
  chunkPath,
  decodeChunk,
  decodeEntry,
  decodeFragment,
  filterPath,
  fragmentPath,
  SITE_FIELDS,
  type DecodedChunk,
  type SiteEntry,
} from '../format.js'
import type { SiteResult, SiteResults, SiteSearchOptions, SiteSuggestion } from '../types.js'
import { checkEntry, checkFragment, damaged, json } from './files.js'
import { pageMatches, type PageWords } from './page-words.js'
import { clearMissing, nothingMissing, siteView, type SiteData, type SiteView } from './view.js'

/** Fragments fetched at most per round (a phrase may check many pages, a page of results needs `limit`). */
const FRAGMENTS_PER_ROUND = 24

/** The AbortError of a cancelled search (as `fetch` rejects). */
export function abortError(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason
  const error = new Error('This operation was aborted')
  error.name = 'AbortError'
  return error
}

/** The analysis and options of a site index, from its header (as `PackedIndex.load` reads them). */
function resolvedOf(entry: SiteEntry, url: string) {
  const header = readSavedHeader({ ...entry.meta, index: null })
  if (header.fields.length !== SITE_FIELDS.length || header.fields.some((f, i) => f !== SITE_FIELDS[i]))
    throw damaged(url, 'names other fields than title and text')
  const analyzer = resolveSavedAnalyzer(header)
  return resolveIndexOptions(mergeSavedOptions<ArabicSearchOptions>(header, analyzer, undefined), 'openSite()')
}

/**
 * An engine that keeps only the pages of `allowed`, and counts the matches of its first search
 * (the query evaluated whole: the count comes from the documents matched, the hits are still
 * read lazily, only as many as the page needs).
 */
function pagesOf(
  engine: SearchEngine,
  allowed: ((doc: number) => boolean) | null,
  count: { total: number | null },
): SearchEngine {
  return {
    ...engine,
    search(query, options) {
      const hits = engine.search(query, { ...options, k: undefined }) as PackedHits
      if (count.total === null) {
        // the query is evaluated whole (no k): the engine gives every document it matched
        const matched = hits.matched!
        let total = 0
        if (allowed === null) total = matched.length
        else for (const doc of matched) if (allowed(doc)) total++
        count.total = total
      }
      return allowed === null ? hits : keep(hits, (hit) => allowed(hit.id as number))
    },
  }
}

/** A search as the session runs it (options checked by open-site.ts). */
export interface SessionSearch {
  readonly limit: number
  readonly offset: number
  readonly prefix: boolean
  readonly filters: SiteSearchOptions['filters']
  readonly signal: AbortSignal | undefined
}

/** An opened build of a site index. */
export interface Session {
  readonly entry: SiteEntry
  search(query: string, options: SessionSearch): Promise<SiteResults>
  suggest(query: string, limit: number, signal: AbortSignal | undefined): Promise<SiteSuggestion[]>
}

/** An open session: its entry, where its files are, what it fetched, and the context its searches run in. @internal */
interface SessionState {
  readonly entry: SiteEntry
  /** The folder of the index, and the way to fetch one of its files (kept by the caller). */
  readonly base: URL
  readonly file: (path: string) => Promise<Uint8Array>
  readonly data: SiteData
  /** One view and one engine for the life of the site: chunks are added to the view as they come. */
  readonly view: SiteView
  readonly context: SearchContext
  /** The pages of each value of each filter fetched (a Map: a value such as `constructor` is no object key). */
  readonly filterPages: Map<string, Map<string, number[]>>
}

/** The entry and the field lengths it holds, decoded and checked; a damaged entry throws as such. @internal */
function readEntry(entryBytes: Uint8Array, entryUrl: string): { entry: SiteEntry; lengths: Int32Array } {
  try {
    const decoded = decodeEntry(entryBytes, SITE_FIELDS.length)
    const entry = checkEntry(decoded.json, entryUrl)
    return { entry, lengths: decoded.lengths(entry.pageCount) }
  } catch (error) {
    if (error instanceof FormatProblem || error instanceof SyntaxError || error instanceof TypeError)
      throw Object.assign(damaged(entryUrl, error.message), { cause: error })
    throw error
  }
}

/** Fetches term chunk `c` into the view, unless it is there. @internal */
async function fetchChunk(session: SessionState, c: number): Promise<void> {
  if (session.view.has(c)) return
  const path = chunkPath(session.entry.chunks[c]!)
  let chunk: DecodedChunk
  try {
    chunk = decodeChunk(await session.file(path), SITE_FIELDS.length, session.entry.pageCount)
  } catch (error) {
    if (error instanceof FormatProblem || error instanceof RangeError)
      throw Object.assign(damaged(new URL(path, session.base).href, error.message), { cause: error })
    throw error
  }
  session.view.add(c, chunk)
}

/** Fetches the fragment of `page` (its URL, title, text and meta), unless it is there. @internal */
async function fetchFragment(session: SessionState, page: number): Promise<void> {
  const { fragments } = session.data
  if (fragments.has(page)) return
  const path = fragmentPath(session.entry.build, page)
  const url = new URL(path, session.base).href
  const bytes = await session.file(path)
  let raw: unknown
  try {
    raw = decodeFragment(bytes)
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof FormatProblem) throw damaged(url, 'is not a fragment')
    throw error
  }
  fragments.set(page, checkFragment(raw, url))
}

/** A filter file read: the pages of each value, the first page then gaps of at least 1, all within the site. @internal */
function filterTable(raw: unknown, pageCount: number, url: string): Map<string, number[]> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw damaged(url, 'is not a filter')
  const table = new Map<string, number[]>()
  for (const [value, gaps] of Object.entries(raw)) {
    const list: number[] = []
    let page = 0
    for (const [i, gap] of (Array.isArray(gaps) ? gaps : [null]).entries()) {
      if (!Number.isInteger(gap) || gap < (i === 0 ? 0 : 1) || (page = i === 0 ? gap : page + gap) >= pageCount) {
        throw damaged(url, 'is not a filter')
      }
      list.push(page)
    }
    table.set(value, list)
  }
  return table
}

/** The pages of each value of a filter, fetched the first time. @internal */
async function filterOf(session: SessionState, key: string): Promise<Map<string, number[]>> {
  let pages = session.filterPages.get(key)
  if (pages === undefined) {
    const path = filterPath(session.entry.filters[key]!.file)
    const url = new URL(path, session.base).href
    const bytes = await session.file(path)
    let raw: unknown
    try {
      raw = json(bytes)
    } catch (error) {
      throw Object.assign(damaged(url, 'is not a filter'), { cause: error })
    }
    pages = filterTable(raw, session.entry.pageCount, url)
    session.filterPages.set(key, pages)
  }
  return pages
}

/** Waits for `waits`; a cancelled search stops waiting (what it fetched is kept for the next one). @internal */
function untilFetched(waits: Array<Promise<void>>, signal: AbortSignal | undefined): Promise<unknown> {
  if (signal === undefined) return Promise.all(waits)
  return new Promise<void>((resolve, reject) => {
    const abort = () => reject(abortError(signal))
    signal.addEventListener('abort', abort, { once: true })
    Promise.all(waits).then(
      () => {
        signal.removeEventListener('abort', abort)
        resolve()
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort)
        reject(error)
      },
    )
  })
}

/** Runs `run` until it reads nothing that is not fetched, fetching what it lacked between runs. @internal */
async function settle<R>(
  session: SessionState,
  run: (context: SearchContext) => R,
  signal: AbortSignal | undefined,
): Promise<R> {
  const { missing } = session.view
  for (;;) {
    if (signal?.aborted) throw abortError(signal)
    clearMissing(missing)
    const result = run(session.context)
    if (nothingMissing(missing)) return result
    const pages = [...missing.pages].slice(0, FRAGMENTS_PER_ROUND)
    await untilFetched(
      [...[...missing.chunks].map((c) => fetchChunk(session, c)), ...pages.map((page) => fetchFragment(session, page))],
      signal,
    )
  }
}

/** Whether a page passes the filters (every filter given, one of its values); null when none is given. @internal */
async function allowedPages(
  session: SessionState,
  given: SiteSearchOptions['filters'],
): Promise<((doc: number) => boolean) | null> {
  if (given === undefined) return null
  const sets: Array<Set<number>> = []
  for (const [key, value] of Object.entries(given)) {
    const values = (typeof value === 'string' ? [value] : value) as readonly string[]
    // a filter the site does not have keeps no page
    const pages = Object.hasOwn(session.entry.filters, key) ? await filterOf(session, key) : new Map<string, number[]>()
    const set = new Set<number>()
    for (const v of values) for (const page of pages.get(v) ?? []) set.add(page)
    sets.push(set)
  }
  return (doc) => sets.every((s) => s.has(doc))
}

/** A search of the session: its page of results and their total. @internal */
async function searchSession(session: SessionState, query: string, o: SessionSearch): Promise<SiteResults> {
  const { limit, offset, signal } = o
  const allowed = await allowedPages(session, o.filters)
  const pageOptions: SearchOptions<never> = { limit, offset, prefix: o.prefix }
  let total = 0
  const results = await settle(
    session,
    (context) => {
      const count = { total: null as number | null }
      const found = runSearch({ ...context, engine: pagesOf(context.engine, allowed, count) }, query, pageOptions)
      total = count.total ?? 0
      return found
    },
    signal,
  )
  // a page that is not full ends the results: its end is the exact total (a phrase's count
  // above counts the pages holding its words, and only the pages read were checked for it)
  const exact = results.length < limit && (results.length > 0 || offset === 0)
  return {
    query,
    total: exact ? offset + results.length : Math.max(total, offset + results.length),
    results: results.map((r) => siteResult(r, session.data)),
  }
}

/** The session's suggestions for a query. @internal */
async function suggestSession(
  session: SessionState,
  query: string,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<SiteSuggestion[]> {
  const found = await settle(session, (context) => runSuggest(context, query, { limit }), signal)
  return found.map((s) => ({ suggestion: s.suggestion, score: s.score }))
}

/** A session over the entry's bytes; `file` fetches a file of the index (kept by the caller). */
export function openSession(
  entryBytes: Uint8Array,
  entryUrl: string,
  base: URL,
  file: (path: string) => Promise<Uint8Array>,
): Session {
  const { entry, lengths } = readEntry(entryBytes, entryUrl)
  const resolved = resolvedOf(entry, entryUrl)
  const data: SiteData = { entry, lengths, fragments: new Map() }
  const fieldNumbers = new Map(SITE_FIELDS.map((name, f) => [name, f]))
  const view = siteView(data, SITE_FIELDS.length)
  const words: PageWords = { analyzer: resolved.analyzer, fields: new Map() }
  const engine: SearchEngine = {
    ...packedEngine(view, fieldNumbers, (doc) => view.storedAt(doc)),
    fieldMatches: (id, field, wanted, text) => pageMatches(words, id, field, wanted, text),
  }
  const context: SearchContext = {
    analyzer: resolved.analyzer,
    fields: resolved.fields,
    storeFields: [...SITE_FIELDS],
    exactBoost: resolved.exactBoost,
    snippet: resolved.snippet,
    options: resolved.options as SearchContext['options'],
    engine,
  }
  const session: SessionState = { entry, base, file, data, view, context, filterPages: new Map() }
  return {
    entry,
    search: (query, options) => searchSession(session, query, options),
    suggest: (query, limit, signal) => suggestSession(session, query, limit, signal),
  }
}

/** A result as a site shows it: the page's URL, title and meta, and the text's snippet (else the title's). */
function siteResult(result: SearchResult, data: SiteData): SiteResult {
  const fragment = data.fragments.get(result.id as number)!
  const snippets = result.snippets as Record<string, { html: string; text: string } | undefined>
  const snippet = snippets.text ?? snippets.title ?? { html: '', text: '' }
  return {
    url: fragment.url,
    title: fragment.title,
    lang: fragment.lang,
    score: result.score,
    meta: fragment.meta,
    snippet: { html: snippet.html, text: snippet.text },
  }
}

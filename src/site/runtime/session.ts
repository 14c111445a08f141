/**
 * A session over one build of a site index: its entry, the view and engine over the chunks
 * fetched so far, the fragments and filters fetched, and the search loop that runs the shared
 * searcher until it reads nothing missing (view.ts). A new build means a new session
 * (open-site.ts). @internal
 */
import type { AnalyzedTerm } from '../../analyze/analyze.js'
import { resolveIndexOptions } from '../../search/index-options.js'
import type { ArabicSearchOptions, DocumentId, SearchOptions, SearchResult } from '../../search/options.js'
import { FormatProblem } from '../../search/packed/bytes.js'
import { packedEngine, type PackedHits } from '../../search/packed/engine.js'
import { mergeSavedOptions, readSavedHeader, resolveSavedAnalyzer } from '../../search/saved-index.js'
import {
  keep,
  runSearch,
  runSuggest,
  SURFACE,
  type FieldMatch,
  type SearchContext,
  type SearchEngine,
} from '../../search/searcher.js'
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
import { siteView, type SiteData } from './view.js'

/** Fields of pages whose analysis is kept for their snippets. */
const ANALYZED_PAGES = 256
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

/** A session over the entry's bytes; `file` fetches a file of the index (kept by the caller). */
export function openSession(
  entryBytes: Uint8Array,
  entryUrl: string,
  base: URL,
  file: (path: string) => Promise<Uint8Array>,
): Session {
  let entry: SiteEntry
  let lengths: Int32Array
  try {
    const decoded = decodeEntry(entryBytes, SITE_FIELDS.length)
    entry = checkEntry(decoded.json, entryUrl)
    lengths = decoded.lengths(entry.pageCount)
  } catch (error) {
    if (error instanceof FormatProblem || error instanceof SyntaxError || error instanceof TypeError)
      throw Object.assign(damaged(entryUrl, error.message), { cause: error })
    throw error
  }
  const resolved = resolvedOf(entry, entryUrl)
  const data: SiteData = { entry, lengths, fragments: new Map() }
  const filterPages = new Map<string, Map<string, number[]>>()
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

  const context: SearchContext = {
    analyzer: resolved.analyzer,
    fields: resolved.fields,
    storeFields: [...SITE_FIELDS],
    exactBoost: resolved.exactBoost,
    snippet: resolved.snippet,
    options: resolved.options as SearchContext['options'],
    engine,
  }

  async function fetchChunk(c: number): Promise<void> {
    if (view.has(c)) return
    const path = chunkPath(entry.chunks[c]!)
    let chunk: DecodedChunk
    try {
      chunk = decodeChunk(await file(path), SITE_FIELDS.length, entry.pageCount)
    } catch (error) {
      if (error instanceof FormatProblem || error instanceof RangeError)
        throw Object.assign(damaged(new URL(path, base).href, error.message), { cause: error })
      throw error
    }
    view.add(c, chunk)
  }
  async function fetchFragment(page: number): Promise<void> {
    if (data.fragments.has(page)) return
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
  /** The pages of each value of a filter (a Map: a value such as `constructor` is no object key). */
  async function filterOf(key: string): Promise<Map<string, number[]>> {
    let pages = filterPages.get(key)
    if (pages === undefined) {
      const path = filterPath(entry.filters[key]!.file)
      const bytes = await file(path)
      let raw: unknown
      try {
        raw = json(bytes)
      } catch (error) {
        throw Object.assign(damaged(new URL(path, base).href, 'is not a filter'), { cause: error })
      }
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw damaged(new URL(path, base).href, 'is not a filter')
      const table = new Map<string, number[]>()
      for (const [value, gaps] of Object.entries(raw)) {
        // the first page, then gaps of at least 1, all within the site
        const list: number[] = []
        let page = 0
        for (const [i, gap] of (Array.isArray(gaps) ? gaps : [null]).entries()) {
          if (
            !Number.isInteger(gap) ||
            gap < (i === 0 ? 0 : 1) ||
            (page = i === 0 ? gap : page + gap) >= entry.pageCount
          ) {
            throw damaged(new URL(path, base).href, 'is not a filter')
          }
          list.push(page)
        }
        table.set(value, list)
      }
      filterPages.set(key, (pages = table))
    }
    return pages
  }

  /** Runs `run` until it reads nothing that is not fetched, fetching what it lacked between runs. */
  async function settle<R>(run: (context: SearchContext) => R, signal: AbortSignal | undefined): Promise<R> {
    for (;;) {
      if (signal?.aborted) throw abortError(signal)
      view.missing.clear()
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
    }
  }

  async function search(query: string, o: SessionSearch): Promise<SiteResults> {
    const { limit, offset, signal } = o
    const allowed = await allowedPages(o.filters)
    const searchOptions_: SearchOptions<never> = { limit, offset, prefix: o.prefix }
    let total = 0
    const results = await settle((context) => {
      const count = { total: null as number | null }
      const found = runSearch({ ...context, engine: pagesOf(context.engine, allowed, count) }, query, searchOptions_)
      total = count.total ?? 0
      return found
    }, signal)
    // a page that is not full ends the results: its end is the exact total (a phrase's count
    // above counts the pages holding its words, and only the pages read were checked for it)
    const exact = results.length < limit && (results.length > 0 || offset === 0)
    return {
      query,
      total: exact ? offset + results.length : Math.max(total, offset + results.length),
      results: results.map((r) => siteResult(r, data)),
    }
  }

  async function allowedPages(given: SiteSearchOptions['filters']): Promise<((doc: number) => boolean) | null> {
    if (given === undefined) return null
    const sets: Array<Set<number>> = []
    for (const [key, value] of Object.entries(given)) {
      const values = (typeof value === 'string' ? [value] : value) as readonly string[]
      // a filter the site does not have keeps no page
      const pages = Object.hasOwn(entry.filters, key) ? await filterOf(key) : new Map<string, number[]>()
      const set = new Set<number>()
      for (const v of values) for (const page of pages.get(v) ?? []) set.add(page)
      sets.push(set)
    }
    return (doc) => sets.every((s) => s.has(doc))
  }

  async function suggest(query: string, limit: number, signal: AbortSignal | undefined): Promise<SiteSuggestion[]> {
    const found = await settle((context) => runSuggest(context, query, { limit }), signal)
    return found.map((s) => ({ suggestion: s.suggestion, score: s.score }))
  }

  return { entry, search, suggest }
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

/**
 * `openSite()`: the runtime of a site index, in browsers and in Node 18+. A search runs the
 * shared searcher (searcher.ts) over the packed index's engine on what the page has fetched
 * (view.ts, session.ts); what it lacked is fetched (term chunks in parallel, then the fragments
 * of the results) and the search runs again, until it lacks nothing: its results are then those
 * of a `PackedIndex` of the same pages. Files fetched are kept for the next searches. When the
 * site was built again since the page opened it (a file of the old build is gone), the new
 * entry is read and the search runs on the new build. @internal
 */
import {
  checkOptions,
  checkSignal,
  createError,
  invalidOption,
  describe,
  ERROR_CODES,
  isFahrasError,
} from '../../errors.js'
import { ENTRY_FILE } from '../format.js'
import type { OpenSiteOptions, Site, SiteSearchOptions } from '../types.js'
import { readBytes } from './files.js'
import { openSession, type Session, type SessionSearch } from './session.js'

/** The defaults of `site.search()`. */
export const DEFAULT_SITE_SEARCH = Object.freeze({ limit: 10, offset: 0, prefix: false })
/** The default `limit` of `site.suggest()`. */
export const DEFAULT_SITE_SUGGEST = Object.freeze({ limit: 5 })
/** The largest `limit` of a search or a suggestion. */
export const MAX_SITE_LIMIT = 100
/** The options of `site.search()` and `site.suggest()`, and their types (ranges are checked after). */
const SEARCH_SCHEMA = {
  limit: 'number',
  offset: 'number',
  filters: 'object',
  signal: 'object',
  prefix: 'boolean',
} as const
const SUGGEST_SCHEMA = { limit: 'number', signal: 'object' } as const

/** A file of an older build that is gone: the site was built again. */
const gone = (error: unknown) =>
  isFahrasError(error) &&
  error.code === ERROR_CODES.SITE_FETCH &&
  (error as { details?: { status?: number } }).details?.status === 404

/** The folder of the index: `baseUrl`, else the module's folder, always ending with `/`. @internal */
function siteBase(options: OpenSiteOptions, moduleUrl: string | undefined): URL {
  let base: URL
  try {
    const given = options.baseUrl ?? moduleUrl
    if (given === undefined) throw new TypeError('no base URL')
    base = new URL(String(given), typeof location === 'object' ? location.href : undefined)
  } catch {
    throw invalidOption('openSite()', 'baseUrl', 'the URL of the folder of fahras.js', options.baseUrl)
  }
  if (!base.pathname.endsWith('/')) base = new URL(`${base.pathname}/${base.search}`, base)
  return base
}

/** Throws unless the query is a string. @internal */
function checkQuery(query: unknown, where: string): void {
  if (typeof query !== 'string')
    throw createError(
      ERROR_CODES.INVALID_ARGUMENT,
      `${where} expected the query to be a string, got ${describe(query)}`,
      {},
      'type',
    )
}

/** The options of `site.search()`, checked, with their defaults. @internal */
function checkSearchOptions(searchOptions: SiteSearchOptions, where: string): SessionSearch {
  const o = checkOptions(searchOptions, where, SEARCH_SCHEMA) as SiteSearchOptions
  const limit = o.limit ?? DEFAULT_SITE_SEARCH.limit
  const offset = o.offset ?? DEFAULT_SITE_SEARCH.offset
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SITE_LIMIT)
    throw invalidOption(where, 'limit', `an integer from 1 to ${MAX_SITE_LIMIT}`, limit)
  if (!Number.isInteger(offset) || offset < 0) throw invalidOption(where, 'offset', 'an integer >= 0', offset)
  const filters = o.filters
  if (filters !== undefined) {
    if (filters === null || typeof filters !== 'object' || Array.isArray(filters))
      throw invalidOption(where, 'filters', 'an object of filter names and values', filters)
    for (const [key, value] of Object.entries(filters)) {
      const values = typeof value === 'string' ? [value] : value
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
        throw invalidOption(where, `filters.${key}`, 'a string or an array of strings', value)
    }
  }
  const signal = checkSignal(o.signal, where)
  return { limit, offset, prefix: o.prefix ?? DEFAULT_SITE_SEARCH.prefix, filters, signal }
}

/**
 * Opens the site index written by `fahras site`: fetches its entry and returns a {@link Site}.
 * Term chunks and fragments are fetched as searches need them, and kept.
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
  checkOptions(options, 'openSite()', { baseUrl: 'any', fetch: 'function' })
  const base = siteBase(options, moduleUrl)
  const fetcher = options.fetch
  const pending = new Map<string, Promise<Uint8Array>>()
  /**
   * A file of the index, fetched once however many searches ask for it at the same time. The
   * bytes are not kept: the session keeps what it decoded of them (and fetches nothing it has).
   */
  const file = (path: string): Promise<Uint8Array> => {
    let fetching = pending.get(path)
    if (fetching === undefined) {
      fetching = readBytes(new URL(path, base), { fetcher })
      pending.set(path, fetching)
      const done = () => pending.delete(path)
      fetching.then(done, done)
    }
    return fetching
  }
  const entryUrl = new URL(ENTRY_FILE, base)
  /** The entry as the server has it now (revalidated: it changes with every build). */
  const load = async () => openSession(await readBytes(entryUrl, { fetcher, fresh: true }), entryUrl.href, base, file)
  let session = await load()

  /** Runs `run` on the session; when a file of its build is gone, on the new build once. */
  async function current<R>(run: (s: Session) => Promise<R>): Promise<R> {
    const used = session
    try {
      return await run(used)
    } catch (error) {
      if (!gone(error)) throw error
      if (session === used) {
        const fresh = await load()
        if (fresh.entry.build === used.entry.build) throw error
        session = fresh
      }
      return run(session)
    }
  }

  return {
    get pageCount() {
      return session.entry.pageCount
    },
    get filters() {
      // from entries: a filter named `__proto__` is a key like any other
      return Object.freeze(
        Object.fromEntries(
          Object.entries(session.entry.filters).map(([key, { values }]) => [key, Object.freeze([...values])]),
        ),
      )
    },
    async search(query, searchOptions = {}) {
      const where = 'site.search()'
      checkQuery(query, where)
      const checked = checkSearchOptions(searchOptions, where)
      return current((s) => s.search(query, checked))
    },
    async suggest(query, suggestOptions = {}) {
      const where = 'site.suggest()'
      checkQuery(query, where)
      const o = checkOptions(suggestOptions, where, SUGGEST_SCHEMA) as { limit?: number; signal?: AbortSignal }
      const limit = o.limit ?? DEFAULT_SITE_SUGGEST.limit
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SITE_LIMIT)
        throw invalidOption(where, 'limit', `an integer from 0 to ${MAX_SITE_LIMIT}`, limit)
      const signal = checkSignal(o.signal, where)
      return current((s) => s.suggest(query, limit, signal))
    },
  }
}

/**
 * The shapes shared by `fahras site` (the build, Node) and the runtime it writes beside the index
 * (`fahras.js`, browsers and Node 18+). Types only: no code, so both sides can import it.
 */

/** One page of a site as the build reads it (from HTML, or from Markdown with front matter). */
export interface SitePage {
  /** The page's URL (a path from the site's root, with the base URL when one is given). */
  readonly url: string
  /** The title: `<title>`, else the first `<h1>`; front matter `title` for Markdown. */
  readonly title: string
  /** The `lang` of `<html>` (or front matter `lang`), '' when none. */
  readonly lang: string
  /** The page's content as text (what is searched and what snippets are cut from). */
  readonly text: string
  /** `data-fahras-meta` values: carried by results, not searched. */
  readonly meta: Readonly<Record<string, string>>
  /** `data-fahras-filter` values: searches can keep only pages with one of the given values. */
  readonly filters: Readonly<Record<string, readonly string[]>>
}

/** Options of `site.search()`. */
export interface SiteSearchOptions {
  /** Results per page (default 10, at most 100). */
  readonly limit?: number
  /** Results skipped (default 0). */
  readonly offset?: number
  /** Keep pages whose filter has one of the values: `{ section: 'news' }`, `{ section: ['a', 'b'] }`. */
  readonly filters?: Readonly<Record<string, string | readonly string[]>>
  /** Cancels the search: the promise rejects with an `AbortError` (a stale query while typing). */
  readonly signal?: AbortSignal
  /**
   * Every word is also a prefix (default false). For search as you type, a `*` after the last
   * word makes it alone a prefix: `الشراكة الاستر*`.
   */
  readonly prefix?: boolean
}

/** A snippet cut from the page's text: `html` is escaped, matches in `<mark>`. */
export interface SiteSnippet {
  readonly html: string
  readonly text: string
}

/** One result of `site.search()`. */
export interface SiteResult {
  readonly url: string
  readonly title: string
  /** The page's language (`<html lang>`, front matter `lang`), '' when it has none. */
  readonly lang: string
  readonly score: number
  readonly meta: Readonly<Record<string, string>>
  readonly snippet: SiteSnippet
}

/** What `site.search()` resolves to. */
export interface SiteResults {
  readonly query: string
  /** How many pages match in all (before paging). */
  readonly total: number
  readonly results: readonly SiteResult[]
}

/** A suggestion of `site.suggest()`: the query with its last word completed. */
export interface SiteSuggestion {
  readonly suggestion: string
  readonly score: number
}

/** Options of `openSite()`. */
export interface OpenSiteOptions {
  /** Where the index is (the folder of `fahras.js`); default: found from the module's own URL. */
  readonly baseUrl?: string | URL
  /** The `fetch` to use (default: the global one; in Node, `file:` URLs are read from disk). */
  readonly fetch?: typeof fetch
}

/** An opened site index. */
export interface Site {
  /** Pages in the index. */
  readonly pageCount: number
  /** The filters of the site and their values, e.g. `{ section: ['news', 'sport'] }`. */
  readonly filters: Readonly<Record<string, readonly string[]>>
  search(query: string, options?: SiteSearchOptions): Promise<SiteResults>
  /** Completions of the last word of `query` (best first), each finding at least one page. */
  suggest(
    query: string,
    options?: { readonly limit?: number; readonly signal?: AbortSignal },
  ): Promise<SiteSuggestion[]>
}

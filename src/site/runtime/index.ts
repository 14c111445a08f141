/**
 * The runtime of a site index, written beside it as `fahras.js` by `fahras site`: ESM, no
 * dependencies, for browsers and Node 18+. Its base URL is its own folder unless `baseUrl` is given.
 *
 * @example
 * ```html
 * <script type="module">
 *   import { openSite } from '/fahras/fahras.js'
 *   const site = await openSite()
 *   console.log(await site.search('عاصمة العراق'))
 * </script>
 * ```
 */
import type { OpenSiteOptions, Site } from '../types.js'
import { openSite as open } from './open-site.js'

export type {
  OpenSiteOptions,
  Site,
  SiteResult,
  SiteResults,
  SiteSearchOptions,
  SiteSnippet,
  SiteSuggestion,
} from '../types.js'
export { DEFAULT_SITE_SEARCH, DEFAULT_SITE_SUGGEST, MAX_SITE_LIMIT } from './open-site.js'

/**
 * Opens the site index beside this module (or at `options.baseUrl`).
 *
 * @example
 * ```ts
 * const site = await openSite()                     // in a page: /fahras/ when served from there
 * const other = await openSite({ baseUrl: 'https://example.org/docs/fahras/' })
 * ```
 */
export function openSite(options?: OpenSiteOptions): Promise<Site> {
  return open(options, new URL('./', import.meta.url).href)
}

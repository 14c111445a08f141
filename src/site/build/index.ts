/**
 * `fahras/site`: building the search index of a static site (Node). The runtime that reads it
 * (`openSite`) is written beside the index as `fahras.js`; its types are exported here.
 *
 * @example
 * ```ts
 * import { buildSite } from 'fahras/site'
 * await buildSite({ site: 'public' })   // → public/fahras/
 * ```
 */
export { buildSite, DEFAULT_SITE_OPTIONS, type BuildSiteOptions, type SiteBuildReport } from './build-site.js'
export { DEFAULT_CHUNK_SIZE, type SiteIndexOptions } from './write-index.js'
export { SITE_FORMAT_VERSION } from '../format.js'
export type {
  OpenSiteOptions,
  Site,
  SitePage,
  SiteResult,
  SiteResults,
  SiteSearchOptions,
  SiteSnippet,
  SiteSuggestion,
} from '../types.js'

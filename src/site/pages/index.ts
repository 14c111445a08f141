/**
 * The page readers of `fahras site`: a built site's HTML pages (or Markdown sources with front
 * matter) as `SitePage` records, for the index builder. Node only (node:fs, htmlparser2, marked).
 * Re-exports only.
 */
export { pageFromHtml, readHtmlPage, type PageReading } from './html-page.js'
export { pageFromMarkdown, readMarkdownPage } from './markdown-page.js'
export { readSitePages, DEFAULT_INCLUDE, type ReadSitePagesOptions, type SiteFile } from './walk.js'
export { parseFieldSpecs, type FieldSpec, type ParsedFieldSpecs } from './fields.js'
export {
  BODY_ATTRIBUTE,
  FILTER_ATTRIBUTE,
  IGNORE_ATTRIBUTE,
  MAX_WARNINGS,
  META_ATTRIBUTE,
  type TextSource,
} from './extract.js'
export type { HtmlPageWhere, PageWhere } from './where.js'

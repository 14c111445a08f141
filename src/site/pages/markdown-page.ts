/**
 * A Markdown source with front matter (Hugo, Jekyll, Eleventy…) as a `SitePage`: the front matter
 * gives the title, URL, language, meta and filters; the body is rendered by marked and read as an
 * HTML page's content is (so raw HTML in it may carry data-fahras-ignore, -meta and -filter).
 */
import { assertString } from '../../errors.js'
import { draftReason, markdownToHtml, splitFrontMatter, type FrontMatter } from '../../cli/markdown.js'
import { oneLine } from '../../cli/html.js'
import { pageUrl } from '../../cli/urls.js'
import type { SitePage } from '../types.js'
import { addField, emptyFields, fieldObjects } from './fields.js'
import { extractHtml } from './extract.js'
import type { PageReading } from './html-page.js'
import { checkWhere, type PageWhere } from './where.js'

/**
 * Front matter fields that steer the build rather than describe the page: never copied to meta
 * (title and lang have their own places in the page; url, permalink and slug make its URL).
 */
const BUILD_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'lang',
  'url',
  'permalink',
  'slug',
  'draft',
  'published',
  'layout',
  'weight',
  'aliases',
])
/** Front matter fields that are filters: a list gives each of its items, a single value one item. */
const FILTER_FIELDS: ReadonlySet<string> = new Set(['tags', 'categories'])

/** A front matter value as text: strings trimmed, numbers as written; booleans and lists give none. */
const scalarText = (value: FrontMatter[string] | undefined): string =>
  typeof value === 'string' ? oneLine(value) : typeof value === 'number' ? String(value) : ''

/** Reads a Markdown page whose `where` is checked already (the site walker calls this). */
export function markdownPage(source: string, path: string, base: string): PageReading {
  const split = splitFrontMatter(source)
  if (!split.ok) return { page: null, skipped: split.reason, content: null, warnings: [] }
  const front = split.data
  const draft = draftReason(front)
  if (draft !== null) return { page: null, skipped: draft, content: null, warnings: [] }
  const extracted = extractHtml(markdownToHtml(split.body))
  const fields = emptyFields()
  for (const [key, value] of Object.entries(front)) {
    if (BUILD_FIELDS.has(key)) continue
    if (FILTER_FIELDS.has(key)) {
      for (const item of Array.isArray(value) ? value : [value])
        addField(fields, 'filter', key, typeof item === 'boolean' ? '' : oneLine(String(item)))
    } else {
      addField(fields, 'meta', key, scalarText(value))
    }
  }
  for (const [key, value] of extracted.fields.meta) addField(fields, 'meta', key, value)
  for (const [key, values] of extracted.fields.filters)
    for (const value of values) addField(fields, 'filter', key, value)
  const { meta, filters } = fieldObjects(fields)
  const metaTitle = meta.title
  delete meta.title
  const title = scalarText(front.title) || metaTitle || extracted.h1
  const text = extracted.text.all
  if (title === '' && text === '')
    return { page: null, skipped: 'no title and no text', content: 'markdown', warnings: extracted.warnings }
  const page: SitePage = {
    url: pageUrl(path, base, front),
    title,
    lang: scalarText(front.lang),
    text,
    meta,
    filters,
  }
  return { page, skipped: null, content: 'markdown', warnings: extracted.warnings }
}

/**
 * Reads a Markdown source: its page record, or why it is not indexed, with warnings. The rules:
 * - Front matter: YAML between `---` lines or TOML between `+++` lines at the very top. One that
 *   does not parse skips the page, with the parser's message. `draft: true` (or Jekyll's
 *   `published: false`) skips it.
 * - URL: front matter `url` or `permalink` (a path under `baseUrl`, or a URL with a scheme as it
 *   is), else `slug` in place of the file's name, else the path (`a/b.md` → `/a/b/`,
 *   `a/index.md` and Hugo's `a/_index.md` → `/a/`).
 * - Title: front matter `title`, else the first `# heading`. Language: front matter `lang`.
 * - Text: the body rendered by marked (no `**`, `##` or link target left), all of it but
 *   `<script>`, `<style>`… and `data-fahras-ignore` in raw HTML.
 * - Meta: the string and number fields of the front matter (`description`, `date`, `author`…)
 *   but BUILD_FIELDS; booleans and lists are left out. Filters: `tags` and `categories` (a list,
 *   or a single value). Raw HTML in the body adds its data-fahras-meta and -filter after these.
 * - Skipped too: no title and no text.
 * Throws `FAHRAS_INVALID_ARGUMENT` when `source` is not a string, `FAHRAS_INVALID_OPTION` for a bad `where`.
 *
 * @example
 * ```ts
 * readMarkdownPage('---\ntitle: عن\ntags: [أخبار]\n---\n# مرحبا\n\n**نص**', { path: 'about.md' })
 * // → { page: { url: '/about/', title: 'عن', lang: '', text: 'مرحبا\nنص', meta: {}, filters: { tags: ['أخبار'] } },
 * //     skipped: null, content: 'markdown', warnings: [] }
 * ```
 */
export function readMarkdownPage(source: string, where: PageWhere): PageReading {
  assertString(source, 'readMarkdownPage', 'source')
  const { path, base } = checkWhere(where, 'readMarkdownPage()', false)
  return markdownPage(source, path, base)
}

/**
 * A Markdown source as a `SitePage`, or null when it is not indexed (a draft…):
 * {@link readMarkdownPage} without the reason and the warnings.
 *
 * @example
 * ```ts
 * pageFromMarkdown('+++\ntitle = "دليل"\npermalink = "/guide/"\n+++\nنص الدليل', { path: 'docs/g.md' })
 * // → { url: '/guide/', title: 'دليل', lang: '', text: 'نص الدليل', meta: {}, filters: {} }
 * pageFromMarkdown('---\ndraft: true\n---\nمسودة', { path: 'draft.md' }) // → null
 * ```
 */
export function pageFromMarkdown(source: string, where: PageWhere): SitePage | null {
  assertString(source, 'pageFromMarkdown', 'source')
  const { path, base } = checkWhere(where, 'pageFromMarkdown()', false)
  return markdownPage(source, path, base).page
}

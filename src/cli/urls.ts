/**
 * The URL of a page read from a file, as static site generators (Hugo, Jekyll, Eleventy) publish
 * it: `about.md` → `/about/`, `blog/index.md` → `/blog/`, `a/b.html` → `/a/b.html`,
 * `a/index.html` → `/a/`; a front matter `url` or `permalink` wins; `--base-url` prefixes both.
 */
import { CliError } from './read-file.js'
import type { FrontMatter } from './markdown.js'

/** The base URL when none is given: URLs from the site's root. */
export const DEFAULT_BASE_URL = '/'

/** Markdown extensions: a page each, published as a folder (`a/b.md` → `a/b/`). */
const MARKDOWN = new Set(['.md', '.markdown'])
/** HTML extensions: published as they are. */
const HTML = new Set(['.html', '.htm'])
/** Names that stand for their folder: `a/index.md`, Hugo's `a/_index.md`, `a/index.html`. */
const FOLDER_PAGES = new Set(['index', '_index'])
/** A URL with a scheme (`https:`, `mailto:`): taken as it is. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i
/** Characters a URL path cannot hold as they are: percent-encoded. Arabic letters are kept (an IRI). */
const UNSAFE = /[\u0000-\u0020\u007f"#%<>?\\^`{|}]/g
/** A Jekyll permalink pattern (`/:categories/:title/`): not a URL; the path's URL is used instead. */
const PLACEHOLDER = /(^|\/):[a-z_]+/i

const encodeChar = (c: string) =>
  [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
const encodePath = (path: string) => path.replace(UNSAFE, encodeChar)
/** What a URL written by hand cannot hold: `%`, `?` and `#` are kept (it may be encoded, or hold a query or an anchor). */
const UNSAFE_GIVEN = /[\u0000-\u0020\u007f"<>\\^`{|}]/g

/**
 * What is wrong with a base URL, as the end of a sentence (`expects … got …`), or null when it is
 * a path from the site's root (`/blog/`) or an http(s) URL without `?` or `#`. The command line
 * (resolveBaseUrl) and the library (`fahras/site` page readers) each phrase it as their error.
 */
export function baseUrlProblem(value: string): string | null {
  const expected = "a path from the site's root (/blog/) or an http(s) URL (https://example.org/blog/)"
  if (/[\s\u0000-\u001f\u007f]/.test(value))
    return `expects ${expected}, got ${JSON.stringify(value)}: no spaces or control characters`
  if (value.startsWith('/')) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `expects ${expected}, got ${JSON.stringify(value)}`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `expects ${expected}, got ${JSON.stringify(value)}`
  if (url.search || url.hash) return `expects ${expected} without ? or #, got ${JSON.stringify(value)}`
  return null
}

/** A checked base URL, ending with `/`. */
export const withSlash = (value: string): string => (value.endsWith('/') ? value : `${value}/`)

/**
 * Checks a `--base-url` value: a path from the site's root (`/blog/`) or an http(s) URL
 * (`https://example.org/blog/`). Returns it ending with `/`. A usage error (exit code 2) otherwise.
 */
export function resolveBaseUrl(value: string | undefined): string {
  if (value === undefined) return DEFAULT_BASE_URL
  const problem = baseUrlProblem(value)
  if (problem !== null) throw new CliError(`--base-url ${problem}`, 2)
  return withSlash(value)
}

/** The URL of the file at `path` (relative to the folder given as input, with `/`), under `base`. */
export function pathUrl(path: string, base: string): string {
  const slash = path.lastIndexOf('/')
  const folder = path.slice(0, slash + 1)
  const name = path.slice(slash + 1)
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : ''
  const stem = dot > 0 ? name.slice(0, dot) : name
  let page: string
  if (MARKDOWN.has(ext)) page = FOLDER_PAGES.has(stem) ? folder : `${folder}${stem}/`
  else if (HTML.has(ext)) page = stem === 'index' ? folder : path
  else page = path
  return base + encodePath(page)
}

/**
 * The URL of a page: its front matter's `url` or `permalink` (a URL with a scheme as it is, a path
 * under `base`), else its `slug` in place of the file's name, else the file's path (see pathUrl).
 */
export function pageUrl(path: string, base: string, front: FrontMatter): string {
  for (const key of ['url', 'permalink']) {
    const value = front[key]
    if (typeof value !== 'string' || value.trim() === '' || PLACEHOLDER.test(value)) continue
    if (HAS_SCHEME.test(value)) return value
    return base + value.replace(/^\/+/, '').replace(UNSAFE_GIVEN, encodeChar)
  }
  const slug = front.slug
  if (typeof slug === 'string' && slug.trim() !== '' && !slug.includes('/')) {
    const folder = path.slice(0, path.lastIndexOf('/') + 1)
    return `${base}${encodePath(folder + slug.trim())}/`
  }
  return pathUrl(path, base)
}

/**
 * Walking a site's folder: every file whose path matches the include globs and none of the
 * exclude ones, in a stable order, read one at a time (so a site of 10,000 pages is never held in
 * memory), each as a page record or the reason it is not one. Folders are listed and files read
 * synchronously, one at a time (with the command line's reader: regular files only, at most
 * MAX_INPUT_BYTES, UTF-8 checked): on a busy machine that is several times faster than a promise
 * per file, and the generator is still async, so that its consumer may await between pages.
 */
import type { Dirent } from 'node:fs'
import { readdirSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ERROR_CODES, checkOptions, createError, describe } from '../../errors.js'
import { picomatch } from '../../cli/lazy-deps.js'
import { decodeWhole, errorCode, fileKind, readRegularFile } from '../../cli/read-file.js'
import { htmlPage, type PageReading } from './html-page.js'
import { markdownPage } from './markdown-page.js'
import { checkBaseUrl } from './where.js'

/** The files read when `include` is not given: the HTML pages of a built site. */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.{html,htm}']
/** Folders never walked into: hidden ones (`.git`, `.well-known`) are left out by their leading dot, and these. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules'])
/** Extensions read as built HTML pages (compared in lower case). */
const HTML_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.htm'])
/** Extensions read as Markdown sources with front matter. */
const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown'])

/** Options of {@link readSitePages}. */
export interface ReadSitePagesOptions {
  /** The site's folder: the output of the site generator (`public/`, `_site/`, `dist/`), or its sources for Markdown. */
  readonly site: string
  /**
   * Globs (picomatch) of the paths read, relative to `site` with `/` separators; hidden files never
   * match. Give `['**\/*.md']` for Markdown sources, or both kinds together.
   * @default ['**\/*.{html,htm}']
   */
  readonly include?: readonly string[]
  /** Globs of paths left out, even when included (`drafts/**`, `404.html`). @default [] */
  readonly exclude?: readonly string[]
  /** What page URLs start with (`/docs/` for a site served under a sub-path). @default '/' */
  readonly baseUrl?: string
  /** The index's own folder: never read when it is inside `site`. It may not exist yet. */
  readonly output?: string
  /** Follow `<meta name="robots" content="noindex">` (skip those pages). @default true */
  readonly robots?: boolean
}

/** One file of the site: its page (or why none), as {@link readHtmlPage} gives it. */
export interface SiteFile extends PageReading {
  /** The path relative to the site's folder, with `/` separators; a folder that could not be read ends with `/`. */
  readonly file: string
}

const SCHEMA = {
  site: 'string',
  include: 'string[]',
  exclude: 'string[]',
  baseUrl: 'string',
  output: 'string',
  robots: 'boolean',
} as const

const siteError = (site: string, problem: string) =>
  createError(ERROR_CODES.SITE, `readSitePages(): the site folder ${JSON.stringify(site)} ${problem}`, { site })

/** Globs checked: non-empty strings (picomatch would throw its own, uncoded, error). */
function checkGlobs(globs: readonly string[], option: 'include' | 'exclude'): readonly string[] {
  if (option === 'include' && globs.length === 0) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      'readSitePages() expected `include` to hold at least one glob, got an empty array',
      { option },
      'type',
    )
  }
  for (const glob of globs) {
    if (glob.trim() === '')
      throw createError(
        ERROR_CODES.INVALID_OPTION,
        `readSitePages() expected \`${option}\` to hold non-empty globs, got ${describe(glob)}`,
        { option },
        'type',
      )
  }
  return globs
}

/**
 * The real path of `path` (so that a symlinked site and its output compare equal): of the path
 * itself, or, when it does not exist yet (an output folder), of its nearest existing parent with
 * the rest appended.
 */
function realOrResolved(path: string): string {
  const absolute = resolve(path)
  let rest = ''
  for (let at = absolute; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), rest)
    } catch {
      if (dirname(at) === at) return absolute
      rest = join(basename(at), rest)
    }
  }
}

/** Directory entries in the order of their paths: a folder sorts as its name with `/`, so the walk yields paths in code-unit order. */
const sortKey = (entry: Dirent) => (entry.isDirectory() ? `${entry.name}/` : entry.name)
const byPath = (a: Dirent, b: Dirent) => {
  const x = sortKey(a)
  const y = sortKey(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** The text of a regular file (UTF-8, BOM dropped), or why it was not read (not a regular file, too large, not UTF-8). */
function readText(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  const bytes = readRegularFile(path)
  return bytes.ok ? decodeWhole(bytes.buffer) : bytes
}

const skippedFile = (file: string, skipped: string): SiteFile => ({
  file,
  page: null,
  skipped,
  content: null,
  warnings: [],
})

/** The walk's options, checked: where it starts, what it reads and what it leaves out. @internal */
interface Walk {
  /** The site's folder as given (for errors), and its real path. */
  readonly site: string
  readonly root: string
  /** The real path of the index's folder, never walked into; null when not given. */
  readonly output: string | null
  /** What page URLs start with (checked `baseUrl`). */
  readonly base: string
  readonly robots: boolean
  /** Is this relative path included and not excluded? */
  readonly wanted: (file: string) => boolean
}

/** A folder being listed: its sorted entries and the next one to visit. @internal */
interface Listing {
  readonly dir: string
  /** The folder's path relative to the site, with a trailing `/` ('' for the site). */
  readonly prefix: string
  readonly entries: Dirent[]
  next: number
}

/** Checks the options of {@link readSitePages} and the site's folder; throws as it documents. @internal */
function checkWalk(options: ReadSitePagesOptions): Walk {
  if (options === undefined)
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      'readSitePages() expected options `{ site }`, got `undefined`',
      { option: 'site' },
      'type',
    )
  const given = checkOptions(options, 'readSitePages()', SCHEMA) as Partial<ReadSitePagesOptions>
  const site = given.site
  if (site === undefined || site === '') {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `readSitePages() expected \`site\` to be the path of the site's folder, got ${describe(site)}`,
      { option: 'site' },
      'type',
    )
  }
  const base = checkBaseUrl(given.baseUrl, 'readSitePages()')
  const isIncluded = picomatch()([...checkGlobs(given.include ?? DEFAULT_INCLUDE, 'include')])
  const exclude = checkGlobs(given.exclude ?? [], 'exclude')
  const isExcluded = exclude.length > 0 ? picomatch()([...exclude]) : () => false
  const robots = given.robots ?? true
  let stats
  try {
    stats = statSync(site)
  } catch (error) {
    const code = errorCode(error)
    throw siteError(site, code === 'ENOENT' ? 'does not exist' : `cannot be read: ${code}`)
  }
  if (!stats.isDirectory()) throw siteError(site, `is not a folder (${stats.isFile() ? 'a file' : fileKind(stats)})`)
  const root = realOrResolved(site)
  const output = given.output === undefined ? null : realOrResolved(given.output)
  if (output === root) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `readSitePages() expected \`output\` to be a folder other than the site's own (${JSON.stringify(site)}): a folder inside it, or elsewhere`,
      { option: 'output' },
      'type',
    )
  }
  return { site, root, output, base, robots, wanted: (file) => isIncluded(file) && !isExcluded(file) }
}

/** A folder's entries in path order. @internal */
const listFolder = (dir: string) => readdirSync(dir, { withFileTypes: true }).sort(byPath)

/** A file the globs want, read as its page (HTML or Markdown by its extension), or skipped with the reason. @internal */
function readSiteFile(walk: Walk, entry: Dirent, full: string, file: string): SiteFile {
  if (entry.isSymbolicLink()) return skippedFile(file, 'a symbolic link: not followed')
  const dot = entry.name.lastIndexOf('.')
  const extension = dot > 0 ? entry.name.slice(dot).toLowerCase() : ''
  const html = HTML_EXTENSIONS.has(extension)
  if (!html && !MARKDOWN_EXTENSIONS.has(extension))
    return skippedFile(file, 'neither HTML (.html, .htm) nor Markdown (.md, .markdown)')
  const read = readText(full)
  if (!read.ok) return skippedFile(file, read.reason)
  return {
    file,
    ...(html ? htmlPage(read.text, file, walk.base, walk.robots) : markdownPage(read.text, file, walk.base)),
  }
}

/** The walk itself: a stack of folders being listed, depth first, each in path order. @internal */
async function* walkSite(walk: Walk): AsyncGenerator<SiteFile, void, undefined> {
  const stack: Listing[] = []
  try {
    stack.push({ dir: walk.root, prefix: '', entries: listFolder(walk.root), next: 0 })
  } catch (error) {
    throw siteError(walk.site, `cannot be read: ${errorCode(error)}`)
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    const entry = top.entries[top.next++]
    if (entry === undefined) {
      stack.pop()
      continue
    }
    if (entry.name.startsWith('.')) continue
    const full = join(top.dir, entry.name)
    const file = top.prefix + entry.name
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || full === walk.output) continue
      try {
        stack.push({ dir: full, prefix: `${file}/`, entries: listFolder(full), next: 0 })
      } catch (error) {
        yield skippedFile(`${file}/`, `cannot read folder: ${errorCode(error)}`)
      }
      continue
    }
    if (walk.wanted(file)) yield readSiteFile(walk, entry, full, file)
  }
}

/**
 * The pages of a site, one file at a time: every file under `site` whose relative path matches
 * `include` and not `exclude`, in code-unit order of that path (the same order, so the same page
 * numbers, from run to run). Files with `.html`/`.htm` are read as built pages (readHtmlPage),
 * `.md`/`.markdown` as sources (readMarkdownPage); another file that the globs match is yielded as
 * skipped. Never walked into: hidden folders (`.git`), `node_modules`, the `output` folder.
 * Symbolic links are not followed: one that matches is yielded as skipped.
 *
 * A file that cannot be read (permissions, not UTF-8, a FIFO) or a subfolder that cannot be listed
 * does not stop the walk: it is yielded with `page: null` and the reason in `skipped`.
 * Throws at once (not at the first `next()`): `FAHRAS_INVALID_OPTION` for unknown options or
 * wrong types, an empty `include`, or an `output` that is the site folder itself; `FAHRAS_SITE`
 * when `site` does not exist, is not a folder, or cannot be listed (then at the first `next()`).
 *
 * @example
 * ```ts
 * for await (const { file, page, skipped, warnings } of readSitePages({ site: 'public', output: 'public/fahras' })) {
 *   if (page) console.log(file, '→', page.url, page.title) // 'about/index.html → /about/ عن الموقع'
 *   else console.log(file, 'skipped:', skipped)            // 'old/index.html skipped: a redirect to /new/ (…)'
 * }
 * ```
 */
export function readSitePages(options: ReadSitePagesOptions): AsyncGenerator<SiteFile, void, undefined> {
  return walkSite(checkWalk(options))
}

/**
 * Checking where a page is (`{ path, baseUrl }`) and the options of the site readers: the library's
 * boundary, so wrong values throw coded errors (`FAHRAS_INVALID_OPTION`) that say what was
 * expected and what was given.
 */
import { ERROR_CODES, checkOptions, createError, describe, type CheckedOptions } from '../../errors.js'
import { DEFAULT_BASE_URL, baseUrlProblem, withSlash } from '../../cli/urls.js'

/** Where a page is, as the page readers take it. */
export interface PageWhere {
  /** The file's path relative to the site's folder, with `/` separators: `blog/مقال.html`. */
  readonly path: string
  /**
   * What the page URLs start with: a path from the server's root (`/docs/`, for a site served
   * under a sub-path) or an http(s) URL (`https://example.org/docs/`). A `/` is added at its end
   * when missing.
   * @default '/'
   */
  readonly baseUrl?: string
}

/** Where an HTML page is, and how its own robots rules are read. */
export interface HtmlPageWhere extends PageWhere {
  /**
   * Follow the page's `<meta name="robots">`: a page marked `noindex` (or `none`) is skipped, as
   * search engines skip it. `false` indexes it anyway.
   * @default true
   */
  readonly robots?: boolean
}

/** A checked `where`: the path, and the base URL ending with `/`. */
export interface CheckedWhere {
  readonly path: string
  readonly base: string
  readonly robots: boolean
}

/** The fields of `where`, and their types. */
const WHERE = { path: 'string', baseUrl: 'string' } as const
const HTML_WHERE = { ...WHERE, robots: 'boolean' } as const

/** A path segment that cannot be in a path relative to the site's folder. */
const BAD_SEGMENTS: ReadonlySet<string> = new Set(['', '.', '..'])

const invalid = (fn: string, message: string, option: string) =>
  createError(ERROR_CODES.INVALID_OPTION, `${fn} ${message}`, { option }, 'type')

/** Throws unless `value` is a base URL; returns it ending with `/` (the default when undefined). */
export function checkBaseUrl(value: string | undefined, fn: string): string {
  if (value === undefined) return DEFAULT_BASE_URL
  const problem = baseUrlProblem(value)
  if (problem !== null) throw invalid(fn, `\`baseUrl\` ${problem}`, 'baseUrl')
  return withSlash(value)
}

/**
 * Checks the `where` of a page reader (`fn` names it in messages): `path` a relative path with `/`
 * separators and no `.` or `..` segment, `baseUrl` a base URL, `robots` a boolean when allowed.
 */
export function checkWhere(where: unknown, fn: string, allowRobots: boolean): CheckedWhere {
  if (where === undefined)
    throw invalid(fn, "expected a second argument `{ path }` (the file's path in the site), got `undefined`", 'path')
  const given: CheckedOptions<typeof HTML_WHERE> = checkOptions(where, fn, allowRobots ? HTML_WHERE : WHERE)
  const path = given.path as string | undefined
  const expected = "a path relative to the site's folder with / separators (blog/post.html)"
  if (path === undefined) throw invalid(fn, `expected \`path\` to be ${expected}, got \`undefined\``, 'path')
  if (path.startsWith('/') || path.includes('\\') || path.split('/').some((segment) => BAD_SEGMENTS.has(segment))) {
    throw invalid(fn, `expected \`path\` to be ${expected}, got ${describe(path)}`, 'path')
  }
  return {
    path,
    base: checkBaseUrl(given.baseUrl as string | undefined, fn),
    robots: (given.robots as boolean | undefined) ?? true,
  }
}

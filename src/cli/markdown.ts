/**
 * Markdown as static site generators read it: front matter (YAML between `---` lines, or TOML
 * between `+++` lines, at the very top) holds the page's title, url, date and draft flag; the rest
 * is rendered to HTML with marked, and its visible text is taken as an HTML page's is (see
 * html.ts). So no `**`, `##`, link target or front matter line reaches the index or a snippet.
 * Only the command line imports this file (and its dependencies): never a library entry.
 */
import type { Marked } from 'marked'
import * as deps from './lazy-deps.js'
import { htmlToText } from './html.js'

/** The fields of a front matter, as document fields: strings, numbers, booleans and lists of them. */
export type FrontMatter = Record<string, string | number | boolean | Array<string | number | boolean>>

/** A file's front matter and what follows it. */
export type SplitFrontMatter =
  | { readonly ok: true; readonly data: FrontMatter; readonly body: string; readonly found: boolean }
  | { readonly ok: false; readonly reason: string }

/** YAML front matter: `---` alone on the first line, up to a line `---` (or `...`). */
const YAML_BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
/** An empty YAML front matter: `---` and `---` on the first two lines. */
const EMPTY_YAML_BLOCK = /^---[ \t]*\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
/** TOML front matter (Hugo): `+++` alone on the first line, up to a line `+++`. */
const TOML_BLOCK = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/

/** A front matter value as a document field: dates as written (ISO 8601), nested tables left out. */
function fieldValue(value: unknown): FrontMatter[string] | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString()
  if (Array.isArray(value)) {
    const items = value
      .map(fieldValue)
      .filter((v): v is string | number | boolean => v !== undefined && !Array.isArray(v))
    return items.length === value.length ? items : undefined
  }
  return undefined
}

/** The fields of a parsed front matter, or why it is not a set of fields (a list, a string). */
function fields(parsed: unknown, kind: string): { data: FrontMatter } | { reason: string } {
  if (parsed === null || parsed === undefined) return { data: {} }
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    return { reason: `invalid front matter: the ${kind} between the markers is not a set of fields (title: …)` }
  const data: FrontMatter = {}
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const field = fieldValue(value)
    if (field !== undefined) data[key] = field
  }
  return { data }
}

/** A parser's message on one line, without its own position (the file's is given) or quoted source. */
const firstLine = (message: string) =>
  message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/:$/, '')
    .trim()

/**
 * Splits the front matter off `content`: YAML between `---` lines, or TOML between `+++` lines, at
 * the very top. Without one, the data is empty and the body is the whole content. A front matter
 * that does not parse is a reason to skip the file, with the parser's message.
 */
export function splitFrontMatter(content: string): SplitFrontMatter {
  const text = content.replace(/^\ufeff/, '')
  const empty = EMPTY_YAML_BLOCK.exec(text)
  if (empty) return { ok: true, data: {}, body: text.slice(empty[0].length), found: true }
  const yaml = YAML_BLOCK.exec(text)
  const toml = yaml ? null : TOML_BLOCK.exec(text)
  const block = yaml ?? toml
  if (!block) return { ok: true, data: {}, body: text, found: false }
  const kind = yaml ? 'YAML' : 'TOML'
  let parsed: unknown
  try {
    parsed = yaml ? deps.yaml().parse(block[1]!) : deps.toml().parse(block[1]!)
  } catch (error) {
    // the marker is line 1: the front matter's line n is the file's line n + 1
    const line =
      (error as { linePos?: Array<{ line: number }>; line?: number }).linePos?.[0]?.line ??
      (error as { line?: number }).line
    return {
      ok: false,
      reason: `invalid front matter (${kind})${line !== undefined ? ` on line ${line + 1}` : ''}: ${firstLine((error as Error).message)}`,
    }
  }
  const read = fields(parsed, kind)
  if ('reason' in read) return { ok: false, reason: read.reason }
  return { ok: true, data: read.data, body: text.slice(block[0].length), found: true }
}

/** Why a page marked as a draft (`draft: true`, or Jekyll's `published: false`) is skipped, or null. */
export function draftReason(data: FrontMatter): string | null {
  if (data.draft === true || data.draft === 'true')
    return 'a draft (front matter draft: true): not published, not indexed'
  if (data.published === false || data.published === 'false')
    return 'not published (front matter published: false): not indexed'
  return null
}

let renderer: Marked | undefined

/** A Markdown body rendered to HTML by marked (GitHub-flavoured, synchronous); raw HTML in it is kept. */
export function markdownToHtml(markdown: string): string {
  renderer ??= new (deps.marked().Marked)({ gfm: true, async: false })
  return renderer.parse(markdown, { async: false })
}

/**
 * The visible text of a Markdown body and its first `#` heading: rendered to HTML, then read as an
 * HTML page is (`**bold**` → bold, `[text](url)` → text, code blocks kept as their text, HTML
 * inside the Markdown read as HTML: a `<script>` is left out).
 */
export function markdownToText(markdown: string): { title: string; text: string } {
  return htmlToText(markdownToHtml(markdown))
}

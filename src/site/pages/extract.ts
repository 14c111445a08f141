/**
 * One pass of htmlparser2 over a built page, gathering everything the page readers choose from:
 * the title and first `<h1>`, `<html lang>`, the robots and refresh `<meta>`s, the text of each
 * candidate content region (`data-fahras-body`, `<main>`, `<article>`, the body without its chrome,
 * all of it), and the `data-fahras-meta` / `data-fahras-filter` values. Which region becomes the
 * page's text, and which pages are skipped, is decided by html-page.ts and markdown-page.ts.
 * Never throws: any string is a page, however broken its HTML. Warnings are one line each, what
 * comes from the page quoted when it holds controls (safe-print.ts), so they are safe to print.
 */
import { BLOCK_ELEMENTS, CHROME_ELEMENTS, lines, oneLine } from '../../cli/html.js'
import { htmlparser2 } from '../../cli/lazy-deps.js'
import { escapeForTerminal, quoted } from '../../cli/safe-print.js'
import { addField, emptyFields, parseFieldSpecs, type FieldValues } from './fields.js'

/** Marks the element(s) whose content is the page's text: when a page has one, nothing else is. */
export const BODY_ATTRIBUTE = 'data-fahras-body'
/** Leaves an element's text out of the page's text (`="all"`: its meta, filters and `<h1>` too). */
export const IGNORE_ATTRIBUTE = 'data-fahras-ignore'
/** Meta of the page, carried by results: `author`, `image[src]`, `date:2024-05-01`. */
export const META_ATTRIBUTE = 'data-fahras-meta'
/** Filters of the page (values accumulate into lists), same syntax as META_ATTRIBUTE. */
export const FILTER_ATTRIBUTE = 'data-fahras-filter'

/** Where a page's text comes from, in the order it is chosen (see html-page.ts). */
export type TextSource = 'data-fahras-body' | 'main' | 'article' | 'body'

/** Elements whose content is never seen (raw text, inert templates, drawings): no text, title, meta or filter in them counts. */
const UNSEEN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'svg'])
/** The document's head and title: their text is not the page's text. */
const HEAD_ELEMENTS: ReadonlySet<string> = new Set(['head', 'title'])
/** `data-fahras-ignore` on one of these leaves the whole page out. */
const ROOT_ELEMENTS: ReadonlySet<string> = new Set(['html', 'body'])
/**
 * The attributes that leave an element out: fahras's own, and Pagefind's (Starlight and other
 * themes write `data-pagefind-ignore` on heading anchors and labels; sites moving from Pagefind keep theirs).
 */
const IGNORE_ATTRIBUTES = [IGNORE_ATTRIBUTE, 'data-pagefind-ignore'] as const
/** Inside `<main>` or `<article>`, still not the page's content: a sidebar's `<nav>`, a page's `<footer>` (edit link, previous/next). */
const NOT_CONTENT: ReadonlySet<string> = new Set(['nav', 'footer'])
/** Values of `data-fahras-ignore`: '' and `index` leave out the text only (as Pagefind's default), `all` also meta, filters and the `<h1>`. */
const IGNORE_VALUES: Readonly<Record<string, 'text' | 'all'>> = { '': 'text', index: 'text', all: 'all' }
/** A `<meta name="robots">` content that keeps a page out of search engines (so out of the site's search too). */
const NOINDEX_TOKENS: ReadonlySet<string> = new Set(['noindex', 'none'])
/** Tokens of a robots content are separated by commas and spaces. */
const TOKEN_SEPARATOR = /[\s,]+/
/** A `<meta http-equiv="refresh">` content with a delay then a target: `0; url=/new/`. */
const REFRESH = /^\s*[\d.]+\s*[;,]([^]*)$/
/** The `url=` before a refresh target, and quotes around it. */
const REFRESH_URL_PREFIX = /^url\s*=\s*/i
const QUOTES = /^['"]|['"]$/g
/** At most this many warnings a page: a template repeating one mistake a thousand times gives one line, not a thousand. */
export const MAX_WARNINGS = 10

/** Depth counters, one per kind of element the pass can be inside; a frame's bits (`1 << counter`) say which its element raised. */
const UNSEEN = 0
const OFF_PAGE = 1
const IGNORE = 2
const IGNORE_ALL = 3
const MARKED = 4
const MAIN = 5
const ARTICLE = 6
const CHROME = 7
const NAV = 8
const TITLE = 9
const H1 = 10
const COUNTERS = 11

/** A meta or filter value, in document order; a text one is filled until its element closes. */
interface Slot {
  readonly kind: 'meta' | 'filter'
  readonly key: string
  value: string
}

/** All a page holds, for the readers to choose from. */
export interface ExtractedHtml {
  /** The first non-empty `<title>` (not one of an `<svg>`), on one line. */
  readonly title: string
  /** The first non-empty `<h1>`, on one line. */
  readonly h1: string
  /** `lang` (or `xml:lang`) of the first `<html>`, trimmed; '' when none. */
  readonly lang: string
  /** The text of each candidate region, in lines; `all` is every visible text (Markdown pages). */
  readonly text: Readonly<Record<TextSource | 'all', string>>
  /** Whether the page has an element with data-fahras-body, a `<main>`, an `<article>`. */
  readonly has: Readonly<Record<'data-fahras-body' | 'main' | 'article', boolean>>
  /** The content of a `<meta name="robots">` saying noindex or none, else null. */
  readonly noindex: string | null
  /** The target of a `<meta http-equiv="refresh">` that redirects, else null. */
  readonly redirect: string | null
  /** `html` or `body` when that element carries data-fahras-ignore, else null. */
  readonly ignoredRoot: string | null
  readonly fields: FieldValues
  readonly warnings: readonly string[]
}

const hasAttribute = (attribs: Record<string, string>, name: string) => Object.hasOwn(attribs, name)

/** The target of a refresh `content`, or null when it only reloads the page. */
function refreshTarget(content: string): string | null {
  const match = REFRESH.exec(content)
  if (!match) return null
  const target = match[1]!.trim().replace(REFRESH_URL_PREFIX, '').replace(QUOTES, '').trim()
  return target === '' ? null : target
}

/** The state of the pass over a page: where it is (depth counters, open elements), and what it gathered so far. @internal */
interface Extraction {
  /** Per counter, how many open elements raised it. */
  readonly depth: number[]
  /** The open elements: the counters each raised, and how many slots it is filling. */
  readonly frames: Array<{ flags: number; slots: number }>
  /** Every meta and filter value, in document order; `capturing`, those being filled. */
  readonly slots: Slot[]
  readonly capturing: Slot[]
  readonly warnings: string[]
  /** Warnings beyond MAX_WARNINGS, counted. */
  dropped: number
  readonly text: Record<TextSource | 'all', string>
  readonly has: Record<'data-fahras-body' | 'main' | 'article', boolean>
  title: string
  h1: string
  titleDone: boolean
  h1Done: boolean
  lang: string | null
  noindex: string | null
  redirect: string | null
  ignoredRoot: string | null
}

/** Is the pass inside an element that raised this counter? @internal */
const inside = (x: Extraction, counter: number) => x.depth[counter]! > 0

/** Keeps a warning, or counts it past MAX_WARNINGS. @internal */
const warn = (x: Extraction, message: string) =>
  x.warnings.length < MAX_WARNINGS ? x.warnings.push(message) : x.dropped++

/** Ends a line in every text, and a word in the values being filled and the `<h1>`. @internal */
function breakLine(x: Extraction): void {
  x.text['data-fahras-body'] += '\n'
  x.text.main += '\n'
  x.text.article += '\n'
  x.text.body += '\n'
  x.text.all += '\n'
  for (const slot of x.capturing) slot.value += ' '
  if (inside(x, H1)) x.h1 += ' '
}

/**
 * The values an element's `attribute` (meta or filter) gives: literals and attribute values are
 * recorded at once; the slots returned are filled with the element's text. @internal
 */
function readSpecs(
  x: Extraction,
  name: string,
  attribs: Record<string, string>,
  attribute: string,
  kind: 'meta' | 'filter',
): Slot[] {
  if (!hasAttribute(attribs, attribute)) return []
  const { specs, problems } = parseFieldSpecs(attribs[attribute]!)
  for (const problem of problems) warn(x, `${attribute} on <${quoted(name)}>: ${problem}`)
  const found: Slot[] = []
  for (const spec of specs) {
    if (spec.from === 'literal') x.slots.push({ kind, key: spec.key, value: spec.value })
    else if (spec.from === 'attribute') {
      if (hasAttribute(attribs, spec.attribute)) x.slots.push({ kind, key: spec.key, value: attribs[spec.attribute]! })
      else
        warn(
          x,
          `${attribute} on <${quoted(name)}>: ${quoted(`${spec.key}[${spec.attribute}]`)} but the element has no ${quoted(spec.attribute)} attribute`,
        )
    } else {
      const slot: Slot = { kind, key: spec.key, value: '' }
      x.slots.push(slot)
      found.push(slot)
    }
  }
  return found
}

/** A seen `<meta>`: the first robots noindex and the first refresh target. @internal */
function readMeta(x: Extraction, attribs: Record<string, string>): void {
  const content = attribs.content ?? ''
  const tokens = content.toLowerCase().split(TOKEN_SEPARATOR)
  if (
    x.noindex === null &&
    attribs.name?.trim().toLowerCase() === 'robots' &&
    tokens.some((t) => NOINDEX_TOKENS.has(t))
  )
    x.noindex = content.trim()
  if (x.redirect === null && attribs['http-equiv']?.trim().toLowerCase() === 'refresh')
    x.redirect = refreshTarget(content)
}

/** The IGNORE counters a seen element raises (a value not understood is warned about, the text left out). @internal */
function ignoreFlags(x: Extraction, name: string, attribs: Record<string, string>): number {
  const ignore = IGNORE_ATTRIBUTES.find((a) => hasAttribute(attribs, a))
  if (ignore === undefined) return 0
  const how = IGNORE_VALUES[attribs[ignore]!.trim().toLowerCase()]
  if (how === undefined)
    warn(
      x,
      `${ignore}=${escapeForTerminal(JSON.stringify(attribs[ignore]))} on <${quoted(name)}>: expected "", "index" or "all"; the text is left out`,
    )
  if (ROOT_ELEMENTS.has(name)) x.ignoredRoot ??= name
  return how === 'all' ? (1 << IGNORE) | (1 << IGNORE_ALL) : 1 << IGNORE
}

/** The region counters an element raises (marked body, main, article, chrome, nav), noting which regions the page has. @internal */
function regionFlags(x: Extraction, name: string, attribs: Record<string, string>, seen: boolean): number {
  let flags = 0
  if (seen && hasAttribute(attribs, BODY_ATTRIBUTE)) {
    flags |= 1 << MARKED
    x.has['data-fahras-body'] = true
  }
  if (name === 'main') {
    flags |= 1 << MAIN
    x.has.main = true
  }
  if (name === 'article') {
    flags |= 1 << ARTICLE
    x.has.article = true
  }
  if (CHROME_ELEMENTS.has(name)) flags |= 1 << CHROME
  if (NOT_CONTENT.has(name)) flags |= 1 << NAV
  return flags
}

/** An element opens: its counters raised, its meta and filter values read. @internal */
function openTag(x: Extraction, name: string, attribs: Record<string, string>): void {
  if (name === 'html' && x.lang === null) x.lang = (attribs.lang ?? attribs['xml:lang'] ?? '').trim()
  const seen = !inside(x, UNSEEN) && !UNSEEN_ELEMENTS.has(name)
  let flags = seen ? 0 : 1 << UNSEEN
  if (HEAD_ELEMENTS.has(name)) flags |= 1 << OFF_PAGE
  if (name === 'meta' && seen) readMeta(x, attribs)
  if (seen) flags |= ignoreFlags(x, name, attribs)
  flags |= regionFlags(x, name, attribs, seen)
  const allIgnored = inside(x, IGNORE_ALL) || (flags & (1 << IGNORE_ALL)) !== 0
  if (name === 'title' && seen && !x.titleDone) flags |= 1 << TITLE
  if (name === 'h1' && seen && !x.h1Done && !allIgnored) flags |= 1 << H1
  if (seen && (BLOCK_ELEMENTS.has(name) || (flags & (1 << MARKED)) !== 0)) breakLine(x)
  for (let i = 0; i < COUNTERS; i++) if (flags & (1 << i)) x.depth[i]!++
  let opened = 0
  if (seen && !allIgnored) {
    for (const slot of [
      ...readSpecs(x, name, attribs, META_ATTRIBUTE, 'meta'),
      ...readSpecs(x, name, attribs, FILTER_ATTRIBUTE, 'filter'),
    ]) {
      x.capturing.push(slot)
      opened++
    }
  }
  x.frames.push({ flags, slots: opened })
}

/** An element closes: its counters lowered, its slots closed, the title and `<h1>` done once not empty. @internal */
function closeTag(x: Extraction, name: string): void {
  const frame = x.frames.pop()
  if (frame === undefined) return
  const seen = (frame.flags & (1 << UNSEEN)) === 0
  if (seen && (BLOCK_ELEMENTS.has(name) || (frame.flags & (1 << MARKED)) !== 0)) breakLine(x)
  x.capturing.length -= frame.slots
  for (let i = 0; i < COUNTERS; i++) if (frame.flags & (1 << i)) x.depth[i]!--
  if ((frame.flags & (1 << TITLE)) !== 0) x.titleDone = oneLine(x.title) !== ''
  if ((frame.flags & (1 << H1)) !== 0) x.h1Done = oneLine(x.h1) !== ''
}

/** Text: added to the values being filled, the title, the `<h1>` and each region it is in. @internal */
function addText(x: Extraction, chunk: string): void {
  if (inside(x, UNSEEN)) return
  if (!inside(x, IGNORE_ALL)) for (const slot of x.capturing) slot.value += chunk
  if (inside(x, TITLE)) x.title += chunk
  if (inside(x, H1) && !inside(x, IGNORE_ALL)) x.h1 += chunk
  if (inside(x, OFF_PAGE) || inside(x, IGNORE)) return
  const { text } = x
  text.all += chunk
  if (inside(x, MARKED)) text['data-fahras-body'] += chunk
  if (!inside(x, NAV)) {
    if (inside(x, MAIN)) text.main += chunk
    if (inside(x, ARTICLE)) text.article += chunk
  }
  if (!inside(x, CHROME)) text.body += chunk
}

/** What the pass gathered, as the readers take it: texts in lines, title and `<h1>` on one line. @internal */
function extracted(x: Extraction): ExtractedHtml {
  const fields = emptyFields()
  for (const slot of x.slots) addField(fields, slot.kind, slot.key, oneLine(slot.value))
  const { text, warnings, dropped } = x
  if (dropped > 0) warnings.push(`… and ${dropped} more warning${dropped === 1 ? '' : 's'} like these`)
  return {
    title: oneLine(x.title),
    h1: oneLine(x.h1),
    lang: x.lang ?? '',
    text: {
      'data-fahras-body': lines(text['data-fahras-body']),
      main: lines(text.main),
      article: lines(text.article),
      body: lines(text.body),
      all: lines(text.all),
    },
    has: x.has,
    noindex: x.noindex,
    redirect: x.redirect,
    ignoredRoot: x.ignoredRoot,
    fields,
    warnings,
  }
}

/**
 * Reads a page in one pass. See the module's comment; never throws.
 *
 * @example
 * ```ts
 * extractHtml('<html lang="ar"><title>عن</title><main><p>نص</p></main>').text.main // → 'نص'
 * ```
 */
export function extractHtml(html: string): ExtractedHtml {
  const x: Extraction = {
    depth: new Array<number>(COUNTERS).fill(0),
    frames: [],
    slots: [],
    capturing: [],
    warnings: [],
    dropped: 0,
    text: { 'data-fahras-body': '', main: '', article: '', body: '', all: '' },
    has: { 'data-fahras-body': false, main: false, article: false },
    title: '',
    h1: '',
    titleDone: false,
    h1Done: false,
    lang: null,
    noindex: null,
    redirect: null,
    ignoredRoot: null,
  }
  const parser = new (htmlparser2().Parser)(
    {
      onopentag: (name, attribs) => openTag(x, name, attribs),
      onclosetag: (name) => closeTag(x, name),
      ontext: (chunk) => addText(x, chunk),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  return extracted(x)
}

/**
 * A built HTML page as a `SitePage`: its URL from its path, its title, language, text, meta and
 * filters, or the reason it is not indexed (a redirect stub, a page marked noindex…).
 */
import { assertString } from '../../errors.js'
import { pathUrl } from '../../cli/urls.js'
import { escapeForTerminal, quoted } from '../../cli/safe-print.js'
import type { SitePage } from '../types.js'
import { fieldObjects } from './fields.js'
import { extractHtml, type ExtractedHtml, type TextSource } from './extract.js'
import { checkWhere, type HtmlPageWhere } from './where.js'

/** What reading one page gives: the page, or why there is none, and what to tell the user. */
export interface PageReading {
  /** The page, or null when it is not indexed (`skipped` says why). */
  readonly page: SitePage | null
  /** Why the page is not indexed, one phrase on one line, safe to print (null when it is). */
  readonly skipped: string | null
  /** Where the text came from: `data-fahras-body`, `main`, `article`, `body`, or `markdown`; null when the file was not read as a page (unreadable, a draft, bad front matter). */
  readonly content: TextSource | 'markdown' | null
  /** Things not understood (a malformed `data-fahras-meta`…), one phrase each, at most MAX_WARNINGS and a count of the rest. */
  readonly warnings: readonly string[]
}

/**
 * Why a page is not indexed, in the order they are tried: the first that gives a reason wins.
 * A page with a title and no text is kept (its title is searched).
 */
const SKIP_RULES: ReadonlyArray<(page: ExtractedHtml, robots: boolean, text: string) => string | null> = [
  /** `<meta name="robots" content="noindex">` (or `none`): kept out of the site's search as out of search engines', unless `robots: false`. */
  (page, robots) =>
    robots && page.noindex !== null
      ? `marked noindex (<meta name="robots" content=${escapeForTerminal(JSON.stringify(page.noindex))}>)`
      : null,
  /** `data-fahras-ignore` on `<html>` or `<body>`: all of the page is left out. */
  (page) => (page.ignoredRoot !== null ? `data-fahras-ignore on <${page.ignoredRoot}>` : null),
  /** `<meta http-equiv="refresh" content="0; url=…">`: a redirect stub (Hugo aliases, jekyll-redirect-from), not a page. */
  (page) => (page.redirect !== null ? `a redirect to ${quoted(page.redirect)} (<meta http-equiv="refresh">)` : null),
  /** Nothing to search. */
  (page, _robots, text) =>
    text === '' && page.title === '' && page.h1 === '' && !page.fields.meta.has('title')
      ? 'no title and no text'
      : null,
]

/**
 * The region whose text is the page's, first found first: elements marked `data-fahras-body` (all
 * of them, in order, even when empty: the page says what its content is); else `<main>` (all,
 * less any `<nav>` inside); else `<article>` (all, outermost ones, less any `<nav>`: a listing
 * of articles is indexed whole); else the body less `<nav>`, `<header>`, `<footer>`, `<aside>`.
 * An empty `<main>` or `<article>` (filled by scripts) falls through to the next.
 */
export function chooseText(page: ExtractedHtml): { content: TextSource; text: string } {
  if (page.has['data-fahras-body']) return { content: 'data-fahras-body', text: page.text['data-fahras-body'] }
  if (page.has.main && page.text.main !== '') return { content: 'main', text: page.text.main }
  if (page.has.article && page.text.article !== '') return { content: 'article', text: page.text.article }
  return { content: 'body', text: page.text.body }
}

/** Reads a page whose `where` is checked already (the site walker calls this with its own paths). */
export function htmlPage(html: string, path: string, base: string, robots: boolean): PageReading {
  const extracted = extractHtml(html.startsWith('\ufeff') ? html.slice(1) : html)
  const { content, text } = chooseText(extracted)
  const warnings = extracted.warnings
  for (const rule of SKIP_RULES) {
    const skipped = rule(extracted, robots, text)
    if (skipped !== null) return { page: null, skipped, content, warnings }
  }
  const { meta, filters } = fieldObjects(extracted.fields)
  const metaTitle = meta.title
  delete meta.title
  const page: SitePage = {
    url: pathUrl(path, base),
    title: metaTitle ?? (extracted.title || extracted.h1),
    lang: extracted.lang,
    text,
    meta,
    filters,
  }
  return { page, skipped: null, content, warnings }
}

/**
 * Reads a built HTML page: its page record, or why it is not indexed, with warnings. The rules:
 * - URL: from `path` as the server publishes it (`a/index.html` → `/a/`, `a/b.html` → `/a/b.html`,
 *   Arabic names kept, spaces and `%?#` percent-encoded), after `baseUrl`.
 * - Title: `data-fahras-meta="title"` when the page gives one, else the first `<title>` (not an
 *   `<svg>`'s), else the first `<h1>`. Language: `<html lang>`, '' when none.
 * - Text: see {@link chooseText}; never `<script>`, `<style>`, `<template>`, `<noscript>`, `<svg>`,
 *   comments, nor anything inside `data-fahras-ignore`. Block elements start lines, inline ones add
 *   nothing (`<b>كت</b>اب` is one word); character references decoded.
 * - Meta and filters: `data-fahras-meta` / `data-fahras-filter` anywhere in the page (`<head>`
 *   too): `key` (element's text), `key[attr]`, `key:value`, several separated by commas. Meta keep
 *   the first value of a key; filters gather values, each once, in order. Inside
 *   `data-fahras-ignore` they still count; inside `data-fahras-ignore="all"` they do not.
 * - Skipped (page null): see SKIP_RULES: noindex, data-fahras-ignore on `<html>`/`<body>`, a
 *   meta-refresh redirect, no title and no text.
 * Throws `FAHRAS_INVALID_ARGUMENT` when `html` is not a string, `FAHRAS_INVALID_OPTION` for a bad `where`.
 *
 * @example
 * ```ts
 * readHtmlPage('<html lang="ar"><title>عن الموقع</title><main><p>مرحبا <b>بكم</b></p></main>', { path: 'about/index.html', baseUrl: '/docs/' })
 * // → { page: { url: '/docs/about/', title: 'عن الموقع', lang: 'ar', text: 'مرحبا بكم', meta: {}, filters: {} },
 * //     skipped: null, content: 'main', warnings: [] }
 * ```
 */
export function readHtmlPage(html: string, where: HtmlPageWhere): PageReading {
  assertString(html, 'readHtmlPage', 'html')
  const { path, base, robots } = checkWhere(where, 'readHtmlPage()', true)
  return htmlPage(html, path, base, robots)
}

/**
 * A built HTML page as a `SitePage`, or null when it is not indexed: {@link readHtmlPage} without
 * the reason and the warnings.
 *
 * @example
 * ```ts
 * pageFromHtml('<title>أخبار</title><p>نص <b>كت</b>اب</p>', { path: 'news.html' })
 * // → { url: '/news.html', title: 'أخبار', lang: '', text: 'نص كتاب', meta: {}, filters: {} }
 * pageFromHtml('<meta http-equiv="refresh" content="0; url=/new/">', { path: 'old/index.html' }) // → null
 * ```
 */
export function pageFromHtml(html: string, where: HtmlPageWhere): SitePage | null {
  assertString(html, 'pageFromHtml', 'html')
  const { path, base, robots } = checkWhere(where, 'pageFromHtml()', true)
  return htmlPage(html, path, base, robots).page
}

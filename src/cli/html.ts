/**
 * Visible text and title of an HTML page, read with htmlparser2 (a tokenizer that follows the
 * HTML rules for raw text: a `<script>` ends only at `</script>`, `<script src=…/>` included;
 * all HTML character references decoded; tag names matched without lower-casing the page).
 */
import { htmlparser2 } from './lazy-deps.js'

/** Elements whose content is never visible, nor indexed. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title'])
/** The page's own content: when the page has one, only what is inside is indexed. */
const CONTENT_ELEMENTS = new Set(['main', 'article'])
/** Around the content: left out when the page has no `<main>` or `<article>`. */
export const CHROME_ELEMENTS: ReadonlySet<string> = new Set(['nav', 'header', 'footer', 'aside'])
/** Elements that start a new line. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'nav',
  'aside',
  'main',
  'figure',
  'figcaption',
  'dd',
  'dt',
  'dl',
  'details',
  'summary',
  'address',
  'caption',
  'fieldset',
  'legend',
])

/** Text split into lines: spaces collapsed, each line trimmed, empty lines dropped. */
export const lines = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n')
/** Text on one line, spaces collapsed. */
export const oneLine = (text: string): string => text.replace(/[ \t\r\n\f\v\u00a0]+/g, ' ').trim()

/**
 * The visible text of an HTML document and its title. Left out: `<head>`, `<script>`, `<style>`,
 * `<noscript>`, `<template>`, `<svg>`, comments. When the page has a `<main>` or an `<article>`,
 * the text is what they hold (unless they hold none); else the whole body but `<nav>`, `<header>`, `<footer>` and
 * `<aside>`. Block elements start a line; inline tags add nothing (`<b>كت</b>اب` is one word);
 * character references are decoded. The title is the first `<title>`, else the first `<h1>`.
 */
export function htmlToText(html: string): { title: string; text: string } {
  let content = '' // inside <main> or <article>
  let body = '' // outside nav, header, footer and aside
  let title = ''
  let h1 = ''
  let hidden = 0
  let inContent = 0
  let inChrome = 0
  let inTitle = 0
  let inH1 = 0
  let sawContent = false
  let titleDone = false
  let h1Done = false
  const breakLine = () => {
    if (inContent > 0) content += '\n'
    if (inChrome === 0) body += '\n'
  }
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name) {
        if (name === 'title' && !titleDone) inTitle++
        if (name === 'h1' && !h1Done) inH1++
        if (HIDDEN_ELEMENTS.has(name)) hidden++
        if (CONTENT_ELEMENTS.has(name)) {
          inContent++
          sawContent = true
        }
        if (CHROME_ELEMENTS.has(name)) inChrome++
        if (BLOCK_ELEMENTS.has(name)) breakLine()
      },
      onclosetag(name) {
        if (BLOCK_ELEMENTS.has(name)) breakLine()
        if (name === 'title' && inTitle > 0 && --inTitle === 0) titleDone = oneLine(title).length > 0
        if (name === 'h1' && inH1 > 0 && --inH1 === 0) h1Done = oneLine(h1).length > 0
        if (HIDDEN_ELEMENTS.has(name)) hidden--
        if (CONTENT_ELEMENTS.has(name)) inContent--
        if (CHROME_ELEMENTS.has(name)) inChrome--
      },
      ontext(text) {
        if (inTitle > 0) title += text
        if (hidden > 0) return
        if (inH1 > 0) h1 += text
        if (inContent > 0) content += text
        if (inChrome === 0) body += text
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  const main = sawContent ? lines(content) : ''
  const text = main || lines(body)
  return { title: oneLine(title) || oneLine(h1), text }
}

// The generated static sites of `npm run bench:site`: one HTML page per document, written once and
// indexed by both tools (fahras site, Pagefind).
//
// Page shape (pages/<n>/index.html, URL /pages/<n>/):
//   <!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>TITLE</title></head>
//   <body><nav>…links…</nav><main data-pagefind-body><h1>TITLE</h1><p>…</p>…</main><footer>…</footer></body></html>
// `data-pagefind-body` on <main> makes Pagefind index what fahras reads (<main>): the same content.
// The doc id of each page is kept in <site dir>/../ids.json (outside the site, so neither tool reads it).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
export const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ESC[c])

/** The HTML of page `n` of `count`. */
export function pageHtml(doc, n, count, footer) {
  const title = escapeHtml(doc.title || `صفحة ${n}`)
  const paragraphs = String(doc.text ?? '')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')
  const links = ['<a href="/">الرئيسية</a>']
  if (n > 0) links.push(`<a href="/pages/${n - 1}/">السابق</a>`)
  if (n + 1 < count) links.push(`<a href="/pages/${n + 1}/">التالي</a>`)
  links.push('<a href="/about/">عن الموقع</a>')
  return `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav>${links.join(' | ')}</nav>
<main data-pagefind-body><h1>${title}</h1>
${paragraphs}
</main>
<footer>${escapeHtml(footer)}</footer></body></html>
`
}

/** Page number of a result URL (absolute or not, with or without index.html), or -1. */
export function pageNumber(url) {
  const m = /\/pages\/(\d+)(?:\/|$)/.exec(String(url ?? ''))
  return m ? Number(m[1]) : -1
}

/**
 * Writes the site of `docs` under `root` (root/site/pages/<n>/index.html; root/ids.json), removing
 * what an earlier run left there (pages and both tools' outputs). Returns { pages, htmlBytes }.
 */
export async function writeSite(root, docs, { footer, label }) {
  const site = join(root, 'site')
  rmSync(site, { recursive: true, force: true })
  mkdirSync(join(site, 'pages'), { recursive: true })
  let htmlBytes = 0
  const BATCH = 200
  for (let start = 0; start < docs.length; start += BATCH) {
    const jobs = []
    for (let n = start; n < Math.min(docs.length, start + BATCH); n++) {
      const html = pageHtml(docs[n], n, docs.length, footer)
      htmlBytes += Buffer.byteLength(html)
      const dir = join(site, 'pages', String(n))
      mkdirSync(dir, { recursive: true })
      jobs.push(writeFile(join(dir, 'index.html'), html))
    }
    await Promise.all(jobs)
  }
  const info = { label, pages: docs.length, htmlBytes, ids: docs.map((d) => String(d.id)) }
  writeFileSync(join(root, 'ids.json'), JSON.stringify(info))
  return { pages: docs.length, htmlBytes }
}

/** The site written by writeSite() under `root`, or null: { site, pages, htmlBytes, ids }. */
export function readSite(root) {
  const file = join(root, 'ids.json')
  if (!existsSync(file) || !existsSync(join(root, 'site', 'pages'))) return null
  const info = JSON.parse(readFileSync(file, 'utf8'))
  return { site: join(root, 'site'), pages: info.pages, htmlBytes: info.htmlBytes, ids: info.ids, label: info.label }
}

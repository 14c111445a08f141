import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The site of tests/site-e2e.test.ts: a static site of a few thousand Arabic pages written from
// the repository's own data (corpus/articles.jsonl split into pages of one or two paragraphs, the
// XQuAD and ARCD paragraphs of bench/data), one page of hostile text, and a search page. Every
// link is relative, so the same files work served at `/` and under `/docs/`.

const ROOT = fileURLToPath(new URL('..', import.meta.url))

interface Doc {
  readonly title: string
  readonly text: string
  readonly date?: string
}

const readJsonl = (path: string): Doc[] =>
  readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Doc)

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** The hostile page: markup as text in its title and its paragraph, and a word no other page has. */
export const HOSTILE = {
  path: 'h/',
  title: 'صفحة <img src=x onerror=alert(1)> للاختبار',
  text: 'هذه فقرة الزنجبيلية التجريبية فيها نص <script>alert(1)</script> و <img src=x onerror=alert(2)> مكتوب نصاً لا وسماً.',
  /** The word the test searches to find it. */
  word: 'الزنجبيلية',
} as const

/** A page of the site, as written. */
export interface WrittenPage {
  /** The path from the site's root, e.g. `a/12/3/` (its file is `a/12/3/index.html`). */
  readonly path: string
  readonly title: string
  readonly paragraphs: readonly string[]
}

/** What {@link writeSite} wrote. */
export interface WrittenSite {
  readonly pages: readonly WrittenPage[]
  /** Pages and files written. */
  readonly files: number
}

/** `../` as many times as the path is deep (`./` at the root). */
const up = (path: string): string => (path === '' ? './' : '../'.repeat(path.split('/').filter(Boolean).length))

function pageHtml(path: string, title: string, paragraphs: readonly string[], date?: string): string {
  const rel = up(path)
  const head =
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    (date ? `<meta name="date" content="${escapeHtml(date)}" data-fahras-meta="date[content]">` : '') +
    `<link rel="stylesheet" href="${rel}fahras/fahras-ui.css">`
  const body =
    `<nav><a href="${rel}">الرئيسية</a> · <a href="${rel}search/">البحث</a></nav>` +
    `<main><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</main>` +
    '<footer>موقع تجريبي لاختبار فهرس · جميع الحقوق محفوظة</footer>'
  return `<!doctype html><html lang="ar" dir="rtl"><head>${head}</head><body>${body}</body></html>\n`
}

/** The search page (not indexed) and its script: a file, as the CSP allows no inline script. */
const SEARCH_PAGE =
  '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
  '<title>البحث</title><link rel="stylesheet" href="../fahras/fahras-ui.css"></head>' +
  '<body><nav><a href="../">الرئيسية</a></nav><main><h1>البحث في الموقع</h1><div id="search"></div></main>' +
  '<footer>موقع تجريبي</footer><script type="module" src="../search.js"></script></body></html>\n'

const SEARCH_JS = `import { mountSearch } from './fahras/fahras-ui.js'
const query = new URLSearchParams(location.search).get('q') ?? ''
mountSearch('#search', { layout: 'inline', query })
`

/**
 * Pages per article at most: 5 gives 2,234 pages in all (all 427 articles' first ten paragraphs, and
 * the 700 paragraphs); all of them would give 3,163, and a build half as long again.
 */
const ARTICLE_PAGES = 5

/** Writes the site into `dir` (which must exist and be empty). */
export function writeSite(dir: string): WrittenSite {
  const pages: WrittenPage[] = []
  let files = 0
  const write = (path: string, title: string, paragraphs: readonly string[], date?: string) => {
    mkdirSync(join(dir, path), { recursive: true })
    writeFileSync(join(dir, path, 'index.html'), pageHtml(path, title, paragraphs, date))
    pages.push({ path, title, paragraphs })
    files++
  }
  // the articles: pages of two paragraphs (the last may have one), at most ARTICLE_PAGES per article
  readJsonl('corpus/articles.jsonl').forEach((article, i) => {
    const paragraphs = article.text
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean)
    for (let k = 0; k * 2 < paragraphs.length && k < ARTICLE_PAGES; k++) {
      const title = k === 0 ? article.title : `${article.title} (${k + 1})`
      write(`a/${i}/${k + 1}/`, title, paragraphs.slice(k * 2, k * 2 + 2), article.date)
    }
  })
  // the paragraphs of XQuAD and ARCD, one per page (their titles are those of Wikipedia articles, shared)
  for (const [folder, file] of [
    ['x', 'bench/data/xquad-ar/docs.jsonl'],
    ['r', 'bench/data/arcd-train/docs.jsonl'],
  ] as const) {
    readJsonl(file).forEach((doc, i) => write(`${folder}/${i}/`, `${doc.title} — ${i + 1}`, [doc.text]))
  }
  write(HOSTILE.path, HOSTILE.title, [HOSTILE.text])
  write('', 'موقع تجريبي', ['صفحة البداية لموقع تجريبي فيه مقالات إخبارية وفقرات من ويكيبيديا.'])
  mkdirSync(join(dir, 'search'), { recursive: true })
  writeFileSync(join(dir, 'search', 'index.html'), SEARCH_PAGE)
  writeFileSync(join(dir, 'search.js'), SEARCH_JS)
  return { pages, files: files + 2 }
}

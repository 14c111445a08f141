import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, type SiteBuildReport } from '../src/site/build/build-site.js'
import { openSite } from '../src/site/runtime/open-site.js'
import type { Site } from '../src/site/types.js'

// The recipes of docs/static-sites.md, one per site generator: `fahras site` run on a small built
// site in the shape of that generator's default output (tests/fixtures/site-recipes/<generator>/,
// written by hand: see its README.md), with the recipe's options, then searched with the runtime.
// For each: the pages indexed and their URLs as the generator publishes them, their titles, a
// word of each page's content found with its <mark>, and words of the chrome (nav, sidebars,
// header, footer) and of the files left out (404, feeds, sitemaps, tag lists, redirects) not found.

const FIXTURES = fileURLToPath(new URL('./fixtures/site-recipes/', import.meta.url))

interface RecipePage {
  /** The URL as the generator publishes it (Arabic paths as they are). */
  readonly url: string
  /** The page's `<title>`, as the generator's default theme writes it. */
  readonly title: string
  /** A word that is in this page's content and in no other page's. */
  readonly word: string
}

interface Recipe {
  /** Folder under tests/fixtures/site-recipes/. */
  readonly fixture: string
  /** The generator's output folder, as docs/static-sites.md names it. */
  readonly output: string
  /** The recipe's `--exclude`. */
  readonly exclude: readonly string[]
  readonly pages: readonly RecipePage[]
  /** Files read but not indexed (redirect stubs). */
  readonly skipped: number
  /** Words only in the theme's nav, sidebars, header or footer. */
  readonly chrome: readonly string[]
  /** Words only in files the recipe leaves out (404 page, tag lists) or that are not pages (feeds). */
  readonly leftOut: readonly string[]
}

const RECIPES: Readonly<Record<string, Recipe>> = {
  // the theme of `hugo new theme` (layouts/baseof.html: header, main, footer); an alias redirect
  Hugo: {
    fixture: 'hugo',
    output: 'public/',
    exclude: ['404.html', 'tags/**'],
    skipped: 1,
    pages: [
      { url: '/', title: 'دفتر الرحلات', word: 'الاتصال' },
      { url: '/posts/', title: 'المقالات | دفتر الرحلات', word: 'الأقدم' },
      { url: '/posts/petra/', title: 'الطريق إلى البتراء | دفتر الرحلات', word: 'الخزنة' },
      { url: '/posts/wadi-rum/', title: 'ليلة في وادي رم | دفتر الرحلات', word: 'الميرمية' },
    ],
    chrome: ['الرئيسية', 'الوسوم', 'Copyright', 'reserved'],
    leftOut: ['مفقودة', 'نعثر', 'Recent'],
  },
  // minima 2.5 (the theme of `jekyll new`), jekyll-seo-tag titles, the default post permalinks
  Jekyll: {
    fixture: 'jekyll',
    output: '_site/',
    exclude: ['404.html'],
    skipped: 0,
    pages: [
      { url: '/', title: 'دفتر المطبخ | وصفات البيت كما تعلّمناها', word: 'نجمع' },
      { url: '/2024/05/12/arabic-coffee.html', title: 'القهوة العربية | دفتر المطبخ', word: 'الهيل' },
      { url: '/about/', title: 'من نحن | دفتر المطبخ', word: 'الجدة' },
      { url: '/recipes/2024/06/01/knafeh.html', title: 'كنافة بالجبن | دفتر المطبخ', word: 'عكاوي' },
    ],
    chrome: ['الخطيب', 'salma'],
    leftOut: ['requested', 'الموجز'],
  },
  // eleventy-base-blog v9 (layouts/base.njk, post.njk); a post under an Arabic slug
  Eleventy: {
    fixture: 'eleventy',
    output: '_site/',
    exclude: ['404.html', 'tags/**'],
    skipped: 0,
    pages: [
      { url: '/', title: 'حديقة السطح', word: 'مقالتين' },
      { url: '/blog/', title: 'حديقة السطح', word: 'الأرشيف' },
      { url: '/blog/basil/', title: 'الريحان على حافة النافذة', word: 'السماد' },
      { url: '/blog/طماطم-الأصص/', title: 'طماطم في الأصص', word: 'التقليم' },
    ],
    chrome: ['نبذة', 'navigation', 'Eleventy', 'Skip'],
    leftOut: ['Tagged', 'خلاصة'],
  },
  // Starlight's Page.astro: header, sidebar <nav>, table of contents <aside>, <main> (Pagefind on)
  'Astro (Starlight)': {
    fixture: 'starlight',
    output: 'dist/',
    exclude: ['404.html'],
    skipped: 0,
    pages: [
      { url: '/', title: 'مرحبًا بك في سُهيل | توثيق سُهيل', word: 'ماركداون' },
      { url: '/guides/install/', title: 'التثبيت | توثيق سُهيل', word: 'حاسوب' },
      { url: '/reference/config/', title: 'الإعدادات | توثيق سُهيل', word: 'الواجهة' },
    ],
    chrome: ['أدلة', 'مراجع', 'داكن', 'نظرة', 'تخطَّ', 'ابحث'],
    leftOut: ['شريط'],
  },
  // the default theme: <main class="main"> around .vp-doc on doc pages; a home page (layout: home)
  VitePress: {
    fixture: 'vitepress',
    output: '.vitepress/dist/',
    exclude: ['404.html'],
    skipped: 0,
    pages: [
      { url: '/', title: 'مِداد', word: 'اليسار' },
      { url: '/guide/configuration.html', title: 'الإعدادات | مِداد', word: 'أهمها' },
      { url: '/guide/getting-started.html', title: 'البدء السريع | مِداد', word: 'المعالج' },
    ],
    chrome: ['مقدمة', 'حرّر', 'بترخيص', 'المرجع', 'القائمة', 'العودة', 'التالية'],
    leftOut: ['مطبعي'],
  },
  // Material for MkDocs: sidebars (<nav>) inside <main>, <article class="md-content__inner">
  'MkDocs (Material)': {
    fixture: 'mkdocs',
    output: 'site/',
    exclude: ['404.html'],
    skipped: 0,
    pages: [
      { url: '/', title: 'دليل واحة', word: 'المنزل' },
      { url: '/getting-started/', title: 'البداية - دليل واحة', word: 'المتصفح' },
      { url: '/guide/plugins/', title: 'الإضافات - دليل واحة', word: 'معاينة' },
    ],
    chrome: ['كتيّب', 'المحتويات', 'Material', 'السابقة', 'انتقل', 'مسح'],
    leftOut: ['found', 'المدمج'],
  },
}

const temp = mkdtempSync(join(tmpdir(), 'fahras-site-recipes-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

let copies = 0
/** A copy of a fixture in the temp folder (the build writes `<site>/fahras/`), changed by `edit` when given. */
function copyOf(fixture: string, edit?: (html: string, file: string) => string, files: readonly string[] = []): string {
  const site = join(temp, `${fixture}-${++copies}`)
  cpSync(join(FIXTURES, fixture), site, { recursive: true })
  for (const file of files) writeFileSync(join(site, file), edit!(readFileSync(join(site, file), 'utf8'), file))
  return site
}

/** Builds the index of `site` and opens it with the runtime, from its files on disk. */
async function buildAndOpen(
  site: string,
  options: { exclude: readonly string[]; baseUrl?: string },
): Promise<{ report: SiteBuildReport; site: Site }> {
  const report = await buildSite({
    site,
    assets: false,
    exclude: [...options.exclude],
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  })
  return { report, site: await openSite({ baseUrl: pathToFileURL(join(report.output, '/')) }) }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

for (const [generator, recipe] of Object.entries(RECIPES)) {
  describe(`${generator} (${recipe.output}, --exclude '${recipe.exclude.join(',')}')`, () => {
    let report: SiteBuildReport
    let site: Site
    beforeAll(async () => {
      ;({ report, site } = await buildAndOpen(copyOf(recipe.fixture), recipe))
    })

    it('indexes the pages, and only them', () => {
      expect(report.warnings).toEqual([])
      expect(report.pages).toBe(recipe.pages.length)
      expect(report.skipped).toBe(recipe.skipped)
      expect(site.pageCount).toBe(recipe.pages.length)
    })

    for (const page of recipe.pages) {
      it(`${page.url}: found by «${page.word}», with its URL, title and a marked snippet`, async () => {
        const { total, results } = await site.search(page.word)
        expect(total).toBe(1)
        expect(results[0]!.url).toBe(page.url)
        expect(results[0]!.title).toBe(page.title)
        expect(results[0]!.snippet.html).toMatch(new RegExp(`<mark>[^<]*${escapeRegExp(page.word)}[^<]*</mark>`))
      })
    }

    it(`no word of the theme's chrome is found: ${recipe.chrome.join(' ')}`, async () => {
      for (const word of recipe.chrome)
        expect({ word, total: (await site.search(word)).total }).toEqual({ word, total: 0 })
    })

    it(`no word of the files left out is found: ${recipe.leftOut.join(' ')}`, async () => {
      for (const word of recipe.leftOut)
        expect({ word, total: (await site.search(word)).total }).toEqual({ word, total: 0 })
    })
  })
}

describe('a site served under a sub-path (--base-url /docs/)', () => {
  it("gives every URL the prefix (Starlight with `base: '/docs'`)", async () => {
    const recipe = RECIPES['Astro (Starlight)']!
    const { site } = await buildAndOpen(copyOf(recipe.fixture), { exclude: recipe.exclude, baseUrl: '/docs/' })
    for (const page of recipe.pages) {
      const { results } = await site.search(page.word)
      expect(results.map((r) => r.url)).toEqual([`/docs${page.url}`])
    }
  })
})

describe('what the recipes tell users to mark', () => {
  it('Eleventy: the previous/next links of post.njk are indexed until marked data-fahras-ignore', async () => {
    const posts = ['blog/basil/index.html', 'blog/طماطم-الأصص/index.html']
    const plain = (await buildAndOpen(copyOf('eleventy'), RECIPES.Eleventy!)).site
    expect((await plain.search('Next')).results.map((r) => r.url)).toEqual(['/blog/basil/'])
    const marked = (
      await buildAndOpen(
        copyOf(
          'eleventy',
          (html) => html.replace('<ul class="links-nextprev">', '<ul class="links-nextprev" data-fahras-ignore>'),
          posts,
        ),
        RECIPES.Eleventy!,
      )
    ).site
    expect((await marked.search('Next')).total).toBe(0)
    expect((await marked.search('Previous')).total).toBe(0)
    // the neighbour's title no longer makes a post match
    expect((await marked.search('طماطم')).results.map((r) => r.url).sort()).toEqual([
      '/',
      '/blog/',
      '/blog/طماطم-الأصص/',
    ])
  })

  it('Starlight: the page footer inside <main> is left out once a Footer override wraps it in data-fahras-ignore', async () => {
    const pages = ['index.html', 'guides/install/index.html', 'reference/config/index.html']
    const wrap = (html: string) =>
      html
        .replace('<footer class="sl-flex">', '<div data-fahras-ignore><footer class="sl-flex">')
        .replace('</footer>', '</footer></div>')
    const { site } = await buildAndOpen(copyOf('starlight', wrap, pages), RECIPES['Astro (Starlight)']!)
    expect((await site.search('عدل')).total).toBe(0)
    expect((await site.search('التالي')).total).toBe(0)
    // the previous page's title in the pagination no longer makes /reference/config/ match
    expect((await site.search('التثبيت')).results.map((r) => r.url)).toEqual(['/guides/install/'])
  })

  it('Hugo: data-fahras-meta="title" on the page\'s <h1> gives results the title without the site\'s name', async () => {
    const posts = ['posts/petra/index.html', 'posts/wadi-rum/index.html']
    const mark = (html: string) => html.replace('<main>\n  <h1>', '<main>\n  <h1 data-fahras-meta="title">')
    const { site } = await buildAndOpen(copyOf('hugo', mark, posts), RECIPES.Hugo!)
    expect((await site.search('الخزنة')).results[0]!.title).toBe('الطريق إلى البتراء')
    expect((await site.search('الميرمية')).results[0]!.title).toBe('ليلة في وادي رم')
    expect((await site.search('الاتصال')).results[0]!.title).toBe('دفتر الرحلات')
  })
})

// Known gaps of the page reader on these themes' default markup (reported with the fixtures):
// `it.fails` passes while the reader still indexes the text named; when the reader is changed to
// leave it out, the test fails and should become a plain `it`.
describe('theme markup the reader handles, and one known gap (it.fails until src/site/pages changes)', () => {
  let starlight: Site
  let vitepress: Site
  beforeAll(async () => {
    starlight = (await buildAndOpen(copyOf('starlight'), RECIPES['Astro (Starlight)']!)).site
    vitepress = (await buildAndOpen(copyOf('vitepress'), RECIPES.VitePress!)).site
  })

  it('Starlight: the <footer> inside <main> (edit link, last updated, previous/next) is left out', async () => {
    expect((await starlight.search('عدل')).total).toBe(0)
    expect((await starlight.search('التالي')).total).toBe(0)
  })

  it("Starlight: text marked data-pagefind-ignore (the heading anchors' «Section titled …») is left out", async () => {
    expect((await starlight.search('titled')).total).toBe(0)
  })

  it.fails('VitePress: the hero of the home page (layout: home, no <main>) is searched, not only its feature cards (<article>)', async () => {
    expect((await vitepress.search('ماركداون')).results.map((r) => r.url)).toEqual(['/'])
  })
})

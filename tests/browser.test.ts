import { spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium, MISSING } from './chromium.js'

// End to end: builds the demo (docs/demo), serves it from a static server on 127.0.0.1 and
// drives the page in Debian's headless Chromium (/usr/bin/chromium, installed by .ci/run).
const root = fileURLToPath(new URL('..', import.meta.url))
const demoDir = join(root, 'docs', 'demo')

if (!hasChromium && !process.env.CI) {
  console.warn(`tests/browser.test.ts skipped: ${MISSING}`)
}

describe('Chromium for the browser test', () => {
  it.runIf(process.env.CI)('is installed on CI', () => {
    if (!hasChromium) throw new Error(MISSING)
  })
})

const JIDAR_TITLE = 'العراق يؤكد شراكة استراتيجية مع الولايات المتحدة في محاربة داعش'
// Letters only: diacritics, Quranic marks, superscript alef and tatweel removed; alef forms → ا.
const bare = (s: string) =>
  s.replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '').replace(/[ٱأإآ]/g, 'ا')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

/** A static file server for docs/demo, plus in-memory files (the test's own indexes). */
function serve(dir: string, extra: Map<string, () => Promise<string>>): Promise<Server> {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    const generated = extra.get(pathname)
    if (generated) {
      const body = await generated()
      res.writeHead(200, { 'content-type': TYPES['.json']!, 'content-length': Buffer.byteLength(body) })
      res.end(body)
      return
    }
    const path = normalize(join(dir, pathname))
    const file = path.endsWith(sep) ? join(path, 'index.html') : path
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
    })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

describe.skipIf(!hasChromium)('demo page in headless Chromium', () => {
  let server: Server
  let browser: Browser
  let base: string
  let releaseSlowIndex: () => void = () => {}
  const slowIndexGate = new Promise<void>((resolve) => {
    releaseSlowIndex = resolve
  })
  const extra = new Map<string, () => Promise<string>>()

  beforeAll(async () => {
    // `npm test` builds dist/ first; a bare `npx vitest run` on a clean clone builds it here.
    if (!existsSync(join(root, 'dist', 'index.js'))) {
      const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' })
      if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`)
    }
    const demo = spawnSync(process.execPath, [join(root, 'scripts', 'build-demo.mjs'), '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    })
    if (demo.status !== 0) throw new Error(`scripts/build-demo.mjs failed:\n${demo.stdout}${demo.stderr}`)

    // A small index whose documents carry HTML: none of it may become markup in the page.
    const { ArabicSearch } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href)
    const hostile = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text', 'url', 'source'] })
    hostile.addAll([
      {
        id: 'xss-1',
        title: '<img src=x onerror="window.__xss=1">عنوان الكتاب',
        text: 'خبر <script>window.__xss=2</script> عن الكتاب <img src=x onerror="window.__xss=3"> و&lt;b&gt; <b>عريض</b>',
        url: 'javascript:window.__xss=4',
        source: '<img src=x onerror=window.__xss=5>',
      },
      {
        id: 'xss-2',
        title: 'الكتاب الثاني',
        text: "\"><img src=x onerror=window.__xss=6>الكتاب' onmouseover='window.__xss=7' <svg onload=window.__xss=8></svg>",
        url: 'https://example.com/?a=<b>',
        source: 'مصدر',
      },
    ])
    const hostileJson = JSON.stringify(hostile)
    extra.set('/dist/test-xss.json', async () => hostileJson)
    // The corpus index, held back until the test releases it: shows the loading state.
    extra.set('/dist/test-slow.json', async () => {
      await slowIndexGate
      const { readFileSync } = await import('node:fs')
      return readFileSync(join(demoDir, 'dist', 'index.json'), 'utf8')
    })

    server = await serve(demoDir, extra)
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    browser = await launchChromium()
  }, 180_000)

  afterAll(async () => {
    releaseSlowIndex()
    await browser?.close()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  })

  /** Opens the page; fails the test on any error thrown in the page or logged to the console. */
  async function open(query = '', viewport = { width: 1280, height: 900 }) {
    const page = await browser.newPage({ viewport })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(base + query)
    return { page, errors }
  }
  const ready = (page: Page) => page.waitForSelector('html[data-state="ready"]', { timeout: 60_000 })
  const searches = async (page: Page) => Number((await page.locator('html').getAttribute('data-searches')) ?? 0)
  /** Types like a person (search as you type, debounced) and waits for the results of that text. */
  async function type(page: Page, text: string) {
    await page.locator('#q').fill('')
    await page.locator('#q').pressSequentially(text, { delay: 15 })
    await page.waitForFunction(
      (q) => (window as unknown as { fahrasDemo: { renderedQuery?: string } }).fahrasDemo.renderedQuery === q,
      text,
    )
  }
  const titles = (page: Page) => page.locator('#results .result-title').allTextContents()
  const marks = (page: Page, nth = 0) =>
    page.locator('#results .result').nth(nth).locator('.snippet mark').allTextContents()

  it('shows the empty state, then the loading state while the index downloads, and stays responsive', async () => {
    const { page, errors } = await open('?index=./dist/test-slow.json')
    await expect.poll(() => page.locator('#status').textContent()).toBe('اكتب كلمة للبحث…')
    expect(await page.locator('html').getAttribute('data-state')).toBe('loading')
    expect(await page.locator('#loading').isVisible()).toBe(true)
    expect(await page.locator('#loading').textContent()).toContain('جارٍ تحميل الفهرس')
    // the page answers while the index is loading: typing works, the query waits for the index
    await page.locator('#q').pressSequentially('بغداد', { delay: 10 })
    expect(await page.locator('#q').inputValue()).toBe('بغداد')
    expect(await page.locator('#results .result').count()).toBe(0)
    releaseSlowIndex()
    await ready(page)
    await page.waitForSelector('#results .result')
    expect(await page.locator('#loading').isVisible()).toBe(false)
    expect((await titles(page))[0]).toBe('بغداد')
    expect(errors).toEqual([])
    await page.close()
  })

  it('finds «الشراكة الاستراتيجية» typed without diacritics: the Jidar News article first, the written words marked', async () => {
    const { page, errors } = await open()
    await ready(page)
    await type(page, 'الشراكة الاستراتيجية')
    const first = page.locator('#results .result').first()
    expect(await first.locator('.result-title').textContent()).toBe(JIDAR_TITLE)
    expect(await first.locator('.meta').textContent()).toContain('Jidar News')
    const firstMarks = await marks(page)
    expect(firstMarks).toEqual(expect.arrayContaining(['شراكة', 'استراتيجية']))
    // every mark is a whole written word of the document that matches one of the query's words
    const all = await page.locator('#results .snippet mark').allTextContents()
    expect(all.length).toBeGreaterThan(3)
    for (const mark of all) expect(bare(mark)).toMatch(/شراك|استراتيج/)
    expect(await page.locator('#status').textContent()).toMatch(/نتائج|نتيجة/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('finds ٱلْكِتَٰبُ and الْكِتَابُ (with diacritics) as الكتاب, and marks vowelled words as written', async () => {
    const { page, errors } = await open()
    await ready(page)
    await type(page, 'الكتاب')
    const plain = await titles(page)
    expect(plain.length).toBeGreaterThan(3)
    for (const query of ['ٱلْكِتَٰبُ', 'الْكِتَابُ']) {
      await type(page, query)
      expect(await titles(page)).toEqual(plain)
      const first = await marks(page)
      expect(first).toContain('الكتاب')
      for (const mark of await page.locator('#results .snippet mark').allTextContents())
        expect(bare(mark)).toContain('كتاب')
    }
    // a vowelled document: the mark keeps the document's diacritics
    await type(page, 'بغداد')
    const result = page.locator('#results .result', { has: page.locator('.result-title', { hasText: 'سقوط بغداد' }) })
    expect(await result.locator('.snippet mark').allTextContents()).toContain('بَغْدَادَ')
    // titles with a url link to it
    expect(await page.locator('#results .result-title a').first().getAttribute('href')).toMatch(
      /^https:\/\/ar\.wikipedia\.org\//,
    )
    expect(errors).toEqual([])
    await page.close()
  })

  it('suggests completions under the box; choosing one searches it', async () => {
    const { page, errors } = await open()
    await ready(page)
    await type(page, 'الشرا')
    const suggestions = await page.locator('#suggestions .suggestion').allTextContents()
    expect(suggestions).toContain('الشراكة')
    expect(await page.locator('#suggestions').isVisible()).toBe(true)
    const before = await searches(page)
    await page.locator('#suggestions .suggestion', { hasText: /^الشراكة$/ }).click()
    await page.waitForFunction((n) => Number(document.documentElement.dataset.searches) > n, before)
    expect(await page.locator('#q').inputValue()).toBe('الشراكة ')
    expect(await page.locator('#suggestions').isVisible()).toBe(false)
    const all = await page.locator('#results .snippet mark').allTextContents()
    expect(all.length).toBeGreaterThan(0)
    for (const mark of all) expect(bare(mark)).toContain('شراك')
    // the whole query completed
    await type(page, 'الشراكة الاستر')
    expect(await page.locator('#suggestions .suggestion').allTextContents()).toContain('الشراكة الاستراتيجية')
    expect(errors).toEqual([])
    await page.close()
  })

  it('says «لا نتائج» when nothing matches and returns to the empty state when cleared', async () => {
    const { page, errors } = await open()
    await ready(page)
    expect(await page.locator('#status').textContent()).toBe('اكتب كلمة للبحث…')
    await type(page, 'زقزقزقزق')
    expect(await page.locator('#status').textContent()).toBe('لا نتائج')
    expect(await page.locator('#results .result').count()).toBe(0)
    await page.locator('#q').fill('')
    await expect.poll(() => page.locator('#status').textContent()).toBe('اكتب كلمة للبحث…')
    expect(await page.locator('#results .result').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it("never turns a document's HTML into markup (titles, snippets, sources, urls)", async () => {
    const { page, errors } = await open('?index=./dist/test-xss.json')
    await ready(page)
    await type(page, 'الكتاب')
    await page.waitForTimeout(500) // time for an injected <img onerror> to fire, if there were one
    expect(await page.locator('#results .result').count()).toBe(2)
    expect(await page.locator('#results img, #results script, #results svg, #results b').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
    // the markup is shown as text, and the matches are still marked
    const text = await page.locator('#results').textContent()
    expect(text).toContain('<img src=x onerror="window.__xss=1">عنوان الكتاب')
    expect(text).toContain('<script>window.__xss=2</script>')
    expect(text).toContain('&lt;b&gt;')
    expect(await page.locator('#results .snippet mark').count()).toBeGreaterThan(1)
    // a javascript: url is not a link; an http(s) url is, as an attribute value
    const hrefs = await page.locator('#results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(['https://example.com/?a=%3Cb%3E'])
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    await page.close()
  })

  it('works with the index loaded and searched on the main thread too (?mode=main)', async () => {
    const { page, errors } = await open(`?mode=main&q=${encodeURIComponent('الشراكة الاستراتيجية')}`)
    await ready(page)
    await page.waitForSelector('#results .result')
    expect((await titles(page))[0]).toBe(JIDAR_TITLE)
    expect(await page.evaluate(() => (window as unknown as { fahrasDemo: { mode: string } }).fahrasDemo.mode)).toBe(
      'main',
    )
    expect(errors).toEqual([])
    await page.close()
  })

  it('is readable at desktop and phone widths (screenshots in test-results/)', async () => {
    mkdirSync(join(root, 'test-results'), { recursive: true })
    for (const [name, viewport] of [
      ['demo.png', { width: 1280, height: 900 }],
      ['demo-phone.png', { width: 375, height: 812 }],
    ] as const) {
      const { page, errors } = await open('', viewport)
      await ready(page)
      await type(page, 'الشراكة الاستر')
      await page.waitForSelector('#suggestions .suggestion')
      // nothing wider than the screen: no sideways scrolling
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      const box = await page.locator('#q').boundingBox()
      expect(box!.width).toBeGreaterThan(viewport.width * 0.5)
      await page.screenshot({ path: join(root, 'test-results', name) })
      expect(errors).toEqual([])
      await page.close()
    }
  })
})

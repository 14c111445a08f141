import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mountSearch } from '../src/site/ui/mount-search.js'
import { hasChromium, launchChromium, MISSING } from './chromium.js'

// The search box of `fahras site` (src/site/ui): fahras-ui.js bundled with esbuild as the site
// build does, served with `Content-Security-Policy: default-src 'self'` beside a fake fahras.js
// (an in-memory Site), and driven in Debian's headless Chromium.

if (!hasChromium && !process.env.CI) {
  console.warn(`tests/site-ui.test.ts skipped: ${MISSING}`)
}

describe('Chromium for the search box test', () => {
  it.runIf(process.env.CI)('is installed on CI', () => {
    if (!hasChromium) throw new Error(MISSING)
  })
})

describe('mountSearch() options', () => {
  // checked before the DOM is touched: these run in Node
  it('throws a TypeError naming an unknown option and the known ones', () => {
    expect(() => mountSearch('#search', { foo: 1 } as never)).toThrow(TypeError)
    expect(() => mountSearch('#search', { foo: 1 } as never)).toThrow(
      /^mountSearch: unknown option `foo`; expected one of site, limit, debounce, .*query$/,
    )
    expect(() => mountSearch('#search', { labels: { nope: 'x' } } as never)).toThrow(
      /^mountSearch: unknown label `nope`; expected one of placeholder, label, /,
    )
  })

  it('throws a TypeError on a bad limit, debounce or layout', () => {
    expect(() => mountSearch('#search', { limit: 0 })).toThrow(/`limit` must be an integer from 1 to 100/)
    expect(() => mountSearch('#search', { limit: '5' as never })).toThrow(TypeError)
    expect(() => mountSearch('#search', { debounce: -1 })).toThrow(/`debounce` must be a number/)
    expect(() => mountSearch('#search', { layout: 'popup' as never })).toThrow(/`layout` must be 'overlay' or 'inline'/)
  })
})

describe('fahras-ui sources', () => {
  // mount-search.ts and the files of src/site/ui it imports, all bundled into fahras-ui.js
  const folder = new URL('../src/site/ui/', import.meta.url)
  const source = readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(new URL(name, folder), 'utf8'))
    .join('\n')
    .replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '')
  it('use no inline style, no eval, innerHTML only for the escaped snippet, and only types from fahras', () => {
    expect(source).not.toMatch(/\.style\b|<style|setAttribute\(\s*'style'|\beval\(|\bFunction\(/)
    expect(source.match(/innerHTML/g)).toEqual(['innerHTML'])
    expect(source).toMatch(/snippet\.innerHTML = result\.snippet\.html/)
    const imports = [...source.matchAll(/^import .*$/gm)].map((m) => m[0])
    // besides the box's own files (./x.js), only these types of fahras
    const fromFahras = imports.filter((line) => !/ from '\.\/[\w-]+\.js'$/.test(line))
    for (const line of fromFahras) expect(line).toMatch(/^import type \{ [\w, ]+ \} from '\.\.\/types\.js'$/)
    const types = fromFahras.flatMap((line) =>
      line
        .slice(line.indexOf('{') + 1, line.indexOf('}'))
        .split(',')
        .map((name) => name.trim()),
    )
    expect(types.filter((name) => !['Site', 'SiteResult', 'SiteResults', 'SiteSearchOptions'].includes(name))).toEqual(
      [],
    )
  })
})

/** The fake runtime: openSite() gives a Site over a few pages; some queries are slow, fail or count. */
const FAKE_RUNTIME = String.raw`
const pages = [
  { url: '/pages/baghdad.html', title: 'بغداد عاصمة العراق', text: 'بغداد مدينة على نهر دجلة', meta: { section: 'أخبار', date: '٢٠٢٤' } },
  { url: '/pages/xss.html', title: '<img src=x onerror=alert(1)>', text: 'بغداد', html: 'نص &lt;script&gt;alert(2)&lt;/script&gt; عن <mark>بغداد</mark>', meta: {} },
  { url: 'javascript:alert(3)', title: 'رابط خطر في بغداد', text: 'بغداد', meta: {}, lang: 'en' },
  { url: '/pages/long.html', title: 'بغداد' + 'ا'.repeat(120), text: 'بغداد ' + 'طويل'.repeat(150), meta: { note: 'https://example.com/' + 'a'.repeat(200) } },
  { url: '/pages/book.html', title: 'كتاب', text: 'كتاب عن الأدب', meta: {} },
]
const abortError = () => new DOMException('The search was cancelled', 'AbortError')
const wait = (ms, signal) => new Promise((resolve, reject) => {
  const timer = setTimeout(resolve, ms)
  if (!globalThis.__ignoreAbort) signal?.addEventListener('abort', () => { clearTimeout(timer); reject(abortError()) })
})
globalThis.__searches = []
globalThis.__asked = [] // as the box asked: the word being typed ends with * (a prefix)
globalThis.__aborted = []
globalThis.__open = 0 // searches not answered yet (the word-searches' delay)
export async function openSite() {
  return {
    pageCount: pages.length,
    filters: {},
    async search(asked, { limit = 10, offset = 0, signal } = {}) {
      __asked.push(asked)
      const query = asked.replace(/\*$/, '')
      __searches.push(query)
      signal?.addEventListener('abort', () => __aborted.push(query))
      const counted = /^عدد (\d+)$/.exec(query)
      if (counted) {
        const total = Number(counted[1])
        await wait(10, signal)
        const results = []
        for (let i = offset; i < Math.min(total, offset + limit); i++) {
          results.push({ url: '/pages/n' + (i + 1) + '.html', title: 'نتيجة ' + (i + 1), score: 1, meta: {}, snippet: { html: '<mark>عدد</mark>', text: 'عدد' } })
        }
        return { query, total, results }
      }
      if (query === 'خطأ') throw new Error('the index is broken')
      // short queries (the first letters typed) answer late: a stale answer would land last
      __open++
      try {
        await wait(query === 'بطيء' ? 700 : query.length === 1 ? 900 : query.length <= 3 ? 400 : 20, signal)
      } finally {
        __open--
      }
      const found = pages.filter((p) => (p.title + ' ' + p.text).includes(query))
      const results = found.slice(offset, offset + limit).map((p) => ({
        url: p.url, title: p.title, lang: p.lang ?? '', score: 1, meta: p.meta,
        snippet: { html: p.html ?? p.text.split(query).join('<mark>' + query + '</mark>'), text: p.text },
      }))
      return { query, total: found.length, results }
    },
    async suggest(query, { signal } = {}) {
      await wait(10, signal)
      return query === 'بغدات' ? [{ suggestion: 'بغداد', score: 1 }] : []
    },
  }
}
`

const APP = `
import { mountSearch } from '/fahras/fahras-ui.js'
const params = new URLSearchParams(location.search)
if (params.has('ignoreAbort')) globalThis.__ignoreAbort = true
window.box = mountSearch('#search', JSON.parse(params.get('options') ?? '{}'))
window.mountSearch = mountSearch
`

const html = (body: string) =>
  `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title></head><body>${body}</body></html>`

describe.skipIf(!hasChromium)('the search box in headless Chromium, under a strict CSP', () => {
  let server: Server
  let browser: Browser
  let context: BrowserContext
  let base: string
  let bundle: string
  const css = readFileSync(new URL('../src/site/ui/fahras-ui.css', import.meta.url), 'utf8')

  beforeAll(async () => {
    const built = await build({
      entryPoints: [new URL('../src/site/ui/mount-search.ts', import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    })
    bundle = built.outputFiles[0]!.text
    const files: Record<string, [string, string]> = {
      '/': [
        'text/html',
        html(
          '<header><div id="search"><p class="fallback">fallback</p></div></header><main><p>محتوى الصفحة</p></main><script type="module" src="/app.js"></script>',
        ),
      ],
      '/inline.html': ['text/html', html('<script>window.__inline = 1</script>')],
      '/app.js': ['text/javascript', APP],
      '/fahras/fahras-ui.js': ['text/javascript', bundle],
      '/fahras/fahras-ui.css': ['text/css', css],
      '/fahras/fahras.js': ['text/javascript', FAKE_RUNTIME],
    }
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname
      const file = files[path] ?? (path.startsWith('/pages/') ? ['text/html', html(`<h1>${path}</h1>`)] : undefined)
      const headers = { 'content-security-policy': "default-src 'self'", 'cache-control': 'no-store' }
      if (path === '/favicon.ico') return void res.writeHead(204, headers).end()
      if (!file) return void res.writeHead(404, headers).end()
      res.writeHead(200, { ...headers, 'content-type': `${file[0]}; charset=utf-8` }).end(file[1])
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await launchChromium()
    context = await browser.newContext()
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      )
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  })

  /** Opens the page; records page errors, console errors and CSP violations. */
  async function open(params: Record<string, string> = {}, viewport = { width: 1280, height: 800 }) {
    const page = await context.newPage()
    await page.setViewportSize(viewport)
    const errors: string[] = []
    const consoleErrors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await page.goto(`${base}/?${new URLSearchParams(params)}`)
    await page.waitForSelector('.fahras')
    /** No error in the page, no CSP violation; console errors other than the box's own `fahras:` ones. */
    const clean = async (allowed: RegExp[] = []) => {
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
      expect(errors).toEqual([])
      expect(consoleErrors.filter((text) => !allowed.some((re) => re.test(text)))).toEqual([])
      await page.close()
    }
    return { page, clean }
  }
  const state = (page: Page) => page.locator('.fahras').getAttribute('data-state')
  const titles = (page: Page) => page.locator('.fahras-title').allTextContents()
  const live = async (page: Page) => (await page.locator('.fahras-live').textContent())?.trim()
  /** Types like a person; waits for the results of the text. */
  async function type(page: Page, text: string, delay = 10) {
    await page.locator('.fahras-input').pressSequentially(text, { delay })
    await page.waitForFunction((q) => {
      const s = document.querySelector('.fahras')?.getAttribute('data-state')
      return (
        (window as unknown as { __searches: string[] }).__searches.at(-1) === q &&
        (s === 'results' || s === 'none' || s === 'error') &&
        !document.querySelector('.fahras[aria-busy]')
      )
    }, text)
  }

  it('the CSP is enforced (an inline script is reported), so the checks below mean something', async () => {
    const page = await browser.newPage()
    const violations: string[] = []
    page.on('console', (m) => violations.push(m.text()))
    await page.goto(`${base}/inline.html`)
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined()
    expect(violations.join('\n')).toMatch(/Content Security Policy/)
    await page.close()
  })

  it('mounts an RTL Arabic box with its stylesheet, results with <mark>, hostile titles as text', async () => {
    const { page, clean } = await open()
    const root = page.locator('.fahras')
    expect(await root.getAttribute('dir')).toBe('rtl')
    expect(await root.getAttribute('lang')).toBe('ar')
    expect(await page.locator('.fallback').count()).toBe(0)
    expect(await page.locator('.fahras-input').getAttribute('placeholder')).toBe('ابحث…')
    expect(await page.locator('.fahras-input').getAttribute('aria-label')).toBe('البحث في الموقع')
    expect(
      await page.locator('link[rel=stylesheet]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href)),
    ).toEqual([`${base}/fahras/fahras-ui.css`])
    expect(await state(page)).toBe('empty')
    expect(await page.locator('.fahras-panel').isVisible()).toBe(false)

    await type(page, 'بغداد')
    expect(await live(page)).toBe('٤ نتائج')
    expect(await page.locator('.fahras-count').textContent()).toBe('٤ نتائج')
    // the overlay panel floats: the page under it does not move
    expect(await page.locator('.fahras-panel').evaluate((p) => getComputedStyle(p).position)).toBe('absolute')
    expect(await page.locator('.fahras-result').count()).toBe(4)
    // each result is laid out by its own text's direction, in its page's language when it has one
    expect(
      await page
        .locator('.fahras-result')
        .evaluateAll((items) => items.map((li) => [li.getAttribute('dir'), li.getAttribute('lang')])),
    ).toEqual([
      ['auto', null],
      ['auto', null],
      ['auto', 'en'],
      ['auto', null],
    ])
    expect(await page.locator('.fahras-result').first().locator('mark').allTextContents()).toEqual(['بغداد'])
    expect(await page.locator('.fahras-result').first().locator('.fahras-meta').textContent()).toBe('أخبار · ٢٠٢٤')
    expect(await page.locator('.fahras-result').first().locator('a').getAttribute('href')).toBe('/pages/baghdad.html')
    // a hostile title is text; an escaped <script> in the snippet stays text; javascript: is no link
    expect(await titles(page)).toContain('<img src=x onerror=alert(1)>')
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('.fahras script').count()).toBe(0)
    expect(await page.locator('.fahras-result').nth(1).locator('.fahras-snippet').textContent()).toBe(
      'نص <script>alert(2)</script> عن بغداد',
    )
    expect(await page.locator('.fahras-result').nth(2).locator('a').count()).toBe(0)
    expect(await page.locator('.fahras-result').nth(2).locator('span.fahras-title').textContent()).toBe(
      'رابط خطر في بغداد',
    )
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0)
    expect(await page.locator('.fahras [style], style').count()).toBe(0)

    // mounting again replaces the box (one box, one stylesheet); destroy() gives the target its content back
    await page.evaluate(() => {
      const w = window as unknown as { box: unknown; mountSearch(target: string): unknown }
      w.box = w.mountSearch('#search')
    })
    expect(await page.locator('.fahras').count()).toBe(1)
    expect(await page.locator('link[rel=stylesheet]').count()).toBe(1)
    await page.evaluate(() => (window as unknown as { box: { destroy(): void } }).box.destroy())
    expect(await page.locator('.fahras').count()).toBe(0)
    expect(await page.locator('#search .fallback').textContent()).toBe('fallback')
    await clean()
  })

  for (const ignoreAbort of [false, true]) {
    it(`typing fast shows only the last query's results (a runtime that ${ignoreAbort ? 'ignores' : 'honours'} the abort signal)`, async () => {
      const { page, clean } = await open(ignoreAbort ? { ignoreAbort: '1' } : {})
      // each letter outlasts the debounce, so ب, بغ, بغد are searched too; they answer after بغداد
      await type(page, 'بغداد', 110)
      const expected = [
        'بغداد عاصمة العراق',
        '<img src=x onerror=alert(1)>',
        'رابط خطر في بغداد',
        `بغداد${'ا'.repeat(120)}`,
      ]
      expect(await titles(page)).toEqual(expected)
      const searched = await page.evaluate(() => (window as unknown as { __searches: string[] }).__searches)
      expect(searched.length).toBeGreaterThanOrEqual(2)
      expect(searched.at(-1)).toBe('بغداد')
      // the word being typed is searched as a prefix
      expect(await page.evaluate(() => (window as unknown as { __asked: string[] }).__asked.at(-1))).toBe('بغداد*')
      const aborted = await page.evaluate(() => (window as unknown as { __aborted: string[] }).__aborted)
      expect(aborted.length).toBeGreaterThan(0)
      expect(aborted.every((q) => 'بغداد'.startsWith(q) && q !== 'بغداد')).toBe(true)
      // the late answers of ب… have landed: still the last query's results
      await page.waitForFunction(() => (window as unknown as { __open: number }).__open === 0)
      expect(await titles(page)).toEqual(expected)
      expect(await page.locator('.fahras-title', { hasText: 'كتاب' }).count()).toBe(0)
      await clean()
    })
  }

  it('typing a haraka after a word does not search again (the index sees the same letters)', async () => {
    const { page, clean } = await open()
    await type(page, 'بغداد')
    const asked = () => page.evaluate(() => (window as unknown as { __asked: string[] }).__asked.length)
    const before = await asked()
    await page.locator('.fahras-input').pressSequentially('ُ', { delay: 10 })
    await page.waitForTimeout(300)
    expect(await asked()).toBe(before)
    expect(await titles(page)).toContain('بغداد عاصمة العراق')
    await page.locator('.fahras-input').pressSequentially(' ب', { delay: 10 })
    await page.waitForFunction((n) => (window as unknown as { __asked: string[] }).__asked.length > n, before)
    await clean()
  })

  it('ArrowDown/ArrowUp move through the results, typing goes back to the input, Enter opens the result', async () => {
    const { page, clean } = await open()
    await type(page, 'بغداد')
    const input = page.locator('.fahras-input')
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName)
    await input.press('ArrowDown')
    expect(await focused()).toBe('بغداد عاصمة العراق')
    await page.keyboard.press('ArrowDown')
    expect(await focused()).toBe('<img src=x onerror=alert(1)>')
    await page.keyboard.press('ArrowDown') // skips the result without a link
    expect(await focused()).toBe(`بغداد${'ا'.repeat(120)}`)
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    expect(await focused()).toBe('بغداد عاصمة العراق')
    await page.keyboard.press('ArrowUp')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('fahras-input')
    // a letter typed on a result goes to the input
    await input.press('ArrowDown')
    await page.keyboard.press('x')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('fahras-input')
    expect(await input.inputValue()).toBe('بغدادx')
    await page.keyboard.press('Backspace')
    expect(await input.inputValue()).toBe('بغداد')
    await page.waitForTimeout(200)
    await page.waitForFunction(
      () =>
        document.querySelector('.fahras-count')?.textContent === '٤ نتائج' &&
        !document.querySelector('.fahras[aria-busy]'),
    )
    await input.press('ArrowDown')
    await Promise.all([page.waitForURL(`${base}/pages/baghdad.html`), page.keyboard.press('Enter')])
    await clean()
  })

  it('Escape on a result closes the panel; Escape in the input clears the query', async () => {
    const { page, clean } = await open()
    await type(page, 'بغداد')
    const input = page.locator('.fahras-input')
    await input.press('ArrowDown')
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('fahras-input')
    expect(await page.locator('.fahras-panel').isVisible()).toBe(false)
    expect(await input.inputValue()).toBe('بغداد')
    // back in the input, ArrowDown reopens it
    await input.press('ArrowDown')
    expect(await page.locator('.fahras-panel').isVisible()).toBe(true)
    await page.keyboard.press('ArrowUp')
    await input.press('Escape')
    expect(await input.inputValue()).toBe('')
    expect(await state(page)).toBe('empty')
    expect(await page.locator('.fahras-panel').isVisible()).toBe(false)
    expect(await page.locator('.fahras-result').count()).toBe(0)
    expect(await live(page)).toBe('')
    // a click outside closes the overlay, focusing the input opens it again
    await type(page, 'كتاب')
    await page.mouse.click(5, 790)
    expect(await page.locator('.fahras-panel').isVisible()).toBe(false)
    await input.focus()
    expect(await page.locator('.fahras-panel').isVisible()).toBe(true)
    await clean()
  })

  it('no results: says so, offers "did you mean", and clicking the suggestion searches it', async () => {
    const { page, clean } = await open()
    await type(page, 'بغدات')
    await page.waitForSelector('.fahras-suggestion')
    expect(await state(page)).toBe('none')
    expect(await page.locator('.fahras-none').textContent()).toBe('لا نتائج لـ «بغدات»')
    expect(await page.locator('.fahras-suggest').textContent()).toBe('هل تقصد: بغداد؟')
    expect(await live(page)).toBe('لا نتائج لـ «بغدات» هل تقصد: بغداد؟')
    await page.locator('.fahras-suggestion').click()
    await page.waitForFunction(() => document.querySelector('.fahras')?.getAttribute('data-state') === 'results')
    expect(await page.locator('.fahras-input').inputValue()).toBe('بغداد')
    expect(await live(page)).toBe('٤ نتائج')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('fahras-input')
    // nothing to suggest: no results only
    await page.locator('.fahras-input').fill('')
    await type(page, 'زززز')
    expect(await page.locator('.fahras-suggestion').count()).toBe(0)
    expect(await live(page)).toBe('لا نتائج لـ «زززز»')
    await clean()
  })

  it('counts in Arabic plural forms and pages with a "more results" button', async () => {
    const { page, clean } = await open()
    const search = (q: string) =>
      page.evaluate((q) => (window as unknown as { box: { search(q: string): Promise<void> } }).box.search(q), q)
    const counts: string[] = []
    for (const n of [1, 2, 3, 10, 11, 99, 100, 102, 103]) {
      await search(`عدد ${n}`)
      counts.push((await live(page))!)
    }
    expect(counts).toEqual([
      'نتيجة واحدة',
      'نتيجتان',
      '٣ نتائج',
      '١٠ نتائج',
      '١١ نتيجة',
      '٩٩ نتيجة',
      '١٠٠ نتيجة',
      '١٠٢ نتيجة',
      '١٠٣ نتائج',
    ])

    await search('عدد 25')
    const more = page.locator('.fahras-more')
    expect(await page.locator('.fahras-result').count()).toBe(10)
    expect(await more.textContent()).toBe('نتائج أخرى')
    await more.click()
    await page.waitForFunction(() => document.querySelectorAll('.fahras-result').length === 20)
    // focus goes to the first new result
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('نتيجة 11')
    await more.click()
    await page.waitForFunction(() => document.querySelectorAll('.fahras-result').length === 25)
    expect(await more.isVisible()).toBe(false)
    expect(await titles(page)).toEqual(Array.from({ length: 25 }, (_, i) => `نتيجة ${i + 1}`))
    await clean()
  })

  it('shows the loading state only after 150 ms, and an error without crashing', async () => {
    const { page, clean } = await open()
    const early = await page.evaluate(async () => {
      void (window as unknown as { box: { search(q: string): Promise<void> } }).box.search('بطيء')
      await new Promise((resolve) => setTimeout(resolve, 100))
      return [
        document.querySelector('.fahras')!.getAttribute('aria-busy'),
        document.querySelector('.fahras')!.getAttribute('data-state'),
      ]
    })
    expect(early).toEqual([null, 'empty'])
    await page.waitForSelector('.fahras[aria-busy=true][data-state=loading]')
    expect(await page.locator('.fahras-count').textContent()).toBe('جارٍ البحث…')
    await page.waitForSelector('.fahras[data-state=none]:not([aria-busy])')

    await page.evaluate(() => (window as unknown as { box: { search(q: string): Promise<void> } }).box.search('خطأ'))
    expect(await state(page)).toBe('error')
    expect(await page.locator('.fahras-error').textContent()).toBe('تعذّر البحث، حاول مرة أخرى.')
    expect(await live(page)).toBe('تعذّر البحث، حاول مرة أخرى.')
    // the box still works
    await page.locator('.fahras-input').fill('')
    await type(page, 'كتاب')
    expect(await titles(page)).toEqual(['كتاب'])
    await clean([/^fahras: Error: the index is broken/])
  })

  for (const layout of ['overlay', 'inline']) {
    it(`fits a 360px phone (${layout}): nothing overflows horizontally`, async () => {
      const { page, clean } = await open({ options: JSON.stringify({ layout }) }, { width: 360, height: 740 })
      await type(page, 'بغداد')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      const box = (await page.locator('.fahras-panel').boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(360)
      await clean()
    })
  }

  it('options: dir, locale, digits and labels', async () => {
    const options = {
      dir: 'ltr',
      locale: 'en',
      digits: 'latn',
      labels: { placeholder: 'Search…', noResults: 'Nothing for “{q}”' },
    }
    const { page, clean } = await open({ options: JSON.stringify(options) })
    expect(await page.locator('.fahras').getAttribute('dir')).toBe('ltr')
    expect(await page.locator('.fahras-input').getAttribute('placeholder')).toBe('Search…')
    await type(page, 'عدد 3')
    expect(await live(page)).toBe('3 نتائج')
    await page.locator('.fahras-input').fill('')
    await type(page, 'زززز')
    expect(await live(page)).toBe('Nothing for “زززز”')
    await clean()
  })

  it('fahras-ui.js stays under 6 kB min+gzip', () => {
    expect(gzipSync(bundle, { level: 9 }).length).toBeLessThanOrEqual(6 * 1024)
  })
})

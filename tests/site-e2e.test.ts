import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Site } from '../src/site/types.js'
import { HOSTILE, writeSite, type WrittenSite } from './site-e2e-site.js'
import { hasChromium, launchChromium, MISSING } from './chromium.js'

// `fahras site` end to end: a static site of 2,000+ Arabic pages (tests/site-e2e-site.ts) indexed
// by the command users run (`node dist/cli.js site`), served from node:http with
// `Content-Security-Policy: default-src 'self'`, at the root and under /docs/, and searched in
// Debian's headless Chromium with the real runtime (fahras.js) and search box (fahras-ui.js) the
// build copied beside the index. The server counts the requests and bytes of each visit and query;
// they are printed, one line each, and bounded so that a runtime that downloads the whole index fails.

const ROOT = fileURLToPath(new URL('..', import.meta.url))

if (!hasChromium && !process.env.CI) {
  console.warn(`tests/site-e2e.test.ts skipped: ${MISSING}`)
}

describe('Chromium for the site end-to-end test', () => {
  it.runIf(process.env.CI)('is installed on CI', () => {
    if (!hasChromium) throw new Error(MISSING)
  })
})

/** Letters only: diacritics and tatweel removed, alef forms → ا (what the reader compares). */
const bare = (s: string) =>
  s.replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '').replace(/[ٱأإآ]/g, 'ا')

/** Queries typed with diacritics, and as the pages write them (no diacritics). */
const VOWELLED = [
  { vowelled: 'الْمَدِينَةِ الْمُنَوَّرَةِ', plain: 'المدينة المنورة' },
  // words of an article's title (corpus/articles.jsonl, the first), with harakat and tanween
  { vowelled: 'شَرَاكَةٌ اسْتِرَاتِيجِيَّةٌ', plain: 'شراكة استراتيجية' },
] as const
/** A word in no page. */
const NOTHING = 'قسطنطينوبوليس'

/** Limits of what a search may download: a runtime that fetches the whole index (~2 MB) fails them. */
const LIMITS = { firstVisitBytes: 400_000, queryRequests: 30, queryBytes: 150_000 }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** A response of the server, as it counted it. */
interface Served {
  readonly path: string
  readonly status: number
  readonly bytes: number
}

/** A deployment: the site's folder served under `mount` (`/` or `/docs/`) on its own port. */
class Deployment {
  server!: Server
  context!: BrowserContext
  /** `http://127.0.0.1:<port>` + mount. */
  base = ''
  /** Every response of the server, in order. */
  readonly log: Served[] = []
  inflight = 0
  buildSeconds = 0
  buildReport = ''
  constructor(
    readonly mount: string,
    readonly dir: string,
  ) {}
}

/** Serves `d.dir` under `d.mount` (anything else is 404), with the CSP, counting every response. */
function serve(d: Deployment): Promise<Server> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    const headers = { 'content-security-policy': "default-src 'self'", 'cache-control': 'no-store' }
    // Chromium asks for it by itself: not the site's
    if (pathname === '/favicon.ico') return void res.writeHead(204, headers).end()
    d.inflight++
    const answer = (status: number, type: string, body: Buffer | string) => {
      const bytes = Buffer.byteLength(body)
      res.writeHead(status, { ...headers, 'content-type': type, 'content-length': bytes }).end(body, () => {
        d.log.push({ path: pathname, status, bytes })
        d.inflight--
      })
    }
    if (!pathname.startsWith(d.mount)) return answer(404, 'text/plain', 'not found')
    const path = normalize(join(d.dir, pathname.slice(d.mount.length)))
    const file = path.endsWith(sep) || path === d.dir ? join(path, 'index.html') : path
    if (!file.startsWith(d.dir) || !existsSync(file) || !statSync(file).isFile())
      return answer(404, 'text/plain', 'not found')
    answer(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** Runs `node dist/cli.js site <dir> …`; resolves with its stderr and seconds (two builds run at once). */
function buildSiteCli(dir: string, args: readonly string[]): Promise<{ seconds: number; stderr: string }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'site', dir, ...args, '--quiet'], {
      cwd: ROOT,
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`fahras site ${dir} ${args.join(' ')} exited with ${code}:\n${out}`))
      else resolve({ seconds: (performance.now() - started) / 1000, stderr: out.trim() })
    })
  })
}

/** What kind of file a path is, for the figures. */
function kindOf(path: string): string {
  if (/\/fahras\/t\/[^/]+\.fahras$/.test(path)) return 'chunks'
  if (/\/fahras\/p\/[^/]+\/\d+\.fahras$/.test(path)) return 'fragments'
  if (/\/fahras\/f\/[^/]+\.fahras$/.test(path)) return 'filters'
  if (path.endsWith('/fahras/entry.fahras')) return 'entry'
  if (path.endsWith('/fahras/fahras.js')) return 'fahras.js'
  if (path.endsWith('/fahras/fahras-ui.js')) return 'fahras-ui.js'
  if (path.endsWith('/fahras/fahras-ui.css')) return 'fahras-ui.css'
  if (path.endsWith('/search.js')) return 'search.js'
  if (path.endsWith('/')) return 'page'
  return path
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

/** Requests and bytes of some responses, in all and by kind of file. */
function figures(served: readonly Served[]) {
  const byKind = new Map<string, { requests: number; bytes: number }>()
  for (const { path, bytes } of served) {
    const k = byKind.get(kindOf(path)) ?? { requests: 0, bytes: 0 }
    k.requests++
    k.bytes += bytes
    byKind.set(kindOf(path), k)
  }
  const requests = served.length
  const bytes = served.reduce((sum, s) => sum + s.bytes, 0)
  const detail = [...byKind]
    .map(([kind, k]) => `${kind} ${k.requests > 1 ? `${k.requests}× ` : ''}${kB(k.bytes)}`)
    .join(', ')
  return { requests, bytes, byKind, text: `${requests} requests, ${kB(bytes)}${detail ? ` (${detail})` : ''}` }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!hasChromium)(
  'fahras site, end to end: the CLI, a static server with a strict CSP, the real runtime and box in Chromium',
  () => {
    let tmp: string
    let written: WrittenSite
    let browser: Browser
    const deployments: Deployment[] = []
    const steps: string[] = []

    beforeAll(async () => {
      // `npm test` builds dist/ first; a bare `npx vitest run` on a clean clone builds it here.
      if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'site', 'fahras.js'))) {
        const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' })
        if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`)
      }
      const t0 = performance.now()
      const step = (name: string) => steps.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`)
      tmp = mkdtempSync(join(tmpdir(), 'fahras-site-e2e-'))
      const rootDir = join(tmp, 'root')
      const docsDir = join(tmp, 'docs')
      mkdirSync(rootDir)
      written = writeSite(rootDir)
      step('site written')
      cpSync(rootDir, docsDir, { recursive: true })
      step('copied')
      deployments.push(new Deployment('/', rootDir), new Deployment('/docs/', docsDir))
      // the two builds at once: the machine has two cores
      const builds = await Promise.all([buildSiteCli(rootDir, []), buildSiteCli(docsDir, ['--base-url', '/docs/'])])
      builds.forEach((b, i) => {
        deployments[i]!.buildSeconds = b.seconds
        deployments[i]!.buildReport = b.stderr
      })
      step('built')
      browser = await launchChromium()
      for (const d of deployments) {
        d.server = await serve(d)
        d.base = `http://127.0.0.1:${(d.server.address() as AddressInfo).port}${d.mount}`
        d.context = await browser.newContext()
        await d.context.addInitScript(() => {
          const w = window as unknown as { __csp: string[]; __lastInput: number; __lastState: number; __states: number }
          w.__csp = []
          w.__lastInput = 0
          w.__lastState = 0
          w.__states = 0
          document.addEventListener('securitypolicyviolation', (e) =>
            w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
          )
          // when the box last rendered a state (results, none, loading…), and when the input last changed
          document.addEventListener('input', () => (w.__lastInput = performance.now()), true)
          new MutationObserver(() => {
            w.__lastState = performance.now()
            w.__states++
          }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] })
        })
      }
      step('browser up')
    }, 240_000)

    afterAll(async () => {
      await browser?.close()
      for (const d of deployments) {
        d.server?.closeAllConnections() // Node's fetch keeps its connections alive
        await new Promise((resolve) => (d.server ? d.server.close(resolve) : resolve(undefined)))
      }
      if (tmp) rmSync(tmp, { recursive: true, force: true })
      // closing Chromium took over 30 s on a machine at load 10 (2 cores)
    }, 120_000)

    /** Opens a page of the deployment; records page errors, console errors and CSP violations. */
    async function visit(d: Deployment, path: string, viewport = { width: 1280, height: 800 }) {
      const page = await d.context.newPage()
      await page.setViewportSize(viewport)
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(String(error)))
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`)
      })
      const mark = d.log.length
      const response = await page.goto(d.base + path)
      expect(response?.status()).toBe(200)
      /** No CSP violation in the document now shown, no page error, no console error. */
      const check = async () => {
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
        expect(errors).toEqual([])
      }
      const clean = async () => {
        await check()
        await page.close()
      }
      return { page, mark, check, clean }
    }

    /** Waits until the server has answered everything and nothing was asked or rendered for 150 ms. */
    async function quiet(d: Deployment, page: Page) {
      const states = () => page.evaluate(() => (window as unknown as { __states: number }).__states)
      for (;;) {
        const before = [d.log.length, await states()]
        await sleep(150)
        if (d.inflight === 0 && before[0] === d.log.length && before[1] === (await states())) return
      }
    }

    /**
     * Enters `query` in the box and waits for the results of the whole query: a state rendered
     * after the last input's debounce (older searches never render after it), then a quiet network.
     * `fill` is one input event (one search, so the figures do not depend on the machine's speed);
     * `keys` types key by key, as a person (the box may search what is typed so far).
     */
    async function enter(d: Deployment, page: Page, query: string, how: 'fill' | 'keys' = 'fill') {
      if (how === 'fill') await page.locator('.fahras-input').fill(query)
      else await page.keyboard.type(query, { delay: 20 })
      await page.waitForFunction(
        (q) => {
          const w = window as unknown as { __lastInput: number; __lastState: number }
          const root = document.querySelector('.fahras')
          const state = root?.getAttribute('data-state')
          return (
            root?.querySelector('input')?.value === q &&
            (state === 'results' || state === 'none' || state === 'error') &&
            w.__lastState >= w.__lastInput + 80 &&
            !root.hasAttribute('aria-busy')
          )
        },
        query,
        { timeout: 20_000 },
      )
      await quiet(d, page)
      expect(await page.locator('.fahras').getAttribute('data-state')).not.toBe('error')
    }

    /** Prints and bounds what the server sent for a query (from `from` in its log). */
    function report(d: Deployment, from: number, what: string) {
      const sent = figures(d.log.slice(from))
      console.log(`[site-e2e ${d.mount}] ${what}: ${sent.text}`)
      expect(d.log.slice(from).every((s) => s.status === 200)).toBe(true)
      expect(sent.requests).toBeLessThanOrEqual(LIMITS.queryRequests)
      expect(sent.bytes).toBeLessThan(LIMITS.queryBytes)
      return sent
    }

    /**
     * Opens the search page, focuses the input (the box loads fahras.js and the entry then), enters
     * `query`, and prints what the server sent: for the query alone, and for the whole first visit.
     */
    async function search(d: Deployment, query: string, viewport?: { width: number; height: number }) {
      const visited = await visit(d, 'search/', viewport)
      const { page, mark } = visited
      await page.locator('.fahras-input').focus()
      await page.waitForFunction(() =>
        performance.getEntriesByType('resource').some((e) => e.name.endsWith('/entry.fahras')),
      )
      await quiet(d, page)
      const ready = d.log.length
      await enter(d, page, query)
      const size = viewport ? ` at ${viewport.width}×${viewport.height}` : ''
      report(d, ready, `query «${query}»${size}`)
      const first = figures(d.log.slice(mark))
      console.log(`[site-e2e ${d.mount}] first visit, «${query}»${size}: ${first.text}`)
      expect(first.bytes).toBeLessThan(LIMITS.firstVisitBytes)
      // the search page, its script, the box, its CSS, the runtime, the entry: once each
      for (const kind of ['page', 'search.js', 'fahras-ui.js', 'fahras-ui.css', 'fahras.js', 'entry'])
        expect(first.byKind.get(kind)?.requests, kind).toBe(1)
      return visited
    }

    /** The results shown: URL, title, snippet text, the <mark>s' texts. */
    const shown = (page: Page) =>
      page.locator('.fahras-result').evaluateAll((items) =>
        items.map((li) => ({
          url: li.querySelector('a.fahras-title')?.getAttribute('href') ?? '',
          title: li.querySelector('.fahras-title')?.textContent ?? '',
          snippet: li.querySelector('.fahras-snippet')?.textContent ?? '',
          marks: Array.from(li.querySelectorAll('.fahras-snippet mark'), (m) => m.textContent ?? ''),
        })),
      )

    /** The written page of a result URL (the mount removed). */
    const pageOf = (d: Deployment, url: string) => {
      expect(url.startsWith(d.mount), `${url} is under ${d.mount}`).toBe(true)
      const found = written.pages.find((p) => `${d.mount}${p.path}` === url)
      expect(found, `a page of the site at ${url}`).toBeDefined()
      return found!
    }

    /** Follows a result's link (clicked, or Enter on it) and checks the page: 200, <h1> the result's title. */
    async function follow(d: Deployment, page: Page, result: { url: string; title: string }, act: () => Promise<void>) {
      expect(result.url.startsWith(d.mount)).toBe(true)
      const target = new URL(result.url, d.base).href
      const [response] = await Promise.all([page.waitForResponse((r) => r.url() === target), act()])
      expect(response.status()).toBe(200)
      await page.waitForURL(target)
      expect(await page.locator('h1').textContent()).toBe(result.title)
    }

    it('the site has 2,000+ pages; `fahras site` indexes them all, at / and with --base-url /docs/', () => {
      expect(written.pages.length).toBeGreaterThanOrEqual(2000)
      console.log(`[site-e2e] ${written.pages.length} pages; set-up: ${steps.join(', ')}`)
      for (const d of deployments) {
        console.log(
          `[site-e2e ${d.mount}] build: ${d.buildSeconds.toFixed(1)} s (the two at once) — ${d.buildReport.split('\n').at(-1)}`,
        )
        // the search page is skipped (robots noindex)
        expect(d.buildReport).toMatch(new RegExp(`^${written.pages.length} pages indexed, 1 skipped in `, 'm'))
        for (const file of ['entry.fahras', 'fahras.js', 'fahras-ui.js', 'fahras-ui.css'])
          expect(existsSync(join(d.dir, 'fahras', file)), file).toBe(true)
      }
    })

    it('the CSP is enforced by the server (an inline script is refused and reported), so "no violation" below means something', async () => {
      const d = deployments[0]!
      const page = await d.context.newPage()
      const messages: string[] = []
      page.on('console', (m) => messages.push(m.text()))
      expect((await page.goto(`${d.base}search/`))?.status()).toBe(200)
      await page.waitForSelector('.fahras[dir=rtl]')
      // the page's own link to fahras-ui.css is the box's: no second one
      expect(await page.locator('link[rel=stylesheet]').count()).toBe(1)
      await page.evaluate(() => {
        const s = document.createElement('script')
        s.textContent = 'window.__inline = 1'
        document.head.append(s)
      })
      await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0)
      expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined()
      expect(messages.join('\n')).toMatch(/Content Security Policy/)
      await page.close()
    })

    // at the root, every check; under /docs/, those where the deployment matters (URLs, links, the
    // files loaded): the widths and the no-results state (below the return) are the same there
    describe.each([
      ['/', 0, VOWELLED],
      ['/docs/', 1, VOWELLED.slice(0, 1)],
    ] as const)('served at %s', (mount, index, vowelled) => {
      const d = () => deployments[index]!

      it.each(vowelled)(
        "a query with diacritics ($vowelled) and without show the same results, marked in the page's words, linking to pages that load",
        async ({ vowelled: withMarks, plain }) => {
          const { page, clean } = await search(d(), withMarks)
          const seen: Array<Awaited<ReturnType<typeof shown>>> = []
          for (const query of [withMarks, plain]) {
            if (query === plain) {
              // the same query without diacritics, in the same page: what was fetched is kept
              const from = d().log.length
              await page.locator('.fahras-input').fill('')
              await enter(d(), page, query)
              report(d(), from, `then «${query}» in the same page`)
            }
            const results = await shown(page)
            expect(results.length).toBe(10)
            expect(await page.locator('.fahras-title').first().isVisible()).toBe(true)
            for (const r of results) {
              const source = pageOf(d(), r.url)
              expect(r.title).toBe(source.title)
              const text = `${source.title}\n${source.paragraphs.join('\n')}`
              // every <mark> is a word as the page writes it
              for (const m of r.marks) expect(text, m).toContain(m)
            }
            // the first result marks each word of the query, as the page writes it (no diacritics)
            const marks = results[0]!.marks
            for (const word of plain.split(' ')) expect(marks, `${query}: ${word}`).toContain(word)
            for (const m of marks) expect(bare(m)).toBe(m)
            seen.push(results)
          }
          expect(seen[0]!.map((r) => r.url)).toEqual(seen[1]!.map((r) => r.url))
          await clean()
          // every link works, under the deployment
          for (const { url } of seen[0]!) {
            const response = await fetch(new URL(url, d().base))
            expect(response.status, url).toBe(200)
            expect(await response.text()).toContain('<h1>')
          }
        },
      )

      it("clicking the first result opens its page (200), whose <h1> is the result's title", async () => {
        const { page, check, clean } = await search(d(), VOWELLED[1].vowelled)
        const first = (await shown(page))[0]!
        await check()
        await follow(d(), page, first, () => page.locator('.fahras-result a.fahras-title').first().click())
        await clean()
      })

      it('keyboard only: Tab to the input, type key by key, ArrowDown, Enter opens the first result', async () => {
        const { page, check, clean, mark } = await visit(d(), 'search/')
        await page.waitForSelector('.fahras')
        let tabs = 0
        while (!(await page.evaluate(() => document.activeElement?.classList.contains('fahras-input')))) {
          expect(++tabs, 'Tab presses to reach the search input').toBeLessThanOrEqual(5)
          await page.keyboard.press('Tab')
        }
        await enter(d(), page, VOWELLED[0].vowelled, 'keys')
        const first = (await shown(page))[0]!
        const sent = figures(d().log.slice(mark))
        console.log(`[site-e2e ${mount}] first visit, «${VOWELLED[0].vowelled}» typed key by key: ${sent.text}`)
        expect(sent.bytes).toBeLessThan(LIMITS.firstVisitBytes)
        await page.keyboard.press('ArrowDown')
        expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first.url)
        await check()
        await follow(d(), page, first, () => page.keyboard.press('Enter'))
        await clean()
      })

      it('the hostile page: its markup is shown as text, no element is made of it, nothing is blocked or thrown', async () => {
        const { page, check, clean } = await search(d(), HOSTILE.word)
        const results = await shown(page)
        expect(results.map((r) => r.url)).toEqual([`${mount}${HOSTILE.path}`])
        expect(results[0]!.title).toBe(HOSTILE.title)
        expect(results[0]!.snippet).toContain('<script>alert(1)</script>')
        expect(results[0]!.snippet).toContain('<img src=x onerror=alert(2)>')
        expect(results[0]!.marks).toEqual([HOSTILE.word])
        expect(
          await page.locator('.fahras-results script, .fahras-results img, .fahras-results [onerror]').count(),
        ).toBe(0)
        expect(await page.locator('img').count()).toBe(0)
        expect(await page.locator('script').count()).toBe(1) // search.js
        // only <mark> is markup in a snippet
        expect(
          await page.locator('.fahras-snippet *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]),
        ).toEqual(['MARK'])
        await check()
        // its own page shows the same text, as text
        await follow(d(), page, results[0]!, () => page.locator('.fahras-result a').first().click())
        expect(await page.locator('img').count()).toBe(0)
        await clean()
      })

      if (index !== 0) return

      it.each([
        { width: 360, height: 740 },
        { width: 1280, height: 800 },
      ])('at $width×$height: results visible, nothing overflows horizontally', async (viewport) => {
        const { page, clean } = await search(d(), VOWELLED[1].plain, viewport)
        expect(await page.locator('.fahras-title').first().isVisible()).toBe(true)
        expect(await page.locator('.fahras-snippet').first().isVisible()).toBe(true)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
        for (const selector of ['.fahras-panel', '.fahras-input', '.fahras-result']) {
          const box = (await page.locator(selector).first().boundingBox())!
          expect(box.x, selector).toBeGreaterThanOrEqual(0)
          expect(box.x + box.width, selector).toBeLessThanOrEqual(viewport.width)
        }
        await clean()
      })

      it('a query that finds nothing shows the no-results state', async () => {
        const { page, clean } = await search(d(), NOTHING)
        expect(await page.locator('.fahras').getAttribute('data-state')).toBe('none')
        expect(await page.locator('.fahras-none').textContent()).toBe(`لا نتائج لـ «${NOTHING}»`)
        expect(await page.locator('.fahras-none').isVisible()).toBe(true)
        expect(await page.locator('.fahras-result').count()).toBe(0)
        expect((await page.locator('.fahras-live').textContent())?.trim()).toMatch(
          new RegExp(`^لا نتائج لـ «${NOTHING}»`),
        )
        await clean()
      })
    })

    it("openSite() in Node (global fetch) over the served index gives the browser's first result", async () => {
      const d = deployments[0]!
      const query = VOWELLED[1].vowelled
      const { page, clean } = await search(d, query)
      const browserFirst = (await shown(page))[0]!
      await clean()
      const { openSite } = (await import(pathToFileURL(join(d.dir, 'fahras', 'fahras.js')).href)) as {
        openSite(o: { baseUrl: string }): Promise<Site>
      }
      const mark = d.log.length
      const site = await openSite({ baseUrl: `${d.base}fahras/` })
      expect(site.pageCount).toBe(written.pages.length)
      // as the box asks it: the last word, being typed, is a prefix
      const { results } = await site.search(`${query}*`)
      expect(results[0]?.url).toBe(browserFirst.url)
      expect(results[0]?.title).toBe(browserFirst.title)
      const text = results[0]!.snippet.html
        .replace(/<\/?mark>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
      expect(text).toBe(browserFirst.snippet)
      console.log(`[site-e2e ${d.mount}] Node openSite() and «${query}»: ${figures(d.log.slice(mark)).text}`)
    })
  },
)

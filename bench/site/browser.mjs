// Chromium runs of `npm run bench:site` (playwright-core driving Debian's /usr/bin/chromium).
// Bytes and requests come from the server's counter (requests under the tool's folder only:
// /pagefind/ or /fahras/; the bench page itself is not counted); times from performance.now() in
// the page.
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]
export const TOOL_PREFIX = { pagefind: ['/pagefind/'], fahras: ['/fahras/'] }

export async function launchBrowser() {
  let chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    throw new Error('bench:site needs the devDependency playwright-core (npm install)')
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`bench:site needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60000 })
}

/** Rejects with `what timed out` after ms. */
export function withTimeout(promise, ms, what) {
  let timer
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${Math.round(ms / 1000)} s`)), ms)
    }),
  ])
}

async function newPage(browser, errors) {
  const context = await browser.newContext({ locale: 'ar', serviceWorkers: 'block' })
  const page = await context.newPage()
  page.on('pageerror', (err) => errors.push(String(err?.message ?? err)))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  return { context, page }
}

const benchUrl = (server, tool, q) =>
  `${server.origin}/bench.html?tool=${tool}${q === undefined ? '' : `&q=${encodeURIComponent(q)}`}`

/**
 * First visit: a fresh context (empty cache), load /bench.html?q=…, which loads the tool and runs
 * one query. { ms (navigation start to top-10 results with excerpts), bytes, requests, total, first }.
 */
export async function coldVisit(browser, server, tool, q, { timeoutMs = 60000 } = {}) {
  const errors = []
  const { context, page } = await newPage(browser, errors)
  try {
    server.reset()
    await page.goto(benchUrl(server, tool, q), { waitUntil: 'load', timeout: timeoutMs })
    await page.waitForFunction(() => window.__cold, null, { timeout: timeoutMs, polling: 10 })
    const cold = await page.evaluate(() => window.__cold)
    if (cold.error) throw new Error(`${tool} first visit "${q}": ${cold.error}`)
    await server.waitIdle()
    const s = server.snapshot(TOOL_PREFIX[tool])
    return {
      q,
      ms: cold.ms,
      bytes: s.bytes,
      requests: s.requests,
      total: cold.total,
      n: cold.n,
      first: cold.first,
      excerpt: cold.excerpt,
      urls: s.byUrl,
    }
  } catch (err) {
    throw new Error(
      `${tool} first visit "${q}": ${err.message}${errors.length ? ` (page errors: ${errors.slice(0, 3).join(' | ')})` : ''}`,
    )
  } finally {
    await context.close().catch(() => {})
  }
}

/**
 * One session: a fresh context, the bench page, then the queries one after the other in the same
 * page. [{ q, ms, bytes, requests, total }], the first one included (it pays for loading the tool).
 */
export async function session(browser, server, tool, queries, { timeoutMs = 60000 } = {}) {
  const errors = []
  const { context, page } = await newPage(browser, errors)
  try {
    await page.goto(benchUrl(server, tool), { waitUntil: 'load', timeout: timeoutMs })
    const out = []
    for (const q of queries) {
      await server.waitIdle()
      server.reset()
      const r = await withTimeout(
        page.evaluate(([q]) => window.benchQuery(q, 10), [q]),
        timeoutMs,
        `${tool} query "${q}"`,
      )
      await server.waitIdle()
      const s = server.snapshot(TOOL_PREFIX[tool])
      out.push({ q, ms: r.ms, bytes: s.bytes, requests: s.requests, total: r.total, n: r.n })
    }
    return out
  } catch (err) {
    throw new Error(
      `${tool} session: ${err.message}${errors.length ? ` (page errors: ${errors.slice(0, 3).join(' | ')})` : ''}`,
    )
  } finally {
    await context.close().catch(() => {})
  }
}

/**
 * Typing: a fresh context, the bench page (tool not loaded yet), then q typed one character at a
 * time, a search on each keystroke. { q, times: [ms per keystroke, the first included], totals: [results
 * found per keystroke], bytes, requests }.
 */
export async function typeQuery(browser, server, tool, q, { timeoutMs = 120000 } = {}) {
  const errors = []
  const { context, page } = await newPage(browser, errors)
  try {
    await page.goto(benchUrl(server, tool), { waitUntil: 'load', timeout: timeoutMs })
    await server.waitIdle()
    server.reset()
    const { times, totals } = await withTimeout(
      page.evaluate(([q]) => window.benchType(q, 10), [q]),
      timeoutMs,
      `${tool} typing "${q}"`,
    )
    await server.waitIdle()
    const s = server.snapshot(TOOL_PREFIX[tool])
    return { q, times, totals, bytes: s.bytes, requests: s.requests }
  } catch (err) {
    throw new Error(
      `${tool} typing: ${err.message}${errors.length ? ` (page errors: ${errors.slice(0, 3).join(' | ')})` : ''}`,
    )
  } finally {
    await context.close().catch(() => {})
  }
}

/**
 * Ranks many queries in one page, in batches of `batch` per page.evaluate.
 * Returns [[url, score], …] per query (k = 0: every result). onProgress(done, total).
 */
export async function rankAll(browser, server, tool, queries, k, { batch = 100, timeoutMs = 300000, onProgress } = {}) {
  const errors = []
  const { context, page } = await newPage(browser, errors)
  try {
    await page.goto(benchUrl(server, tool), { waitUntil: 'load', timeout: 60000 })
    const out = []
    for (let i = 0; i < queries.length; i += batch) {
      const part = queries.slice(i, i + batch)
      const got = await withTimeout(
        page.evaluate(([qs, k]) => window.benchRank(qs, k), [part, k]),
        timeoutMs,
        `${tool} ranking queries ${i + 1}–${i + part.length}`,
      )
      for (let j = 0; j < got.length; j++) {
        if (got[j]?.error) throw new Error(`${tool} query "${part[j]}": ${got[j].error}`)
      }
      out.push(...got)
      onProgress?.(out.length, queries.length)
    }
    return out
  } catch (err) {
    throw new Error(
      `${tool} ranking: ${err.message}${errors.length ? ` (page errors: ${errors.slice(0, 3).join(' | ')})` : ''}`,
    )
  } finally {
    await context.close().catch(() => {})
  }
}

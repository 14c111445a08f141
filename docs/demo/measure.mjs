// Measures the demo in headless Chromium: Web Worker vs main thread, for docs/browser.md.
//
//   npm run build:demo
//   node docs/demo/measure.mjs [--index ./dist/index.json] [--runs 5] [--cpu 4]
//
// For each mode it opens the page with ?q=…, and reads the time to the first rendered result
// (ms since navigation start), the index's download and ArabicSearch.loadJSON times, and the
// longest main-thread task (PerformanceObserver 'longtask', installed before the page's
// scripts). --cpu N slows the CPU N times (DevTools throttling), like a mid-range phone.
// Needs Chromium at /usr/bin/chromium (or CHROMIUM=…) and playwright-core.
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const args = process.argv.slice(2)
const value = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : fallback
}
const indexPath = value('--index', './dist/index.json')
const runs = Number(value('--runs', '5'))
const cpu = Number(value('--cpu', '1'))
const query = value('--query', 'الشراكة الاستراتيجية')

const root = fileURLToPath(new URL('.', import.meta.url))
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' }
const server = createServer((req, res) => {
  const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)))
  const file = path.endsWith(sep) ? join(path, 'index.html') : path
  try {
    if (!file.startsWith(root) || !statSync(file).isFile()) throw new Error('not found')
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size })
    createReadStream(file).pipe(res)
  } catch {
    res.writeHead(404).end('not found')
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${server.address().port}/`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
})

async function measure(mode) {
  const context = await browser.newContext()
  const page = await context.newPage()
  if (cpu > 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  }
  await page.addInitScript(() => {
    window.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  const url = `${base}?mode=${mode}&index=${encodeURIComponent(indexPath)}&q=${encodeURIComponent(query)}`
  await page.goto(url)
  await page.waitForFunction(() => window.fahrasDemo && window.fahrasDemo.firstResultAt > 0, null, { timeout: 120_000 })
  // keep typing: how long a search takes once loaded (worker: includes the round trip)
  const typed = await page.evaluate(async () => {
    const input = document.getElementById('q')
    const times = []
    const engine = []
    for (const q of ['بغداد', 'الْكِتَابُ', 'وزير الدفاع', 'ٱلصَّلَوٰةَ', 'الشراكة الاستراتيجية']) {
      const before = Number(document.documentElement.dataset.searches)
      const t = performance.now()
      input.value = q
      input.form.requestSubmit()
      while (Number(document.documentElement.dataset.searches) === before) await new Promise((r) => setTimeout(r, 0))
      times.push(performance.now() - t)
      engine.push(window.fahrasDemo.lastSearchMs)
    }
    return { times, engine }
  })
  const data = await page.evaluate(() => ({ ...window.fahrasDemo, longTasks: window.__longTasks }))
  await context.close()
  const longest = data.longTasks.reduce((max, t) => Math.max(max, t.duration), 0)
  const blocked = data.longTasks.reduce((sum, t) => sum + t.duration, 0)
  return { firstResult: data.firstResultAt, ready: data.readyAt, fetch: data.fetchMs, loadJSON: data.loadMs, longest, blocked, search: typed.times.reduce((a, b) => a + b, 0) / typed.times.length, engine: typed.engine.reduce((a, b) => a + b, 0) / typed.engine.length }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`index ${indexPath}, query «${query}», ${runs} runs each, CPU ×${cpu}; medians in ms`)
console.log('mode    first result  ready  fetch  loadJSON  longest task  long tasks total  typed → shown  search() alone')
for (const mode of ['worker', 'main']) {
  const all = []
  for (let i = 0; i < runs; i++) all.push(await measure(mode))
  const m = (key) => Math.round(median(all.map((r) => r[key])))
  console.log(`${mode.padEnd(7)} ${String(m('firstResult')).padStart(12)} ${String(m('ready')).padStart(6)} ${String(m('fetch')).padStart(6)} ${String(m('loadJSON')).padStart(9)} ${String(m('longest')).padStart(13)} ${String(m('blocked')).padStart(17)} ${median(all.map((r) => r.search)).toFixed(1).padStart(14)} ${median(all.map((r) => r.engine)).toFixed(1).padStart(15)}`)
}
await browser.close()
server.close()

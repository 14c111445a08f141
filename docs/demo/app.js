// The demo page: search as you type over a saved fahras index, loaded from one static file.
//
// The index is downloaded and loaded in a Web Worker (dist/worker.js) and searched there, so the
// page stays responsive while it loads (see docs/browser.md for the measurement). Query string:
//   ?q=…                        start with this query
//   ?mode=main                  load and search on the main thread instead (for comparison)
//   ?index=./dist/other.json    another index under ./dist/ (the tests use one)

const params = new URLSearchParams(location.search)
const mode = params.get('mode') === 'main' ? 'main' : 'worker'
const DEFAULT_INDEX = './dist/index.json'
// Only files of this site under ./dist/ can be chosen from the address bar.
const indexParam = params.get('index')
const indexPath = indexParam && /^\.\/dist\/[\w.-]+\.json$/.test(indexParam) && !indexParam.includes('..') ? indexParam : DEFAULT_INDEX
const indexUrl = new URL(indexPath, document.baseURI).href
const DEBOUNCE_MS = 120

const $ = (id) => document.getElementById(id)
const form = $('search')
const input = $('q')
const suggestionList = $('suggestions')
const statusLine = $('status')
const resultList = $('results')
const loading = $('loading')

// Timings for docs/browser.md and the tests (performance.now(), ms since navigation start).
const demo = { mode, indexUrl, state: 'loading', fetchMs: 0, loadMs: 0, readyAt: 0, firstResultAt: 0, searches: 0, lastSearchMs: 0, renderedQuery: null }
window.fahrasDemo = demo
const setState = (state) => {
  demo.state = state
  document.documentElement.dataset.state = state
}

// ---------------------------------------------------------------- the engine: worker or main
function workerEngine(onProgress) {
  const worker = new Worker(new URL('./worker.js', import.meta.url))
  const pending = new Map()
  let readyResolve, readyReject
  const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject })
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') onProgress(data)
    else if (data.type === 'ready') readyResolve(data)
    else if (data.type === 'error') readyReject(new Error(data.message))
    else if (data.type === 'results') {
      const resolve = pending.get(data.seq)
      pending.delete(data.seq)
      if (resolve) resolve(data)
    }
  }
  worker.onerror = (event) => readyReject(new Error(event.message || 'worker failed'))
  worker.postMessage({ type: 'load', url: indexUrl })
  let seq = 0
  return {
    ready,
    search(query) {
      const id = ++seq
      return new Promise((resolve) => {
        pending.set(id, resolve)
        worker.postMessage({ type: 'search', seq: id, query })
      })
    },
  }
}

function mainThreadEngine(onProgress) {
  let index = null
  let runQuery = null
  // fahras is in the worker's bundle; here it is a separate chunk, loaded only in this mode.
  const ready = import('./search-core.js').then(async (core) => {
    runQuery = core.runQuery
    const loaded = await core.loadIndex(indexUrl, onProgress)
    index = loaded.index
    return loaded
  })
  return { ready, search: async (query) => runQuery(index, query) }
}

// ---------------------------------------------------------------- rendering
const formatter = new Intl.NumberFormat('ar')
const number = (n) => formatter.format(n)
function countText(n) {
  if (n === 1) return 'نتيجة واحدة'
  if (n === 2) return 'نتيجتان'
  if (n >= 3 && n <= 10) return `${number(n)} نتائج`
  return `${number(n)} نتيجة`
}

// A document's url becomes a link only if it is http(s): never javascript: or data:.
function safeHref(url) {
  if (!url) return null
  try {
    const parsed = new URL(url, document.baseURI)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}

function showStatus(text, kind) {
  statusLine.textContent = text
  statusLine.className = kind ? `status ${kind}` : 'status'
  statusLine.hidden = !text
}

// `didYouMean`: the corrected query when nothing was found (index.didYouMean), offered first.
function renderSuggestions(list, didYouMean = null) {
  suggestionList.replaceChildren()
  const offered = didYouMean ? [didYouMean, ...list] : list
  for (const suggestion of offered) {
    const item = document.createElement('li')
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'suggestion'
    button.textContent = suggestion === didYouMean ? `هل تقصد: ${suggestion}؟` : suggestion
    if (suggestion === didYouMean) button.dataset.didYouMean = suggestion
    button.addEventListener('click', () => {
      input.value = suggestion + ' '
      input.focus()
      runNow()
    })
    item.append(button)
    suggestionList.append(item)
  }
  suggestionList.hidden = offered.length === 0
}

function renderResults(answer) {
  const items = answer.results.map((result) => {
    const item = document.createElement('li')
    item.className = 'result'
    const heading = document.createElement('h2')
    heading.className = 'result-title'
    const href = safeHref(result.url)
    const title = document.createElement(href ? 'a' : 'span')
    if (href) {
      title.href = href
      title.rel = 'noopener'
    }
    title.textContent = result.title || result.id // text, never HTML
    heading.append(title)
    item.append(heading)
    if (result.html) {
      const snippet = document.createElement('p')
      snippet.className = 'snippet'
      // fahras escapes the document's text and adds only <mark>…</mark>: the one HTML we insert.
      snippet.innerHTML = result.html
      item.append(snippet)
    }
    if (result.source) {
      const meta = document.createElement('p')
      meta.className = 'meta'
      meta.textContent = result.source
      item.append(meta)
    }
    return item
  })
  resultList.replaceChildren(...items)
  if (items.length === 0) showStatus('لا نتائج', 'empty')
  else showStatus(`${countText(items.length)} في ${number(Math.max(1, Math.round(answer.ms)))} ملّي ثانية`, 'count')
}

function renderIdle() {
  resultList.replaceChildren()
  renderSuggestions([])
  showStatus('اكتب كلمة للبحث…', 'idle')
}

// ---------------------------------------------------------------- search as you type
const mb = (bytes) => `${number(Math.round(bytes / 1024 / 102.4) / 10)} MB`
function onProgress({ received, total }) {
  loading.textContent = total ? `جارٍ تحميل الفهرس… ${mb(received)} من ${mb(total)}` : `جارٍ تحميل الفهرس… ${mb(received)}`
}

setState('loading')
const engine = (mode === 'worker' && typeof Worker === 'function' ? workerEngine : mainThreadEngine)(onProgress)
let latest = 0
let timer = 0

async function runNow() {
  clearTimeout(timer)
  const query = input.value
  const seq = ++latest
  const url = new URL(location.href)
  if (query.trim()) url.searchParams.set('q', query.trim())
  else url.searchParams.delete('q')
  history.replaceState(null, '', url)
  if (!query.trim()) {
    renderIdle()
    return
  }
  if (demo.state !== 'ready') return // searched once the index is ready
  const answer = await engine.search(query)
  if (seq !== latest) return // a newer query was typed meanwhile
  demo.searches++
  demo.lastSearchMs = answer.ms
  demo.renderedQuery = answer.query
  renderSuggestions(answer.suggestions, answer.didYouMean)
  renderResults(answer)
  if (!demo.firstResultAt && answer.results.length) demo.firstResultAt = performance.now()
  document.documentElement.dataset.searches = String(demo.searches)
}

input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(runNow, DEBOUNCE_MS)
})
form.addEventListener('submit', (event) => {
  event.preventDefault()
  runNow()
})

input.value = params.get('q') || ''
if (!input.value) renderIdle()
else showStatus('', '')

engine.ready.then(
  (info) => {
    demo.fetchMs = info.fetchMs
    demo.loadMs = info.loadMs
    demo.readyAt = performance.now()
    demo.documentCount = info.documentCount
    loading.hidden = true
    setState('ready')
    input.placeholder = `ابحث في ${number(info.documentCount)} مقالة…`
    if (input.value.trim()) runNow()
  },
  (error) => {
    setState('error')
    loading.hidden = false
    loading.className = 'loading error'
    loading.textContent = `تعذّر تحميل الفهرس: ${error.message}`
  },
)

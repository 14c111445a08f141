// The page the browser runs: /bench.html?tool=pagefind|fahras[&q=…], served from memory by the
// bench's server (never written into the site, so neither tool indexes it).
//
// Each tool has the same small adapter:
//   search(q, k) -> { total, results: [{ url, title, excerpt }] }   top k with their excerpts/snippets
//   rank(q, k)   -> [[url, score], …] best first, up to k (k = 0: all)
// Pagefind: `import('/pagefind/pagefind.js')`, `options({ excerptLength: 30 })` (its default),
//   `init()`, `search(q)`, then `data()` of each of the top k for url + excerpt (its two steps).
//   rank() asks `data()` only for result ids it has not seen yet (id -> url memo), since the
//   quality runs only need URLs.
// fahras: `import('/fahras/fahras.js')`, `openSite()`, `site.search(q, { limit: k })` (results
//   carry their snippets: one step).
// With ?q=…, the page loads the tool at once and runs that query (the first-visit measure):
// window.__cold = { ms: performance.now() when the results with excerpts are there (ms since the
// navigation started), total, n, first } or { error }.
export const BENCH_HTML = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>bench</title></head>
<body><main id="out"></main>
<script type="module">
const params = new URLSearchParams(location.search)
const tool = params.get('tool')
const ADAPTERS = {
  async pagefind() {
    const pf = await import('/pagefind/pagefind.js')
    await pf.options({ excerptLength: 30 })
    await pf.init()
    const urlOf = new Map()
    return {
      async search(q, k) {
        const r = await pf.search(q)
        const list = r?.results ?? []
        const data = await Promise.all(list.slice(0, k).map((x) => x.data()))
        return { total: list.length, results: data.map((d) => ({ url: d.url, title: d.meta?.title ?? '', excerpt: d.excerpt ?? '' })) }
      },
      async rank(q, k) {
        const r = await pf.search(q)
        const list = k > 0 ? (r?.results ?? []).slice(0, k) : (r?.results ?? [])
        const missing = list.filter((x) => !urlOf.has(x.id))
        await Promise.all(missing.map(async (x) => urlOf.set(x.id, (await x.data()).url)))
        return list.map((x) => [urlOf.get(x.id), x.score])
      },
    }
  },
  async fahras() {
    const { openSite } = await import('/fahras/fahras.js')
    const site = await openSite()
    return {
      async search(q, k) {
        const r = await site.search(q, { limit: k })
        return { total: r.total, results: r.results.map((x) => ({ url: x.url, title: x.title, excerpt: x.snippet?.html ?? '' })) }
      },
      async rank(q, k) {
        const r = await site.search(q, { limit: k > 0 ? Math.min(k, 100) : 100 })
        return r.results.map((x) => [x.url, x.score])
      },
    }
  },
}
let apiPromise = null
window.benchApi = () => (apiPromise ??= ADAPTERS[tool]())

// One query, timed inside the page (the library is loaded by then).
window.benchQuery = async (q, k = 10) => {
  const api = await window.benchApi()
  const t = performance.now()
  const r = await api.search(q, k)
  return { ms: performance.now() - t, total: r.total, n: r.results.length, first: r.results[0]?.url ?? null }
}

// Types q one character at a time and searches on each keystroke, waiting for each keystroke's
// results (with excerpts) before the next one; a keystroke that leaves the trimmed query as it was
// (a space) does not search. The first keystroke's time includes loading the library.
// Returns { times: [ms], totals: [results found] }, one each per search.
window.benchType = async (q, k = 10) => {
  const times = []
  const totals = []
  let last = ''
  for (let i = 1; i <= q.length; i++) {
    const prefix = q.slice(0, i).trim()
    if (!prefix || prefix === last) continue
    last = prefix
    const t = performance.now()
    const api = await window.benchApi()
    const r = await api.search(prefix, k)
    times.push(performance.now() - t)
    totals.push(r.total)
  }
  return { times, totals }
}

// Quality runs: many queries in one call; [[url, score], …] each.
window.benchRank = async (queries, k) => {
  const api = await window.benchApi()
  const out = []
  for (const q of queries) {
    try {
      out.push(await api.rank(q, k))
    } catch (e) {
      out.push({ error: String(e?.message ?? e) })
    }
  }
  return out
}

if (params.has('q')) {
  const q = params.get('q')
  try {
    const api = await window.benchApi()
    const r = await api.search(q, 10)
    window.__cold = { ms: performance.now(), total: r.total, n: r.results.length, first: r.results[0]?.url ?? null, excerpt: String(r.results[0]?.excerpt ?? '').slice(0, 300) }
  } catch (e) {
    window.__cold = { error: String(e?.stack ?? e) }
  }
}
</script>
</body></html>
`

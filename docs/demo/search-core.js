// The search side of the demo, shared by the Web Worker (worker.js) and the main-thread mode
// (app.js with ?mode=main): load the saved index, run a query, return plain data that can be
// posted between threads.
import { ArabicSearch, normalizeText } from '../../dist/index.js'

/**
 * Downloads the index as one file, reporting the bytes received, then loads it.
 * Returns the index and the time spent downloading and in ArabicSearch.loadJSON.
 */
export async function loadIndex(url, onProgress = () => {}) {
  const started = performance.now()
  const response = await fetch(url)
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`)
  const total = Number(response.headers.get('content-length')) || 0
  let text
  if (response.body && typeof TextDecoderStream === 'function') {
    // Read the stream to show progress; decode as it arrives.
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    const parts = []
    let received = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parts.push(value)
      received += value.length
      onProgress({ received, total })
    }
    text = parts.join('')
  } else {
    text = await response.text()
  }
  const fetched = performance.now()
  const index = ArabicSearch.loadJSON(text)
  const loaded = performance.now()
  return { index, fetchMs: fetched - started, loadMs: loaded - fetched, documentCount: index.documentCount }
}

/**
 * Runs one search-as-you-type query: the results (every word a prefix, unless the query ends
 * with a space), the completions of the last word, and when nothing is found `didYouMean`, the
 * query with its misspelt words corrected (or null). Only the fields the page shows are
 * returned; `html` is fahras's snippet HTML (escaped, with <mark> around the matches).
 */
export function runQuery(index, query, { limit = 10, suggestions = 5 } = {}) {
  const started = performance.now()
  const trimmed = query.trim()
  if (!trimmed) return { query, results: [], suggestions: [], ms: 0 }
  const prefix = !/\s$/.test(query)
  const hits = index.search(trimmed, { limit, prefix, snippets: { length: 220 } })
  const results = hits.map((hit) => ({
    id: String(hit.id),
    title: typeof hit.title === 'string' ? hit.title : '',
    url: typeof hit.url === 'string' ? hit.url : '',
    source: typeof hit.source === 'string' ? hit.source : '',
    html: hit.snippets.text ? hit.snippets.text.html : '',
  }))
  const completions = prefix
    ? index.suggest(trimmed, { limit: suggestions + 1 })
      .map((s) => s.suggestion)
      .filter((s) => normalizeText(s) !== normalizeText(trimmed)) // not the query itself
      .slice(0, suggestions)
    : []
  // nothing found: the query with its misspelt words corrected, if that finds something
  const didYouMean = results.length === 0 && typeof index.didYouMean === 'function' ? index.didYouMean(trimmed, { prefix }) : null
  return { query, results, suggestions: completions, didYouMean, ms: performance.now() - started }
}

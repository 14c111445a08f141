// The demo's Web Worker: downloads and loads the index, then answers queries, so that the page
// never blocks while the index loads. Messages:
//   → { type: 'load', url }            ← { type: 'progress', received, total } …
//                                       ← { type: 'ready', documentCount, fetchMs, loadMs } or { type: 'error', message }
//   → { type: 'search', seq, query }   ← { type: 'results', seq, query, results, suggestions, ms }
import { loadIndex, runQuery } from './search-core.js'

let index = null

self.onmessage = async (event) => {
  const message = event.data
  if (message.type === 'load') {
    try {
      const loaded = await loadIndex(message.url, ({ received, total }) => {
        self.postMessage({ type: 'progress', received, total })
      })
      index = loaded.index
      self.postMessage({ type: 'ready', documentCount: loaded.documentCount, fetchMs: loaded.fetchMs, loadMs: loaded.loadMs })
    } catch (error) {
      self.postMessage({ type: 'error', message: String(error && error.message ? error.message : error) })
    }
  } else if (message.type === 'search' && index) {
    try {
      self.postMessage({ type: 'results', seq: message.seq, ...runQuery(index, message.query) })
    } catch (error) {
      self.postMessage({ type: 'results', seq: message.seq, query: message.query, results: [], suggestions: [], ms: 0, error: String(error && error.message) })
    }
  }
}

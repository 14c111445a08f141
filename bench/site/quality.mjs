// Retrieval quality of the site search tools on the retrieval sets built as sites (one page per
// paragraph): MRR@10, nDCG@10, Recall@100 with bench/lib/metrics.mjs, result URLs mapped back to
// doc ids through the page numbers.
//
// Modes:
//   question   the whole question, one search (what a user types); top 100.
//   words-sum  Pagefind's best case: each word of the question searched alone (every result of
//              each word), merged by the sum of Pagefind's scores (an OR query scored like BM25's sum
//              over terms).
//   words-rrf  the same searches merged by reciprocal-rank fusion, sum of 1 / (60 + rank).
import { evaluateRun } from '../lib/metrics.mjs'
import { rankAll } from './browser.mjs'
import { questionWords } from './queries.mjs'
import { pageNumber } from './sites.mjs'

const RRF_K = 60

function toIds(ranked, ids) {
  const out = []
  for (const [url] of ranked) {
    const n = pageNumber(url)
    out.push(n >= 0 && n < ids.length ? ids[n] : `?${url}`)
  }
  return out
}

function merge(lists, how) {
  const score = new Map()
  for (const list of lists) {
    list.forEach(([url, s], i) => {
      const add = how === 'sum' ? Number(s) || 0 : 1 / (RRF_K + i + 1)
      score.set(url, (score.get(url) ?? 0) + add)
    })
  }
  return [...score].sort((a, b) => b[1] - a[1]).map(([url, s]) => [url, s])
}

const pick = (m) => ({
  queries: m.queries,
  emptyResults: m.emptyResults,
  mrr10: m.mrr10,
  ndcg10: m.ndcg10,
  recall100: m.recall100,
})

/**
 * Runs the modes of `tool` on one set. `set` is loadDataset()'s, `ids` the site's page -> doc id.
 * Returns { [mode]: { queries, emptyResults, mrr10, ndcg10, recall100, seconds } }.
 */
export async function qualityRuns(browser, server, tool, set, ids, modes, log) {
  const out = {}
  const queries = set.queries.filter((q) => set.qrels.has(q.id))
  if (modes.includes('question')) {
    const t0 = Date.now()
    const ranked = await rankAll(
      browser,
      server,
      tool,
      queries.map((q) => q.text),
      100,
      {
        onProgress: (d, n) => log(`  ${tool} ${set.name} whole questions: ${d}/${n}`),
      },
    )
    const run = new Map(queries.map((q, i) => [q.id, toIds(ranked[i], ids)]))
    out.question = { ...pick(evaluateRun(run, set.qrels)), seconds: (Date.now() - t0) / 1000 }
  }
  const wordModes = modes.filter((m) => m === 'words-sum' || m === 'words-rrf')
  if (wordModes.length) {
    const t0 = Date.now()
    const words = [...new Set(queries.flatMap((q) => questionWords(q.text)))]
    const ranked = await rankAll(browser, server, tool, words, 0, {
      onProgress: (d, n) => log(`  ${tool} ${set.name} single words: ${d}/${n}`),
    })
    const byWord = new Map(words.map((w, i) => [w, ranked[i]]))
    const seconds = (Date.now() - t0) / 1000
    for (const mode of wordModes) {
      const run = new Map(
        queries.map((q) => [
          q.id,
          toIds(
            merge(
              questionWords(q.text).map((w) => byWord.get(w) ?? []),
              mode === 'words-sum' ? 'sum' : 'rrf',
            ).slice(0, 100),
            ids,
          ),
        ]),
      )
      out[mode] = { ...pick(evaluateRun(run, set.qrels)), seconds, searches: words.length }
    }
  }
  return out
}

#!/usr/bin/env node
// The ranking's ablation table: each part of fahras's ranking (scoring.ts) switched on and off
// with the real search options, on the two open retrieval sets, side by side in one run, with
// Lucene's ArabicAnalyzer + BM25 (bench/results/lucene.json, from `npm run bench:lucene`) as the
// reference. Uses the built package (`npm run bench:ranking` builds it first).
//
//   node bench/ranking.mjs [--data bench/data] [--out bench/results/ranking.json]
//
// The parts: `b = 1` (BM25+ length normalization, the search option `bm25`), the square-root
// coordination with the written-form share (`coordination: 'sqrt'`), and proximity (`proximity`,
// which needs the text). The rows index with storeFields ['title', 'text'] (proximity and quoted
// phrases read the text), but the last two, which store nothing: the quality gate's configuration,
// where proximity has no text and a quoted phrase's words are required instead of checked in order.
// Every row is PackedIndex's and ArabicSearch's alike (tests/packed-parity.test.ts); the rows
// are computed with ArabicSearch. Query time is the mean per question of the whole row.
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import { dirname, resolve, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from './lib/datasets.mjs'
import { evaluateRun } from './lib/metrics.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..')
const K = 100

const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node bench/ranking.mjs [--data bench/data] [--out bench/results/ranking.json]')
  process.exit(0)
}
const dataDir = resolve(flag('--data', DEFAULT_DATA))
const outFile = resolve(flag('--out', resolve(repoRoot, 'bench/results/ranking.json')))
const distEntry = resolve(repoRoot, 'dist/index.js')
if (!existsSync(distEntry)) {
  console.error(
    'bench:ranking needs the built package in dist/ (run `npm run build`, or `npm run bench:ranking`, which builds it)',
  )
  process.exit(2)
}
const { ArabicSearch } = await import(distEntry)

const BEFORE = { bm25: { k: 1.2, b: 0.7, d: 0.5 }, coordination: 'linear', proximity: false }
const TEXT = ['title', 'text']
/** The rows: what is indexed, the search options, and which parts are on. */
const ROWS = [
  { name: 'before issue 16: b 0.7, linear coordination, no proximity', stored: true, search: BEFORE, parts: '' },
  { name: '+ b = 1 only', stored: true, search: { ...BEFORE, bm25: undefined }, parts: 'b' },
  { name: '+ sqrt coordination only', stored: true, search: { ...BEFORE, coordination: undefined }, parts: 'c' },
  { name: '+ proximity only', stored: true, search: { ...BEFORE, proximity: undefined }, parts: 'p' },
  { name: 'all three (the defaults)', stored: true, search: {}, parts: 'bcp' },
  { name: 'all but b = 1', stored: true, search: { bm25: BEFORE.bm25 }, parts: 'cp' },
  { name: 'all but sqrt coordination', stored: true, search: { coordination: 'linear' }, parts: 'bp' },
  { name: 'all but proximity', stored: true, search: { proximity: false }, parts: 'bc' },
  { name: 'before issue 16, text not stored', stored: false, search: BEFORE, parts: '' },
  { name: 'the defaults, text not stored (no text: no proximity)', stored: false, search: {}, parts: 'bc' },
]

function lucene() {
  const file = resolve(repoRoot, 'bench/results/lucene.json')
  if (!existsSync(file)) return null
  const doc = JSON.parse(readFileSync(file, 'utf8'))
  const out = {}
  for (const r of doc.results ?? [])
    if (r.system === 'lucene-arabic') out[r.set] = { mrr10: r.mrr10, ndcg10: r.ndcg10, recall100: r.recall100 }
  return out
}

const results = []
for (const setName of RETRIEVAL_SETS) {
  const set = loadDataset(dataDir, setName)
  const indexes = new Map()
  for (const stored of [false, true]) {
    const index = new ArabicSearch({ fields: [...TEXT], ...(stored ? { storeFields: [...TEXT] } : {}) })
    index.addAll(set.docs)
    indexes.set(stored, index)
  }
  for (const row of ROWS) {
    const index = indexes.get(row.stored)
    const search = Object.fromEntries(Object.entries(row.search).filter(([, v]) => v !== undefined))
    const run = new Map()
    const start = performance.now()
    for (const q of set.queries)
      run.set(
        q.id,
        index.search(q.text, { ...search, limit: K, snippets: false }).map((r) => r.id),
      )
    const ms = (performance.now() - start) / set.queries.length
    const m = evaluateRun(run, set.qrels)
    results.push({
      set: setName,
      row: row.name,
      parts: row.parts,
      stored: row.stored,
      search,
      mrr10: m.mrr10,
      ndcg10: m.ndcg10,
      recall100: m.recall100,
      msPerQuery: ms,
    })
    console.log(
      `${setName.padEnd(11)} ${row.name.padEnd(78)} MRR@10 ${m.mrr10.toFixed(4)}  nDCG@10 ${m.ndcg10.toFixed(4)}  R@100 ${m.recall100.toFixed(4)}  ${ms.toFixed(2)} ms`,
    )
  }
}

const ref = lucene()
const f = (v) => (v === undefined ? '–' : v.toFixed(4))
const lines = [
  '| ranking | xquad-ar MRR@10 | nDCG@10 | R@100 | arcd-train MRR@10 | nDCG@10 | R@100 |',
  '|---|---|---|---|---|---|---|',
]
if (ref)
  lines.push(
    `| Lucene ArabicAnalyzer + BM25 (bench:lucene) | ${f(ref['xquad-ar']?.mrr10)} | ${f(ref['xquad-ar']?.ndcg10)} | ${f(ref['xquad-ar']?.recall100)} | ${f(ref['arcd-train']?.mrr10)} | ${f(ref['arcd-train']?.ndcg10)} | ${f(ref['arcd-train']?.recall100)} |`,
  )
for (const row of ROWS) {
  const [x, a] = RETRIEVAL_SETS.map((s) => results.find((r) => r.set === s && r.row === row.name))
  lines.push(
    `| ${row.name} | ${f(x.mrr10)} | ${f(x.ndcg10)} | ${f(x.recall100)} | ${f(a.mrr10)} | ${f(a.ndcg10)} | ${f(a.recall100)} |`,
  )
}
console.log(`\n${lines.join('\n')}`)
mkdirSync(dirname(outFile), { recursive: true })
writeFileSync(
  outFile,
  `${JSON.stringify({ benchmark: 'ranking ablation', date: new Date().toISOString(), node: process.version, data: relative(repoRoot, dataDir), lucene: ref, results }, null, 2)}\n`,
)
console.log(`\nwrote ${relative(process.cwd(), outFile)}`)

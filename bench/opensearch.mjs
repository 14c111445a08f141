#!/usr/bin/env node
// Does search in Elasticsearch/OpenSearch with fahras's generated analyzer find what fahras finds?
// The index definition of indexSettings() (dist/opensearch.js) runs in plain Lucene 8
// (bench/opensearch/LuceneSearch.java, analyzers built by tests/parity/FahrasParity.java) on the
// retrieval sets of bench/data, side by side with fahras's ArabicSearch defaults and Lucene's
// ArabicAnalyzer; MRR@10 / nDCG@10 / Recall@100, and how far the top 10 agree with fahras.
//
//   npm run bench:opensearch        (npm run build, then this script)
//   node bench/opensearch.mjs [--sets xquad-ar,arcd-train] [--data bench/data]
//                             [--out bench/results/opensearch.json]
//
// Needs a JDK and Debian's Lucene 8 jars (`apt-get install liblucene8-java default-jdk-headless`).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { ArabicSearch } from '../dist/index.js'
import { indexSettings } from '../dist/opensearch.js'
import {
  compileJava,
  LUCENE_MISSING,
  luceneAvailable,
  luceneJarsWithQueryParser,
  runCommand,
} from '../tests/parity/lucene.mjs'
import { DEFAULT_DATA, loadDataset } from './lib/datasets.mjs'
import { evaluateRun, reciprocalRank, topK } from './lib/metrics.mjs'
import { createFahrasSystem } from './systems/fahras.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..')
const K = 100
const TOP = 10
/** fahras's default `exactBoost`: the weight of the `.exact` subfields in the `stems+exact` query. */
const EXACT_BOOST = 0.5
const DEFAULT_SETS = ['xquad-ar', 'arcd-train']
const SOURCES = [join(repoRoot, 'tests', 'parity', 'FahrasParity.java'), join(here, 'opensearch', 'LuceneSearch.java')]
const CLASSES_ROOT = join(repoRoot, '.tmp', 'opensearch-classes')

/** Lucene's BM25 in MiniSearch's terms (d = 0: BM25, not BM25+). */
const LUCENE_BM25 = { k: 1.2, b: 0.75, d: 0 }
/** The runs, in table order: the key of a run and its label. */
const RUNS = [
  ['fahras', 'fahras ArabicSearch, defaults'],
  ['fahras-text', 'fahras ArabicSearch, defaults, text stored (proximity)'],
  ['stems+exact+rescore', `Lucene + fahras_arabic, title/text + .exact^${EXACT_BOOST}, rescored (docs/scaling.md)`],
  ['stems+exact', `Lucene + fahras_arabic, title/text + .exact^${EXACT_BOOST}`],
  ['stems', 'Lucene + fahras_arabic, title/text'],
  ['arabic', 'Lucene ArabicAnalyzer, one field'],
  ['fahras-stems', 'control: fahras, exactBoost 0'],
  ['fahras-bm25', 'control: fahras, exactBoost 0, scored as BM25'],
]
const LUCENE_RUNS = ['stems+exact+rescore', 'stems+exact', 'stems', 'arabic']
/** Pairs of runs whose top 10 are compared: [fahras run, Lucene run]. */
const PAIRS = [
  ['fahras-text', 'stems+exact+rescore'],
  ['fahras', 'stems+exact'],
  ['fahras', 'stems'],
  ['fahras', 'arabic'],
  ['fahras-stems', 'stems'],
  ['fahras-bm25', 'stems'],
]

function parseArgs(argv) {
  const opts = { sets: DEFAULT_SETS, data: DEFAULT_DATA, out: resolve(repoRoot, 'bench/results/opensearch.json') }
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined) usage(`missing value for ${arg}`)
      return v
    }
    if (arg === '--sets')
      opts.sets = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    else if (arg === '--data') opts.data = resolve(value())
    else if (arg === '--out') opts.out = resolve(value())
    else if (arg === '-h' || arg === '--help') usage()
    else usage(`unknown argument: ${argv[i]}`)
  }
  return opts
}

function usage(error) {
  const text =
    'usage: node bench/opensearch.mjs [--sets xquad-ar,arcd-train] [--data bench/data] [--out bench/results/opensearch.json]'
  if (error) console.error(`${error}\n${text}`)
  else console.log(text)
  process.exit(error ? 2 : 0)
}

/** Runs LuceneSearch on one set: Map query id -> { stems, 'stems+exact', arabic } and Java's summary. */
async function luceneRuns(classpath, definitionFile, set, work) {
  const docs = join(work, `${set.name}.docs.jsonl`)
  const queries = join(work, `${set.name}.queries.jsonl`)
  const output = join(work, `${set.name}.runs.jsonl`)
  writeFileSync(docs, set.docs.map((d) => `${JSON.stringify(d)}\n`).join(''))
  writeFileSync(queries, set.queries.map((q) => `${JSON.stringify(q)}\n`).join(''))
  const started = performance.now()
  const { stdout } = await runCommand('java', [
    '-Xss1m',
    '-cp',
    classpath,
    'LuceneSearch',
    definitionFile,
    docs,
    queries,
    output,
    String(EXACT_BOOST),
    String(K),
  ])
  const summary = { ...JSON.parse(stdout.trim().split('\n').at(-1)), wallMs: Math.round(performance.now() - started) }
  const runs = new Map()
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    if (!line) continue
    const { id, ...byRun } = JSON.parse(line)
    runs.set(id, byRun)
  }
  if (runs.size !== set.queries.length)
    throw new Error(`LuceneSearch on ${set.name}: ${set.queries.length} queries in, ${runs.size} out`)
  return { runs, summary }
}

/** fahras's ArabicSearch with its defaults, as bench/quality.mjs runs it: Map query id -> ids. */
function fahrasRun(set, system = createFahrasSystem()) {
  const t0 = performance.now()
  system.build(set.docs)
  const t1 = performance.now()
  const out = new Map()
  for (const q of set.queries) out.set(q.id, topK(system.search(q.text, K).map(String), K))
  const t2 = performance.now()
  return {
    run: out,
    buildMs: Math.round(t1 - t0),
    meanQueryMs: +((t2 - t1) / Math.max(1, set.queries.length)).toFixed(3),
  }
}

/**
 * Control: fahras with the terms of the `stems` run (no written forms) and Lucene's scoring as
 * far as MiniSearch allows: BM25 with Lucene's k1 and b, no proximity, and without the
 * coordination factor (with `coordination: 'linear'` it multiplies a document's score by the
 * number of query terms it matches: with exactBoost 0 and no prefix or fuzzy search, the length
 * of a result's `terms`).
 */
function bm25System() {
  let index
  return {
    build(docs) {
      index = new ArabicSearch({ fields: ['title', 'text'], exactBoost: 0 })
      index.addAll(docs)
    },
    search(query, k) {
      const all = index.search(query, {
        limit: Number.MAX_SAFE_INTEGER,
        snippets: false,
        bm25: LUCENE_BM25,
        coordination: 'linear',
        proximity: false,
      })
      return all
        .map((r) => ({ id: r.id, score: r.score / Math.max(1, r.terms.length) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((r) => r.id)
    },
  }
}

/**
 * How far two runs agree, over every query of the set: the mean share of fahras's top 10 that the
 * other run also has in its top 10 (|A∩B| / 10; also |A∩B| / the longer list, for queries that
 * match fewer than 10 documents), the share of queries with the same first document, and, on
 * judged queries, how often each puts the relevant document higher.
 */
function agreement(set, fahras, other) {
  let overlap = 0
  let sameTop1 = 0
  let shortLists = 0
  let overlapOfLonger = 0
  for (const q of set.queries) {
    const a = topK(fahras.get(q.id), TOP)
    const b = topK(other.get(q.id), TOP)
    if (a.length < TOP || b.length < TOP) shortLists++
    const inB = new Set(b)
    const common = a.filter((id) => inB.has(id)).length
    overlap += common / TOP
    overlapOfLonger += a.length === 0 && b.length === 0 ? 1 : common / Math.max(a.length, b.length)
    if (a.length > 0 && a[0] === b[0]) sameTop1++
  }
  let fahrasHigher = 0
  let otherHigher = 0
  for (const [qid, judgements] of set.qrels) {
    const ra = reciprocalRank(fahras.get(qid) ?? [], judgements, TOP)
    const rb = reciprocalRank(other.get(qid) ?? [], judgements, TOP)
    if (ra > rb) fahrasHigher++
    else if (rb > ra) otherHigher++
  }
  const n = Math.max(1, set.queries.length)
  return {
    top10Overlap: +(overlap / n).toFixed(4),
    top10OverlapOfLonger: +(overlapOfLonger / n).toFixed(4),
    sameTop1: +(sameTop1 / n).toFixed(4),
    queries: set.queries.length,
    shortLists,
    relevantHigherInFahras: fahrasHigher,
    relevantHigherInOther: otherHigher,
  }
}

const f3 = (x) => x.toFixed(3)
const pad = (s, n) => String(s).padEnd(n)

function printTables(results) {
  const sets = results.map((r) => r.set)
  const labelW = Math.max(...RUNS.map(([, l]) => l.length))
  const cell = 'MRR@10 nDCG@10 R@100'
  const lines = [
    `${pad('system', labelW)} | ${sets.map((s) => pad(s, cell.length)).join(' | ')}`,
    `${pad('', labelW)} | ${sets.map(() => cell).join(' | ')}`,
  ]
  lines.push('-'.repeat(lines[0].length))
  for (const [key, label] of RUNS) {
    const cells = results.map((r) => {
      const m = r.metrics[key]
      return pad(`${f3(m.mrr10)}  ${f3(m.ndcg10)}   ${f3(m.recall100)}`, cell.length)
    })
    lines.push(`${pad(label, labelW)} | ${cells.join(' | ')}`)
  }
  console.log(lines.join('\n'))

  const agreeCell = 'top-10 overlap  same top-1'
  const pairLabels = PAIRS.map(([a, b]) => `${a} ~ ${b}`)
  const pairW = Math.max(...pairLabels.map((l) => l.length), 'same documents'.length)
  const head = `${pad('same documents', pairW)} | ${sets.map((s) => pad(s, agreeCell.length)).join(' | ')}`
  const out = ['', head, `${pad('', pairW)} | ${sets.map(() => agreeCell).join(' | ')}`, '-'.repeat(head.length)]
  PAIRS.forEach((_, i) => {
    const cells = results.map((r) =>
      pad(`${f3(r.agreement[i].top10Overlap)}           ${f3(r.agreement[i].sameTop1)}`, agreeCell.length),
    )
    out.push(`${pad(pairLabels[i], pairW)} | ${cells.join(' | ')}`)
  })
  console.log(out.join('\n'))
  console.log(`\nruns: ${RUNS.map(([k, l]) => `${k} = ${l}`).join('; ')}`)
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const jarList = luceneJarsWithQueryParser()
  if (!jarList || !luceneAvailable()) {
    console.error(`bench/opensearch.mjs: ${LUCENE_MISSING} (and lucene-queryparser-8*.jar, in the same package)`)
    process.exit(2)
  }
  const started = performance.now()
  const sets = opts.sets.map((name) => loadDataset(opts.data, name))
  const definition = indexSettings()
  const work = mkdtempSync(join(tmpdir(), 'fahras-opensearch-'))
  try {
    const definitionFile = join(work, 'definition.json')
    writeFileSync(definitionFile, JSON.stringify(definition))
    const classpath = await compileJava(SOURCES, CLASSES_ROOT, 'LuceneSearch.class', jarList)
    // Java works through the sets one after another while fahras runs here
    let chain = Promise.resolve()
    const lucene = sets.map((set) => (chain = chain.then(() => luceneRuns(classpath, definitionFile, set, work))))
    lucene.forEach((p) => p.catch(() => {})) // awaited below; no unhandled rejection meanwhile
    const results = []
    for (const [i, set] of sets.entries()) {
      console.error(`${set.name}: ${set.docs.length} docs, ${set.queries.length} queries, ${set.qrels.size} judged`)
      const fahras = fahrasRun(set)
      const fahrasText = fahrasRun(set, createFahrasSystem({ index: { storeFields: ['title', 'text'] } }))
      const fahrasStems = fahrasRun(set, createFahrasSystem({ index: { exactBoost: 0 } }))
      const fahrasBm25 = fahrasRun(set, bm25System())
      const { runs, summary } = await lucene[i]
      const byRun = {
        fahras: fahras.run,
        'fahras-text': fahrasText.run,
        'fahras-stems': fahrasStems.run,
        'fahras-bm25': fahrasBm25.run,
      }
      for (const key of LUCENE_RUNS) byRun[key] = new Map([...runs].map(([id, r]) => [id, r[key]]))
      const metrics = {}
      for (const [key] of RUNS) {
        const m = evaluateRun(byRun[key], set.qrels, { mrrK: TOP, ndcgK: TOP, recallK: K })
        metrics[key] = {
          mrr10: +m.mrr10.toFixed(4),
          ndcg10: +m.ndcg10.toFixed(4),
          recall100: +m.recall100.toFixed(4),
          queriesScored: m.queries,
          emptyResults: m.emptyResults,
        }
      }
      const agree = PAIRS.map(([a, b]) => ({ fahras: a, lucene: b, ...agreement(set, byRun[a], byRun[b]) }))
      console.error(
        `  fahras: build ${fahras.buildMs} ms, ${fahras.meanQueryMs} ms/query; Lucene ${summary.lucene}: index ${summary.indexMs.fahras} ms, ${summary.meanQueryMs['stems+exact']} ms/query (stems+exact)`,
      )
      results.push({
        set: set.name,
        docs: set.docs.length,
        queries: set.queries.length,
        judgedQueries: set.qrels.size,
        metrics,
        agreement: agree,
        fahras: { buildMs: fahras.buildMs, meanQueryMs: fahras.meanQueryMs },
        lucene: summary,
      })
    }
    console.log('')
    printTables(results)

    const first = results[0]?.lucene ?? {}
    const doc = {
      benchmark: 'fahras analyzer in Lucene (Elasticsearch/OpenSearch settings) against fahras search',
      date: new Date().toISOString(),
      node: process.version,
      java: first.java,
      lucene: first.lucene,
      platform: `${process.platform} ${process.arch}`,
      command: 'npm run bench:opensearch',
      data: opts.data,
      seconds: +((performance.now() - started) / 1000).toFixed(1),
      setup: {
        definition:
          'indexSettings() of dist/opensearch.js, defaults: fields title and text, analyzer fahras_arabic, subfield .exact with fahras_arabic_exact',
        index:
          "one Lucene document per paragraph: title, text (fahras_arabic), title.exact, text.exact (fahras_arabic_exact); similarity: the definition's BM25 (k1 = 1.2, b = 1); the arabic run Lucene's default BM25 (k1 = 1.2, b = 0.75)",
        runs: {
          fahras:
            "new ArabicSearch({ fields: ['title', 'text'] }).search(question, { limit: 100 }) (bench/systems/fahras.mjs): no text, so no proximity",
          'fahras-text': "the same with storeFields ['title', 'text']: the first 10 ranked again by proximity",
          'stems+exact+rescore':
            'stems+exact, then a rescore clause on its first 10: score × (1 + 0.2 × the pairs of consecutive query terms found as a sloppy phrase (slop 15) in title or text)',
          'stems+exact': `multi_match most_fields, operator or, fields title, text, title.exact^${EXACT_BOOST}, text.exact^${EXACT_BOOST}: a QueryBuilder match query per field (SHOULD clauses), summed`,
          stems: 'multi_match most_fields, operator or, fields title, text',
          arabic:
            'Lucene ArabicAnalyzer, title + text in one field, QueryParser.escape(question), OR (as bench/lucene/LuceneBm25Run.java)',
          'fahras-stems':
            "control: new ArabicSearch({ fields: ['title', 'text'], exactBoost: 0 }): the terms of the stems run",
          'fahras-bm25': `control: as fahras-stems, with bm25 ${JSON.stringify(LUCENE_BM25)} and the score divided by the number of matched query terms (undoing MiniSearch's coordination factor), re-sorted`,
        },
        agreement:
          'over every query of the set: mean |top-10 of fahras ∩ top-10 of the run| / 10; share of queries with the same first document; judged queries where the relevant document ranks higher (reciprocal rank @10) in fahras or in the run',
      },
      metrics: {
        mrr10: 'MRR@10',
        ndcg10: 'nDCG@10 (linear gain, log2 discount)',
        recall100: 'Recall@100',
        averagedOver: 'queries with at least one relevant doc; no results = 0',
      },
      results,
    }
    mkdirSync(dirname(opts.out), { recursive: true })
    writeFileSync(opts.out, `${JSON.stringify(doc, null, 2)}\n`)
    const shown = relative(process.cwd(), opts.out)
    console.log(`\nwrote ${shown && !shown.startsWith('..') ? shown : opts.out} (${doc.seconds} s)`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error?.stack ?? error)
  process.exit(1)
})

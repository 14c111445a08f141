#!/usr/bin/env node
// Retrieval-quality benchmark: fahras and its JavaScript peers on the Arabic retrieval sets of
// bench/data (copied from ../shared/data with their licences), scored with MRR@10, nDCG@10 and
// Recall@100.
//
//   node bench/quality.mjs [--sets xquad-ar,arcd-train]
//                          [--systems minisearch,lunr,orama,flexsearch,fahras]
//                          [--data bench/data] [--out bench/results/quality.json]
//                          [--lucene bench/results/lucene.json]
//
// A system is { name, build(docs), search(queryText, k) -> doc ids best first }.
// The peers live in bench/systems/peers.mjs; fahras is loaded from
// bench/systems/fahras.mjs (export createFahrasSystem()) when that file exists.
// The Lucene row comes from bench/results/lucene.json, written by `npm run bench:lucene`
// (bench/lucene/run.mjs), when that file exists; else from the published figures below.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from './lib/datasets.mjs'
import { baselineProblem, BASELINE_PATH, readBaseline } from './lib/quality-gate.mjs'
import { evaluateRun, topK } from './lib/metrics.mjs'
import { PEERS } from './systems/peers.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..')
const K = 100

const DEFAULT_SETS = [...RETRIEVAL_SETS]
const ALL_SYSTEMS = [...Object.keys(PEERS), 'fahras', 'fahras-packed']

// Published figures from ../shared/data/README.md (MRR@10, nDCG@10, Recall@100): the Lucene row
// when bench/results/lucene.json is missing, and the peers' figures their runs are checked against.
const LUCENE_PUBLISHED_LABEL = 'Lucene ArabicAnalyzer + BM25 (published figures; npm run bench:lucene measures them)'
const LUCENE_PUBLISHED = {
  'xquad-ar': { mrr10: 0.923, ndcg10: 0.937, recall100: 0.989 },
  'arcd-train': { mrr10: 0.792, ndcg10: 0.834, recall100: 0.986 },
}
const PUBLISHED_PEERS = {
  minisearch: {
    'xquad-ar': { mrr10: 0.838, ndcg10: 0.862, recall100: 0.977 },
    'arcd-train': { mrr10: 0.648, ndcg10: 0.699, recall100: 0.928 },
  },
  lunr: {
    'xquad-ar': { mrr10: 0.857, ndcg10: 0.882, recall100: 0.975 },
    'arcd-train': { mrr10: 0.6, ndcg10: 0.655, recall100: 0.918 },
  },
  orama: {
    'xquad-ar': { mrr10: 0.785, ndcg10: 0.818, recall100: 0.989 },
    'arcd-train': { mrr10: 0.633, ndcg10: 0.69, recall100: 0.968 },
  },
  flexsearch: {
    'xquad-ar': { mrr10: 0.693, ndcg10: 0.73, recall100: 0.974 },
    'arcd-train': { mrr10: 0.441, ndcg10: 0.509, recall100: 0.916 },
  },
}
const TOLERANCE = 0.02
const METRICS = ['mrr10', 'ndcg10', 'recall100']

function usage(code = 0) {
  const text = `usage: node bench/quality.mjs [--sets ${DEFAULT_SETS.join(',')}]
                              [--systems ${ALL_SYSTEMS.join(',')}]
                              [--data bench/data] [--out bench/results/quality.json]
                              [--lucene bench/results/lucene.json]`
  ;(code ? console.error : console.log)(text)
  process.exit(code)
}

function parseArgs(argv) {
  const opts = {
    sets: DEFAULT_SETS,
    systems: null, // null = every available system
    data: DEFAULT_DATA,
    out: resolve(repoRoot, 'bench/results/quality.json'),
    lucene: resolve(repoRoot, 'bench/results/lucene.json'),
  }
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]
    let value
    const eq = arg.indexOf('=')
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1)
      arg = arg.slice(0, eq)
    }
    const next = () => {
      if (value !== undefined) return value
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) {
        console.error(`missing value for ${arg}`)
        usage(2)
      }
      return v
    }
    const list = (s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    switch (arg) {
      case '--sets':
        opts.sets = list(next())
        break
      case '--systems':
        opts.systems = list(next())
        break
      case '--data':
        opts.data = resolve(next())
        break
      case '--out':
        opts.out = resolve(next())
        break
      case '--lucene':
        opts.lucene = resolve(next())
        break
      case '-h':
      case '--help':
        usage(0)
        break
      default:
        console.error(`unknown argument: ${argv[i]}`)
        usage(2)
    }
  }
  if (opts.systems) {
    const unknown = opts.systems.filter((s) => !ALL_SYSTEMS.includes(s))
    if (unknown.length) {
      console.error(`unknown system(s): ${unknown.join(', ')} (known: ${ALL_SYSTEMS.join(', ')})`)
      process.exit(2)
    }
  }
  return opts
}

/** Try to load bench/systems/fahras.mjs; returns { factory } or { note }. */
async function loadFahras() {
  const file = join(here, 'systems', 'fahras.mjs')
  if (!existsSync(file)) return { note: 'bench/systems/fahras.mjs not found: fahras skipped' }
  try {
    const mod = await import(pathToFileURL(file).href)
    if (typeof mod.createFahrasSystem !== 'function') {
      return { note: 'bench/systems/fahras.mjs does not export createFahrasSystem(): fahras skipped' }
    }
    return { factory: mod.createFahrasSystem, packed: mod.createFahrasPackedSystem }
  } catch (err) {
    return { note: `bench/systems/fahras.mjs failed to load (${err?.message ?? err}): fahras skipped` }
  }
}

/**
 * The Lucene ArabicAnalyzer row: measured by `npm run bench:lucene` (the file `file`) when that
 * file exists and covers the sets, else the published figures, labelled as such.
 */
function luceneRow(file, setNames) {
  let measured = null
  if (existsSync(file)) {
    try {
      const doc = JSON.parse(readFileSync(file, 'utf8'))
      const bySet = {}
      for (const r of doc.results ?? [])
        if (r.system === 'lucene-arabic') bySet[r.set] = { mrr10: r.mrr10, ndcg10: r.ndcg10, recall100: r.recall100 }
      const shown = relative(repoRoot, file)
      if (setNames.every((s) => bySet[s]))
        measured = {
          label: `Lucene ${doc.lucene ?? ''} ArabicAnalyzer + BM25 (${shown.startsWith('..') ? file : shown}, ${String(doc.date ?? '').slice(0, 10)})`,
          bySet,
          source: file,
          published: false,
        }
    } catch {
      measured = null
    }
  }
  return (
    measured ?? {
      label: LUCENE_PUBLISHED_LABEL,
      bySet: LUCENE_PUBLISHED,
      source: '../shared/data/README.md',
      published: true,
    }
  )
}

const fmt = (x) => (x == null ? '  -  ' : x.toFixed(3))
const ms = (x) => `${x.toFixed(0)} ms`

async function runSystem(factory, set) {
  const system = factory()
  const t0 = performance.now()
  await system.build(set.docs)
  const buildMs = performance.now() - t0

  const run = new Map()
  let thrown = 0
  let firstError = null
  const t1 = performance.now()
  for (const q of set.queries) {
    let ids
    try {
      ids = await system.search(q.text, K)
    } catch (err) {
      thrown++
      firstError ??= String(err?.message ?? err)
      ids = []
    }
    run.set(q.id, topK((ids ?? []).map(String), K))
  }
  const searchMs = performance.now() - t1
  const metrics = evaluateRun(run, set.qrels, { mrrK: 10, ndcgK: 10, recallK: K })
  const queryErrors = thrown + (system.queryErrors ?? 0)
  return {
    name: system.name,
    label: system.label ?? system.name,
    metrics,
    queryErrors,
    ...(firstError ? { firstError } : {}),
    buildMs: Math.round(buildMs),
    searchMs: Math.round(searchMs),
    meanQueryMs: +(searchMs / Math.max(1, set.queries.length)).toFixed(3),
  }
}

function pad(s, n) {
  s = String(s)
  return s.length >= n ? s : s + ' '.repeat(n - s.length)
}

function printTable(sets, rows) {
  // rows: [{ label, bySet: { setName: {mrr10, ndcg10, recall100} | undefined }, note? }]
  const labelW = Math.max(6, ...rows.map((r) => r.label.length))
  const cell = 'MRR@10 nDCG@10 R@100'
  const setW = cell.length
  const head = `${pad('system', labelW)} | ${sets.map((s) => pad(s, setW)).join(' | ')}`
  const sub = `${pad('', labelW)} | ${sets.map(() => cell).join(' | ')}`
  const line = '-'.repeat(head.length)
  const out = [head, sub, line]
  for (const r of rows) {
    const cells = sets.map((s) => {
      const m = r.bySet[s]
      if (!m) return pad('   -      -       -', setW)
      return pad(`${fmt(m.mrr10)}  ${fmt(m.ndcg10)}   ${fmt(m.recall100)}`, setW)
    })
    out.push(`${pad(r.label, labelW)} | ${cells.join(' | ')}`)
  }
  console.log(out.join('\n'))
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const notes = []

  // Resolve the systems to run.
  const wanted = opts.systems ?? ALL_SYSTEMS
  const factories = []
  for (const name of wanted) {
    if (name === 'fahras' || name === 'fahras-packed') {
      const f = await loadFahras()
      const factory = name === 'fahras' ? f.factory : f.packed
      if (factory) factories.push({ name, factory })
      else notes.push(f.note ?? `bench/systems/fahras.mjs has no createFahrasPackedSystem(): ${name} skipped`)
    } else {
      factories.push({ name, factory: PEERS[name] })
    }
  }
  for (const n of notes) console.error(`note: ${n}`)

  const sets = []
  for (const name of opts.sets) {
    let set
    try {
      set = loadDataset(opts.data, name)
    } catch (err) {
      console.error(`error: ${err?.message ?? err}`)
      process.exit(2)
    }
    const { unknownDocs, unknownQueries } = set.warnings
    if (unknownDocs || unknownQueries) {
      const w = `${name}: qrels name ${unknownDocs} unknown doc(s) and ${unknownQueries} unknown query(ies); they count as misses`
      notes.push(w)
      console.error(`warning: ${w}`)
    }
    sets.push(set)
  }

  const results = [] // one entry per (system, set)
  for (const set of sets) {
    console.error(
      `${set.name}: ${set.docs.length} docs, ${set.queries.length} queries, ${set.qrels.size} judged queries`,
    )
    for (const { name, factory } of factories) {
      let r
      try {
        r = await runSystem(factory, set)
      } catch (err) {
        const msg = `${name} on ${set.name} failed: ${err?.stack ?? err}`
        console.error(`error: ${msg}`)
        notes.push(`${name} on ${set.name} failed: ${err?.message ?? err}`)
        continue
      }
      const m = r.metrics
      console.error(
        `  ${pad(name, 11)} MRR@10 ${fmt(m.mrr10)}  nDCG@10 ${fmt(m.ndcg10)}  R@100 ${fmt(m.recall100)}` +
          `  build ${ms(r.buildMs)}, ${r.meanQueryMs} ms/query` +
          (r.queryErrors ? `, ${r.queryErrors} query error(s)` : '') +
          (m.emptyResults ? `, ${m.emptyResults} empty result list(s)` : ''),
      )
      results.push({ system: name, set: set.name, ...r })
    }
  }

  // Table: systems in run order, then the Lucene reference rows.
  const setNames = sets.map((s) => s.name)
  const rows = factories
    .filter(({ name }) => results.some((r) => r.system === name))
    .map(({ name }) => {
      const bySet = {}
      let label = name
      for (const r of results.filter((x) => x.system === name)) {
        bySet[r.set] = r.metrics
        label = r.label
      }
      return { label, bySet }
    })
  const lucene = luceneRow(opts.lucene, setNames)
  rows.push({ label: lucene.label, bySet: lucene.bySet })
  console.log('')
  printTable(setNames, rows)

  // Query errors, and how far each peer is from its published figures.
  const errs = results.filter((r) => r.queryErrors)
  console.log('')
  if (errs.length) {
    for (const r of errs)
      console.log(
        `query errors: ${r.system} on ${r.set}: ${r.queryErrors}${r.firstError ? ` (first: ${r.firstError})` : ''}`,
      )
  } else {
    console.log('query errors: none')
  }
  const gaps = []
  for (const r of results) {
    const pub = PUBLISHED_PEERS[r.system]?.[r.set]
    if (!pub) continue
    for (const k of METRICS) {
      const d = r.metrics[k] - pub[k]
      if (Math.abs(d) > TOLERANCE)
        gaps.push(
          `${r.system} ${r.set} ${k}: ${fmt(r.metrics[k])} vs published ${fmt(pub[k])} (${d > 0 ? '+' : ''}${d.toFixed(3)})`,
        )
    }
  }
  const checked = results.filter((r) => PUBLISHED_PEERS[r.system]?.[r.set]).length
  if (checked) {
    console.log(
      gaps.length
        ? `published peer figures (../shared/data/README.md): ${gaps.length} gap(s) > ${TOLERANCE}:\n  ${gaps.join('\n  ')}`
        : `published peer figures (../shared/data/README.md): all ${checked} peer×set results within ${TOLERANCE}`,
    )
  }
  // fahras against the baseline of the quality gate of npm test (tests/quality-gate.test.ts).
  const baseline = readBaseline()
  const gate = baseline.systems['fahras defaults']
  const fahrasResults = results.filter((r) => r.system === 'fahras' && gate?.sets[r.set])
  if (fahrasResults.length) {
    const lines = fahrasResults.map((r) => {
      const problem = baselineProblem({
        set: r.set,
        system: 'fahras defaults',
        measured: r.metrics.mrr10,
        baseline: gate.sets[r.set].mrr10,
        tolerance: baseline.tolerance,
      })
      return (
        problem ??
        `${r.set}: MRR@10 ${r.metrics.mrr10.toFixed(4)}, baseline ${gate.sets[r.set].mrr10.toFixed(4)}: within ${baseline.tolerance}`
      )
    })
    console.log(`quality gate (${BASELINE_PATH}):\n  ${lines.join('\n  ')}`)
  }
  if (lucene.published)
    console.log(
      `note: the Lucene row is the published one (${lucene.source}); npm run bench:lucene measures it (a JDK and Lucene 8 needed)`,
    )
  for (const n of notes) console.log(`note: ${n}`)

  // JSON results.
  const doc = {
    benchmark: 'fahras retrieval quality',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    command: [
      'node',
      relative(process.cwd(), fileURLToPath(import.meta.url)) || 'bench/quality.mjs',
      ...process.argv.slice(2),
    ].join(' '),
    cwd: process.cwd(),
    data: relative(repoRoot, opts.data).startsWith('..') ? opts.data : relative(repoRoot, opts.data),
    metrics: {
      mrr10: 'MRR@10',
      ndcg10: 'nDCG@10 (linear gain, log2 discount)',
      recall100: 'Recall@100',
      averagedOver: 'queries with at least one relevant doc; no results = 0',
    },
    sets: sets.map((s) => ({
      name: s.name,
      docs: s.docs.length,
      queries: s.queries.length,
      judgedQueries: s.qrels.size,
    })),
    results: results.map((r) => ({
      system: r.system,
      label: r.label,
      set: r.set,
      mrr10: +r.metrics.mrr10.toFixed(4),
      ndcg10: +r.metrics.ndcg10.toFixed(4),
      recall100: +r.metrics.recall100.toFixed(4),
      queriesScored: r.metrics.queries,
      emptyResults: r.metrics.emptyResults,
      queryErrors: r.queryErrors,
      buildMs: r.buildMs,
      searchMs: r.searchMs,
      meanQueryMs: r.meanQueryMs,
      published: PUBLISHED_PEERS[r.system]?.[r.set] ?? null,
    })),
    reference: setNames
      .filter((s) => lucene.bySet[s])
      .map((s) => ({
        system: 'lucene-arabic',
        label: lucene.label,
        set: s,
        ...lucene.bySet[s],
        reference: true,
        published: lucene.published,
        source: lucene.published ? lucene.source : relative(repoRoot, lucene.source),
      })),
    publishedGaps: gaps,
    notes,
  }
  mkdirSync(dirname(opts.out), { recursive: true })
  writeFileSync(opts.out, `${JSON.stringify(doc, null, 2)}\n`)
  const shown = relative(process.cwd(), opts.out)
  console.log(`\nwrote ${shown && !shown.startsWith('..') ? shown : opts.out}`)
}

main().catch((err) => {
  console.error(err?.stack ?? err)
  process.exit(1)
})

#!/usr/bin/env node
// The Lucene rows of the quality benchmark, reproduced: Lucene 8's ArabicAnalyzer (and
// StandardAnalyzer) with BM25 on the retrieval sets of bench/data, title and text indexed as one
// field, each question, escaped, as an OR query of the classic QueryParser
// (bench/lucene/LuceneBm25Run.java). The runs are scored here with bench/lib/metrics.mjs, the same
// code that scores fahras and the JavaScript peers. bench/quality.mjs shows the ArabicAnalyzer
// row from the file this writes.
//
//   npm run bench:lucene
//   node bench/lucene/run.mjs [--sets xquad-ar,arcd-train] [--data bench/data]
//                             [--out bench/results/lucene.json]
//
// Needs a JDK and Debian's Lucene 8 jars (`apt-get install liblucene8-java default-jdk-headless`),
// found as the parity test finds them (tests/parity/lucene.mjs).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import {
  compileJava,
  LUCENE_MISSING,
  luceneAvailable,
  luceneJarsWithQueryParser,
  runCommand,
} from '../../tests/parity/lucene.mjs'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from '../lib/datasets.mjs'
import { evaluateRun, topK } from '../lib/metrics.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '../..')
const SOURCE = join(here, 'LuceneBm25Run.java')
const CLASSES_ROOT = join(repoRoot, '.tmp', 'lucene-bm25-classes')
const K = 100
/** The analyzers, in table order, with their labels. */
export const LUCENE_ANALYZERS = {
  arabic: 'Lucene ArabicAnalyzer + BM25',
  standard: 'Lucene StandardAnalyzer + BM25',
}
const USAGE =
  'usage: node bench/lucene/run.mjs [--sets xquad-ar,arcd-train] [--data bench/data] [--out bench/results/lucene.json]'

function parseArgs(argv) {
  const opts = { sets: [...RETRIEVAL_SETS], data: DEFAULT_DATA, out: join(repoRoot, 'bench', 'results', 'lucene.json') }
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined) fail(`missing value for ${arg}\n${USAGE}`)
      return v
    }
    if (arg === '--sets')
      opts.sets = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    else if (arg === '--data') opts.data = resolve(value())
    else if (arg === '--out') opts.out = resolve(value())
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE)
      process.exit(0)
    } else fail(`unknown argument: ${argv[i]}\n${USAGE}`)
  }
  return opts
}

function fail(message) {
  console.error(message)
  process.exit(2)
}

/** A cell of the TSV files: tabs and line breaks become spaces, as they separate cells and rows. */
const cell = (s) => String(s ?? '').replace(/[\t\r\n\u2028\u2029]+/g, ' ')

/** Runs one analyzer on one set: Map query id -> doc ids best first, and Java's summary line. */
async function luceneRun(classpath, set, analyzer, work) {
  const docs = join(work, `${set.name}.docs.tsv`)
  const queries = join(work, `${set.name}.queries.tsv`)
  const output = join(work, `${set.name}.${analyzer}.runs.tsv`)
  writeFileSync(docs, set.docs.map((d) => `${cell(d.id)}\t${cell(d.title)}\t${cell(d.text)}\n`).join(''))
  writeFileSync(queries, set.queries.map((q) => `${cell(q.id)}\t${cell(q.text)}\n`).join(''))
  const started = performance.now()
  const { stdout } = await runCommand('java', [
    '-cp',
    classpath,
    'LuceneBm25Run',
    analyzer,
    docs,
    queries,
    output,
    String(K),
  ])
  const summary = { ...JSON.parse(stdout.trim().split('\n').at(-1)), wallMs: Math.round(performance.now() - started) }
  const run = new Map()
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    if (!line) continue
    const [id, ...ids] = line.split('\t')
    run.set(id, topK(ids, K))
  }
  if (run.size !== set.queries.length)
    throw new Error(`LuceneBm25Run on ${set.name}: ${set.queries.length} questions in, ${run.size} out`)
  return { run, summary }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const jarList = luceneJarsWithQueryParser()
  if (!jarList || !luceneAvailable())
    fail(`bench/lucene/run.mjs: ${LUCENE_MISSING} (and lucene-queryparser-8*.jar, in the same package)`)
  const sets = opts.sets.map((name) => loadDataset(opts.data, name))
  const classpath = await compileJava([SOURCE], CLASSES_ROOT, 'LuceneBm25Run.class', jarList)
  const work = mkdtempSync(join(tmpdir(), 'fahras-lucene-bm25-'))
  const results = []
  let versions = null
  try {
    for (const set of sets) {
      for (const [analyzer, label] of Object.entries(LUCENE_ANALYZERS)) {
        const { run, summary } = await luceneRun(classpath, set, analyzer, work)
        const m = evaluateRun(run, set.qrels, { mrrK: 10, ndcgK: 10, recallK: K })
        versions ??= { lucene: summary.lucene, java: summary.java }
        console.error(
          `${set.name} ${analyzer}: MRR@10 ${m.mrr10.toFixed(3)}  nDCG@10 ${m.ndcg10.toFixed(3)}  R@100 ${m.recall100.toFixed(3)}  (index ${summary.indexMs.toFixed(0)} ms, ${summary.meanQueryMs} ms/query${summary.unparsed ? `, ${summary.unparsed} question(s) not parsed` : ''})`,
        )
        results.push({
          system: `lucene-${analyzer}`,
          label,
          set: set.name,
          // unrounded, so that bench/quality.mjs rounds them once, as it rounds its own rows
          mrr10: m.mrr10,
          ndcg10: m.ndcg10,
          recall100: m.recall100,
          queriesScored: m.queries,
          emptyResults: m.emptyResults,
          unparsed: summary.unparsed,
          indexMs: summary.indexMs,
          meanQueryMs: summary.meanQueryMs,
        })
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const doc = {
    benchmark: 'Lucene reference rows of the quality benchmark',
    date: new Date().toISOString(),
    node: process.version,
    ...versions,
    jars: jarList.map((j) => j.split('/').at(-1)),
    command: `node bench/lucene/run.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    data: relative(repoRoot, opts.data) || '.',
    method:
      'one Lucene field: title + "\\n" + text, analyzed with ArabicAnalyzer or StandardAnalyzer (defaults); similarity BM25 (k1 = 1.2, b = 0.75); each question escaped (QueryParser.escape) and parsed by the classic QueryParser, default operator OR; top 100; scored with bench/lib/metrics.mjs',
    results,
  }
  mkdirSync(dirname(opts.out), { recursive: true })
  writeFileSync(opts.out, `${JSON.stringify(doc, null, 2)}\n`)
  const table = [
    '',
    `| system (MRR@10 / nDCG@10 / Recall@100) | ${sets.map((s) => s.name).join(' | ')} |`,
    `|---|${sets.map(() => '---|').join('')}`,
  ]
  for (const [analyzer, label] of Object.entries(LUCENE_ANALYZERS)) {
    const cells = sets
      .map((s) => results.find((r) => r.set === s.name && r.system === `lucene-${analyzer}`))
      .map((r) => `${r.mrr10.toFixed(3)} / ${r.ndcg10.toFixed(3)} / ${r.recall100.toFixed(3)}`)
    table.push(`| ${label} (Lucene ${versions.lucene}) | ${cells.join(' | ')} |`)
  }
  console.log(table.join('\n'))
  const shown = relative(process.cwd(), opts.out)
  console.log(`\nwrote ${shown && !shown.startsWith('..') ? shown : opts.out}`)
}

main().catch((err) => {
  console.error(err?.stack ?? err)
  process.exit(1)
})

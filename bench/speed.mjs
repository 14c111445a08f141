// Speed, memory and size of fahras against the JavaScript peers, in one process, systems in turn.
// Uses the built package (npm run build first; `npm run bench` and `npm run bench:full` do it).
//
// Usage: node --expose-gc bench/speed.mjs [--corpus FILE.jsonl[.gz] | --corpus URL --sha256 HEX]
//          [--limit N] [--queries N]
//          [--systems fahras,fahras-gettext,fahras-packed,fahras-packed-gettext,minisearch,lunr,orama,flexsearch,fahras-stems]
//          [--out FILE.json]
//          [--svg FILE.svg] [--no-bundles] [--time-budget MINUTES]
//
// Data (bench/lib/speed-data.mjs; the first line printed says which): --corpus PATH, or --corpus
// URL fetched into bench/.cache and kept once its SHA-256 is the one of --sha256; without
// --corpus, arwiki-cwc from ../shared/data/arwiki-cwc/docs.jsonl.gz when it is there (the figures
// of docs/benchmarks.md), else the repository's own documents: corpus/articles.jsonl and the
// paragraphs of bench/data/xquad-ar and bench/data/arcd-train.
//
// Figures per system: build throughput (MB/s of UTF-8 title + text), query latency p50/p95/p99
// (limit 10; fahras with its default search options, snippets on), and p50/p95 per query kind
// (title runs, questions), memory held by the built index (heap plus array buffers, gc before and
// after), saved index size raw and gzipped, time to load the saved index (from the JSON string,
// parse included; the packed rows from the bytes in memory), memory held by the loaded index (the
// saved string or bytes counted when the index keeps them, as the packed index does), and for
// fahras the cost of snippets per returned result. Then the browser bundle size of each library,
// and the targets of issue 12 (bench/lib/speed-targets.mjs): each ratio, its target, met or not.
//
// fahras-packed and fahras-packed-gettext (bench/lib/speed-packed.mjs) are the packed index:
// built with packDocuments (no MiniSearch), searched and loaded with PackedIndex.load.
//
// A whole-corpus run on arwiki-cwc (no --limit) writes bench/results/speed.json and the chart
// docs/benchmarks-speed.svg; a limited run writes bench/results/speed-limit-N.json and no chart
// (unless --svg is given), so that quick runs do not overwrite the figures the docs quote. Runs on
// the repository's own data write speed-repo[-limit-N].json, on another corpus
// speed-corpus[-limit-N].json.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, platform, arch, release, totalmem } from 'node:os'
import { dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getHeapStatistics } from 'node:v8'
import { gzipSync } from 'node:zlib'
import { parseFlags, readCorpora } from './lib/corpus.mjs'
import { speedCorpus } from './lib/speed-data.mjs'

// Orama's saved index of the whole corpus is several hundred MB of JSON; Node's default heap
// limit (about 4 GB here) leaves little room around it. Re-run in a child with a 12 GB limit.
const HEAP_LIMIT_MB = 12288
if (process.env.FAHRAS_SPEED_CHILD !== '1' && getHeapStatistics().heap_size_limit < 8e9) {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      `--max-old-space-size=${HEAP_LIMIT_MB}`,
      ...process.execArgv.filter((a) => a !== '--expose-gc'),
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, FAHRAS_SPEED_CHILD: '1' },
    },
  )
  process.exit(child.status ?? 1)
}

const fahrasModule = await import('../dist/index.js')
const { ArabicSearch } = fahrasModule
const { createPackedSystem } = await import('./lib/speed-packed.mjs')
const { issue12Targets, targetLines, kindLines } = await import('./lib/speed-targets.mjs')
const { SPEED_PEERS, miniSearchTermStats } = await import('./systems/speed-peers.mjs')
const { buildQueries } = await import('./lib/speed-queries.mjs')
const { bundleSizes } = await import('./lib/speed-bundle.mjs')
const { chartFromResult } = await import('./lib/speed-svg.mjs')

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FAHRAS_VERSION = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version
const flags = parseFlags(process.argv.slice(2))
const log = (...a) => console.error(...a)
// First line: which data the run is on.
const data = await speedCorpus(flags, log)
if (!data.logged) log(data.line)
const limit = flags.limit ? Number(flags.limit) : Infinity
const queryCount = flags.queries ? Number(flags.queries) : 1000
const wholeRun = limit === Infinity && data.kind === 'arwiki'
const outName = { arwiki: 'speed', repo: 'speed-repo', custom: 'speed-corpus' }[data.kind]
const outFile = flags.out ?? `${ROOT}bench/results/${limit === Infinity ? outName : `${outName}-limit-${limit}`}.json`
const svgFile = flags.svg ?? (wholeRun ? `${ROOT}docs/benchmarks-speed.svg` : null)
const K = 10
const WARMUP = 100
const VERIFY = 20
const WARMUP_DOCS = 200
const LOAD_RUNS = 1

if (typeof globalThis.gc !== 'function') {
  console.error('speed.mjs: run with node --expose-gc (npm run bench does)')
  process.exit(2)
}
const gc = () => {
  globalThis.gc()
  globalThis.gc()
}
// Memory: the JS heap plus array buffers (the packed index lives in one Uint8Array, outside the heap).
const heapMB = () => {
  const m = process.memoryUsage()
  return (m.heapUsed + m.arrayBuffers) / 1e6
}
const now = () => process.hrtime.bigint()
const ms = (a, b) => Number(b - a) / 1e6

// ------------------------------------------------------------------------------------ corpus

const t0 = now()
const { docs, duplicates } = await readCorpora(data.files, limit)
const corpusFile = data.files.map((f) => relative(ROOT, f)).join(' + ')
const megabytes =
  docs.reduce(
    (s, d) => s + Buffer.byteLength(String(d.title ?? ''), 'utf8') + Buffer.byteLength(String(d.text ?? ''), 'utf8'),
    0,
  ) / 1e6
const queries = buildQueries(docs, queryCount)
const byId = new Map(docs.map((d) => [d.id, d]))
log(
  `corpus: ${corpusFile}: ${docs.length} documents${duplicates ? ` (${duplicates} with an id already read skipped)` : ''}, ${megabytes.toFixed(1)} MB of UTF-8 title + text (read in ${(ms(t0, now()) / 1000).toFixed(1)} s)`,
)
log(
  `queries: ${queries.length} (${queries.filter((q) => q.kind === 'title').length} from titles, ${queries.filter((q) => q.kind === 'question').length} questions)`,
)

// ------------------------------------------------------------------------------------ systems

const isSurface = (t) => t.startsWith('\u0001')

function createFahras({ name, label, getText, exactBoost }) {
  let index
  const options = getText
    ? { fields: ['title', 'text'], storeFields: ['title'], getText: (id, field) => byId.get(id)?.[field] }
    : { fields: ['title', 'text'], storeFields: ['title', 'text'] }
  if (exactBoost !== undefined) options.exactBoost = exactBoost
  return {
    name,
    label,
    fahras: true,
    saveFormat: 'JSON.stringify(index)',
    loadFormat: getText ? 'ArabicSearch.loadJSON(json, { getText })' : 'ArabicSearch.loadJSON(json)',
    options: (getText
      ? "{ fields: ['title', 'text'], storeFields: ['title'], getText }"
      : "{ fields: ['title', 'text'], storeFields: ['title', 'text'] }"
    ).replace(' }', exactBoost === undefined ? ' }' : `, exactBoost: ${exactBoost} }`),
    build(all) {
      index = new ArabicSearch(options)
      index.addAll(all)
    },
    search(query, k) {
      return index.search(query, { limit: k })
    },
    searchWithoutSnippets(query, k) {
      return index.search(query, { limit: k, snippets: false })
    },
    save() {
      return JSON.stringify(index)
    },
    load(json) {
      index = getText ? ArabicSearch.loadJSON(json, { getText: options.getText }) : ArabicSearch.loadJSON(json)
    },
    stats() {
      return miniSearchTermStats(index.toJSON().index, isSurface)
    },
    drop() {
      index = undefined
    },
  }
}

const FACTORIES = {
  fahras: () => createFahras({ name: 'fahras', label: `fahras ${FAHRAS_VERSION} defaults, text stored` }),
  'fahras-gettext': () =>
    createFahras({ name: 'fahras-gettext', label: 'fahras, text kept outside (getText)', getText: true }),
  'fahras-packed': () =>
    createPackedSystem({
      name: 'fahras-packed',
      label: 'fahras packed index, text stored',
      fahras: fahrasModule,
      byId,
    }),
  'fahras-packed-gettext': () =>
    createPackedSystem({
      name: 'fahras-packed-gettext',
      label: 'fahras packed index, text outside (getText)',
      getText: true,
      fahras: fahrasModule,
      byId,
    }),
  ...SPEED_PEERS,
  // Not in the default run: stems only (no written forms), text outside. Ask for it with --systems.
  'fahras-stems': () =>
    createFahras({
      name: 'fahras-stems',
      label: 'fahras, stems only (exactBoost: 0), getText',
      getText: true,
      exactBoost: 0,
    }),
}
const DEFAULT_SYSTEMS = [
  'fahras',
  'fahras-gettext',
  'fahras-packed',
  'fahras-packed-gettext',
  'minisearch',
  'lunr',
  'orama',
  'flexsearch',
]
const wanted = flags.systems ? String(flags.systems).split(',') : DEFAULT_SYSTEMS
for (const w of wanted)
  if (!FACTORIES[w]) throw new Error(`unknown system ${w}; one of ${Object.keys(FACTORIES).join(', ')}`)

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : NaN
/** p50 and p95 of the times of each query kind (title runs, questions). */
function byKind(times) {
  const out = {}
  for (const kind of ['title', 'question']) {
    const t = queries.flatMap((q, i) => (q.kind === kind ? [times[i]] : [])).sort((x, y) => x - y)
    out[kind] = { count: t.length, p50: percentile(t, 0.5), p95: percentile(t, 0.95) }
  }
  return out
}
const settle = (v) => (v !== null && typeof v === 'object' && typeof v.then === 'function' ? v : null)

async function runQueries(fn, list) {
  const times = new Float64Array(list.length)
  let results = 0
  let total = 0
  for (let i = 0; i < list.length; i++) {
    const a = now()
    let r = fn(list[i].text, K)
    const p = settle(r)
    if (p) r = await p
    const b = now()
    times[i] = ms(a, b)
    total += times[i]
    results += r.length
  }
  return { times, results, totalMs: total }
}

async function measure(sys) {
  const row = { name: sys.name, label: sys.label, saveFormat: sys.saveFormat, loadFormat: sys.loadFormat }
  if (sys.options) row.options = sys.options
  const ids = sys.ids ?? ((rs) => rs.map((r) => r.id))
  // Warm-up: build an index of the first WARMUP_DOCS documents and throw it away, so that the
  // timed build does not pay for compiling the code (the first system would pay more otherwise).
  const warm = sys.build(docs.slice(0, WARMUP_DOCS))
  if (settle(warm)) await warm
  sys.drop()
  gc()
  const heapBefore = heapMB()
  let a = now()
  const built = sys.build(docs)
  if (settle(built)) await built
  row.buildSeconds = ms(a, now()) / 1000
  row.buildMBps = megabytes / row.buildSeconds
  // packed rows: open the bytes for searching (not timed as build; counted in the memory)
  if (sys.afterBuild) sys.afterBuild()
  gc()
  row.heapMB = heapMB() - heapBefore
  log(
    `  built in ${row.buildSeconds.toFixed(1)} s (${row.buildMBps.toFixed(2)} MB/s), heap +${row.heapMB.toFixed(0)} MB`,
  )

  // Queries: a warm-up pass over the first WARMUP queries, then every query timed once.
  await runQueries(sys.search, queries.slice(0, WARMUP))
  const timed = await runQueries(sys.search, queries)
  const sorted = Array.from(timed.times).sort((x, y) => x - y)
  row.query = {
    count: queries.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean: timed.totalMs / queries.length,
    max: sorted[sorted.length - 1],
    resultsPerQuery: timed.results / queries.length,
  }
  row.query.byKind = byKind(timed.times)
  if (sys.queryErrors) row.query.errors = sys.queryErrors
  log(
    `  queries: p50 ${row.query.p50.toFixed(2)} ms, p95 ${row.query.p95.toFixed(2)} ms, p99 ${row.query.p99.toFixed(2)} ms`,
  )

  // fahras: the same queries again with snippets: false; the difference per returned result.
  if (sys.searchWithoutSnippets) {
    const off1 = await runQueries(sys.searchWithoutSnippets, queries)
    const on = timed.totalMs
    const off = off1.totalMs
    const offSorted = Array.from(off1.times).sort((x, y) => x - y)
    row.query.withoutSnippets = {
      p50: percentile(offSorted, 0.5),
      p95: percentile(offSorted, 0.95),
      p99: percentile(offSorted, 0.99),
      mean: off / queries.length,
      byKind: byKind(off1.times),
    }
    row.snippetMicrosPerResult = ((on - off) * 1000) / timed.results
    log(
      `  snippets: ${row.snippetMicrosPerResult.toFixed(0)} µs per result (p50 without snippets ${row.query.withoutSnippets.p50.toFixed(2)} ms)`,
    )
  }

  const reference = []
  for (const q of queries.slice(0, VERIFY)) {
    let r = sys.search(q.text, K)
    if (settle(r)) r = await r
    reference.push(JSON.stringify(ids(r)))
  }
  if (sys.stats) row.terms = sys.stats()

  // MiniSearch: the size of its JSON with title and text stored too (the packed index's
  // text-stored target compares with it).
  if (sys.saveWithTextStored) {
    const withText = sys.saveWithTextStored(byId)
    row.savedWithTextStored = {
      storeFields: ['title', 'text'],
      bytes: Buffer.byteLength(withText, 'utf8'),
      gzipBytes: gzipSync(withText).length,
    }
    log(
      `  saved with title + text stored: ${(row.savedWithTextStored.bytes / 1e6).toFixed(1)} MB, gzipped ${(row.savedWithTextStored.gzipBytes / 1e6).toFixed(1)} MB`,
    )
  }

  // Save, then load from the string (or bytes) into a fresh index (the built one dropped first).
  // The memory the saved form takes is measured (gc before and after saving) so that the memory
  // of the loaded index can count it when the index keeps it (the packed index is a view over
  // its bytes) and not when the index only read it (JSON).
  let json
  let savedMB = 0
  try {
    gc()
    const beforeSave = heapMB()
    a = now()
    json = sys.save()
    if (settle(json)) json = await json
    row.saveSeconds = ms(a, now()) / 1000
    gc()
    savedMB = heapMB() - beforeSave
    const raw = typeof json === 'string' ? Buffer.from(json, 'utf8') : json
    row.savedBytes = raw.byteLength
    row.savedGzipBytes = gzipSync(raw).length
    log(`  saved: ${(row.savedBytes / 1e6).toFixed(1)} MB, gzipped ${(row.savedGzipBytes / 1e6).toFixed(1)} MB`)
  } catch (error) {
    row.saveError = String(error?.message ?? error)
    log(`  save failed: ${row.saveError}`)
  }
  sys.drop()
  if (json !== undefined) {
    try {
      // Loaded from the string into a fresh index (the built one dropped): a cold load, as an
      // application starting up does it. LOAD_RUNS > 1 repeats it and keeps the fastest.
      row.loadRunsMs = []
      let heapLoad = 0
      for (let run = 0; run < LOAD_RUNS; run++) {
        sys.drop()
        gc()
        heapLoad = heapMB()
        a = now()
        const loaded = sys.load(json)
        if (settle(loaded)) await loaded
        row.loadRunsMs.push(ms(a, now()))
        gc()
        // what the index took beside the saved form, the saved form still held by the benchmark
        row.heapLoadedBesideSavedMB = heapMB() - heapLoad
      }
      row.loadMs = Math.min(...row.loadRunsMs)
      // the saved form let go: what the loaded index holds, the saved form counted if it keeps it
      json = undefined
      gc()
      row.heapLoadedMB = heapMB() - (heapLoad - savedMB)
      let same = 0
      for (let i = 0; i < reference.length; i++) {
        let r = sys.search(queries[i].text, K)
        if (settle(r)) r = await r
        if (JSON.stringify(ids(r)) === reference[i]) same++
      }
      row.loadedSameResults = `${same}/${reference.length}`
      log(
        `  loaded in ${row.loadRunsMs.map((x) => x.toFixed(0)).join(' / ')} ms (memory held after load ${row.heapLoadedMB.toFixed(0)} MB), same top ${K} on ${row.loadedSameResults} queries`,
      )
    } catch (error) {
      row.loadError = String(error?.message ?? error)
      log(`  load failed: ${row.loadError}`)
    }
  }
  json = undefined
  sys.drop()
  return row
}

const rows = []
const skipped = []
const started = now()
// --time-budget MIN: a system is skipped (and listed as such) when the time so far plus the
// longest system so far would pass MIN minutes; the fahras rows and MiniSearch are never skipped.
const budgetSeconds = flags['time-budget'] ? Number(flags['time-budget']) * 60 : Infinity
const NEVER_SKIPPED = new Set(['fahras', 'fahras-gettext', 'fahras-packed', 'fahras-packed-gettext', 'minisearch'])
let longestSeconds = 0
for (const name of wanted) {
  const sys = FACTORIES[name]()
  const elapsed = ms(started, now()) / 1000
  if (!NEVER_SKIPPED.has(name) && elapsed + longestSeconds > budgetSeconds) {
    log(
      `\n${sys.label}: skipped (${elapsed.toFixed(0)} s so far, the longest system took ${longestSeconds.toFixed(0)} s; --time-budget ${flags['time-budget']} min)`,
    )
    skipped.push({ name: sys.name, label: sys.label, reason: `--time-budget ${flags['time-budget']} min` })
    continue
  }
  log(`\n${sys.label}`)
  try {
    rows.push(await measure(sys))
  } catch (error) {
    log(`  failed: ${error?.stack ?? error}`)
    rows.push({ name: sys.name, label: sys.label, error: String(error?.message ?? error) })
  }
  gc()
  const took = ms(started, now()) / 1000 - elapsed
  longestSeconds = Math.max(longestSeconds, took)
  rows[rows.length - 1].runSeconds = took
  log(
    `  (heap now ${heapMB().toFixed(0)} MB, ${took.toFixed(0)} s for this system, ${(ms(started, now()) / 1000).toFixed(0)} s so far)`,
  )
}

const bundles = flags['no-bundles'] ? {} : await bundleSizes()

// ------------------------------------------------------------------------------------ output

const f = (v, d = 1) => (v === undefined || v === null || !Number.isFinite(v) ? 'n/a' : v.toFixed(d))
const mb = (b) => (b === undefined ? 'n/a' : (b / 1e6).toFixed(1))
const kb = (b) => (b === undefined ? 'n/a' : (b / 1e3).toFixed(1))
const BUNDLE_OF = {
  fahras: 'fahras',
  'fahras-gettext': 'fahras',
  'fahras-stems': 'fahras',
  'fahras-packed': 'fahras-packed',
  'fahras-packed-gettext': 'fahras-packed',
  minisearch: 'minisearch',
  lunr: 'lunr',
  orama: 'orama',
  flexsearch: 'flexsearch',
}
const lines = []
lines.push(
  `| system | build MB/s | p50 ms | p95 ms | p99 ms | p50 no snippets | heap MB | saved MB | saved gz MB | load ms | heap after load MB | bundle gz KB |`,
)
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  const b = bundles[BUNDLE_OF[r.name]]
  lines.push(
    `| ${r.label} | ${f(r.buildMBps, 2)} | ${f(r.query?.p50, 2)} | ${f(r.query?.p95, 2)} | ${f(r.query?.p99, 2)} | ${f(r.query?.withoutSnippets?.p50, 2)} | ${f(r.heapMB, 0)} | ${mb(r.savedBytes)} | ${mb(r.savedGzipBytes)} | ${f(r.loadMs, r.loadMs < 10 ? 2 : 0)} | ${f(r.heapLoadedMB, 0)} | ${kb(b?.gzipBytes)} |`,
  )
}
for (const r of rows) {
  if (r.savedWithTextStored)
    lines.push(
      `\n${r.label}, title and text stored: saved ${mb(r.savedWithTextStored.bytes)} MB, gzipped ${mb(r.savedWithTextStored.gzipBytes)} MB`,
    )
}
lines.push('', 'p50 and p95 per query kind (title runs of 1–4 words, questions), ms:', '', ...kindLines(rows))
const targets = issue12Targets(rows)
if (targets.length) lines.push('', ...targetLines(targets))

const fahrasRows = rows.filter((r) => r.name.startsWith('fahras') && !r.error)
const mi = rows.find((r) => r.name === 'minisearch')
const ratio = (x, y) => (Number.isFinite(x) && Number.isFinite(y) && y !== 0 ? x / y : NaN)
const TARGETS = [
  {
    key: 'build',
    label: 'build throughput',
    get: (r) => r?.buildMBps,
    target: '≥ 1.0× (aim 1.5×)',
    met: (v) => v >= 1.0,
  },
  { key: 'p50', label: 'query p50, snippets on', get: (r) => r?.query?.p50, target: '≤ 1.0×', met: (v) => v <= 1.0 },
  { key: 'heap', label: 'heap after building', get: (r) => r?.heapMB, target: '≤ 0.8×', met: (v) => v <= 0.8 },
  { key: 'saved', label: 'saved index size (raw)', get: (r) => r?.savedBytes, target: '≤ 0.8×', met: (v) => v <= 0.8 },
  { key: 'load', label: 'load time', get: (r) => r?.loadMs, target: '≤ 1.0×', met: (v) => v <= 1.0 },
]
const ratios = {}
if (mi && fahrasRows.length) {
  lines.push(
    '',
    `| fahras / MiniSearch (the earlier targets) | target | ${fahrasRows.map((r) => r.label).join(' | ')} |`,
    `|---|---|${fahrasRows.map(() => '---|').join('')}`,
  )
  for (const t of TARGETS) {
    ratios[t.key] = { target: t.target }
    const cells = fahrasRows.map((r) => {
      const v = ratio(t.get(r), t.get(mi))
      ratios[t.key][r.name] = { ratio: v, met: Number.isFinite(v) ? t.met(v) : null }
      return Number.isFinite(v) ? `${v.toFixed(2)}× ${t.met(v) ? 'met' : 'not met'}` : 'n/a'
    })
    lines.push(`| ${t.label} | ${t.target} | ${cells.join(' | ')} |`)
  }
}
for (const r of fahrasRows) {
  if (r?.snippetMicrosPerResult !== undefined)
    lines.push(
      `\n${r.label}: snippets cost ${r.snippetMicrosPerResult.toFixed(0)} µs per returned result; p50 without snippets ${f(r.query.withoutSnippets.p50, 2)} ms`,
    )
}
for (const r of rows) {
  if (r.terms)
    lines.push(
      `${r.label}: ${r.terms.terms} distinct terms (${r.terms.surfaceTerms} written forms), ${r.terms.postings} postings (${r.terms.surfacePostings} of written forms)`,
    )
}
if (Object.keys(bundles).length) {
  lines.push('', '| bundle (esbuild, ESM, minified) | minified KB | gzipped KB |', '|---|---|---|')
  for (const b of Object.values(bundles)) lines.push(`| ${b.label} | ${kb(b.minifiedBytes)} | ${kb(b.gzipBytes)} |`)
}
const cpuList = cpus()
const machine = {
  cpu: cpuList[0]?.model ?? 'unknown',
  cores: cpuList.length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()} ${arch()}`,
  heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
}
// Which code was measured: the commit, and whether src/ differed from it (FAHRAS_BENCH_SOURCE
// names it when the run is on a copy outside the repository, e.g. a `git archive` export). What
// runs is dist/: `npm run bench` and `npm run bench:full` build it from src/ first.
function sourceOf() {
  if (process.env.FAHRAS_BENCH_SOURCE) return process.env.FAHRAS_BENCH_SOURCE
  const head = spawnSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' })
  if (head.status !== 0) return 'unknown (not a git checkout)'
  const diff = spawnSync('git', ['-C', ROOT, 'diff', '--quiet', 'HEAD', '--', 'src', 'package.json'])
  return `${head.stdout.trim()}${diff.status === 0 ? '' : ' with uncommitted changes in src/'}`
}
const source = sourceOf()
const command = process.env.npm_lifecycle_event
  ? `npm run ${process.env.npm_lifecycle_event}`
  : `node --expose-gc bench/speed.mjs ${process.argv.slice(2).join(' ')}`.trim()
console.log(data.line)
console.log(
  `corpus: ${corpusFile} (${docs.length} documents, ${megabytes.toFixed(1)} MB), ${queries.length} queries, limit ${K}`,
)
console.log(
  `node ${process.version}, ${machine.cpu} × ${machine.cores}, ${machine.memoryGB} GB; ${command}; fahras ${source}`,
)
console.log('')
console.log(lines.join('\n'))

const result = {
  date: new Date().toISOString(),
  node: process.version,
  machine,
  command,
  source,
  argv: process.argv.slice(2),
  data: { kind: data.kind, line: data.line },
  corpus: { file: corpusFile, documents: docs.length, megabytes },
  limit: limit === Infinity ? null : limit,
  queries: {
    count: queries.length,
    fromTitles: queries.filter((q) => q.kind === 'title').length,
    questions: queries.filter((q) => q.kind === 'question').length,
    k: K,
    warmup: WARMUP,
    sample: queries.slice(0, 10).map((q) => q.text),
  },
  seconds: ms(started, now()) / 1000,
  systems: rows,
  skipped,
  ratiosVsMiniSearch: ratios,
  issue12Targets: targets,
  bundles,
}
mkdirSync(dirname(outFile), { recursive: true })
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`)
log(`\nwrote ${relative(ROOT, outFile)}`)

if (svgFile) {
  mkdirSync(dirname(svgFile), { recursive: true })
  writeFileSync(svgFile, chartFromResult(result))
  log(`wrote ${relative(ROOT, svgFile)}`)
}

#!/usr/bin/env node
// Static-site search, side by side in one run: `fahras site` and Pagefind 1.6.0 on the same
// generated Arabic sites, measured in Chromium.
//
//   node bench/site.mjs [--pages 10000] [--queries 60] [--skip-quality] [--skip-build]
//                       [--out bench/results/site.json] [--seed 20250601] [--tools fahras,pagefind]
//                       [--arwiki ../shared/data/arwiki-cwc] [--fahras-cli dist/cli.js] [--build-runs 1]
//                       [--verbose]
//
// Sites (under .tmp/bench-site/, written once, indexed by both tools):
//   arwiki-<pages>  the first <pages> docs of ../shared/data/arwiki-cwc (Arabic Wikipedia; long
//                   articles are split in parts there, so a "doc" is an article or a part of one);
//   xquad-ar, arcd-train  bench/data's retrieval sets, one page per paragraph (for quality).
//   Page: pages/<n>/index.html, <main data-pagefind-body> holding <h1>title</h1> and the
//   paragraphs; a <nav> and a <footer> around it (see bench/site/sites.mjs).
// Builds: `pagefind --site <site> --force-language ar` (node_modules/.bin/pagefind) and
//   `node dist/cli.js site <site>`; wall time, peak memory (GNU time), files and bytes written.
// Browser (bench/site/browser.mjs, server bench/site/server.mjs): first visit (fresh context, one
//   query), queries after the first in one page, typing one character at a time; bytes and
//   requests counted by the server, under /pagefind/ or /fahras/ only.
// Quality (bench/site/quality.mjs): MRR@10 / nDCG@10 / Recall@100 on the sets' sites.
// Output: a markdown table on stdout, everything in the JSON (--out). Progress on stderr.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readCorpus } from './lib/corpus.mjs'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from './lib/datasets.mjs'
import { dirStats, gzipSize, measure, memoryMethod } from './site/build.mjs'
import { coldVisit, launchBrowser, session, typeQuery } from './site/browser.mjs'
import { BENCH_HTML } from './site/page.mjs'
import { qualityRuns } from './site/quality.mjs'
import { perfQueries } from './site/queries.mjs'
import { markdownTable, summary } from './site/report.mjs'
import { startServer } from './site/server.mjs'
import { readSite, writeSite } from './site/sites.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..')
const TMP = join(repoRoot, '.tmp', 'bench-site')
const PAGEFIND_BIN = join(repoRoot, 'node_modules', '.bin', 'pagefind')
let CLI = join(repoRoot, 'dist', 'cli.js')
const TOOLS = ['fahras', 'pagefind']
const QUALITY_MODES = { fahras: ['question'], pagefind: ['question', 'words-sum', 'words-rrf'] }
const FOOTERS = {
  arwiki: 'النص من ويكيبيديا العربية، بترخيص المشاع الإبداعي CC BY-SA 4.0',
  'xquad-ar': 'XQuAD (DeepMind)، ترجمة عربية لفقرات من ويكيبيديا، CC BY-SA 4.0',
  'arcd-train': 'ARCD، فقرات من ويكيبيديا العربية، CC BY-SA',
}

function usage(code) {
  const text = `usage: node bench/site.mjs [--pages 10000] [--queries 60] [--skip-quality] [--skip-build]
                          [--out bench/results/site.json] [--seed 20250601] [--tools fahras,pagefind]
                          [--arwiki ../shared/data/arwiki-cwc] [--fahras-cli dist/cli.js] [--build-runs 1]
                          [--verbose]
  --build-runs N  build the big site N times (median wall time, largest peak memory); default 1
  --skip-build    reuse the sites and indexes under .tmp/bench-site (build only what is missing;
                  build figures come from the run that built them)`
  ;(code ? console.error : console.log)(text)
  process.exit(code)
}

function parseArgs(argv) {
  const opts = {
    pages: 10000,
    queries: 60,
    skipQuality: false,
    skipBuild: false,
    out: join(repoRoot, 'bench/results/site.json'),
    seed: 20250601,
    tools: TOOLS,
    arwiki: resolve(repoRoot, '../shared/data/arwiki-cwc'),
    fahrasCli: null,
    buildRuns: 1,
    verbose: false,
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
        console.error(`bench:site: missing value for ${arg}`)
        usage(2)
      }
      return v
    }
    const int = (name, min) => {
      const n = Number(next())
      if (!Number.isInteger(n) || n < min) {
        console.error(`bench:site: ${name} wants an integer ≥ ${min}`)
        usage(2)
      }
      return n
    }
    switch (arg) {
      case '--pages':
        opts.pages = int('--pages', 1)
        break
      case '--queries':
        opts.queries = int('--queries', 2)
        break
      case '--seed':
        opts.seed = int('--seed', 0)
        break
      case '--build-runs':
        opts.buildRuns = int('--build-runs', 1)
        break
      case '--skip-quality':
        opts.skipQuality = true
        break
      case '--skip-build':
        opts.skipBuild = true
        break
      case '--out':
        opts.out = resolve(next())
        break
      case '--arwiki':
        opts.arwiki = resolve(next())
        break
      case '--fahras-cli':
        opts.fahrasCli = resolve(next())
        break
      case '--tools': {
        opts.tools = next()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
        const bad = opts.tools.filter((t) => !TOOLS.includes(t))
        if (bad.length || !opts.tools.length) {
          console.error(`bench:site: unknown tool(s) ${bad.join(', ')} (known: ${TOOLS.join(', ')})`)
          usage(2)
        }
        break
      }
      case '--verbose':
        opts.verbose = true
        break
      case '-h':
      case '--help':
        usage(0)
        break
      default:
        console.error(`bench:site: unknown argument ${argv[i]}`)
        usage(2)
    }
  }
  return opts
}

const opts = parseArgs(process.argv.slice(2))
if (opts.fahrasCli) CLI = opts.fahrasCli
const log = (...a) => console.error('[bench:site]', ...a)
const rel = (p) => relative(repoRoot, p) || '.'

// ---- Preconditions -------------------------------------------------------------------------
const ARWIKI_DOCS = join(opts.arwiki, 'docs.jsonl.gz')
if (!existsSync(ARWIKI_DOCS)) {
  console.error(
    `bench:site needs the arwiki-cwc corpus (docs.jsonl.gz, see its README.txt) at ${ARWIKI_DOCS}: missing (give another folder with --arwiki DIR)`,
  )
  process.exit(1)
}

function commandOut(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', timeout: 60000 })
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), error: r.error }
}

/** Whether `fahras site` exists in dist/cli.js: `site --help` exits 0, or `--help` lists it. */
function fahrasSiteCheck() {
  if (!existsSync(CLI))
    return { available: false, note: `fahras site not built yet (${rel(CLI)} missing: npm run build)` }
  const sub = commandOut(process.execPath, [CLI, 'site', '--help'])
  if (sub.status === 0) return { available: true }
  const help = commandOut(process.execPath, [CLI, '--help'])
  if (help.status === 0 && /^\s+site\s/m.test(help.out)) return { available: true }
  return { available: false, note: `fahras site not built yet (${rel(CLI)} has no "site" command)` }
}

function pagefindCheck() {
  if (!existsSync(PAGEFIND_BIN))
    return { available: false, note: 'pagefind not installed (node_modules/.bin/pagefind missing: npm install)' }
  const v = commandOut(PAGEFIND_BIN, ['--version'])
  if (v.status !== 0)
    return { available: false, note: `pagefind --version failed: ${v.out.split('\n')[0] || v.error?.message}` }
  return { available: true, version: v.out.replace(/^pagefind\s+/i, '').trim() }
}

const results = {
  benchmark: 'site',
  date: new Date().toISOString(),
  commit: commandOut('git', ['rev-parse', 'HEAD']).out || null,
  dirty: (commandOut('git', ['status', '--porcelain']).out || '').length > 0,
  env: {
    loadAverageAtStart: loadavg(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryMethod: memoryMethod(),
  },
  config: {
    pages: opts.pages,
    queries: opts.queries,
    seed: opts.seed,
    skipQuality: opts.skipQuality,
    skipBuild: opts.skipBuild,
    buildRuns: opts.buildRuns,
    tools: opts.tools,
    fahrasCli: rel(CLI),
  },
  notes: [],
  sites: {},
  tools: {},
}

for (const tool of TOOLS) {
  if (!opts.tools.includes(tool)) {
    results.tools[tool] = { available: false, note: `${tool} not asked for (--tools)` }
    continue
  }
  const check = tool === 'fahras' ? fahrasSiteCheck() : pagefindCheck()
  results.tools[tool] = { ...check, errors: [] }
  if (!check.available) log(check.note)
}
if (results.tools.pagefind.available) results.env.pagefind = results.tools.pagefind.version
const active = () => TOOLS.filter((t) => results.tools[t].available && !results.tools[t].failed)
if (!active().length) {
  console.error('bench:site: neither fahras site nor Pagefind can run; nothing to measure')
  process.exit(1)
}

/** Records an error of one tool and takes it out of the rest of the run. */
function fail(tool, err) {
  const msg = String(err?.message ?? err)
  log(`${tool}: ${msg}`)
  results.tools[tool].errors.push(msg)
  results.tools[tool].failed = true
  results.tools[tool].note = `${tool} failed: ${msg.split('\n')[0]}`
}

/** fn(), once more after a failure (a flaky page load should not end a tool's run). */
async function twice(tool, fn) {
  try {
    return await fn()
  } catch (err) {
    const msg = String(err?.message ?? err)
    log(`${tool}: ${msg}; trying once more`)
    results.tools[tool].errors.push(`retried: ${msg}`)
    return await fn()
  }
}

// ---- Sites ------------------------------------------------------------------------------------
mkdirSync(TMP, { recursive: true })
const bigName = `arwiki-${opts.pages}`
const siteNames = [bigName, ...(opts.skipQuality ? [] : RETRIEVAL_SETS)]
const sets = {}
if (!opts.skipQuality) for (const name of RETRIEVAL_SETS) sets[name] = loadDataset(DEFAULT_DATA, name)

let bigDocs = null
async function ensureSite(name) {
  const root = join(TMP, name)
  const existing = readSite(root)
  if (opts.skipBuild && existing) {
    log(`${name}: reusing ${rel(existing.site)} (${existing.pages} pages)`)
    return { root, ...existing, reused: true }
  }
  let docs
  if (name === bigName) {
    log(`${name}: reading ${opts.pages} docs of ${rel(ARWIKI_DOCS)}`)
    docs = bigDocs = await readCorpus(ARWIKI_DOCS, opts.pages)
    if (docs.length < opts.pages) log(`${name}: the corpus has ${docs.length} docs only`)
  } else docs = sets[name].docs
  const t0 = Date.now()
  const w = await writeSite(root, docs, { footer: FOOTERS[name] ?? FOOTERS.arwiki, label: name })
  log(
    `${name}: wrote ${w.pages} pages, ${(w.htmlBytes / 1e6).toFixed(1)} MB of HTML in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  )
  return { root, ...readSite(root), reused: false }
}

const siteInfo = {}
for (const name of siteNames) {
  const s = await ensureSite(name)
  siteInfo[name] = s
  results.sites[name] = { dir: rel(s.site), pages: s.pages, htmlBytes: s.htmlBytes }
}

// ---- Builds -----------------------------------------------------------------------------------
const OUT_DIR = { fahras: 'fahras', pagefind: 'pagefind' }
const buildCommand = (tool, site) =>
  tool === 'pagefind'
    ? [PAGEFIND_BIN, ['--site', site, '--force-language', 'ar']]
    : [process.execPath, [CLI, 'site', site]]
const shown = (tool, site) => {
  const [cmd, args] = buildCommand(tool, site)
  return [cmd === process.execPath ? 'node' : rel(cmd), ...args.map((a) => (a.startsWith('/') ? rel(a) : a))].join(' ')
}

async function build(tool, name) {
  const { site, root } = siteInfo[name]
  const outDir = join(site, OUT_DIR[tool])
  const saved = join(root, `build-${tool}.json`)
  if (opts.skipBuild && existsSync(outDir) && existsSync(saved)) {
    const b = JSON.parse(readFileSync(saved, 'utf8'))
    log(`${tool} ${name}: reusing the index in ${rel(outDir)} (built ${b.date})`)
    return { ...b, reused: true }
  }
  rmSync(saved, { force: true })
  const [cmd, args] = buildCommand(tool, site)
  const runs = name === bigName ? opts.buildRuns : 1
  const all = []
  let st
  for (let run = 1; run <= runs; run++) {
    rmSync(outDir, { recursive: true, force: true })
    log(`${tool} ${name}: ${shown(tool, site)}${runs > 1 ? ` (run ${run}/${runs})` : ''}`)
    const r = await measure(cmd, args, {
      cwd: repoRoot,
      onStderr: opts.verbose ? (s) => process.stderr.write(s) : undefined,
    })
    if (!r.ok)
      throw new Error(
        `build of ${name} failed (${r.error}): ${(r.stderrTail || r.stdoutTail).trim().split('\n').slice(-5).join(' / ')}`,
      )
    st = dirStats(outDir)
    if (!st.files) throw new Error(`build of ${name} wrote nothing into ${rel(outDir)}`)
    all.push({ wallS: r.wallS, peakKB: r.peakKB })
    log(
      `${tool} ${name}: ${r.wallS.toFixed(1)} s, peak ${r.peakKB ? (r.peakKB / 1024).toFixed(0) : '?'} MB, ${st.files} files, ${(st.bytes / 1e6).toFixed(2)} MB`,
    )
  }
  // Several runs: the median wall time and the largest peak.
  const walls = all.map((x) => x.wallS).sort((a, b) => a - b)
  const peaks = all.map((x) => x.peakKB).filter((x) => x != null)
  const b = {
    date: new Date().toISOString(),
    command: shown(tool, site),
    wallS: walls[Math.floor((walls.length - 1) / 2)],
    peakKB: peaks.length ? Math.max(...peaks) : null,
    runs: all,
    files: st.files,
    bytes: st.bytes,
    outDir: rel(outDir),
  }
  writeFileSync(saved, JSON.stringify(b, null, 2))
  return b
}

// Both outputs are removed before either tool builds (unless reused), Pagefind first: neither
// tool then sees the other's output (neither writes HTML pages).
for (const name of siteNames) {
  if (!opts.skipBuild)
    for (const tool of TOOLS) rmSync(join(siteInfo[name].site, OUT_DIR[tool]), { recursive: true, force: true })
  for (const tool of ['pagefind', 'fahras']) {
    if (!active().includes(tool)) continue
    try {
      const b = await build(tool, name)
      results.tools[tool].builds ??= {}
      results.tools[tool].builds[name] = b
      if (name === bigName) results.tools[tool].build = b
      if (tool === 'fahras' && !existsSync(join(siteInfo[name].site, 'fahras', 'fahras.js')))
        throw new Error(`no fahras.js in ${rel(join(siteInfo[name].site, 'fahras'))}`)
    } catch (err) {
      fail(tool, err)
    }
  }
}

// ---- Runtime sizes ---------------------------------------------------------------------------
{
  const sum = (...xs) => (xs.some((x) => x == null) ? null : xs.reduce((s, x) => s + x, 0))
  const pf = join(siteInfo[bigName].site, 'pagefind')
  if (active().includes('pagefind')) {
    const js = gzipSize(join(pf, 'pagefind.js'))
    const wasm = gzipSize(join(pf, 'wasm.ar.pagefind')) ?? gzipSize(join(pf, 'wasm.unknown.pagefind'))
    const ui = gzipSize(join(pf, 'pagefind-ui.js'))
    const css = gzipSize(join(pf, 'pagefind-ui.css'))
    results.tools.pagefind.runtime = {
      'pagefind.js': js,
      'wasm.ar.pagefind (already gzipped by Pagefind; raw bytes)': wasm && { bytes: wasm.bytes },
      'pagefind-ui.js': ui,
      'pagefind-ui.css': css,
      searchGzipBytes: sum(js?.gzipBytes, wasm?.bytes),
      uiGzipBytes: sum(ui?.gzipBytes, css?.gzipBytes),
    }
  }
  if (results.tools.fahras.available || existsSync(join(repoRoot, 'dist/site/fahras.js'))) {
    const js = gzipSize(join(repoRoot, 'dist/site/fahras.js'))
    const ui = gzipSize(join(repoRoot, 'dist/site/fahras-ui.js'))
    results.tools.fahras.runtime = {
      'dist/site/fahras.js': js,
      'dist/site/fahras-ui.js': ui,
      searchGzipBytes: js?.gzipBytes ?? null,
      uiGzipBytes: ui?.gzipBytes ?? null,
    }
  }
}

// ---- Browser -----------------------------------------------------------------------------------
const virtual = { '/bench.html': { type: 'text/html; charset=utf-8', body: BENCH_HTML } }
let browser = null
try {
  if (active().length) {
    browser = await launchBrowser()
    results.env.chromium = browser.version()
    log(`Chromium ${browser.version()}`)
  }
} catch (err) {
  console.error(`bench:site: ${err.message}`)
  process.exit(1)
}

async function perf() {
  let pages = bigDocs
  if (!pages) {
    // --skip-build reused the site: titles from the corpus again (cheap).
    pages = await readCorpus(ARWIKI_DOCS, opts.pages)
  }
  const questions = []
  for (const name of RETRIEVAL_SETS) {
    const set = sets[name] ?? loadDataset(DEFAULT_DATA, name)
    questions.push(...set.queries.map((q) => q.text))
  }
  const queries = perfQueries(pages, questions, opts.queries, opts.seed)
  results.queries = queries
  log(
    `${queries.length} queries (${queries.filter((q) => q.kind !== 'question').length} title words, ${queries.filter((q) => q.kind === 'question').length} questions)`,
  )

  const server = await startServer(siteInfo[bigName].site, { virtual })
  try {
    const raw = {}
    for (const tool of active()) raw[tool] = { cold: [], session: [], typing: [] }
    // Warm-up (not measured): the server's gzip cache, the OS file cache, Chromium's processes.
    for (const tool of active()) {
      try {
        await twice(tool, () => coldVisit(browser, server, tool, queries[0].text))
      } catch (err) {
        fail(tool, err)
      }
    }
    // (a) First visits, the tools alternating query by query.
    for (let i = 0; i < queries.length; i++) {
      const order = i % 2 ? [...active()].reverse() : active()
      for (const tool of order) {
        try {
          raw[tool].cold.push({
            kind: queries[i].kind,
            ...(await twice(tool, () => coldVisit(browser, server, tool, queries[i].text))),
          })
        } catch (err) {
          fail(tool, err)
        }
      }
      if ((i + 1) % 10 === 0 || i + 1 === queries.length) log(`first visits: ${i + 1}/${queries.length}`)
    }
    // (b) All the queries in one page, one tool after the other.
    for (const tool of active()) {
      try {
        raw[tool].session = await twice(tool, () =>
          session(
            browser,
            server,
            tool,
            queries.map((q) => q.text),
          ),
        )
        log(`${tool}: ${queries.length} queries in one page`)
      } catch (err) {
        fail(tool, err)
      }
    }
    // (c) Typing each query on a fresh visit, the tools alternating.
    for (let i = 0; i < queries.length; i++) {
      const order = i % 2 ? [...active()].reverse() : active()
      for (const tool of order) {
        try {
          raw[tool].typing.push(await twice(tool, () => typeQuery(browser, server, tool, queries[i].text)))
        } catch (err) {
          fail(tool, err)
        }
      }
      if ((i + 1) % 10 === 0 || i + 1 === queries.length) log(`typing: ${i + 1}/${queries.length}`)
    }
    const byKind = (rows, get) =>
      Object.fromEntries(
        ['title-1', 'title-2', 'question'].map((k) => [k, summary(rows.filter((r) => r.kind === k).flatMap(get))]),
      )
    const kindOf = new Map(queries.map((q) => [q.text, q.kind]))
    for (const tool of active()) {
      const { cold, session: ses, typing } = raw[tool]
      for (const r of [...ses, ...typing]) r.kind = kindOf.get(r.q)
      const after = ses.slice(1)
      const keystrokes = typing.flatMap((t) => t.times.slice(1))
      results.tools[tool].firstVisit = {
        bytes: summary(cold.map((c) => c.bytes)),
        requests: summary(cold.map((c) => c.requests)),
        ms: summary(cold.map((c) => c.ms)),
        noResult: cold.filter((c) => !c.total).length,
        msByKind: byKind(cold, (c) => [c.ms]),
        bytesByKind: byKind(cold, (c) => [c.bytes]),
        samples: cold,
      }
      results.tools[tool].perQuery = {
        bytes: summary(after.map((c) => c.bytes)),
        requests: summary(after.map((c) => c.requests)),
        ms: summary(after.map((c) => c.ms)),
        msByKind: byKind(after, (c) => [c.ms]),
        bytesByKind: byKind(after, (c) => [c.bytes]),
        firstQuery: ses[0] ?? null,
        samples: ses,
      }
      results.tools[tool].typing = {
        keystrokeMs: summary(keystrokes),
        keystrokeMsByKind: byKind(typing, (t) => t.times.slice(1)),
        // Keystrokes whose search found nothing (cheap for a tool that stops loading then).
        emptyKeystrokePct: keystrokes.length
          ? (100 * typing.reduce((n, t) => n + t.totals.slice(1).filter((x) => !x).length, 0)) / keystrokes.length
          : null,
        keystrokeMsWithResults: summary(typing.flatMap((t) => t.times.slice(1).filter((_, i) => t.totals[i + 1] > 0))),
        firstKeystrokeMs: summary(typing.map((t) => t.times[0])),
        bytes: summary(typing.map((t) => t.bytes)),
        requests: summary(typing.map((t) => t.requests)),
        samples: typing,
      }
    }
  } finally {
    await server.close()
  }
}

async function quality() {
  for (const name of RETRIEVAL_SETS) {
    const server = await startServer(siteInfo[name].site, { virtual })
    try {
      for (const tool of active()) {
        try {
          const t0 = Date.now()
          const q = await qualityRuns(
            browser,
            server,
            tool,
            sets[name],
            siteInfo[name].ids,
            QUALITY_MODES[tool],
            opts.verbose ? log : () => {},
          )
          results.tools[tool].quality ??= {}
          results.tools[tool].quality[name] = q
          log(
            `${tool} ${name}: ${Object.entries(q)
              .map(
                ([m, r]) =>
                  `${m} MRR@10 ${r.mrr10.toFixed(3)} nDCG@10 ${r.ndcg10.toFixed(3)} R@100 ${r.recall100.toFixed(3)} (${r.emptyResults} empty)`,
              )
              .join('; ')} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
          )
        } catch (err) {
          fail(tool, err)
        }
      }
    } finally {
      await server.close()
    }
  }
}

try {
  if (active().length) await perf()
  if (!opts.skipQuality && active().length) await quality()
} finally {
  await browser?.close().catch(() => {})
}

// ---- Report --------------------------------------------------------------------------------------
results.notes.push(
  'Both tools index the same pages: <main data-pagefind-body> (fahras reads <main> by itself; Pagefind indexes the data-pagefind-body element when a page has one, else <body>).',
  `Pagefind: ${shown('pagefind', '<site>')} (${results.env.pagefind ?? '?'}; the npm wrapper runs the pagefind_extended binary); Arabic stemming from --force-language ar and <html lang="ar">.`,
  `fahras: ${shown('fahras', '<site>')}.`,
  "Server: node:http on 127.0.0.1, gzip (level 6, cached) for html/js/css/json/svg/txt, other files as they are (Pagefind's files are gzipped by Pagefind); Cache-Control public, max-age=600 + ETag. Bytes = response bodies as sent (after compression, headers not counted), requests under /pagefind/ or /fahras/ only; no network throttling (loopback).",
  'First visit: a fresh browser context (empty cache) loads the bench page, which imports the tool and runs one query; time = performance.now() when the top 10 with excerpts are there (from navigation start). Pagefind: search() then data() of the top 10; fahras: search(q, { limit: 10 }).',
  'Per query after the first: all the queries one after the other in one page; the first one is left out.',
  'Per keystroke: each query typed one character at a time on a fresh visit, a search (top 10 with excerpts) on each keystroke, each waiting for the previous one (no overlap to cancel); a space does not search; the first keystroke (which loads the tool) is left out.',
  'Quality: "question" = the whole question, one search (top 100); Pagefind "words-sum" = each word searched alone, all its results, merged by the sum of Pagefind\'s scores; "words-rrf" = the same merged by reciprocal-rank fusion (1 / (60 + rank)). Metrics from bench/lib/metrics.mjs.',
  `Peak memory: ${memoryMethod()}.`,
)
const modes = [...new Set(TOOLS.flatMap((t) => (results.tools[t].quality ? QUALITY_MODES[t] : [])))]
results.table = markdownTable(
  results,
  `${bigName}, ${results.sites[bigName].pages} pages`,
  opts.skipQuality ? [] : RETRIEVAL_SETS,
  modes.length ? modes : ['question'],
)

results.env.loadAverageAtEnd = loadavg()
mkdirSync(dirname(opts.out), { recursive: true })
writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`)

const lines = [
  `## fahras site vs Pagefind ${results.env.pagefind ?? ''} (${bigName}: ${results.sites[bigName].pages} pages, ${(results.sites[bigName].htmlBytes / 1e6).toFixed(1)} MB of HTML; ${opts.queries} queries)`,
  '',
  `${results.date.slice(0, 16).replace('T', ' ')} UTC, commit ${String(results.commit ?? '?').slice(0, 10)}${results.dirty ? ' (with uncommitted changes)' : ''}, Node ${process.version}, Chromium ${results.env.chromium ?? '?'}, ${results.env.cpus} CPUs (load average ${results.env.loadAverageAtStart.map((x) => x.toFixed(1)).join(' ')} at the start, ${results.env.loadAverageAtEnd.map((x) => x.toFixed(1)).join(' ')} at the end).`,
  '',
]
const skipped = TOOLS.filter((t) => (!results.tools[t].available || results.tools[t].failed) && results.tools[t].note)
if (skipped.length) lines.push(...skipped.map((t) => `- ${results.tools[t].note}`), '')
lines.push(results.table, '', ...results.notes.map((n) => `- ${n}`), '', `JSON: ${rel(opts.out)}`)
console.log(lines.join('\n'))

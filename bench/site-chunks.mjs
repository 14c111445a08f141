// How the size of a term chunk (`fahras site --chunk-size`) trades bytes per query against the
// size of the entry: builds the 10,000-page site of bench:site with each size and counts, in Node
// (openSite over file: URLs, a counting fetch), the bytes and requests of 60 queries on a first
// visit (runtime + entry + chunks + fragments) and of the next query in the same session, and
// the time of a search as you type (every prefix of 30 questions, in one session).
// Usage: npm run build && node bench/site.mjs --skip-quality (once, to write the site), then
//   node bench/site-chunks.mjs [--sizes 6000,12000,24000] [--site .tmp/bench-site/arwiki-10000/site]
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : fallback
}
const site = resolve(option('site', '.tmp/bench-site/arwiki-10000/site'))
const sizes = option('sizes', '6000,12000,24000').split(',').map(Number)
if (!existsSync(join(site, 'pages'))) {
  console.error(
    `bench/site-chunks.mjs needs the generated site of bench:site at ${site}: run node bench/site.mjs --skip-quality first`,
  )
  process.exit(1)
}
if (!existsSync('dist/cli.js')) {
  console.error('bench/site-chunks.mjs needs dist/: run npm run build first')
  process.exit(1)
}

// the same queries for every size: 30 questions of the shared sets and 30 page titles
const queries = []
for (const set of ['xquad-ar', 'arcd-train']) {
  queries.push(
    ...readFileSync(`bench/data/${set}/queries.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .slice(0, 15)
      .map((l) => JSON.parse(l).text),
  )
}
for (let i = 0; i < 30; i++) {
  const html = readFileSync(join(site, 'pages', String(i * 331), 'index.html'), 'utf8')
  queries.push(
    /<title>([^<]*)<\/title>/
      .exec(html)[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  )
}

const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]
const rows = []
for (const size of sizes) {
  const output = resolve(`.tmp/bench-site/chunks-${size}`)
  rmSync(output, { recursive: true, force: true })
  const started = Date.now()
  const run = spawnSync(
    process.execPath,
    ['dist/cli.js', 'site', site, '--output', output, '--chunk-size', String(size), '--quiet'],
    { encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(run.stderr)
  const seconds = (Date.now() - started) / 1000
  const { openSite } = await import(pathToFileURL(join(output, 'fahras.js')).href)
  const runtime = gzipSync(readFileSync(join(output, 'fahras.js')), { level: 9 }).length
  const entry = statSync(join(output, 'entry.fahras')).size
  const first = []
  const firstRequests = []
  const next = []
  const nextRequests = []
  for (let i = 0; i < queries.length; i++) {
    let bytes = 0
    let requests = 0
    const counting = async (url) => {
      const body = readFileSync(new URL(url))
      bytes += body.length
      requests++
      return new Response(body)
    }
    const opened = await openSite({ baseUrl: pathToFileURL(`${output}/`), fetch: counting })
    await opened.search(queries[i])
    first.push(bytes + runtime)
    firstRequests.push(requests + 1)
    bytes = 0
    requests = 0
    await opened.search(queries[(i + 7) % queries.length])
    next.push(bytes)
    nextRequests.push(requests)
  }
  // search as you type in Node (the CPU and file reads, no network): every prefix of the 30 questions, one session
  const typing = await openSite({ baseUrl: pathToFileURL(`${output}/`) })
  const keystrokes = []
  for (const q of queries.slice(0, 30)) {
    for (let n = 2; n <= q.length; n++) {
      if (q[n - 1] === ' ') continue
      const t = performance.now()
      await typing.search(q.slice(0, n))
      keystrokes.push(performance.now() - t)
    }
  }
  const chunks = spawnSync('sh', ['-c', `ls ${join(output, 't')} | wc -l`], { encoding: 'utf8' }).stdout.trim()
  rows.push({
    size,
    chunks: Number(chunks),
    entry,
    seconds,
    first: [quantile(first, 0.5), quantile(first, 0.95)],
    firstRequests: quantile(firstRequests, 0.5),
    next: [quantile(next, 0.5), quantile(next, 0.95)],
    nextRequests: quantile(nextRequests, 0.5),
    keystroke: [quantile(keystrokes, 0.5), quantile(keystrokes, 0.95)],
  })
  rmSync(output, { recursive: true, force: true })
}
const kB = (n) => `${(n / 1000).toFixed(1)} kB`
console.log(
  '| --chunk-size | term chunks | entry | first visit, median / p95 | requests | next query, median / p95 | requests | keystroke in Node, median / p95 | build |',
)
console.log('|---|---|---|---|---|---|---|---|---|')
for (const r of rows) {
  console.log(
    `| ${r.size} | ${r.chunks} | ${kB(r.entry)} | ${kB(r.first[0])} / ${kB(r.first[1])} | ${r.firstRequests} | ${kB(r.next[0])} / ${kB(r.next[1])} | ${r.nextRequests} | ${r.keystroke[0].toFixed(1)} / ${r.keystroke[1].toFixed(1)} ms | ${r.seconds.toFixed(1)} s |`,
  )
}

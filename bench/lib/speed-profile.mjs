// Profiling aid for the speed benchmark: builds one index (fahras or MiniSearch, the benchmark's
// settings) over the first N documents, or runs the benchmark's queries against it, under
// `node --cpu-prof`, then prints the top self-time functions of the profile it wrote.
//
//   node bench/lib/speed-profile.mjs build fahras 2000
//   node bench/lib/speed-profile.mjs build minisearch 2000
//   node bench/lib/speed-profile.mjs query fahras 2000
//   node bench/lib/speed-profile.mjs summary FILE.cpuprofile
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const [mode, system = 'fahras', countArg = '2000'] = process.argv.slice(2)

/** Top self-time functions of a .cpuprofile: [{ name, where, ms, share }]. */
export function summarize(file, top = 15) {
  const prof = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(prof.nodes.map((n) => [n.id, n]))
  const dt = new Map()
  for (let i = 0; i < prof.samples.length; i++)
    dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0))
  const self = new Map()
  let total = 0
  for (const [id, us] of dt) {
    const n = byId.get(id)
    const cf = n.callFrame
    const where = cf.url
      ? `${cf.url.startsWith('file:') ? relative(ROOT, fileURLToPath(cf.url)) : cf.url}:${cf.lineNumber + 1}`
      : ''
    const key = `${cf.functionName || '(anonymous)'}\t${where}`
    self.set(key, (self.get(key) ?? 0) + us)
    total += us
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const [name, where] = key.split('\t')
      return { name, where, ms: us / 1000, share: us / total }
    })
}

if (mode === 'summary') {
  for (const r of summarize(system))
    console.log(`${(r.share * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}  ${r.where}`)
} else if (mode === 'child') {
  const { readCorpus } = await import('./corpus.mjs')
  const docs = await readCorpus(undefined, Number(countArg))
  const what = process.argv[5]
  let index
  if (system === 'fahras') {
    const { ArabicSearch } = await import('../../dist/index.js')
    index = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
  } else {
    const { default: MiniSearch } = await import('minisearch')
    index = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title'] })
  }
  const t = Date.now()
  index.addAll(docs)
  console.error(`built ${docs.length} documents in ${Date.now() - t} ms`)
  if (what === 'query') {
    const { buildQueries } = await import('./speed-queries.mjs')
    const queries = buildQueries(docs, 1000)
    const q0 = Date.now()
    for (const q of queries) index.search(q.text, system === 'fahras' ? { limit: 10 } : undefined)
    console.error(`ran ${queries.length} queries in ${Date.now() - q0} ms`)
  }
} else if (mode === 'build' || mode === 'query') {
  const dir = mkdtempSync(join(tmpdir(), 'fahras-prof-'))
  const res = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), 'child', system, countArg, mode],
    { stdio: 'inherit' },
  )
  if (res.status !== 0) process.exit(res.status ?? 1)
  const file = join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.cpuprofile')),
  )
  console.log(`profile: ${file}`)
  for (const r of summarize(file))
    console.log(`${(r.share * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}  ${r.where}`)
} else {
  console.error('usage: node bench/lib/speed-profile.mjs build|query fahras|minisearch [N] | summary FILE.cpuprofile')
  process.exit(2)
}

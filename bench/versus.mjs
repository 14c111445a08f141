#!/usr/bin/env node
// The analysis of this build against another build of fahras, side by side in one process: each
// operation runs on both builds in turn (the order swapped every round), and the median CPU time
// of each is reported with the ratio this/other. CPU time, not wall time: on a shared machine a
// build that is descheduled is not charged for it. Both builds must give the same results, which
// is checked first.
//
//   npm run build && node bench/versus.mjs --other ../old/dist/index.js [--corpus FILE] [--limit 3000] [--rounds 7]
//
// The other build: e.g. `git worktree add ../old <rev> && (cd ../old && npm ci && npm run build)`.
// Operations: analyze() of each article; normalizeText() of each article; lightStem() of each
// distinct word (no cache: the stemmer's own cost); an ArabicSearch index of half the articles.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_CORPUS, parseFlags, readCorpus } from './lib/corpus.mjs'

const flags = parseFlags(process.argv.slice(2))
if (typeof flags.other !== 'string' || !existsSync(flags.other)) {
  console.error('bench/versus.mjs: needs --other PATH, the dist/index.js of the build to compare with')
  process.exit(2)
}
const otherEntry = resolve(flags.other)
const other = { index: await import(otherEntry), stem: await import(otherEntry.replace(/index\.js$/, 'stem.js')) }
const self = { index: await import('../dist/index.js'), stem: await import('../dist/stem.js') }
const limit = Number(flags.limit ?? 3000)
const rounds = Number(flags.rounds ?? 7)
const docs = await readCorpus(flags.corpus ?? DEFAULT_CORPUS, limit)
const texts = docs.map((d) => `${d.title ?? ''}\n${d.text ?? ''}`)
const words = [...new Set(texts.flatMap((t) => self.index.normalizeText(t).split(/\s+/)))].filter(Boolean)
const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6

/** Each operation returns a value that both builds must agree on. */
const OPERATIONS = {
  analyze: (m) => texts.reduce((n, t) => n + m.index.analyze(t).length, 0),
  normalizeText: (m) => texts.reduce((n, t) => n + m.index.normalizeText(t).length, 0),
  lightStem: (m) => words.reduce((n, w) => n + m.stem.lightStem(w).length, 0),
  index: (m) => {
    const search = new m.index.ArabicSearch({ fields: ['title', 'text'] })
    search.addAll(docs.slice(0, Math.ceil(docs.length / 2)).map((d, i) => ({ id: i, title: d.title, text: d.text })))
    return search.documentCount
  },
}

const cpuMs = (fn) => {
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]

console.log(
  `${docs.length} articles (${megabytes.toFixed(1)} MB), ${words.length} distinct words; this build vs ${otherEntry}`,
)
for (const [name, operation] of Object.entries(OPERATIONS)) {
  const mine = operation(self)
  const theirs = operation(other)
  if (mine !== theirs) console.log(`${name}: the builds disagree (${mine} vs ${theirs})`)
  const times = { self: [], other: [] }
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ['self', 'other'] : ['other', 'self']
    for (const who of order) times[who].push(cpuMs(() => operation(who === 'self' ? self : other)))
  }
  const a = median(times.self)
  const b = median(times.other)
  console.log(
    `${name.padEnd(14)} this ${a.toFixed(0).padStart(6)} ms  other ${b.toFixed(0).padStart(6)} ms  ratio ${(a / b).toFixed(3)}`,
  )
}

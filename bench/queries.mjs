// Query-time bound for hostile and oversized queries (issue: hard inputs). Builds an index of
// the bundled corpus (or --corpus FILE, --limit N) and times each hostile query; prints the
// worst time, which docs/reliability.md quotes as the bound. Uses the built package.
// Usage: npm run build && node bench/queries.mjs [--corpus corpus/articles.jsonl] [--repeat 5]
import { mkdirSync, writeFileSync } from 'node:fs'
import { ArabicSearch } from '../dist/index.js'
import { parseFlags, readCorpus } from './lib/corpus.mjs'

const flags = parseFlags(process.argv.slice(2))
const file = flags.corpus ?? new URL('../corpus/articles.jsonl', import.meta.url).pathname
const docs = await readCorpus(file, flags.limit ? Number(flags.limit) : Infinity)
const repeat = Number(flags.repeat ?? 5)
const index = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
index.addAll(docs)

const words = [...new Set(docs.flatMap((d) => `${d.title} ${d.text}`.split(/\s+/)).filter((w) => /^[\u0621-\u064a]{3,}$/.test(w)))]
const pick = (n) => Array.from({ length: n }, (_, i) => words[(i * 7919) % words.length]).join(' ')
const queries = {
  '100 kB of words (thousands)': pick(20_000).slice(0, 100_000),
  'one 100 kB word': 'ب'.repeat(100_000),
  '100 kB of one word repeated': 'بغداد '.repeat(17_000),
  'regex metacharacters': '(a+)+$ [^x]* .* \\d+ {1,99} (?=x) | ^ $ \\\\ ('.repeat(200),
  'only diacritics (100 kB)': 'ًٌٍَُِّْ'.repeat(12_500),
  'only stop words (100 kB)': 'في من إلى على عن التي الذي '.repeat(4_000),
  'unbalanced quotes': '"الكتاب "بغداد "'.repeat(2_000),
  'lone * and -': '* - * - '.repeat(10_000),
  'many short prefixes': Array.from({ length: 2_000 }, (_, i) => `${words[i % words.length].slice(0, 2)}*`).join(' '),
  'many phrases': Array.from({ length: 500 }, (_, i) => `"${words[i % words.length]} ${words[(i + 1) % words.length]}"`).join(' '),
  'many exclusions': Array.from({ length: 2_000 }, (_, i) => `-${words[i % words.length]}`).join(' ') + ' بغداد',
  'fuzzy 2 on 50 words': { q: pick(50), options: { fuzzy: 2 } },
  'fuzzy 0.5 on 50 words': { q: pick(50), options: { fuzzy: 0.5 } },
  'prefix on every word': { q: pick(300), options: { prefix: true } },
}
const rows = []
for (const [name, spec] of Object.entries(queries)) {
  const q = typeof spec === 'string' ? spec : spec.q
  const options = typeof spec === 'string' ? {} : spec.options
  const times = []
  let results = 0
  for (let r = 0; r < repeat; r++) {
    const start = process.hrtime.bigint()
    results = index.search(q, { limit: 10, ...options }).length
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  rows.push({ name, length: q.length, results, medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1] })
}
console.log(`index: ${docs.length} documents from ${file}; node ${process.version}; ${repeat} runs each\n`)
console.log('| query | length | results | median ms | max ms |\n|---|---|---|---|---|')
for (const r of rows) console.log(`| ${r.name} | ${r.length} | ${r.results} | ${r.medianMs.toFixed(1)} | ${r.maxMs.toFixed(1)} |`)
const worst = Math.max(...rows.map((r) => r.maxMs))
console.log(`\nworst: ${worst.toFixed(1)} ms`)
mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
writeFileSync(new URL('./results/queries.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus: file, documents: docs.length, rows, worstMs: worst }, null, 2))

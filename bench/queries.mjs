// Time bound for hostile inputs (docs/reliability.md quotes it): builds an index of the bundled
// corpus (427 articles) and of the corpus eight times over (3,416), then times each hostile
// family: oversized queries, the normalizer's context rules, phrases, snippets, suggestions and
// many fields; prints the worst case of each family at both sizes. Uses the built package.
// Usage: npm run build && node bench/queries.mjs [--corpus corpus/articles.jsonl] [--repeat 3] [--scales 1,8]
import { mkdirSync, writeFileSync } from 'node:fs'
import { ArabicSearch, normalizeText } from '../dist/index.js'
import { parseFlags, readCorpus } from './lib/corpus.mjs'

const flags = parseFlags(process.argv.slice(2))
const file = flags.corpus ?? new URL('../corpus/articles.jsonl', import.meta.url).pathname
const base = await readCorpus(file, flags.limit ? Number(flags.limit) : Infinity)
const repeat = Number(flags.repeat ?? 3)
const scales = String(flags.scales ?? '1,8')
  .split(',')
  .map(Number)

const words = [
  ...new Set(base.flatMap((d) => `${d.title} ${d.text}`.split(/\s+/)).filter((w) => /^[\u0621-\u064a]{3,}$/.test(w))),
]
const pick = (n) => Array.from({ length: n }, (_, i) => words[(i * 7919) % words.length]).join(' ')
const corpusText = base.map((d) => d.text).join('\n')
const dagger = (n) => 'بٰ'.repeat(n / 2)

/** The hostile families: name → cases; a case is a function of the index, timed as a whole. */
const families = {
  'oversized queries': {
    '100 kB of words (thousands)': (ix) => ix.search(pick(20_000).slice(0, 100_000)),
    'one 100 kB word': (ix) => ix.search('ب'.repeat(100_000)),
    '100 kB of one word repeated': (ix) => ix.search('بغداد '.repeat(17_000)),
    'regex metacharacters': (ix) => ix.search('(a+)+$ [^x]* .* \\d+ {1,99} (?=x) | ^ $ \\\\ ('.repeat(200)),
    'only diacritics (100 kB)': (ix) => ix.search('ًٌٍَُِّْ'.repeat(12_500)),
    'only stop words (100 kB)': (ix) => ix.search('في من إلى على عن التي الذي '.repeat(4_000)),
    'unbalanced quotes': (ix) => ix.search('"الكتاب "بغداد "'.repeat(2_000)),
    'lone * and -': (ix) => ix.search('* - * - '.repeat(10_000)),
    'many short prefixes': (ix) =>
      ix.search(Array.from({ length: 2_000 }, (_, i) => `${words[i % words.length].slice(0, 2)}*`).join(' ')),
    'many exclusions': (ix) =>
      ix.search(`${Array.from({ length: 2_000 }, (_, i) => `-${words[i % words.length]}`).join(' ')} بغداد`),
    'fuzzy 2 on 50 words': (ix) => ix.search(pick(50), { fuzzy: 2 }),
    'fuzzy 0.5 on 50 words': (ix) => ix.search(pick(50), { fuzzy: 0.5 }),
    'prefix on every word': (ix) => ix.search(pick(300), { prefix: true }),
  },
  'normalizer context rules': {
    'normalizeText: 32k dagger alefs': () => normalizeText(dagger(32_000)),
    'normalizeText: 32k hamza-on-tatweel with harakat': () => normalizeText('ـَٔ'.repeat(32_000 / 3)),
    'search: a 16 kB dagger-alef query': (ix) => ix.search(dagger(16_000)),
    'suggest: a 16 kB dagger-alef query': (ix) => ix.suggest(dagger(16_000)),
  },
  phrases: {
    'two common words as a phrase': (ix) => ix.search('"في العراق"'),
    '128 copies of one phrase': (ix) => ix.search('"الولايات المتحدة" '.repeat(128)),
    '500 different phrases': (ix) =>
      ix.search(
        Array.from({ length: 500 }, (_, i) => `"${words[i % words.length]} ${words[(i + 1) % words.length]}"`).join(
          ' ',
        ),
      ),
  },
  snippets: {
    '200 kB document, { length: 2000, count: 5 }': (ix) =>
      ix.search('العراق بغداد', { filter: (r) => r.id === 'long-200k', snippets: { length: 2000, count: 5 } }),
    '1 MB document, { length: 10000, count: 20 } (the maximum)': (ix) =>
      ix.search('العراق بغداد', { filter: (r) => r.id === 'long-1m', snippets: { length: 10_000, count: 20 } }),
  },
  suggestions: {
    'one letter': (ix) => ix.suggest('ا'),
    'a 2,000-word head': (ix) => ix.suggest(`${pick(2_000)} الع`),
    'the largest limit': (ix) => ix.suggest('ال', { limit: 100 }),
  },
}

/** Times `fn` `repeat` times; returns [median, max] in ms, and the last result's size. */
function time(fn) {
  const times = []
  let size = 0
  for (let r = 0; r < repeat; r++) {
    const start = process.hrtime.bigint()
    let out
    try {
      out = fn()
    } catch (error) {
      out = { error: error.code ?? error.message }
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    size = Array.isArray(out) ? out.length : typeof out === 'string' ? out.length : (out?.error ?? 0)
  }
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1], size }
}

const rows = []
for (const scale of scales) {
  const docs = []
  for (let k = 0; k < scale; k++) for (const d of base) docs.push({ ...d, id: k === 0 ? d.id : `${d.id}~${k}` })
  const index = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
  index.addAll(docs)
  // the snippet family: the same documents and two long ones (kept out of the other families,
  // where they would be snippeted by every query that finds them)
  const withLong = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
  withLong.addAll([
    ...docs,
    { id: 'long-200k', title: 'نص طويل', text: corpusText.slice(0, 200_000) },
    {
      id: 'long-1m',
      title: 'نص أطول',
      text: corpusText.repeat(Math.ceil(1e6 / corpusText.length)).slice(0, 1_000_000),
    },
  ])
  // many fields: 4,000 indexed fields, a few documents
  const fields = Array.from({ length: 4_000 }, (_, i) => `f${i}`)
  const wide = new ArabicSearch({ fields })
  wide.addAll(
    Array.from({ length: 5 }, (_, d) =>
      Object.fromEntries([['id', d], ...fields.map((f, i) => [f, words[(d * 31 + i) % words.length]])]),
    ),
  )
  families['many fields'] = { 'a query over 4,000 fields': () => wide.search(pick(5)) }
  for (const [family, cases] of Object.entries(families)) {
    for (const [name, fn] of Object.entries(cases)) {
      rows.push({ documents: docs.length, family, name, ...time(() => fn(family === 'snippets' ? withLong : index)) })
    }
  }
}

console.log(
  `corpus: ${base.length} documents from ${file}, ×${scales.join(', ×')} (+2 long documents for the snippet family); node ${process.version}; ${repeat} runs each\n`,
)
console.log('| documents | family | case | result | median ms | max ms |\n|---|---|---|---|---|---|')
for (const r of rows)
  console.log(
    `| ${r.documents} | ${r.family} | ${r.name} | ${r.size} | ${r.medianMs.toFixed(1)} | ${r.maxMs.toFixed(1)} |`,
  )
const worst = {}
for (const r of rows) {
  const key = `${r.family} @ ${r.documents}`
  if (!worst[key] || worst[key].maxMs < r.maxMs) worst[key] = { case: r.name, maxMs: Math.round(r.maxMs * 10) / 10 }
}
console.log('\nworst case of each family:')
for (const [key, w] of Object.entries(worst)) console.log(`  ${key}: ${w.maxMs} ms (${w.case})`)
mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
writeFileSync(
  new URL('./results/queries.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus: file, scales, repeat, rows, worst }, null, 2)}\n`,
)

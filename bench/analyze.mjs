// Throughput of the analysis chain over an Arabic corpus, and the tokenizer measured against
// Intl.Segmenter. Uses the built package (npm run build first).
// Usage: node bench/analyze.mjs [--corpus FILE.jsonl[.gz]] [--limit N] [--out bench/results/analyze.json]
import { writeFileSync, mkdirSync } from 'node:fs'
import { analyze, normalizeText, tokenize } from '../dist/index.js'
import { DEFAULT_CORPUS, parseFlags, readCorpus } from './lib/corpus.mjs'

const flags = parseFlags(process.argv.slice(2))
const file = flags.corpus ?? DEFAULT_CORPUS
const limit = flags.limit ? Number(flags.limit) : Infinity
const docs = await readCorpus(file, limit)
const texts = docs.map((d) => `${d.title ?? ''}\n${d.text ?? ''}`)
const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6

const time = (fn) => {
  const start = process.hrtime.bigint()
  const result = fn()
  return [Number(process.hrtime.bigint() - start) / 1e9, result]
}
const rounds = (label, fn, n = 3) => {
  const secs = []
  let result
  for (let r = 0; r < n; r++) {
    const [s, out] = time(fn)
    secs.push(s)
    result = out
  }
  secs.sort((a, b) => a - b)
  const best = secs[0]
  return { label, seconds: best, mbPerSecond: megabytes / best, result }
}

const n = Math.min(texts.length, 2000)
const sample = texts.slice(0, n)
const sampleMB = sample.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0) / 1e6

const rows = []
rows.push(
  rounds(
    'analyze() (normalize → tokenize → stop words → stem, offsets)',
    () => {
      let terms = 0
      for (const t of texts) terms += analyze(t).length
      return terms
    },
    2,
  ),
)
const { createAnalyzer } = await import('../dist/index.js')
rows.push(
  rounds(
    'indexing path (terms only, no offsets)',
    () => {
      const analyzer = createAnalyzer()
      let terms = 0
      for (const t of texts) terms += analyzer.terms(t).length
      return terms
    },
    2,
  ),
)
// analyze(text, options) builds its analyzer on every call; createAnalyzer(options) once.
const withOptions = { keep: ['مدرسة'] }
rows.push(
  rounds(
    'analyze(text, options), one analyzer per call',
    () => {
      let terms = 0
      for (const t of texts) terms += analyze(t, withOptions).length
      return terms
    },
    2,
  ),
)
rows.push(
  rounds(
    'createAnalyzer(options).analyze(text)',
    () => {
      const analyzer = createAnalyzer(withOptions)
      let terms = 0
      for (const t of texts) terms += analyzer.analyze(t).length
      return terms
    },
    2,
  ),
)
rows.push(
  rounds(
    'normalizeText() only',
    () => {
      let chars = 0
      for (const t of texts) chars += normalizeText(t).length
      return chars
    },
    2,
  ),
)

// Tokenizer choice: the hand-written scanner against Intl.Segmenter (word granularity) on a sample.
const segmenter = new Intl.Segmenter('ar', { granularity: 'word' })
const tokenRows = [
  rounds('tokenize() scanner', () => {
    let count = 0
    for (const t of sample) count += tokenize(t).length
    return count
  }),
  rounds('Intl.Segmenter("ar", word)', () => {
    let count = 0
    for (const t of sample) for (const seg of segmenter.segment(t)) if (seg.isWordLike) count++
    return count
  }),
]
for (const r of tokenRows) r.mbPerSecond = sampleMB / r.seconds

const seg = [...segmenter.segment('كتـــاب می\u200cخواهم الْكِتَابُ بـ2500')]
  .filter((s) => s.isWordLike)
  .map((s) => s.segment)
const scan = tokenize('كتـــاب می\u200cخواهم الْكِتَابُ بـ2500').map((t) => t.text)

console.log(`corpus: ${file} (${texts.length} documents, ${megabytes.toFixed(1)} MB of UTF-8 text)`)
console.log(`node ${process.version}, ${process.platform} ${process.arch}`)
console.log('\n| stage | seconds | MB/s | output |\n|---|---|---|---|')
for (const r of rows)
  console.log(`| ${r.label} | ${r.seconds.toFixed(2)} | ${r.mbPerSecond.toFixed(1)} | ${r.result} |`)
console.log(
  `\nTokenizer on ${n} documents (${sampleMB.toFixed(1)} MB):\n| tokenizer | seconds | MB/s | tokens |\n|---|---|---|---|`,
)
for (const r of tokenRows)
  console.log(`| ${r.label} | ${r.seconds.toFixed(3)} | ${r.mbPerSecond.toFixed(1)} | ${r.result} |`)
console.log(`ratio scanner / Segmenter speed: ${(tokenRows[1].seconds / tokenRows[0].seconds).toFixed(1)}×`)
console.log(`Segmenter on 'كتـــاب می‌خواهم الْكِتَابُ بـ2500': ${JSON.stringify(seg)}`)
console.log(`scanner   on the same:                    ${JSON.stringify(scan)}`)

mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
const out = flags.out ?? new URL('./results/analyze.json', import.meta.url).pathname
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      command: process.argv.slice(1).join(' '),
      corpus: file,
      documents: texts.length,
      megabytes,
      rows,
      tokenRows,
      segmenterSample: seg,
      scannerSample: scan,
    },
    null,
    2,
  ),
)

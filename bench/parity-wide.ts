// Parity beyond `npm test`: the analyzer of indexSettings() run in Lucene (Debian's Lucene 8, as
// tests/parity.test.ts runs it) against fahras's analyze() on
//   - the whole arwiki-cwc set (10,726 articles, 87 MB; every line with an Arabic letter),
//   - the paragraphs and questions of the retrieval sets of bench/data (xquad-ar, arcd-train),
//   - the corpus and the Quran (as written and in NFC) under six other analyzer options,
//   - random texts over the property tests' Arabic alphabet (multi-word ligatures left out: their
//     offsets differ by design, docs/scaling.md),
//   - generated texts of the dagger-alef words (proclitics, alef and yeh variants, harakat, tatweel,
//     small letters, hamza).
// Command: npm run bench:parity (about 3 minutes). Writes bench/results/parity-wide.json.
// Options: --skip-wiki, --random N (default 30000), --data DIR (the retrieval sets; default
// bench/data), --corpus FILE (arwiki-cwc; default ../shared/data/arwiki-cwc/docs.jsonl.gz).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { analyze, type AnalyzerOptions } from '../src/index.js'
import { DAGGER_ALEF_PROCLITICS, DAGGER_ALEF_SILENT_WORDS } from '../src/normalize/rules.js'
import { indexSettings } from '../src/opensearch/index.js'
import { arabicText } from '../tests/arbitraries.js'
import { corpusCases, hasArabicLetter, quranCases } from '../tests/parity/cases.js'
import { DEFAULT_CORPUS, requireData } from './lib/corpus.mjs'
import { DEFAULT_DATA } from './lib/datasets.mjs'
import {
  lastLuceneSummary,
  LUCENE_MISSING,
  luceneAvailable,
  runLucene,
  type LuceneToken,
} from '../tests/parity/lucene.mjs'

const { values } = parseArgs({
  options: {
    'skip-wiki': { type: 'boolean' },
    random: { type: 'string', default: '30000' },
    data: { type: 'string', default: DEFAULT_DATA },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
  },
})
if (!values['skip-wiki']) requireData(values.corpus!, 'the arwiki-cwc corpus (or --skip-wiki)')
if (!luceneAvailable()) {
  console.error(LUCENE_MISSING)
  process.exit(2)
}
const root = new URL('..', import.meta.url).pathname

function wiki(): string[] {
  const lines: string[] = []
  const file = values.corpus!
  const bytes = readFileSync(file)
  for (const record of (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').split('\n')) {
    if (record === '') continue
    const doc = JSON.parse(record) as { title?: string; text?: string }
    lines.push(...`${doc.title ?? ''}\n${doc.text ?? ''}`.split('\n').filter(hasArabicLetter))
  }
  return lines
}

/** The documents (title and text) and the questions of the shared retrieval sets: queries too. */
function retrievalSets(): string[] {
  const lines: string[] = []
  for (const set of ['xquad-ar', 'arcd-train']) {
    for (const file of ['docs.jsonl', 'queries.jsonl']) {
      for (const record of readFileSync(join(values.data!, set, file), 'utf8').split('\n')) {
        if (record === '') continue
        const doc = JSON.parse(record) as { title?: string; text?: string }
        lines.push(...`${doc.title ?? ''}\n${doc.text ?? ''}`.split('\n').filter(hasArabicLetter))
      }
    }
  }
  return lines
}

/** Texts of the words whose dagger alef is silent, written every way Uthmani text writes them. */
function daggerTexts(count: number): string[] {
  let seed = 7
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n)
  const pick = <T>(list: readonly T[]) => list[next(list.length)]!
  const words = [...DAGGER_ALEF_SILENT_WORDS, 'كتاب', 'صلوه', 'علي', 'يسلون', 'ابرهيم', 'رحمن', 'هذ']
  const marks = [
    '\u064e',
    '\u064f',
    '\u0650',
    '\u0651',
    '\u0652',
    '\u0670',
    '\u0653',
    '\u0654',
    '\u06e6',
    '\u06e5',
    '\u0640',
    '\u06df',
    '\u064b',
    '\u064d',
    '\u064c',
  ]
  const variants: Record<string, string[]> = { ا: ['ا', 'أ', 'إ', 'آ', 'ٱ'], ي: ['ي', 'ى', 'ی'], ه: ['ه', 'ة'] }
  const texts: string[] = []
  for (let t = 0; t < count; t++) {
    const parts: string[] = []
    for (let k = 0; k < 1 + next(4); k++) {
      let out = ''
      for (const ch of pick(DAGGER_ALEF_PROCLITICS) + pick(words)) {
        out += pick(variants[ch] ?? [ch])
        while (next(3) === 0) out += pick(marks)
      }
      parts.push(out)
    }
    texts.push(parts.join(pick([' ', '، ', '\n', '\u0640', '\u200c'])))
  }
  return texts
}

interface Figures {
  lines: number
  megabytes: number
  tokens: number
  identicalLines: number
  /** Wall time of the Lucene run: writing the texts, Java, reading the tokens back. */
  luceneMs: number
  /** Java's own time for the analysis (its summary line). */
  javaMs: number
  /** fahras's analyze() on the same texts. */
  fahrasMs: number
  examples: { text: string; fahras: LuceneToken[]; lucene: LuceneToken[] }[]
}

async function compare(texts: string[], options?: AnalyzerOptions): Promise<Figures> {
  const started = performance.now()
  const lucene = await runLucene(indexSettings({ analyzer: options }), 'fahras_arabic', texts)
  const luceneMs = Math.round(performance.now() - started)
  const javaMs = Number(/(\d+) ms$/.exec(lastLuceneSummary())?.[1] ?? NaN)
  const analyzeStarted = performance.now()
  const fahrasTokens = texts.map((text) => analyze(text, options))
  const fahrasMs = Math.round(performance.now() - analyzeStarted)
  const figures: Figures = {
    lines: texts.length,
    megabytes: 0,
    tokens: 0,
    identicalLines: 0,
    luceneMs,
    javaMs,
    fahrasMs,
    examples: [],
  }
  texts.forEach((text, i) => {
    figures.megabytes += Buffer.byteLength(text) / 1e6
    const fahras = fahrasTokens[i]!.map((t): LuceneToken => [t.term, t.start, t.end, t.position])
    figures.tokens += fahras.length
    if (JSON.stringify(fahras) === JSON.stringify(lucene[i])) figures.identicalLines++
    else if (figures.examples.length < 5) figures.examples.push({ text, fahras, lucene: lucene[i]! })
  })
  figures.megabytes = Math.round(figures.megabytes * 10) / 10
  return figures
}

const runs: Record<string, Figures & { options?: AnalyzerOptions }> = {}
const report = (name: string, f: Figures, options?: AnalyzerOptions) => {
  runs[name] = { ...f, ...(options && { options }) }
  const share = ((f.identicalLines / Math.max(1, f.lines)) * 100).toFixed(f.identicalLines === f.lines ? 0 : 3)
  console.log(
    `${name.padEnd(44)} ${String(f.lines).padStart(7)} lines ${String(f.tokens).padStart(9)} tokens  ${share}% identical  (Lucene ${(f.luceneMs / 1000).toFixed(1)} s, Java's own ${(f.javaMs / 1000).toFixed(1)} s; analyze() ${(f.fahrasMs / 1000).toFixed(1)} s)`,
  )
  for (const e of f.examples.slice(0, 2)) console.log(`  differs: ${JSON.stringify(e.text).slice(0, 120)}`)
}

// the corpus and the Quran, as written and in NFC: the texts of the parity test
const lines = [...corpusCases(), ...quranCases()].map((c) => c.text)
if (!values['skip-wiki']) {
  report('arwiki-cwc, every Arabic line', await compare(wiki()))
  console.log(`  ${lastLuceneSummary()}`)
}
report('xquad-ar and arcd-train: paragraphs and questions', await compare(retrievalSets()))
const optionSets: AnalyzerOptions[] = [
  { stem: false },
  { normalize: { uthmani: false } },
  { normalize: { hamzaCarriers: false, taaMarbuta: false, alefMaksura: false } },
  { normalize: { diacritics: false, tatweel: false } },
  { normalize: { diacritics: false, quranicMarks: false } },
  { stopWords: false, keep: ['الكتاب', 'مدرسة', 'الله'] },
]
for (const options of optionSets)
  report(`corpus + Quran, ${JSON.stringify(options)}`, await compare(lines, options), options)
const multiWordLigature = /[\ufdf0-\ufdff]/
const random = fc.sample(
  arabicText(60).filter((s) => !multiWordLigature.test(s)),
  { numRuns: Number(values.random), seed: 42 },
)
report(`random Arabic-alphabet texts (seed 42)`, await compare(random))
report('dagger-alef words, generated', await compare(daggerTexts(20_000)))

writeFileSync(
  join(root, 'bench', 'results', 'parity-wide.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, lucene: lastLuceneSummary(), runs }, null, 1)}\n`,
)
console.log('wrote bench/results/parity-wide.json')

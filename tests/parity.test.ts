import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { analyze, createAnalyzer, type AnalyzerOptions } from '../src/index.js'
import { DEFAULT_ANALYZER_NAME, indexSettings, MAX_TERM_LENGTH } from '../src/opensearch/index.js'
import { corpusCases, edgeCases, quranCases, type Case, type Group } from './parity/cases.js'
import { LUCENE_MISSING, lastLuceneSummary, luceneAvailable, runLucene, type LuceneToken } from './parity/lucene.mjs'

// Parity: the analyzer that indexSettings() generates for Elasticsearch/OpenSearch, run in real
// Lucene (tests/parity/FahrasParity.java, Debian's Lucene 8), must give the same terms, offsets
// and positions as fahras's analyze() on every Arabic line of the bundled corpus and every verse
// of the Quran; on the edge cases (tests/parity/edge-cases.txt) every difference must be
// explained in tests/parity/explained.json. Figures and differences: test-results/parity.json.
// PARITY_DEFINITION=<file.json> (and PARITY_ANALYZER=<name>) runs the harness on a hand-written
// definition instead of indexSettings().
const root = fileURLToPath(new URL('..', import.meta.url))
const available = luceneAvailable()
const required = Boolean(process.env.CI)
const handWritten = Boolean(process.env.PARITY_DEFINITION)
if (!available && !required) {
  console.warn(`tests/parity.test.ts skipped: ${LUCENE_MISSING}`)
}

// `npm test` checks a sample: every SAMPLE_EVERY-th corpus line and Quran verse, and every edge
// case. `npm run test:full` (FAHRAS_PARITY=full, run by CI too) checks every line.
const FULL = process.env.FAHRAS_PARITY === 'full'
const SAMPLE_EVERY = FULL ? 1 : 4
const sample = (cases: Case[], every = SAMPLE_EVERY) => cases.filter((c, i) => c.group === 'edge' || i % every === 0)
// the other option sets and the exact-form analyzer: a thinner sample (every 12th line)
const THIN_EVERY = FULL ? 1 : 12

const REPORT = join(root, 'test-results', 'parity.json')
const SHOWN_IN_FAILURE = 5
const KEPT_IN_REPORT = 50

interface Difference extends Case {
  readonly at: number
  readonly fahras: LuceneToken[]
  readonly lucene: LuceneToken[]
}

/** tests/parity/explained.json: [{ text, why }], the edge cases allowed to differ. */
function explainedEdgeCases(): Map<string, string> {
  const entries: unknown = JSON.parse(readFileSync(join(root, 'tests', 'parity', 'explained.json'), 'utf8'))
  if (!Array.isArray(entries)) throw new TypeError('tests/parity/explained.json: expected an array of { text, why }')
  const explained = new Map<string, string>()
  entries.forEach((e: { text?: unknown; why?: unknown }, i) => {
    if (typeof e?.text !== 'string' || typeof e.why !== 'string' || e.why.trim() === '') {
      throw new TypeError(`tests/parity/explained.json[${i}]: expected { text: string, why: non-empty string }`)
    }
    explained.set(e.text, e.why)
  })
  return explained
}

/** The definition under test: indexSettings(), or PARITY_DEFINITION's file. */
function definitionUnderTest(): { definition: object; analyzer: string; source: string } {
  const file = process.env.PARITY_DEFINITION
  const analyzer = process.env.PARITY_ANALYZER ?? DEFAULT_ANALYZER_NAME
  if (file) return { definition: JSON.parse(readFileSync(file, 'utf8')) as object, analyzer, source: file }
  return { definition: indexSettings(), analyzer, source: 'indexSettings()' }
}

/** Index of the first token that differs, or -1. */
function firstDifference(a: readonly LuceneToken[], b: readonly LuceneToken[]): number {
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a[i]
    const y = b[i]
    if (!x || !y || x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2] || x[3] !== y[3]) return i
  }
  return -1
}

/** Invisible and control characters as \u{…}, so a message shows what a term holds. */
const visible = (s: string) =>
  s.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\u00A0\u2000-\u200A\u202F\u3000]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`,
  )
const token = (t: LuceneToken | undefined) => (t ? `${visible(t[0])}[${t[1]},${t[2]})@${t[3]}` : '∅')

/** A few lines on one difference: where, the text near it, both token lists around it. */
function describeDifference(d: Difference): string {
  const from = Math.max(0, d.at - 1)
  const to = d.at + 3
  const offset = d.fahras[d.at]?.[1] ?? d.lucene[d.at]?.[1] ?? 0
  const excerpt = d.text.length <= 120 ? d.text : `…${d.text.slice(Math.max(0, offset - 50), offset + 70)}…`
  const around = (tokens: LuceneToken[]) => tokens.slice(from, to).map(token).join(' ') || '∅'
  return [
    `${d.group} ${d.where}: token ${d.at} differs (${d.fahras.length} fahras tokens, ${d.lucene.length} Lucene tokens)`,
    `  text:   ${visible(excerpt)}`,
    `  fahras: ${around(d.fahras)}`,
    `  lucene: ${around(d.lucene)}`,
  ].join('\n')
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1e6) / 1e6)

/** Very long words: run at the engines' 1 MB thread stack with the main texts (one JVM start). */
const LONG_WORD_TEXTS = [
  `رقم ${'1'.repeat(50_000)} فقط`,
  `word ${'ab'.repeat(25_000)} end`,
  '1,2'.repeat(10_000),
  "a'b".repeat(10_000),
  `وال${'ب'.repeat(MAX_TERM_LENGTH + 1)}ات`,
  `كتاب ${'بـ'.repeat(MAX_TERM_LENGTH)} ${'ت'.repeat(MAX_TERM_LENGTH)} مدرسة`,
]

/** Lucene gives the tokens of analyze() for the long words, less the terms over MAX_TERM_LENGTH. */
function expectLongWords(lucene: readonly LuceneToken[][]): void {
  LONG_WORD_TEXTS.forEach((text, i) => {
    const fahras = analyze(text).map((t): LuceneToken => [t.term, t.start, t.end, t.position])
    const kept = fahras.filter(([term]) => term.length <= MAX_TERM_LENGTH)
    expect(fahras.length).toBeGreaterThan(0)
    // the same tokens, less the terms over MAX_TERM_LENGTH (their positions are kept)
    expect(
      lucene[i]!.map((t) => t.join(' ')),
      `long words, text ${i}`,
    ).toEqual(kept.map((t) => t.join(' ')))
  })
  // the long terms are there in fahras and gone in Lucene: the cases test the length filter
  expect(
    LONG_WORD_TEXTS.filter((t) => analyze(t).some((a) => a.term.length > MAX_TERM_LENGTH)).length,
  ).toBeGreaterThanOrEqual(4)
}

describe.skipIf(!available && !required)('OpenSearch analyzer parity in Lucene', () => {
  it("gives the same terms, offsets and positions as analyze() on the corpus, the Quran and the edge cases, and handles very long words at the engines' 1 MB thread stack, dropping only the terms Lucene refuses", async () => {
    if (!available) throw new Error(LUCENE_MISSING)
    const { definition, analyzer, source } = definitionUnderTest()
    const cases = sample([...corpusCases(), ...quranCases(), ...edgeCases()])
    const explained = explainedEdgeCases()

    let started = performance.now()
    const fahras = cases.map((c) => analyze(c.text).map((t): LuceneToken => [t.term, t.start, t.end, t.position]))
    const fahrasMs = Math.round(performance.now() - started)
    started = performance.now()
    // with indexSettings() (not a hand-written definition), the very long words ride along
    const longWords = handWritten ? [] : LONG_WORD_TEXTS
    const luceneAll = await runLucene(definition, analyzer, [...cases.map((c) => c.text), ...longWords])
    const luceneMs = Math.round(performance.now() - started)
    const lucene = luceneAll.slice(0, cases.length)
    if (!handWritten) expectLongWords(luceneAll.slice(cases.length))

    const figures = Object.fromEntries(
      (['corpus', 'quran', 'edge'] as const).map((g) => [
        g,
        { lines: 0, tokens: 0, luceneTokens: 0, identicalLines: 0, shareIdentical: 1 },
      ]),
    ) as Record<
      Group,
      { lines: number; tokens: number; luceneTokens: number; identicalLines: number; shareIdentical: number }
    >
    const differences: Difference[] = []
    cases.forEach((c, i) => {
      const f = figures[c.group]
      f.lines++
      f.tokens += fahras[i]!.length
      f.luceneTokens += lucene[i]!.length
      const at = firstDifference(fahras[i]!, lucene[i]!)
      if (at < 0) f.identicalLines++
      else differences.push({ ...c, at, fahras: fahras[i]!, lucene: lucene[i]! })
    })
    for (const f of Object.values(figures)) f.shareIdentical = share(f.identicalLines, f.lines)

    const inGroup = (g: Group) => differences.filter((d) => d.group === g)
    const gated = differences.filter((d) => d.group !== 'edge')
    const edge = inGroup('edge')
    const unexplained = edge.filter((d) => !explained.has(d.text))
    const differing = new Set(edge.map((d) => d.text))
    const edgeTexts = new Set(cases.filter((c) => c.group === 'edge').map((c) => c.text))
    const entry = (d: Difference) => ({
      where: d.where,
      text: d.text,
      firstDifference: d.at,
      fahras: d.fahras,
      lucene: d.lucene,
    })

    mkdirSync(join(root, 'test-results'), { recursive: true })
    writeFileSync(
      REPORT,
      `${JSON.stringify(
        {
          definition: source,
          analyzer,
          lucene: lastLuceneSummary(),
          timings: { fahrasMs, luceneMs },
          figures,
          edgeCaseDifferences: edge.map((d) => ({ ...entry(d), explained: explained.get(d.text) ?? null })),
          // explanations whose text no longer differs (or is no longer an edge case): drop them
          staleExplanations: [...explained.keys()]
            .filter((t) => !differing.has(t))
            .map((t) => ({ text: t, inEdgeCases: edgeTexts.has(t) })),
          corpusDifferences: inGroup('corpus').slice(0, KEPT_IN_REPORT).map(entry),
          quranDifferences: inGroup('quran').slice(0, KEPT_IN_REPORT).map(entry),
        },
        null,
        1,
      )}\n`,
    )

    const failure = (list: Difference[], what: string) =>
      `${list.length} ${what} (report: test-results/parity.json)\n${list.slice(0, SHOWN_IN_FAILURE).map(describeDifference).join('\n')}`
    expect(figures.corpus.lines).toBeGreaterThan(4000 / SAMPLE_EVERY)
    expect(figures.quran.lines).toBeGreaterThan(6236 / SAMPLE_EVERY) // every verse (in full), and the NFC forms that differ
    expect(gated.length, failure(gated, 'corpus and Quran lines differ')).toBe(0)
    expect(
      unexplained.length,
      failure(unexplained, 'edge cases differ without an entry in tests/parity/explained.json'),
    ).toBe(0)
  }, 180_000)

  // the cases below check indexSettings() itself, not a hand-written PARITY_DEFINITION
  it.skipIf(handWritten)(
    'gives the same tokens under other analyzer options (the corpus and the Quran)',
    async () => {
      if (!available) throw new Error(LUCENE_MISSING)
      const cases = sample([...corpusCases(), ...quranCases()], THIN_EVERY)
      const optionSets: AnalyzerOptions[] = [
        { stopWords: false, keep: ['الكتاب', 'مدرسة', 'الله'], normalize: { hamzaCarriers: false, taaMarbuta: false } },
        { normalize: { diacritics: false, quranicMarks: false } },
      ]
      // one Lucene run per option set: npm test runs the first, test:full both
      for (const options of FULL ? optionSets : optionSets.slice(0, 1)) {
        const lucene = await runLucene(
          indexSettings({ analyzer: options }),
          DEFAULT_ANALYZER_NAME,
          cases.map((c) => c.text),
        )
        const differences: Difference[] = []
        const analyzer = createAnalyzer(options)
        cases.forEach((c, i) => {
          const fahras = analyzer.analyze(c.text).map((t): LuceneToken => [t.term, t.start, t.end, t.position])
          const at = firstDifference(fahras, lucene[i]!)
          if (at >= 0) differences.push({ ...c, at, fahras, lucene: lucene[i]! })
        })
        expect(
          differences.length,
          `${JSON.stringify(options)}: ${differences.length} lines differ\n${differences.slice(0, SHOWN_IN_FAILURE).map(describeDifference).join('\n')}`,
        ).toBe(0)
      }
    },
    180_000,
  )

  it.skipIf(handWritten)(
    'gives the terms of analyze() without stemming from the exact-form analyzer (`<field>.exact`)',
    async () => {
      if (!available) throw new Error(LUCENE_MISSING)
      const cases = sample([...corpusCases(), ...quranCases()], THIN_EVERY)
      const lucene = await runLucene(
        indexSettings(),
        `${DEFAULT_ANALYZER_NAME}_exact`,
        cases.map((c) => c.text),
      )
      const unstemmed = createAnalyzer({ stem: false })
      let tokens = 0
      const differences: Difference[] = []
      cases.forEach((c, i) => {
        const fahras = unstemmed.analyze(c.text).map((t): LuceneToken => [t.term, t.start, t.end, t.position])
        tokens += fahras.length
        const at = firstDifference(fahras, lucene[i]!)
        if (at >= 0) differences.push({ ...c, at, fahras, lucene: lucene[i]! })
      })
      mkdirSync(join(root, 'test-results'), { recursive: true })
      writeFileSync(
        join(root, 'test-results', 'parity-exact.json'),
        `${JSON.stringify({ analyzer: `${DEFAULT_ANALYZER_NAME}_exact`, lines: cases.length, tokens, differingLines: differences.length }, null, 1)}\n`,
      )
      expect(tokens).toBeGreaterThan(100_000 / THIN_EVERY)
      expect(
        differences.length,
        `${differences.length} lines differ\n${differences.slice(0, SHOWN_IN_FAILURE).map(describeDifference).join('\n')}`,
      ).toBe(0)
    },
    180_000,
  )
})

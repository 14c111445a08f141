import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createAnalyzer, type AnalyzedTerm, type AnalyzerOptions } from '../src/analyze/analyze.js'
import { stopStage, type TermStage } from '../src/analyze/stages.js'
import { normalizeText } from '../src/normalize/index.js'
import { tokenize } from '../src/tokenize/index.js'
import { arabicText, arabicWord } from './arbitraries.js'

/** Runs per property; FAHRAS_FUZZ_RUNS raises it for long runs. */
const RUNS = Number(process.env.FAHRAS_FUZZ_RUNS ?? 500)
const params = { numRuns: RUNS }

// Texts of random Arabic, whole words, stop words and protected words (لله → الله is the one
// kind of stem that is not a substring of its word, which the fast path of matches() must see).
const special = fc.constantFrom('لله', 'والله', 'اللهم', 'البانيا', 'في', 'إلى', 'من', 'وَالْكِتَابُ', 'المدرسة', 'مدرسة')
const text = fc.array(fc.oneof(arabicText(20), arabicWord, special), { maxLength: 12 }).map((parts) => parts.join(' '))

const CONFIGS: AnalyzerOptions[] = [
  {},
  { stem: false },
  { stopWords: false, keep: ['مدرسة'] },
  { extraStopWords: ['كتاب'], normalize: { taaMarbuta: false } },
]

const pairs = (terms: readonly AnalyzedTerm[]) => terms.map((t) => [t.term, t.word])

describe.each(CONFIGS)('the four walks agree (%j)', (options) => {
  const analyzer = createAnalyzer(options)
  const n = analyzer.options.normalize

  it('words() are the tokens of the normalized text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(analyzer.words(s)).toEqual(tokenize(normalizeText(s, n)).map((t) => t.text))
      }),
      params,
    )
  })

  it('eachTerm() visits the terms of analyze(), without offsets', () => {
    fc.assert(
      fc.property(text, (s) => {
        const visited: string[][] = []
        analyzer.eachTerm(s, (term, word) => visited.push([term, word]))
        expect(visited).toEqual(pairs(analyzer.analyze(s)))
      }),
      params,
    )
  })

  it('analyze() numbers positions over words(), stop words counted', () => {
    fc.assert(
      fc.property(text, (s) => {
        const words = analyzer.words(s)
        for (const t of analyzer.analyze(s)) {
          expect(words[t.position]).toBe(t.word)
          expect(t.term).toBe(analyzer.termOf(t.word))
        }
      }),
      params,
    )
  })

  it('matches() with every term wanted, or every word, is analyze()', () => {
    fc.assert(
      fc.property(text, (s) => {
        const all = analyzer.analyze(s)
        expect(analyzer.matches(s, new Set(all.map((t) => t.term)), new Set())).toEqual(all)
        expect(analyzer.matches(s, new Set(), new Set(all.map((t) => t.word)))).toEqual(all)
      }),
      params,
    )
  })

  it('matches() with some terms and words wanted is analyze() filtered (the fast path loses none)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.boolean(), { maxLength: 30 }), (s, picks) => {
        const all = analyzer.analyze(s)
        const terms = new Set(all.filter((_, i) => picks[i] === true).map((t) => t.term))
        const words = new Set(all.filter((_, i) => picks[i + 15] === true).map((t) => t.word))
        const expected = all.filter((t) => terms.has(t.term) || words.has(t.word))
        expect(analyzer.matches(s, terms, words)).toEqual(expected)
      }),
      params,
    )
  })
})

describe('the term stages', () => {
  it('are stop then stem by default, stop alone without stemming', () => {
    expect(createAnalyzer().stages.map((s) => s.name)).toEqual(['stop', 'stem'])
    expect(createAnalyzer({ stem: false }).stages.map((s) => s.name)).toEqual(['stop'])
  })

  it('take a caller stage through the internal seam, for documents, queries and snippets', () => {
    // a synonym stage: its output is not a substring of its input, so matches() must analyze
    // every word rather than take its fast path
    const synonyms: TermStage = { name: 'synonyms', apply: (t) => (t === 'سيار' ? 'عربي' : t) }
    const analyzer = createAnalyzer(undefined, 'test', { stages: (s) => [...s, synonyms] })
    const doc = 'ركبتُ السيارةَ'
    expect(analyzer.analyze(doc).map((t) => t.term)).toEqual(['ركبت', 'عربي'])
    expect(analyzer.termOf('سياره')).toBe('عربي')
    expect(analyzer.matches(doc, new Set(['عربي']), new Set()).map((t) => doc.slice(t.start, t.end))).toEqual([
      'السيارةَ',
    ])
  })

  it('take a keep list that drops every other term, before or after stemming', () => {
    const allowed = new Set(['كتاب'])
    const only: TermStage = { name: 'only', apply: (t) => (allowed.has(t) ? t : null), notSubstring: new Set() }
    const analyzer = createAnalyzer(undefined, 'test', { stages: (s) => [...s, only] })
    const all = analyzer.analyze('قرأتُ الكتابَ في المكتبة')
    expect(all.map((t) => [t.term, t.position])).toEqual([['كتاب', 1]])
    expect(analyzer.words('قرأتُ الكتابَ')).toEqual(['قرات', 'الكتاب'])
    // replacing the defaults: no stemming, a stop list of its own
    const bare = createAnalyzer(undefined, 'test', { stages: () => [stopStage(new Set(['في']))] })
    expect(bare.analyze('قرأتُ في المكتبة').map((t) => t.term)).toEqual(['قرات', 'المكتبه'])
  })
})

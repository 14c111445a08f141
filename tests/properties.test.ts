import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/analyze/index.js'
import { normalize, normalizeText } from '../src/normalize/index.js'
import { lightStem, stem } from '../src/stem/index.js'
import { tokenize } from '../src/tokenize/index.js'
import { arabicText, arabicWord } from './arbitraries.js'
import { expectSafeHtml } from './snippet-checks.js'

/** Runs per property; FAHRAS_FUZZ_RUNS raises it for long runs. */
export const RUNS = Number(process.env.FAHRAS_FUZZ_RUNS ?? 2000)
const params = { numRuns: RUNS }

// Ligatures that expand to several words map each word to the one ligature character.
const MULTI_WORD_LIGATURE = /[\ufdfa\ufdfb\ufdfd\ufdfe\ufdff]/

describe('properties over an Arabic alphabet', () => {
  it('normalize is idempotent', () => {
    fc.assert(
      fc.property(arabicText(), (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
      params,
    )
  })

  it('the offset map is monotonic and in bounds', () => {
    fc.assert(
      fc.property(arabicText(), (s) => {
        const n = normalize(s)
        let previous = 0
        for (let i = 0; i <= n.text.length; i++) {
          const at = n.toOriginal(i)
          if (at < previous || at > s.length) return false
          previous = at
          const end = n.toOriginal(i, 'end')
          if (end < 0 || end > s.length) return false
        }
        return n.toOriginal(n.text.length) === s.length
      }),
      params,
    )
  })

  it('tokens are in order, in bounds, do not overlap, and are the slices they claim', () => {
    fc.assert(
      fc.property(arabicText(), (s) => {
        let previousEnd = 0
        for (const t of tokenize(s)) {
          if (t.start < previousEnd || t.end <= t.start || t.end > s.length) return false
          if (s.slice(t.start, t.end) !== t.text) return false
          previousEnd = t.end
        }
        return true
      }),
      params,
    )
  })

  it('the normalized original slice of a term equals its normalized word', () => {
    fc.assert(
      fc.property(
        arabicText().filter((s) => !MULTI_WORD_LIGATURE.test(s)),
        (s) => {
          for (const t of analyze(s, { stopWords: false, stem: false })) {
            expect(normalizeText(s.slice(t.start, t.end))).toBe(t.word)
          }
        },
      ),
      params,
    )
  })

  it('analyzed terms point at word characters, in order, inside the text', () => {
    fc.assert(
      fc.property(arabicText(), (s) => {
        let previousStart = 0
        for (const t of analyze(s)) {
          if (t.start < previousStart || t.end <= t.start || t.end > s.length) return false
          previousStart = t.start
        }
        return true
      }),
      params,
    )
  })

  it('analyzing the text or its normalized form gives the same terms', () => {
    fc.assert(
      fc.property(arabicText(), (s) => {
        expect(analyze(normalizeText(s)).map((t) => t.term)).toEqual(analyze(s).map((t) => t.term))
      }),
      params,
    )
  })

  it('stem never returns an empty string for a non-empty word, and is stable on normalized words', () => {
    fc.assert(
      fc.property(arabicWord, (w) => {
        const normalized = normalizeText(w)
        const result = stem(w)
        if (normalized.length > 0 && result.length === 0) return false
        return result === lightStem(normalized)
      }),
      params,
    )
  })

  it('analyze never throws on any string, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.oneof(arabicText(200), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        analyze(s)
      }),
      params,
    )
  })
})

describe('properties of search', async () => {
  const { ArabicSearch } = await import('../src/index.js')
  const docText = fc.oneof(
    arabicText(120),
    fc.constantFrom(
      '<script>alert(1)</script> الكتاب',
      '<img src=x onerror=alert(1)> بغداد',
      'a & b < c > d "e" \'f\' الكتاب',
    ),
  )
  const docs = fc.uniqueArray(
    fc.record({
      id: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.string({ minLength: 1, maxLength: 3 })),
      text: docText,
    }),
    { selector: (d) => d.id, maxLength: 12 },
  )
  const queryArb = fc.oneof(
    arabicText(20),
    fc.constantFrom('الكتاب', 'بغداد', 'script', '"الكتاب"', 'كتا*', '-الكتاب بغداد'),
  )
  const RUNS_SEARCH = Math.max(50, Math.floor(RUNS / 10))

  it('html with the marks removed and entities unescaped equals text; no tag but the wrapper', () => {
    fc.assert(
      fc.property(docs, fc.array(queryArb, { minLength: 1, maxLength: 3 }), (documents, queries) => {
        const index = new ArabicSearch<{ id: string | number; text: string }>({
          fields: ['text'],
          storeFields: ['text'],
        })
        index.addAll(documents)
        for (const q of queries) {
          for (const r of index.search(q, { snippets: { length: 40, count: 2 } })) {
            const s = r.snippets.text
            if (!s) continue
            expectSafeHtml(s)
          }
        }
      }),
      { numRuns: RUNS_SEARCH },
    )
  })

  it('save → load returns the same results', () => {
    fc.assert(
      fc.property(docs, fc.array(queryArb, { minLength: 1, maxLength: 4 }), (documents, queries) => {
        const index = new ArabicSearch<{ id: string | number; text: string }>({
          fields: ['text'],
          storeFields: ['text'],
        })
        index.addAll(documents)
        const again = ArabicSearch.loadJSON<{ id: string | number; text: string }>(JSON.stringify(index))
        for (const q of queries) expect(again.search(q)).toEqual(index.search(q))
      }),
      { numRuns: RUNS_SEARCH },
    )
  })
})

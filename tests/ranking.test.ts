import { describe, expect, it } from 'vitest'
import { ArabicSearch, ERROR_CODES, PackedIndex, packDocuments } from '../src/index.js'
import {
  closestWords,
  coordination,
  PROXIMITY_WEIGHT,
  PROXIMITY_WINDOW,
  proximityFactor,
  RERANK_DEPTH,
  WRITTEN_FORM_SHARE,
} from '../src/search/packed/scoring.js'
import { expectCoded } from './expect-coded.js'

/**
 * The ranking of issue 16 (src/search/packed/scoring.ts): b = 1, the square-root coordination with
 * the written-form share, and the proximity of the first results, in ArabicSearch and PackedIndex
 * alike. Its effect on the open sets is measured by `npm run bench:ranking` (docs/benchmarks.md).
 */
type Doc = { id: string; text: string }

const FILLER = 'ثم جاء بعد ذلك كلام طويل عن أمور أخرى لا صلة لها بما سبق من حديث في هذا الموضع من النص'

function both(docs: Doc[], stored = true) {
  const options = stored ? { fields: ['text' as const], storeFields: ['text' as const] } : { fields: ['text' as const] }
  const mutable = new ArabicSearch<Doc>(options)
  mutable.addAll(docs)
  const packed = PackedIndex.load<Doc>(packDocuments(docs, options))
  return [mutable, packed] as const
}

describe('coordination: how the score grows with the query words matched', () => {
  it('sqrt: the square root of the terms matched, a written form counting WRITTEN_FORM_SHARE; never below 1', () => {
    expect(coordination('sqrt', 0, 0)).toBe(1)
    expect(coordination('sqrt', 1, 0)).toBe(1)
    expect(coordination('sqrt', 4, 0)).toBe(2)
    expect(coordination('sqrt', 2, 1)).toBeCloseTo(Math.sqrt(1 + WRITTEN_FORM_SHARE), 12)
    expect(coordination('linear', 0, 0)).toBe(1)
    expect(coordination('linear', 3, 1)).toBe(3)
  })

  it('a document matching two words (no written form apart from the stem) scores √2 × its BM25+ sum, 2 × with linear coordination', () => {
    const docs = [
      { id: 'a', text: 'مطار بغداد' },
      { id: 'b', text: 'بغداد' },
      { id: 'c', text: 'كلام' },
    ]
    for (const index of both(docs)) {
      const [sqrt] = index.search('مطار بغداد', { snippets: false, proximity: false })
      const [linear] = index.search('مطار بغداد', { snippets: false, proximity: false, coordination: 'linear' })
      expect(sqrt!.id).toBe('a')
      expect(linear!.id).toBe('a')
      expect(sqrt!.score / linear!.score).toBeCloseTo(Math.SQRT2 / 2, 12)
    }
  })

  it('a bad coordination or proximity is FAHRAS_INVALID_OPTION, saying what was expected and what was given', () => {
    const [index] = both([{ id: 'a', text: 'مطار بغداد' }])
    expectCoded(
      () => index.search('بغداد', { coordination: 'square' as never }),
      ERROR_CODES.INVALID_OPTION,
      /expected `coordination` to be 'sqrt' or 'linear', got `"square"`/,
    )
    expectCoded(() => index.search('بغداد', { proximity: 'yes' as never }), ERROR_CODES.INVALID_OPTION, /proximity/)
    expectCoded(() => index.suggest('بغد', { coordination: 1 as never }), ERROR_CODES.INVALID_OPTION, /coordination/)
  })
})

describe('proximity: the first results ranked again by how close the query words are', () => {
  it('closestWords counts the distinct words within PROXIMITY_WINDOW consecutive positions', () => {
    const at = (...pairs: Array<[number, string]>) => pairs.map(([position, key]) => ({ position, key }))
    expect(closestWords([])).toBe(0)
    expect(closestWords(at([0, 'a'], [1, 'a']))).toBe(1)
    expect(closestWords(at([0, 'a'], [PROXIMITY_WINDOW - 1, 'b']))).toBe(2)
    expect(closestWords(at([0, 'a'], [PROXIMITY_WINDOW, 'b']))).toBe(1)
    expect(closestWords(at([0, 'a'], [30, 'b'], [31, 'c'], [32, 'a']))).toBe(3)
    expect(proximityFactor(0)).toBe(1)
    expect(proximityFactor(1)).toBe(1)
    expect(proximityFactor(3)).toBeCloseTo(1 + 2 * PROXIMITY_WEIGHT, 12)
  })

  // the same words, so the same BM25+: in 'far' the two query words are 20 words apart, in 'near' side by side
  const far = { id: 'far', text: `وزير ${FILLER} الدفاع` }
  const near = { id: 'near', text: `وزير الدفاع ${FILLER}` }
  const docs = [far, near, { id: 'other', text: 'كلام عن شيء آخر' }]

  it('of two documents with the same words, the one holding them close comes first, its score × (1 + PROXIMITY_WEIGHT)', () => {
    for (const index of both(docs)) {
      const plain = index.search('وزير الدفاع', { snippets: false, proximity: false })
      expect(plain.map((r) => r.id)).toEqual(['far', 'near']) // a tie: in the order added
      expect(plain[0]!.score).toBe(plain[1]!.score)
      const ranked = index.search('وزير الدفاع', { snippets: false })
      expect(ranked.map((r) => r.id)).toEqual(['near', 'far'])
      expect(ranked[0]!.score).toBeCloseTo(plain[0]!.score * (1 + PROXIMITY_WEIGHT), 10)
      expect(ranked[1]!.score).toBe(plain[0]!.score)
    }
  })

  it("without the text (not stored, no getText) there is no proximity: the order is BM25+'s", () => {
    for (const index of both(docs, false)) {
      expect(index.search('وزير الدفاع', { snippets: false }).map((r) => r.id)).toEqual(['far', 'near'])
    }
    const withText = new ArabicSearch<Doc>({ fields: ['text'], getText: (id) => docs.find((d) => d.id === id)?.text })
    withText.addAll(docs)
    expect(withText.search('وزير الدفاع', { snippets: false }).map((r) => r.id)).toEqual(['near', 'far'])
  })

  it(`only the first ${RERANK_DEPTH} are ranked again; pages agree with the whole list`, () => {
    // 12 documents with the words far apart, each shorter (a higher BM25+) than the last one, which holds them side by side
    const many: Doc[] = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, text: `وزير ${FILLER} الدفاع` }))
    many.push({ id: 'close', text: `وزير الدفاع ${FILLER} ${FILLER}` })
    for (const index of both(many)) {
      const plain = index.search('وزير الدفاع', { snippets: false, proximity: false, limit: 20 }).map((r) => r.id)
      expect(plain.at(-1)).toBe('close')
      const ranked = index.search('وزير الدفاع', { snippets: false, limit: 20 }).map((r) => r.id)
      // 'close' is 13th: it is not among the first RERANK_DEPTH, so it does not move up
      expect(ranked).toEqual(plain)
      for (const offset of [0, 3, 9, 10]) {
        expect(index.search('وزير الدفاع', { snippets: false, limit: 4, offset }).map((r) => r.id)).toEqual(
          ranked.slice(offset, offset + 4),
        )
      }
    }
  })

  it('a one-word query is not ranked again (nothing to be close to)', () => {
    for (const index of both(docs)) {
      const a = index.search('الدفاع', { snippets: false })
      const b = index.search('الدفاع', { snippets: false, proximity: false })
      expect(a).toEqual(b)
    }
  })
})

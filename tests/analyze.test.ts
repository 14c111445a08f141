import { describe, expect, it } from 'vitest'
import { analyze } from '../src/analyze/index.js'
import { stem } from '../src/stem/index.js'

describe('analyze', () => {
  it('runs normalize → tokenize → stop words → stem, with offsets into the original', () => {
    const text = 'ذهبتُ إلى المدرسةِ والمكتبة'
    expect(analyze(text).map((t) => [t.term, t.word, text.slice(t.start, t.end)])).toEqual([
      ['ذهبت', 'ذهبت', 'ذهبتُ'],
      ['مدرس', 'المدرسه', 'المدرسةِ'],
      ['مكتب', 'والمكتبه', 'والمكتبة'],
    ])
  })
  it('counts positions with stop words included', () => {
    expect(analyze('ذهب إلى المدرسة').map((t) => t.position)).toEqual([0, 2])
  })
  it('gives documents and queries the same terms, vowelled or not', () => {
    const doc = analyze('وَقَّعَ الْعِرَاقُ وَالْوِلَايَاتُ الْمُتَّحِدَةُ «اتِّفَاقِيَّةَ» الإطارِ').map((t) => t.term)
    const query = analyze('العراق الولايات المتحدة اتفاقية الاطار').map((t) => t.term)
    for (const term of query) expect(doc).toContain(term)
  })
  it('matches the seed article: clitics and suffixes meet their bare forms', () => {
    expect(analyze('بالحفاظ').map((t) => t.term)).toEqual(analyze('الحفاظ').map((t) => t.term))
    expect(analyze('والولايات').map((t) => t.term)).toEqual(analyze('الولايات').map((t) => t.term))
    expect(analyze('الاستراتيجية').map((t) => t.term)).toEqual(analyze('استراتيجي').map((t) => t.term))
  })
  it('expands a word ligature into several terms that all point at it', () => {
    const text = 'قال النبي ﷺ'
    const terms = analyze(text).filter((t) => t.start === 10)
    expect(terms.map((t) => t.term)).toEqual(['صلي', 'الله', 'سلم'])
    for (const t of terms) expect(text.slice(t.start, t.end)).toBe('ﷺ')
  })
  it('keeps numbers and Latin words', () => {
    expect(analyze('عام ٢٠٢٣ في Beirut').map((t) => t.term)).toEqual(['عام', '2023', 'beirut'])
  })
  it('can switch stemming off and keep words', () => {
    expect(analyze('المدرسة', { stem: false }).map((t) => t.term)).toEqual(['المدرسه'])
    expect(analyze('المدرسة الكتاب', { keep: ['الكتاب'] }).map((t) => t.term)).toEqual([stem('المدرسة'), 'الكتاب'])
  })
  it('passes normalization options through', () => {
    expect(analyze('مدرسة', { stem: false, normalize: { taaMarbuta: false } }).map((t) => t.term)).toEqual(['مدرسة'])
  })
  it('returns nothing for empty, diacritics-only and stop-words-only text', () => {
    expect(analyze('')).toEqual([])
    expect(analyze('ًٌٍَُِّْ')).toEqual([])
    expect(analyze('في من إلى عن التي')).toEqual([])
  })
})

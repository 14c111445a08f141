import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ArabicSearch } from '../src/index.js'
import { parseQuery } from '../src/search/query.js'

// Issue 14, items 5–8: what a new user meets in the query path (suggest, typos, a pasted
// paragraph, search as you type after the article).

type Doc = { id: string; title?: string; text: string }
const ids = (results: Array<{ id: unknown }>) => results.map((r) => r.id)
/** Letters and signs that only the Uthmani (Quranic) script writes. */
const UTHMANI = /[\u0670\u0671\u06d6-\u06ed\u08d3-\u08ff]/

const VERSE: Doc = {
  id: 'verse',
  text: 'ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ فِيهِ هُدًى لِّلْمُتَّقِينَ ٱلَّذِينَ يُؤْمِنُونَ بِٱلْغَيْبِ وَيُقِيمُونَ ٱلصَّلَوٰةَ مَٰلِكِ يَوْمِ ٱلدِّينِ',
}

describe('item 5: suggest() offers plain spellings that find what they promise', () => {
  const build = () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'], storeFields: ['text'] })
    // one vowelled verse; the plain documents do not hold its words
    index.addAll([
      VERSE,
      { id: 'jordan', text: 'ملك الأردن يزور العاصمة' },
      { id: 'news', text: 'قرأ الطالب المقال في الصحيفة' },
    ])
    return index
  }

  it('completes the words of a Quranic verse with their plain spelling, not the Uthmani skeleton', () => {
    const index = build()
    expect(index.suggest('الكتا').map((s) => s.suggestion)).toContain('الكتاب')
    expect(index.suggest('الصل').map((s) => s.suggestion)).toContain('الصلاة')
    expect(index.suggest('مال').map((s) => s.suggestion)).toContain('مالك')
    for (const prefix of ['الكتا', 'الصل', 'مال', 'يؤم', 'المت']) {
      for (const { suggestion } of index.suggest(prefix)) expect(suggestion, prefix).not.toMatch(UTHMANI)
    }
  })

  it('every suggestion finds at least one document, and the one it was made from', () => {
    const index = build()
    for (const prefix of ['الكتا', 'الصل', 'مال', 'يؤم', 'المت', 'ملك ال', 'الع', 'قرا']) {
      for (const { suggestion } of index.suggest(prefix)) {
        expect(index.search(suggestion).length, `${prefix} → ${suggestion}`).toBeGreaterThan(0)
      }
    }
    expect(ids(index.search(index.suggest('الكتا')[0]!.suggestion))).toEqual(['verse'])
    expect(ids(index.search(index.suggest('الصل')[0]!.suggestion))).toEqual(['verse'])
  })

  it('prefers the spelling most documents write', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'], storeFields: ['text'] })
    index.addAll([VERSE, { id: 'p1', text: 'أقيمت الصلاة' }, { id: 'p2', text: 'وقت الصلاة' }])
    expect(index.suggest('الصل')[0]?.suggestion).toBe('الصلاة')
  })
})

describe('item 6: typo tolerance on the written word', () => {
  it('didYouMean() spells a correction as the documents write it, never as an Uthmani skeleton', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'], storeFields: ['text'] })
    index.addAll([VERSE, { id: 'jordan', text: 'ملك الأردن' }])
    expect(index.didYouMean('الصلاف')).toBe('الصلاة')
    expect(index.didYouMean('الكتاك')).toBe('الكتاب')
    // without the text of the documents, the normalized word, which finds them too
    const bare = new ArabicSearch<Doc>({ fields: ['text'] })
    bare.addAll([VERSE])
    expect(bare.didYouMean('الصلاف')).toBe('الصلاه')
    expect(ids(bare.search('الصلاه'))).toEqual(['verse'])
  })

  const DOCS: Doc[] = [
    { id: 'baghdad', text: 'زار الوزير بغداد أمس' },
    { id: 'count', text: 'عدد الجنود كبير' },
    { id: 'other', text: 'هدى الله المتقين بالغيب والجديد' },
    { id: 'book', text: 'كتاب' },
    { id: 'his-book', text: 'كتابه' },
  ]
  const build = () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'], storeFields: ['text'] })
    index.addAll(DOCS)
    return index
  }

  it('a typo of one letter finds the word, not a neighbour of its stem', () => {
    const index = build()
    expect(ids(index.search('بغدد', { fuzzy: 1 }))).toEqual(['baghdad'])
    expect(ids(index.search('بغداذ', { fuzzy: 1 }))).toEqual(['baghdad'])
    expect(ids(index.search('بغدد', { fuzzy: 2 }))[0]).toBe('baghdad')
    expect(index.search('بغدد', { fuzzy: 2 }).length).toBeLessThanOrEqual(2)
  })

  it('an exact match ranks above a fuzzy one, and the fuzzy expansion does not reach the written-form marker', () => {
    const index = build()
    const results = index.search('كتاب', { fuzzy: 2 })
    expect(ids(results).slice(0, 2)).toEqual(['book', 'his-book'])
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score * 0.999)
    const exact = index.search('بغداد', { fuzzy: 1 })
    expect(ids(exact)[0]).toBe('baghdad')
  })

  it('didYouMean() replaces the words that find nothing with the closest indexed word', () => {
    const index = build()
    expect(index.search('بغدد')).toEqual([])
    expect(index.didYouMean('بغدد')).toBe('بغداد')
    expect(index.didYouMean('الوزير بغداذ')).toBe('الوزير بغداد')
    expect(index.search(index.didYouMean('بغدد')!).length).toBeGreaterThan(0)
    // operators, quotes and punctuation stay as typed
    expect(index.didYouMean('-عدد بغدد؟')).toBe('-عدد بغداد؟')
    expect(index.didYouMean('"الوزير بغداذ"')).toBe('"الوزير بغداد"')
    // nothing to correct
    expect(index.didYouMean('بغداد')).toBeNull()
    expect(index.didYouMean('قطار طويل جدا')).toBeNull()
  })
})

describe('item 6: typo tolerance is bounded work', () => {
  it('a 100 kB word with fuzzy: 2 comes back at once (the edit-distance search is quadratic in the word)', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    index.addAll([{ id: 'baghdad', text: 'بغداد' }])
    // before: RangeError (a 10 GB matrix) from the engine's fuzzy search
    expect(index.search('ب'.repeat(100_000), { fuzzy: 2 })).toEqual([])
    expect(index.didYouMean('ب'.repeat(100_000))).toBeNull()
    expect(index.search(`${'ب'.repeat(100_000)} بغدد`, { fuzzy: 1 }).map((r) => r.id)).toEqual(['baghdad'])
  })

  it('didYouMean() on thousands of misspelt words corrects the first MAX_EXPANDED_TERMS (8) of them', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    index.addAll([{ id: 'baghdad', text: 'بغداد' }])
    const corrected = index.didYouMean(Array.from({ length: 3_000 }, (_, i) => (i % 2 ? 'بغدد' : 'بغداذ')).join(' '))!
    expect(corrected.split(' ').filter((w) => w === 'بغداد')).toHaveLength(8)
  })
})

const CORPUS = readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Doc)

describe('item 7: an unbalanced quote is text, not a phrase', () => {
  it('parses one quotation mark as text; a closed pair still makes a phrase', () => {
    expect(parseQuery('الشراكة "الأمن القومي').every((c) => !c.phrase)).toBe(true)
    expect(parseQuery('الشراكة "الأمن القومي').map((c) => c.text)).toEqual(['الشراكة', 'الأمن', 'القومي'])
    expect(parseQuery('«الأمن القومي» "بغداد').map((c) => [c.text, c.phrase])).toEqual([
      ['الأمن القومي', true],
      ['بغداد', false],
    ])
  })

  it('a 6,000-character paste from the corpus with one quotation mark finds what it finds without it', () => {
    const long = CORPUS.map((d) => d.text).find((t) => t.replace(/["“”«»]/g, '').length > 6500)!
    const paste = long.replace(/["“”«»]/g, ' ').slice(0, 6000)
    const cut = paste.indexOf(' ', 1000)
    const withQuote = `${paste.slice(0, cut)} "${paste.slice(cut + 1)}`
    const index = new ArabicSearch<Doc>({ fields: ['title', 'text'] })
    index.addAll(CORPUS)
    const plain = index.search(paste, { snippets: false })
    const quoted = index.search(withQuote, { snippets: false })
    expect(quoted.length).toBe(10)
    expect(ids(quoted)).toEqual(ids(plain))
  })
})

describe('item 8: search as you type after the article', () => {
  it('`وزير الد` with prefix ranks a document about a minister (وزير الدفاع) first on the bundled corpus', () => {
    const index = new ArabicSearch<Doc>({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
    index.addAll(CORPUS)
    const [first] = index.search('وزير الد', { prefix: true, snippets: false }) as Array<Doc & { id: string }>
    expect(`${first!.title} ${first!.text}`).toMatch(/وزير\s+الدفاع/)
    // with the prefix typed further it is a plain prefix search
    const [again] = index.search('وزير الدفا', { prefix: true, snippets: false }) as Array<Doc & { id: string }>
    expect(`${again!.title} ${again!.text}`).toMatch(/وزير\s+الدفاع/)
  })

  it('only the word being typed is held to it: a word typed before it (ألم) keeps its full weight', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    index.addAll([
      { id: 'pain', text: 'ألم شديد' },
      { id: 'minister', text: 'وزير الدفاع' },
    ])
    const score = (query: string, prefix: boolean) =>
      index.search(query, { prefix }).find((r) => r.id === 'pain')?.score ?? 0
    expect(score('الم وزير', true)).toBeGreaterThanOrEqual(score('الم وزير', false))
    expect(score('وزير الم', true)).toBeLessThan(score('وزير الم', false))
  })
})

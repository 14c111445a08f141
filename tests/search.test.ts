import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { ArabicSearch, ERROR_CODES, isFahrasError } from '../src/index.js'

type Doc = { id: string | number; title?: string; text?: string; url?: string }
// The seed article (Jidar News, 11 August 2023) as the bundled corpus holds it: tests read only
// the repository, never ../shared.
const SEED = (
  JSON.parse(readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8').split('\n')[0]!) as {
    text: string
  }
).text

const DOCS: Doc[] = [
  {
    id: 'seed',
    title: 'العراق يؤكد شراكة استراتيجية مع الولايات المتحدة في محاربة داعش',
    text: SEED,
    url: 'https://example.org/jidar',
  },
  { id: 'books', title: 'مكتبة', text: 'قرأتُ الْكِتَابَ في المكتبةِ، ثم أعدتُ الكتبَ إلى الرفوف.' },
  { id: 'book-his', title: 'قصة', text: 'أعطاني صديقي كتابه الجديد عن تاريخ بغداد.' },
  { id: 'baghdad', title: 'بغداد', text: 'بغداد عاصمة العراق وأكبر مدنه، وفيها مطار بغداد الدولي.' },
  { id: 'quran', title: 'الفاتحة', text: 'بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ' },
  { id: 'zakat', title: 'أركان', text: 'وَأَقِيمُوا۟ ٱلصَّلَوٰةَ وَءَاتُوا۟ ٱلزَّكَوٰةَ' },
  {
    id: 'html',
    title: 'صفحة <b>خطيرة</b>',
    text: 'نص فيه <script>alert("x")</script> و<img src=x onerror=alert(1)> ثم كلمة الكتاب & "اقتباس"',
  },
  { id: 7, title: 'رقم', text: 'وثيقة رقمها سبعة عن الدفاع' },
]

const build = (options: Partial<ConstructorParameters<typeof ArabicSearch<Doc>>[0]> = {}) => {
  const index = new ArabicSearch<Doc>({ fields: ['title', 'text'], storeFields: ['title', 'text', 'url'], ...options })
  index.addAll(DOCS)
  return index
}
const ids = (results: Array<{ id: unknown }>) => results.map((r) => r.id)

const expectCode = (fn: () => unknown, code: string, message?: RegExp) => {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(isFahrasError(caught), `expected a fahras error, got ${String(caught)}`).toBe(true)
  expect((caught as { code: string }).code).toBe(code)
  if (message) expect((caught as Error).message).toMatch(message)
  return caught as Error & { details?: Record<string, unknown> }
}

describe('ArabicSearch: ranking', () => {
  const index = build()
  it('finds vowelled text with an unvowelled query and the other way round', () => {
    expect(ids(index.search('الكتاب'))).toContain('books')
    expect(ids(index.search('ٱلْكِتَٰبُ'))).toContain('books')
    expect(ids(index.search('الصلاة الزكاة'))[0]).toBe('zakat')
    expect(ids(index.search('الرحمن'))[0]).toBe('quran')
  })
  it('ranks a match on the written form above a match only through the stem', () => {
    const results = index.search('الكتاب')
    expect(ids(results).indexOf('books')).toBeLessThan(ids(results).indexOf('book-his'))
    expect(ids(index.search('كتابه'))[0]).toBe('book-his')
  })
  it('ranks documents that match more of the query words higher', () => {
    expect(ids(index.search('مطار بغداد الدولي')).slice(0, 2)).toEqual(
      ['baghdad', 'seed'].sort((a) => (a === 'baghdad' ? -1 : 1)),
    )
    expect(ids(index.search('وزير الدفاع العراقي ثابت العباسي'))[0]).toBe('seed')
  })
  it('applies field boosts', () => {
    const plain = build()
    const boosted = build({ boost: { title: 10 } })
    const q = 'بغداد'
    expect(boosted.search(q)[0]!.score).toBeGreaterThan(plain.search(q)[0]!.score)
    expect(ids(boosted.search(q))[0]).toBe('baghdad')
  })
  it('returns scores in decreasing order, with terms, match and the stored fields', () => {
    const results = index.search('بغداد العراق')
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score)
    const seed = results.find((r) => r.id === 'seed')!
    expect(seed.url).toBe('https://example.org/jidar')
    expect(seed.terms.sort()).toEqual(['بغداد', 'عراق'])
    expect(Object.keys(seed.match).sort()).toEqual(['بغداد', 'عراق'])
  })
})

describe('ArabicSearch: query syntax and options', () => {
  const index = build()
  it('combineWith AND requires every word', () => {
    expect(ids(index.search('بغداد الكتاب'))).toEqual(expect.arrayContaining(['baghdad', 'books', 'book-his']))
    expect(ids(index.search('بغداد الكتاب', { combineWith: 'AND' }))).toEqual(['book-his'])
  })
  it('"exact phrase" requires the words in order', () => {
    expect(ids(index.search('"مطار بغداد"')).sort()).toEqual(['baghdad', 'seed'])
    expect(ids(index.search('"بغداد مطار"'))).toEqual([])
    expect(ids(index.search('"وزير الدفاع العراقي"'))).toEqual(['seed'])
  })
  it('-word excludes documents', () => {
    expect(ids(index.search('بغداد -مطار'))).toEqual(['book-his'])
  })
  it('word* searches a prefix, and prefix: true does so for every word', () => {
    expect(ids(index.search('الاستراتيج*'))).toContain('seed')
    expect(ids(index.search('بغدا', { prefix: true }))).toEqual(expect.arrayContaining(['baghdad', 'book-his', 'seed']))
    expect(ids(index.search('بغدا'))).toEqual([])
  })
  it('fuzzy finds a misspelt word', () => {
    expect(ids(index.search('البنتغون'))).toEqual([])
    expect(ids(index.search('البنتغون', { fuzzy: 1 }))).toEqual(['seed'])
  })
  it('filter, fields, limit and offset', () => {
    expect(ids(index.search('بغداد', { filter: (r) => r.id !== 'baghdad' }))).not.toContain('baghdad')
    expect(ids(index.search('بغداد', { fields: ['title'] }))).toEqual(['baghdad'])
    const all = ids(index.search('بغداد العراق الكتاب', { limit: 100 }))
    expect(ids(index.search('بغداد العراق الكتاب', { limit: 2 }))).toEqual(all.slice(0, 2))
    expect(ids(index.search('بغداد العراق الكتاب', { limit: 2, offset: 2 }))).toEqual(all.slice(2, 4))
  })
  it('a query of only stop words, diacritics, punctuation or operators returns nothing, without error', () => {
    for (const q of ['في من إلى', 'ًٌٍَُِّ', '', '   ', '*', '-', '"', '-"في"', '؟!،', '"unbalanced'])
      expect(index.search(q)).toEqual([])
  })
  it('keeps numeric and string ids apart', () => {
    expect(ids(index.search('وثيقة'))).toEqual([7])
    expect(index.has(7)).toBe(true)
    expect(index.has('7')).toBe(false)
  })
})

describe('ArabicSearch: snippets', () => {
  const index = build()
  it('marks the whole written word, diacritics and clitics included', () => {
    const [hit] = index.search('الكتاب', { fields: ['text'] })
    expect(hit!.id).toBe('books')
    const s = hit!.snippets.text!
    expect(s.html).toContain('<mark>الْكِتَابَ</mark>')
    for (const [a, b] of s.ranges) expect(s.text.slice(a, b)).toMatch(/^\S+$/)
    const seed = index.search('والولايات المتحدة').find((r) => r.id === 'seed')!
    expect(seed.snippets.text!.html).toMatch(/<mark>الولايات<\/mark>|<mark>والولايات<\/mark>/)
  })
  it('picks the passage with the densest matches, not the first', () => {
    const text = `بغداد ${'كلام عام عن المدن والناس والحياة اليومية. '.repeat(20)}مطار بغداد الدولي قرب بغداد، ورحلات مطار بغداد كثيرة.`
    const local = new ArabicSearch<Doc>({ fields: ['text'], storeFields: ['text'] })
    local.add({ id: 1, text })
    const s = local.search('مطار بغداد')[0]!.snippets.text!
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.ranges.length).toBeGreaterThanOrEqual(4)
    expect(s.text.length).toBeLessThanOrEqual(160 + 4)
  })
  it('cuts at word boundaries with an ellipsis, about 160 characters by default', () => {
    const [hit] = index.search('البنتاغون')
    const s = hit!.snippets.text!
    expect(s.text.length).toBeGreaterThan(100)
    expect(s.text.length).toBeLessThanOrEqual(170)
    expect(s.text.startsWith('… ')).toBe(true)
    expect(s.text.endsWith(' …')).toBe(true)
    const inner = s.text.slice(2, -2)
    expect(SEED.replace(/\s+/g, ' ')).toContain(inner)
  })
  it('gives several passages on request, joined, each with its marks', () => {
    const [hit] = index.search('داعش', { snippets: { count: 3, length: 60 } })
    const s = hit!.snippets.text!
    expect(s.passages?.length).toBe(3)
    expect(s.ranges.length).toBeGreaterThanOrEqual(3)
    for (const [a, b] of s.ranges) expect(s.text.slice(a, b)).toMatch(/^(ل|ب|و)?داعش$/)
  })
  it('uses a configurable wrapper', () => {
    const local = build({ snippet: { wrapper: ['<em class="hit">', '</em>'] } })
    expect(local.search('بغداد', { fields: ['title'] })[0]!.snippets.title!.html).toBe('<em class="hit">بغداد</em>')
  })
  it('escapes HTML in documents: only the wrapper is markup', () => {
    for (const q of ['الكتاب', 'خطيرة', 'نص']) {
      const hit = index.search(q).find((r) => r.id === 'html')!
      for (const s of Object.values(hit.snippets)) {
        const tags = s.html.match(/<[^>]*>/g) ?? []
        for (const tag of tags) expect(['<mark>', '</mark>']).toContain(tag)
        expect(s.html).not.toMatch(/<script|<img|onerror=alert\(1\)>/)
      }
    }
  })
  it('takes text from getText when fields are not stored: for the first 10 results (proximity), or only the returned ones without proximity', () => {
    const getText = vi.fn(
      (id: string | number, field: string) =>
        (DOCS.find((d) => d.id === id) as Record<string, unknown> | undefined)?.[field] as string | undefined,
    )
    const local = new ArabicSearch<Doc>({ fields: ['title', 'text'], getText })
    local.addAll(DOCS)
    const query = 'العراق بغداد الكتاب'
    const results = local.search(query, { limit: 2 })
    expect(results).toHaveLength(2)
    expect(results[0]!.snippets.text!.ranges.length).toBeGreaterThan(0)
    const first10 = ids(local.search(query, { limit: 10, snippets: false }))
    expect(first10.length).toBeGreaterThan(2)
    let asked = new Set(getText.mock.calls.map(([id]) => id))
    expect([...asked].sort()).toEqual([...first10].sort())
    // each field of each document read once per search
    expect(getText.mock.calls.length).toBe(first10.length * 2 * 2)
    getText.mockClear()
    const plain = local.search(query, { limit: 2, proximity: false })
    asked = new Set(getText.mock.calls.map(([id]) => id))
    expect([...asked].sort()).toEqual(ids(plain).sort())
  })
  it('leaves snippets out on request, or when no text is available', () => {
    expect(build().search('بغداد', { snippets: false })[0]!.snippets).toEqual({})
    const bare = new ArabicSearch<Doc>({ fields: ['text'] })
    bare.addAll(DOCS)
    expect(bare.search('بغداد')[0]!.snippets).toEqual({})
  })
})

describe('ArabicSearch: suggest', () => {
  const index = build()
  it('completes the last word with words of the index, as written', () => {
    const suggestions = index.suggest('الاستراتي')
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.map((x) => x.suggestion)).toEqual(expect.arrayContaining(['الاستراتيجية', 'الاستراتيجي']))
    expect(index.suggest('مطار بغد')[0]!.suggestion).toBe('مطار بغداد')
    expect(index.suggest('')).toEqual([])
    // the word as typed is no suggestion, with or without diacritics
    for (const q of ['الاستراتيجية', 'الاستراتيجيةَ'])
      expect(index.suggest(q).map((x) => x.suggestion)).not.toContain('الاستراتيجية')
  })
})

describe('ArabicSearch: add, remove, replace', () => {
  it('removes and replaces documents', () => {
    const index = build()
    expect(index.documentCount).toBe(DOCS.length)
    index.remove('baghdad')
    expect(index.has('baghdad')).toBe(false)
    expect(ids(index.search('عاصمة'))).not.toContain('baghdad')
    index.replace({ id: 'books', title: 'حديقة', text: 'أزهار الحديقة جميلة' })
    expect(ids(index.search('أزهار'))).toEqual(['books'])
    expect(ids(index.search('الرفوف'))).toEqual([])
    expect(index.documentCount).toBe(DOCS.length - 1)
  })
  it('indexes numbers as text and skips null and undefined fields', () => {
    const index = new ArabicSearch<Record<string, unknown>>({ fields: ['title', 'year'], storeFields: ['year'] })
    index.add({ id: 1, title: null, year: 2023 })
    index.add({ id: 2, year: undefined, title: 'عام' })
    expect(ids(index.search('2023'))).toEqual([1])
    expect(ids(index.search('٢٠٢٣'))).toEqual([1])
  })
  it('addAllAsync reports progress and adds every document', async () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    const docs = Array.from({ length: 25 }, (_, i) => ({ id: i, text: `وثيقة رقم ${i} عن بغداد` }))
    const progress: number[] = []
    await index.addAllAsync(docs, { chunkSize: 10, onProgress: ({ added }) => progress.push(added) })
    expect(progress).toEqual([10, 20, 25])
    expect(index.documentCount).toBe(25)
  })
  it('addAllAsync stops cleanly on abort and says what was added', async () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    const docs = Array.from({ length: 30 }, (_, i) => ({ id: i, text: `وثيقة ${i}` }))
    const controller = new AbortController()
    const promise = index.addAllAsync(docs, {
      chunkSize: 10,
      onProgress: ({ added }) => added >= 10 && controller.abort(),
      signal: controller.signal,
    })
    const error = await promise.then(
      () => null,
      (e: unknown) => e as Error & { code: string; details: { added: number; addedIds: unknown[] } },
    )
    expect(error?.code).toBe(ERROR_CODES.ABORTED)
    expect(error?.details.added).toBe(10)
    expect(error?.details.addedIds).toEqual(docs.slice(0, 10).map((d) => d.id))
    expect(index.documentCount).toBe(10)
    expect(index.has(9)).toBe(true)
    expect(index.has(10)).toBe(false)
  })
})

describe('ArabicSearch: errors', () => {
  it('requires fields', () => {
    expectCode(
      () => new ArabicSearch({} as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `fields` to be a non-empty array/,
    )
    expectCode(() => new ArabicSearch(undefined as never), ERROR_CODES.INVALID_OPTION, /expected `options`/)
    expectCode(() => new ArabicSearch({ fields: [] }), ERROR_CODES.INVALID_OPTION, /non-empty array/)
  })
  it('rejects unknown options and wrong types', () => {
    expectCode(
      () => new ArabicSearch({ fields: ['a'], feilds: ['b'] } as never),
      ERROR_CODES.INVALID_OPTION,
      /unknown option `feilds`/,
    )
    expectCode(
      () => new ArabicSearch({ fields: ['a'], boost: { b: 2 } }),
      ERROR_CODES.INVALID_OPTION,
      /`boost.b` to be one of the indexed fields/,
    )
    expectCode(
      () => new ArabicSearch({ fields: ['a'], exactBoost: -1 }),
      ERROR_CODES.INVALID_OPTION,
      /`exactBoost` to be a finite number >= 0/,
    )
    expectCode(() => new ArabicSearch({ fields: ['__proto__'] }), ERROR_CODES.INVALID_OPTION, /field names other than/)
    const index = build()
    expectCode(
      () => index.search('x', { limit: -1 }),
      ERROR_CODES.INVALID_OPTION,
      /`limit` to be an integer >= 0, got `-1`/,
    )
    expectCode(
      () => index.search('x', { combineWith: 'XOR' } as never),
      ERROR_CODES.INVALID_OPTION,
      /`combineWith` to be 'OR' or 'AND'/,
    )
    expectCode(
      () => index.search('x', { fields: ['body'] as never }),
      ERROR_CODES.INVALID_OPTION,
      /indexed fields \(title, text\), got `"body"`/,
    )
    expectCode(
      () => index.search(5 as never),
      ERROR_CODES.INVALID_ARGUMENT,
      /search\(\) expected `query` to be a string/,
    )
  })
  it('rejects duplicate ids, missing ids and non-text fields, naming the field and the id', () => {
    const index = build()
    expectCode(() => index.add({ id: 'seed', text: 'x' }), ERROR_CODES.DUPLICATE_ID, /duplicate id "seed"/)
    expectCode(() => index.add({ text: 'x' } as Doc), ERROR_CODES.MISSING_ID, /without an id in field `id`/)
    expectCode(() => index.add({ id: { a: 1 } } as never), ERROR_CODES.MISSING_ID, /to be a string or a finite number/)
    const e = expectCode(
      () => index.add({ id: 'x1', text: { nested: 'نص' } } as never),
      ERROR_CODES.INVALID_DOCUMENT,
      /field `text` of document "x1"/,
    )
    expect(e.details).toMatchObject({ id: 'x1', field: 'text' })
    expectCode(() => index.add(null as never), ERROR_CODES.INVALID_DOCUMENT, /expected a document object/)
  })
  it('remove and replace of an unknown id throw', () => {
    const index = build()
    expectCode(() => index.remove('nope'), ERROR_CODES.UNKNOWN_ID, /unknown id "nope"/)
    expectCode(() => index.replace({ id: 'nope', text: 'x' }), ERROR_CODES.UNKNOWN_ID, /unknown id "nope"/)
  })
  it('addAll never half-adds: the error names the bad document and the index is unchanged', () => {
    const index = build()
    const before = index.documentCount
    const e = expectCode(
      () => index.addAll([{ id: 'n1', text: 'أ' }, { id: 'n2', text: ['x'] } as never, { id: 'n3', text: 'ب' }]),
      ERROR_CODES.INVALID_DOCUMENT,
      /document "n2" \(document 1\)/,
    )
    expect(e.details).toMatchObject({ position: 1 })
    expect(index.documentCount).toBe(before)
    expect(index.has('n1')).toBe(false)
    expectCode(
      () =>
        index.addAll([
          { id: 'n1', text: 'أ' },
          { id: 'n1', text: 'ب' },
        ]),
      ERROR_CODES.DUPLICATE_ID,
      /duplicate id "n1" \(document 1\); no document of the batch was added/,
    )
    expect(index.has('n1')).toBe(false)
  })
})

describe('ArabicSearch: save and load', () => {
  const queries = ['الكتاب', 'بغداد العراق', '"مطار بغداد"', 'الرحمن', 'داعش -الشراكة', 'الاستراتيج*', 'وثيقة']
  it('JSON.stringify → loadJSON returns the same results for every query', () => {
    const index = build()
    const again = ArabicSearch.loadJSON<Doc>(JSON.stringify(index), {
      fields: ['title', 'text'],
      storeFields: ['title', 'text', 'url'],
    })
    expect(again.documentCount).toBe(index.documentCount)
    for (const q of queries) expect(again.search(q)).toEqual(index.search(q))
  })
  it('loads without options, from the saved ones', () => {
    const index = build({ stem: false })
    const again = ArabicSearch.loadJSON<Doc>(JSON.stringify(index))
    expect(again.analyzerOptions.stem).toBe(false)
    expect(again.search('الكتاب')).toEqual(index.search('الكتاب'))
  })
  it('fails with a coded error for other analyzer options, another version, or damaged input', () => {
    const json = JSON.stringify(build())
    expectCode(
      () =>
        ArabicSearch.loadJSON(json, { fields: ['title', 'text'], storeFields: ['title', 'text', 'url'], stem: false }),
      ERROR_CODES.ANALYZER_MISMATCH,
      /analyzer option `stem`/,
    )
    expectCode(() => ArabicSearch.loadJSON(json, { fields: ['title'] }), ERROR_CODES.ANALYZER_MISMATCH, /`fields`/)
    expectCode(
      () => ArabicSearch.loadJSON(json, { normalize: { hamzaCarriers: false } }),
      ERROR_CODES.ANALYZER_MISMATCH,
      /analyzer option `normalize`/,
    )
    const other = JSON.parse(json)
    other.version = 99
    expectCode(
      () => ArabicSearch.loadJSON(other),
      ERROR_CODES.INDEX_VERSION_MISMATCH,
      /expected index format version 2 \(or 1\), got `99`/,
    )
    expectCode(
      () => ArabicSearch.loadJSON(json.slice(0, json.length / 2)),
      ERROR_CODES.INVALID_INDEX,
      /could not parse/,
    )
    expectCode(() => ArabicSearch.loadJSON('{"hello": 1}'), ERROR_CODES.INVALID_INDEX, /expected a saved fahras index/)
    const broken = JSON.parse(json)
    broken.index = { nonsense: true }
    expectCode(() => ArabicSearch.loadJSON(broken), ERROR_CODES.INVALID_INDEX, /damaged/)
  })
})

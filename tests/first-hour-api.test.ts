import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { ArabicSearch, ERROR_CODES, INDEX_FORMAT_VERSION, type SearchResult } from '../src/index.js'
import { expectCoded } from './expect-coded.js'

// Issue 14, items 4, 12, 15, 16: what a new user of the library API meets in the first hour.

type Article = { id: string; title: string; text: string; url?: string; date?: string }
const articles: Article[] = readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, 60)
  .map((line) => JSON.parse(line) as Article)

const filler = 'تقرير عن الاقتصاد والتجارة والزراعة في المنطقة خلال العام الماضي مع أرقام وتفاصيل كثيرة عن الأسواق'
const twoDocs: Article[] = [
  { id: 'title-match', title: 'بغداد', text: filler },
  { id: 'text-match', title: 'أخبار المنطقة', text: `بغداد بغداد بغداد ${filler}` },
]

/** What a user sees of results: ids, scores, snippets' html. */
const seen = (results: ReadonlyArray<SearchResult<Article, never, never> | SearchResult>) =>
  results.map((r) => ({
    id: r.id,
    score: r.score,
    html: Object.fromEntries(Object.entries(r.snippets).map(([f, s]) => [f, s?.html])),
  }))

function expectSameResults(a: ReturnType<typeof seen>, b: ReturnType<typeof seen>) {
  expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id))
  a.forEach((r, i) => expect(Math.abs(b[i]!.score - r.score)).toBeLessThan(1e-9))
  expect(b.map((r) => r.html)).toEqual(a.map((r) => r.html))
}

describe('item 4: a saved index keeps every setting that changes results', () => {
  it('boost { title: 10 } ranks the title match first before and after save → load, with the same scores', () => {
    const index = new ArabicSearch<Article>({
      fields: ['title', 'text'],
      storeFields: ['title', 'text'],
      boost: { title: 10 },
    })
    index.addAll(twoDocs)
    const before = index.search('بغداد')
    expect(before.map((r) => r.id)).toEqual(['title-match', 'text-match'])
    const loaded = ArabicSearch.loadJSON<Article>(JSON.stringify(index))
    expectSameResults(seen(before), seen(loaded.search('بغداد')))
  })

  it('searchOptions (limit, fuzzy) and the snippet wrapper survive save → load', () => {
    const index = new ArabicSearch<Article>({
      fields: ['title', 'text'],
      storeFields: ['title', 'text'],
      searchOptions: { limit: 1, fuzzy: 1 },
      snippet: { wrapper: ['<b>', '</b>'], length: 40 },
    })
    index.addAll(twoDocs)
    const loaded = ArabicSearch.loadJSON<Article>(JSON.stringify(index))
    const results = loaded.search('بغدان') // a typo: found through fuzzy only
    expect(results).toHaveLength(1)
    expect(results[0]!.snippets.text?.html).toContain('<b>')
    expectSameResults(seen(index.search('بغدان')), seen(results))
    expect((JSON.parse(JSON.stringify(index)) as { version: number }).version).toBe(INDEX_FORMAT_VERSION)
  })

  it('results are identical after save → load for random option sets (ids, scores to 1e-9, snippets)', () => {
    const fieldWeight = fc.double({ min: 0, max: 20, noNaN: true })
    const optionSets = fc.record(
      {
        boost: fc.record({ title: fieldWeight, text: fieldWeight }, { requiredKeys: [] }),
        exactBoost: fc.constantFrom(0, 0.5, 2),
        stem: fc.boolean(),
        extraStopWords: fc.constantFrom([], ['العراق']),
        storeFields: fc.constantFrom(['title', 'text'] as const, ['title'] as const, ['text', 'url'] as const),
        snippet: fc.record(
          {
            length: fc.integer({ min: 20, max: 300 }),
            count: fc.integer({ min: 1, max: 3 }),
            wrapper: fc.constantFrom(['<mark>', '</mark>'] as const, ['[', ']'] as const),
            ellipsis: fc.constantFrom('…', '...'),
          },
          { requiredKeys: [] },
        ),
        searchOptions: fc.record(
          {
            limit: fc.integer({ min: 0, max: 12 }),
            combineWith: fc.constantFrom('OR' as const, 'AND' as const),
            prefix: fc.boolean(),
            fuzzy: fc.constantFrom(false, 1, 0.2),
            fields: fc.constantFrom(['title'] as const, ['text'] as const, ['title', 'text'] as const),
            bm25: fc.record({
              k: fc.double({ min: 0.1, max: 3, noNaN: true }),
              b: fc.double({ min: 0, max: 1, noNaN: true }),
              d: fc.double({ min: 0, max: 1, noNaN: true }),
            }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    )
    const queries = [
      'العراق',
      'الولايات المتحدة',
      'وزير الدفاع',
      'الاستراتيجية',
      '"وزير الدفاع"',
      'داعش -العراق',
      'الشرا*',
    ]
    fc.assert(
      fc.property(optionSets, (options) => {
        const index = new ArabicSearch<Article>({ fields: ['title', 'text'], ...options } as never)
        index.addAll(articles.slice(0, 30), { allowMissingFields: true })
        const loaded = ArabicSearch.loadJSON<Article>(JSON.stringify(index))
        for (const query of queries) expectSameResults(seen(index.search(query)), seen(loaded.search(query)))
      }),
      { numRuns: 10 },
    )
  })

  it('function options: the saved index records them, and refuses to load without them', () => {
    const texts = new Map(twoDocs.map((d) => [d.id, d]))
    const getText = (id: string | number, field: string) => texts.get(String(id))?.[field as 'text']
    const keepTitles = (r: { id: string | number }) => r.id === 'title-match'
    const index = new ArabicSearch<Article>({
      fields: ['title', 'text'],
      getText,
      searchOptions: { filter: keepTitles },
    })
    index.addAll(twoDocs)
    const json = JSON.stringify(index)
    expectCoded(
      () => ArabicSearch.loadJSON(json),
      ERROR_CODES.ANALYZER_MISMATCH,
      /built with the function option `getText`.*give it again/,
    )
    expectCoded(
      () => ArabicSearch.loadJSON(json, { getText }),
      ERROR_CODES.ANALYZER_MISMATCH,
      /`searchOptions\.filter`/,
    )
    const loaded = ArabicSearch.loadJSON<Article>(json, { getText, searchOptions: { filter: keepTitles } })
    expectSameResults(seen(index.search('بغداد')), seen(loaded.search('بغداد')))
  })

  it('options given to loadJSON that differ from the saved ones: FAHRAS_ANALYZER_MISMATCH naming the option', () => {
    const index = new ArabicSearch<Article>({ fields: ['title', 'text'], boost: { title: 10 }, exactBoost: 1 })
    index.addAll(twoDocs)
    const json = JSON.stringify(index)
    expectCoded(
      () => ArabicSearch.loadJSON(json, { boost: { title: 2 } }),
      ERROR_CODES.ANALYZER_MISMATCH,
      /saved with `boost` \{"title":10\}/,
    )
    expectCoded(() => ArabicSearch.loadJSON(json, { exactBoost: 0.5 }), ERROR_CODES.ANALYZER_MISMATCH, /`exactBoost` 1/)
    expectCoded(
      () => ArabicSearch.loadJSON(json, { snippet: { length: 50 } }),
      ERROR_CODES.ANALYZER_MISMATCH,
      /`snippet`/,
    )
    // the same values again are fine
    expect(ArabicSearch.loadJSON(json, { boost: { title: 10 }, exactBoost: 1 }).documentCount).toBe(2)
  })

  it('a version 1 saved index still loads, with the options given for what it lacks', () => {
    const index = new ArabicSearch<Article>({ fields: ['title', 'text'], storeFields: ['title'], boost: { title: 10 } })
    index.addAll(twoDocs)
    const saved = JSON.parse(JSON.stringify(index)) as Record<string, unknown>
    delete saved.settings
    saved.version = 1
    expect(ArabicSearch.loadJSON<Article>(saved).search('بغداد')[0]!.id).toBe('text-match') // v1 had no boost
    expectSameResults(
      seen(index.search('بغداد')),
      seen(ArabicSearch.loadJSON<Article>(saved, { boost: { title: 10 } }).search('بغداد')),
    )
  })

  it('a damaged `settings` is FAHRAS_INVALID_INDEX', () => {
    const index = new ArabicSearch<Article>({ fields: ['title', 'text'] })
    index.addAll(twoDocs)
    const saved = JSON.parse(JSON.stringify(index)) as { settings: Record<string, unknown> }
    for (const settings of [
      null,
      5,
      { ...saved.settings, extra: 1 },
      { ...saved.settings, functions: ['eval'] },
      { ...saved.settings, boost: { title: -1 } },
      { ...saved.settings, searchOptions: { limit: 'x' } },
    ]) {
      expectCoded(() => ArabicSearch.loadJSON({ ...saved, settings }), ERROR_CODES.INVALID_INDEX, /damaged/)
    }
  })
})

describe('item 12: a field that no document has is an error, not an empty index', () => {
  it('addAll with a misspelled field throws FAHRAS_INVALID_DOCUMENT naming it and the fields the documents have', () => {
    const index = new ArabicSearch<Record<string, unknown>>({ fields: ['titel', 'text'] })
    const error = expectCoded(
      () => index.addAll(twoDocs),
      ERROR_CODES.INVALID_DOCUMENT,
      /no document with the field `titel`.*the first document has `id`, `title`, `text`/,
    )
    expect(error.details).toMatchObject({ fields: ['titel'] })
    expect(index.documentCount).toBe(0)
    const stored = new ArabicSearch<Record<string, unknown>>({ fields: ['title', 'text'], storeFields: ['nope'] })
    expectCoded(() => stored.addAll(twoDocs), ERROR_CODES.INVALID_DOCUMENT, /`nope`/)
  })

  it('addAllAsync checks the same, before adding anything', async () => {
    const index = new ArabicSearch<Record<string, unknown>>({ fields: ['title', 'txt'] })
    await expect(index.addAllAsync(twoDocs)).rejects.toMatchObject({
      code: ERROR_CODES.INVALID_DOCUMENT,
      message: expect.stringMatching(/`txt`/),
    })
    expect(index.documentCount).toBe(0)
    await index.addAllAsync(twoDocs, { allowMissingFields: true })
    expect(index.documentCount).toBe(2)
  })

  it('a field left out of a whole later batch is fine once a document had it; allowMissingFields accepts a first batch without it; empty batches pass', () => {
    const index = new ArabicSearch<Article>({ fields: ['title', 'text'], storeFields: ['url'] })
    expectCoded(() => index.addAll(twoDocs), ERROR_CODES.INVALID_DOCUMENT, /`url`/)
    index.addAll([{ id: 'u', title: 'بغداد', text: filler, url: '/u' }])
    index.addAll(twoDocs)
    index.addAll([])
    expect(index.documentCount).toBe(3)
    const other = new ArabicSearch<Article>({ fields: ['title', 'text'], storeFields: ['url'] })
    other.addAll(twoDocs, { allowMissingFields: true })
    expect(other.documentCount).toBe(2)
    // a key present with no value is spelled right
    const empty = new ArabicSearch<Article>({ fields: ['title', 'text'], storeFields: ['url'] })
    empty.addAll(twoDocs.map((d) => ({ ...d, url: undefined })))
    expect(empty.documentCount).toBe(2)
  })
})

describe('item 16: what MiniSearch users reach for', () => {
  const news: Article[] = [
    { id: 'old', title: 'وزير الدفاع يزور بغداد', text: filler, date: '2001-01-01' },
    { id: 'new', title: 'وزير الدفاع في بغداد', text: filler, date: '2024-06-01' },
    { id: 'other', title: 'الزراعة', text: filler, date: '2024-06-02' },
  ]
  const build = () => {
    const index = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'date'] })
    index.addAll(news)
    return index
  }

  it('getStoredFields(id) returns a copy of the stored fields, undefined for an unknown id', () => {
    const index = build()
    const stored = index.getStoredFields('new')!
    expect(stored).toEqual({ title: 'وزير الدفاع في بغداد', date: '2024-06-01' })
    stored.title = 'changed'
    expect(index.getStoredFields('new')!.title).toBe('وزير الدفاع في بغداد')
    expect(index.getStoredFields('nope')).toBeUndefined()
  })

  it('boostDocument: recent news first; a bad weight is FAHRAS_INVALID_OPTION', () => {
    const index = build()
    const recent = (_id: string | number, _term: string, stored: { date?: unknown }) =>
      String(stored.date) >= '2024' ? 10 : 1
    const plain = index.search('وزير الدفاع').map((r) => r.id)
    const boosted = index.search('وزير الدفاع', { boostDocument: recent }).map((r) => r.id)
    expect(boosted[0]).toBe('new')
    expect(plain).toContain('old')
    const terms: string[] = []
    index.search('الدفاع', { boostDocument: (_id, term) => (terms.push(term), 1) })
    expect(terms.every((t) => !t.startsWith('\u0001'))).toBe(true)
    expect(index.search('وزير', { boostDocument: (id) => (id === 'old' ? 0 : 1) }).map((r) => r.id)).toEqual(['new'])
    expectCoded(
      () => index.search('وزير', { boostDocument: () => Number.NaN }),
      ERROR_CODES.INVALID_OPTION,
      /`boostDocument` to return a finite number >= 0/,
    )
  })

  it('removeAll(ids) removes all or none; removeAll() empties the index', () => {
    const index = build()
    expectCoded(() => index.removeAll(['old', 'missing']), ERROR_CODES.UNKNOWN_ID, /"missing".*none was removed/)
    expect(index.documentCount).toBe(3)
    index.removeAll(['old', 'new'])
    expect(index.search('وزير')).toEqual([])
    expect(index.documentCount).toBe(1)
    index.removeAll()
    expect(index.documentCount).toBe(0)
    index.addAll(news)
    expect(index.search('وزير')).toHaveLength(2)
  })

  it('suggest takes the search options: filter, fields, fuzzy', () => {
    const index = build()
    expect(index.suggest('وزير الد').length).toBeGreaterThan(0)
    expect(index.suggest('بغد', { filter: (r) => r.id === 'other' })).toEqual([])
    expect(index.suggest('بغد', { filter: (r) => r.id === 'new' }).map((s) => s.suggestion)).toContain('بغداد')
    expect(index.suggest('بغد', { fields: ['text'] })).toEqual([])
    expect(index.suggest('وزيو الد', { fuzzy: 1 }).length).toBeGreaterThan(0) // a typo in the head
    expectCoded(() => index.suggest('بغد', { fuzzy: 7 }), ERROR_CODES.INVALID_OPTION, /`fuzzy`/)
  })

  it('loadJSONAsync: the same index, checked in chunks with the event loop free between them, cancellable', async () => {
    const index = new ArabicSearch<Article>({ fields: ['title', 'text'], storeFields: ['title'], boost: { title: 3 } })
    index.addAll(articles)
    const json = JSON.stringify(index)
    let ticks = 0
    const timer = setInterval(() => ticks++, 0)
    const loaded = await ArabicSearch.loadJSONAsync<Article>(json, undefined, { chunkSize: 1000 })
    clearInterval(timer)
    expect(ticks).toBeGreaterThan(0)
    for (const query of ['العراق', 'وزير الدفاع'])
      expectSameResults(seen(index.search(query)), seen(loaded.search(query)))
    const controller = new AbortController()
    const pending = ArabicSearch.loadJSONAsync(json, undefined, { signal: controller.signal, chunkSize: 100 })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: ERROR_CODES.ABORTED })
    await expect(ArabicSearch.loadJSONAsync(json.slice(0, 100))).rejects.toMatchObject({
      code: ERROR_CODES.INVALID_INDEX,
    })
    await expect(ArabicSearch.loadJSONAsync(json, { boost: { title: 1 } })).rejects.toMatchObject({
      code: ERROR_CODES.ANALYZER_MISMATCH,
    })
  })
})

describe('item 15: options and results are typed from the documents', () => {
  it('field names are checked against the document type, stored fields and snippets typed', () => {
    // each line below is a type error, checked by `tsc --noEmit` (npm test), and throws at run time
    // @ts-expect-error a misspelled indexed field
    expect(() => new ArabicSearch<Article>({ fields: ['titel'] }).addAll(twoDocs)).toThrow()
    // @ts-expect-error a misspelled stored field
    expect(() => new ArabicSearch<Article>({ fields: ['title'], storeFields: ['nope'] }).addAll(twoDocs)).toThrow()
    // @ts-expect-error a misspelled boost
    expect(() => new ArabicSearch<Article>({ fields: ['title'], boost: { titel: 2 } })).toThrow()
    const index = new ArabicSearch<Article>({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
    index.addAll(twoDocs)
    // @ts-expect-error a misspelled search field
    expect(() => index.search('بغداد', { fields: ['titel'] })).toThrow()
    const [hit] = index.search('بغداد', { fields: ['title'] })
    // @ts-expect-error no snippet of a field that was not searched
    expect(hit!.snippets.text).toBeUndefined()
    expectTypeOf(hit!.snippets.title).toEqualTypeOf<import('../src/index.js').Snippet | undefined>()

    // stored fields inferred from the options: present (not Partial), and only those
    const inferred = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'url'] })
    inferred.addAll(twoDocs, { allowMissingFields: true })
    const [r] = inferred.search('بغداد')
    expectTypeOf(r!.title).toEqualTypeOf<unknown>()
    // @ts-expect-error `text` is not stored
    expect(r!.text).toBeUndefined()
    // or given: ArabicSearch<Article, 'title'>
    const typed = new ArabicSearch<Article, 'title'>({ fields: ['title', 'text'], storeFields: ['title'] })
    typed.addAll(twoDocs)
    const [t] = typed.search('بغداد', { fields: ['title'] })
    expectTypeOf(t!.title).toEqualTypeOf<string>()
    expectTypeOf(typed.getStoredFields('x')).toEqualTypeOf<{ title: string } | undefined>()
    expect(t!.title).toBe('بغداد')
    // Record<string, unknown> documents still take any field name
    expect(() => new ArabicSearch({ fields: ['anything'], boost: { anything: 2 } })).not.toThrow()
  })
})

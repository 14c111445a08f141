import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ArabicSearch, ERROR_CODES, isFahrasError, MAX_QUERY_TERMS } from '../src/index.js'
import { arabicText } from './arbitraries.js'

type Doc = { id: string | number; title?: string; text?: unknown }
const DOCS: Doc[] = [
  { id: 1, title: 'بغداد', text: 'بغداد عاصمة العراق، يمر بها نهر دجلة.' },
  { id: 2, title: 'القاهرة', text: 'القاهرة عاصمة مصر على ضفاف النيل.' },
  { id: 3, title: 'المكتبة', text: 'قرأتُ الْكِتَابَ في المكتبة (a+b)*c [x] {y} ^$ | \\d+ ?' },
]
const build = () => {
  const index = new ArabicSearch<Doc>({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
  index.addAll(DOCS)
  return index
}
const ids = (r: Array<{ id: unknown }>) => r.map((x) => x.id)

describe('hostile queries come back, and make sense', () => {
  const index = build()
  it('a 100 kB query of thousands of words', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => (i % 50 === 0 ? 'بغداد' : `كلمة${i}`))
    const query = words.join(' ')
    expect(query.length).toBeGreaterThan(100_000)
    expect(ids(index.search(query))).toEqual([1])
  })
  it(`at most ${MAX_QUERY_TERMS} distinct words are searched, repeats count once`, () => {
    const filler = Array.from({ length: MAX_QUERY_TERMS }, (_, i) => `حشو${i}`).join(' ')
    expect(index.search(`${filler} بغداد`)).toEqual([]) // بغداد is past the limit
    expect(ids(index.search(`${'بغداد '.repeat(5000)}`))).toEqual([1])
  })
  it('a 100 kB word, regex metacharacters, unbalanced quotes, lone operators', () => {
    expect(index.search('ب'.repeat(100_000))).toEqual([])
    for (const q of [
      '(a+b)*c',
      '[x]',
      '{y}',
      '^$',
      '|',
      '\\d+',
      '?',
      '.*',
      '(((',
      ')))',
      '\\',
      '$&',
      '"',
      '""',
      '"بغداد',
      'بغداد"',
      '-',
      '*',
      '--',
      '**',
      '-*',
      '*-',
      '- * "',
    ]) {
      const results = index.search(q)
      for (const r of results) expect([1, 2, 3]).toContain(r.id)
    }
    expect(ids(index.search('"بغداد'))).toEqual([1])
    expect(ids(index.search('*بغداد*'))).toContain(1)
  })
  it('only diacritics, only stop words, only punctuation, control characters, lone surrogates', () => {
    for (const q of [
      'ًٌٍَُِّْ'.repeat(1000),
      'في من إلى '.repeat(1000),
      '،؛؟!'.repeat(1000),
      '\u0000\u0001\u001f',
      '\ud800\udc00\ud800',
    ]) {
      expect(index.search(q)).toEqual([])
    }
  })
  it('a one-letter prefix is searched as a word, not expanded to the whole index', () => {
    expect(index.search('ب*')).toEqual([])
    expect(ids(index.search('بغ*'))).toEqual([1])
  })
  it('fuzzy distances are bounded', () => {
    let caught: unknown
    try {
      index.search('بغداد', { fuzzy: 3 })
    } catch (e) {
      caught = e
    }
    expect((caught as { code?: string }).code).toBe(ERROR_CODES.INVALID_OPTION)
    expect(ids(index.search('بغدات', { fuzzy: 2 }))).toContain(1)
  })
  it('random strings over the Arabic alphabet never throw and return known documents', () => {
    fc.assert(
      fc.property(fc.oneof(arabicText(200), fc.string({ unit: 'binary', maxLength: 200 })), (q) => {
        for (const r of index.search(q, { limit: 5 })) expect([1, 2, 3]).toContain(r.id)
        index.suggest(q)
      }),
      { numRuns: 300 },
    )
  })
})

describe('hostile documents', () => {
  it('a 10 MB document and a 1 MB token without spaces are indexed, found and snippeted', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'], storeFields: ['text'] })
    const big = `${'كلام عادي عن المدن والناس. '.repeat(400_000)}كلمة نادرة هنا.`
    expect(big.length).toBeGreaterThan(10_000_000)
    const token = 'س'.repeat(1_000_000)
    index.addAll([
      { id: 'big', text: big },
      { id: 'token', text: `بداية ${token} نهاية` },
    ])
    const [hit] = index.search('نادرة')
    expect(hit!.id).toBe('big')
    expect(hit!.snippets.text!.html).toContain('<mark>نادرة</mark>')
    expect(hit!.snippets.text!.text.length).toBeLessThan(200)
    const [t] = index.search('بداية')
    expect(t!.id).toBe('token')
    expect(t!.snippets.text!.text.length).toBeLessThan(400)
  })
  it('100,000 tiny documents', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    index.addAll(Array.from({ length: 100_000 }, (_, i) => ({ id: i, text: i % 1000 === 0 ? 'نادر' : `وثيقة ${i}` })))
    expect(index.documentCount).toBe(100_000)
    expect(index.search('نادر', { limit: 1000 })).toHaveLength(100)
  })
  it('__proto__, constructor and prototype as ids, field names and keys pollute nothing', () => {
    const index = new ArabicSearch<Record<string, unknown>>({ fields: ['text'], storeFields: ['text'] })
    const evil = JSON.parse(
      '{"id": "__proto__", "text": "بغداد", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    )
    index.add(evil)
    index.add({ id: 'constructor', text: 'القاهرة' })
    index.add({ id: 'prototype', text: 'دمشق' })
    expect(ids(index.search('بغداد'))).toEqual(['__proto__'])
    expect(index.has('constructor')).toBe(true)
    const again = ArabicSearch.loadJSON<Record<string, unknown>>(JSON.stringify(index))
    expect(ids(again.search('دمشق'))).toEqual(['prototype'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      let caught: unknown
      try {
        new ArabicSearch({ fields: ['text'], storeFields: [name] })
      } catch (e) {
        caught = e
      }
      expect((caught as { code?: string }).code).toBe(ERROR_CODES.INVALID_OPTION)
    }
  })
  it('nested objects as field values are rejected, naming the field and the id', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    expect(() => index.add({ id: 1, text: { a: { b: 'ج' } } })).toThrow(/field `text` of document 1/)
    expect(index.documentCount).toBe(0)
  })
  it('ids 1 and "1" are two documents; duplicate ids are refused', () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    index.add({ id: 1, text: 'أ' })
    index.add({ id: '1', text: 'ب' })
    expect(index.documentCount).toBe(2)
    expect(() => index.add({ id: 1, text: 'ج' })).toThrow(/duplicate id 1/)
    expect(() => index.add({ id: Number.NaN, text: 'ج' })).toThrow(/string or a finite number/)
  })
})

describe('snippets never split a character', () => {
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
  const isMark = (c: number) => /\p{M}/u.test(String.fromCharCode(c))
  it('no passage starts inside a surrogate pair or with a mark cut from its letter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arabicText(300), fc.constant('😀🇸🇦👍🏽'.repeat(30)), fc.constant('بَغْدَادُ'.repeat(40))), {
          minLength: 1,
          maxLength: 4,
        }),
        (texts) => {
          const index = new ArabicSearch<Doc>({
            fields: ['text'],
            storeFields: ['text'],
            snippet: { length: 20, count: 3 },
          })
          index.addAll(texts.map((text, i) => ({ id: i, text: `${text} بغداد ${text}` })))
          for (const r of index.search('بغداد', { limit: 10 })) {
            for (const p of r.snippets.text!.passages ?? [r.snippets.text!]) {
              // where a passage was cut (…), the cut splits neither a pair nor a letter from its marks
              const cutBefore = p.text.startsWith('… ')
              const cutAfter = p.text.endsWith(' …')
              const body = p.text.slice(cutBefore ? 2 : 0, cutAfter ? -2 : undefined)
              if (body.length === 0) continue
              if (cutBefore) {
                expect(isLow(body.charCodeAt(0)), JSON.stringify(body)).toBe(false)
                // a mark may open a passage only where the document has no letter before it: after a
                // space, or after a bidi control (a grapheme boundary: Unicode breaks after controls).
                // Bidi controls are compared aside: a passage leaves out a closer whose opener was cut off.
                if (isMark(body.charCodeAt(0))) {
                  const BIDI = /[\u202A-\u202E\u2066-\u2069]/
                  const noBidi = (t: string) => t.replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
                  const head = noBidi(body).slice(0, 3)
                  const docText = ` ${texts[r.id as number]} بغداد ${texts[r.id as number]}`.replace(/\s+/g, ' ')
                  let opensAfterBoundary = false
                  for (let i = 0; i < docText.length && !opensAfterBoundary; i++) {
                    opensAfterBoundary =
                      (docText[i] === ' ' || BIDI.test(docText[i]!)) &&
                      noBidi(docText.slice(i + 1, i + 40)).startsWith(head)
                  }
                  expect(opensAfterBoundary, JSON.stringify(body)).toBe(true)
                }
              }
              if (cutAfter) expect(isHigh(body.charCodeAt(body.length - 1)), JSON.stringify(body)).toBe(false)
              // and nowhere does a lone half of a pair appear that the document did not have
              for (let k = 0; k < body.length; k++) {
                const c = body.charCodeAt(k)
                if (isHigh(c) && !isLow(body.charCodeAt(k + 1)))
                  expect(
                    texts.some((t) => t.includes(body.slice(k, k + 1) + (body[k + 1] ?? ''))),
                    JSON.stringify(body),
                  ).toBe(true)
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('damaged saved indexes fail with a coded error and load nothing', () => {
  const json = JSON.stringify(build())
  it('truncated at any point', () => {
    for (let cut = 0; cut < json.length; cut += Math.max(1, Math.floor(json.length / 300))) {
      let caught: unknown
      try {
        ArabicSearch.loadJSON(json.slice(0, cut))
      } catch (e) {
        caught = e
      }
      expect(isFahrasError(caught), `cut at ${cut}`).toBe(true)
      expect((caught as { code: string }).code).toBe(ERROR_CODES.INVALID_INDEX)
    }
  })
  it('structurally tampered', () => {
    const tamper: Array<(j: Record<string, any>) => void> = [
      (j) => (j.index.documentCount = 99),
      (j) => (j.index.documentIds = []),
      (j) => (j.index.index = { a: 1 }),
      (j) => j.index.index.push(['كلمة', { 9: { 0: 1 } }]),
      (j) => j.index.index.push(['كلمة', { 0: { x: 1 } }]),
      (j) => (j.index.fieldIds = { title: 0 }),
      (j) => (j.index.storedFields['0'] = { evil: '<script>' }),
      (j) => (j.index.fieldLength = { 77: [1, 1] }),
      (j) => (j.index.serializationVersion = 7),
      (j) => (j.index = null),
      (j) => (j.fields = 'title'),
      (j) => (j.analyzer = { normalize: 'x' }),
    ]
    for (const [i, change] of tamper.entries()) {
      const j = JSON.parse(json)
      change(j)
      let caught: unknown
      try {
        ArabicSearch.loadJSON(j)
      } catch (e) {
        caught = e
      }
      expect(isFahrasError(caught), `tamper ${i}`).toBe(true)
      expect([ERROR_CODES.INVALID_INDEX, ERROR_CODES.ANALYZER_MISMATCH], `tamper ${i}`).toContain(
        (caught as { code: string }).code,
      )
    }
  })
  it('random byte corruption: a coded error, or an index that still answers', () => {
    fc.assert(
      fc.property(fc.nat(json.length - 1), fc.integer({ min: 0x20, max: 0x7e }), (at, code) => {
        const damaged = json.slice(0, at) + String.fromCharCode(code) + json.slice(at + 1)
        try {
          const loaded = ArabicSearch.loadJSON(damaged)
          loaded.search('بغداد القاهرة')
        } catch (e) {
          expect(isFahrasError(e), String(e)).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('concurrency', () => {
  it('searches interleaved with addAllAsync see only added documents, consistently', async () => {
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    const docs = Array.from({ length: 200 }, (_, i) => ({ id: i, text: `بغداد وثيقة ${i}` }))
    const seen: number[] = []
    const done = index.addAllAsync(docs, {
      chunkSize: 20,
      onProgress: ({ added }) => {
        const found = index.search('بغداد', { limit: 1000 }).map((r) => r.id as number)
        expect(found.length).toBe(added)
        expect(found.every((id) => id < added)).toBe(true)
        seen.push(found.length)
      },
    })
    // a search between chunks, from another task
    await new Promise((r) => setTimeout(r, 0))
    const between = index.search('بغداد', { limit: 1000 }).length
    expect(between % 20).toBe(0)
    await done
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 20))
    expect(index.search('بغداد', { limit: 1000 })).toHaveLength(200)
  })
})

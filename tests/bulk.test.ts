import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, isFahrasError } from '../src/index.js'
import { bulkLines, type BulkOptions } from '../src/opensearch/index.js'

const expectCoded = (fn: () => unknown, code: string, message: RegExp) => {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught, 'expected a throw').toBeInstanceOf(Error)
  expect(isFahrasError(caught)).toBe(true)
  expect((caught as { code: string }).code).toBe(code)
  expect((caught as Error).message).toMatch(message)
  return caught as Error & { details?: Record<string, unknown> }
}

const lines = (documents: Iterable<object>, options: BulkOptions) => [...bulkLines(documents, options)]
const pairs = (all: string[]) => {
  const out: Array<{ action: unknown; source: Record<string, unknown> }> = []
  for (let i = 0; i < all.length; i += 2) out.push({ action: JSON.parse(all[i]!), source: JSON.parse(all[i + 1]!) })
  return out
}

const DOCS = [
  { id: 'jidar', title: 'العراق يؤكد شراكة استراتيجية', text: 'تعهد كبار مسؤولي الجيش بالحفاظ على شراكة استراتيجية.', url: 'https://example.org/j' },
  { id: 7, title: 'رقم', text: 'وثيقة رقمها سبعة' },
]

describe('bulkLines', () => {
  it('writes an action line then the source line for each document', () => {
    const all = lines(DOCS, { index: 'articles' })
    expect(all).toEqual([
      '{"index":{"_index":"articles","_id":"jidar"}}',
      JSON.stringify(DOCS[0]),
      '{"index":{"_index":"articles","_id":"7"}}',
      JSON.stringify(DOCS[1]),
    ])
  })

  it('writes numeric ids as strings and keeps the id field, as given, in the source', () => {
    const [, second] = pairs(lines(DOCS, { index: 'articles' }))
    expect(second!.action).toEqual({ index: { _index: 'articles', _id: '7' } })
    expect(second!.source.id).toBe(7)
    expect(pairs(lines([{ id: -0 }, { id: 1.5 }, { id: 1e21 }], { index: 'x' })).map((p) => p.action)).toEqual([
      { index: { _index: 'x', _id: '0' } },
      { index: { _index: 'x', _id: '1.5' } },
      { index: { _index: 'x', _id: '1e+21' } },
    ])
  })

  it('reads the id from idField', () => {
    const [first] = pairs(lines([{ slug: 'baghdad', title: 'بغداد' }], { index: 'cities', idField: 'slug' }))
    expect(first!.action).toEqual({ index: { _index: 'cities', _id: 'baghdad' } })
    expect(first!.source).toEqual({ slug: 'baghdad', title: 'بغداد' })
  })

  it('keeps only the listed fields, in their order, leaving out those a document lacks', () => {
    const all = lines(DOCS, { index: 'articles', fields: ['text', 'title', 'missing'] })
    expect(all[1]).toBe(JSON.stringify({ text: DOCS[0]!.text, title: DOCS[0]!.title }))
    expect(all[3]).toBe(JSON.stringify({ text: DOCS[1]!.text, title: DOCS[1]!.title }))
    // the id goes in the source only when listed
    expect(JSON.parse(lines(DOCS, { index: 'articles', fields: ['id', 'title'] })[1]!)).toEqual({ id: 'jidar', title: DOCS[0]!.title })
  })

  it('never writes _id inside a source: the engines refuse it there', () => {
    const all = lines([{ _id: 'm1', title: 'مقال' }], { index: 'x', idField: '_id' })
    expect(all).toEqual(['{"index":{"_index":"x","_id":"m1"}}', '{"title":"مقال"}'])
    expectCoded(() => bulkLines([], { index: 'x', fields: ['title', '_id'] }), ERROR_CODES.INVALID_OPTION, /expected `fields` to be field names other than "" and "_id"/)
  })

  it('round-trips Arabic text, with diacritics, Uthmani marks and odd characters, through JSON.parse of each line', () => {
    const text = 'بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ\nسطر\r\nثانٍ\u2028\u2029\u0085 ﷲ ﻻ \u200c\u200f\u0640 "اقتباس" \\ \u0000 \ud83d\ude00 \ud800'
    const doc = { id: 'الفاتحة', title: 'سُورَةُ ٱلْفَاتِحَةِ', text }
    const all = lines([doc], { index: 'quran' })
    expect(all).toHaveLength(2)
    for (const line of all) {
      expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085]/)
    }
    expect(JSON.parse(all[0]!)).toEqual({ index: { _index: 'quran', _id: 'الفاتحة' } })
    expect(JSON.parse(all[1]!)).toEqual(doc)
  })

  it('round-trips every record of the bundled corpus', () => {
    const records = readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    const all = lines(records, { index: 'articles' })
    expect(all).toHaveLength(records.length * 2)
    pairs(all).forEach(({ action, source }, i) => {
      expect(action).toEqual({ index: { _index: 'articles', _id: String(records[i]!.id) } })
      expect(source).toEqual(records[i])
    })
  })

  it('is lazy: takes any iterable, a generator too, and yields as it goes', () => {
    function* docs() {
      yield { id: 1, text: 'أ' }
      yield { id: 2, text: 'ب' }
    }
    const it = bulkLines(docs(), { index: 'x' })
    expect(it.next().value).toBe('{"index":{"_index":"x","_id":"1"}}')
    expect([...it]).toHaveLength(3)
    expect(lines(new Set([{ id: 'a' }]), { index: 'x' })).toHaveLength(2)
    expect(lines([], { index: 'x' })).toEqual([])
  })

  it('throws FAHRAS_MISSING_ID for a document without an id, naming its position, before either of its lines', () => {
    const it = bulkLines([{ id: 'a' }, { title: 'بلا معرف' }], { index: 'x' })
    expect([it.next().value, it.next().value]).toHaveLength(2)
    const error = expectCoded(() => it.next(), ERROR_CODES.MISSING_ID, /bulkLines\(\) got a document without an id in field `id` \(document 1\)/)
    expect(error.details).toMatchObject({ position: 1 })
    for (const id of [null, '', undefined]) {
      expectCoded(() => lines([{ id }], { index: 'x' }), ERROR_CODES.MISSING_ID, /without an id in field `id` \(document 0\)/)
    }
    for (const [id, shown] of [[NaN, '`NaN` (number)'], [Infinity, '`Infinity` (number)'], [true, '`true` (boolean)'], [{ a: 1 }, 'an object'], [['a'], 'an array']] as const) {
      expectCoded(() => lines([{ id }], { index: 'x' }), ERROR_CODES.MISSING_ID, new RegExp(`expected the id in field \`id\` \\(document 0\\) to be a string or a finite number, got ${shown.replace(/[`()[\]]/g, '.')}`))
    }
    // an inherited id is not the document's own
    expectCoded(() => lines([Object.create({ id: 'inherited' })], { index: 'x' }), ERROR_CODES.MISSING_ID, /without an id/)
  })

  it('throws FAHRAS_DUPLICATE_ID for an id already written: 7 and "7" are the same _id', () => {
    const error = expectCoded(() => lines([{ id: 7 }, { id: 'b' }, { id: '7' }], { index: 'x' }), ERROR_CODES.DUPLICATE_ID, /got the id "7" a second time \(document 2\), first at document 0/)
    expect(error.details).toMatchObject({ id: '7', position: 2 })
  })

  it('throws FAHRAS_INVALID_DOCUMENT for a non-object, an id over 512 bytes, a document JSON cannot write', () => {
    for (const doc of [null, 'text', 42, ['a']]) {
      expectCoded(() => lines([doc as never], { index: 'x' }), ERROR_CODES.INVALID_DOCUMENT, /expected a document object \(document 0\)/)
    }
    expect(lines([{ id: 'ب'.repeat(256) }], { index: 'x' })).toHaveLength(2) // 512 bytes: accepted
    expectCoded(() => lines([{ id: 'ب'.repeat(256) + 'a' }], { index: 'x' }), ERROR_CODES.INVALID_DOCUMENT, /an id of 513 bytes .* at most 512/)
    expectCoded(() => lines([{ id: 'a', n: 10n }], { index: 'x' }), ERROR_CODES.INVALID_DOCUMENT, /could not write the document \(document 0\) as JSON/)
    const cyclic: Record<string, unknown> = { id: 'a' }
    cyclic.self = cyclic
    expectCoded(() => lines([cyclic], { index: 'x' }), ERROR_CODES.INVALID_DOCUMENT, /could not write the document/)
  })

  it('checks the index name against the rules of Elasticsearch and OpenSearch, at the call', () => {
    for (const ok of ['articles', 'fahras_arabic', 'a-b.c+d_1', 'مقالات', '.hidden', 'a'.repeat(255)]) {
      expect(() => bulkLines([], { index: ok }), ok).not.toThrow()
    }
    const bad: Array<[string, RegExp]> = [
      ['', /it is empty/],
      ['Articles', /must be lowercase/],
      ['ARABIC', /must be lowercase/],
      ...['\\', '/', '*', '?', '"', '<', '>', '|', ',', '#', ':'].map((c): [string, RegExp] => [`a${c}b`, /must not contain "/]),
      ['a b', /must not contain a space/],
      ['-a', /must not start with "-", "_" or "\+"/],
      ['_a', /must not start/],
      ['+a', /must not start/],
      ['.', /must not be "\." or "\.\."/],
      ['..', /must not be/],
      ['a'.repeat(256), /256 bytes long; the longest is 255/],
      ['ب'.repeat(128), /256 bytes long/],
    ]
    for (const [index, reason] of bad) {
      const error = expectCoded(() => bulkLines([{ id: 1 }], { index }), ERROR_CODES.INVALID_OPTION, reason)
      expect(error.message, index).toMatch(/^fahras: bulkLines\(\) expected `index` to be a valid index name, got /)
      expect(error).toBeInstanceOf(TypeError)
    }
  })

  it('rejects unknown options, wrong types and a missing index with FAHRAS_INVALID_OPTION', () => {
    expectCoded(() => bulkLines([], { index: 'x', idfield: 'slug' } as never), ERROR_CODES.INVALID_OPTION, /bulkLines\(\) got an unknown option `idfield`; expected one of `index`, `idField`, `fields`/)
    expectCoded(() => bulkLines([], { index: 'x', fields: 'title' } as never), ERROR_CODES.INVALID_OPTION, /expected `fields` to be an array of strings, got `"title"` \(string\)/)
    expectCoded(() => bulkLines([], { index: 'x', fields: [] }), ERROR_CODES.INVALID_OPTION, /expected `fields` to be a non-empty array/)
    expectCoded(() => bulkLines([], { index: 'x', idField: '' }), ERROR_CODES.INVALID_OPTION, /expected `idField` to be a field name/)
    expectCoded(() => bulkLines([], { index: 42 } as never), ERROR_CODES.INVALID_OPTION, /expected `index` to be a string, got `42` \(number\)/)
    expectCoded(() => bulkLines([], {} as never), ERROR_CODES.INVALID_OPTION, /expected `index` to be the name of the target index, got `undefined`/)
    expectCoded(() => bulkLines([], undefined as never), ERROR_CODES.INVALID_OPTION, /expected options to be an object with at least `index`/)
  })

  it('rejects documents that are not an iterable with FAHRAS_INVALID_ARGUMENT', () => {
    for (const value of [null, undefined, 42, 'text', { id: 1 }]) {
      expectCoded(() => bulkLines(value as never, { index: 'x' }), ERROR_CODES.INVALID_ARGUMENT, /bulkLines\(\) expected `documents` to be an iterable of document objects/)
    }
  })
})

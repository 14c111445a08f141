import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectCoded } from './expect-coded.js'
import { ERROR_CODES } from '../src/index.js'
import { encodeBulkDocument, isMetadataField, resolveBulkOptions } from '../src/opensearch/bulk.js'
import { bulkLines, type BulkOptions } from '../src/opensearch/index.js'

const lines = (documents: Iterable<object>, options: BulkOptions) => [...bulkLines(documents, options)]
const pairs = (all: string[]) => {
  const out: Array<{ action: unknown; source: Record<string, unknown> }> = []
  for (let i = 0; i < all.length; i += 2) out.push({ action: JSON.parse(all[i]!), source: JSON.parse(all[i + 1]!) })
  return out
}

// The metadata fields Elasticsearch 8 and OpenSearch 2 refuse inside a document ("Field [_index] is
// a metadata field and cannot be added inside a document"): their built-in metadata mappers, and
// those of the x-pack (_tier) and mapper-extras (_feature) modules. _size (the mapper-size
// plugin's) is kept: most clusters accept it as an ordinary field.
const METADATA_FIELDS = [
  '_id',
  '_index',
  '_routing',
  '_source',
  '_version',
  '_seq_no',
  '_primary_term',
  '_field_names',
  '_ignored',
  '_ignored_source',
  '_nested_path',
  '_data_stream_timestamp',
  '_feature',
  '_tier',
  '_index_mode',
  '_tsid',
  '_ts_routing_hash',
]

const DOCS = [
  {
    id: 'jidar',
    title: 'العراق يؤكد شراكة استراتيجية',
    text: 'تعهد كبار مسؤولي الجيش بالحفاظ على شراكة استراتيجية.',
    url: 'https://example.org/j',
  },
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
    expect(JSON.parse(lines(DOCS, { index: 'articles', fields: ['id', 'title'] })[1]!)).toEqual({
      id: 'jidar',
      title: DOCS[0]!.title,
    })
  })

  it('never writes _id inside a source: the engines refuse it there', () => {
    const all = lines([{ _id: 'm1', title: 'مقال' }], { index: 'x', idField: '_id' })
    expect(all).toEqual(['{"index":{"_index":"x","_id":"m1"}}', '{"title":"مقال"}'])
    expectCoded(
      () => bulkLines([], { index: 'x', fields: ['title', '_id'] }),
      ERROR_CODES.INVALID_OPTION,
      /expected `fields` to list no metadata field .*, got `"_id"` \(string\): the document's id/,
    )
  })

  describe('leaves every metadata field out of the source, and refuses it in `fields`', () => {
    for (const field of METADATA_FIELDS) {
      it(field, () => {
        expect(isMetadataField(field)).toBe(true)
        const document = { id: 'a1', [field]: 'value', title: 'بغداد' }
        expect(lines([document], { index: 'x' })).toEqual([
          '{"index":{"_index":"x","_id":"a1"}}',
          '{"id":"a1","title":"بغداد"}',
        ])
        const error = expectCoded(
          () => bulkLines([], { index: 'x', fields: ['title', field] }),
          ERROR_CODES.INVALID_OPTION,
          new RegExp(
            `^fahras: bulkLines\\(\\) expected \`fields\` to list no metadata field \\(Elasticsearch and OpenSearch refuse them inside a document\\), got \`"${field}"\` \\(string\\): .+`,
          ),
        )
        expect(error.details).toEqual({ option: 'fields', field })
        expect(error).toBeInstanceOf(TypeError)
      })
    }
  })

  it('keeps fields that are not metadata fields: _doc_count (the engines read it from the document), look-alikes, nested ones', () => {
    const document = {
      id: 'a1',
      _doc_count: 45,
      _score: 1.5,
      _meta: 'm',
      __id: 'b',
      _ID: 'c',
      _index_: 'd',
      index: 'e',
      nested: { _index: 'f', _id: 'g' },
    }
    expect(JSON.parse(lines([document], { index: 'x' })[1]!)).toEqual(document)
    for (const field of [
      '_doc_count',
      '_score',
      '_meta',
      'id',
      '',
      'constructor',
      'hasOwnProperty',
      '__proto__',
      'toString',
    ]) {
      expect(isMetadataField(field), field).toBe(false)
    }
    expect(JSON.parse(lines([document], { index: 'x', fields: ['_doc_count', 'nested'] })[1]!)).toEqual({
      _doc_count: 45,
      nested: document.nested,
    })
  })

  it("says which metadata fields it left out of each source (for the command line), in the document's order", () => {
    const options = resolveBulkOptions({ index: 'x' }, 'test')
    const encode = (document: object, o = options) => encodeBulkDocument(document, o, new Map(), '', 'here')
    const encoded = encode({ _version: 3, id: 'a1', title: 'بغداد', _index: 'old', _routing: 'r' })
    expect(encoded).toMatchObject({
      ok: true,
      leftOut: ['_version', '_index', '_routing'],
      source: '{"id":"a1","title":"بغداد"}',
    })
    expect(encode({ id: 'a1', title: 'بغداد' })).toMatchObject({ ok: true, leftOut: [] })
    // not a loss: a value JSON would not have written, or the id field, whose value is the action's _id
    expect(encode({ id: 'a1', _index: undefined, _routing: () => 1 })).toMatchObject({
      ok: true,
      leftOut: [],
      source: '{"id":"a1"}',
    })
    expect(
      encode({ _id: 'm1', title: 'مقال' }, resolveBulkOptions({ index: 'x', idField: '_id' }, 'test')),
    ).toMatchObject({ ok: true, leftOut: [], source: '{"title":"مقال"}' })
    // with `fields`, nothing is left out that was asked for
    expect(
      encode(
        { id: 'a1', _index: 'old', title: 'بغداد' },
        resolveBulkOptions({ index: 'x', fields: ['title'] }, 'test'),
      ),
    ).toMatchObject({ ok: true, leftOut: [], source: '{"title":"بغداد"}' })
  })

  it('does not change the document it was given when leaving out metadata fields', () => {
    const document = { id: 'a1', _index: 'old', title: 'بغداد' }
    lines([document], { index: 'x' })
    expect(document).toEqual({ id: 'a1', _index: 'old', title: 'بغداد' })
  })

  it('round-trips Arabic text, with diacritics, Uthmani marks and odd characters, through JSON.parse of each line', () => {
    const text =
      'بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ\nسطر\r\nثانٍ\u2028\u2029\u0085 ﷲ ﻻ \u200c\u200f\u0640 "اقتباس" \\ \u0000 \ud83d\ude00 \ud800'
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
    const records = readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
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
    const error = expectCoded(
      () => it.next(),
      ERROR_CODES.MISSING_ID,
      /bulkLines\(\) got a document without an id in field `id` \(document 1\)/,
    )
    expect(error.details).toMatchObject({ position: 1 })
    for (const id of [null, '', undefined]) {
      expectCoded(
        () => lines([{ id }], { index: 'x' }),
        ERROR_CODES.MISSING_ID,
        /without an id in field `id` \(document 0\)/,
      )
    }
    for (const [id, shown] of [
      [NaN, '`NaN` (number)'],
      [Infinity, '`Infinity` (number)'],
      [true, '`true` (boolean)'],
      [{ a: 1 }, 'an object'],
      [['a'], 'an array'],
    ] as const) {
      expectCoded(
        () => lines([{ id }], { index: 'x' }),
        ERROR_CODES.MISSING_ID,
        new RegExp(
          `expected the id in field \`id\` \\(document 0\\) to be a string or a finite number, got ${shown.replace(/[`()[\]]/g, '.')}`,
        ),
      )
    }
    // an inherited id is not the document's own
    expectCoded(
      () => lines([Object.create({ id: 'inherited' })], { index: 'x' }),
      ERROR_CODES.MISSING_ID,
      /without an id/,
    )
  })

  it('throws FAHRAS_DUPLICATE_ID for an id already written: 7 and "7" are the same _id', () => {
    const error = expectCoded(
      () => lines([{ id: 7 }, { id: 'b' }, { id: '7' }], { index: 'x' }),
      ERROR_CODES.DUPLICATE_ID,
      /got the id "7" a second time \(document 2\), first at document 0/,
    )
    expect(error.details).toMatchObject({ id: '7', position: 2 })
  })

  it('throws FAHRAS_INVALID_DOCUMENT for a non-object, an id over 512 bytes, a document JSON cannot write', () => {
    for (const doc of [null, 'text', 42, ['a']]) {
      expectCoded(
        () => lines([doc as never], { index: 'x' }),
        ERROR_CODES.INVALID_DOCUMENT,
        /expected a document object \(document 0\)/,
      )
    }
    expect(lines([{ id: 'ب'.repeat(256) }], { index: 'x' })).toHaveLength(2) // 512 bytes: accepted
    expectCoded(
      () => lines([{ id: `${'ب'.repeat(256)}a` }], { index: 'x' }),
      ERROR_CODES.INVALID_DOCUMENT,
      /an id of 513 bytes .* at most 512/,
    )
    expectCoded(
      () => lines([{ id: 'a', n: 10n }], { index: 'x' }),
      ERROR_CODES.INVALID_DOCUMENT,
      /could not write the document \(document 0\) as JSON/,
    )
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
      ...['\\', '/', '*', '?', '"', '<', '>', '|', ',', '#', ':'].map((c): [string, RegExp] => [
        `a${c}b`,
        /must not contain "/,
      ]),
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
    expectCoded(
      () => bulkLines([], { index: 'x', idfield: 'slug' } as never),
      ERROR_CODES.INVALID_OPTION,
      /bulkLines\(\) got an unknown option `idfield`; expected one of `index`, `idField`, `fields`/,
    )
    expectCoded(
      () => bulkLines([], { index: 'x', fields: 'title' } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `fields` to be an array of strings, got `"title"` \(string\)/,
    )
    expectCoded(
      () => bulkLines([], { index: 'x', fields: [] }),
      ERROR_CODES.INVALID_OPTION,
      /expected `fields` to be a non-empty array/,
    )
    expectCoded(
      () => bulkLines([], { index: 'x', fields: ['title', ''] }),
      ERROR_CODES.INVALID_OPTION,
      /expected `fields` to be non-empty field names, got `""` \(string\)/,
    )
    expectCoded(
      () => bulkLines([], { index: 'x', idField: '' }),
      ERROR_CODES.INVALID_OPTION,
      /expected `idField` to be a field name/,
    )
    expectCoded(
      () => bulkLines([], { index: 42 } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `index` to be a string, got `42` \(number\)/,
    )
    expectCoded(
      () => bulkLines([], {} as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `index` to be the name of the target index, got `undefined`/,
    )
    expectCoded(
      () => bulkLines([], undefined as never),
      ERROR_CODES.INVALID_OPTION,
      /expected options to be an object with at least `index`/,
    )
  })

  it('rejects documents that are not an iterable with FAHRAS_INVALID_ARGUMENT', () => {
    for (const value of [null, undefined, 42, 'text', { id: 1 }]) {
      expectCoded(
        () => bulkLines(value as never, { index: 'x' }),
        ERROR_CODES.INVALID_ARGUMENT,
        /bulkLines\(\) expected `documents` to be an iterable of document objects/,
      )
    }
  })
})

// Cases a review of the packed index found: each compares PackedIndex with ArabicSearch (or checks
// a coded error) on the exact input that once answered differently.
import { describe, expect, it } from 'vitest'
import { ArabicSearch, ERROR_CODES, PackedIndex, packDocuments, packDocumentsAsync } from '../src/index.js'
import { expectCoded } from './expect-coded.js'

/** The coded error a promise rejects with. */
async function rejection(run: () => Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await run()
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('expected a rejection')
}

type Doc = { id: number; title: string; text: string }
const DOCS: Doc[] = [
  { id: 1, title: 'كتاب', text: 'قرأت الكتاب في المدرسة' },
  { id: 2, title: 'مكتبة بغداد', text: 'كتابه الجديد عن تاريخ بغداد والكتاب القديم' },
  { id: 3, title: 'المدرسة', text: 'ذهب الطلاب إلى المدرسة ومعهم كتب' },
  { id: 4, title: 'قصة', text: 'الكتاب والمدرسة والمكتبة في بغداد ودمشق' },
  { id: 5, title: 'بغداد', text: 'بغداد عاصمة العراق ودمشق عاصمة سوريا والقاهرة عاصمة مصر' },
  { id: 6, title: 'دمشق', text: 'دمشق مدينة قديمة' },
  { id: 7, title: 'القاهرة', text: 'القاهرة أكبر مدن مصر وبغداد' },
]

function both(docs: readonly object[], options = { fields: ['title', 'text'], storeFields: ['title', 'text'] }) {
  const index = new ArabicSearch(options)
  index.addAll(docs as Doc[])
  return { index, packed: PackedIndex.load(index.pack()) }
}

const ranked = (results: Array<{ id: unknown; score: number }>) =>
  results.map((r) => [r.id, Number(r.score.toPrecision(12))])

describe('the packed index on the cases a review found', () => {
  it('a bm25 `b` above 1 ranks as ArabicSearch does (the top-k bounds are not used then)', () => {
    const { index, packed } = both(DOCS)
    for (const [query, options] of [
      ['كتاب', { limit: 1, bm25: { k: 1.2, b: 5, d: 0 } }],
      ['بغداد دمشق القاهرة', { limit: 2, bm25: { k: 1.2, b: 3, d: 0.5 } }],
    ] as const) {
      expect(ranked(packed.search(query, { ...options, snippets: false }))).toEqual(
        ranked(index.search(query, { ...options, snippets: false })),
      )
    }
  })

  it('equal scores come in the order the documents were added, in both engines', () => {
    for (const [docs, query] of [
      [
        [
          { id: 1, title: '', text: 'دمشق' },
          { id: 2, title: 'بغداد', text: '' },
        ],
        'بغداد دمشق',
      ],
      [
        [
          { id: 1, title: '', text: 'دمشق' },
          { id: 2, title: 'دمشق', text: '' },
        ],
        'دمشق',
      ],
    ] as const) {
      const { index, packed } = both(docs)
      const a = index.search(query, { snippets: false })
      expect(a.map((r) => r.id)).toEqual([1, 2])
      expect(packed.search(query, { snippets: false }).map((r) => r.id)).toEqual([1, 2])
      expect(packed.search(query, { limit: 1, snippets: false }).map((r) => r.id)).toEqual([1])
    }
  })

  it('a stored text with lone surrogates comes back as it was written, in results and snippets', () => {
    const text = 'بغداد\uD800 \uDC00بغداد'
    const { index, packed } = both([{ id: 1, title: 'x', text }])
    expect(packed.getStoredFields(1)).toEqual({ title: 'x', text })
    const [p] = packed.search('بغداد')
    const [a] = index.search('بغداد')
    expect(p!.snippets.text).toEqual(a!.snippets.text)
    expect((p as unknown as { text: string }).text).toBe(text)
  })

  it('packDocumentsAsync: an onProgress that throws on the last, partial chunk is FAHRAS_ABORTED too', async () => {
    const err = await rejection(() =>
      packDocumentsAsync(
        DOCS,
        { fields: ['title', 'text'] },
        {
          onProgress: () => {
            throw new Error('x')
          },
        },
      ),
    )
    expect(err.code).toBe(ERROR_CODES.ABORTED)
    expect(err.message).toMatch(/onProgress/)
  })

  it('PackedIndex.load refuses options that are not an object, packDocumentsAsync a signal that is not an AbortSignal', async () => {
    const bytes = packDocuments(DOCS, { fields: ['title', 'text'] })
    expectCoded(
      () => PackedIndex.load(bytes, 5 as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `options` to be an object/,
    )
    const err = await rejection(() => packDocumentsAsync(DOCS, { fields: ['title', 'text'] }, { signal: {} as never }))
    expect(err.code).toBe(ERROR_CODES.INVALID_OPTION)
    expect(err.message).toMatch(/AbortSignal/)
  })

  it('a prefix expanding to many terms gives what the whole evaluation gives', () => {
    const docs = Array.from({ length: 300 }, (_, i) => ({
      id: i,
      title: `مك${String.fromCharCode(0x628 + (i % 20))}${String.fromCharCode(0x628 + ((i * 7) % 20))}${i % 10}`,
      text: 'نص',
    }))
    const { index, packed } = both(docs)
    expect(ranked(packed.search('مك*', { snippets: false, limit: 20 }))).toEqual(
      ranked(index.search('مك*', { snippets: false, limit: 20 })),
    )
  })
})

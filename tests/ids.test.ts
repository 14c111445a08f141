import { describe, expect, it } from 'vitest'
import { ArabicSearch, ERROR_CODES, packDocuments } from '../src/index.js'
import { bulkLines } from '../src/opensearch/index.js'
import { idProblem } from '../src/search/documents.js'
import { expectCoded } from './expect-coded.js'

/** One rule for document ids everywhere (issue 15): a non-empty string or a finite number. */
describe('document ids: one rule for ArabicSearch, packDocuments, bulkLines and the CLI', () => {
  it('idProblem: missing for undefined, null and the empty string; a type problem for anything but a string or a finite number', () => {
    for (const id of [undefined, null, '']) expect(idProblem(id)).toBe('missing')
    for (const id of [Number.NaN, Infinity, {}, [], true, 1n, Symbol('x')]) expect(idProblem(id)).toBe('type')
    for (const id of ['a', ' ', 0, -1, 1.5]) expect(idProblem(id)).toBeNull()
  })

  it('an empty id is FAHRAS_MISSING_ID in ArabicSearch, packDocuments and bulkLines (the CLI skips the record)', () => {
    expectCoded(
      () => new ArabicSearch({ fields: ['text'] }).add({ id: '', text: 'بغداد' }),
      ERROR_CODES.MISSING_ID,
      /without an id in field `id`/,
    )
    expectCoded(
      () => packDocuments([{ id: '', text: 'بغداد' }], { fields: ['text'] }),
      ERROR_CODES.MISSING_ID,
      /without an id/,
    )
    const index = new ArabicSearch({ fields: ['text'] })
    index.add({ id: 0, text: 'بغداد' })
    expect(index.search('بغداد').map((r) => r.id)).toEqual([0])
    expectCoded(() => [...bulkLines([{ id: '', text: 'x' }], { index: 'i' })], ERROR_CODES.MISSING_ID, /without an id/)
    expect([...bulkLines([{ id: 0, text: 'x' }], { index: 'i' })][0]).toContain('"_id":"0"')
  })
})

describe('names: the constructor option `snippets`, as the search option is named (`snippet` its old name)', () => {
  it('takes `snippets`, still takes `snippet`, refuses both at once; save → load keeps them', () => {
    const docs = [{ id: 'a', text: 'كلام كثير قبل بغداد وبعدها كلام كثير' }]
    const now = new ArabicSearch({ fields: ['text'], storeFields: ['text'], snippets: { wrapper: ['[', ']'] } })
    const old = new ArabicSearch({ fields: ['text'], storeFields: ['text'], snippet: { wrapper: ['[', ']'] } })
    now.addAll(docs)
    old.addAll(docs)
    expect(now.search('بغداد')[0]!.snippets.text!.html).toContain('[بغداد]')
    expect(old.search('بغداد')[0]!.snippets.text!.html).toContain('[بغداد]')
    expectCoded(
      () => new ArabicSearch({ fields: ['text'], snippets: {}, snippet: {} }),
      ERROR_CODES.INVALID_OPTION,
      /`snippets` to be given once/,
    )
    const loaded = ArabicSearch.loadJSON(JSON.stringify(now), { snippets: { wrapper: ['[', ']'] } })
    expect(loaded.search('بغداد')[0]!.snippets.text!.html).toContain('[بغداد]')
  })
})

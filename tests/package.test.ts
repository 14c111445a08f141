import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as source from '../src/index.js'

// These tests run the built package (dist/, built by `npm test` before vitest) through Node's own
// resolution of the package name, as a user's `import 'fahras'` or `require('fahras')` would.
const root = fileURLToPath(new URL('..', import.meta.url))
const built = existsSync(`${root}/dist/index.js`)
const runNode = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' })

const SAMPLE = 'وَقَالَ وزيرُ الدفاعِ: «سنعزّزُ الشراكةَ الاستراتيجيةَ» مع الولايات المتحدة عام ٢٠٢٣'

describe('the built package', () => {
  it('is built (npm test builds before running vitest)', () => expect(built).toBe(true))

  it('works with import from ESM', () => {
    const out = runNode([
      '--input-type=module',
      '-e',
      `import { normalize, tokenize, stem, analyze } from 'fahras'
       import { normalize as n2 } from 'fahras/normalize'
       import { stem as s2 } from 'fahras/stem'
       const text = ${JSON.stringify(SAMPLE)}
       console.log(JSON.stringify({ n: normalize(text).text, t: tokenize(text).length, s: stem('وسيكتبونها'),
         a: analyze(text).map((x) => x.term), n2: n2(text).text, s2: s2('بالمدرسة') }))`,
    ])
    const got = JSON.parse(out)
    expect(got.n).toBe(source.normalize(SAMPLE).text)
    expect(got.t).toBe(source.tokenize(SAMPLE).length)
    expect(got.s).toBe('يكتب')
    expect(got.a).toEqual(source.analyze(SAMPLE).map((x) => x.term))
    expect(got.n2).toBe(got.n)
    expect(got.s2).toBe('مدرس')
  })

  it('ArabicSearch works from ESM and CJS alike, with the same results', () => {
    const script = (kind: 'esm' | 'cjs') => `
      ${kind === 'esm' ? "import { ArabicSearch } from 'fahras'" : "const { ArabicSearch } = require('fahras')"}
      const index = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
      index.addAll([{ id: 1, title: 'العراق', text: ${JSON.stringify(SAMPLE)} }, { id: 2, title: 'بغداد', text: 'عاصمة العراق' }])
      const again = ArabicSearch.loadJSON(JSON.stringify(index))
      console.log(JSON.stringify(again.search('الشراكة العراق').map((r) => [r.id, r.snippets.text.html])))`
    const esm = JSON.parse(runNode(['--input-type=module', '-e', script('esm')]))
    const cjs = JSON.parse(runNode(['-e', script('cjs')]))
    expect(esm).toEqual(cjs)
    expect(esm[0][0]).toBe(1)
    expect(esm[0][1]).toContain('<mark>الشراكةَ</mark>')
  })

  it('works with require from CJS', () => {
    const out = runNode([
      '-e',
      `const { analyze, ERROR_CODES } = require('fahras')
       const { stem } = require('fahras/stem')
       const { normalize } = require('fahras/normalize')
       let code = null
       try { analyze(42) } catch (e) { code = e.code }
       console.log(JSON.stringify({ a: analyze(${JSON.stringify(SAMPLE)}).map((x) => x.term), s: stem('والكتاب'),
         n: normalize('ٱلرَّحْمَٰنِ').text, code, expected: ERROR_CODES.INVALID_ARGUMENT }))`,
    ])
    const got = JSON.parse(out)
    expect(got.a).toEqual(source.analyze(SAMPLE).map((x) => x.term))
    expect(got.s).toBe('كتاب')
    expect(got.n).toBe('الرحمن')
    expect(got.code).toBe(got.expected)
  })
  it('fahras/minisearch loads from ESM and CJS alike and finds a vowelled word through MiniSearch', () => {
    const script = (kind: 'esm' | 'cjs') => `
      ${kind === 'esm' ? "import MiniSearch from 'minisearch'; import { minisearchOptions, highlight } from 'fahras/minisearch'" : "const MiniSearch = require('minisearch'); const { minisearchOptions, highlight } = require('fahras/minisearch')"}
      const ms = new MiniSearch({ fields: ['text'], storeFields: ['text'], ...minisearchOptions() })
      ms.addAll([{ id: 1, text: 'قرأتُ وَالْكِتَابِ' }, { id: 2, text: 'بغداد' }])
      const [hit] = ms.search('الكتاب')
      console.log(JSON.stringify([hit.id, highlight(hit.text, 'الكتاب').html]))`
    const esm = JSON.parse(runNode(['--input-type=module', '-e', script('esm')]))
    const cjs = JSON.parse(runNode(['-e', script('cjs')]))
    expect(esm).toEqual(cjs)
    expect(esm).toEqual([1, 'قرأتُ <mark>وَالْكِتَابِ</mark>'])
  })
})

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import MiniSearch, { type SearchResult } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from '../bench/lib/datasets.mjs'
import { scoreSystem } from '../bench/lib/quality-gate.mjs'
import { fahrasSystem } from '../bench/systems/fahras-system.mjs'
import { ArabicSearch, normalizeText } from '../src/index.js'
import { highlight, matchRanges, minisearchOptions, minisearchQuery, STEM_MARKER } from '../src/minisearch/index.js'
import { arabicText } from './arbitraries.js'
import { expectCoded } from './expect-coded.js'
import { expectSafeHtml } from './snippet-checks.js'

// fahras/minisearch (issue 18): fahras's analysis and highlighting inside an app that keeps its
// own MiniSearch. Every index here is a plain MiniSearch with the options spread in.

type Doc = { id: number; text: string }

function miniIndex(texts: readonly string[], options?: Parameters<typeof minisearchOptions>[0]) {
  const mini = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['text'], ...minisearchOptions(options) })
  mini.addAll(texts.map((text, id) => ({ id, text })))
  return mini
}
/** The texts of the documents found, best first. */
const found = (mini: MiniSearch<Doc>, query: string) => mini.search(query).map((r) => r.text as string)

describe('fahras/minisearch: the variants of the README through plain MiniSearch', () => {
  // each case: a query and the documents it must find, with one it must not
  const CASES: Array<{ name: string; query: string; finds: string[]; not: string }> = [
    { name: 'diacritics, query plain', query: 'الكتاب', finds: ['الْكِتَابُ'], not: 'القلم' },
    { name: 'diacritics, query vowelled', query: 'الْكِتَابُ', finds: ['الكتاب'], not: 'القلم' },
    { name: 'alef forms (أ إ آ ٱ → ا)', query: 'احمد اسلام امن', finds: ['أحمد', 'إسلام', 'آمن'], not: 'محمود' },
    { name: 'clitics: كتاب finds والكتاب and بالكتاب', query: 'كتاب', finds: ['والكتاب', 'بالكتاب'], not: 'مكتبة' },
    { name: 'Uthmani: الصلاة finds ٱلصَّلَوٰةَ', query: 'الصلاة', finds: ['وَأَقِيمُوا۟ ٱلصَّلَوٰةَ'], not: 'الزكاة' },
  ]
  for (const c of CASES) {
    it(c.name, () => {
      const mini = miniIndex([...c.finds, c.not])
      expect(found(mini, c.query).sort()).toEqual([...c.finds].sort())
    })
  }

  it('MiniSearch with its own options finds none of them (what the options change)', () => {
    const plain = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['text'] })
    plain.addAll(['الْكِتَابُ', 'والكتاب', 'ٱلصَّلَوٰةَ', 'أحمد'].map((text, id) => ({ id, text })))
    for (const query of ['الكتاب', 'كتاب', 'الصلاة', 'احمد']) expect(plain.search(query), query).toEqual([])
  })

  it('finds وَالْكِتَابِ for الكتاب and ranks the exact written form first', () => {
    const mini = miniIndex(['كتابه', 'وَالْكِتَابِ', 'الْكِتَابُ', 'القلم'])
    expect(found(mini, 'الكتاب')[0]).toBe('الْكِتَابُ')
    expect(found(mini, 'الكتاب').sort()).toEqual(['الْكِتَابُ', 'كتابه', 'وَالْكِتَابِ'].sort())
    // exactBoost 0: stems only, the three forms score alike (MiniSearch keeps insertion order)
    const flat = miniIndex(['كتابه', 'وَالْكِتَابِ', 'الْكِتَابُ'], { exactBoost: 0 })
    const scores = flat.search('الكتاب').map((r) => r.score)
    expect(new Set(scores).size).toBe(1)
  })

  it('ranks as ArabicSearch on a small corpus (same ids, same order; equal scores in the order added)', () => {
    const texts = [
      'قرأت الكتاب في المكتبة',
      'كتب الطالب كتابه',
      'وَالْكِتَابِ المقدس',
      'ذهبت إلى المدرسة',
      'المكتبات العامة في بغداد',
      'بغداد عاصمة العراق',
    ]
    const mini = miniIndex(texts)
    const index = new ArabicSearch<Doc>({ fields: ['text'] })
    index.addAll(texts.map((text, id) => ({ id, text })))
    for (const query of ['الكتاب', 'المكتبة في بغداد', 'كتب', 'العراق المدرسة']) {
      // MiniSearch gives equal scores in the order it meets them, ArabicSearch in the order the
      // documents were added (their ids here): the same ranking, ties put in that order
      const plain = mini.search(query).map((r) => ({ id: r.id as number, score: r.score }))
      plain.sort((a, b) => (Math.abs(a.score - b.score) <= 1e-9 * Math.abs(a.score) ? a.id - b.id : b.score - a.score))
      expect(
        plain.map((r) => r.id),
        query,
      ).toEqual(index.search(query, { snippets: false }).map((r) => r.id))
    }
  })

  it('stop words are not indexed and a query of stop words finds nothing', () => {
    const mini = miniIndex(['في البيت', 'من الطاولة'])
    expect(mini.search('في من')).toEqual([])
    expect(found(mini, 'في البيت')).toEqual(['في البيت'])
  })

  it('works with the app’s own tokenizer: every token is normalized and split again', () => {
    // Omnisearch indexes with its own tokenizer and searches with `tokenize: (text) => [text]`
    const options = minisearchOptions()
    const mini = new MiniSearch<Doc>({
      fields: ['text'],
      storeFields: ['text'],
      ...options,
      tokenize: (text) => text.split(/\s+/),
    })
    mini.addAll([
      { id: 1, text: 'قَرَأْتُ وَالْكِتَابِ، ثم نمت' },
      { id: 2, text: 'القلم' },
    ])
    const hits = mini.search({ combineWith: 'OR', queries: ['الكتاب'] }, { tokenize: (text) => [text] })
    expect(hits.map((r) => r.id)).toEqual([1])
  })

  it('minisearchQuery: with AND every word is required in any of its forms, written forms still first', () => {
    const mini = miniIndex(['وَالْكِتَابِ المقدس', 'الكتاب المقدس', 'الكتاب وحده', 'كتابه المقدسة'])
    const and = mini.search(minisearchQuery('الكتاب المقدس', { combineWith: 'AND' })).map((r) => r.text)
    expect(and.sort()).toEqual(['الكتاب المقدس', 'كتابه المقدسة', 'وَالْكِتَابِ المقدس'].sort())
    expect(mini.search(minisearchQuery('الكتاب المقدس', { combineWith: 'AND' }))[0]?.text).toBe('الكتاب المقدس')
    // a plain string with AND requires the written form of each word as well (why the tree exists)
    expect(found(mini, 'الكتاب').length).toBe(4)
    expect(
      mini
        .search('الكتاب', { combineWith: 'AND' })
        .map((r) => r.text)
        .sort(),
    ).toEqual(['الكتاب المقدس', 'الكتاب وحده'])
    // with OR, the tree ranks as the query string does
    for (const q of ['الكتاب المقدس', 'كتاب', 'المقدسة وحده']) {
      expect(
        mini.search(minisearchQuery(q)).map((r) => [r.id, r.score]),
        q,
      ).toEqual(mini.search(q).map((r) => [r.id, r.score]))
    }
    expect(mini.search(minisearchQuery('في من'))).toEqual([])
    expectCoded(
      () => minisearchQuery('x', { combineWith: 'XOR' as never }),
      'FAHRAS_INVALID_OPTION',
      /`combineWith` to be 'OR' or 'AND'/,
    )
  })

  it('autoSuggest gives written words: no stems, no marked terms', () => {
    const mini = miniIndex(['الشراكة الاستراتيجية بين البلدين', 'شراكة جديدة', 'الشرطة في المدينة'])
    const suggestions = mini.autoSuggest('الشرا')
    expect(suggestions.map((s) => s.suggestion)).toEqual(['الشراكه'])
    const words = new Set(
      ['الشراكة الاستراتيجية بين البلدين', 'شراكة جديدة', 'الشرطة في المدينة'].flatMap((t) =>
        normalizeText(t).split(' '),
      ),
    )
    for (const query of ['الشرا', 'شر', 'الشراكة الاس', 'ال', 'المد']) {
      for (const s of mini.autoSuggest(query)) {
        expect(s.suggestion).not.toContain(STEM_MARKER)
        for (const term of s.terms) expect(words.has(term), `${query} → ${term}`).toBe(true)
      }
    }
    expect(mini.autoSuggest('الشراكة الاس').map((s) => s.suggestion)).toEqual(['الشراكه الاستراتيجيه'])
  })

  it('discard and replace remove what add indexed', () => {
    const mini = miniIndex(['وَالْكِتَابِ', 'القلم'])
    mini.discard(0)
    expect(mini.search('الكتاب')).toEqual([])
    mini.add({ id: 2, text: 'بالكتاب' })
    expect(found(mini, 'كتاب')).toEqual(['بالكتاب'])
  })
})

describe('fahras/minisearch: the Omnisearch case (obsidian-omnisearch #498, PR #520)', () => {
  // Omnisearch, with "ignore diacritics" on, strips the diacritics of the note, finds the word in
  // the stripped text, and slices the ORIGINAL text at that offset (text-processing.ts,
  // getMatches): each diacritic before the match shifts the highlight one character.
  const NOTE = 'بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ. قَرَأْتُ الْكِتَابَ فِي الْمَكْتَبَةِ.'
  const omnisearchMatch = (text: string, word: string) => {
    const stripped = text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .normalize('NFC')
    const at = stripped.indexOf(word)
    return text.substring(at, at + word.length)
  }

  it('Omnisearch’s offsets land on the wrong word; highlight() marks the right one', () => {
    expect(omnisearchMatch(NOTE, 'الكتاب')).not.toContain('الْكِتَابَ')
    const mini = miniIndex([NOTE, 'القلم'])
    const [result] = mini.search('الكتاب')
    expect(result?.id).toBe(0)
    const h = highlight(NOTE, result!)
    expect(h.html).toContain('<mark>الْكِتَابَ</mark>')
    expect(h.ranges.map(([a, b]) => h.text.slice(a, b))).toEqual(['الْكِتَابَ'])
    // from the query string too, and the ranges in the note itself
    expect(highlight(NOTE, 'الكتاب').html).toBe(h.html)
    expect(matchRanges(NOTE, result!).map(([a, b]) => NOTE.slice(a, b))).toEqual(['الْكِتَابَ'])
  })

  it('marks the whole written word, clitics and marks included, for every form the result matched', () => {
    const note = 'وَالْكِتَابِ وكتابه <b>كتب</b> الكتابين'
    const mini = miniIndex([note])
    const [result] = mini.search('الكتاب')
    expect(highlight(note, result!).html).toBe(
      '<mark>وَالْكِتَابِ</mark> <mark>وكتابه</mark> &lt;b&gt;كتب&lt;/b&gt; <mark>الكتابين</mark>',
    )
    // a prefix search: the words it expanded to are marked
    const [prefixed] = mini.search('الكتا', { prefix: true })
    expect(matchRanges(note, prefixed!).map(([a, b]) => note.slice(a, b))).toContain('الكتابين')
  })

  it('takes the terms of an index built without fahras (normalized here)', () => {
    const result = { terms: ['الكتاب'], queryTerms: ['الكتاب'], match: { الكتاب: ['text'] } }
    expect(highlight('قرأتُ الْكِتَابَ', result).html).toBe('قرأتُ <mark>الْكِتَابَ</mark>')
  })

  it('cuts passages at word boundaries, with an ellipsis where cut', () => {
    const long = `${'كلمة '.repeat(60)}قَرَأْتُ الْكِتَابَ ${'نص '.repeat(60)}`
    const h = highlight(long, 'الكتاب', { length: 40 })
    expect(h.text.startsWith('… ')).toBe(true)
    expect(h.text.endsWith(' …')).toBe(true)
    const inner = h.text.slice(2, -2)
    expect(long).toContain(inner)
    const at = long.indexOf(inner)
    expect(at === 0 || /\s/.test(long[at - 1]!)).toBe(true)
    expect(/\s/.test(long[at + inner.length] ?? ' ')).toBe(true)
    expect(h.html).toContain('<mark>الْكِتَابَ</mark>')
  })
})

describe('fahras/minisearch: highlight is HTML-safe (the properties of snippets)', () => {
  const RUNS = Math.max(100, Math.floor(Number(process.env.FAHRAS_FUZZ_RUNS ?? 2000) / 5))
  const docText = fc.oneof(
    arabicText(160),
    fc.constantFrom(
      '<script>alert(1)</script> الكتاب',
      '<img src=x onerror=alert(1)> بغداد',
      'a & b < c > d "e" \'f\' الْكِتَابُ',
    ),
  )
  const queryArb = fc.oneof(arabicText(20), fc.constantFrom('الكتاب', 'بغداد', 'script', 'img', 'كتاب'))

  it('html with the marks removed and entities unescaped equals text; no tag but the wrapper (query strings)', () => {
    fc.assert(
      fc.property(
        docText,
        queryArb,
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 1, max: 3 }),
        (text, query, length, count) => {
          expectSafeHtml(highlight(text, query, { length, count }))
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('the same for MiniSearch results; their ranges in the text are in order, in bounds, one word each (no whitespace)', () => {
    fc.assert(
      fc.property(fc.array(docText, { minLength: 1, maxLength: 6 }), queryArb, (texts, query) => {
        const mini = miniIndex(texts)
        for (const result of mini.search(query, { prefix: true }) as Array<SearchResult & { text: string }>) {
          expectSafeHtml(highlight(result.text, result, { length: 40, count: 2 }))
          let previous = 0
          for (const [a, b] of matchRanges(result.text, result)) {
            expect(a).toBeGreaterThanOrEqual(previous)
            expect(b).toBeGreaterThan(a)
            expect(b).toBeLessThanOrEqual(result.text.length)
            expect(result.text.slice(a, b)).not.toMatch(/\s/)
            previous = b
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    )
  })

  it('a custom wrapper is the only markup', () => {
    const h = highlight('<i>الكتاب</i> & الكتاب', 'الكتاب', { wrapper: ['<em class="hit">', '</em>'] })
    expect(h.html).toBe('&lt;i&gt;<em class="hit">الكتاب</em>&lt;/i&gt; &amp; <em class="hit">الكتاب</em>')
  })
})

describe('fahras/minisearch: errors at the boundary', () => {
  it('minisearchOptions checks its options', () => {
    expectCoded(
      () => minisearchOptions({ exactBoost: -1 }),
      'FAHRAS_INVALID_OPTION',
      /^fahras: minisearchOptions\(\) expected `exactBoost` to be a finite number >= 0, got `-1`/,
    )
    expectCoded(() => minisearchOptions({ stemm: true } as never), 'FAHRAS_INVALID_OPTION', /unknown option `stemm`/)
    expectCoded(
      () => minisearchOptions({ stem: 'yes' } as never),
      'FAHRAS_INVALID_OPTION',
      /expected `stem` to be a boolean/,
    )
  })

  it('highlight checks the text, the query and the options', () => {
    expectCoded(
      () => highlight(42 as never, 'x'),
      'FAHRAS_INVALID_ARGUMENT',
      /^fahras: highlight\(\) expected `text` to be a string, got `42`/,
    )
    expectCoded(
      () => highlight('x', 42 as never),
      'FAHRAS_INVALID_ARGUMENT',
      /^fahras: highlight\(\) expected `query` to be a string or a MiniSearch result/,
    )
    expectCoded(
      () => highlight('x', { terms: [1] } as never),
      'FAHRAS_INVALID_ARGUMENT',
      /`query\.terms` to be an array of strings/,
    )
    expectCoded(
      () => highlight('x', 'x', { length: 5 }),
      'FAHRAS_INVALID_OPTION',
      /`length` to be an integer from 20 to 10000/,
    )
    expectCoded(() => highlight('x', 'x', { colour: 1 } as never), 'FAHRAS_INVALID_OPTION', /unknown option `colour`/)
    expectCoded(
      () => highlight('x', 'x', { analyzer: { stem: 1 } } as never),
      'FAHRAS_INVALID_OPTION',
      /`stem` to be a boolean/,
    )
  })

  it('the subpath imports nothing of MiniSearch, not even its types (they fit any MiniSearch 7)', () => {
    const dir = fileURLToPath(new URL('../src/minisearch', import.meta.url))
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8')
      expect(
        source.split('\n').filter((l) => /^\s*(import|export)\b.*['"]minisearch['"]/.test(l)),
        file,
      ).toEqual([])
    }
  })
})

describe('fahras/minisearch: retrieval quality against ArabicSearch (bench/data)', () => {
  /**
   * The two systems may differ by at most this much MRR@10 on each set: MiniSearch gets fahras's
   * analysis and BM25+ parameters, not its coordination (scoring.ts), which MiniSearch fixes.
   */
  const TOLERANCE = 0.005
  for (const name of RETRIEVAL_SETS) {
    it(`${name}: MiniSearch with minisearchOptions() ranks within ${TOLERANCE} MRR@10 of ArabicSearch`, () => {
      const dir = join(DEFAULT_DATA, name)
      for (const f of ['docs.jsonl', 'queries.jsonl', 'qrels.tsv'])
        if (!existsSync(join(dir, f))) throw new Error(`missing ${join(dir, f)}: the retrieval sets live in bench/data`)
      const set = loadDataset(DEFAULT_DATA, name)
      const fahras = scoreSystem(fahrasSystem(ArabicSearch), set, 10)
      let mini: MiniSearch
      const viaMiniSearch = scoreSystem(
        {
          name: 'MiniSearch + minisearchOptions()',
          build(docs: Array<{ id: string; title: string; text: string }>) {
            mini = new MiniSearch({ fields: ['title', 'text'], ...minisearchOptions() })
            mini.addAll(docs)
          },
          search: (query: string, k: number) =>
            mini
              .search(query)
              .slice(0, k)
              .map((r) => r.id),
        },
        set,
        10,
      )
      console.log(
        `${name}: MRR@10 ArabicSearch ${fahras.mrr10.toFixed(4)}, MiniSearch + minisearchOptions() ${viaMiniSearch.mrr10.toFixed(4)}`,
      )
      expect(viaMiniSearch.queries).toBe(set.queries.length)
      expect(Math.abs(viaMiniSearch.mrr10 - fahras.mrr10)).toBeLessThanOrEqual(TOLERANCE)
    })
  }
})

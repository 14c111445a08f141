import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  analyze,
  ArabicSearch,
  ERROR_CODES,
  MAX_PHRASE_CANDIDATES,
  MAX_QUERY_TERMS,
  MAX_SUGGESTIONS,
} from '../src/index.js'
import { expectCoded } from './expect-coded.js'
import { growthRatio } from './growth.js'

/**
 * Hostile queries, round two (issue 17, items 2, 4 and part of 17): phrases, suggest() and many
 * indexed fields. Growth tests time an operation at n and 4n in the same run, as CPU time of this
 * process (which other processes on a busy machine do not inflate as they do wall time); each
 * sample repeats the operation until it takes MIN_SAMPLE_MS at n (the same count at 4n), samples
 * alternate up to ROUNDS of each, and the best of each is compared. Only ratios are asserted.
 */
const ROUNDS = 5
const MIN_SAMPLE_MS = 20
const MAX_REPETITIONS = 1024
/** Linear work takes about 4× as long at 4n, quadratic work 16×. */
const LINEAR = 8
/** Work that must not grow with n at all (bounded, or repeats counted once): about 1× at 4n. */
const BOUNDED = 2

type Doc = { id: string; title: string; text: string }
const CORPUS: Doc[] = readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Doc)

function expectGrowth(small: () => unknown, large: () => unknown, bound: number, what: string): void {
  const ratio = growthRatio(small, large, {
    bound,
    minSampleMs: MIN_SAMPLE_MS,
    maxRepetitions: MAX_REPETITIONS,
    rounds: ROUNDS,
  })
  expect(ratio, `${what}: t(4n)/t(n) = ${ratio.toFixed(2)}`).toBeLessThan(bound)
}

const corpusIndex = (() => {
  let index: ArabicSearch<Doc> | undefined
  return () => {
    if (!index) {
      index = new ArabicSearch<Doc>({ fields: ['title', 'text'], storeFields: ['title', 'text'] })
      index.addAll(CORPUS)
    }
    return index
  }
})()

const termsAt = new Map<string, Map<number, string>>()
/** Brute force: do the analyzed terms of `text` hold those of `phrase` at the same relative positions? */
function bruteForceHasPhrase(text: string, phrase: string): boolean {
  const want = analyze(phrase)
  let at = termsAt.get(text)
  if (at === undefined) {
    at = new Map(analyze(text).map((t) => [t.position, t.term]))
    termsAt.set(text, at)
  }
  for (const start of at.keys()) {
    const base = start - want[0]!.position
    if (want.every((w) => at.get(base + w.position) === w.term)) return true
  }
  return false
}

describe('phrases: one analysis per candidate, repeats once, bounded verification', () => {
  it('a phrase gives the same results as before: the AND search of its words, kept where a brute-force scan finds the phrase', () => {
    const index = corpusIndex()
    // phrases taken from the corpus (adjacent words, words two apart, and a pair that is rarely a phrase)
    const phrases = new Set<string>([
      'مطار بغداد',
      'وزير الدفاع',
      'الولايات المتحدة',
      'العراق الولايات',
      'رئيس الوزراء',
      'الأمن القومي',
      'قال إن',
    ])
    for (let i = 0; i < CORPUS.length; i += 37) {
      const words = CORPUS[i]!.text.split(/\s+/).filter((w) => /^[\u0621-\u064a]{3,}$/.test(w))
      if (words.length > 12) {
        phrases.add(`${words[5]} ${words[6]}`)
        phrases.add(`${words[9]} في ${words[10]}`)
        phrases.add(`${words[3]} ${words[4]} ${words[5]}`)
      }
    }
    let nonEmpty = 0
    for (const phrase of phrases) {
      const expected = index
        .search(phrase, { combineWith: 'AND', limit: 10_000, snippets: false })
        .filter((r) => bruteForceHasPhrase(r.title!, phrase) || bruteForceHasPhrase(r.text!, phrase))
        .map((r) => r.id)
      const got = index.search(`"${phrase}"`, { limit: 10_000, snippets: false }).map((r) => r.id)
      expect(got, phrase).toEqual(expected)
      // the same phrase written twice, and with another phrase: the same results
      expect(
        index.search(`"${phrase}" «${phrase}»`, { limit: 10_000, snippets: false }).map((r) => r.id),
        phrase,
      ).toEqual(expected)
      if (expected.length > 0) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThan(10)
    const both = CORPUS.filter((d) =>
      ['مطار بغداد', 'وزير الدفاع'].every((p) => bruteForceHasPhrase(d.title, p) || bruteForceHasPhrase(d.text, p)),
    ).map((d) => d.id)
    expect(
      index
        .search('"مطار بغداد" "وزير الدفاع"', { limit: 10_000, snippets: false })
        .map((r) => r.id)
        .sort(),
    ).toEqual(both.sort())
  })

  it('inside one long document, checking a phrase is linear in its length (no scan of the terms per occurrence)', () => {
    // both words occur n times, never as the phrase: every occurrence is a start to check
    const build = (n: number) => {
      const index = new ArabicSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['text'] })
      index.add({ id: 1, text: 'وزير قال الدفاع '.repeat(n) })
      return index
    }
    const small = build(1500)
    const large = build(6000)
    expect(small.search('"وزير الدفاع"')).toEqual([])
    expect(large.search('"وزير قال الدفاع"').map((r) => r.id)).toEqual([1])
    expectGrowth(
      () => small.search('"وزير الدفاع"'),
      () => large.search('"وزير الدفاع"'),
      LINEAR,
      'phrase in one long document',
    )
  })

  it('k and 4k copies of one phrase take the same time (repeated phrases are searched and checked once)', () => {
    const index = corpusIndex()
    const query = (k: number) => `"العراق الولايات" `.repeat(k)
    const expected = index.search('"العراق الولايات"', { snippets: false }).map((r) => r.id)
    expect(index.search(query(128), { snippets: false }).map((r) => r.id)).toEqual(expected)
    expectGrowth(
      () => index.search(query(32), { snippets: false }),
      () => index.search(query(128), { snippets: false }),
      BOUNDED,
      'copies of a phrase',
    )
  })

  it('each candidate field is read once per search, whatever the number of phrases', () => {
    let reads = 0
    const texts = new Map<number, string>([
      [1, 'قال وزير الدفاع إن مطار بغداد آمن'],
      [2, 'وزير قال الدفاع عن مطار في بغداد'],
    ])
    const index = new ArabicSearch<{ id: number; text: string }>({
      fields: ['text'],
      getText: (id) => (reads++, texts.get(id as number)),
    })
    for (const [id, text] of texts) index.add({ id, text })
    const query = `${['"وزير الدفاع"', '"مطار بغداد"', '«وزير الدفاع»', '"الدفاع"'].join(' ')} `.repeat(50)
    expect(index.search(query, { snippets: false }).map((r) => r.id)).toEqual([1])
    expect(reads).toBe(2) // one read of each candidate's field
  })

  it(`at most MAX_PHRASE_CANDIDATES (${MAX_PHRASE_CANDIDATES}) candidates are checked against their text`, () => {
    let reads = 0
    const n = MAX_PHRASE_CANDIDATES + 500
    const text = (id: number) => (id === n - 1 ? 'وزير الدفاع' : 'وزير قال الدفاع')
    const index = new ArabicSearch<{ id: number; text: string }>({
      fields: ['text'],
      getText: (id) => (reads++, text(id as number)),
    })
    index.addAll(Array.from({ length: n }, (_, id) => ({ id, text: text(id) })))
    const results = index.search('"وزير الدفاع"', { snippets: false })
    expect(reads).toBeLessThanOrEqual(MAX_PHRASE_CANDIDATES)
    // the only document with the phrase ranks first by its words (the shortest): found
    expect(results.map((r) => r.id)).toEqual([n - 1])
  })
})

describe('suggest(): the bounds and coded errors of search()', () => {
  it('limit must be an integer from 0 to MAX_SUGGESTIONS, fields indexed fields: FAHRAS_INVALID_OPTION', () => {
    const index = corpusIndex()
    for (const limit of [-1, Number.NaN, 1.5, 1e9, MAX_SUGGESTIONS + 1, Infinity]) {
      const error = expectCoded(
        () => index.suggest('بغ', { limit }),
        ERROR_CODES.INVALID_OPTION,
        /^fahras: suggest\(\) expected `limit` to be an integer from 0 to \d+, got /,
      )
      expect(error.details?.option).toBe('limit')
    }
    expectCoded(() => index.suggest('بغ', { limit: '5' as unknown as number }), ERROR_CODES.INVALID_OPTION, /limit/)
    const error = expectCoded(
      () => index.suggest('بغ', { fields: ['body'] as never }),
      ERROR_CODES.INVALID_OPTION,
      /^fahras: suggest\(\) expected `fields` to be indexed fields \(title, text\), got .*body/,
    )
    expect(error.details?.option).toBe('fields')
    expectCoded(() => index.suggest('بغ', { bogus: 1 } as never), ERROR_CODES.INVALID_OPTION, /bogus/)
    expect(index.suggest('بغ', { limit: 0 })).toEqual([])
    expect(index.suggest('الاست', { limit: MAX_SUGGESTIONS }).length).toBeGreaterThan(5)
    expect(index.suggest('مطار بغ', { fields: ['text'] }).map((x) => x.suggestion)).toContain('مطار بغداد')
    expect(index.suggest('مطار بغ', { fields: [] })).toEqual([])
  })

  it('a last word shorter than MIN_PREFIX_LENGTH is not expanded (no suggestion), as in search()', () => {
    const index = corpusIndex()
    expect(index.search('ب*')).toEqual([])
    expect(index.suggest('ب')).toEqual([])
    expect(index.suggest('مطار ب')).toEqual([])
    expect(index.suggest('بَ')).toEqual([])
    expect(index.suggest('مطار بغ').map((x) => x.suggestion)).toContain('مطار بغداد')
  })

  it(`a long head: at most MAX_QUERY_TERMS (${MAX_QUERY_TERMS}) distinct words are searched, so 4× the words take about the same time`, () => {
    const index = corpusIndex()
    const words = [
      ...new Set(CORPUS.flatMap((d) => d.text.split(/\s+/)).filter((w) => /^[\u0621-\u064a]{4,}$/.test(w))),
    ]
    expect(words.length).toBeGreaterThan(8000)
    const head = (n: number) => Array.from({ length: n }, (_, i) => words[(i * 7919) % words.length]).join(' ')
    const small = `${head(1000)} بغ`
    const large = `${head(4000)} بغ`
    const suggestions = index.suggest(large)
    expect(suggestions.length).toBeGreaterThan(0)
    for (const x of suggestions) {
      expect(x.suggestion.startsWith(`${head(4000)} `)).toBe(true)
      expect(x.terms.at(-1)!.startsWith('بغ')).toBe(true)
    }
    const [first] = suggestions
    expect(first!.terms).toHaveLength(analyze(head(4000)).length + 1) // the words of the suggestion: all of them
    expectGrowth(
      () => index.suggest(small),
      () => index.suggest(large),
      BOUNDED,
      'suggest with a long head',
    )
  })
})

describe('many indexed fields', () => {
  it('query time is linear in the number of indexed fields (MiniSearch rebuilt its field-weight table per field)', () => {
    const build = (count: number) => {
      const fields = Array.from({ length: count }, (_, i) => `f${i}`)
      const index = new ArabicSearch<Record<string, string>>({ fields, boost: { f0: 2 } })
      index.addAll(
        Array.from({ length: 4 }, (_, d) =>
          Object.fromEntries([
            ['id', `d${d}`],
            ...fields.map((f, i) => [f, i % 4 === d ? 'مطار بغداد الدولي' : 'كلام']),
          ]),
        ),
      )
      return index
    }
    const small = build(400)
    const large = build(1600)
    expect(large.search('بغداد', { snippets: false })).toHaveLength(4)
    // field weights still apply: f0 (boost 2) holds the words in d0
    expect(large.search('بغداد', { snippets: false })[0]!.id).toBe('d0')
    expect(large.search('بغداد', { snippets: false, boost: { f1: 3 } })[0]!.id).toBe('d1')
    expectGrowth(
      () => small.search('مطار بغداد', { snippets: false }),
      () => large.search('مطار بغداد', { snippets: false }),
      LINEAR,
      'fields',
    )
  })
})

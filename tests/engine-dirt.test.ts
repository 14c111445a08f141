import { readFileSync } from 'node:fs'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { ArabicSearch, ERROR_CODES } from '../src/index.js'
import { checkEngine, scoreWithoutDirt, TESTED_MINISEARCH } from '../src/search/engine-dirt.js'
import { termIndexOf } from '../src/search/fuzzy.js'
import { inAddedOrder } from '../src/search/stored.js'
import { expectCoded } from './expect-coded.js'

// The MiniSearch removal patch (src/search/engine-dirt.ts) tested directly: MiniSearch leaves the
// postings of removed documents in place ("dirt"), counts them in a term's document frequency on
// the first search that meets them, and deletes them then. Each test below fails when
// scoreWithoutDirt() returns its engine unpatched.

type Doc = { id: number; title: string; text: string }

// Every document holds the word كتاب (in several written forms) or مدرسة, at different lengths,
// so that a term's document frequency moves every score. The documents removed come last in
// the postings: MiniSearch meets their dirt after it has scored the live ones.
const DOCS: Doc[] = [
  { id: 1, title: 'كتاب', text: 'قرأت الكتاب في المدرسة' },
  { id: 2, title: 'مكتبة', text: 'كتابه الجديد عن تاريخ بغداد والكتاب القديم' },
  { id: 3, title: 'المدرسة', text: 'ذهب الطلاب إلى المدرسة ومعهم كتب' },
  { id: 4, title: 'قصة', text: 'الكتاب والمدرسة والمكتبة في بغداد' },
  { id: 5, title: 'بغداد', text: 'بغداد عاصمة العراق وفيها مدارس كثيرة' },
  { id: 6, title: 'كتب', text: 'كتاب عن المدرسة القديمة في البصرة وكتاب آخر' },
  { id: 7, title: 'الكتاب', text: 'الكتاب الكتاب الكتاب والمدرسة' },
  { id: 8, title: 'مدرسة', text: 'مدرسة كتاب مدرسة كتاب' },
]
const REMOVED = [6, 7, 8]
const REPLACED: Doc = { id: 4, title: 'قصة أخرى', text: 'الكتاب في المدرسة مرة أخرى وكتابه' }

/** Queries that meet the dirt: stems, written forms, several words, prefix and typos. */
const QUERIES: ReadonlyArray<readonly [string, Parameters<ArabicSearch<Doc>['search']>[1]]> = [
  ['كتاب', undefined],
  ['الكتاب', undefined],
  ['كتاب المدرسة', undefined],
  ['كتاب مدرسة', { combineWith: 'AND' }],
  ['كتا', { prefix: true }],
  ['كتاب', { fuzzy: 1 }],
  ['مدرسه', { fields: ['text'] }],
]

const options = { fields: ['title', 'text'], storeFields: ['title'] } as const
const build = (docs: readonly Doc[]) => {
  const index = new ArabicSearch<Doc>({
    ...options,
    fields: [...options.fields],
    storeFields: [...options.storeFields],
  })
  index.addAll(docs)
  return index
}
/** id → score of a search, every hit (ties in any order). */
const scores = (index: ArabicSearch<Doc>, query: readonly [string, Parameters<ArabicSearch<Doc>['search']>[1]]) =>
  new Map(index.search(query[0], { ...query[1], limit: 100, snippets: false }).map((r) => [r.id, r.score] as const))

/** The same documents and the same scores to 1e-9 relative. */
function expectSameScores(actual: Map<unknown, number>, expected: Map<unknown, number>, what: string) {
  expect([...actual.keys()].sort(), what).toEqual([...expected.keys()].sort())
  expect(expected.size, `${what}: the query finds something`).toBeGreaterThan(0)
  for (const [id, score] of expected) {
    const got = actual.get(id)!
    expect(
      Math.abs(got - score) / score,
      `${what}: document ${String(id)} scores ${got}, a fresh index ${score}`,
    ).toBeLessThan(1e-9)
  }
}

/**
 * For each query, on a new index with dirt (made by `dirty`): the first search and the second
 * score as a fresh index of the live documents, and so does the index saved and loaded.
 */
function expectHistoryFree(dirty: () => ArabicSearch<Doc>, live: readonly Doc[]) {
  const fresh = build(live)
  for (const query of QUERIES) {
    const what = `${query[0]} ${JSON.stringify(query[1] ?? {})}`
    const index = dirty()
    const loaded = ArabicSearch.loadJSON<Doc>(JSON.stringify(index.toJSON()))
    const expected = scores(fresh, query)
    expectSameScores(scores(index, query), expected, `${what}, first search`)
    expectSameScores(scores(index, query), expected, `${what}, second search`)
    expectSameScores(scores(loaded, query), expected, `${what}, saved and loaded`)
  }
}

describe('scores do not depend on the history of the index (engine-dirt.ts)', () => {
  it('after remove(), the first and second searches score as a fresh index of the remaining documents, and as the index saved and loaded', () => {
    const dirty = () => {
      const index = build(DOCS)
      for (const id of REMOVED) index.remove(id)
      return index
    }
    expectHistoryFree(
      dirty,
      DOCS.filter((d) => !REMOVED.includes(d.id)),
    )
  })

  it('after removeAll(ids), the same', () => {
    const dirty = () => {
      const index = build(DOCS)
      index.removeAll(REMOVED)
      return index
    }
    expectHistoryFree(
      dirty,
      DOCS.filter((d) => !REMOVED.includes(d.id)),
    )
  })

  it('after replace(), the first and second searches score as a fresh index of the documents as they are now, and as the index saved and loaded', () => {
    const dirty = () => {
      const index = build(DOCS)
      index.replace(REPLACED)
      return index
    }
    // the replaced document is added again last, as replace() does
    expectHistoryFree(dirty, [...DOCS.filter((d) => d.id !== REPLACED.id), REPLACED])
  })

  it('after remove() then add() of other documents, the same', () => {
    const added: Doc[] = [
      { id: 9, title: 'كتاب', text: 'كتاب جديد في المدرسة' },
      { id: 10, title: 'مدرسة', text: 'مدرسة جديدة' },
    ]
    const dirty = () => {
      const index = build(DOCS)
      for (const id of REMOVED) index.remove(id)
      index.addAll(added)
      return index
    }
    expectHistoryFree(dirty, [...DOCS.filter((d) => !REMOVED.includes(d.id)), ...added])
  })
})

describe('fahras fails loudly when MiniSearch internals are not the ones it is tested with', () => {
  const message = new RegExp(`expected MiniSearch ${TESTED_MINISEARCH.replace('.', '\\.')} internals`)
  const mismatch = (fn: () => unknown, internal: string) => {
    const error = expectCoded(fn, ERROR_CODES.ENGINE_MISMATCH, message)
    expect(error.message).toContain(`\`${internal}\``)
    expect(error.message).toContain(`minisearch ~${TESTED_MINISEARCH}.0`)
    expect(error.details).toMatchObject({ internal, tested: TESTED_MINISEARCH })
    return error
  }
  const engine = () => new MiniSearch({ fields: ['text'] })

  it('scoreWithoutDirt() accepts the installed MiniSearch, once per engine', () => {
    const mini = engine()
    expect(() => checkEngine(mini)).not.toThrow()
    expect(scoreWithoutDirt(mini)).toBe(mini)
    const patched = (mini as unknown as { termResults: unknown }).termResults
    expect(scoreWithoutDirt(mini)).toBe(mini)
    expect((mini as unknown as { termResults: unknown }).termResults).toBe(patched)
  })

  it('scoreWithoutDirt() throws FAHRAS_ENGINE_MISMATCH naming the version and the internal missing, for a fake engine', () => {
    const error = mismatch(() => scoreWithoutDirt({ documentCount: 0 } as never), '_documentIds')
    expect(error.message).toMatch(/`_documentIds` to be a Map, got `undefined`/)
  })

  // each internal that fahras reads, taken away from a real engine (or changed)
  const TAKEN: ReadonlyArray<readonly [string, string, (mini: Record<string, unknown>) => void]> = [
    ['_documentIds', 'is a plain object', (m) => void (m._documentIds = {})],
    ['_idToShortId', 'is missing', (m) => void delete m._idToShortId],
    ['_index', 'is null', (m) => void (m._index = null)],
    ['_index.get', 'is missing', (m) => void ((m._index as Record<string, unknown>).get = undefined)],
    ['_index.fuzzyGet', 'is a string', (m) => void ((m._index as Record<string, unknown>).fuzzyGet = 'no')],
    ['termResults', 'is missing', (m) => void (m.termResults = undefined)],
    ['termResults', 'takes 2 parameters, not 8', (m) => void (m.termResults = (a: unknown, b: unknown) => [a, b])],
    ['dirtCount', 'is missing', (m) => void Object.defineProperty(m, 'dirtCount', { value: undefined })],
  ]
  for (const [internal, how, take] of TAKEN) {
    it(`scoreWithoutDirt() throws FAHRAS_ENGINE_MISMATCH when \`${internal}\` ${how}`, () => {
      const mini = engine()
      take(mini as unknown as Record<string, unknown>)
      mismatch(() => scoreWithoutDirt(mini), internal)
    })
  }

  it('termIndexOf() and inAddedOrder() throw FAHRAS_ENGINE_MISMATCH for an engine without `_index` or `_idToShortId`', () => {
    mismatch(() => termIndexOf({} as never), '_index')
    mismatch(() => termIndexOf({ _index: { get: () => undefined } } as never), '_index.fuzzyGet')
    mismatch(() => inAddedOrder(true, [{ id: 1, score: 1 }], {}), '_idToShortId')
    // without expansion the engine's own order is kept: nothing is read
    expect(inAddedOrder(false, [{ id: 1, score: 1 }], {})).toEqual([{ id: 1, score: 1 }])
    const mini = engine()
    mini.addAll([
      { id: 1, text: 'بغداد' },
      { id: 2, text: 'دمشق' },
    ])
    const raw = (mini as unknown as { _index: { get(key: string): unknown } })._index
    // the live view of MiniSearch's term index: a live document's term has its postings; the
    // term of a removed document (still in MiniSearch until it vacuums) is not there
    expect(termIndexOf(mini).get('بغداد')).toBe(raw.get('بغداد'))
    mini.discard(2)
    expect(raw.get('دمشق')).toBeDefined()
    expect(termIndexOf(mini).get('دمشق')).toBeUndefined()
    expect([...termIndexOf(mini).fuzzyGet('دمشق', 1).keys()]).toEqual([])
  })

  it('new ArabicSearch() throws FAHRAS_ENGINE_MISMATCH at construction when MiniSearch has no `termResults`, and loadJSON() too', () => {
    const saved = JSON.stringify(build(DOCS).toJSON())
    const proto = MiniSearch.prototype as unknown as { termResults: unknown }
    const termResults = proto.termResults
    try {
      proto.termResults = undefined
      mismatch(() => new ArabicSearch<Doc>({ fields: ['title', 'text'] }), 'termResults')
      mismatch(() => ArabicSearch.loadJSON<Doc>(saved), 'termResults')
    } finally {
      proto.termResults = termResults
    }
    expect(build(DOCS).search('كتاب').length).toBeGreaterThan(0)
  })
})

describe('MiniSearch is pinned to the minor version fahras is tested with', () => {
  const read = (path: string) =>
    JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>

  it(`package.json asks for minisearch ~${TESTED_MINISEARCH}.x, and the installed one satisfies it`, () => {
    const range = (read('../package.json').dependencies as Record<string, string>).minisearch!
    expect(range, 'a ~ range: patch releases only').toMatch(/^~\d+\.\d+\.\d+$/)
    const [major, minor, patch] = range.slice(1).split('.').map(Number) as [number, number, number]
    expect(`${major}.${minor}`, 'the range is the minor version TESTED_MINISEARCH names').toBe(TESTED_MINISEARCH)
    const installed = read('../node_modules/minisearch/package.json').version as string
    const [iMajor, iMinor, iPatch] = installed.split(/[.+-]/).map(Number) as [number, number, number]
    expect(installed, `installed minisearch ${installed} satisfies ${range}`).toMatch(/^\d+\.\d+\.\d+$/)
    expect([iMajor, iMinor]).toEqual([major, minor])
    expect(iPatch).toBeGreaterThanOrEqual(patch)
    // and the lock file agrees with both
    const lock = read('../package-lock.json') as {
      packages: Record<string, { version?: string; dependencies?: Record<string, string> }>
    }
    expect(lock.packages['']!.dependencies!.minisearch).toBe(range)
    expect(lock.packages['node_modules/minisearch']!.version).toBe(installed)
  })
})

describe('fuzzy matching does not reach the written-form terms', () => {
  // two documents alike but for كتاب / كتابه: both hold the stem كتاب once, in fields of the same
  // length, and كتابه also its written form (\u0001كتابه, 2 edits from كتاب). Fuzzy matching that
  // reached written forms would score the كتابه document higher.
  const BOOK: Doc = { id: 1, title: 'قصة', text: 'قرأت كتاب الجديد' }
  const HIS_BOOK: Doc = { id: 2, title: 'قصة', text: 'قرأت كتابه الجديد' }
  for (const fuzzy of [2, true, 1] as const) {
    it(`search('كتاب', { fuzzy: ${String(fuzzy)} }) never scores the كتابه document above the كتاب one, in either order added`, () => {
      for (const docs of [
        [BOOK, HIS_BOOK],
        [HIS_BOOK, BOOK],
      ]) {
        const index = build(docs)
        const exact = scores(index, ['كتاب', undefined])
        const typos = scores(index, ['كتاب', { fuzzy }])
        expect(typos.get(BOOK.id)!).toBeGreaterThanOrEqual(typos.get(HIS_BOOK.id)!)
        // the typos of كتاب add nothing to either document: كتابه is reached as its stem (كتاب, searched exactly already), never as a written form
        expectSameScores(typos, exact, `fuzzy ${String(fuzzy)}`)
      }
    })
  }

  // Known limit, not a guarantee: كتاب is its own stem, so it has no written-form term and no
  // exact-form boost; it ties with an otherwise equal كتابه document (the order added decides).
  // This test fails on purpose until the written form of such words is indexed too.
  it.fails("search('كتاب', { fuzzy: 2 }) ranks a كتاب document strictly above an otherwise equal كتابه one (known limit: they tie)", () => {
    const index = build([HIS_BOOK, BOOK])
    const hits = index.search('كتاب', { fuzzy: 2, snippets: false })
    expect(hits.map((h) => h.id)).toEqual([BOOK.id, HIS_BOOK.id])
  })
})

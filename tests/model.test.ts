import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ArabicSearch, isFahrasError, ERROR_CODES } from '../src/index.js'
import { createAnalyzer } from '../src/index.js'
import { arabicText } from './arbitraries.js'

// Model-based fuzzing: random sequences of add, addAll, remove, replace, search and save/load,
// run against the index and against a reference model (a plain Map of documents and a
// brute-force matcher that uses the same analyzer). FAHRAS_FUZZ_RUNS raises the number of runs.
const RUNS = Math.max(30, Math.floor(Number(process.env.FAHRAS_FUZZ_RUNS ?? 2000) / 10))

type Doc = { id: string | number; title?: unknown; text?: unknown }
const analyzer = createAnalyzer()
const termsOf = (value: unknown): Set<string> => {
  const terms = new Set<string>()
  if (typeof value === 'string' || typeof value === 'number')
    for (const t of analyzer.analyze(String(value))) terms.add(t.term)
  return terms
}
const docTerms = (doc: Doc) => new Set([...termsOf(doc.title), ...termsOf(doc.text)])

interface Model {
  docs: Map<string | number, Doc>
}
interface Real {
  index: ArabicSearch<Doc>
}

const DOCUMENTED = new Set<string>(Object.values(ERROR_CODES))
const expectDocumentedError = (fn: () => unknown, code: string) => {
  let caught: unknown
  try {
    fn()
  } catch (e) {
    caught = e
  }
  expect(isFahrasError(caught), String(caught)).toBe(true)
  expect((caught as { code: string }).code).toBe(code)
}

const idArb = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.constantFrom('0', '1', 'a', '__proto__', 'constructor', 'toString', 'بغداد', '😀'),
)
const textArb = fc.oneof(
  arabicText(40),
  fc.constantFrom(
    'الكتاب في المكتبة',
    'بغداد عاصمة العراق',
    'ٱلْكِتَٰبُ',
    'Hello World 2023',
    '\u0000\u0007 control',
    '\ud800 lone',
    '<script>x</script>',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const docArb = fc.record({
  id: idArb,
  title: fc.option(textArb, { nil: undefined }),
  text: fc.oneof(textArb, fc.integer(), fc.constant(null)),
})

class AddCommand implements fc.Command<Model, Real> {
  constructor(readonly doc: Doc) {}
  check = () => true
  run(m: Model, r: Real) {
    if (m.docs.has(this.doc.id)) return expectDocumentedError(() => r.index.add(this.doc), ERROR_CODES.DUPLICATE_ID)
    r.index.add(this.doc)
    m.docs.set(this.doc.id, this.doc)
  }
  toString = () => `add(${JSON.stringify(this.doc.id)})`
}
class AddAllCommand implements fc.Command<Model, Real> {
  constructor(readonly docs: Doc[]) {}
  check = () => true
  run(m: Model, r: Real) {
    const ids = this.docs.map((d) => d.id)
    const clash = ids.some((id, i) => m.docs.has(id) || ids.indexOf(id) !== i)
    if (clash) {
      const before = r.index.documentCount
      expectDocumentedError(() => r.index.addAll(this.docs), ERROR_CODES.DUPLICATE_ID)
      expect(r.index.documentCount).toBe(before) // never half-added
      return
    }
    r.index.addAll(this.docs)
    for (const d of this.docs) m.docs.set(d.id, d)
  }
  toString = () => `addAll(${this.docs.length})`
}
class RemoveCommand implements fc.Command<Model, Real> {
  constructor(readonly id: string | number) {}
  check = () => true
  run(m: Model, r: Real) {
    if (!m.docs.has(this.id)) return expectDocumentedError(() => r.index.remove(this.id), ERROR_CODES.UNKNOWN_ID)
    r.index.remove(this.id)
    m.docs.delete(this.id)
  }
  toString = () => `remove(${JSON.stringify(this.id)})`
}
class ReplaceCommand implements fc.Command<Model, Real> {
  constructor(readonly doc: Doc) {}
  check = () => true
  run(m: Model, r: Real) {
    if (!m.docs.has(this.doc.id)) return expectDocumentedError(() => r.index.replace(this.doc), ERROR_CODES.UNKNOWN_ID)
    r.index.replace(this.doc)
    m.docs.set(this.doc.id, this.doc)
  }
  toString = () => `replace(${JSON.stringify(this.doc.id)})`
}
class SearchCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = () => true
  run(m: Model, r: Real) {
    // the same documents are present
    expect(r.index.documentCount).toBe(m.docs.size)
    for (const id of m.docs.keys()) expect(r.index.has(id)).toBe(true)
    // every document is found by a word it contains, and exactly the documents with that term
    const docs = [...m.docs.values()]
    if (docs.length === 0) return
    const doc = docs[this.pick % docs.length]!
    const words = analyzer.analyze(`${typeof doc.title === 'string' ? doc.title : ''} ${doc.text ?? ''}`)
    if (words.length === 0) return
    const word = words[this.pick % words.length]!
    const expected = docs.filter((d) => docTerms(d).has(word.term)).map((d) => d.id)
    const found = r.index.search(word.word, { limit: 1000 }).map((x) => x.id)
    expect(new Set(found)).toEqual(new Set(expected))
    expect(found).toContain(doc.id)
  }
  toString = () => `search(#${this.pick})`
}
class SaveLoadCommand implements fc.Command<Model, Real> {
  check = () => true
  run(m: Model, r: Real) {
    const before = r.index.search('الكتاب بغداد', { limit: 100 })
    r.index = ArabicSearch.loadJSON<Doc>(JSON.stringify(r.index), {
      fields: ['title', 'text'],
      storeFields: ['title', 'text'],
    })
    expect(r.index.search('الكتاب بغداد', { limit: 100 })).toEqual(before)
    expect(r.index.documentCount).toBe(m.docs.size)
  }
  toString = () => 'saveLoad()'
}

describe('model-based fuzzing of ArabicSearch', () => {
  it('agrees with a plain Map and a brute-force matcher; fails only with documented codes', () => {
    const commands = [
      docArb.map((d) => new AddCommand(d)),
      fc.array(docArb, { maxLength: 5 }).map((ds) => new AddAllCommand(ds)),
      idArb.map((id) => new RemoveCommand(id)),
      docArb.map((d) => new ReplaceCommand(d)),
      fc.nat(1000).map((n) => new SearchCommand(n)),
      fc.constant(new SaveLoadCommand()),
    ]
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 30 }), (cmds) => {
        const real: Real = {
          index: new ArabicSearch<Doc>({ fields: ['title', 'text'], storeFields: ['title', 'text'] }),
        }
        const model: Model = { docs: new Map() }
        try {
          fc.modelRun(() => ({ model, real }), cmds)
        } catch (error) {
          // anything thrown must be an assertion failure or a documented fahras error
          if (isFahrasError(error)) expect(DOCUMENTED.has(error.code)).toBe(true)
          throw error
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect(Object.hasOwn(Object.prototype, 'text')).toBe(false)
      }),
      { numRuns: RUNS },
    )
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../src/analyze/analyze.js'
import { indexSettings } from '../src/opensearch/index.js'
import { compileStemSteps } from '../src/opensearch/stem-filters.js'
import { lightStem, stemWithSteps } from '../src/stem/stem.js'
import { STEM_STEPS, type StemStep } from '../src/stem/steps.js'
import { applySteps, filterSteps } from './stem-filters-js.js'

// The light stemmer is one ordered table (src/stem/steps.ts): lightStem() interprets it and
// indexSettings() compiles it. A step added to a copy of the table, as one row, is seen by both.

const analyzer = createAnalyzer()
/** Every third word of the bundled corpus, normalized (some 14,000). */
const words = new Set<string>()
for (const line of readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8').split('\n')) {
  if (line) for (const w of analyzer.words(JSON.parse(line).text as string)) words.add(w)
}
const corpusWords = [...words].filter((_, i) => i % 3 === 0)

/** The table with `row` inserted before the step named `before`. */
function withRow(row: StemStep, before: string): StemStep[] {
  const at = STEM_STEPS.findIndex((s) => s.name === before)
  expect(at).toBeGreaterThan(0)
  return [...STEM_STEPS.slice(0, at), row, ...STEM_STEPS.slice(at)]
}

/** The compiled filters of a table, read as JavaScript. */
const compiled = (steps: readonly StemStep[], keep?: ReadonlySet<string>) =>
  filterSteps(compileStemSteps(steps, keep, 'test').map((c) => c.definition))

/** Words on which the compiled filters and the interpreter disagree. */
function disagreements(steps: readonly StemStep[], words: Iterable<string>): string[] {
  const filters = compiled(steps)
  const wrong: string[] = []
  for (const w of words) {
    const [js, regex] = [stemWithSteps(w, steps), applySteps(filters, w)]
    if (js !== regex) wrong.push(`${w}: stemWithSteps ${js} ≠ filters ${regex}`)
  }
  return wrong
}

describe('the stemming step table', () => {
  it('is what lightStem() interprets and indexSettings() compiles', () => {
    const analysis = indexSettings().settings.analysis
    const written = analysis.analyzer.fahras_arabic!.filter.filter((n) => n.includes('_stem_'))
    const table = compileStemSteps(STEM_STEPS, undefined, 'fahras_arabic')
    expect(written).toEqual(table.map((c) => c.name))
    for (const c of table) expect(analysis.filter[c.name]).toEqual(c.definition)
    for (const w of ['والكتاب', 'وسيكتبونها', 'وزاره', 'الله', 'مدرستان', 'حكومتها'])
      expect(stemWithSteps(w, STEM_STEPS)).toBe(lightStem(w))
  })

  it('names one filter a step, in the order of the table', () => {
    const names = compileStemSteps(STEM_STEPS, undefined, 'x').map((c) => c.name.replace(/^x_stem_\d\d_/, ''))
    const steps = names.filter((n) => STEM_STEPS.some((s) => s.name === n))
    expect(steps).toEqual(STEM_STEPS.filter((s) => s.kind !== 'stop').map((s) => s.name))
  })

  it('a suffix step added as one row is applied by the stemmer and by the generated filters', () => {
    // the past verb ending تم (you did, plural): درستم → درس
    const steps = withRow(
      { name: 'verb_tum', kind: 'suffix', rules: [{ affix: 'تم', minRemaining: 3 }] },
      'after_adjective',
    )
    expect(lightStem('درستم')).toBe('درستم')
    expect(stemWithSteps('درستم', steps)).toBe('درس')
    expect(stemWithSteps('ودرستم', steps)).toBe('درس')
    const filters = compileStemSteps(steps, undefined, 'test')
    const row = filters.find((c) => c.name.endsWith('_verb_tum'))
    expect(row?.definition).toMatchObject({ type: 'pattern_replace' })
    expect((row!.definition.pattern as string).includes('تم')).toBe(true)
    expect(applySteps(compiled(steps), 'درستم')).toBe('درس')
    expect(applySteps(compiled(steps), 'ودرستم')).toBe('درس')
    expect(applySteps(compiled(STEM_STEPS), 'درستم')).toBe('درستم')
    expect(disagreements(steps, corpusWords).slice(0, 10)).toEqual([])
  })

  it('a step with a new flag, and one that reads it, are compiled with a marker of their own', () => {
    // a negation prefix ما… that later blocks the tanween: a made-up rule, to test the flags
    const steps = withRow(
      {
        name: 'negation',
        kind: 'prefix',
        rules: [{ affix: 'ما', minRemaining: 3 }],
        unless: ['article'],
        sets: 'negated',
      },
      'after_prefixes',
    )
    const tanween = steps.findIndex((s) => s.name === 'tanween')
    steps[tanween] = { ...(steps[tanween] as Extract<StemStep, { kind: 'suffix' }>), unless: ['pronoun', 'negated'] }
    expect(stemWithSteps('ماكتبوا', steps)).toBe('كتبوا')
    expect(lightStem('ماكتبوا')).not.toBe('كتبوا')
    const filters = compileStemSteps(steps, new Set(['مازال']), 'test')
    expect(filters.some((c) => c.name.endsWith('_negated_done'))).toBe(true)
    expect(applySteps(compiled(steps), 'ماكتبوا')).toBe('كتبوا')
    expect(disagreements(steps, corpusWords).slice(0, 10)).toEqual([])
  })

  it('with kept words, the compiled filters keep what the interpreter keeps', () => {
    const keep = new Set(['المدرسه', 'كتاب', 'وزارات'])
    const filters = compiled(STEM_STEPS, keep)
    for (const w of ['المدرسه', 'والمدرسه', 'بالكتاب', 'وزارات', 'والوزارات'])
      expect(applySteps(filters, w)).toBe(stemWithSteps(w, STEM_STEPS, keep))
  })

  it('refuses a rule that could apply to a word shorter than three letters', () => {
    const steps = withRow(
      { name: 'short', kind: 'suffix', rules: [{ affix: 'ي', minRemaining: 1 }] },
      'after_adjective',
    )
    expect(() => compileStemSteps(steps, undefined, 'test')).toThrow(/shorter than 3 letters/)
  })
})

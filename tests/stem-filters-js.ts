import type { IndexDefinition } from '../src/opensearch/index.js'

// The generated stemming filters read with JavaScript's regex engine (their patterns use only
// syntax that Java and JavaScript read alike): a quick check of a step without a JVM. The real
// check runs them in Lucene: tests/parity.test.ts.

/** pattern_replace filter definitions as JavaScript regexes with their replacements. */
export function filterSteps(filters: readonly Record<string, unknown>[]): [RegExp, string][] {
  return filters
    .filter((f) => f.type === 'pattern_replace')
    .map((f) => [new RegExp(f.pattern as string, 'g'), f.replacement as string])
}

/** The analyzer's pattern_replace token filters, as JavaScript regexes. */
export function stemSteps(definition: IndexDefinition, name = 'fahras_arabic'): [RegExp, string][] {
  const a = definition.settings.analysis
  return filterSteps(a.analyzer[name]!.filter.map((n) => a.filter[n]!))
}

/** A term through the filters, in order. */
export const applySteps = (steps: readonly [RegExp, string][], word: string) =>
  steps.reduce((w, [re, rep]) => w.replace(re, rep), word)

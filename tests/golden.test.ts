import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../src/normalize/index.js'
import { stem } from '../src/stem/index.js'

// tests/golden/words.tsv: original, expected normalized form, expected stem; written and
// reviewed by hand (tests/golden/README.md), compared line by line.
const lines = readFileSync(new URL('./golden/words.tsv', import.meta.url), 'utf8')
  .split('\n')
  .map((line, index) => ({ line, number: index + 1 }))
  .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
  .map(({ line, number }) => {
    const [original, normalized, stemmed] = line.split('\t')
    return { number, original: original!, normalized: normalized!, stemmed: stemmed! }
  })

describe('golden words', () => {
  it('has at least 300 words, each with three columns', () => {
    expect(lines.length).toBeGreaterThanOrEqual(300)
    for (const l of lines)
      expect(
        [l.original, l.normalized, l.stemmed].every((c) => typeof c === 'string' && c.length > 0),
        `line ${l.number}`,
      ).toBe(true)
  })
  it('normalizer: every line matches', () => {
    const wrong = lines
      .filter((l) => normalizeText(l.original) !== l.normalized)
      .map((l) => `line ${l.number}: ${l.original} → ${normalizeText(l.original)}, expected ${l.normalized}`)
    expect(wrong).toEqual([])
  })
  it('stemmer: every line matches', () => {
    const wrong = lines
      .filter((l) => stem(l.original) !== l.stemmed)
      .map((l) => `line ${l.number}: ${l.original} → ${stem(l.original)}, expected ${l.stemmed}`)
    expect(wrong).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { normalize, normalizeText } from '../src/normalize/index.js'
import { lightStem, stem } from '../src/stem/index.js'
import { tokenize } from '../src/tokenize/index.js'
import { growthRatio } from './growth.js'

/**
 * Growth tests for the text stages (issue 17, item 1): each context rule of the normalizer, the
 * tokenizer and the stemmer is fed its worst input at n and 4n characters, in the same run. Linear
 * work takes about 4× as long at 4n, quadratic work 16×: the ratio must stay below MAX_RATIO.
 * Times are CPU times of this process (user + system), which other processes on a busy machine
 * do not inflate as they do wall time. Each sample repeats the operation until it takes
 * MIN_SAMPLE_MS at n (the same count at 4n); samples at n and 4n alternate, up to ROUNDS of each,
 * and the best of each is compared (the test passes as soon as the best times are under the
 * bound). Only ratios are asserted, never times.
 */
const MAX_RATIO = 8
/**
 * Up to 9 rounds (5 before the static-site tests): npm test runs two files at a time, and with a
 * neighbour driving Chromium and building sites on a 2-core machine, one CI run measured 8.5 for a
 * linear rule in 5 rounds; the bound is the same, a quadratic rule stays near 16 in every round.
 */
const ROUNDS = 9
const MIN_SAMPLE_MS = 5
const MAX_REPETITIONS = 4096
/** Characters of the smaller input (4n is the larger). */
const N = 8192
/** Smaller for the dagger alef, so that the quadratic code it guards against ends in seconds. */
const N_DAGGER = 4096
/**
 * Smaller for a token at every character: at 4n the token objects stay in V8's young generation,
 * whose collections are linear (in the old generation they are not, and the ratio drifts).
 */
const N_TOKENS = 2048
/**
 * Smaller for one long word: V8 hashes a string in full only up to 16,383 code units (a longer
 * one is hashed by its length), so at 4n = 8k letters every set look-up still reads the word.
 */
const N_WORD = 2048

/** t(4n) / t(n) for `op` on `make(n)`: best times of alternating samples (see above). */
function growthRatioOf(make: (n: number) => string, op: (input: string) => unknown, n: number): number {
  const small = make(n)
  const large = make(4 * n)
  expect(small.length).toBeGreaterThanOrEqual(n)
  expect(large.length).toBeGreaterThanOrEqual(4 * n)
  return growthRatio(
    () => op(small),
    () => op(large),
    { bound: MAX_RATIO, minSampleMs: MIN_SAMPLE_MS, maxRepetitions: MAX_REPETITIONS, rounds: ROUNDS },
  )
}

const fill = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length))

function expectLinear(make: (n: number) => string, op: (input: string) => unknown, n = N): void {
  const ratio = growthRatioOf(make, op, n)
  expect(ratio, `t(4n)/t(n) = ${ratio.toFixed(1)} for n = ${n}`).toBeLessThan(MAX_RATIO)
}

const FATHA = '\u064e'
const SHADDA = '\u0651'
const SUKUN = '\u0652'
const DAGGER_ALEF = '\u0670'
const HAMZA_ABOVE = '\u0654'
const TATWEEL = '\u0640'

describe('normalizer: each context rule is linear in its input', () => {
  it('dagger alef not after a yeh (the word skeleton): بٰبٰبٰ… one word', () => {
    const make = fill(`ب${DAGGER_ALEF}`)
    expect(normalizeText(make(8))).toBe('بابابابا')
    expectLinear(make, normalizeText, N_DAGGER)
    expectLinear(make, (s) => normalize(s).toOriginal(s.length >> 1), N_DAGGER)
  })

  it('dagger alef in a silent word: لٰٰٰ…له (thousands of dagger alefs on one word of the list)', () => {
    const make = (n: number) => `ل${DAGGER_ALEF.repeat(n)}له`
    expect(normalizeText(make(100))).toBe('لله')
    expectLinear(make, normalizeText, N_DAGGER)
  })

  it('dagger alef after a yeh, harakat between (previousBase): يَََ…ٰ', () => {
    const make = fill(`ي${FATHA.repeat(30)}${DAGGER_ALEF}ب${SHADDA.repeat(30)}${DAGGER_ALEF}`)
    expect(normalizeText(make(64))).toBe('يبا')
    expectLinear(make, normalizeText)
    expectLinear((n) => `ي${FATHA.repeat(n)}${DAGGER_ALEF.repeat(n)}`, normalizeText)
  })

  it('hamza on tatweel (hamzaSeat): ـّّّ…ٔـْْْ… with no vowel to choose the seat', () => {
    const make = fill(TATWEEL + SHADDA.repeat(40) + HAMZA_ABOVE + SUKUN.repeat(40))
    expect(normalizeText(make(82))).toBe('ا')
    expectLinear(make, normalizeText)
    expectLinear((n) => `ب${TATWEEL}${SHADDA.repeat(n)}${HAMZA_ABOVE}${SUKUN.repeat(n)}`, normalizeText)
    expectLinear(fill(TATWEEL + HAMZA_ABOVE), normalizeText)
  })

  it('small yeh and small waw on tatweel, and tatweel before a run of harakat', () => {
    const make = fill(
      `${TATWEEL + SHADDA.repeat(20)}\u06e7${TATWEEL}${SUKUN.repeat(20)}\u06e5${TATWEEL}${FATHA.repeat(20)}`,
    )
    expect(normalizeText(make(64))).toBe('يو')
    expectLinear(make, normalizeText)
    expectLinear((n) => `${TATWEEL + SHADDA.repeat(n)}\u06e6`, normalizeText)
    expectLinear((n) => TATWEEL.repeat(n) + FATHA.repeat(n), normalizeText)
  })

  it('letter + combining mark compositions: أ اٰ وٰ ؤ ىٔ', () => {
    const make = fill(`ا\u0653ا\u0655و${DAGGER_ALEF}و${HAMZA_ABOVE}ى${HAMZA_ABOVE}`)
    expect(normalizeText(make(10))).toBe('اااوي')
    expectLinear(make, normalizeText)
  })

  it('presentation forms and ligatures, dagger alef forms included: ﷺ ﷽ ﱛ ﱝ ﱣ ﳙ ﻷ', () => {
    const make = fill('ﷺ﷽ﱛﱝﱣﳙﻷ')
    expect(normalizeText('ﱛﱝ')).toBe('ذاي')
    expectLinear(make, normalizeText)
    expectLinear(make, (s) => normalize(s).toOriginalRange(0, 10))
  })

  it('one-character rules and the offset map: case, digits, Persian letters, invisible characters', () => {
    const make = fill('İAÉ٣۴٫\u200c\u202eکیۀة')
    expectLinear(make, normalizeText)
    expectLinear(make, (s) => normalize(s).toOriginal(s.length >> 1))
  })
})

describe('tokenizer: each context rule is linear in its input', () => {
  it('thousands of marks and joiners after one letter', () => {
    expect(tokenize(`ب${FATHA.repeat(50)}${TATWEEL}\u200c`).length).toBe(1)
    expectLinear((n) => `ب${FATHA.repeat(n)}`, tokenize)
    expectLinear(fill(`ب${TATWEEL}\u200c\u200d${SHADDA}`), tokenize)
  })

  it('separators inside numbers and apostrophes inside Latin words', () => {
    expect(tokenize('1,1.1٫1').length).toBe(1)
    expectLinear(fill('1,'), tokenize)
    expectLinear(fill('1,,2..'), tokenize)
    expectLinear(fill("a'"), tokenize)
  })

  it('script changes and surrogate pairs: a token at every character', () => {
    expect(tokenize('بa1ب٣.𝐀😀\ud800𝐁\u{1d167}').map((t) => t.text)).toEqual(['ب', 'a1', 'ب', '٣', '𝐀', '𝐁\u{1d167}'])
    // N_TOKENS: a token object for every character or two; 4n keeps them in the young generation
    expectLinear(fill('بa1ب٣.'), tokenize, N_TOKENS)
    expectLinear(fill('𝐀😀\ud800𝐁\u{1d167}'), tokenize, N_TOKENS)
  })
})

describe('stemmer: each rule is linear in the length of the word', () => {
  it('a long word through every prefix and suffix rule and the root-initial look-ups', () => {
    const body = (n: number) => 'كت'.repeat(n >> 1)
    expect(lightStem(`وبسي${body(8)}تهما`)).toBe('يكتكتكتكت')
    for (const [prefix, suffix] of [
      ['وبسي', 'تهما'],
      ['وبال', 'يين'],
      ['فكسن', 'تين'],
      ['لل', 'اتها'],
      ['سي', 'وا'],
    ]) {
      expectLinear((n) => prefix + body(n) + suffix, lightStem, N_WORD)
    }
  })

  it('stem() of one vowelled word normalizes and stems it in linear time', () => {
    const make = (n: number) => `وَبِسَيَ${'كْتُ'.repeat(n / 3)}ونَهَا`
    expect(stem(make(6))).toBe('يكتك')
    expectLinear(make, stem, N_WORD)
    expectLinear((n) => `ب${DAGGER_ALEF.repeat(n)}ين`, stem, N_WORD)
  })
})

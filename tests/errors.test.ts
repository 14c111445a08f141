import { describe, expect, it } from 'vitest'
import { expectCoded } from './expect-coded.js'
import { ERROR_CODES, analyze, normalize, normalizeText, stem, tokenize } from '../src/index.js'

describe('bad input gets a coded, clear error', () => {
  const fns: Array<[string, (v: never) => unknown]> = [
    ['normalize', (v) => normalize(v)],
    ['normalizeText', (v) => normalizeText(v)],
    ['tokenize', (v) => tokenize(v)],
    ['stem', (v) => stem(v)],
    ['analyze', (v) => analyze(v)],
  ]
  for (const [name, fn] of fns) {
    for (const [value, shown] of [
      [42, '`42` (number)'],
      [null, '`null`'],
      [undefined, '`undefined`'],
      [{}, 'an object'],
      [['a'], 'an array'],
    ] as const) {
      it(`${name}(${String(shown)}) throws a TypeError FAHRAS_INVALID_ARGUMENT`, () => {
        const error = expectCoded(
          () => fn(value as never),
          ERROR_CODES.INVALID_ARGUMENT,
          new RegExp(`${name}\\(\\) expected .* to be a string, got ${shown.replace(/[`()[\]]/g, '.')}`),
        )
        expect(error).toBeInstanceOf(TypeError)
      })
    }
  }
  it('an unknown option names the option and the known ones', () => {
    expectCoded(
      () => normalize('x', { diacritic: false } as never),
      ERROR_CODES.INVALID_OPTION,
      /unknown option `diacritic`; expected one of `diacritics`/,
    )
    expectCoded(
      () => analyze('x', { stemming: true } as never),
      ERROR_CODES.INVALID_OPTION,
      /unknown option `stemming`/,
    )
    expectCoded(() => stem('x', { keeps: [] } as never), ERROR_CODES.INVALID_OPTION, /unknown option `keeps`/)
  })
  it('an option of the wrong type says what was expected and what was given', () => {
    expectCoded(
      () => normalize('x', { alef: 'yes' } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `alef` to be a boolean, got `"yes"` \(string\)/,
    )
    expectCoded(
      () => analyze('x', { stopWords: 'none' } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `stopWords` to be a boolean or an array of strings/,
    )
    expectCoded(
      () => analyze('x', { keep: [1] } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `keep` to be an array of strings/,
    )
    expectCoded(
      () => stem('x', { keep: 'الكتاب' } as never),
      ERROR_CODES.INVALID_OPTION,
      /expected `keep` to be an array of strings/,
    )
    expectCoded(
      () => normalize('x', 5 as never),
      ERROR_CODES.INVALID_OPTION,
      /expected options to be an object, got `5`/,
    )
  })
})

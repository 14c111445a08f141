import { describe, expect, it } from 'vitest'
import { normalizeText } from '../src/normalize/index.js'
import { ARABIC_STOP_WORDS, DEFAULT_STOP_WORDS, ENGLISH_STOP_WORDS } from '../src/stopwords/index.js'
import { analyze } from '../src/analyze/index.js'

describe('stop words', () => {
  it('are stored already normalized', () => {
    const notNormalized = [...ARABIC_STOP_WORDS, ...ENGLISH_STOP_WORDS].filter((w) => normalizeText(w) !== w)
    expect(notNormalized).toEqual([])
  })
  it('hold the common function words, in every spelling', () => {
    for (const w of [
      'في',
      'من',
      'إلى',
      'الى',
      'عن',
      'هذه',
      'التي',
      'الذي',
      'أن',
      'إن',
      'لم',
      'قد',
      'وفي',
      'the',
      'and',
    ]) {
      expect(DEFAULT_STOP_WORDS.has(normalizeText(w)), w).toBe(true)
    }
  })
  it('leave out content words and the name علي', () => {
    for (const w of ['كتاب', 'العراق', 'علي', 'وزير', 'search']) expect(DEFAULT_STOP_WORDS.has(w), w).toBe(false)
  })
  it('are removed by analyze, and can be replaced, extended or switched off', () => {
    const text = 'ذهب الطالب إلى المدرسة في الصباح'
    expect(analyze(text).map((t) => t.word)).toEqual(['ذهب', 'الطالب', 'المدرسه', 'الصباح'])
    expect(analyze(text, { stopWords: false }).map((t) => t.word)).toContain('في')
    expect(analyze(text, { stopWords: ['ذهب'] }).map((t) => t.word)).toEqual([
      'الطالب',
      'الي',
      'المدرسه',
      'في',
      'الصباح',
    ])
    expect(analyze(text, { extraStopWords: ['الصَّباح'] }).map((t) => t.word)).toEqual(['ذهب', 'الطالب', 'المدرسه'])
  })
})

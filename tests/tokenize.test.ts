import { describe, expect, it } from 'vitest'
import { tokenize } from '../src/tokenize/index.js'

const words = (s: string) => tokenize(s).map((t) => t.text)

describe('tokenize', () => {
  it('splits on spaces and Arabic punctuation ، ؛ ؟ « »', () => {
    expect(words('قال،وزير؛الدفاع؟«نعم»')).toEqual(['قال', 'وزير', 'الدفاع', 'نعم'])
  })
  it('splits on Latin punctuation and quotes', () => {
    expect(words('(كتاب) [قلم]: "حبر"! “ورق”')).toEqual(['كتاب', 'قلم', 'حبر', 'ورق'])
  })
  it('keeps combining marks inside the word', () => {
    expect(tokenize('الْكِتَابُ')).toEqual([{ text: 'الْكِتَابُ', start: 0, end: 10, kind: 'word' }])
  })
  it('never splits a word at tatweel, ZWNJ, ZWJ or bidi marks', () => {
    expect(words('كتـــاب می\u200cخواهم ك\u200dتاب ك\u200fتاب ك\u2067ت\u2069ب')).toEqual([
      'كتـــاب',
      'می\u200cخواهم',
      'ك\u200dتاب',
      'ك\u200fتاب',
      'ك\u2067ت\u2069ب',
    ])
  })
  it('starts a token at its first letter, not at a stray mark or joiner', () => {
    expect(tokenize(' ُـكتاب')).toEqual([{ text: 'كتاب', start: 3, end: 7, kind: 'word' }])
  })
  it('keeps numbers with their inner separators, Arabic-Indic included', () => {
    expect(tokenize('2,500 و٣٫٥ و١٢٬٠٠٠ 3.14.').map((t) => [t.text, t.kind])).toEqual([
      ['2,500', 'number'],
      ['و', 'word'],
      ['٣٫٥', 'number'],
      ['و', 'word'],
      ['١٢٬٠٠٠', 'number'],
      ['3.14', 'number'],
    ])
  })
  it('separates Arabic letters from digits and Latin (بـ2500, الـiPhone)', () => {
    expect(words('بـ2500 الـiPhone عام2023')).toEqual(['بـ', '2500', 'الـ', 'iPhone', 'عام', '2023'])
  })
  it('keeps Latin words with digits and apostrophes together', () => {
    expect(words("covid19 mp3 don't l’eau")).toEqual(['covid19', 'mp3', "don't", 'l’eau'])
  })
  it('treats emoji, symbols and lone surrogates as separators', () => {
    expect(words('سلام😀عليكم \ud800كتاب # $')).toEqual(['سلام', 'عليكم', 'كتاب'])
  })
  it('reads astral letters as letters', () => {
    expect(words('𝐀𝐁 𠀀')).toEqual(['𝐀𝐁', '𠀀'])
  })
  it('returns offsets such that text.slice(start, end) is the token', () => {
    const text = '  العراقُ، والولاياتُ المتحدة  '
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text)
  })
  it('returns nothing for empty, blank and punctuation-only text', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize(' \n\t ')).toEqual([])
    expect(tokenize('،؛؟!...')).toEqual([])
    expect(tokenize('َُِ')).toEqual([])
  })
})

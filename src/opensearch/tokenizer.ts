// Tokenizer: the scanner of tokenize() as the pattern of a `pattern` tokenizer.
import * as cp from '../script.js'
import {
  APOSTROPHE,
  ARABIC_LETTER,
  ARABIC_SCRIPT_RANGES,
  codePointClass,
  unicodeClass,
  DIGIT,
  JOINER,
  MARK,
  NUMBER_PUNCT,
  OTHER_LETTER,
} from '../tokenize/tokenize.js'
import { atom, charClass, classItems, range } from './regex.js'

// ---------------------------------------------------------------------------------------------
// Tokenizer

let tokenPatternCache: string | undefined

/**
 * The scanner of `tokenize()` as one regex over normalized text (see scanTokens).
 *
 * Inside the Arabic blocks every class is spelled out from the scanner's own table. Outside
 * them the scanner's classes are Unicode's (a letter is \p{L}, a mark \p{M}, a digit \p{Nd}),
 * and so are the pattern's: Java tests a property with a table lookup, where a spelled-out class
 * of the whole of Unicode (hundreds of ranges) is tested range by range, some hundred times
 * slower. The cost: a character assigned after the JVM's Unicode version is not a letter there.
 * @internal
 */
export function tokenPattern(): string {
  if (tokenPatternCache !== undefined) return tokenPatternCache
  const inside = new Map<number, number[]>()
  for (const [first, last] of ARABIC_SCRIPT_RANGES) {
    for (let c = first; c <= last; c++) {
      const k = codePointClass(c)
      let list = inside.get(k)
      if (list === undefined) inside.set(k, (list = []))
      list.push(c)
    }
  }
  const listed = (...classes: number[]) => classItems(classes.flatMap((k) => inside.get(k) ?? []).sort((a, b) => a - b))
  // The scanner's own lists outside the Arabic blocks (ZWNJ, bidi controls, . , ' ’…).
  const outsideList = (k: number) => {
    const codes: number[] = []
    for (let c = 0; c < 0x10000; c++)
      if (codePointClass(c) === k && !ARABIC_SCRIPT_RANGES.some(([f, l]) => c >= f && c <= l) && unicodeClass(c) !== k)
        codes.push(c)
    return classItems(codes)
  }
  const areas = ARABIC_SCRIPT_RANGES.map(([f, l]) => `${atom(f)}-${atom(l)}`).join('')
  const outside = (property: string, bmpOnly = false) =>
    `[${property}&&[^${areas}${bmpOnly ? '\\x{10000}-\\x{10FFFF}' : ''}]]`
  const arabicLetter = `[${listed(ARABIC_LETTER)}]`
  const marks = `[${listed(MARK, JOINER)}${outsideList(JOINER)}${outside('\\p{M}')}]`
  const arabicWordChar = `[${listed(ARABIC_LETTER)}${listed(MARK, JOINER)}${outsideList(JOINER)}${outside('\\p{M}')}]`
  const digit = (bmpOnly = false) => `[0-9${listed(DIGIT)}${outside('\\p{Nd}', bmpOnly)}]`
  const other = (bmpOnly = false) => `[a-zA-Z${outside('\\p{L}', bmpOnly)}]`
  const numberPunct = `[${listed(NUMBER_PUNCT)}${outsideList(NUMBER_PUNCT)}]`
  const apostrophe = `[${listed(APOSTROPHE)}${outsideList(APOSTROPHE)}]`
  // A cheap first test: the common separators (ASCII punctuation and spaces, the Arabic comma,
  // semicolon and question mark) never start a token.
  const starts = new Set([ARABIC_LETTER, OTHER_LETTER, DIGIT])
  const separators = [...range(0, 0x7f), cp.ARABIC_COMMA, cp.ARABIC_SEMICOLON, cp.ARABIC_QUESTION_MARK].filter(
    (c) => !starts.has(codePointClass(c)),
  )
  // An Arabic word: a letter, then letters, marks and joiners. A Latin (or other script) word or
  // a number: letters and digits together, marks and joiners after them, . , ٫ ٬ between digits
  // and ' ’ between letters (the next character must be a BMP digit or letter, as the scanner
  // looks at one code unit ahead).
  // The loops are possessive (*+, ++): nothing after them could take back what they matched,
  // and Java's matcher then keeps no backtracking state. A greedy group loop recurses once a
  // letter and overflows a 1 MB thread stack (the engines' default) on a word of some thousand
  // Latin letters or digits, an Error that stops an Elasticsearch node.
  tokenPatternCache =
    `(?!${charClass(separators)})` +
    `(?:${arabicLetter}${arabicWordChar}*+` +
    `|(?:${digit()}${marks}*+(?:${numberPunct}(?=${digit(true)}))?` +
    `|${other()}${marks}*+(?:${apostrophe}(?=${other(true)}))?)++)`
  return tokenPatternCache
}

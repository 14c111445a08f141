import { assertString } from '../errors.js'
import * as cp from '../script.js'
import { isArabicScript, isQuranicMark, isWordJoiner } from '../script.js'

/** The blocks of the Arabic script (defined in script.ts, with the other script predicates). @internal */
export { ARABIC_SCRIPT_RANGES } from '../script.js'

/** A word or number found in a text, with UTF-16 offsets into that text. */
export interface Token {
  /** The token as written: `text.slice(start, end)` of the input. */
  readonly text: string
  /** Offset of the first code unit of the token. */
  readonly start: number
  /** Offset just past the last code unit of the token (combining marks included). */
  readonly end: number
  /** `'word'` for letters (digits may follow Latin letters: `mp3`), `'number'` for numbers. */
  readonly kind: 'word' | 'number'
}

// Character classes (exported for the OpenSearch generator, which writes them out as regexes)
/** @internal */ export const SEPARATOR = 0
/** @internal */ export const ARABIC_LETTER = 1 // letters of the Arabic script (presentation forms included)
/** @internal */ export const OTHER_LETTER = 2 // letters of any other script
/** @internal */ export const DIGIT = 3
/** @internal */ export const MARK = 4 // combining marks: stay with the letter before them
/** @internal */ export const JOINER = 5 // tatweel, ZWNJ, ZWJ, bidi controls, soft hyphen, BOM: never split a word
/** @internal */ export const NUMBER_PUNCT = 6 // . , ٫ ٬ : inside a number when between digits
/** @internal */ export const APOSTROPHE = 7 // ' ’ : inside a Latin word when between letters

const LETTER_RE = /\p{L}/u
const MARK_RE = /\p{M}/u
const DIGIT_RE = /\p{Nd}/u

function computeClass(c: number): number {
  if (isWordJoiner(c)) return JOINER
  if (c === 0x2e || c === 0x2c || c === cp.ARABIC_DECIMAL_SEPARATOR || c === cp.ARABIC_THOUSANDS_SEPARATOR)
    return NUMBER_PUNCT
  if (c === 0x27 || c === 0x2019) return APOSTROPHE
  // Quranic signs and marks (some are not \p{M} in Unicode, such as ۝ and ۞) stay inside words.
  if (isQuranicMark(c)) return MARK
  if (c >= 0xd800 && c <= 0xdfff) return SEPARATOR // surrogates are classified as code points
  const k = unicodeClass(c)
  return k === OTHER_LETTER && isArabicScript(c) ? ARABIC_LETTER : k
}

// Lazily filled class table for the BMP: 0 = not computed yet, else class + 1.
const bmpClasses = new Uint8Array(0x10000)

function classOf(c: number): number {
  const cached = bmpClasses[c]!
  if (cached !== 0) return cached - 1
  const computed = computeClass(c)
  bmpClasses[c] = computed + 1
  return computed
}

/**
 * The class Unicode gives a code point, which the scanner uses outside its own lists: a mark
 * (\p{M}), a digit (\p{Nd}), a letter (\p{L}, here always OTHER_LETTER) or a separator. @internal
 */
export function unicodeClass(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint)
  if (MARK_RE.test(ch)) return MARK
  if (DIGIT_RE.test(ch)) return DIGIT
  if (LETTER_RE.test(ch)) return OTHER_LETTER
  return SEPARATOR
}

/**
 * The scanner's class of a code point (a lone surrogate is a separator). @internal
 */
export function codePointClass(codePoint: number): number {
  return codePoint >= 0x10000 ? unicodeClass(codePoint) : classOf(codePoint)
}

/** Can base class `b` continue a token whose last base class is `a`? */
function compatible(a: number, b: number): boolean {
  if (a === b) return true
  // Latin (and other non-Arabic) letters and digits stay together: mp3, covid19, 5g.
  return (a === OTHER_LETTER && b === DIGIT) || (a === DIGIT && b === OTHER_LETTER)
}

/**
 * Calls `visit(start, end, kind)` for each token of `text`. The shared scanner behind
 * {@link tokenize}; it allocates nothing per token. @internal
 */
export function scanTokens(text: string, visit: (start: number, end: number, kind: 'word' | 'number') => void): void {
  const n = text.length
  let start = -1 // start of the open token, -1 when none
  let end = -1 // end of the open token so far
  let lastBase = SEPARATOR // class of the last letter or digit of the open token
  let hasLetter = false
  const close = () => {
    if (start >= 0) visit(start, end, hasLetter ? 'word' : 'number')
    start = -1
    lastBase = SEPARATOR
    hasLetter = false
  }
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    let cls: number
    let width = 1
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        cls = unicodeClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)
        width = 2
      } else cls = SEPARATOR
    } else cls = classOf(c)

    if (cls === ARABIC_LETTER || cls === OTHER_LETTER || cls === DIGIT) {
      if (start >= 0 && !compatible(lastBase, cls)) close()
      if (start < 0) start = i
      end = i + width
      lastBase = cls
      if (cls !== DIGIT) hasLetter = true
    } else if (cls === MARK || cls === JOINER) {
      if (start >= 0) end = i + width // marks and joiners belong to the open token
    } else if (
      cls === NUMBER_PUNCT &&
      start >= 0 &&
      lastBase === DIGIT &&
      end === i &&
      i + 1 < n &&
      classOf(text.charCodeAt(i + 1)) === DIGIT
    ) {
      end = i + 1 // 2,500 and ٣٫٥ stay one number
    } else if (
      cls === APOSTROPHE &&
      start >= 0 &&
      lastBase === OTHER_LETTER &&
      end === i &&
      i + 1 < n &&
      classOf(text.charCodeAt(i + 1)) === OTHER_LETTER
    ) {
      end = i + 1 // don't, l'eau
    } else {
      close()
    }
    i += width
  }
  close()
}

/**
 * Splits text into words and numbers with offsets into it. A word is a run of letters with
 * their combining marks; tatweel, ZWNJ, ZWJ and bidi marks never split a word; Arabic and Latin
 * punctuation separate words; a change of script (Arabic letters to Latin letters or digits)
 * starts a new token; numbers keep their inner separators (2,500 ٣٫٥). Never throws on a string.
 *
 * @example
 * ```ts
 * tokenize('قال: «الكتابُ» بـ2500 دينار').map((t) => t.text)
 * // → ['قال', 'الكتابُ', 'بـ', '2500', 'دينار']
 * ```
 */
export function tokenize(text: string): Token[] {
  assertString(text, 'tokenize')
  const tokens: Token[] = []
  scanTokens(text, (start, end, kind) => tokens.push({ text: text.slice(start, end), start, end, kind }))
  return tokens
}

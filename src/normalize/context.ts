import * as cp from './codepoints.js'
import { DAGGER_ALEF_PROCLITICS, DAGGER_ALEF_SILENT_WORDS } from './rules.js'

/**
 * The context rules of the normalizer: what the characters around a dagger alef or a tatweel
 * decide. Each rule reads its context once: a scan over the text is linear in its length, however
 * many marks, tatweels or dagger alefs a word holds.
 */

/** Is `c` an Arabic combining mark (harakat, dagger alef, Quranic marks)? @internal */
export function isCombiningArabicMark(c: number): boolean {
  return (
    (c >= cp.FATHATAN && c <= cp.HARAKAT_LAST) ||
    c === cp.SUPERSCRIPT_ALEF ||
    (c >= cp.QURANIC_SIGNS_FIRST && c <= cp.QURANIC_SIGNS_LAST) ||
    (c >= cp.QURANIC_MARKS_FIRST && c <= cp.QURANIC_MARKS_LAST) ||
    (c >= cp.EXTENDED_MARKS_FIRST && c <= cp.EXTENDED_MARKS_LAST)
  )
}

/** Is `c` one of the harakat U+064B–U+065F? @internal */
export function isHarakah(c: number): boolean {
  return c >= cp.FATHATAN && c <= cp.HARAKAT_LAST
}

/** Is `c` a letter of a word skeleton (tatweel included)? @internal */
export function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3 && c !== cp.SUPERSCRIPT_ALEF) || c === 0x06d5 || (c >= 0x06ee && c <= 0x06ff && !(c >= cp.EXTENDED_ARABIC_INDIC_ZERO && c <= cp.EXTENDED_ARABIC_INDIC_NINE))
}

/** The skeleton form of a letter (alef variants, yeh forms, taa marbuta folded). @internal */
export function foldSkeletonLetter(c: number): number {
  if (c === cp.ALEF_MADDA || c === cp.ALEF_HAMZA_ABOVE || c === cp.ALEF_HAMZA_BELOW || c === cp.ALEF_WASLA) return cp.ALEF
  if (c === cp.ALEF_MAKSURA || c === cp.FARSI_YEH) return cp.YEH
  if (c === cp.TEH_MARBUTA) return cp.HEH
  return c
}

/** Does `c` belong to a word for the dagger alef rule (letters, tatweel, combining marks)? */
function isWordUnit(c: number): boolean {
  return isArabicLetter(c) || isCombiningArabicMark(c) || c === cp.TATWEEL
}

const longest = (words: Iterable<string>): number => Math.max(0, ...[...words].map((w) => w.length))

/**
 * The most letters a word skeleton can have and still be a silent word with a proclitic: a
 * longer word is never silent, and its skeleton is not built. @internal
 */
export const MAX_SILENT_SKELETON_LENGTH = longest(DAGGER_ALEF_SILENT_WORDS) + longest(DAGGER_ALEF_PROCLITICS)

/**
 * The decision of the dagger alef rule for the last word a scan met: `[start, end)` is the word
 * (a maximal run of word units), `silent` whether its dagger alefs are dropped. Every dagger alef
 * of a word gets the same answer, so a word is read once, however many dagger alefs it holds.
 * Valid for one text only: make one per scan with {@link createWordCache}. @internal
 */
export interface WordCache {
  start: number
  end: number
  silent: boolean
}

/** An empty {@link WordCache}, for one scan of one text. @internal */
export function createWordCache(): WordCache {
  return { start: 0, end: 0, silent: false }
}

/** Is `skeleton` a silent word, after one of the proclitics? */
function isSilentSkeleton(skeleton: string): boolean {
  for (const p of DAGGER_ALEF_PROCLITICS) {
    if (skeleton.startsWith(p) && DAGGER_ALEF_SILENT_WORDS.has(skeleton.slice(p.length))) return true
  }
  return false
}

/**
 * Is the dagger alef at `i` in a word whose standard spelling omits it? The word is the run of
 * letters, tatweels and marks around `i`; its skeleton (the letters, tatweel included, as
 * {@link isArabicLetter} has them, folded by {@link foldSkeletonLetter}) is looked up with and
 * without a proclitic. The answer is kept in `cache` for the other dagger alefs of the word, so
 * a scan reads each word once. @internal
 */
export function daggerAlefIsSilent(text: string, i: number, cache: WordCache): boolean {
  if (i >= cache.start && i < cache.end) return cache.silent
  let start = i
  while (start > 0 && isWordUnit(text.charCodeAt(start - 1))) start--
  let end = i + 1
  while (end < text.length && isWordUnit(text.charCodeAt(end))) end++
  let skeleton = ''
  let silent = true
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k)
    if (!isArabicLetter(c)) continue
    if (skeleton.length === MAX_SILENT_SKELETON_LENGTH) {
      silent = false // too long for any silent word
      break
    }
    skeleton += String.fromCharCode(foldSkeletonLetter(c))
  }
  cache.start = start
  cache.end = end
  cache.silent = silent && isSilentSkeleton(skeleton)
  return cache.silent
}

/**
 * The code unit before `i`, skipping harakat (-1 at the start). Linear over a scan: it stops at
 * the first non-harakah, and is called at dagger alefs only, which are not harakat, so no run of
 * harakat is read twice. @internal
 */
export function previousBase(text: string, i: number): number {
  let k = i - 1
  while (k >= 0 && isHarakah(text.charCodeAt(k))) k--
  return k >= 0 ? text.charCodeAt(k) : -1
}

/** The seat a vowel calls for, or -1 for a mark that is not a vowel. */
function seatOfVowel(c: number): number {
  if (c === cp.KASRA || c === cp.KASRATAN) return cp.YEH_HAMZA
  if (c === cp.DAMMA || c === cp.DAMMATAN) return cp.WAW_HAMZA
  if (c === cp.FATHA || c === cp.FATHATAN) return cp.ALEF_HAMZA_ABOVE
  return -1
}

/**
 * The seat of a hamza written on tatweel at `i`, from the vowel written with it: the first vowel
 * among the harakat after it, else the nearest among those before it (back to the tatweel), else
 * alef. It reads only the harakat touching the hamza (back to its tatweel, forward to the next
 * non-harakah), which no other tatweel of the scan reads. @internal
 */
export function hamzaSeat(text: string, i: number): number {
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (!isHarakah(c)) break
    const seat = seatOfVowel(c)
    if (seat !== -1) return seat
  }
  for (let k = i - 1; k >= 0; k--) {
    const c = text.charCodeAt(k)
    if (!isHarakah(c)) break
    const seat = seatOfVowel(c)
    if (seat !== -1) return seat
  }
  return cp.ALEF_HAMZA_ABOVE
}

import * as cp from '../script.js'
import { foldSkeletonLetter, isArabicLetter, isCombiningArabicMark, isHarakah } from '../script.js'
import { DAGGER_ALEF_PROCLITICS, DAGGER_ALEF_SILENT_WORDS, WORD_LIGATURES, type ContextRuleName } from './rules.js'

/**
 * The context rules of the normalizer: what the characters around a dagger alef, a tatweel or a
 * letter followed by a mark decide. Each is a function named by the `context` field of its entry
 * in NORMALIZATION_RULES, called at the code units its entry lists. Each rule reads its context
 * once: a scan over the text is linear in its length, however many marks, tatweels or dagger
 * alefs a word holds.
 */

/** The character is copied as it is. @internal */
export const KEEP = -2
/** The character is removed. @internal */
export const REMOVE = -1
/** The rule does not apply here: the next rule of the unit is tried. @internal */
export const NO_MATCH = -3

/**
 * What a rule makes of the text at a position: KEEP, REMOVE, NO_MATCH, a code unit (a one-unit
 * replacement) or a string. @internal
 */
export type Decision = number | string

/**
 * The state of one scan of one text, which context rules read and write. @internal
 */
export interface Scan {
  readonly text: string
  /** The options as flags, indexed by the rules' group index. */
  readonly flags: Uint8Array
  /** How many code units the decision covers (1 unless a rule reads more). */
  consumed: number
  /** The dagger alef decision of the current word. */
  readonly word: WordCache
  /** What the rules without context make of the code unit `c` alone (the letter rules). */
  fold(c: number): Decision
  /** `text` normalized with the same rules and options (for decompositions). */
  normalize(text: string): string
}

/**
 * A context rule: decides at `i` (one of its entry's `from` units) and returns `to` (its entry's
 * `to`, as a code unit or a string) or another decision, setting `scan.consumed` when it covers
 * more than one unit; NO_MATCH when it does not apply. @internal
 */
export type ContextRule = (scan: Scan, i: number, to: Decision) => Decision

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

/**
 * The letter written on the tatweel at `i` (harakat may stand between, the hamza above is a
 * letter here) and where it is, or -1 when the tatweel carries none of `letters`.
 */
function letterOnTatweel(text: string, i: number, letters: readonly number[]): number {
  let k = i + 1
  while (k < text.length && isHarakah(text.charCodeAt(k)) && text.charCodeAt(k) !== cp.HAMZA_ABOVE) k++
  return k < text.length && letters.includes(text.charCodeAt(k)) ? k : -1
}

/**
 * A context rule with what it reads: `apply` decides; `next` lists the marks it reads right after
 * its unit (the scanner calls `apply` only where one of them follows) and `after` the letters it
 * reads before it, when it reads a letter + mark pair as one (the OpenSearch mapping writes those
 * pairs out); `lettersOnTatweel` the letters a rule without a seat reads on a tatweel (the
 * OpenSearch generator writes its filter from them). @internal
 */
export interface ContextRuleDefinition {
  readonly apply: ContextRule
  readonly next?: readonly number[]
  readonly after?: readonly number[]
  readonly lettersOnTatweel?: readonly number[]
}

/**
 * A letter on a tatweel: the tatweel and the marks up to the letter become `to`, or what `seat`
 * makes of the letter at `k` when given.
 */
const onTatweel = (letters: readonly number[], seat?: (scan: Scan, k: number) => Decision): ContextRuleDefinition => ({
  apply: (scan, i, to) => {
    const k = letterOnTatweel(scan.text, i, letters)
    if (k < 0) return NO_MATCH
    scan.consumed = k + 1 - i
    return seat ? seat(scan, k) : to
  },
  // a rule with a seat (hamza on tatweel) has filters of its own in the generator
  ...(seat ? {} : { lettersOnTatweel: letters }),
})

/** A letter followed by one of `marks` (which the scanner checks first): the pair becomes `to`. */
const followedBy = (marks: readonly number[]): ContextRuleDefinition => ({
  apply: (scan, _i, to) => {
    scan.consumed = 2
    return to
  },
  next: marks,
})

/** The letters whose dagger alef is dropped. */
const YEH_FORMS = [cp.ALEF_MAKSURA, cp.YEH, cp.FARSI_YEH]

const presentationCache = new Map<number, string>()

/** The compatibility decomposition of a presentation form, isolated harakat without the space. */
function presentationDecomposition(c: number): string {
  let value = presentationCache.get(c)
  if (value === undefined) {
    const ch = String.fromCharCode(c)
    value = WORD_LIGATURES.get(c) ?? ch.normalize('NFKC')
    // Isolated forms of harakat decompose to a space (or tatweel) + the mark: keep the mark only.
    if (value.length > 1 && (value.charCodeAt(0) === 0x20 || value.charCodeAt(0) === cp.TATWEEL)) {
      let onlyMarks = true
      for (let k = 1; k < value.length; k++) if (!isCombiningArabicMark(value.charCodeAt(k))) onlyMarks = false
      if (onlyMarks) value = value.slice(1)
    }
    presentationCache.set(c, value)
  }
  return value
}

/**
 * The context rules by name, as NORMALIZATION_RULES refers to them. Each comment is the rule it
 * carries out. @internal
 */
export const CONTEXT_RULES: Readonly<Record<ContextRuleName, ContextRuleDefinition>> = {
  /** ا followed by a combining madda or hamza (U+0653–U+0655): the pair is one alef. */
  alefCombiningMark: followedBy([cp.MADDA_ABOVE, cp.HAMZA_ABOVE, cp.HAMZA_BELOW]),
  /** و followed by a dagger alef: the pair is one alef. */
  wawDaggerAlef: followedBy([cp.SUPERSCRIPT_ALEF]),
  /** A dagger alef after ى ي ی (harakat between) is dropped. */
  yehDaggerAlef: {
    apply: (scan, i, to) => (YEH_FORMS.includes(previousBase(scan.text, i)) ? to : NO_MATCH),
    after: YEH_FORMS,
  },
  /** Any other dagger alef is an alef, except in the silent words, where it is dropped. */
  daggerAlef: { apply: (scan, i, to) => (daggerAlefIsSilent(scan.text, i, scan.word) ? REMOVE : to) },
  /** A small yeh (or small high yeh) on a tatweel is a yeh. */
  smallYehOnTatweel: onTatweel([cp.SMALL_YEH, cp.SMALL_HIGH_YEH]),
  /** A small waw on a tatweel is a waw. */
  smallWawOnTatweel: onTatweel([cp.SMALL_WAW]),
  /** A hamza on a tatweel is the seat its vowel calls for (أ ئ ؤ), folded by the letter rules. */
  hamzaOnTatweel: onTatweel([cp.HAMZA_ABOVE], (scan, k) => scan.fold(hamzaSeat(scan.text, k))),
  /** A presentation form is its compatibility decomposition, normalized in turn. */
  presentationForm: {
    apply: (scan, i) => {
      const c = scan.text.charCodeAt(i)
      const decomposed = presentationDecomposition(c)
      return decomposed === String.fromCharCode(c) ? KEEP : scan.normalize(decomposed)
    },
  },
}

/**
 * The composition of a letter + combining mark into `composed` (و + U+0654 = ؤ), which the
 * letter rules then fold: the rule behind the `composedOf` field of NORMALIZATION_RULES. The
 * scanner calls it only where the mark follows (the rule's `next`). @internal
 */
export function composition(composed: number): ContextRule {
  return (scan) => {
    scan.consumed = 2
    return scan.fold(composed)
  }
}

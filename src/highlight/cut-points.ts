/**
 * Where a passage may be cut: never inside a user-perceived character. A cut is refused before a
 * code unit that belongs to the character before it (a combining mark, a variation selector, an
 * emoji modifier or tag, a joiner, tatweel, the second half of a surrogate pair), after a zero
 * width joiner, and between the two regional indicators of a flag. Whitespace always allows a cut:
 * a mark that the document itself puts after a space stays where the document has it. A character
 * longer than MAX_CHARACTER_LENGTH code units may be cut, between two code points.
 * @internal
 */

/** Whitespace, where passages are cut by preference and runs are collapsed. @internal */
export const WHITESPACE = /\s/
/** A combining mark (Mn, Mc, Me): it belongs to the character before it. */
const MARK = /\p{M}/u

/** Below this code unit there is no mark, joiner or surrogate: the fast path of the checks. */
const FIRST_MARK = 0x0300
const TATWEEL = 0x0640
const ZWNJ = 0x200c
const ZWJ = 0x200d
/** Emoji modifiers (skin tones) U+1F3FB–1F3FF attach to the emoji before them. */
const EMOJI_MODIFIER_FIRST = 0x1f3fb
const EMOJI_MODIFIER_LAST = 0x1f3ff
/** Tag characters U+E0020–E007F continue an emoji tag sequence (the flags of England, Scotland…). */
const TAG_FIRST = 0xe0020
const TAG_LAST = 0xe007f
/** Regional indicators U+1F1E6–1F1FF pair up into flags. */
const REGIONAL_FIRST = 0x1f1e6
const REGIONAL_LAST = 0x1f1ff
/** How many regional indicators are counted back to find the pairing; past it a cut is allowed. */
const MAX_REGIONAL_RUN = 1024

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff
const isRegional = (cp: number | undefined) => cp !== undefined && cp >= REGIONAL_FIRST && cp <= REGIONAL_LAST

/** Whether the code unit at `p` belongs to the character before it. */
function continuesCharacter(text: string, p: number): boolean {
  const c = text.charCodeAt(p)
  if (c < FIRST_MARK) return false
  if (isLowSurrogate(c) || c === ZWNJ || c === ZWJ || c === TATWEEL) return true
  if (isHighSurrogate(c)) {
    const cp = text.codePointAt(p)!
    if (cp === c) return false // a lone high surrogate starts a character of its own
    return (
      (cp >= EMOJI_MODIFIER_FIRST && cp <= EMOJI_MODIFIER_LAST) ||
      (cp >= TAG_FIRST && cp <= TAG_LAST) ||
      MARK.test(String.fromCodePoint(cp))
    )
  }
  return MARK.test(String.fromCharCode(c))
}

/** Whether `p` is the second regional indicator of a pair (a cut there would split a flag). */
function insideFlag(text: string, p: number): boolean {
  if (!isRegional(text.codePointAt(p))) return false
  let before = 0
  for (
    let k = p;
    k >= 2 &&
    before < MAX_REGIONAL_RUN &&
    isLowSurrogate(text.charCodeAt(k - 1)) &&
    isRegional(text.codePointAt(k - 2));
    k -= 2
  )
    before++
  return before % 2 === 1
}

/**
 * Whether a passage may start or end at offset `p` of `text` without splitting a character.
 * @internal
 */
export function canCut(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true
  if (WHITESPACE.test(text.charAt(p - 1))) return true
  if (continuesCharacter(text, p)) return false
  if (text.charCodeAt(p - 1) === ZWJ) return false
  return !insideFlag(text, p)
}

/**
 * How far a cut point is looked for, in code units: a character (a letter and its marks, an emoji
 * sequence) longer than this may be cut, between two code points. Unicode's stream-safe format
 * allows 30 marks after a letter; without a bound a letter followed by a million marks (or a
 * million joined emoji) would make each passage scan, and show, all of them.
 */
export const MAX_CHARACTER_LENGTH = 32

/** The nearest cut point in `[max(floor, p - MAX_CHARACTER_LENGTH), p]`, or -1. */
function findCutBefore(text: string, p: number, floor: number): number {
  const low = Math.max(floor, p - MAX_CHARACTER_LENGTH)
  for (let q = Math.min(p, text.length); q >= low; q--) if (canCut(text, q)) return q
  return -1
}

/** The nearest cut point in `[p, p + MAX_CHARACTER_LENGTH]`, or -1. */
function findCutAfter(text: string, p: number): number {
  const high = Math.min(text.length, p + MAX_CHARACTER_LENGTH)
  for (let q = Math.max(0, p); q <= high; q++) if (canCut(text, q)) return q
  return -1
}

/** Whether `p` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, p: number) =>
  p > 0 && p < text.length && isLowSurrogate(text.charCodeAt(p)) && isHighSurrogate(text.charCodeAt(p - 1))

/** The start of the character that holds `p` (or `p` between code points, in a very long one). @internal */
export function cutBefore(text: string, p: number): number {
  const q = findCutBefore(text, p, 0)
  if (q >= 0) return q
  return splitsPair(text, p) ? p - 1 : p
}

/** The end of the character that holds `p` (or `p` between code points, in a very long one). @internal */
export function cutAfter(text: string, p: number): number {
  const q = findCutAfter(text, p)
  if (q >= 0) return q
  return splitsPair(text, p) ? p + 1 : p
}

/** How far back from the wanted start a word boundary is looked for. */
const START_LOOKBACK = 20

/**
 * Start of a passage near `pos` and at most `limit` (the first match): the start of the word that
 * holds `pos` when it is near, else the next word, else the nearest cut point before `pos`.
 * @internal
 */
export function startBoundary(text: string, pos: number, limit: number): number {
  if (pos <= 0) return 0
  for (let p = pos; p > 0 && pos - p < START_LOOKBACK; p--) if (WHITESPACE.test(text.charAt(p - 1))) return p
  for (let p = pos; p < limit; p++) if (WHITESPACE.test(text.charAt(p - 1))) return p
  return cutBefore(text, pos)
}

/**
 * End of a passage near `pos` and at least `floor` (the end of the last match): the last
 * whitespace in `[floor, pos]`, else the nearest cut point before `pos` (above `floor`, or at it
 * when `floor` > 0), else the nearest one after `pos`.
 * @internal
 */
export function endBoundary(text: string, pos: number, floor: number): number {
  if (pos >= text.length) return text.length
  for (let p = pos; p >= floor; p--) if (WHITESPACE.test(text.charAt(p))) return p
  const back = findCutBefore(text, pos, floor)
  return back > 0 ? back : cutAfter(text, pos)
}

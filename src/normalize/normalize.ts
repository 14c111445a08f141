import { assertString, checkOptions } from '../errors.js'
import * as cp from './codepoints.js'
import {
  createWordCache,
  daggerAlefIsSilent,
  hamzaSeat,
  isCombiningArabicMark,
  isHarakah,
  previousBase,
  type WordCache,
} from './context.js'
import type { RuleGroup } from './rules.js'

export { foldSkeletonLetter, isArabicLetter, isCombiningArabicMark } from './context.js'

/**
 * Switches for the normalization rule groups. Every group is on by default (the defaults suit
 * search); set one to `false` to keep those characters as written.
 */
export interface NormalizeOptions {
  /** Remove harakat, tanween, shadda, sukun (U+064B–U+065F) and the dagger alef U+0670. @default true */
  readonly diacritics?: boolean
  /** Remove tatweel U+0640. @default true */
  readonly tatweel?: boolean
  /** Remove Quranic annotation marks (U+0610–U+061A, U+06D6–U+06ED, U+08D3–U+08FF). @default true */
  readonly quranicMarks?: boolean
  /** Remove invisible format characters (ZWNJ, ZWJ, LRM, RLM, ALM, bidi controls, soft hyphen, BOM). @default true */
  readonly invisible?: boolean
  /** Fold آ أ إ ٱ ٲ ٳ ٵ (and alef + combining hamza or madda) to ا. @default true */
  readonly alef?: boolean
  /** Fold alef maksura ى to yeh ي. @default true */
  readonly alefMaksura?: boolean
  /** Fold taa marbuta ة to heh ه. @default true */
  readonly taaMarbuta?: boolean
  /**
   * Fold the hamza carriers ؤ → و and ئ → ي. On by default: writers disagree on the seat of
   * hamza (مسؤول / مسئول, شؤون / شئون) and often drop it, and the folded forms rarely collide.
   * @default true
   */
  readonly hamzaCarriers?: boolean
  /** Fold Persian and Urdu letters (ک → ك; ی ې ے → ي; ہ ۀ ۃ ھ → ه). @default true */
  readonly persian?: boolean
  /** Replace presentation forms and ligatures (U+FB50–U+FDFF, U+FE70–U+FEFE) by base letters. @default true */
  readonly presentationForms?: boolean
  /** Arabic-Indic and Extended Arabic-Indic digits → ASCII digits; ٫ → `.`, ٬ → `,`. @default true */
  readonly digits?: boolean
  /** Lower-case Latin, Greek and Cyrillic letters. @default true */
  readonly latinCase?: boolean
  /** Read fully vowelled Uthmani spelling as plain spelling (dagger alef, small yeh, hamza on tatweel). @default true */
  readonly uthmani?: boolean
}

/** The normalization options with every field filled in. */
export type ResolvedNormalizeOptions = { readonly [K in RuleGroup]: boolean }

/** The default normalization options: every rule group on. */
export const DEFAULT_NORMALIZE_OPTIONS: ResolvedNormalizeOptions = Object.freeze({
  diacritics: true,
  tatweel: true,
  quranicMarks: true,
  invisible: true,
  alef: true,
  alefMaksura: true,
  taaMarbuta: true,
  hamzaCarriers: true,
  persian: true,
  presentationForms: true,
  digits: true,
  latinCase: true,
  uthmani: true,
})

const OPTION_SCHEMA = Object.fromEntries(Object.keys(DEFAULT_NORMALIZE_OPTIONS).map((k) => [k, 'boolean' as const]))

/** Validates normalize options and fills in the defaults. @internal */
export function resolveNormalizeOptions(options: unknown, where = 'normalize()'): ResolvedNormalizeOptions {
  if (options === undefined) return DEFAULT_NORMALIZE_OPTIONS
  const given = checkOptions(options, where, OPTION_SCHEMA)
  const resolved: Record<string, boolean> = { ...DEFAULT_NORMALIZE_OPTIONS }
  for (const key of Object.keys(given)) if (given[key] !== undefined) resolved[key] = given[key] as boolean
  return Object.freeze(resolved) as ResolvedNormalizeOptions
}

/**
 * Normalized text with a map back to the original. Offsets are UTF-16 indices.
 */
export interface NormalizedText {
  /** The normalized text. */
  readonly text: string
  /** The text that was normalized. */
  readonly original: string
  /**
   * Maps an offset in `text` to an offset in `original`. With `edge: 'start'` (the default) the
   * result is where the character at `offset` begins in the original; with `edge: 'end'` it is
   * where the character before `offset` ends, removed marks that followed it included. Offsets
   * outside `[0, text.length]` are clamped.
   */
  toOriginal(offset: number, edge?: 'start' | 'end'): number
  /** Maps a range `[start, end)` of `text` to the range of `original` it came from. */
  toOriginalRange(start: number, end: number): [number, number]
}

// A piece of output: a copied run (identity mapping) or a replacement (every output unit maps
// to the whole source range). origEnd may exceed the run's source end by removed characters.
interface Pieces {
  outStart: number[]
  origStart: number[]
  origEnd: number[]
  copy: boolean[]
}

const presentationCache = new Map<number, string>()

/** Word ligatures that Unicode gives no compatibility decomposition. */
export const WORD_LIGATURES: ReadonlyMap<number, string> = new Map([
  [0xfdfd, 'بسم الله الرحمن الرحيم'], // ﷽ BISMILLAH AR-RAHMAN AR-RAHEEM
  [0xfdfe, 'سبحانه وتعالى'], // ﷾ SUBHAANAHU WA TAAALAA
  [0xfdff, 'عز وجل'], // ﷿ AZZA WA JALL
])

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

/** Folds one letter (after context rules) by the letter rules; returns the code unit to emit. */
function foldLetter(c: number, o: ResolvedNormalizeOptions): number {
  switch (c) {
    case cp.ALEF_MADDA:
    case cp.ALEF_HAMZA_ABOVE:
    case cp.ALEF_HAMZA_BELOW:
    case cp.ALEF_WASLA:
    case cp.ALEF_WAVY_HAMZA_ABOVE:
    case cp.ALEF_WAVY_HAMZA_BELOW:
    case cp.HIGH_HAMZA_ALEF:
      return o.alef ? cp.ALEF : c
    case cp.ALEF_MAKSURA:
      return o.alefMaksura ? cp.YEH : c
    case cp.TEH_MARBUTA:
      return o.taaMarbuta ? cp.HEH : c
    case cp.WAW_HAMZA:
      return o.hamzaCarriers ? cp.WAW : c
    case cp.YEH_HAMZA:
      return o.hamzaCarriers ? cp.YEH : c
    case cp.KEHEH:
    case cp.SWASH_KAF:
      return o.persian ? cp.KAF : c
    case cp.FARSI_YEH:
    case cp.E_LETTER:
    case cp.YEH_BARREE:
    case cp.YEH_BARREE_HAMZA:
      return o.persian ? cp.YEH : c
    case cp.HEH_DOACHASHMEE:
    case cp.HEH_YEH_ABOVE:
    case cp.HEH_GOAL:
    case cp.HEH_GOAL_HAMZA:
    case cp.TEH_MARBUTA_GOAL:
      return o.persian ? cp.HEH : c
    default:
      return c
  }
}

const REMOVE = -1
const KEEP = -2

/**
 * Decides what the character at `i` becomes: KEEP, REMOVE, a code unit (a one-unit replacement),
 * or a string. `consumed` reports how many code units were read (1 or more); `word` keeps the
 * dagger alef decision of the current word (one per scan of `text`).
 */
function classify(
  text: string,
  i: number,
  c: number,
  o: ResolvedNormalizeOptions,
  consumed: { n: number },
  word: WordCache,
): number | string {
  consumed.n = 1
  // Latin, Greek, Cyrillic case
  if (c < 0x0590) {
    if (c < 0x80) return o.latinCase && c >= 0x41 && c <= 0x5a ? c + 32 : KEEP
    if (c === cp.SOFT_HYPHEN) return o.invisible ? REMOVE : KEEP
    if (o.latinCase && c >= 0xc0) {
      const ch = String.fromCharCode(c)
      const lower = ch.toLowerCase()
      if (lower !== ch) return lower.length === 1 ? lower.charCodeAt(0) : lower
    }
    return KEEP
  }
  if (c <= 0x06ff) {
    // Arabic block
    if (c >= cp.FATHATAN && c <= cp.HARAKAT_LAST) {
      return o.diacritics ? REMOVE : KEEP
    }
    if (c === cp.SUPERSCRIPT_ALEF) {
      if (o.uthmani) {
        const prev = previousBase(text, i)
        if (prev === cp.ALEF_MAKSURA || prev === cp.YEH || prev === cp.FARSI_YEH) return REMOVE
        if (daggerAlefIsSilent(text, i, word)) return REMOVE
        return cp.ALEF
      }
      return o.diacritics ? REMOVE : KEEP
    }
    if (c === cp.TATWEEL) {
      if (o.uthmani) {
        // A letter written on the tatweel (harakat may stand between): the tatweel and the
        // marks up to it become that letter, so the range maps to the whole written sequence.
        let k = i + 1
        while (k < text.length && isHarakah(text.charCodeAt(k)) && text.charCodeAt(k) !== cp.HAMZA_ABOVE) k++
        const seated = text.charCodeAt(k)
        if (seated === cp.HAMZA_ABOVE) {
          consumed.n = k + 1 - i
          return foldLetter(hamzaSeat(text, k), o)
        }
        if (seated === cp.SMALL_YEH || seated === cp.SMALL_HIGH_YEH || seated === cp.SMALL_WAW) {
          consumed.n = k + 1 - i
          return seated === cp.SMALL_WAW ? cp.WAW : cp.YEH
        }
      }
      return o.tatweel ? REMOVE : KEEP
    }
    if ((c >= cp.QURANIC_MARKS_FIRST && c <= cp.QURANIC_MARKS_LAST) || (c >= cp.QURANIC_SIGNS_FIRST && c <= cp.QURANIC_SIGNS_LAST)) {
      return o.quranicMarks ? REMOVE : KEEP
    }
    if (c === cp.ARABIC_LETTER_MARK) return o.invisible ? REMOVE : KEEP
    if (c >= cp.ARABIC_INDIC_ZERO && c <= cp.ARABIC_INDIC_NINE) return o.digits ? 0x30 + (c - cp.ARABIC_INDIC_ZERO) : KEEP
    if (c >= cp.EXTENDED_ARABIC_INDIC_ZERO && c <= cp.EXTENDED_ARABIC_INDIC_NINE) return o.digits ? 0x30 + (c - cp.EXTENDED_ARABIC_INDIC_ZERO) : KEEP
    if (c === cp.ARABIC_DECIMAL_SEPARATOR) return o.digits ? 0x2e : KEEP
    if (c === cp.ARABIC_THOUSANDS_SEPARATOR) return o.digits ? 0x2c : KEEP
    const next = text.charCodeAt(i + 1)
    // Letter + combining mark compositions
    if (c === cp.ALEF && (next === cp.MADDA_ABOVE || next === cp.HAMZA_ABOVE || next === cp.HAMZA_BELOW) && o.alef) {
      consumed.n = 2
      return cp.ALEF
    }
    if (c === cp.WAW && next === cp.HAMZA_ABOVE && o.diacritics) {
      consumed.n = 2
      return foldLetter(cp.WAW_HAMZA, o)
    }
    if ((c === cp.YEH || c === cp.ALEF_MAKSURA || c === cp.FARSI_YEH) && next === cp.HAMZA_ABOVE && o.diacritics) {
      consumed.n = 2
      return foldLetter(cp.YEH_HAMZA, o)
    }
    if (c === cp.WAW && next === cp.SUPERSCRIPT_ALEF && o.uthmani) {
      consumed.n = 2
      return cp.ALEF
    }
    const folded = foldLetter(c, o)
    return folded === c ? KEEP : folded
  }
  if (c >= 0x1e00 && c <= 0x1fff) {
    if (o.latinCase) {
      const ch = String.fromCharCode(c)
      const lower = ch.toLowerCase()
      if (lower !== ch) return lower.length === 1 ? lower.charCodeAt(0) : lower
    }
    return KEEP
  }
  if (c >= cp.EXTENDED_MARKS_FIRST && c <= cp.EXTENDED_MARKS_LAST) return o.quranicMarks ? REMOVE : KEEP
  if (c >= 0x2000 && c <= 0x206f) {
    if (
      c === cp.ZWNJ || c === cp.ZWJ || c === cp.LRM || c === cp.RLM || c === cp.WORD_JOINER ||
      (c >= cp.BIDI_EMBEDDING_FIRST && c <= cp.BIDI_EMBEDDING_LAST) ||
      (c >= cp.BIDI_ISOLATE_FIRST && c <= cp.BIDI_ISOLATE_LAST)
    ) return o.invisible ? REMOVE : KEEP
    return KEEP
  }
  if (c === cp.BOM) return o.invisible ? REMOVE : KEEP
  if ((c >= cp.PRESENTATION_A_FIRST && c <= cp.PRESENTATION_A_LAST) || (c >= cp.PRESENTATION_B_FIRST && c <= cp.PRESENTATION_B_LAST)) {
    if (!o.presentationForms) return KEEP
    const decomposed = presentationDecomposition(c)
    if (decomposed === String.fromCharCode(c)) return KEEP
    return run(decomposed, o, false).text
  }
  if (c >= 0xff21 && c <= 0xff3a && o.latinCase) return c + 32 // fullwidth A–Z
  return KEEP
}

interface RunResult {
  text: string
  pieces: Pieces | null
}

/**
 * Code units below U+0700 that no rule changes under any options: ASCII other than capitals,
 * and the Arabic letters that are never folded nor composed (ب ت ث ج … ن ه ء). The scanner
 * skips them without calling `classify`.
 */
const ALWAYS_KEPT = (() => {
  const table = new Uint8Array(0x700)
  for (let c = 0; c < 0x80; c++) if (c < 0x41 || c > 0x5a) table[c] = 1
  for (const ch of 'ءبتثجحخدذرزسشصضطظعغفقلمنه') table[ch.charCodeAt(0)] = 1
  for (const ch of '،؛؟٪٭۔') table[ch.charCodeAt(0)] = 1
  return table
})()

function run(text: string, o: ResolvedNormalizeOptions, withMap: boolean): RunResult {
  const n = text.length
  const parts: string[] = []
  const pieces: Pieces | null = withMap ? { outStart: [], origStart: [], origEnd: [], copy: [] } : null
  let outLen = 0
  let copyFrom = 0
  let changed = false
  const consumed = { n: 1 }
  const word = createWordCache()
  const flush = (upTo: number) => {
    if (copyFrom < upTo) {
      parts.push(text.slice(copyFrom, upTo))
      if (pieces) {
        pieces.outStart.push(outLen)
        pieces.origStart.push(copyFrom)
        pieces.origEnd.push(upTo)
        pieces.copy.push(true)
      }
      outLen += upTo - copyFrom
    }
  }
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c < 0x700 && ALWAYS_KEPT[c] === 1) {
      i++
      continue // fast path: characters no rule changes
    }
    const action = classify(text, i, c, o, consumed, word)
    if (action === KEEP) {
      i += consumed.n
      continue
    }
    const end = i + consumed.n
    changed = true
    flush(i)
    if (action === REMOVE) {
      if (pieces) {
        const last = pieces.origEnd.length - 1
        if (last >= 0 && pieces.origEnd[last] === i) pieces.origEnd[last] = end
      }
    } else {
      const s = typeof action === 'number' ? String.fromCharCode(action) : action
      if (s.length > 0) {
        parts.push(s)
        if (pieces) {
          pieces.outStart.push(outLen)
          pieces.origStart.push(i)
          pieces.origEnd.push(end)
          pieces.copy.push(false)
        }
        outLen += s.length
      } else if (pieces) {
        const last = pieces.origEnd.length - 1
        if (last >= 0 && pieces.origEnd[last] === i) pieces.origEnd[last] = end
      }
    }
    i = end
    copyFrom = end
  }
  if (!changed) {
    if (pieces && n > 0) {
      pieces.outStart.push(0)
      pieces.origStart.push(0)
      pieces.origEnd.push(n)
      pieces.copy.push(true)
    }
    return { text, pieces }
  }
  flush(n)
  return { text: parts.join(''), pieces }
}

function clampOffset(offset: number, max: number): number {
  if (!(offset > 0)) return 0 // NaN and negatives
  if (offset >= max) return max
  return Math.floor(offset)
}

function makeNormalizedText(original: string, text: string, pieces: Pieces): NormalizedText {
  const { outStart, origStart, origEnd, copy } = pieces
  const count = outStart.length
  // index of the piece containing output unit p (0 <= p < text.length); offsets are mostly read
  // in order (word after word), so the piece of the last read and the few after it are tried first
  let last = 0
  const pieceAt = (p: number): number => {
    if (outStart[last]! <= p) {
      let k = last
      for (let step = 0; step < 4 && k + 1 < count && outStart[k + 1]! <= p; step++) k++
      if (k + 1 >= count || outStart[k + 1]! > p) return (last = k)
    }
    let lo = 0
    let hi = count - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (outStart[mid]! <= p) lo = mid
      else hi = mid - 1
    }
    return (last = lo)
  }
  const toOriginal = (offset: number, edge: 'start' | 'end' = 'start'): number => {
    const p = clampOffset(offset, text.length)
    if (edge === 'end') {
      if (p === 0) return 0
      const k = pieceAt(p - 1)
      const pieceOutEnd = k + 1 < count ? outStart[k + 1]! : text.length
      if (copy[k] && p < pieceOutEnd) return origStart[k]! + (p - outStart[k]!)
      return origEnd[k]!
    }
    if (p >= text.length) return original.length
    const k = pieceAt(p)
    return copy[k] ? origStart[k]! + (p - outStart[k]!) : origStart[k]!
  }
  return {
    text,
    original,
    toOriginal,
    toOriginalRange(start: number, end: number): [number, number] {
      const s = clampOffset(start, text.length)
      const e = Math.max(s, clampOffset(end, text.length))
      if (e === s) {
        const at = toOriginal(s, 'start')
        return [at, at]
      }
      return [toOriginal(s, 'start'), toOriginal(e, 'end')]
    },
  }
}

/**
 * Normalizes Arabic text for search and keeps a map back to the original: diacritics, Quranic
 * marks, tatweel and invisible characters removed; alef, yeh, taa marbuta, hamza carriers,
 * Persian letters and presentation forms folded; digits made ASCII; Latin lower-cased; Uthmani
 * spelling read as plain spelling. Never throws on a string; throws `FAHRAS_INVALID_ARGUMENT`
 * on anything else.
 *
 * @example
 * ```ts
 * const n = normalize('قرأتُ الْكِتَابَ')
 * n.text                                 // → 'قرات الكتاب'
 * n.toOriginalRange(5, 11)               // → [6, 16]: 'الْكِتَابَ' in the original
 * normalize('ٱلصَّلَوٰةَ').text === normalize('الصلاة').text // → true
 * ```
 */
export function normalize(text: string, options?: NormalizeOptions): NormalizedText {
  assertString(text, 'normalize')
  const o = resolveNormalizeOptions(options)
  const { text: out, pieces } = run(text, o, true)
  return makeNormalizedText(text, out, pieces!)
}

/**
 * Normalizes text without building the offset map: the fast path for indexing.
 *
 * @example
 * ```ts
 * normalizeText('إِلَى الْمَدْرَسَةِ') // → 'الي المدرسه'
 * ```
 */
export function normalizeText(text: string, options?: NormalizeOptions): string {
  assertString(text, 'normalizeText')
  return run(text, resolveNormalizeOptions(options, 'normalizeText()'), false).text
}

/** Normalizes with already-resolved options, no validation, no map. @internal */
export function normalizeResolved(text: string, o: ResolvedNormalizeOptions): string {
  return run(text, o, false).text
}

/** Normalizes with already-resolved options and a map. @internal */
export function normalizeResolvedWithMap(text: string, o: ResolvedNormalizeOptions): NormalizedText {
  const { text: out, pieces } = run(text, o, true)
  return makeNormalizedText(text, out, pieces!)
}

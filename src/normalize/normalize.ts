import { assertString, checkOptions } from '../errors.js'
import { decide, DEFAULT_RULES, foldUnit, groupFlags, type CompiledRules } from './compile.js'
import { createWordCache, KEEP, REMOVE, type Scan } from './context.js'
import { NORMALIZATION_RULES, type RuleGroup } from './rules.js'

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

/**
 * The default normalization options: every rule group on, in the order the rule table first
 * names them.
 */
export const DEFAULT_NORMALIZE_OPTIONS: ResolvedNormalizeOptions = Object.freeze(
  Object.fromEntries(NORMALIZATION_RULES.map((rule) => [rule.group, true])) as ResolvedNormalizeOptions,
)

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

interface RunResult {
  text: string
  pieces: Pieces | null
}

/** A new scan of `text`: the state its context rules share. */
function startScan(text: string, o: ResolvedNormalizeOptions, rules: CompiledRules): Scan {
  const flags = groupFlags(o)
  return {
    text,
    flags,
    consumed: 1,
    word: createWordCache(),
    fold: (c) => foldUnit(rules, c, flags),
    normalize: (part) => scanText(part, o, false, rules).text,
  }
}

/**
 * Scans `text` once with the compiled rules: a code unit no rule lists is copied (the fast path,
 * one table read); the others are decided by their rules. Copied runs and replacements become
 * the pieces of the offset map.
 */
function scanText(
  text: string,
  o: ResolvedNormalizeOptions,
  withMap: boolean,
  rules: CompiledRules = DEFAULT_RULES,
): RunResult {
  const n = text.length
  const parts: string[] = []
  const pieces: Pieces | null = withMap ? { outStart: [], origStart: [], origEnd: [], copy: [] } : null
  let outLen = 0
  let copyFrom = 0
  const { index, units } = rules
  let scan: Scan | null = null
  // `out` is the output of original[from, to): a copy of it, or its replacement
  const emit = (out: string, from: number, to: number, copy: boolean) => {
    parts.push(out)
    if (pieces) {
      pieces.outStart.push(outLen)
      pieces.origStart.push(from)
      pieces.origEnd.push(to)
      pieces.copy.push(copy)
    }
    outLen += out.length
  }
  let i = 0
  while (i < n) {
    const k = index[text.charCodeAt(i)]!
    if (k === 0) {
      i++
      continue // fast path: characters no rule lists
    }
    scan ??= startScan(text, o, rules)
    scan.consumed = 1
    const action = decide(units[k - 1]!, scan, i)
    if (action === KEEP) {
      i += scan.consumed
      continue
    }
    const end = i + scan.consumed
    if (copyFrom < i) emit(text.slice(copyFrom, i), copyFrom, i, true)
    const s = action === REMOVE ? '' : typeof action === 'number' ? String.fromCharCode(action) : action
    if (s.length > 0) emit(s, i, end, false)
    else if (pieces) {
      // a removal: the piece before it covers it
      const last = pieces.origEnd.length - 1
      if (last >= 0 && pieces.origEnd[last] === i) pieces.origEnd[last] = end
    }
    i = end
    copyFrom = end
  }
  // the rest, or the whole text when no rule changed it (copyFrom is 0 only then)
  if (copyFrom < n) emit(copyFrom === 0 ? text : text.slice(copyFrom), copyFrom, n, true)
  return { text: copyFrom === 0 ? text : parts.join(''), pieces }
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
  const { text: out, pieces } = scanText(text, o, true)
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
  return scanText(text, resolveNormalizeOptions(options, 'normalizeText()'), false).text
}

/** Normalizes with already-resolved options (and the default rules, or others), no validation, no map. @internal */
export function normalizeResolved(
  text: string,
  o: ResolvedNormalizeOptions,
  rules: CompiledRules = DEFAULT_RULES,
): string {
  return scanText(text, o, false, rules).text
}

/**
 * Normalizes with already-resolved options and another compiled rule table (built by
 * `compileRules`), with the map. @internal
 *
 * @example
 * ```ts
 * const rules = compileRules([...NORMALIZATION_RULES, { id: 'veh', group: 'persian', from: [0x06a4], to: 'ف'}])
 * normalizeWithRules('ڤيديو', DEFAULT_NORMALIZE_OPTIONS, rules).text // → 'فيديو'
 * ```
 */
export function normalizeWithRules(text: string, o: ResolvedNormalizeOptions, rules: CompiledRules): NormalizedText {
  const { text: out, pieces } = scanText(text, o, true, rules)
  return makeNormalizedText(text, out, pieces!)
}

/** Normalizes with already-resolved options and a map. @internal */
export function normalizeResolvedWithMap(text: string, o: ResolvedNormalizeOptions): NormalizedText {
  const { text: out, pieces } = scanText(text, o, true)
  return makeNormalizedText(text, out, pieces!)
}

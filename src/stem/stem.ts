import { assertString, checkOptions } from '../errors.js'
import { normalizeResolved, resolveNormalizeOptions, type NormalizeOptions } from '../normalize/normalize.js'
import { ROOT_INITIAL_WORDS_GENERATED } from './root-initial.js'
import {
  CONSTRUCT_TAA,
  LOOKUP_ENDINGS,
  PRONOUN_SUFFIXES,
  PROTECTED_WORDS,
  ROOT_INITIAL_EXTRA,
  type AffixRule,
} from './rules.js'
import { MIN_STEM_LENGTH, STEM_STEPS, type StemStep, type SuffixStep } from './steps.js'

/**
 * Words whose first letter (or first two, ال) belongs to the word: no proclitic or article is
 * removed from them. Generated from Arabic Wikipedia (a word is listed when its form with the
 * article is frequent: الوزاره makes وزاره root-initial) plus {@link ROOT_INITIAL_EXTRA}.
 */
export const ROOT_INITIAL_WORDS: ReadonlySet<string> = new Set([
  ...decodeFrontCoded(ROOT_INITIAL_WORDS_GENERATED),
  ...ROOT_INITIAL_EXTRA,
])

/**
 * Decodes the generated list: a character '0' + n (below '@') starts a word that shares n letters
 * with the previous one; each following character '@' + k is the Arabic letter U+0621 + k.
 * (`scripts/build-root-initial.mjs --check` checks it against the script's encoder.)
 *
 * @example
 * ```ts
 * decodeFrontCoded('0GcFN2N') // → ['بلاد', 'بلد']
 * ```
 * @internal
 */
export function decodeFrontCoded(encoded: string): string[] {
  const words: string[] = []
  let previous = ''
  let i = 0
  while (i < encoded.length) {
    const shared = encoded.charCodeAt(i) - 48
    let word = previous.slice(0, shared)
    let j = i + 1
    for (; j < encoded.length && encoded.charCodeAt(j) >= 0x40; j++)
      word += String.fromCharCode(encoded.charCodeAt(j) - 0x40 + 0x0621)
    words.push(word)
    previous = word
    i = j
  }
  return words
}

/** Options of {@link stem} and {@link lightStem}. */
export interface StemOptions {
  /** Words (in any spelling; they are normalized) that are returned normalized but unstemmed. @default [] */
  readonly keep?: readonly string[] | ReadonlySet<string>
  /** Normalization applied by {@link stem} before stemming. @default all rule groups on */
  readonly normalize?: NormalizeOptions
}

function stripPrefix(word: string, rules: readonly AffixRule[], before?: string): string | null {
  for (const rule of rules) {
    if (word.startsWith(rule.affix) && word.length - rule.affix.length >= rule.minRemaining) {
      if (before !== undefined && !before.includes(word.charAt(rule.affix.length))) continue
      return word.slice(rule.affix.length)
    }
  }
  return null
}

function stripSuffix(word: string, rules: readonly AffixRule[], notAfter?: SuffixStep['notAfter']): string | null {
  for (const rule of rules) {
    if (word.endsWith(rule.affix) && word.length - rule.affix.length >= rule.minRemaining) {
      if (
        notAfter !== undefined &&
        rule.affix.startsWith(notAfter.affixStart) &&
        word.charAt(word.length - rule.affix.length - 1) === notAfter.letter
      )
        continue
      return word.slice(0, word.length - rule.affix.length)
    }
  }
  return null
}

/** Removes an attached pronoun and restores a construct taa marbuta; null when none. */
function stripPronoun(word: string): string | null {
  const stripped = stripSuffix(word, PRONOUN_SUFFIXES)
  if (stripped === null) return null
  if (stripped.length >= CONSTRUCT_TAA.minLength && stripped.endsWith(CONSTRUCT_TAA.from)) {
    return stripped.slice(0, -1) + CONSTRUCT_TAA.to
  }
  return stripped
}

/** Is the word, or the word less one of LOOKUP_ENDINGS, in the root-initial list? */
function listed(word: string): boolean {
  if (ROOT_INITIAL_WORDS.has(word)) return true
  for (const ending of LOOKUP_ENDINGS) {
    if (word.length - ending.length < 3 || !word.endsWith(ending)) continue
    const stem = word.slice(0, -ending.length)
    if (ROOT_INITIAL_WORDS.has(stem)) return true
    // سيارتين → سيارت → سياره
    if (
      stem.length >= CONSTRUCT_TAA.minLength &&
      stem.endsWith(CONSTRUCT_TAA.from) &&
      ROOT_INITIAL_WORDS.has(stem.slice(0, -1) + CONSTRUCT_TAA.to)
    )
      return true
  }
  return false
}

/**
 * Is the word root-initial: listed, or listed once an ending or an attached pronoun is looked
 * past? Endings are looked past here only to find the word, not removed: كتابي, كتبوا, كاتبان
 * and كبيرتها are found through كتاب, كتب, كاتب and كبير.
 */
function isRootInitial(word: string): boolean {
  if (listed(word)) return true
  const bare = stripPronoun(word)
  return bare !== null && listed(bare)
}

/**
 * The light stemmer on a word that is already normalized (as `normalize()` writes it). Removes
 * the article and its clusters, then (when no article was removed) the proclitics و ف and
 * ب ك ل and the future س where safe, then an attached pronoun, a nisba or feminine ending and a
 * plural or dual ending, each under a length guard. Never throws; never returns an empty string
 * for a non-empty word.
 *
 * @example
 * ```ts
 * lightStem('والكتاب')   // → 'كتاب'
 * lightStem('وسيكتبونها') // → 'يكتب'
 * lightStem('وزاره')     // → 'وزار' (the و belongs to the word)
 * lightStem('الله')      // → 'الله'
 * ```
 */
export function lightStem(word: string, keep?: ReadonlySet<string>): string {
  return stemWithSteps(word, STEM_STEPS, keep)
}

/**
 * {@link lightStem} with a given step table instead of {@link STEM_STEPS}: each step whose
 * conditions hold (`when`, `unless`) is applied in order, until a stop step returns the word.
 *
 * @example
 * ```ts
 * stemWithSteps('والكتاب', STEM_STEPS) // → 'كتاب'
 * ```
 * @internal
 */
export function stemWithSteps(word: string, steps: readonly StemStep[], keep?: ReadonlySet<string>): string {
  if (word.length < MIN_STEM_LENGTH) return word
  let w = word
  // the flags set so far (a few at most)
  const flags: string[] = []
  // whether the word as it stands is root-initial, computed once per form
  let rootInitialOf: string | undefined
  let rootInitial = false
  for (const step of steps) {
    if ((step.when && !flags.includes(step.when)) || (step.unless && hasAny(flags, step.unless))) continue
    let stripped: string | null = null
    let sets: string | undefined
    switch (step.kind) {
      case 'stop': {
        if (step.keep === 'first' && keep?.has(w)) return w
        const p = PROTECTED_WORDS.get(w)
        if (p !== undefined) return p
        if (step.keep === 'last' && keep?.has(w)) return w
        continue
      }
      case 'prefix':
        // the affix first: the root-initial look-up is the costly part, and most words have no prefix
        stripped = stripPrefix(w, step.rules, step.before)
        if (stripped !== null && !step.rootInitialToo) {
          if (rootInitialOf !== w) {
            rootInitialOf = w
            rootInitial = isRootInitial(w)
          }
          if (rootInitial) stripped = null
        }
        sets = step.sets
        break
      case 'suffix':
        if (!(step.unlessEndsWith && endsWithAny(w, step.unlessEndsWith)))
          stripped = stripSuffix(w, step.rules, step.notAfter)
        // a flag conditioned on another one (a dual taa only when the word did not end in ون or ات)
        if (!(step.setsUnless && flags.includes(step.setsUnless))) sets = step.sets
        break
      case 'mark':
        if (endsWithAny(w, step.endsWith)) flags.push(step.sets)
        continue
      case 'final':
        if (w.length >= step.minLength && w.endsWith(step.from)) w = w.slice(0, w.length - step.from.length) + step.to
        continue
    }
    if (stripped === null) continue
    w = stripped
    if (sets) flags.push(sets)
  }
  return w
}

function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const e of endings) if (word.endsWith(e)) return true
  return false
}

function hasAny(flags: readonly string[], wanted: readonly string[]): boolean {
  for (const f of wanted) if (flags.includes(f)) return true
  return false
}

const STEM_OPTIONS_SCHEMA = { keep: 'any', normalize: 'object' } as const

/**
 * Stems one word: normalizes it (diacritics, alef forms, ة, ى…) and applies {@link lightStem}.
 * Usable on its own: `import { stem } from 'fahras/stem'` pulls in no search engine. A string
 * with several words is stemmed as one word; use `analyze()` for text.
 *
 * @example
 * ```ts
 * stem('وَالْكِتَابُ') // → 'كتاب'
 * stem('بالمدرسة')    // → 'مدرس'
 * stem('فلسطين')      // → 'فلسطين'
 * stem('الكتاب', { keep: ['الكتاب'] }) // → 'الكتاب'
 * ```
 */
export function stem(word: string, options?: StemOptions): string {
  assertString(word, 'stem', 'word')
  const given = checkOptions(options, 'stem()', STEM_OPTIONS_SCHEMA)
  const normalizeOptions = resolveNormalizeOptions(given.normalize, 'stem() option `normalize`')
  const normalized = normalizeResolved(word, normalizeOptions)
  const keep = resolveKeep(given.keep, normalizeOptions, 'stem()')
  if (normalized.length === 0) return normalized
  return lightStem(normalized, keep)
}

/** Validates and normalizes a keep list. @internal */
export function resolveKeep(
  keep: unknown,
  normalizeOptions: ReturnType<typeof resolveNormalizeOptions>,
  where: string,
): ReadonlySet<string> | undefined {
  if (keep === undefined) return undefined
  const list = keep instanceof Set ? [...keep] : keep
  if (!Array.isArray(list) || !list.every((w) => typeof w === 'string')) {
    checkOptions({ keep }, where, { keep: 'string[]' })
  }
  return new Set((list as string[]).map((w) => normalizeResolved(w, normalizeOptions)))
}

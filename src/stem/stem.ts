import { assertString, checkOptions } from '../errors.js'
import { normalizeResolved, resolveNormalizeOptions, type NormalizeOptions } from '../normalize/normalize.js'
import { ROOT_INITIAL_WORDS_GENERATED } from './root-initial.js'
import {
  ADJECTIVE_SUFFIXES,
  ARTICLE_PREFIXES,
  CONJUNCTION_PREFIXES,
  CONSTRUCT_TAA,
  FUTURE_PREFIX,
  IMPERFECT_PREFIX_LETTERS,
  LOOKUP_ENDINGS,
  NISBA_AFTER_ALEF,
  NOT_DUAL_ENDINGS,
  PLURAL_SUFFIXES,
  PREPOSITION_PREFIXES,
  PRONOUN_SUFFIXES,
  PROTECTED_WORDS,
  ROOT_INITIAL_EXTRA,
  TANWEEN_BLOCKING_ENDINGS,
  TANWEEN_SUFFIXES,
  type AffixRule,
} from './rules.js'

/**
 * Words whose first letter (or first two, ال) belongs to the word: no proclitic or article is
 * removed from them. Generated from Arabic Wikipedia (a word is listed when its form with the
 * article is frequent: الوزاره makes وزاره root-initial) plus {@link ROOT_INITIAL_EXTRA}.
 */
export const ROOT_INITIAL_WORDS: ReadonlySet<string> = new Set([...decodeFrontCoded(ROOT_INITIAL_WORDS_GENERATED), ...ROOT_INITIAL_EXTRA])

/**
 * Decodes the generated list: a character '0' + n (below '@') starts a word that shares n letters
 * with the previous one; each following character '@' + k is the Arabic letter U+0621 + k.
 */
function decodeFrontCoded(encoded: string): string[] {
  const words: string[] = []
  let previous = ''
  let i = 0
  while (i < encoded.length) {
    const shared = encoded.charCodeAt(i) - 48
    let word = previous.slice(0, shared)
    let j = i + 1
    for (; j < encoded.length && encoded.charCodeAt(j) >= 0x40; j++) word += String.fromCharCode(encoded.charCodeAt(j) - 0x40 + 0x0621)
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

function stripPrefix(word: string, rules: readonly AffixRule[]): string | null {
  for (const rule of rules) {
    if (word.startsWith(rule.affix) && word.length - rule.affix.length >= rule.minRemaining) {
      return word.slice(rule.affix.length)
    }
  }
  return null
}

function stripSuffix(word: string, rules: readonly AffixRule[], keepNisbaAfterAlef = false): string | null {
  for (const rule of rules) {
    if (word.endsWith(rule.affix) && word.length - rule.affix.length >= rule.minRemaining) {
      if (keepNisbaAfterAlef && rule.affix.startsWith('ي') && word.charAt(word.length - rule.affix.length - 1) === NISBA_AFTER_ALEF) continue
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
    if (stem.length >= CONSTRUCT_TAA.minLength && stem.endsWith(CONSTRUCT_TAA.from) && ROOT_INITIAL_WORDS.has(stem.slice(0, -1) + CONSTRUCT_TAA.to)) return true
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

function removeSuffixes(word: string): string {
  let w = word
  const withoutPronoun = stripPronoun(w)
  if (withoutPronoun !== null) w = withoutPronoun
  const protectedStem = PROTECTED_WORDS.get(w)
  if (protectedStem !== undefined) return protectedStem
  // A word with a pronoun has no tanween; a final نا or ها too short to lose its pronoun
  // (ربنا, منها) keeps its alef.
  if (withoutPronoun === null && !TANWEEN_BLOCKING_ENDINGS.some((e) => w.endsWith(e))) {
    const withoutTanween = stripSuffix(w, TANWEEN_SUFFIXES)
    if (withoutTanween !== null) w = withoutTanween
  }
  const withoutAdjective = stripSuffix(w, ADJECTIVE_SUFFIXES, true)
  if (withoutAdjective !== null) w = withoutAdjective
  const protectedStem2 = PROTECTED_WORDS.get(w)
  if (protectedStem2 !== undefined) return protectedStem2
  const withoutPlural = stripSuffix(w, PLURAL_SUFFIXES)
  if (withoutPlural !== null) {
    w = withoutPlural
    // a dual of a feminine noun keeps its taa marbuta as ت: مدرستان → مدرسه → مدرس (names in
    // Persian -stan lose their ت too, the same in every form: كردستان, كردستاني → كردس; so do
    // masculine words ending in ت before ين: ثابتين → ثاب, an accepted over-stripping)
    const dual = !NOT_DUAL_ENDINGS.some((e) => word.endsWith(e))
    if (dual && w.length >= CONSTRUCT_TAA.minLength && w.endsWith(CONSTRUCT_TAA.from)) w = w.slice(0, -1)
  }
  return w
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
  if (word.length < 3) return word
  if (keep !== undefined && keep.has(word)) return word
  const protectedStem = PROTECTED_WORDS.get(word)
  if (protectedStem !== undefined) return protectedStem

  let w = word
  let removedArticle = false
  if (!isRootInitial(w)) {
    const withoutArticle = stripPrefix(w, ARTICLE_PREFIXES)
    if (withoutArticle !== null) {
      w = withoutArticle
      removedArticle = true
      const p = PROTECTED_WORDS.get(w)
      if (p !== undefined) return p
      if (keep !== undefined && keep.has(w)) return w
    }
  }
  if (!removedArticle) {
    if (!isRootInitial(w)) {
      const withoutConjunction = stripPrefix(w, CONJUNCTION_PREFIXES)
      if (withoutConjunction !== null) w = withoutConjunction
    }
    if (!isRootInitial(w)) {
      const withoutPreposition = stripPrefix(w, PREPOSITION_PREFIXES)
      if (withoutPreposition !== null) w = withoutPreposition
    }
    if (
      w.startsWith(FUTURE_PREFIX.affix) &&
      w.length - 1 >= FUTURE_PREFIX.minRemaining &&
      IMPERFECT_PREFIX_LETTERS.includes(w.charAt(1)) &&
      !isRootInitial(w)
    ) {
      w = w.slice(1)
    }
    const p = PROTECTED_WORDS.get(w)
    if (p !== undefined) return p
    if (keep !== undefined && keep.has(w)) return w
  }
  return removeSuffixes(w)
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

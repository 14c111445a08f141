// Normalization → char filters: the Uthmani rules that depend on context as pattern_replace
// filters, and what normalize() makes of every other character as one mapping filter.
import * as cp from '../script.js'
import { foldSkeletonLetter, isArabicLetter, isCombiningArabicMark } from '../script.js'
import { DEFAULT_RULES, type CompiledRules } from '../normalize/compile.js'
import { normalizeResolved, type ResolvedNormalizeOptions } from '../normalize/normalize.js'
import { CONTEXT_RULES } from '../normalize/context.js'
import {
  type ContextRuleName,
  DAGGER_ALEF_PROCLITICS,
  DAGGER_ALEF_SILENT_WORDS,
  NORMALIZATION_RULES,
} from '../normalize/rules.js'
import type { Component } from './names.js'
import { alternation, atom, charClass, hex4, range } from './regex.js'

// Sentinels: noncharacters (U+FDD0–U+FDEF, reserved by Unicode for internal use, never letters
// for the tokenizer) carry decisions from one char filter to the next; the mapping removes them.
/** Char filter sentinel: a character to delete (a silent dagger alef, a hamza seated on tatweel). */
const DELETE = 0xfdd0
/** First char filter sentinel standing for a letter (the seat of a hamza on tatweel…). */
const FIRST_LETTER_SENTINEL = 0xfdd1

/** Harakat U+064B–U+065F, and the same without the combining hamza above. */
const HARAKAT = charClass(range(cp.FATHATAN, cp.HARAKAT_LAST))
const HARAKAT_NOT_HAMZA = charClass(range(cp.FATHATAN, cp.HARAKAT_LAST).filter((c) => c !== cp.HAMZA_ABOVE))
const VOWELS = { kasra: [cp.KASRATAN, cp.KASRA], damma: [cp.DAMMATAN, cp.DAMMA] }
/** Harakat that are not vowels (shadda, sukun, madda, hamza…), with and without the hamza above. */
const NOT_VOWELS = charClass(range(cp.SHADDA, cp.HARAKAT_LAST))
const NOT_VOWELS_NOT_HAMZA = charClass(range(cp.SHADDA, cp.HARAKAT_LAST).filter((c) => c !== cp.HAMZA_ABOVE))

/** The longest run of marks (or word characters) the lookbehinds look through. */
const LOOKBEHIND_LIMIT = 64

/** The words whose dagger alef is silent, as a regex over written text (marks anywhere). */
function silentDaggerAlef(): string {
  const letters = range(0x0600, 0x06ff).filter(isArabicLetter)
  const marks = [...range(0x0600, 0x06ff), ...range(cp.EXTENDED_MARKS_FIRST, cp.EXTENDED_MARKS_LAST)].filter(
    isCombiningArabicMark,
  )
  const wordChars = charClass([...letters, ...marks].sort((a, b) => a - b))
  const markClass = charClass(marks)
  const writtenAs = (ch: string) =>
    `${charClass(letters.filter((c) => foldSkeletonLetter(c) === ch.charCodeAt(0)))}${markClass}*`
  // any proclitic (the list includes the empty one), then any silent word: the same strings as
  // daggerAlefIsSilent() accepts, without writing every combination out
  const proclitics = DAGGER_ALEF_PROCLITICS.filter((p) => p.length > 0)
  const word = `${markClass}*${alternation(proclitics, writtenAs)}${DAGGER_ALEF_PROCLITICS.includes('') ? '?' : ''}${alternation(DAGGER_ALEF_SILENT_WORDS, writtenAs)}(?!${wordChars})`
  // The dagger alef is inside a word (from a word start, through word characters) that is,
  // as a whole, one of the silent words.
  return `(?<=(?<!${wordChars})(?=${word})${wordChars}{0,${LOOKBEHIND_LIMIT}}\\u0670)`
}

/**
 * The sentinels standing for letters, by letter, numbered from FIRST_LETTER_SENTINEL in the order
 * the context filters ask for them; the mapping turns each back into its letter. @internal
 */
type LetterSentinels = Map<string, number>

/** The sentinel standing for `letter`, a new one when no filter asked for it yet. @internal */
function sentinelFor(sentinels: LetterSentinels, letter: string): string {
  let c = sentinels.get(letter)
  if (c === undefined) sentinels.set(letter, (c = FIRST_LETTER_SENTINEL + sentinels.size))
  return String.fromCharCode(c)
}

/** The deletion sentinel, as the replacement of a pattern_replace filter. */
const DELETE_TEXT = String.fromCharCode(DELETE)

/** A pattern_replace char filter. @internal */
const patternReplace = (name: string, pattern: string, replacement: string): Component => ({
  name,
  definition: { type: 'pattern_replace', pattern, replacement },
})

/**
 * Rule daggerAlef / yehDaggerAlef: a dagger alef after yeh or alef maksura (harakat between), or
 * in a word whose plain spelling omits it, is dropped. One after waw is left for the mapping
 * (wawDaggerAlef: وٰ → ا). @internal
 */
function silentDaggerAlefFilter(prefix: string): Component {
  const yehForms = [...(CONTEXT_RULES.yehDaggerAlef.after ?? [])].sort((x, y) => x - y)
  const afterYeh = `(?<=${charClass(yehForms)}${HARAKAT}{0,${LOOKBEHIND_LIMIT}}\\u0670)`
  return patternReplace(
    `${prefix}_silent_dagger_alef`,
    `(?<!${atom(cp.WAW)})\\u0670(?:${afterYeh}|${silentDaggerAlef()})`,
    DELETE_TEXT,
  )
}

/**
 * Rule hamzaOnTatweel: the tatweel becomes the hamza's seat (from the vowel after the hamza, else
 * the last vowel before it), the hamza is deleted; harakat between are kept for the mapping to
 * remove. Same length in and out: offsets do not move. @internal
 */
function hamzaOnTatweelFilters(
  prefix: string,
  norm: (text: string) => string,
  sentinels: LetterSentinels,
): Component[] {
  const seat = (vowels: number[]) => {
    const v = charClass(vowels)
    return `\\u0640(?:(${HARAKAT_NOT_HAMZA}*)\\u0654(?=${NOT_VOWELS}*${v})|(${HARAKAT_NOT_HAMZA}*${v}${NOT_VOWELS_NOT_HAMZA}*)\\u0654(?=${NOT_VOWELS}*(?!${HARAKAT})))`
  }
  return [
    patternReplace(
      `${prefix}_hamza_on_tatweel_kasra`,
      seat(VOWELS.kasra),
      `${sentinelFor(sentinels, norm('ئ'))}$1$2${DELETE_TEXT}`,
    ),
    patternReplace(
      `${prefix}_hamza_on_tatweel_damma`,
      seat(VOWELS.damma),
      `${sentinelFor(sentinels, norm('ؤ'))}$1$2${DELETE_TEXT}`,
    ),
    patternReplace(
      `${prefix}_hamza_on_tatweel`,
      `\\u0640(${HARAKAT_NOT_HAMZA}*)\\u0654`,
      `${sentinelFor(sentinels, norm('أ'))}$1${DELETE_TEXT}`,
    ),
  ]
}

/** A context rule's name as the name of its filter: `smallYehOnTatweel` → `small_yeh_on_tatweel`. */
const filterNameOf = (rule: ContextRuleName) => rule.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * The rules that read a letter on a tatweel (their context rule lists `lettersOnTatweel`: small
 * yeh, small waw), in table order, those of the groups switched on: the tatweel becomes the
 * sentinel of the rule's `to`, the letter is deleted, harakat between are kept for the mapping to
 * remove. Written from the table, so a new rule of the kind needs nothing here. @internal
 */
function lettersOnTatweelFilters(o: ResolvedNormalizeOptions, prefix: string, sentinels: LetterSentinels): Component[] {
  const filters: Component[] = []
  for (const rule of NORMALIZATION_RULES) {
    const letters = rule.context === undefined ? undefined : CONTEXT_RULES[rule.context].lettersOnTatweel
    if (rule.context === undefined || letters === undefined || !o[rule.group]) continue
    const letter = letters.length === 1 ? atom(letters[0]!) : charClass([...letters].sort((x, y) => x - y))
    filters.push(
      patternReplace(
        `${prefix}_${filterNameOf(rule.context)}`,
        `${atom(cp.TATWEEL)}(${HARAKAT_NOT_HAMZA}*)${letter}`,
        `${sentinelFor(sentinels, rule.to)}$1${DELETE_TEXT}`,
      ),
    )
  }
  return filters
}

/**
 * The harakat between a tatweel and the letter on it (now a sentinel) belong to that letter:
 * normalize() drops them with the run even when it keeps harakat elsewhere. @internal
 */
function harakatOnTatweelFilter(prefix: string, sentinels: LetterSentinels): Component {
  const seats = charClass([...sentinels.values()].sort((a, b) => a - b))
  return patternReplace(
    `${prefix}_harakat_on_tatweel`,
    `(?<=${seats}${HARAKAT_NOT_HAMZA}{0,${LOOKBEHIND_LIMIT}})${HARAKAT_NOT_HAMZA}(?=${HARAKAT_NOT_HAMZA}*${atom(DELETE)})`,
    DELETE_TEXT,
  )
}

/**
 * The char filters of normalize() with these options, their names prefixed: pattern_replace
 * filters for the context rules, then one mapping written from the compiled rule table
 * (`compiled`, NORMALIZATION_RULES unless given), so a rule added to the table is in the mapping.
 * @internal
 */
export function normalizationCharFilters(
  o: ResolvedNormalizeOptions,
  prefix: string,
  compiled: CompiledRules = DEFAULT_RULES,
): Component[] {
  const norm = (text: string) => normalizeResolved(text, o, compiled)
  const filters: Component[] = []
  const sentinels: LetterSentinels = new Map()
  if (o.uthmani) {
    filters.push(silentDaggerAlefFilter(prefix))
    filters.push(...hamzaOnTatweelFilters(prefix, norm, sentinels))
  }
  filters.push(...lettersOnTatweelFilters(o, prefix, sentinels))
  if (!o.diacritics && sentinels.size > 0) filters.push(harakatOnTatweelFilter(prefix, sentinels))
  filters.push(normalizationMapping(norm, compiled, sentinels, `${prefix}_normalize`))
  return filters
}

/**
 * The mapping char filter: every rule that does not depend on context, as fahras's own
 * normalizer (`norm`) makes of each character alone and of each letter + mark pair that a rule of
 * `compiled` reads as one; then the sentinels of the context filters.
 */
function normalizationMapping(
  norm: (text: string) => string,
  compiled: CompiledRules,
  letterSentinels: ReadonlyMap<string, number>,
  name: string,
): Component {
  const rules: string[] = []
  // every UTF-16 code unit as \uXXXX (the engines read rules unit by unit)
  const escape = (text: string) => text.replace(/[\s\S]/g, (unit) => `\\u${hex4(unit.charCodeAt(0))}`)
  const rule = (from: string, to: string) => rules.push(`${escape(from)} => ${escape(to)}`.trimEnd())
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    if (c >= DELETE && c <= 0xfdef) continue // sentinels (noncharacters: the normalizer keeps them)
    const ch = String.fromCharCode(c)
    const out = norm(ch)
    if (out !== ch) rule(ch, out)
  }
  for (const [letter, mark] of compiled.pairs) {
    const pair = String.fromCharCode(letter, mark)
    const out = norm(pair)
    if (out !== norm(pair[0]!) + norm(pair[1]!)) rule(pair, out)
  }
  rule(String.fromCharCode(DELETE), '')
  for (const [letter, c] of letterSentinels) rule(String.fromCharCode(c), letter)
  return { name, definition: { type: 'mapping', mappings: rules } }
}

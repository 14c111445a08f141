import { createAnalyzer, resolveAnalyzerOptions, type AnalyzerOptions } from '../analyze/analyze.js'
import { checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import * as cp from '../script.js'
import { ARABIC_SCRIPT_RANGES, foldSkeletonLetter, isArabicLetter, isCombiningArabicMark } from '../script.js'
import { DEFAULT_RULES, type CompiledRules } from '../normalize/compile.js'
import { normalizeResolved, type ResolvedNormalizeOptions } from '../normalize/normalize.js'
import { DAGGER_ALEF_PROCLITICS, DAGGER_ALEF_SILENT_WORDS } from '../normalize/rules.js'
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
  TANWEEN_BLOCKING_ENDINGS,
  TANWEEN_SUFFIXES,
  type AffixRule,
} from '../stem/rules.js'
import { DEFAULT_BM25 } from '../search/packed/scoring.js'
import { ROOT_INITIAL_WORDS } from '../stem/stem.js'
import {
  APOSTROPHE,
  ARABIC_LETTER,
  codePointClass,
  unicodeClass,
  DIGIT,
  JOINER,
  MARK,
  NUMBER_PUNCT,
  OTHER_LETTER,
} from '../tokenize/tokenize.js'
import { analyzerNameProblem, EXACT_SUBFIELD, fieldListProblem } from './names.js'
import { alternation, atom, charClass, classItems, hex4, literal, range } from './regex.js'

/**
 * The analyzer's name in the generated settings unless `name` is given.
 *
 * @example
 * ```ts
 * indexSettings().mappings.properties.text.analyzer // → 'fahras_arabic'
 * ```
 */
export const DEFAULT_ANALYZER_NAME = 'fahras_arabic'

/**
 * The fields mapped with the analyzer unless `fields` is given.
 *
 * @example
 * ```ts
 * Object.keys(indexSettings().mappings.properties) // → ['title', 'text']
 * ```
 */
export const DEFAULT_MAPPED_FIELDS: readonly string[] = ['title', 'text']

/**
 * The longest term the generated analyzer keeps, in UTF-16 code units. Lucene refuses a term
 * longer than 32,766 UTF-8 bytes (the whole document is rejected); a code unit takes at most 3
 * bytes, so longer terms are dropped by a `length` filter. fahras itself keeps them.
 *
 * @example
 * ```ts
 * indexSettings().settings.analysis.filter.fahras_arabic_length // → { type: 'length', min: 1, max: 10922 }
 * ```
 */
export const MAX_TERM_LENGTH = 10_922

/**
 * Options of {@link indexSettings}.
 *
 * @example
 * ```ts
 * const options: IndexSettingsOptions = { fields: ['title', 'body'], analyzer: { keep: ['الجزيرة'] } }
 * ```
 */
export interface IndexSettingsOptions {
  /**
   * The fahras analyzer options to reproduce: those an `ArabicSearch` was built with
   * (`search.analyzerOptions`), or the same fields as its constructor takes them (`normalize`,
   * `stopWords`, `extraStopWords`, `stem`, `keep`). @default the defaults
   */
  readonly analyzer?: AnalyzerOptions
  /**
   * The analyzer's name in the settings; also the prefix of its components' names. Letters,
   * digits, `_` and `-`, not starting with `_` or `-`; not `default`, `default_search`,
   * `default_search_quoted` or `default_index`, names the engines read as settings of the whole
   * index (an analyzer named `default` would analyze every text field, not only `fields`).
   * @default 'fahras_arabic'
   */
  readonly name?: string
  /**
   * Text fields mapped with the analyzer. A dot separates an object from its field (`meta.title`).
   * Refused as the engines would refuse them: an empty or blank name or part between dots, a
   * leading or trailing dot, a control character or lone surrogate, a leading `_`, and a field
   * listed with another inside it (`title` and `title.exact`, which is also the exact-form
   * subfield's name). @default ['title', 'text']
   */
  readonly fields?: readonly string[]
  /**
   * Also define `<name>_exact` (the same analysis without stemming) and map it as a subfield
   * `<field>.exact` of each field, so that a query can reward the word as written, as fahras's
   * `exactBoost` does. @default true when the analyzer stems, false when it does not
   */
  readonly exact?: boolean
}

/**
 * The `analysis` block of index settings: named components and the custom analyzer.
 *
 * @example
 * ```ts
 * const analysis: AnalysisSettings = indexSettings().settings.analysis
 * analysis.analyzer.fahras_arabic.tokenizer // → 'fahras_arabic_tokenizer'
 * ```
 */
export interface AnalysisSettings {
  char_filter: Record<string, Record<string, unknown>>
  tokenizer: Record<string, Record<string, unknown>>
  filter: Record<string, Record<string, unknown>>
  analyzer: Record<string, { type: 'custom'; char_filter: string[]; tokenizer: string; filter: string[] }>
}

/**
 * A text field's mapping.
 *
 * @example
 * ```ts
 * const title: TextFieldMapping = indexSettings().mappings.properties.title
 * // → { type: 'text', analyzer: 'fahras_arabic', fields: { exact: { type: 'text', analyzer: 'fahras_arabic_exact' } } }
 * ```
 */
export interface TextFieldMapping {
  type: 'text'
  analyzer: string
  /** The BM25 of `settings.similarity`, with fahras's parameters. */
  similarity: string
  fields?: Record<string, { type: 'text'; analyzer: string; similarity: string }>
}

/**
 * The body of `PUT /<index>`: settings with the analyzer, and the field mapping that uses it.
 *
 * @example
 * ```ts
 * const body: IndexDefinition = indexSettings()
 * await fetch('http://localhost:9200/articles', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
 * ```
 */
export interface IndexDefinition {
  settings: { analysis: AnalysisSettings; similarity: Record<string, SimilaritySettings> }
  mappings: { properties: Record<string, TextFieldMapping> }
}

/** A BM25 similarity of the engines, with fahras's `k` and `b` (they have no BM25+ δ). */
export interface SimilaritySettings {
  type: 'BM25'
  k1: number
  b: number
}

// ---------------------------------------------------------------------------------------------
// Sentinels: noncharacters (U+FDD0–U+FDEF, reserved by Unicode for internal use, never letters
// for the tokenizer) carry decisions from one component to the next; the last component removes
// them.

/** Char filter sentinel: a character to delete (a silent dagger alef, a hamza seated on tatweel). */
const DELETE = 0xfdd0
/** First char filter sentinel standing for a letter (the seat of a hamza on tatweel…). */
const FIRST_LETTER_SENTINEL = 0xfdd1
/** Token filter sentinels. */
const FINAL = '\ufde0' // the term is decided: no later rule applies
const PROTECTED = '\ufde5' // a protected word: decided, its stem written by the last filters
const ARTICLE = '\ufde1' // the article was removed: no proclitic is removed
const PRONOUN = '\ufde2' // an attached pronoun was removed
const ENDS_ON_AT = '\ufde3' // the word entering the suffix rules ends in ون or ات
const PLURAL = '\ufde4' // a plural or dual ending was removed
const TOKEN_SENTINELS = [FINAL, ARTICLE, PRONOUN, ENDS_ON_AT, PLURAL, PROTECTED]
const s = (sentinel: string) => atom(sentinel.charCodeAt(0))
/** Any character of a word: the sentinels excluded, so that a guard never counts them. */
const LETTER = '[^\\uFDE0-\\uFDEF]'

// ---------------------------------------------------------------------------------------------
// Normalization → char filters

interface Component {
  name: string
  definition: Record<string, unknown>
}

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
  const marks = [...range(0x0600, 0x06ff), ...range(cp.EXTENDED_MARKS_FIRST, cp.EXTENDED_MARKS_LAST)].filter(isCombiningArabicMark)
  const wordChars = charClass([...letters, ...marks].sort((a, b) => a - b))
  const markClass = charClass(marks)
  const writtenAs = (ch: string) => charClass(letters.filter((c) => foldSkeletonLetter(c) === ch.charCodeAt(0))) + `${markClass}*`
  // any proclitic (the list includes the empty one), then any silent word: the same strings as
  // daggerAlefIsSilent() accepts, without writing every combination out
  const proclitics = DAGGER_ALEF_PROCLITICS.filter((p) => p.length > 0)
  const word = `${markClass}*${alternation(proclitics, writtenAs)}${DAGGER_ALEF_PROCLITICS.includes('') ? '?' : ''}${alternation(DAGGER_ALEF_SILENT_WORDS, writtenAs)}(?!${wordChars})`
  // The dagger alef is inside a word (from a word start, through word characters) that is,
  // as a whole, one of the silent words.
  return `(?<=(?<!${wordChars})(?=${word})${wordChars}{0,${LOOKBEHIND_LIMIT}}\\u0670)`
}

/**
 * The char filters of normalize(): pattern_replace filters for the context rules, then one
 * mapping written from the compiled rule table (`compiled`, NORMALIZATION_RULES unless given), so a
 * rule added to the table is in the mapping. @internal
 */
export function normalizationCharFilters(o: ResolvedNormalizeOptions, prefix: string, compiled: CompiledRules = DEFAULT_RULES): Component[] {
  const norm = (text: string) => normalizeResolved(text, o, compiled)
  const filters: Component[] = []
  const letterSentinels = new Map<string, number>()
  const sentinelFor = (letter: string): string => {
    let c = letterSentinels.get(letter)
    if (c === undefined) letterSentinels.set(letter, (c = FIRST_LETTER_SENTINEL + letterSentinels.size))
    return String.fromCharCode(c)
  }
  const del = String.fromCharCode(DELETE)

  if (o.uthmani) {
    // Rule daggerAlef / yehDaggerAlef: a dagger alef after yeh or alef maksura (harakat between),
    // or in a word whose plain spelling omits it, is dropped. One after waw is left for the
    // mapping (wawDaggerAlef: وٰ → ا).
    const afterYeh = `(?<=${charClass([cp.ALEF_MAKSURA, cp.YEH, cp.FARSI_YEH])}${HARAKAT}{0,${LOOKBEHIND_LIMIT}}\\u0670)`
    filters.push({
      name: `${prefix}_silent_dagger_alef`,
      definition: { type: 'pattern_replace', pattern: `(?<!${atom(cp.WAW)})\\u0670(?:${afterYeh}|${silentDaggerAlef()})`, replacement: del },
    })
    // Rule hamzaOnTatweel: the tatweel becomes the hamza's seat (from the vowel after the hamza,
    // else the last vowel before it), the hamza is deleted; harakat between are kept for the
    // mapping to remove. Same length in and out: offsets do not move.
    const seat = (vowels: number[]) => {
      const v = charClass(vowels)
      return `\\u0640(?:(${HARAKAT_NOT_HAMZA}*)\\u0654(?=${NOT_VOWELS}*${v})|(${HARAKAT_NOT_HAMZA}*${v}${NOT_VOWELS_NOT_HAMZA}*)\\u0654(?=${NOT_VOWELS}*(?!${HARAKAT})))`
    }
    filters.push({
      name: `${prefix}_hamza_on_tatweel_kasra`,
      definition: { type: 'pattern_replace', pattern: seat(VOWELS.kasra), replacement: `${sentinelFor(norm('ئ'))}$1$2${del}` },
    })
    filters.push({
      name: `${prefix}_hamza_on_tatweel_damma`,
      definition: { type: 'pattern_replace', pattern: seat(VOWELS.damma), replacement: `${sentinelFor(norm('ؤ'))}$1$2${del}` },
    })
    filters.push({
      name: `${prefix}_hamza_on_tatweel`,
      definition: { type: 'pattern_replace', pattern: `\\u0640(${HARAKAT_NOT_HAMZA}*)\\u0654`, replacement: `${sentinelFor(norm('أ'))}$1${del}` },
    })
    // Rules smallYehAfterTatweel, smallWawAfterTatweel.
    filters.push({
      name: `${prefix}_small_yeh_on_tatweel`,
      definition: { type: 'pattern_replace', pattern: `\\u0640(${HARAKAT_NOT_HAMZA}*)${charClass([cp.SMALL_YEH, cp.SMALL_HIGH_YEH])}`, replacement: `${sentinelFor('ي')}$1${del}` },
    })
    filters.push({
      name: `${prefix}_small_waw_on_tatweel`,
      definition: { type: 'pattern_replace', pattern: `\\u0640(${HARAKAT_NOT_HAMZA}*)\\u06E5`, replacement: `${sentinelFor('و')}$1${del}` },
    })
    if (!o.diacritics) {
      // The harakat between the tatweel and the letter on it belong to that letter: normalize()
      // drops them with the run even when it keeps harakat elsewhere.
      const seats = charClass([...letterSentinels.values()].sort((a, b) => a - b))
      filters.push({
        name: `${prefix}_harakat_on_tatweel`,
        definition: {
          type: 'pattern_replace',
          pattern: `(?<=${seats}${HARAKAT_NOT_HAMZA}{0,${LOOKBEHIND_LIMIT}})${HARAKAT_NOT_HAMZA}(?=${HARAKAT_NOT_HAMZA}*${atom(DELETE)})`,
          replacement: del,
        },
      })
    }
  }

  filters.push(normalizationMapping(norm, compiled, letterSentinels, `${prefix}_normalize`))
  return filters
}

/**
 * The mapping char filter: every rule that does not depend on context, as fahras's own
 * normalizer (`norm`) makes of each character alone and of each letter + mark pair that a rule of
 * `compiled` reads as one; then the sentinels of the context filters.
 */
function normalizationMapping(norm: (text: string) => string, compiled: CompiledRules, letterSentinels: ReadonlyMap<string, number>, name: string): Component {
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
 */
function tokenPattern(): string {
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
    for (let c = 0; c < 0x10000; c++) if (codePointClass(c) === k && !ARABIC_SCRIPT_RANGES.some(([f, l]) => c >= f && c <= l) && unicodeClass(c) !== k) codes.push(c)
    return classItems(codes)
  }
  const areas = ARABIC_SCRIPT_RANGES.map(([f, l]) => `${atom(f)}-${atom(l)}`).join('')
  const outside = (property: string, bmpOnly = false) => `[${property}&&[^${areas}${bmpOnly ? '\\x{10000}-\\x{10FFFF}' : ''}]]`
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
  const separators = [...range(0, 0x7f), cp.ARABIC_COMMA, cp.ARABIC_SEMICOLON, cp.ARABIC_QUESTION_MARK].filter((c) => !starts.has(codePointClass(c)))
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

// ---------------------------------------------------------------------------------------------
// Stemming → pattern_replace token filters. Each filter is one step of lightStem() in src/stem/
// stem.ts, in the same order, reading the same tables.

/** Ordered affix rules as one alternation: the first rule whose affix and guard match wins. */
function orderedSuffixes(rules: readonly AffixRule[], extra: (rule: AffixRule) => string = () => ''): string {
  return `(?:${rules.map((r) => `(${LETTER}{${r.minRemaining},})${extra(r)}${literal(r.affix)}`).join('|')})`
}
const groups = (from: number, count: number) => range(from, from + count - 1).map((k) => `$${k}`).join('')
const orderedPrefixes = (rules: readonly AffixRule[]) => `(?:${rules.map((r) => `${literal(r.affix)}(?=${LETTER}{${r.minRemaining}})`).join('|')})`

/** isRootInitial(w) of stem.ts, as a regex matching the whole remainder of the term. */
function rootInitialPattern(): string {
  const words = [...ROOT_INITIAL_WORDS]
  if (words.some((w) => w.length < 3)) throw new Error('root-initial words shorter than three letters need a length guard')
  const taa = literal(CONSTRUCT_TAA.from)
  const root = alternation(words)
  // r less its final ه, for r ending in ه of at least minLength letters: the construct form's stem
  const construct = alternation(words.filter((w) => w.endsWith(CONSTRUCT_TAA.to) && w.length >= CONSTRUCT_TAA.minLength).map((w) => w.slice(0, -1)))
  const endings = alternation(LOOKUP_ENDINGS)
  const listed = `(?:${root}${endings}?|${construct}${taa}${endings})`
  const pronoun = alternation(PRONOUN_SUFFIXES.map((r) => r.affix))
  if (PRONOUN_SUFFIXES.some((r) => r.minRemaining !== 3)) throw new Error('pronoun guards other than three letters are not written out')
  if (!LOOKUP_ENDINGS.includes(CONSTRUCT_TAA.to) || LOOKUP_ENDINGS.filter((e) => e.endsWith(CONSTRUCT_TAA.to)).length !== 1) {
    throw new Error('the construct lookup below assumes ه is the only lookup ending ending in ه')
  }
  // With a pronoun: the stem before it is looked up, its final ت read as ه when four letters or
  // more remain (a construct taa marbuta): listed(y + ه) for y ت.
  const constructBeforePronoun = `${LETTER}{${CONSTRUCT_TAA.minLength - 1},}${taa}${pronoun}$`
  return (
    `(?:${listed}$` +
    `|(?!${constructBeforePronoun})${listed}${pronoun}$` +
    `|(?=${constructBeforePronoun})(?:${construct}|${root}|${construct}${taa})${taa}${pronoun}$)`
  )
}

function stemFilters(keep: ReadonlySet<string> | undefined, prefix: string): Component[] {
  const filters: Component[] = []
  let n = 0
  const add = (what: string, pattern: string, replacement: string) => {
    n++
    filters.push({ name: `${prefix}_stem_${String(n).padStart(2, '0')}_${what}`, definition: { type: 'pattern_replace', pattern, replacement } })
  }
  const notFinal = `(?![${s(FINAL)}${s(PROTECTED)}])`
  // a kept word that normalizes to nothing (a lone mark) matches no token: left out
  const kept = keep === undefined ? [] : [...keep].filter((w) => w.length > 0)
  const keepWords = kept.length > 0 ? alternation(kept) : null
  const protectedByStem = new Map<string, string[]>()
  for (const [word, stem] of PROTECTED_WORDS) protectedByStem.set(stem, [...(protectedByStem.get(stem) ?? []), word])
  const protectedWords = alternation(PROTECTED_WORDS.keys())
  /**
   * Protected words after `lead` are marked PROTECTED (the last filters write their stems, one
   * filter a stem, instead of six filters at every step); kept words (checked first or last, as
   * lightStem does, or not at all) become FINAL + themselves.
   */
  const protect = (what: string, lead: string, keepAt: 'first' | 'last' | 'never') => {
    const keepRule = () => keepWords !== null && add(`${what}_keep`, `^${lead}(${keepWords})$`, `${FINAL}$1`)
    if (keepAt === 'first') keepRule()
    add(`${what}_protected`, `^${lead}(${protectedWords})$`, `${PROTECTED}$1`)
    if (keepAt === 'last') keepRule()
  }
  const root = rootInitialPattern()
  // The root-initial lookup is long: a cheap look at the first letter comes before it.
  const startsWith = (affixes: readonly string[]) => `(?=${charClass([...new Set(affixes.map((a) => a.charCodeAt(0)))].sort((a, b) => a - b))})`

  // lightStem: a kept word, then a protected word, is returned as it is.
  protect('word', '', 'first')
  // The article and its clusters, unless the word is root-initial.
  add('article', `^${notFinal}${startsWith(ARTICLE_PREFIXES.map((r) => r.affix))}(?!${root})${orderedPrefixes(ARTICLE_PREFIXES)}`, ARTICLE)
  protect('after_article', s(ARTICLE), 'last')
  // Without an article: و ف, then ب ل ك, then the future س, each unless root-initial.
  const noArticle = `(?![${s(FINAL)}${s(PROTECTED)}${s(ARTICLE)}])`
  add('conjunction', `^${noArticle}${startsWith(CONJUNCTION_PREFIXES.map((r) => r.affix))}(?!${root})${orderedPrefixes(CONJUNCTION_PREFIXES)}`, '')
  add('preposition', `^${noArticle}${startsWith(PREPOSITION_PREFIXES.map((r) => r.affix))}(?!${root})${orderedPrefixes(PREPOSITION_PREFIXES)}`, '')
  add(
    'future',
    `^${noArticle}${startsWith([FUTURE_PREFIX.affix])}(?!${root})${literal(FUTURE_PREFIX.affix)}(?=${charClass([...IMPERFECT_PREFIX_LETTERS].map((c) => c.charCodeAt(0)))})(?=${LETTER}{${FUTURE_PREFIX.minRemaining}})`,
    '',
  )
  protect('after_prefixes', noArticle, 'last')
  add('article_done', `^${s(ARTICLE)}`, '')

  // removeSuffixes. The word entering it is remembered when it ends in ون or ات (a dual's ت rule).
  add('ends_on_at', `^${notFinal}(${LETTER}*${alternation(NOT_DUAL_ENDINGS)})$`, `${ENDS_ON_AT}$1`)
  const onAt = `(${s(ENDS_ON_AT)}?)`
  add('pronoun', `^${notFinal}${onAt}${orderedSuffixes(PRONOUN_SUFFIXES)}$`, `$1${PRONOUN}${groups(2, PRONOUN_SUFFIXES.length)}`)
  add(
    'construct_taa',
    `^${onAt}${s(PRONOUN)}(${LETTER}{${CONSTRUCT_TAA.minLength - 1},})${literal(CONSTRUCT_TAA.from)}$`,
    `$1${PRONOUN}$2${CONSTRUCT_TAA.to}`,
  )
  protect('after_pronoun', `${s(ENDS_ON_AT)}?${s(PRONOUN)}?`, 'never')
  const blocking = alternation(TANWEEN_BLOCKING_ENDINGS)
  add('tanween', `^${notFinal}${onAt}(?!${s(PRONOUN)})(?!${LETTER}*${blocking}$)${orderedSuffixes(TANWEEN_SUFFIXES)}$`, `$1${groups(2, TANWEEN_SUFFIXES.length)}`)
  add('pronoun_done', `^${onAt}${s(PRONOUN)}`, '$1')
  const nisba = (r: AffixRule) => (r.affix.startsWith('ي') ? `(?<!${literal(NISBA_AFTER_ALEF)})` : '')
  add('adjective', `^${notFinal}${onAt}${orderedSuffixes(ADJECTIVE_SUFFIXES, nisba)}$`, `$1${groups(2, ADJECTIVE_SUFFIXES.length)}`)
  protect('after_adjective', `${s(ENDS_ON_AT)}?`, 'never')
  // after ون or ات nothing follows the plural rule: the term is decided
  add('plural_after_on_at', `^${s(ENDS_ON_AT)}${orderedSuffixes(PLURAL_SUFFIXES)}$`, FINAL + groups(1, PLURAL_SUFFIXES.length))
  add('plural', `^(?![${s(FINAL)}${s(PROTECTED)}${s(ENDS_ON_AT)}])${orderedSuffixes(PLURAL_SUFFIXES)}$`, PLURAL + groups(1, PLURAL_SUFFIXES.length))
  add('dual_taa', `^${s(PLURAL)}(${LETTER}{${CONSTRUCT_TAA.minLength - 1},})${literal(CONSTRUCT_TAA.from)}$`, '$1')
  for (const [stem, words] of protectedByStem) add('protected_stem', `^${s(PROTECTED)}${alternation(words)}$`, stem)
  add('done', `[${TOKEN_SENTINELS.map(s).join('')}]`, '')
  return filters
}

// ---------------------------------------------------------------------------------------------

const OPTIONS_SCHEMA = { analyzer: 'object', name: 'string', fields: 'string[]', exact: 'boolean' } as const
/** Stop words the engines would read as a named list (_english_, _arabic_, _none_…). */
const NAMED_WORD_LIST = /^_[a-z]+_$/

/**
 * Index settings for Elasticsearch 8+ and OpenSearch 2+ whose analyzer reproduces fahras's
 * analysis (normalize → tokenize → stop words → light stem, offsets into the original text),
 * built only from components both engines ship: `mapping` and `pattern_replace` char filters,
 * the `pattern` tokenizer, and `stop`, `pattern_replace` and `length` token filters. It is
 * generated from the library's own rule tables and word lists, so the two cannot drift apart;
 * `docs/scaling.md` lists the few inputs on which they differ.
 *
 * @example
 * ```ts
 * import { indexSettings } from 'fahras/opensearch'
 * const body = indexSettings({ fields: ['title', 'text'] })
 * await fetch('http://localhost:9200/articles', {
 *   method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
 * })
 * ```
 */
export function indexSettings(options?: IndexSettingsOptions): IndexDefinition {
  const given = checkOptions(options, 'indexSettings()', OPTIONS_SCHEMA)
  const name = (given.name as string | undefined) ?? DEFAULT_ANALYZER_NAME
  const nameProblem = analyzerNameProblem(name)
  if (nameProblem !== null) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `indexSettings() expected \`name\` to be an analyzer name the engines take as it is (letters, digits, _ and -, not starting with _ or -; not default, default_search, default_search_quoted or default_index), got ${describe(name)}: ${nameProblem}`,
      { option: 'name' },
      'type',
    )
  }
  const fields = (given.fields as string[] | undefined) ?? DEFAULT_MAPPED_FIELDS
  if (fields.length === 0) {
    throw createError(ERROR_CODES.INVALID_OPTION, `indexSettings() expected \`fields\` to be a non-empty list of field names, got ${describe(fields)}`, { option: 'fields' }, 'type')
  }
  const resolved = resolveAnalyzerOptions(given.analyzer, 'indexSettings() option `analyzer`')
  const analyzer = createAnalyzer(resolved, 'indexSettings() option `analyzer`')
  const named = [...analyzer.stopWords].find((w) => NAMED_WORD_LIST.test(w))
  if (named !== undefined) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `indexSettings() cannot write the stop word ${describe(named)}: the engines read a word like _name_ as one of their named lists`,
      { option: 'analyzer' },
      'type',
    )
  }
  // Without stemming, the exact analyzer would be the main one again: no subfield unless asked.
  const exact = (given.exact as boolean | undefined) ?? resolved.stem
  const badField = fieldListProblem(fields, exact)
  if (badField !== null) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `indexSettings() expected \`fields\` to be field names the engines accept (not starting with _, which the engines keep for their own fields; no empty or blank part between dots, no control character, no field inside another listed one), got ${describe(badField.field)}: ${badField.problem}`,
      { option: 'fields', field: badField.field },
      'type',
    )
  }

  const charFilters = normalizationCharFilters(resolved.normalize, name)
  const stop: Component[] = analyzer.stopWords.size > 0
    ? [{ name: `${name}_stop`, definition: { type: 'stop', stopwords: [...analyzer.stopWords].sort(), ignore_case: false } }]
    : []
  const stems = resolved.stem ? stemFilters(analyzer.keep, name) : []
  const length: Component = { name: `${name}_length`, definition: { type: 'length', min: 1, max: MAX_TERM_LENGTH } }
  const tokenFilters = [...stop, ...stems, length]

  const tokenizer = `${name}_tokenizer`
  const custom = (filters: Component[]) => ({ type: 'custom' as const, char_filter: charFilters.map((c) => c.name), tokenizer, filter: filters.map((c) => c.name) })
  const exactName = `${name}_exact`
  // fahras's BM25 parameters (scoring.ts): b = 1, where the engines' default is 0.75
  const similarity = `${name}_bm25`
  const field = (): TextFieldMapping =>
    exact
      ? { type: 'text', analyzer: name, similarity, fields: { [EXACT_SUBFIELD]: { type: 'text', analyzer: exactName, similarity } } }
      : { type: 'text', analyzer: name, similarity }
  return {
    settings: {
      similarity: { [similarity]: { type: 'BM25', k1: DEFAULT_BM25.k, b: DEFAULT_BM25.b } },
      analysis: {
        char_filter: Object.fromEntries(charFilters.map((c) => [c.name, c.definition])),
        tokenizer: { [tokenizer]: { type: 'pattern', pattern: tokenPattern(), group: 0 } },
        filter: Object.fromEntries(tokenFilters.map((c) => [c.name, c.definition])),
        analyzer: exact ? { [name]: custom(tokenFilters), [exactName]: custom([...stop, length]) } : { [name]: custom(tokenFilters) },
      },
    },
    mappings: { properties: Object.fromEntries(fields.map((f) => [f, field()])) },
  }
}

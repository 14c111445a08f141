// Stemming → pattern_replace token filters. Each filter is one step of lightStem() in src/stem/
// stem.ts, in the same order, reading the same tables.
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
import { ROOT_INITIAL_WORDS } from '../stem/stem.js'
import type { Component } from './names.js'
import { alternation, atom, charClass, literal, range } from './regex.js'

// Sentinels: noncharacters (U+FDE0–U+FDEF, reserved by Unicode for internal use, never letters
// for the tokenizer) carry decisions from one token filter to the next; the last filter removes
// them.
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

/** The stemming filters of lightStem(), their names prefixed. @internal */
export function stemFilters(keep: ReadonlySet<string> | undefined, prefix: string): Component[] {
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

/**
 * The engine query of one searched word: its stem, its written form (rewarded by `exactBoost`),
 * its prefix expansion, and the stems of its typos (fuzzy matching on the written word, see
 * fuzzy.ts). @internal
 */
import type { Query as EngineQuery } from 'minisearch'
import type { Analyzer } from '../analyze/analyze.js'
import { ARTICLE_PREFIXES } from '../stem/rules.js'
import { fuzzyDistance, fuzzyStems, writtenNeighbours, type TermIndex } from './fuzzy.js'
import { MIN_PREFIX_LENGTH, type QueryShape } from './query-plan.js'
import type { QueryUnit } from './query.js'

/**
 * The weight of a prefix that is only the article and fewer than MIN_PREFIX_LENGTH letters
 * (الد, والم, بال…): it is not expanded, and weighs this much, so that it never outranks the
 * words already typed (وزير الد ranks وزير first, not the rare word ألد).
 */
export const ARTICLE_PREFIX_WEIGHT = 0.1

/**
 * Is this normalized word, typed as a prefix, only an article (with its proclitics, from the
 * stemmer's table) and fewer than MIN_PREFIX_LENGTH letters after it? Applies to a `word*` and,
 * with the `prefix` option, to the last word only (the words before it are typed already).
 */
export function articleOnlyPrefix(word: string): boolean {
  for (const { affix } of ARTICLE_PREFIXES) {
    if (word.startsWith(affix)) return word.length - affix.length < MIN_PREFIX_LENGTH
  }
  return false
}

/** What the query of a word needs from the index. */
export interface UnitContext {
  readonly analyzer: Analyzer
  readonly exactBoost: number
  /** The mark of the written-form terms. */
  readonly surface: string
  /** The engine's term index, for typos. */
  readonly index: TermIndex
}

/**
 * The engine query of a word. Without `prefix` and `fuzzy` it is the stem, plus the written form
 * weighted by `exactBoost` where it differs. A typo (`fuzzy`) is matched on the written word
 * against the written words of the index, and the stems of those found are searched, each
 * weighted below the exact word (never through the written-form terms: كتاب with `fuzzy: 2`
 * does not rank كتابه above كتاب).
 */
export function unitQuery(unit: QueryUnit, options: QueryShape, context: UnitContext): EngineQuery {
  const wanted = unit.prefix || options.prefix === true
  // the word being typed (the last one, or a `word*`): an article and one letter is no prefix yet
  const articleOnly = (unit.prefix || (options.prefix === true && unit.last === true)) && articleOnlyPrefix(unit.word)
  const prefix = wanted && !articleOnly && unit.word.length >= MIN_PREFIX_LENGTH
  const weight = articleOnly ? ARTICLE_PREFIX_WEIGHT : 1
  const distance = fuzzyDistance(options.fuzzy, unit.word)
  const queries: EngineQuery[] = [
    { queries: [unit.term], prefix, fuzzy: false, ...(weight === 1 ? {} : { boostTerm: () => weight }) },
  ]
  // a prefix is also looked for among the stems as typed: بغدا* finds the stem بغداد, which
  // the stem of the prefix (غدا) would not
  if (prefix && unit.word !== unit.term) queries.push({ queries: [unit.word], prefix: true, fuzzy: false })
  if (context.exactBoost > 0 && unit.word !== unit.term) {
    const exact = context.exactBoost * weight
    queries.push({ queries: [context.surface + unit.word], prefix, fuzzy: false, boostTerm: () => exact })
  }
  if (distance > 0) {
    const neighbours = writtenNeighbours(context.index, context.analyzer, unit.word, distance, context.surface)
    for (const [stem, typo] of fuzzyStems(neighbours, unit.term)) {
      const boost = typo * weight
      queries.push({ queries: [stem], prefix: false, fuzzy: false, boostTerm: () => boost })
    }
  }
  return { combineWith: 'OR', queries }
}

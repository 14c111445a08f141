import { PROTECTED_WORDS } from '../stem/rules.js'
import { lightStem } from '../stem/stem.js'
import { scanTokens } from '../tokenize/tokenize.js'

/*
 * The stages of the analysis chain, each a small named step, in the order a word meets them:
 *
 *   normalize (text → text, with an offset map when asked) → tokenize (spans of the normalized
 *   text) → stop (drop a stop word) → stem (word → term) → …a caller's own term stages
 *
 * The first two work on the whole text; the term stages work on one normalized word at a time,
 * are composed into one function and cached per distinct word by the analyzer, as Lucene's
 * TokenFilter chain is composed behind a Tokenizer.
 */

/**
 * The tokenize stage: calls `visit(start, end)` for each word of a normalized text, in order
 * (offsets into that text). Letters with their marks stay whole; Latin words and numbers count.
 * @internal
 *
 * @example
 * ```ts
 * tokenizeStage('ذهب الى', (s, e) => console.log(s, e)) // → 0 3, then 4 7
 * ```
 */
export const tokenizeStage: (text: string, visit: (start: number, end: number) => void) => void = scanTokens

/**
 * A term stage: one step from a normalized word to its index term. `apply(term, word)` gets the
 * term so far (the word itself for the first stage) and the normalized word, and returns the
 * new term, or `null` to drop the word (it still takes a position). It must be a pure function
 * of its arguments: the analyzer caches the result of the whole chain per word. @internal
 *
 * @example
 * ```ts
 * // a keep list: only the terms in `allowed` are indexed
 * const only: TermStage = { name: 'only', apply: (t) => (allowed.has(t) ? t : null), notSubstring: new Set() }
 * ```
 */
export interface TermStage {
  /** A short name, for debugging and tests ('stop', 'stem'). */
  readonly name: string
  /** The term after this stage, or `null` to drop the word. */
  readonly apply: (term: string, word: string) => string | null
  /**
   * The words for which `apply` may return a term that is not a substring of its input.
   * Leave it `undefined` when the output can be any string (a synonym stage): `matches()` then
   * analyzes every word instead of only those that contain a wanted term. The words are
   * checked as normalized, so a stage with exceptions is sound only after stages that keep or
   * drop a word without changing it (as `stop` does).
   */
  readonly notSubstring?: ReadonlySet<string> | ReadonlyMap<string, unknown>
}

const NONE: ReadonlySet<string> = new Set()

/**
 * The stop stage: drops a word that is in `stopWords` (normalized). @internal
 *
 * @example
 * ```ts
 * stopStage(new Set(['الى'])).apply('الى', 'الى') // → null
 * ```
 */
export function stopStage(stopWords: ReadonlySet<string>): TermStage {
  return { name: 'stop', apply: (term) => (stopWords.has(term) ? null : term), notSubstring: NONE }
}

/**
 * The stem stage: the light stemmer, with `keep` the words never stemmed. Its output is a
 * substring of its input except for the protected words (لله → الله). @internal
 *
 * @example
 * ```ts
 * stemStage(undefined).apply('والمكتبه', 'والمكتبه') // → 'مكتب'
 * ```
 */
export function stemStage(keep: ReadonlySet<string> | undefined): TermStage {
  return { name: 'stem', apply: (term) => lightStem(term, keep), notSubstring: PROTECTED_WORDS }
}

/**
 * Composes term stages into one function of a normalized word: each stage gets the previous
 * one's term, and the first `null` ends the chain. @internal
 *
 * @example
 * ```ts
 * composeStages([stopStage(stops), stemStage(undefined)])('والمكتبه') // → 'مكتب'
 * ```
 */
export function composeStages(stages: readonly TermStage[]): (word: string) => string | null {
  return (word) => {
    let term: string | null = word
    for (let i = 0; term !== null && i < stages.length; i++) term = stages[i]!.apply(term, word)
    return term
  }
}

/**
 * The fast-path test of `matches()` for a chain: a word can only have one of the wanted terms
 * if one of them is a substring of it, or if a stage lists it in `notSubstring`. Returns
 * `undefined` when some stage makes no such promise (every word must then be analyzed).
 * @internal
 *
 * @example
 * ```ts
 * const mayMatch = fastPathOf([stopStage(stops), stemStage(undefined)])!
 * mayMatch('والمكتبه', ['مكتب']) // → true
 * mayMatch('ذهب', ['مكتب'])      // → false
 * ```
 */
export function fastPathOf(
  stages: readonly TermStage[],
): ((word: string, wanted: readonly string[]) => boolean) | undefined {
  if (stages.some((s) => s.notSubstring === undefined)) return undefined
  const exceptions = stages.map((s) => s.notSubstring!).filter((e) => e.size > 0)
  return (word, wanted) => exceptions.some((e) => e.has(word)) || wanted.some((t) => word.includes(t))
}

/** Entries of the young generation of the term cache before it is aged. */
const CACHE_LIMIT = 200_000

/**
 * Caches a pure function of a word in two generations: when the young one is full it becomes
 * the old one, so frequent words stay cached across the switch instead of the whole cache
 * being dropped. @internal
 *
 * @example
 * ```ts
 * const termOf = cachedPerWord(composeStages(stages))
 * termOf('والمكتبه') // computed once, then read from the cache
 * ```
 */
export function cachedPerWord(compute: (word: string) => string | null): (word: string) => string | null {
  let young = new Map<string, string | null>()
  let old = new Map<string, string | null>()
  return (word) => {
    let term = young.get(word)
    if (term !== undefined) return term
    term = old.get(word)
    if (term === undefined) term = compute(word)
    if (young.size >= CACHE_LIMIT) {
      old = young
      young = new Map()
    }
    young.set(word, term)
    return term
  }
}

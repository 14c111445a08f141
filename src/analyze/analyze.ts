import { assertString, checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import {
  normalizeResolved,
  normalizeResolvedWithMap,
  resolveNormalizeOptions,
  type NormalizeOptions,
  type ResolvedNormalizeOptions,
} from '../normalize/normalize.js'
import { PROTECTED_WORDS } from '../stem/rules.js'
import { lightStem, resolveKeep } from '../stem/stem.js'
import { DEFAULT_STOP_WORDS } from '../stopwords/index.js'
import { scanTokens } from '../tokenize/tokenize.js'

/** Options of the analysis chain (normalize → tokenize → stop words → stem). */
export interface AnalyzerOptions {
  /** Normalization rule groups; see `NormalizeOptions`. @default every group on */
  readonly normalize?: NormalizeOptions
  /**
   * Stop words: `true` for the default Arabic and English lists, `false` for none, or a list
   * that replaces the default (entries are normalized). @default true
   */
  readonly stopWords?: boolean | readonly string[]
  /** Words added to the stop words (normalized). @default [] */
  readonly extraStopWords?: readonly string[]
  /** Apply the light stemmer. @default true */
  readonly stem?: boolean
  /** Words that are never stemmed (normalized before use). @default [] */
  readonly keep?: readonly string[]
}

/** The analyzer options with every field resolved; this is what a saved index records. */
export interface ResolvedAnalyzerOptions {
  readonly normalize: ResolvedNormalizeOptions
  readonly stopWords: boolean | readonly string[]
  readonly extraStopWords: readonly string[]
  readonly stem: boolean
  readonly keep: readonly string[]
}

/** One index term found in a text. */
export interface AnalyzedTerm {
  /** The index term: the stem of the word (or the normalized word when stemming is off). */
  readonly term: string
  /** The normalized word, before stemming. */
  readonly word: string
  /** Start of the word in the original text (UTF-16 offset). */
  readonly start: number
  /** End of the word in the original text, its trailing marks included. */
  readonly end: number
  /** Position of the word among the words of the text, stop words counted. */
  readonly position: number
}

const ANALYZER_SCHEMA = {
  normalize: 'object',
  stopWords: 'any',
  extraStopWords: 'string[]',
  stem: 'boolean',
  keep: 'string[]',
} as const

/** Validates analyzer options and fills in the defaults. @internal */
export function resolveAnalyzerOptions(options: unknown, where = 'analyze()'): ResolvedAnalyzerOptions {
  const given = checkOptions(options, where, ANALYZER_SCHEMA)
  const stopWords = given.stopWords ?? true
  if (typeof stopWords !== 'boolean' && !(Array.isArray(stopWords) && stopWords.every((w) => typeof w === 'string'))) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected \`stopWords\` to be a boolean or an array of strings, got ${describe(stopWords)}`,
      { option: 'stopWords' },
      'type',
    )
  }
  return {
    normalize: resolveNormalizeOptions(given.normalize, `${where} option \`normalize\``),
    stopWords: stopWords as boolean | readonly string[],
    extraStopWords: (given.extraStopWords as string[] | undefined) ?? [],
    stem: (given.stem as boolean | undefined) ?? true,
    keep: (given.keep as string[] | undefined) ?? [],
  }
}

/**
 * A reusable analyzer: the options resolved once, the stop words normalized once, and a cache
 * of the terms of each distinct word. The search index holds one. @internal
 */
export interface Analyzer {
  readonly options: ResolvedAnalyzerOptions
  /** Terms with offsets into `text`. */
  analyze(text: string): AnalyzedTerm[]
  /** Calls `visit(term, word)` for each term of `text`, without offsets. */
  eachTerm(text: string, visit: (term: string, word: string) => void): void
  /** The normalized words of `text`, stop words included (the indexing path: terms come later). */
  words(text: string): string[]
  /**
   * The words of `text` whose term is in `terms` or whose normalized word is in `words`, with
   * offsets into the original (the snippet path). A word is stemmed only if one of `terms` is a
   * substring of it (a light stem always is, protected words aside), so most words cost a lookup.
   */
  matches(text: string, terms: ReadonlySet<string>, words: ReadonlySet<string>): AnalyzedTerm[]
  /** The term of one normalized word, or null for a stop word. */
  termOf(word: string): string | null
  /** The normalized form of a text. */
  normalize(text: string): string
  /** Is this normalized word a stop word? */
  isStopWord(word: string): boolean
  /** The stop words, normalized. */
  readonly stopWords: ReadonlySet<string>
  /** The words never stemmed, normalized (undefined when none). */
  readonly keep: ReadonlySet<string> | undefined
}

const CACHE_LIMIT = 200_000

/** Builds an analyzer from options. @internal */
export function createAnalyzer(options?: AnalyzerOptions | ResolvedAnalyzerOptions, where = 'analyze()'): Analyzer {
  const o = resolveAnalyzerOptions(options, where)
  const n = o.normalize
  const stopWords = new Set<string>()
  if (o.stopWords === true) for (const w of DEFAULT_STOP_WORDS) stopWords.add(normalizeResolved(w, n))
  else if (Array.isArray(o.stopWords)) for (const w of o.stopWords) stopWords.add(normalizeResolved(w, n))
  for (const w of o.extraStopWords) stopWords.add(normalizeResolved(w, n))
  const keep = o.keep.length > 0 ? resolveKeep(o.keep, n, where) : undefined
  // Two generations: when the young one is full it becomes the old one, so frequent words stay
  // cached across the switch instead of the whole cache being dropped.
  let young = new Map<string, string | null>()
  let old = new Map<string, string | null>()

  const termOf = (word: string): string | null => {
    let term = young.get(word)
    if (term !== undefined) return term
    term = old.get(word)
    if (term === undefined) term = stopWords.has(word) ? null : o.stem ? lightStem(word, keep) : word
    if (young.size >= CACHE_LIMIT) {
      old = young
      young = new Map()
    }
    young.set(word, term)
    return term
  }

  return {
    options: o,
    termOf,
    normalize: (text) => normalizeResolved(text, n),
    isStopWord: (word) => stopWords.has(word),
    stopWords,
    keep,
    matches(text, terms, words) {
      const normalized = normalizeResolvedWithMap(text, n)
      const wanted = [...terms]
      const out: AnalyzedTerm[] = []
      let position = 0
      scanTokens(normalized.text, (start, end) => {
        const word = normalized.text.slice(start, end)
        let term: string | null = null
        if (words.has(word) || PROTECTED_WORDS.has(word) || wanted.some((t) => word.includes(t))) {
          term = termOf(word)
          if (term !== null && !terms.has(term) && !words.has(word)) term = null
        }
        if (term !== null) {
          const [s, e] = normalized.toOriginalRange(start, end)
          out.push({ term, word, start: s, end: e, position })
        }
        position++
      })
      return out
    },
    words(text) {
      const normalized = normalizeResolved(text, n)
      const words: string[] = []
      scanTokens(normalized, (start, end) => words.push(normalized.slice(start, end)))
      return words
    },
    eachTerm(text, visit) {
      const normalized = normalizeResolved(text, n)
      scanTokens(normalized, (start, end) => {
        const word = normalized.slice(start, end)
        const term = termOf(word)
        if (term !== null) visit(term, word)
      })
    },
    analyze(text) {
      const normalized = normalizeResolvedWithMap(text, n)
      const out: AnalyzedTerm[] = []
      let position = 0
      scanTokens(normalized.text, (start, end) => {
        const word = normalized.text.slice(start, end)
        const term = termOf(word)
        if (term !== null) {
          const [s, e] = normalized.toOriginalRange(start, end)
          out.push({ term, word, start: s, end: e, position })
        }
        position++
      })
      return out
    },
  }
}

/**
 * Runs the analysis chain on a text: normalize → tokenize → stop words → stem. Returns the index
 * terms with offsets into the original text, so `text.slice(t.start, t.end)` is the word as
 * written. The same function serves documents and queries. Never throws on a string.
 *
 * @example
 * ```ts
 * analyze('ذهبتُ إلى المدرسةِ والمكتبة').map((t) => [t.term, t.start, t.end])
 * // → [['ذهبت', 0, 5], ['مدرس', 10, 18], ['مكتب', 19, 27]]
 * ```
 */
export function analyze(text: string, options?: AnalyzerOptions): AnalyzedTerm[] {
  assertString(text, 'analyze')
  if (options === undefined) {
    // The default analyzer is built once: its only state is a bounded memo of a pure function.
    defaultAnalyzer ??= createAnalyzer()
    return defaultAnalyzer.analyze(text)
  }
  return createAnalyzer(options).analyze(text)
}

let defaultAnalyzer: Analyzer | undefined

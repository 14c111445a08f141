import { assertString, checkOptions, invalidOption } from '../errors.js'
import {
  normalizeResolved,
  resolveNormalizeOptions,
  type NormalizeOptions,
  type ResolvedNormalizeOptions,
} from '../normalize/normalize.js'
import { resolveKeep } from '../stem/stem.js'
import { DEFAULT_STOP_WORDS } from '../stopwords/index.js'
import { cachedPerWord, composeStages, fastPathOf, stemStage, stopStage, type TermStage } from './stages.js'
import { walk, type WalkPlan } from './walk.js'

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

/** The analyzer's options and their types (the index's options include them). @internal */
export const ANALYZER_SCHEMA = {
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
    throw invalidOption(where, 'stopWords', 'a boolean or an array of strings', stopWords)
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
 * of the terms of each distinct word. The search index holds one. Its four walks (`analyze`,
 * `eachTerm`, `words`, `matches`) are one walk (`walk.ts`) with different plans. @internal
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
  /** The term stages after tokenizing, in order (`stop`, `stem` when on, then a caller's own). */
  readonly stages: readonly TermStage[]
}

/**
 * The seam for a caller's own term stages (a synonym map, a keep list), internal on purpose:
 * a saved index records its analyzer options as JSON, and a function cannot be saved, so this
 * is not an `AnalyzerOptions` field. @internal
 */
export interface AnalyzerExtension {
  /**
   * The term stages from the default ones (`stop`, then `stem` when stemming is on): return
   * them with a stage added, replaced or removed. The result runs on every word, for documents
   * and queries alike, and is cached per word. @default the default stages
   */
  readonly stages?: (defaults: readonly TermStage[]) => readonly TermStage[]
}

/** The normalized stop words of resolved options. */
function stopWordsOf(o: ResolvedAnalyzerOptions): Set<string> {
  const stopWords = new Set<string>()
  const n = o.normalize
  if (o.stopWords === true) for (const w of DEFAULT_STOP_WORDS) stopWords.add(normalizeResolved(w, n))
  else if (Array.isArray(o.stopWords)) for (const w of o.stopWords) stopWords.add(normalizeResolved(w, n))
  for (const w of o.extraStopWords) stopWords.add(normalizeResolved(w, n))
  return stopWords
}

/**
 * Builds an analyzer from options; `extension` adds a caller's own term stages (see
 * {@link AnalyzerExtension}). @internal
 *
 * @example
 * ```ts
 * const synonyms: TermStage = { name: 'synonyms', apply: (t) => (t === 'سيار' ? 'عربي' : t) }
 * const analyzer = createAnalyzer(undefined, 'example', { stages: (s) => [...s, synonyms] })
 * analyzer.eachTerm('السيارة', (term) => term) // visits 'عربي'
 * ```
 */
export function createAnalyzer(
  options?: AnalyzerOptions | ResolvedAnalyzerOptions,
  where = 'analyze()',
  extension: AnalyzerExtension = {},
): Analyzer {
  const o = resolveAnalyzerOptions(options, where)
  const stopWords = stopWordsOf(o)
  const keep = o.keep.length > 0 ? resolveKeep(o.keep, o.normalize, where) : undefined
  const defaults = o.stem ? [stopStage(stopWords), stemStage(keep)] : [stopStage(stopWords)]
  const stages = extension.stages ? extension.stages(defaults) : defaults
  const termOf = cachedPerWord(composeStages(stages))
  const fastPath = fastPathOf(stages)
  const normalize = o.normalize
  const withOffsets: WalkPlan = { offsets: true, termOf }
  const withoutOffsets: WalkPlan = { offsets: false, termOf }
  const wordsOnly: WalkPlan = { offsets: false }

  const collect = (text: string, plan: WalkPlan): AnalyzedTerm[] => {
    const out: AnalyzedTerm[] = []
    walk(text, normalize, plan, (term, word, start, end, position) => out.push({ term, word, start, end, position }))
    return out
  }

  return {
    options: o,
    termOf,
    normalize: (text) => normalizeResolved(text, normalize),
    isStopWord: (word) => stopWords.has(word),
    stopWords,
    keep,
    stages,
    analyze: (text) => collect(text, withOffsets),
    eachTerm(text, visit) {
      // visit gets the walk's later arguments too (offsets into the normalized text, position):
      // its type hides them, and a wrapper would cost a call per word
      walk(text, normalize, withoutOffsets, visit)
    },
    words(text) {
      const out: string[] = []
      walk(text, normalize, wordsOnly, (word) => out.push(word))
      return out
    },
    matches(text, terms, words) {
      const wanted = [...terms]
      const select = fastPath && ((word: string) => words.has(word) || fastPath(word, wanted))
      const kept = (word: string): string | null => {
        const term = termOf(word)
        return term !== null && (terms.has(term) || words.has(word)) ? term : null
      }
      return collect(text, { offsets: true, termOf: kept, select })
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

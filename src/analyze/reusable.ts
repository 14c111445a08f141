import { assertString } from '../errors.js'
import {
  createAnalyzer as buildAnalyzer,
  type AnalyzedTerm,
  type AnalyzerOptions,
  type ResolvedAnalyzerOptions,
} from './analyze.js'

/**
 * An analyzer built once from options and reused for many texts: the options are checked once,
 * the stop words and kept words normalized once, and the terms of each distinct word cached (a
 * bounded cache). `analyze(text, options)` builds one on every call; for many texts, build one
 * with {@link createAnalyzer}.
 */
export interface TextAnalyzer {
  /** The options, with every default filled in. */
  readonly options: ResolvedAnalyzerOptions
  /** The terms of `text` with offsets into it: what `analyze(text, options)` returns. */
  analyze(text: string): AnalyzedTerm[]
  /** The index terms of `text` in order, without offsets (faster: no offset map is built). */
  terms(text: string): string[]
  /** The normalized form of `text`, under the analyzer's normalization options. */
  normalize(text: string): string
  /** The index term of one word as written, or `null` when it is a stop word or no word. */
  termOf(word: string): string | null
}

/**
 * Builds a reusable analyzer (normalize → tokenize → stop words → stem) from options.
 * Throws `FAHRAS_INVALID_OPTION` on unknown options or wrong types, as `analyze()` does.
 *
 * @example
 * ```ts
 * const analyzer = createAnalyzer({ keep: ['مدرسة'] })
 * analyzer.terms('ذهبتُ إلى المدرسةِ والمكتبة') // → ['ذهبت', 'مدرسه', 'مكتب']
 * analyzer.termOf('وَالْكِتَابُ')                  // → 'كتاب'
 * ```
 */
export function createAnalyzer(options?: AnalyzerOptions): TextAnalyzer {
  const analyzer = buildAnalyzer(options, 'createAnalyzer()')
  return Object.freeze({
    options: analyzer.options,
    analyze(text: string) {
      assertString(text, 'TextAnalyzer.analyze')
      return analyzer.analyze(text)
    },
    terms(text: string) {
      assertString(text, 'TextAnalyzer.terms')
      const out: string[] = []
      analyzer.eachTerm(text, (term) => out.push(term))
      return out
    },
    normalize(text: string) {
      assertString(text, 'TextAnalyzer.normalize')
      return analyzer.normalize(text)
    },
    termOf(word: string) {
      assertString(word, 'TextAnalyzer.termOf', 'word')
      const words = analyzer.words(word)
      return words.length === 1 ? analyzer.termOf(words[0]!) : null
    },
  })
}

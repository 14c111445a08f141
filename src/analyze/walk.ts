import { normalizeResolved, normalizeResolvedWithMap, type ResolvedNormalizeOptions } from '../normalize/normalize.js'
import { tokenizeStage } from './stages.js'

/** What one walk over a text computes. @internal */
export interface WalkPlan {
  /**
   * Build the offset map (the costlier normalization): `start` and `end` are then UTF-16
   * offsets into the original text; without it they are offsets into the normalized text.
   */
  readonly offsets: boolean
  /**
   * The term stages, composed (and cached) by the analyzer: the term of a normalized word, or
   * `null` to drop it. Omitted, every word is its own term (the words of the text).
   */
  readonly termOf?: (word: string) => string | null
  /**
   * A cheap test run before `termOf`: a word that fails it is dropped without being analyzed
   * (the fast path of `matches()`). Omitted, every word is analyzed.
   */
  readonly select?: (word: string) => boolean
}

/**
 * Receives one kept word of a walk: its term, the normalized word, its range (see
 * `WalkPlan.offsets`), and its position among all the words of the text, dropped ones counted.
 * @internal
 */
export type WalkVisitor = (term: string, word: string, start: number, end: number, position: number) => void

/**
 * The one walk of the analysis chain: normalize (the normalize stage, with a map only if
 * `plan.offsets`: `normalizeResolvedWithMap`, else `normalizeResolved`) → tokenize
 * → `plan.select` → `plan.termOf` (stop → stem → …) → `visit`. Every method of the analyzer
 * (`analyze`, `eachTerm`, `words`, `matches`) is this walk with a plan. @internal
 *
 * @example
 * ```ts
 * const out: string[] = []
 * walk('ذهبتُ إلى المدرسةِ', resolveNormalizeOptions(undefined), { offsets: true, termOf }, (term, word, s, e) =>
 *   out.push(`${term} ${s}-${e}`))
 * // out → ['ذهبت 0-5', 'مدرس 10-18']
 * ```
 */
export function walk(text: string, normalize: ResolvedNormalizeOptions, plan: WalkPlan, visit: WalkVisitor): void {
  const { termOf, select } = plan
  const mapped = plan.offsets ? normalizeResolvedWithMap(text, normalize) : undefined
  const normalized = mapped === undefined ? normalizeResolved(text, normalize) : mapped.text
  let position = 0
  tokenizeStage(normalized, (start, end) => {
    const word = normalized.slice(start, end)
    const term = select !== undefined && !select(word) ? null : termOf === undefined ? word : termOf(word)
    if (term !== null) {
      if (mapped === undefined) visit(term, word, start, end, position)
      else {
        const [s, e] = mapped.toOriginalRange(start, end)
        visit(term, word, s, e, position)
      }
    }
    position++
  })
}

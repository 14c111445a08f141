import { ARABIC_STOP_WORDS } from './arabic.js'
import { ENGLISH_STOP_WORDS } from './english.js'

export { ARABIC_STOP_WORDS } from './arabic.js'
export { ENGLISH_STOP_WORDS } from './english.js'

/**
 * The default stop words: the Arabic list and the English list, already normalized.
 *
 * @example
 * ```ts
 * DEFAULT_STOP_WORDS.has('في') // → true
 * DEFAULT_STOP_WORDS.has('كتاب') // → false
 * ```
 */
export const DEFAULT_STOP_WORDS: ReadonlySet<string> = new Set([...ARABIC_STOP_WORDS, ...ENGLISH_STOP_WORDS])

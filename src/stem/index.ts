export { stem, lightStem, ROOT_INITIAL_WORDS } from './stem.js'
export type { StemOptions } from './stem.js'
export {
  ARTICLE_PREFIXES,
  CONJUNCTION_PREFIXES,
  PREPOSITION_PREFIXES,
  FUTURE_PREFIX,
  PRONOUN_SUFFIXES,
  TANWEEN_SUFFIXES,
  ADJECTIVE_SUFFIXES,
  PLURAL_SUFFIXES,
  PROTECTED_WORDS,
  ROOT_INITIAL_EXTRA,
} from './rules.js'
export type { AffixRule } from './rules.js'

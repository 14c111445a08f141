import {
  ADJECTIVE_SUFFIXES,
  ARTICLE_PREFIXES,
  CONJUNCTION_PREFIXES,
  CONSTRUCT_TAA,
  FUTURE_PREFIX,
  IMPERFECT_PREFIX_LETTERS,
  NISBA_AFTER_ALEF,
  NOT_DUAL_ENDINGS,
  PLURAL_SUFFIXES,
  PREPOSITION_PREFIXES,
  PRONOUN_SUFFIXES,
  TANWEEN_BLOCKING_ENDINGS,
  TANWEEN_SUFFIXES,
  type AffixRule,
} from './rules.js'

/**
 * The conditions every step may have. A flag is a decision an earlier step left for later ones
 * ("the article was removed"); the OpenSearch generator carries it as a marker in the term.
 */
interface StepConditions {
  /** The step's name; the generated filter is named `<analyzer>_stem_NN_<name>`. */
  readonly name: string
  /** The step applies only when this flag is set. */
  readonly when?: string
  /** The step applies only when none of these flags is set. */
  readonly unless?: readonly string[]
}

/** A protected word returns its stem; a kept word (checked before or after; without `keep`, not) is returned as it stands. */
export interface StopStep extends StepConditions {
  readonly kind: 'stop'
  readonly keep?: 'first' | 'last'
}

/**
 * Removes the first prefix of `rules` whose affix and length guard match, never from a
 * root-initial word (ROOT_INITIAL_WORDS, looked up past an ending) unless `rootInitialToo`.
 */
export interface PrefixStep extends StepConditions {
  readonly kind: 'prefix'
  readonly rules: readonly AffixRule[]
  /** Also from a root-initial word. @default false */
  readonly rootInitialToo?: boolean
  /** One of these letters must follow the prefix. */
  readonly before?: string
  /** The flag set when a prefix is removed. */
  readonly sets?: string
}

/** Removes the first suffix of `rules` whose affix and length guard match. */
export interface SuffixStep extends StepConditions {
  readonly kind: 'suffix'
  readonly rules: readonly AffixRule[]
  /** Not from a word that ends in one of these. */
  readonly unlessEndsWith?: readonly string[]
  /** An affix starting with `affixStart` is not removed after `letter`. */
  readonly notAfter?: { readonly letter: string; readonly affixStart: string }
  /** The flag set when a suffix is removed… */
  readonly sets?: string
  /** …unless this flag is set. */
  readonly setsUnless?: string
}

/** Sets a flag when the word ends in one of `endsWith`; removes nothing. */
export interface MarkStep extends StepConditions {
  readonly kind: 'mark'
  readonly endsWith: readonly string[]
  readonly sets: string
}

/** Writes a final `from` as `to` in a word of at least `minLength` letters. */
export interface FinalLetterStep extends StepConditions {
  readonly kind: 'final'
  readonly from: string
  readonly to: string
  readonly minLength: number
}

/** One step of the light stemmer. */
export type StemStep = StopStep | PrefixStep | SuffixStep | MarkStep | FinalLetterStep

/** A word shorter than this is returned unchanged (ال, في); every rule's guard keeps to it. */
export const MIN_STEM_LENGTH = 3

/**
 * The flags of {@link STEM_STEPS}, in the order of their markers (U+FDE1…) in the generated
 * filters. A flag not listed here gets the next marker.
 * @internal
 */
export const STEM_FLAGS: readonly string[] = [
  'article', // the article was removed: no proclitic is
  'pronoun', // an attached pronoun was removed: no tanween
  'on_at', // the word entering the suffix steps ended in ون or ات: a removed ان or ين is a plural
  'plural', // a dual (or plural) ending was removed from a word that did not end in ون or ات
]

/**
 * The light stemmer as an ordered table: `lightStem()` interprets it, `indexSettings()` compiles
 * it to one OpenSearch filter a step (two for a step with `setsUnless`). A new step is one row.
 * `docs/stemming.md` describes every step; the affix tables are in `rules.ts`.
 *
 * @example
 * ```ts
 * STEM_STEPS.map((s) => s.name) // → ['word', 'article', 'after_article', 'conjunction', …]
 * ```
 */
export const STEM_STEPS: readonly StemStep[] = [
  // a kept word, then a protected word, is returned as it is
  { name: 'word', kind: 'stop', keep: 'first' },
  // the article and its clusters (no prefix step removes anything from a root-initial word)
  { name: 'article', kind: 'prefix', rules: ARTICLE_PREFIXES, sets: 'article' },
  // after the article: a protected word, then a kept word
  { name: 'after_article', kind: 'stop', when: 'article', keep: 'last' },
  // without an article: و ف
  { name: 'conjunction', kind: 'prefix', rules: CONJUNCTION_PREFIXES, unless: ['article'] },
  // then ب ل ك (root-initial is looked up again on the word as it now stands)
  { name: 'preposition', kind: 'prefix', rules: PREPOSITION_PREFIXES, unless: ['article'] },
  // then the future س before an imperfect prefix (ي ت ن ا)
  { name: 'future', kind: 'prefix', rules: [FUTURE_PREFIX], before: IMPERFECT_PREFIX_LETTERS, unless: ['article'] },
  // after the proclitics: a protected word, then a kept word
  { name: 'after_prefixes', kind: 'stop', unless: ['article'], keep: 'last' },
  // the word entering the suffix steps ends in ون or ات: no dual taa below
  { name: 'ends_on_at', kind: 'mark', endsWith: NOT_DUAL_ENDINGS, sets: 'on_at' },
  // one attached pronoun
  { name: 'pronoun', kind: 'suffix', rules: PRONOUN_SUFFIXES, sets: 'pronoun' },
  // after a pronoun, a construct ت is the taa marbuta again: حكومتها → حكومت → حكومه
  { name: 'construct_taa', kind: 'final', when: 'pronoun', ...CONSTRUCT_TAA },
  // a protected word returns its stem
  { name: 'after_pronoun', kind: 'stop' },
  // the tanween alef or وا, not after a pronoun nor after a short نا or ها (ربنا, منها)
  {
    name: 'tanween',
    kind: 'suffix',
    rules: TANWEEN_SUFFIXES,
    unless: ['pronoun'],
    unlessEndsWith: TANWEEN_BLOCKING_ENDINGS,
  },
  // one nisba or feminine ending; a nisba ending (ي…) stays after an alef
  {
    name: 'adjective',
    kind: 'suffix',
    rules: ADJECTIVE_SUFFIXES,
    notAfter: { letter: NISBA_AFTER_ALEF, affixStart: 'ي' },
  },
  // a protected word returns its stem
  { name: 'after_adjective', kind: 'stop' },
  // one plural or dual ending
  { name: 'plural', kind: 'suffix', rules: PLURAL_SUFFIXES, sets: 'plural', setsUnless: 'on_at' },
  // a feminine dual's taa marbuta, left as ت: مدرستان → مدرست → مدرس
  { name: 'dual_taa', kind: 'final', when: 'plural', ...CONSTRUCT_TAA, to: '' },
]

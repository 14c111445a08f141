import * as cp from '../script.js'

/** An inclusive range of code units. */
export interface CodeRange {
  readonly first: number
  readonly last: number
}

/**
 * The normalization rules, one entry a rule: the normalizer and the OpenSearch generator are
 * compiled from this table (`compile.ts`), so adding a rule is adding an entry.
 *
 * - `group` is the option that switches the rule off.
 * - `from` lists the code units the rule applies at: single units, or inclusive ranges.
 * - `to` is what each of them becomes: a string (`''` removes it), or a named mapping:
 *   `'lower'` (its `toLowerCase()`, where that differs) or `'0-9'` (the digit of its place in
 *   the range).
 * - `context`, for a rule that depends on the characters around: the name of its function in
 *   `CONTEXT_RULES` (`context.ts`), which decides at each `from` unit whether the rule applies
 *   and how many code units it covers; `to` is what it then writes (`'NFKC'` and `'أ/ئ/ؤ'` name
 *   what the function computes). At a unit, context rules are tried first, in table order; then
 *   the one rule without context that lists the unit, if any.
 * - `composedOf`: letter + combining mark spellings of the rule's one character (و + U+0654 is
 *   ؤ). While `diacritics` is on (it would remove the mark) such a pair is read as that
 *   character, which the rule then folds when its group is on.
 *
 * The comment above each entry says what it does (a comment, not a field: the table is in every
 * browser bundle); `docs/normalization.md` documents each entry with examples, and each has a test.
 */
export interface NormalizationRule {
  readonly id: string
  readonly group: RuleGroup
  readonly from: readonly number[] | CodeRange | readonly CodeRange[]
  readonly to: string
  readonly context?: ContextRuleName
  readonly composedOf?: readonly (readonly [letter: number, mark: number])[]
}

/** The names of the context rules, each a function of `CONTEXT_RULES` in `context.ts`. */
export type ContextRuleName =
  | 'alefCombiningMark'
  | 'wawDaggerAlef'
  | 'yehDaggerAlef'
  | 'daggerAlef'
  | 'smallYehOnTatweel'
  | 'smallWawOnTatweel'
  | 'hamzaOnTatweel'
  | 'presentationForm'

/** The rule groups: each is an option of {@link NormalizeOptions}, `true` by default. */
export type RuleGroup =
  | 'diacritics'
  | 'tatweel'
  | 'quranicMarks'
  | 'invisible'
  | 'alef'
  | 'alefMaksura'
  | 'taaMarbuta'
  | 'hamzaCarriers'
  | 'persian'
  | 'presentationForms'
  | 'digits'
  | 'latinCase'
  | 'uthmani'

export const NORMALIZATION_RULES: readonly NormalizationRule[] = [
  // diacritics
  // Remove harakat, tanween, shadda, sukun and the other combining marks U+064B–U+065F.
  { id: 'harakat', group: 'diacritics', from: { first: cp.FATHATAN, last: cp.HARAKAT_LAST }, to: '' },
  // Remove the superscript (dagger) alef U+0670 when the uthmani rules are off.
  { id: 'superscriptAlef', group: 'diacritics', from: [cp.SUPERSCRIPT_ALEF], to: '' },
  // tatweel
  // Remove tatweel (kashida) U+0640, the stretching stroke: كتـــاب → كتاب.
  { id: 'tatweel', group: 'tatweel', from: [cp.TATWEEL], to: '' },
  // Quranic marks
  // Remove the honorific and Quranic signs U+0610–U+061A.
  {
    id: 'quranicSigns',
    group: 'quranicMarks',
    from: { first: cp.QURANIC_SIGNS_FIRST, last: cp.QURANIC_SIGNS_LAST },
    to: '',
  },
  // Remove the Quranic annotation marks U+06D6–U+06ED (pause marks, small high letters, end of ayah).
  {
    id: 'quranicMarks',
    group: 'quranicMarks',
    from: { first: cp.QURANIC_MARKS_FIRST, last: cp.QURANIC_MARKS_LAST },
    to: '',
  },
  // Remove the Arabic Extended-A Quranic marks U+08D3–U+08FF (open tanween and similar).
  {
    id: 'extendedQuranicMarks',
    group: 'quranicMarks',
    from: { first: cp.EXTENDED_MARKS_FIRST, last: cp.EXTENDED_MARKS_LAST },
    to: '',
  },
  // invisible
  // Remove invisible format characters: soft hyphen, ALM, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM.
  {
    id: 'invisible',
    group: 'invisible',
    from: [cp.SOFT_HYPHEN, cp.ARABIC_LETTER_MARK, cp.ZWNJ, cp.ZWJ, cp.LRM, cp.RLM, cp.WORD_JOINER, cp.BOM],
    to: '',
  },
  // Remove the bidi embeddings and overrides LRE, RLE, PDF, LRO, RLO (U+202A–U+202E).
  {
    id: 'bidiEmbeddings',
    group: 'invisible',
    from: { first: cp.BIDI_EMBEDDING_FIRST, last: cp.BIDI_EMBEDDING_LAST },
    to: '',
  },
  // Remove the bidi isolates LRI, RLI, FSI, PDI (U+2066–U+2069).
  {
    id: 'bidiIsolates',
    group: 'invisible',
    from: { first: cp.BIDI_ISOLATE_FIRST, last: cp.BIDI_ISOLATE_LAST },
    to: '',
  },
  // alef
  // Fold the alef variants آ أ إ ٱ ٲ ٳ ٵ to bare alef ا.
  {
    id: 'alefVariants',
    group: 'alef',
    from: [
      cp.ALEF_MADDA,
      cp.ALEF_HAMZA_ABOVE,
      cp.ALEF_HAMZA_BELOW,
      cp.ALEF_WASLA,
      cp.ALEF_WAVY_HAMZA_ABOVE,
      cp.ALEF_WAVY_HAMZA_BELOW,
      cp.HIGH_HAMZA_ALEF,
    ],
    to: 'ا',
  },
  // Alef followed by a combining madda or hamza (U+0653–U+0655) becomes bare alef ا, the mark included.
  { id: 'alefCombiningHamza', group: 'alef', from: [cp.ALEF], to: 'ا', context: 'alefCombiningMark' },
  // yaa, taa marbuta
  // Fold alef maksura ى to yeh ي (على → علي).
  { id: 'alefMaksura', group: 'alefMaksura', from: [cp.ALEF_MAKSURA], to: 'ي' },
  // Fold taa marbuta ة to heh ه (مدرسة → مدرسه).
  { id: 'taaMarbuta', group: 'taaMarbuta', from: [cp.TEH_MARBUTA], to: 'ه' },
  // hamza carriers
  // Fold waw with hamza ؤ to waw و (مسؤول → مسوول), also when the hamza is a combining mark.
  { id: 'wawHamza', group: 'hamzaCarriers', from: [cp.WAW_HAMZA], to: 'و', composedOf: [[cp.WAW, cp.HAMZA_ABOVE]] },
  // Fold yeh with hamza ئ to yeh ي (مسئول → مسيول), also when the hamza is a combining mark.
  {
    id: 'yehHamza',
    group: 'hamzaCarriers',
    from: [cp.YEH_HAMZA],
    to: 'ي',
    composedOf: [
      [cp.YEH, cp.HAMZA_ABOVE],
      [cp.ALEF_MAKSURA, cp.HAMZA_ABOVE],
      [cp.FARSI_YEH, cp.HAMZA_ABOVE],
    ],
  },
  // Persian and Urdu letters
  // Fold Persian keheh ک and swash kaf ڪ to kaf ك.
  { id: 'persianKaf', group: 'persian', from: [cp.KEHEH, cp.SWASH_KAF], to: 'ك' },
  // Fold Farsi yeh ی, ې, yeh barree ے and ۓ to yeh ي.
  {
    id: 'persianYeh',
    group: 'persian',
    from: [cp.FARSI_YEH, cp.E_LETTER, cp.YEH_BARREE, cp.YEH_BARREE_HAMZA],
    to: 'ي',
  },
  // Fold ھ ۀ ہ ۂ ۃ to heh ه.
  {
    id: 'persianHeh',
    group: 'persian',
    from: [cp.HEH_DOACHASHMEE, cp.HEH_YEH_ABOVE, cp.HEH_GOAL, cp.HEH_GOAL_HAMZA, cp.TEH_MARBUTA_GOAL],
    to: 'ه',
  },
  // presentation forms
  // Replace Arabic Presentation Forms-A (U+FB50–U+FDFF: contextual forms, ligatures such as ﷲ and ﷺ) by their compatibility decomposition, then normalize that.
  {
    id: 'presentationFormsA',
    group: 'presentationForms',
    from: { first: cp.PRESENTATION_A_FIRST, last: cp.PRESENTATION_A_LAST },
    to: 'NFKC',
    context: 'presentationForm',
  },
  // Replace Arabic Presentation Forms-B (U+FE70–U+FEFE: contextual letter forms, lam-alef ligatures ﻻ ﻷ) by their compatibility decomposition, then normalize that.
  {
    id: 'presentationFormsB',
    group: 'presentationForms',
    from: { first: cp.PRESENTATION_B_FIRST, last: cp.PRESENTATION_B_LAST },
    to: 'NFKC',
    context: 'presentationForm',
  },
  // digits
  // Arabic-Indic digits ٠١٢٣٤٥٦٧٨٩ become ASCII 0–9.
  {
    id: 'arabicIndicDigits',
    group: 'digits',
    from: { first: cp.ARABIC_INDIC_ZERO, last: cp.ARABIC_INDIC_NINE },
    to: '0-9',
  },
  // Extended (Persian, Urdu) Arabic-Indic digits ۰۱۲۳۴۵۶۷۸۹ become ASCII 0–9.
  {
    id: 'extendedArabicIndicDigits',
    group: 'digits',
    from: { first: cp.EXTENDED_ARABIC_INDIC_ZERO, last: cp.EXTENDED_ARABIC_INDIC_NINE },
    to: '0-9',
  },
  // The Arabic decimal separator ٫ becomes `.`.
  { id: 'arabicDecimalSeparator', group: 'digits', from: [cp.ARABIC_DECIMAL_SEPARATOR], to: '.' },
  // The Arabic thousands separator ٬ becomes `,`.
  { id: 'arabicThousandsSeparator', group: 'digits', from: [cp.ARABIC_THOUSANDS_SEPARATOR], to: ',' },
  // Latin case
  // Lower-case Latin (and Greek, Cyrillic, Armenian) letters, fullwidth A–Z included: Beirut → beirut.
  {
    id: 'latinCase',
    group: 'latinCase',
    from: [
      { first: 0x41, last: 0x5a },
      { first: 0xc0, last: 0x58f },
      { first: 0x1e00, last: 0x1fff },
      { first: 0xff21, last: 0xff3a },
    ],
    to: 'lower',
  },
  // Uthmani spelling
  // Waw carrying a dagger alef reads as alef: ٱلصَّلَوٰةَ → الصلاه, like الصلاة.
  { id: 'wawDaggerAlef', group: 'uthmani', from: [cp.WAW], to: 'ا', context: 'wawDaggerAlef' },
  // A dagger alef on alef maksura or yeh is dropped: عَلَىٰ → علي.
  { id: 'yehDaggerAlef', group: 'uthmani', from: [cp.SUPERSCRIPT_ALEF], to: '', context: 'yehDaggerAlef' },
  // Any other dagger alef is written out as alef (ٱلْكِتَٰبُ → الكتاب), except in the words whose standard spelling omits it (هذا، ذلك، لكن، الرحمن، إله، الله، أولئك، هؤلاء…), where it is dropped.
  { id: 'daggerAlef', group: 'uthmani', from: [cp.SUPERSCRIPT_ALEF], to: 'ا', context: 'daggerAlef' },
  // A small yeh written on a tatweel is a full yeh: إِبْرَٰهِـۧمَ → ابراهيم; elsewhere small letters are Quranic marks and dropped (بِهِۦ → به).
  { id: 'smallYehAfterTatweel', group: 'uthmani', from: [cp.TATWEEL], to: 'ي', context: 'smallYehOnTatweel' },
  // A small waw written on a tatweel is a full waw.
  { id: 'smallWawAfterTatweel', group: 'uthmani', from: [cp.TATWEEL], to: 'و', context: 'smallWawOnTatweel' },
  // A hamza on a tatweel takes the seat its vowel calls for (kasra → ئ, damma → ؤ, else أ), then the other rules apply: يَسْـَٔلُونَ → يسالون.
  { id: 'hamzaOnTatweel', group: 'uthmani', from: [cp.TATWEEL], to: 'أ/ئ/ؤ', context: 'hamzaOnTatweel' },
]

/**
 * Words (as letter skeletons: no marks, alef variants folded) whose standard spelling omits the
 * long vowel that Uthmani script writes as a dagger alef; in these the dagger alef is dropped.
 */
export const DAGGER_ALEF_SILENT_WORDS: ReadonlySet<string> = new Set([
  'هذا',
  'هذه',
  'هذان',
  'هذين',
  'هكذا',
  'ذلك',
  'ذلكم',
  'ذلكما',
  'ذلكن',
  'لكن',
  'لكنه',
  'لكنها',
  'لكنهم',
  'لكنكم',
  'لكنا',
  'لكني',
  'لكنك',
  'الرحمن',
  'رحمن',
  'اله',
  'الهه',
  'الهها',
  'الههم',
  'الهكم',
  'الهنا',
  'الهي',
  'الهك',
  'الهين',
  'الهان',
  'الله',
  'لله',
  'اللهم',
  'اولئك',
  'اولئكم',
  'هؤلاء',
  'طه',
])

/** Proclitics that may precede a word in {@link DAGGER_ALEF_SILENT_WORDS} (longest first). */
export const DAGGER_ALEF_PROCLITICS: readonly string[] = [
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'فك',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
  'ا',
  '',
]

/**
 * Word ligatures that Unicode gives no compatibility decomposition: the presentation form rules
 * write them out as these words.
 */
export const WORD_LIGATURES: ReadonlyMap<number, string> = new Map([
  [0xfdfd, 'بسم الله الرحمن الرحيم'], // ﷽ BISMILLAH AR-RAHMAN AR-RAHEEM
  [0xfdfe, 'سبحانه وتعالى'], // ﷾ SUBHAANAHU WA TAAALAA
  [0xfdff, 'عز وجل'], // ﷿ AZZA WA JALL
])

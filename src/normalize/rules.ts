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
 * `docs/normalization.md` documents each entry with examples, and each has a test.
 */
export interface NormalizationRule {
  readonly id: string
  readonly group: RuleGroup
  readonly from: readonly number[] | CodeRange | readonly CodeRange[]
  readonly to: string
  readonly context?: ContextRuleName
  readonly composedOf?: readonly (readonly [letter: number, mark: number])[]
  readonly doc: string
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
  { id: 'harakat', group: 'diacritics', from: { first: cp.FATHATAN, last: cp.HARAKAT_LAST }, to: '', doc: 'Remove harakat, tanween, shadda, sukun and the other combining marks U+064B–U+065F.' },
  { id: 'superscriptAlef', group: 'diacritics', from: [cp.SUPERSCRIPT_ALEF], to: '', doc: 'Remove the superscript (dagger) alef U+0670 when the uthmani rules are off.' },
  // tatweel
  { id: 'tatweel', group: 'tatweel', from: [cp.TATWEEL], to: '', doc: 'Remove tatweel (kashida) U+0640, the stretching stroke: كتـــاب → كتاب.' },
  // Quranic marks
  { id: 'quranicSigns', group: 'quranicMarks', from: { first: cp.QURANIC_SIGNS_FIRST, last: cp.QURANIC_SIGNS_LAST }, to: '', doc: 'Remove the honorific and Quranic signs U+0610–U+061A.' },
  { id: 'quranicMarks', group: 'quranicMarks', from: { first: cp.QURANIC_MARKS_FIRST, last: cp.QURANIC_MARKS_LAST }, to: '', doc: 'Remove the Quranic annotation marks U+06D6–U+06ED (pause marks, small high letters, end of ayah).' },
  { id: 'extendedQuranicMarks', group: 'quranicMarks', from: { first: cp.EXTENDED_MARKS_FIRST, last: cp.EXTENDED_MARKS_LAST }, to: '', doc: 'Remove the Arabic Extended-A Quranic marks U+08D3–U+08FF (open tanween and similar).' },
  // invisible
  { id: 'invisible', group: 'invisible', from: [cp.SOFT_HYPHEN, cp.ARABIC_LETTER_MARK, cp.ZWNJ, cp.ZWJ, cp.LRM, cp.RLM, cp.WORD_JOINER, cp.BOM], to: '', doc: 'Remove invisible format characters: soft hyphen, ALM, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM.' },
  { id: 'bidiEmbeddings', group: 'invisible', from: { first: cp.BIDI_EMBEDDING_FIRST, last: cp.BIDI_EMBEDDING_LAST }, to: '', doc: 'Remove the bidi embeddings and overrides LRE, RLE, PDF, LRO, RLO (U+202A–U+202E).' },
  { id: 'bidiIsolates', group: 'invisible', from: { first: cp.BIDI_ISOLATE_FIRST, last: cp.BIDI_ISOLATE_LAST }, to: '', doc: 'Remove the bidi isolates LRI, RLI, FSI, PDI (U+2066–U+2069).' },
  // alef
  { id: 'alefVariants', group: 'alef', from: [cp.ALEF_MADDA, cp.ALEF_HAMZA_ABOVE, cp.ALEF_HAMZA_BELOW, cp.ALEF_WASLA, cp.ALEF_WAVY_HAMZA_ABOVE, cp.ALEF_WAVY_HAMZA_BELOW, cp.HIGH_HAMZA_ALEF], to: 'ا', doc: 'Fold the alef variants آ أ إ ٱ ٲ ٳ ٵ to bare alef ا.' },
  { id: 'alefCombiningHamza', group: 'alef', from: [cp.ALEF], to: 'ا', context: 'alefCombiningMark', doc: 'Alef followed by a combining madda or hamza (U+0653–U+0655) becomes bare alef ا, the mark included.' },
  // yaa, taa marbuta
  { id: 'alefMaksura', group: 'alefMaksura', from: [cp.ALEF_MAKSURA], to: 'ي', doc: 'Fold alef maksura ى to yeh ي (على → علي).' },
  { id: 'taaMarbuta', group: 'taaMarbuta', from: [cp.TEH_MARBUTA], to: 'ه', doc: 'Fold taa marbuta ة to heh ه (مدرسة → مدرسه).' },
  // hamza carriers
  { id: 'wawHamza', group: 'hamzaCarriers', from: [cp.WAW_HAMZA], to: 'و', composedOf: [[cp.WAW, cp.HAMZA_ABOVE]], doc: 'Fold waw with hamza ؤ to waw و (مسؤول → مسوول), also when the hamza is a combining mark.' },
  { id: 'yehHamza', group: 'hamzaCarriers', from: [cp.YEH_HAMZA], to: 'ي', composedOf: [[cp.YEH, cp.HAMZA_ABOVE], [cp.ALEF_MAKSURA, cp.HAMZA_ABOVE], [cp.FARSI_YEH, cp.HAMZA_ABOVE]], doc: 'Fold yeh with hamza ئ to yeh ي (مسئول → مسيول), also when the hamza is a combining mark.' },
  // Persian and Urdu letters
  { id: 'persianKaf', group: 'persian', from: [cp.KEHEH, cp.SWASH_KAF], to: 'ك', doc: 'Fold Persian keheh ک and swash kaf ڪ to kaf ك.' },
  { id: 'persianYeh', group: 'persian', from: [cp.FARSI_YEH, cp.E_LETTER, cp.YEH_BARREE, cp.YEH_BARREE_HAMZA], to: 'ي', doc: 'Fold Farsi yeh ی, ې, yeh barree ے and ۓ to yeh ي.' },
  { id: 'persianHeh', group: 'persian', from: [cp.HEH_DOACHASHMEE, cp.HEH_YEH_ABOVE, cp.HEH_GOAL, cp.HEH_GOAL_HAMZA, cp.TEH_MARBUTA_GOAL], to: 'ه', doc: 'Fold ھ ۀ ہ ۂ ۃ to heh ه.' },
  // presentation forms
  { id: 'presentationFormsA', group: 'presentationForms', from: { first: cp.PRESENTATION_A_FIRST, last: cp.PRESENTATION_A_LAST }, to: 'NFKC', context: 'presentationForm', doc: 'Replace Arabic Presentation Forms-A (U+FB50–U+FDFF: contextual forms, ligatures such as ﷲ and ﷺ) by their compatibility decomposition, then normalize that.' },
  { id: 'presentationFormsB', group: 'presentationForms', from: { first: cp.PRESENTATION_B_FIRST, last: cp.PRESENTATION_B_LAST }, to: 'NFKC', context: 'presentationForm', doc: 'Replace Arabic Presentation Forms-B (U+FE70–U+FEFE: contextual letter forms, lam-alef ligatures ﻻ ﻷ) by their compatibility decomposition, then normalize that.' },
  // digits
  { id: 'arabicIndicDigits', group: 'digits', from: { first: cp.ARABIC_INDIC_ZERO, last: cp.ARABIC_INDIC_NINE }, to: '0-9', doc: 'Arabic-Indic digits ٠١٢٣٤٥٦٧٨٩ become ASCII 0–9.' },
  { id: 'extendedArabicIndicDigits', group: 'digits', from: { first: cp.EXTENDED_ARABIC_INDIC_ZERO, last: cp.EXTENDED_ARABIC_INDIC_NINE }, to: '0-9', doc: 'Extended (Persian, Urdu) Arabic-Indic digits ۰۱۲۳۴۵۶۷۸۹ become ASCII 0–9.' },
  { id: 'arabicDecimalSeparator', group: 'digits', from: [cp.ARABIC_DECIMAL_SEPARATOR], to: '.', doc: 'The Arabic decimal separator ٫ becomes `.`.' },
  { id: 'arabicThousandsSeparator', group: 'digits', from: [cp.ARABIC_THOUSANDS_SEPARATOR], to: ',', doc: 'The Arabic thousands separator ٬ becomes `,`.' },
  // Latin case
  { id: 'latinCase', group: 'latinCase', from: [{ first: 0x41, last: 0x5a }, { first: 0xc0, last: 0x58f }, { first: 0x1e00, last: 0x1fff }, { first: 0xff21, last: 0xff3a }], to: 'lower', doc: 'Lower-case Latin (and Greek, Cyrillic, Armenian) letters, fullwidth A–Z included: Beirut → beirut.' },
  // Uthmani spelling
  { id: 'wawDaggerAlef', group: 'uthmani', from: [cp.WAW], to: 'ا', context: 'wawDaggerAlef', doc: 'Waw carrying a dagger alef reads as alef: ٱلصَّلَوٰةَ → الصلاه, like الصلاة.' },
  { id: 'yehDaggerAlef', group: 'uthmani', from: [cp.SUPERSCRIPT_ALEF], to: '', context: 'yehDaggerAlef', doc: 'A dagger alef on alef maksura or yeh is dropped: عَلَىٰ → علي.' },
  { id: 'daggerAlef', group: 'uthmani', from: [cp.SUPERSCRIPT_ALEF], to: 'ا', context: 'daggerAlef', doc: 'Any other dagger alef is written out as alef (ٱلْكِتَٰبُ → الكتاب), except in the words whose standard spelling omits it (هذا، ذلك، لكن، الرحمن، إله، الله، أولئك، هؤلاء…), where it is dropped.' },
  { id: 'smallYehAfterTatweel', group: 'uthmani', from: [cp.TATWEEL], to: 'ي', context: 'smallYehOnTatweel', doc: 'A small yeh written on a tatweel is a full yeh: إِبْرَٰهِـۧمَ → ابراهيم; elsewhere small letters are Quranic marks and dropped (بِهِۦ → به).' },
  { id: 'smallWawAfterTatweel', group: 'uthmani', from: [cp.TATWEEL], to: 'و', context: 'smallWawOnTatweel', doc: 'A small waw written on a tatweel is a full waw.' },
  { id: 'hamzaOnTatweel', group: 'uthmani', from: [cp.TATWEEL], to: 'أ/ئ/ؤ', context: 'hamzaOnTatweel', doc: 'A hamza on a tatweel takes the seat its vowel calls for (kasra → ئ, damma → ؤ, else أ), then the other rules apply: يَسْـَٔلُونَ → يسالون.' },
]

/**
 * Words (as letter skeletons: no marks, alef variants folded) whose standard spelling omits the
 * long vowel that Uthmani script writes as a dagger alef; in these the dagger alef is dropped.
 */
export const DAGGER_ALEF_SILENT_WORDS: ReadonlySet<string> = new Set([
  'هذا', 'هذه', 'هذان', 'هذين', 'هكذا', 'ذلك', 'ذلكم', 'ذلكما', 'ذلكن',
  'لكن', 'لكنه', 'لكنها', 'لكنهم', 'لكنكم', 'لكنا', 'لكني', 'لكنك',
  'الرحمن', 'رحمن', 'اله', 'الهه', 'الهها', 'الههم', 'الهكم', 'الهنا', 'الهي', 'الهك', 'الهين', 'الهان',
  'الله', 'لله', 'اللهم', 'اولئك', 'اولئكم', 'هؤلاء', 'طه',
])

/** Proclitics that may precede a word in {@link DAGGER_ALEF_SILENT_WORDS} (longest first). */
export const DAGGER_ALEF_PROCLITICS: readonly string[] = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك', 'ا', '']

/**
 * Word ligatures that Unicode gives no compatibility decomposition: the presentation form rules
 * write them out as these words.
 */
export const WORD_LIGATURES: ReadonlyMap<number, string> = new Map([
  [0xfdfd, 'بسم الله الرحمن الرحيم'], // ﷽ BISMILLAH AR-RAHMAN AR-RAHEEM
  [0xfdfe, 'سبحانه وتعالى'], // ﷾ SUBHAANAHU WA TAAALAA
  [0xfdff, 'عز وجل'], // ﷿ AZZA WA JALL
])

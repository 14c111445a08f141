/**
 * The Arabic script as the stages of fahras share it: named code points (each constant is the
 * UTF-16 code unit of one character) and the predicates built on them. The normalizer, the
 * tokenizer, the OpenSearch generator and the written-form code import them from here, so that
 * "a combining mark" or "an Arabic letter" is spelled once.
 */

// Letters
export const ALEF_MADDA = 0x0622 // آ
export const ALEF_HAMZA_ABOVE = 0x0623 // أ
export const WAW_HAMZA = 0x0624 // ؤ
export const ALEF_HAMZA_BELOW = 0x0625 // إ
export const YEH_HAMZA = 0x0626 // ئ
export const ALEF = 0x0627 // ا
export const TEH_MARBUTA = 0x0629 // ة
export const TATWEEL = 0x0640 // ـ
export const KAF = 0x0643 // ك
export const HEH = 0x0647 // ه
export const WAW = 0x0648 // و
export const ALEF_MAKSURA = 0x0649 // ى
export const YEH = 0x064a // ي
export const ALEF_WASLA = 0x0671 // ٱ
export const ALEF_WAVY_HAMZA_ABOVE = 0x0672 // ٲ
export const ALEF_WAVY_HAMZA_BELOW = 0x0673 // ٳ
export const HIGH_HAMZA_ALEF = 0x0675 // ٵ

// Persian, Urdu and other Arabic-script letters
export const KEHEH = 0x06a9 // ک Persian kaf
export const SWASH_KAF = 0x06aa // ڪ
export const HEH_DOACHASHMEE = 0x06be // ھ
export const HEH_YEH_ABOVE = 0x06c0 // ۀ
export const HEH_GOAL = 0x06c1 // ہ
export const HEH_GOAL_HAMZA = 0x06c2 // ۂ
export const TEH_MARBUTA_GOAL = 0x06c3 // ۃ
export const FARSI_YEH = 0x06cc // ی
export const E_LETTER = 0x06d0 // ې
export const YEH_BARREE = 0x06d2 // ے
export const YEH_BARREE_HAMZA = 0x06d3 // ۓ

// Harakat, tanween and other combining marks
export const FATHATAN = 0x064b
export const DAMMATAN = 0x064c
export const KASRATAN = 0x064d
export const FATHA = 0x064e
export const DAMMA = 0x064f
export const KASRA = 0x0650
export const SHADDA = 0x0651
export const MADDA_ABOVE = 0x0653
export const HAMZA_ABOVE = 0x0654
export const HAMZA_BELOW = 0x0655
/** Last code point of the harakat block U+064B–U+065F. */
export const HARAKAT_LAST = 0x065f
export const SUPERSCRIPT_ALEF = 0x0670 // ٰ (dagger alef)

// Quranic annotation marks
export const QURANIC_SIGNS_FIRST = 0x0610
export const QURANIC_SIGNS_LAST = 0x061a
export const QURANIC_MARKS_FIRST = 0x06d6
export const QURANIC_MARKS_LAST = 0x06ed
export const SMALL_WAW = 0x06e5 // ۥ
export const SMALL_YEH = 0x06e6 // ۦ
export const SMALL_HIGH_YEH = 0x06e7 // ۧ
/** Arabic Extended-A Quranic marks U+08D3–U+08FF (open tanween, small high letters…). */
export const EXTENDED_MARKS_FIRST = 0x08d3
export const EXTENDED_MARKS_LAST = 0x08ff

// Arabic punctuation
export const ARABIC_COMMA = 0x060c // ،
export const ARABIC_SEMICOLON = 0x061b // ؛
export const ARABIC_QUESTION_MARK = 0x061f // ؟

// Digits and number punctuation
export const ARABIC_INDIC_ZERO = 0x0660 // ٠
export const ARABIC_INDIC_NINE = 0x0669 // ٩
export const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0 // ۰
export const EXTENDED_ARABIC_INDIC_NINE = 0x06f9 // ۹
export const ARABIC_DECIMAL_SEPARATOR = 0x066b // ٫
export const ARABIC_THOUSANDS_SEPARATOR = 0x066c // ٬

// Invisible format characters
export const SOFT_HYPHEN = 0x00ad
export const ARABIC_LETTER_MARK = 0x061c // ALM
export const ZWNJ = 0x200c
export const ZWJ = 0x200d
export const LRM = 0x200e
export const RLM = 0x200f
export const BIDI_EMBEDDING_FIRST = 0x202a // LRE
export const BIDI_EMBEDDING_LAST = 0x202e // RLO
export const WORD_JOINER = 0x2060
export const BIDI_ISOLATE_FIRST = 0x2066 // LRI
export const BIDI_ISOLATE_LAST = 0x2069 // PDI
export const BOM = 0xfeff // zero width no-break space

// Presentation forms
export const PRESENTATION_A_FIRST = 0xfb50
export const PRESENTATION_A_LAST = 0xfdff
export const PRESENTATION_B_FIRST = 0xfe70
export const PRESENTATION_B_LAST = 0xfefe

// ---------------------------------------------------------------------------------------------
// Predicates

/**
 * The blocks of the Arabic script (Arabic, Arabic Supplement, Arabic Extended-A, Presentation
 * Forms-A and -B), as inclusive ranges: the tokenizer's Arabic letters are the letters in them.
 *
 * @example
 * ```ts
 * ARABIC_SCRIPT_RANGES[0] // → [0x0600, 0x06ff]
 * ```
 */
export const ARABIC_SCRIPT_RANGES: readonly (readonly [number, number])[] = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [PRESENTATION_A_FIRST, PRESENTATION_A_LAST],
  [PRESENTATION_B_FIRST, PRESENTATION_B_LAST],
]

/**
 * Is `c` in one of the {@link ARABIC_SCRIPT_RANGES}?
 *
 * @example
 * ```ts
 * isArabicScript(0x0628) // → true (ب)
 * isArabicScript(0x41)   // → false
 * ```
 */
export function isArabicScript(c: number): boolean {
  return ARABIC_SCRIPT_RANGES.some(([first, last]) => c >= first && c <= last)
}

/**
 * Is `c` a Quranic sign or annotation mark (U+0610–U+061A, U+06D6–U+06ED)? Some are not \p{M} in
 * Unicode (۝ ۞), yet they stay inside the word they are written on.
 *
 * @example
 * ```ts
 * isQuranicMark(0x06da) // → true (ۚ)
 * ```
 */
export function isQuranicMark(c: number): boolean {
  return (c >= QURANIC_SIGNS_FIRST && c <= QURANIC_SIGNS_LAST) || (c >= QURANIC_MARKS_FIRST && c <= QURANIC_MARKS_LAST)
}

/**
 * Is `c` an Arabic combining mark: harakat U+064B–U+065F, the dagger alef U+0670, the Quranic
 * signs and marks, the Arabic Extended-A marks U+08D3–U+08FF?
 *
 * @example
 * ```ts
 * isCombiningArabicMark(FATHA)  // → true
 * isCombiningArabicMark(ALEF)   // → false
 * ```
 */
export function isCombiningArabicMark(c: number): boolean {
  return (
    isHarakah(c) ||
    c === SUPERSCRIPT_ALEF ||
    isQuranicMark(c) ||
    (c >= EXTENDED_MARKS_FIRST && c <= EXTENDED_MARKS_LAST)
  )
}

/**
 * Is `c` one of the harakat U+064B–U+065F (tanween, short vowels, shadda, sukun, combining madda
 * and hamza…)?
 *
 * @example
 * ```ts
 * isHarakah(SHADDA) // → true
 * isHarakah(SUPERSCRIPT_ALEF) // → false
 * ```
 */
export function isHarakah(c: number): boolean {
  return c >= FATHATAN && c <= HARAKAT_LAST
}

/**
 * Is `c` an invisible format character that never splits a word: tatweel, ZWNJ, ZWJ, LRM, RLM,
 * ALM, soft hyphen, BOM, word joiner, bidi embeddings and isolates?
 *
 * @example
 * ```ts
 * isWordJoiner(ZWNJ) // → true
 * isWordJoiner(0x20) // → false
 * ```
 */
export function isWordJoiner(c: number): boolean {
  return (
    c === TATWEEL ||
    c === ZWNJ ||
    c === ZWJ ||
    c === LRM ||
    c === RLM ||
    c === ARABIC_LETTER_MARK ||
    c === SOFT_HYPHEN ||
    c === BOM ||
    c === WORD_JOINER ||
    (c >= BIDI_EMBEDDING_FIRST && c <= BIDI_EMBEDDING_LAST) ||
    (c >= BIDI_ISOLATE_FIRST && c <= BIDI_ISOLATE_LAST)
  )
}

/**
 * Is `c` a letter of a word skeleton in the Arabic block (tatweel included, digits and marks
 * excluded)?
 *
 * @example
 * ```ts
 * isArabicLetter(0x0628) // → true (ب)
 * isArabicLetter(FATHA)  // → false
 * ```
 */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3 && c !== SUPERSCRIPT_ALEF) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ff && !(c >= EXTENDED_ARABIC_INDIC_ZERO && c <= EXTENDED_ARABIC_INDIC_NINE))
  )
}

/**
 * The skeleton form of a letter, as the dagger alef word list is written: آ أ إ ٱ → ا, ى ی → ي,
 * ة → ه; any other code unit is returned as it is.
 *
 * @example
 * ```ts
 * foldSkeletonLetter(ALEF_WASLA) === ALEF // → true
 * ```
 */
export function foldSkeletonLetter(c: number): number {
  if (c === ALEF_MADDA || c === ALEF_HAMZA_ABOVE || c === ALEF_HAMZA_BELOW || c === ALEF_WASLA) return ALEF
  if (c === ALEF_MAKSURA || c === FARSI_YEH) return YEH
  if (c === TEH_MARBUTA) return HEH
  return c
}

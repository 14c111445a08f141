/**
 * Named code points used by the normalizer, the tokenizer and the stemmer.
 * Each constant is the UTF-16 code unit of one character.
 */

// Letters
export const HAMZA = 0x0621 // ء
export const ALEF_MADDA = 0x0622 // آ
export const ALEF_HAMZA_ABOVE = 0x0623 // أ
export const WAW_HAMZA = 0x0624 // ؤ
export const ALEF_HAMZA_BELOW = 0x0625 // إ
export const YEH_HAMZA = 0x0626 // ئ
export const ALEF = 0x0627 // ا
export const TEH_MARBUTA = 0x0629 // ة
export const TEH = 0x062a // ت
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
export const SUKUN = 0x0652
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

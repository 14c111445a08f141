/**
 * The affix tables of the light stemmer, one entry a rule, each with its length guard: the
 * number of letters that must remain after the affix is removed. `docs/stemming.md` documents
 * every entry with examples, and each has a test.
 */
export interface AffixRule {
  readonly affix: string
  /** Letters that must remain after removal. */
  readonly minRemaining: number
}

/**
 * The definite article and its clusters with a proclitic, longest first. Only one is removed.
 * A word that keeps a stem of fewer than two letters is left alone (الف stays الف).
 */
export const ARTICLE_PREFIXES: readonly AffixRule[] = [
  { affix: 'وبال', minRemaining: 2 }, // wa + bi + al: وبالتالي → تالي (then ي: تال)
  { affix: 'وكال', minRemaining: 2 }, // wa + ka + al: وكالعاده → عاده (then ه: عاد)
  { affix: 'فبال', minRemaining: 2 }, // fa + bi + al: فبالتاكيد → تاكيد
  { affix: 'ولل', minRemaining: 2 }, // wa + li + al: وللمره → مره
  { affix: 'فلل', minRemaining: 2 }, // fa + li + al: فللمجلس → مجلس
  { affix: 'وال', minRemaining: 2 }, // wa + al: والكتاب → كتاب
  { affix: 'فال', minRemaining: 2 }, // fa + al: فالعراق → عراق
  { affix: 'بال', minRemaining: 2 }, // bi + al: بالمدرسه → مدرس
  { affix: 'كال', minRemaining: 2 }, // ka + al: كالبحر → بحر
  { affix: 'لل', minRemaining: 2 }, // li + al (its alef dropped): للتعاون → تعاون
  { affix: 'ال', minRemaining: 2 }, // the article al: الكتاب → كتاب
]

/**
 * Single proclitics, removed only from a word that did not lose an article, whose remainder
 * keeps three letters, and that is not in {@link ROOT_INITIAL_WORDS} (words whose first letter
 * belongs to the word: وزاره, كتاب, بلد…). At most one of و/ف, then at most one of ب/ك/ل.
 */
export const CONJUNCTION_PREFIXES: readonly AffixRule[] = [
  { affix: 'و', minRemaining: 3 }, // wa (and): وقال → قال; never وزاره, وليد
  { affix: 'ف', minRemaining: 3 }, // fa (so, then): فقال → قال; never فلسطين
]

export const PREPOSITION_PREFIXES: readonly AffixRule[] = [
  { affix: 'ب', minRemaining: 3 }, // bi (with, by): بحمايه → حمايه (then ه: حماي); never بلاد
  { affix: 'ل', minRemaining: 3 }, // li (for, to): لتدريب → تدريب; never لجنه
  { affix: 'ك', minRemaining: 3 }, // ka (like): كمصدر → مصدر; never كتاب
]

/**
 * The future prefix sa- before an imperfect verb prefix (ي ت ن ا): only the س is removed, and
 * only from a word that lost no article, keeps four letters, and is not in ROOT_INITIAL_WORDS
 * (سياسه, سياره, سنوات stay whole).
 */
/** sa (will): سيكتبون → يكتبون → يكتب */
export const FUTURE_PREFIX: AffixRule = { affix: 'س', minRemaining: 4 }
export const IMPERFECT_PREFIX_LETTERS = 'يتنا'

/** Attached pronouns, longest first; at most one is removed. */
export const PRONOUN_SUFFIXES: readonly AffixRule[] = [
  { affix: 'هما', minRemaining: 3 }, // their (two): كتابهما → كتاب
  { affix: 'كما', minRemaining: 3 }, // your (two): كتابكما → كتاب
  { affix: 'هم', minRemaining: 3 }, // their: كتابهم → كتاب
  { affix: 'هن', minRemaining: 3 }, // their (fem.): كتابهن → كتاب
  { affix: 'ها', minRemaining: 3 }, // her, its: كتابها → كتاب
  { affix: 'كم', minRemaining: 3 }, // your (pl.): كتابكم → كتاب
  { affix: 'كن', minRemaining: 3 }, // your (fem. pl.): كتابكن → كتاب
  { affix: 'نا', minRemaining: 3 }, // our: بلدنا → بلد
  { affix: 'ه', minRemaining: 3 }, // his, its: كتابه → كتاب; سيادته → سياده (then ه: سياد)
]

/**
 * After a pronoun is removed, a final ت that is a taa marbuta in construct is written back as ه
 * (the normalized ة), when four letters remain: حكومتها → حكومت → حكومه.
 */
/** حكومتها → حكومه, like حكومة */
export const CONSTRUCT_TAA = { from: 'ت', to: 'ه', minLength: 4 }

/**
 * The alef of the accusative tanween (كتاباً, شمالاً, رسمياً) and the plural verb ending وا
 * (قالوا), after the pronouns and before the nisba endings: at most one is removed, with three
 * letters left, and never after a pronoun was removed. Country names meet their adjectives this
 * way: فرنسا → فرنس, like الفرنسي.
 */
export const TANWEEN_SUFFIXES: readonly AffixRule[] = [
  { affix: 'وا', minRemaining: 3 }, // plural past verb: قالوا → قال, حكموا → حكم
  { affix: 'ا', minRemaining: 3 }, // tanween alef: كتابا → كتاب, رسميا → رسمي → رسم, فرنسا → فرنس
]

/** Endings that keep their alef: pronouns left on a short word (ربنا, منها, جلها). */
export const TANWEEN_BLOCKING_ENDINGS: readonly string[] = ['نا', 'ها']

/**
 * Nisba endings (with their plurals) and the feminine ending, longest first; at most one is
 * removed. A nisba ending (one that starts with ي) stays after an alef, where the ي belongs to
 * the word: ولايه → ولاي, نهايات → نهاي (see NISBA_AFTER_ALEF).
 */
export const ADJECTIVE_SUFFIXES: readonly AffixRule[] = [
  { affix: 'يين', minRemaining: 3 }, // nisba plural (oblique): العراقيين → عراق
  { affix: 'يون', minRemaining: 3 }, // nisba plural: الفلسطينيون → فلسطين
  { affix: 'يات', minRemaining: 3 }, // nisba feminine plural: الاقتصاديات → اقتصاد
  { affix: 'يه', minRemaining: 3 }, // nisba feminine -iyya: العراقيه → عراق
  { affix: 'ه', minRemaining: 3 }, // taa marbuta: مدرسه → مدرس
  { affix: 'ي', minRemaining: 3 }, // nisba -i or my: عراقي → عراق, كتابي → كتاب
]

/**
 * Endings looked past (not removed) when a word is looked up in the root-initial list: the
 * possessive ي and ك, the verb endings وا and ا, the dual, the plurals and ه.
 */
export const LOOKUP_ENDINGS: readonly string[] = ['وا', 'ان', 'ين', 'ون', 'ات', 'ا', 'ي', 'ك', 'ه']

/** The letter before which a nisba ending (يين يون يات يه ي) is not removed. */
export const NISBA_AFTER_ALEF = 'ا'

/** Plural and dual endings, longest first; at most one is removed. */
export const PLURAL_SUFFIXES: readonly AffixRule[] = [
  { affix: 'ات', minRemaining: 3 }, // feminine plural: سيارات → سيار
  { affix: 'ون', minRemaining: 4 }, // masculine plural: موظفون → موظف; تعاون and قانون keep three letters and stay
  { affix: 'ين', minRemaining: 3 }, // masculine plural or dual (oblique): مهندسين → مهندس, البلدين → بلد
  { affix: 'ان', minRemaining: 4 }, // dual: برلمان → برلم, but ايران and لبنان keep three letters and stay
]

/**
 * A word entering the suffix rules with one of these endings lost a plural, not a dual, ending:
 * the ت left before it stays (موظفات → موظف… no ت rule; مدرستان → مدرس).
 */
export const NOT_DUAL_ENDINGS: readonly string[] = ['ون', 'ات']

/**
 * Words that are never stemmed, because the rules above would damage them: الله and its clitic
 * forms (kept as الله, not له), and names whose first letters look like the article or whose
 * ending looks like a suffix. Each maps to the stem it gets: البانيا and المانيا get the stem
 * of their adjectives (الالباني → البان), not one without the أل of the name.
 */
export const PROTECTED_WORDS: ReadonlyMap<string, string> = new Map([
  ['الله', 'الله'],
  ['لله', 'الله'],
  ['والله', 'الله'],
  ['فالله', 'الله'],
  ['بالله', 'الله'],
  ['تالله', 'الله'],
  ['اللهم', 'الله'],
  ['ولله', 'الله'],
  ['فلله', 'الله'],
  ['فلسطين', 'فلسطين'],
  ['ايران', 'ايران'],
  ['البانيا', 'البان'],
  ['المانيا', 'المان'],
  ['الاسكا', 'الاسك'],
])

/**
 * Words whose first letters belong to the word although they look like a proclitic or the
 * article, added by hand to the generated list (see `root-initial.ts`).
 */
export const ROOT_INITIAL_EXTRA: readonly string[] = [
  'وزاره',
  'وزارات',
  'وزير',
  'وزراء',
  'وليد',
  'الوان',
  'الف',
  'الاف',
  'الفين',
  'الغاء',
  'الزام',
  'التزام',
  'الكتروني',
  'الكترونيه',
  'الكترون',
  'العاب',
  'القاب',
  'الواح',
  'المانيا',
  'البانيا',
  'سياسه',
  'سياسات',
  'سياره',
  'سيارات',
  'سنوات',
  'سيطره',
  'سياده',
  'كتاب',
  'لجنه',
  'بلاد',
  'بلد',
  'فريق',
  'فيلم',
  'وطن',
  'وقت',
  'وفد',
  'واقع',
  'والد',
  'والده',
  'ولايه',
  'ولايات',
]

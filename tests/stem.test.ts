import { describe, expect, it } from 'vitest'
import {
  ADJECTIVE_SUFFIXES,
  ARTICLE_PREFIXES,
  CONJUNCTION_PREFIXES,
  PLURAL_SUFFIXES,
  PREPOSITION_PREFIXES,
  PRONOUN_SUFFIXES,
  TANWEEN_SUFFIXES,
  lightStem,
  stem,
} from '../src/stem/index.js'

/** One case per affix rule: [word, stem]. */
const AFFIX_CASES: Record<string, [string, string]> = {
  'article:وبال': ['وبالتالي', 'تال'],
  'article:وكال': ['وكالعاده', 'عاد'],
  'article:فبال': ['فبالتاكيد', 'تاكيد'],
  'article:ولل': ['وللمره', 'مره'],
  'article:فلل': ['فللمجلس', 'مجلس'],
  'article:وال': ['والكتاب', 'كتاب'],
  'article:فال': ['فالعراق', 'عراق'],
  'article:بال': ['بالمدرسه', 'مدرس'],
  'article:كال': ['كالبحر', 'بحر'],
  'article:لل': ['للتعاون', 'تعاون'],
  'article:ال': ['الكتاب', 'كتاب'],
  'conjunction:و': ['وقال', 'قال'],
  'conjunction:ف': ['فقال', 'قال'],
  'preposition:ب': ['بحمايه', 'حماي'],
  'preposition:ل': ['لتدريب', 'تدريب'],
  'preposition:ك': ['كمصدر', 'مصدر'],
  'pronoun:هما': ['كتابهما', 'كتاب'],
  'pronoun:كما': ['كتابكما', 'كتاب'],
  'pronoun:هم': ['كتابهم', 'كتاب'],
  'pronoun:هن': ['كتابهن', 'كتاب'],
  'pronoun:ها': ['كتابها', 'كتاب'],
  'pronoun:كم': ['كتابكم', 'كتاب'],
  'pronoun:كن': ['كتابكن', 'كتاب'],
  'pronoun:نا': ['بلدنا', 'بلد'],
  'pronoun:ه': ['كتابه', 'كتاب'],
  'tanween:وا': ['قالوا', 'قال'],
  'tanween:ا': ['رسميا', 'رسم'],
  'adjective:يين': ['عراقيين', 'عراق'],
  'adjective:يون': ['فلسطينيون', 'فلسطين'],
  'adjective:يات': ['اقتصاديات', 'اقتصاد'],
  'adjective:يه': ['عراقيه', 'عراق'],
  'adjective:ه': ['مدرسه', 'مدرس'],
  'adjective:ي': ['عراقي', 'عراق'],
  'plural:ات': ['سيارات', 'سيار'],
  'plural:ون': ['موظفون', 'موظف'],
  'plural:ين': ['مهندسين', 'مهندس'],
  'plural:ان': ['مهندسان', 'مهندس'],
}

describe('stem: one test per affix rule', () => {
  const tables: Array<[string, readonly { affix: string }[]]> = [
    ['article', ARTICLE_PREFIXES],
    ['conjunction', CONJUNCTION_PREFIXES],
    ['preposition', PREPOSITION_PREFIXES],
    ['pronoun', PRONOUN_SUFFIXES],
    ['tanween', TANWEEN_SUFFIXES],
    ['adjective', ADJECTIVE_SUFFIXES],
    ['plural', PLURAL_SUFFIXES],
  ]
  it('every affix rule has a case here', () => {
    const keys = tables.flatMap(([name, rules]) => rules.map((r) => `${name}:${r.affix}`)).sort()
    expect(Object.keys(AFFIX_CASES).sort()).toEqual(keys)
  })
  for (const [key, [word, expected]] of Object.entries(AFFIX_CASES)) {
    it(`${key}: ${word} → ${expected}`, () => expect(lightStem(word)).toBe(expected))
  }
  it('future sa- before an imperfect prefix: سيكتبون → يكتب, وسيكتبونها → يكتب', () => {
    expect(lightStem('سيكتبون')).toBe('يكتب')
    expect(stem('وسيكتبونها')).toBe('يكتب')
    expect(stem('ستعقد')).toBe('تعقد')
  })
  it('a nisba ending stays after an alef: ولايه → ولاي, like ولايات', () => {
    expect(stem('ولاية')).toBe('ولاي')
    expect(stem('الولايات')).toBe('ولاي')
  })
  it('no tanween alef is removed after a pronoun, nor from a final نا or ها', () => {
    expect(stem('احيانا')).toBe('احيا')
    expect(stem('منها')).toBe('منها')
  })
  it('looks past one ending to find a root-initial word: كتابي, كتبوا, كاتبان keep their ك', () => {
    expect(stem('كتابي')).toBe('كتاب')
    expect(stem('كتبوا')).toBe('كتب')
    expect(stem('كاتبان')).toBe('كاتب')
    expect(stem('بلادي')).toBe('بلاد')
  })
  it('a feminine dual loses its ت with the dual ending: مدرستان → مدرس, like مدرسة', () => {
    expect(stem('مدرستان')).toBe(stem('مدرسة'))
    expect(stem('المعلمتين')).toBe(stem('المعلمة'))
    expect(stem('سيارتين')).toBe(stem('سيارة'))
  })
  it('a construct taa marbuta comes back before a pronoun: حكومتها → حكوم, like حكومة', () => {
    expect(stem('حكومتها')).toBe(stem('حكومة'))
    expect(stem('سيادته')).toBe(stem('سيادة'))
  })
})

describe('stem: known over-stripping must not happen', () => {
  const cases: Array<[string, string]> = [
    ['الله', 'الله'],
    ['لله', 'الله'],
    ['والله', 'الله'],
    ['بالله', 'الله'],
    ['وزارة', 'وزار'],
    ['الوزارة', 'وزار'],
    ['وزارات', 'وزار'],
    ['وليد', 'وليد'],
    ['فلسطين', 'فلسطين'],
    ['الفلسطينيين', 'فلسطين'],
    ['إيران', 'ايران'],
    ['ألوان', 'الوان'],
    ['الألوان', 'الوان'],
    ['البانيا', 'البان'],
    ['ألمانيا', 'المان'],
    ['الألماني', 'المان'],
    ['كتاب', 'كتاب'],
    ['بلاد', 'بلاد'],
    ['لبنان', 'لبنان'],
    ['سياسات', 'سياس'],
    ['سيارة', 'سيار'],
    ['سنوات', 'سنو'],
    ['التزام', 'التزام'],
    ['التعاون', 'تعاون'],
    ['قانون', 'قانون'],
    ['بغداد', 'بغداد'],
    ['بريطانيا', 'بريط'],
    ['البريطانية', 'بريط'],
    ['فرنسا', 'فرنس'],
    ['الفرنسي', 'فرنس'],
    ['كتاباً', 'كتاب'],
    ['قالوا', 'قال'],
    ['ربنا', 'ربنا'],
    ['بيتنا', 'بيت'],
    ['الالتزام', 'التزام'],
    ['إلغاء', 'الغاء'],
    ['وزير', 'وزير'],
    ['ولد', 'ولد'],
  ]
  for (const [word, expected] of cases) it(`${word} → ${expected}`, () => expect(stem(word)).toBe(expected))
})

describe('stem: length guards', () => {
  it('leaves words under three letters alone', () => {
    for (const w of ['في', 'من', 'ال', 'و', '']) expect(lightStem(w)).toBe(w)
  })
  it('keeps at least two letters after the article (الف stays whole)', () => {
    expect(lightStem('الم')).toBe('الم')
    expect(lightStem('اليد')).toBe('يد')
  })
  it('keeps three letters after a single proclitic (وقت, فهم, بيت stay whole)', () => {
    for (const w of ['وقت', 'فهم', 'بيت', 'لون', 'كلب']) expect(lightStem(w)).toBe(w)
  })
})

describe('stem: options and input', () => {
  it('normalizes before stemming', () => {
    expect(stem('وَالْكِتَابُ')).toBe('كتاب')
    expect(stem('بالمدرسة')).toBe('مدرس')
  })
  it('the keep option stops stemming, in any spelling', () => {
    expect(stem('الكتاب', { keep: ['الكتاب'] })).toBe('الكتاب')
    expect(stem('الْكِتَابُ', { keep: ['الكتاب'] })).toBe('الكتاب')
    expect(stem('الكتاب', { keep: new Set(['الكتاب']) })).toBe('الكتاب')
    expect(stem('المدرسة', { keep: ['مدرسة'] })).toBe('مدرسه')
  })
  it('leaves Latin words and numbers as normalized', () => {
    expect(stem('Beirut')).toBe('beirut')
    expect(stem('٢٠٢٣')).toBe('2023')
  })
  it('never returns an empty string for a word with letters', () => {
    for (const w of ['ال', 'وال', 'بال', 'لل', 'ها', 'ات', 'ون', 'وها', 'الات', 'والها'])
      expect(stem(w).length).toBeGreaterThan(0)
  })
})

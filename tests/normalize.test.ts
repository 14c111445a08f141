import { describe, expect, it } from 'vitest'
import { DEFAULT_NORMALIZE_OPTIONS, NORMALIZATION_RULES, normalize, normalizeText } from '../src/normalize/index.js'

const n = (s: string, options?: Parameters<typeof normalizeText>[1]) => normalizeText(s, options)

/** One case (or more) per rule id of NORMALIZATION_RULES: [input, expected, option that disables it]. */
const RULE_CASES: Record<string, Array<[string, string]>> = {
  harakat: [
    ['كَتَبَ', 'كتب'],
    ['كِتَابٌ', 'كتاب'],
    ['مُدَرِّسٌ', 'مدرس'],
    ['سُكُوْن', 'سكون'],
  ],
  superscriptAlef: [['هٰذا', 'هذا']],
  tatweel: [
    ['كتـــاب', 'كتاب'],
    ['ـكتاب', 'كتاب'],
  ],
  quranicSigns: [
    ['محمد\u0610', 'محمد'],
    ['ربك\u0615', 'ربك'],
  ],
  quranicMarks: [
    ['الْكِتَابُ\u06d6', 'الكتاب'],
    ['عَلِيمٌ\u06da', 'عليم'],
    ['قَالُوا۟', 'قالوا'],
    ['مِنۢ', 'من'],
  ],
  extendedQuranicMarks: [['كتاب\u08f0', 'كتاب']],
  invisible: [
    ['كتا\u00adب', 'كتاب'],
    ['می\u200cخواهم', 'ميخواهم'],
    ['\u200fكتاب\u200e', 'كتاب'],
    ['\ufeffكتاب', 'كتاب'],
    ['ك\u200dتاب', 'كتاب'],
    ['\u061cكتاب', 'كتاب'],
    ['ك\u2060ت', 'كت'],
  ],
  bidiEmbeddings: [['\u202bكتاب\u202c', 'كتاب']],
  bidiIsolates: [['\u2067كتاب\u2069', 'كتاب']],
  alefVariants: [
    ['أحمد', 'احمد'],
    ['إسلام', 'اسلام'],
    ['آمن', 'امن'],
    ['ٱلله', 'الله'],
    ['ٲ', 'ا'],
    ['ٳ', 'ا'],
    ['ٵ', 'ا'],
  ],
  alefCombiningHamza: [
    ['ا\u0654حمد', 'احمد'],
    ['ا\u0655سلام', 'اسلام'],
    ['ا\u0653من', 'امن'],
  ],
  alefMaksura: [
    ['على', 'علي'],
    ['مستشفى', 'مستشفي'],
  ],
  taaMarbuta: [
    ['مدرسة', 'مدرسه'],
    ['الشراكة', 'الشراكه'],
  ],
  wawHamza: [
    ['مسؤول', 'مسوول'],
    ['مسو\u0654ول', 'مسوول'],
  ],
  yehHamza: [
    ['مسئول', 'مسيول'],
    ['رئيس', 'رييس'],
    ['ري\u0654يس', 'رييس'],
  ],
  persianKaf: [
    ['کتاب', 'كتاب'],
    ['ڪتاب', 'كتاب'],
  ],
  persianYeh: [
    ['فارسی', 'فارسي'],
    ['ې', 'ي'],
    ['ے', 'ي'],
    ['ۓ', 'ي'],
  ],
  persianHeh: [
    ['ھذا', 'هذا'],
    ['ۀ', 'ه'],
    ['ہ', 'ه'],
    ['ۂ', 'ه'],
    ['ۃ', 'ه'],
  ],
  presentationFormsA: [
    ['ﷲ', 'الله'],
    ['ﷺ', 'صلي الله عليه وسلم'],
    ['ﭖ', 'پ'],
    ['﷽', 'بسم الله الرحمن الرحيم'],
  ],
  presentationFormsB: [
    ['ﻻ', 'لا'],
    ['ﻷ', 'لا'],
    ['ﺍﻟﻜﺘﺎﺏ', 'الكتاب'],
    ['ﻣﺪﺭﺳﺔ', 'مدرسه'],
    ['كﹰ', 'ك'],
  ],
  arabicIndicDigits: [
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['عام ٢٠٢٣', 'عام 2023'],
  ],
  extendedArabicIndicDigits: [['۰۱۲۳۴۵۶۷۸۹', '0123456789']],
  arabicDecimalSeparator: [['٣٫٥', '3.5']],
  arabicThousandsSeparator: [['٢٬٥٠٠', '2,500']],
  latinCase: [
    ['Beirut', 'beirut'],
    ['ÉCOLE', 'école'],
    ['ΑΘΗΝΑ', 'αθηνα'],
    ['ＡＢ', 'ａｂ'],
  ],
  wawDaggerAlef: [
    ['ٱلصَّلَوٰةَ', 'الصلاه'],
    ['ٱلزَّكَوٰةَ', 'الزكاه'],
    ['ٱلْحَيَوٰةِ', 'الحياه'],
  ],
  yehDaggerAlef: [
    ['عَلَىٰ', 'علي'],
    ['مُوسَىٰ', 'موسي'],
  ],
  daggerAlef: [
    ['ٱلْكِتَٰبُ', 'الكتاب'],
    ['ٱلرَّحْمَٰنِ', 'الرحمن'],
    ['هَٰذَا', 'هذا'],
    ['ذَٰلِكَ', 'ذلك'],
    ['وَلَٰكِنَّ', 'ولكن'],
    ['ٱلْعَٰلَمِينَ', 'العالمين'],
    ['ٱلسَّمَٰوَٰتِ', 'السماوات'],
    ['إِلَٰهٌ', 'اله'],
    ['أُو۟لَٰٓئِكَ', 'اوليك'],
  ],
  smallYehAfterTatweel: [
    ['إِبْرَٰهِـۧمَ', 'ابراهيم'],
    ['ٱلنَّبِيِّـۧنَ', 'النبيين'],
    ['بِهِۦ', 'به'],
  ],
  smallWawAfterTatweel: [
    ['ك\u0640\u06e5ن', 'كون'],
    ['لَهُۥ', 'له'],
  ],
  hamzaOnTatweel: [
    ['ـٔ ٍ', 'ا '],
    ['يَسْـَٔلُونَ', 'يسالون'],
    ['ٱلْأَفْـِٔدَةَ', 'الافيده'],
    ['شُـُٔون', 'شوون'],
  ],
}

describe('normalize: one test per rule', () => {
  it('every rule of NORMALIZATION_RULES has cases here', () => {
    const ids = NORMALIZATION_RULES.map((r) => r.id).sort()
    expect(Object.keys(RULE_CASES).sort()).toEqual(ids)
  })
  for (const rule of NORMALIZATION_RULES) {
    it(`${rule.id} (${rule.group})`, () => {
      for (const [input, expected] of RULE_CASES[rule.id] ?? []) expect(n(input)).toBe(expected)
    })
  }
})

describe('normalize: each rule group can be switched off', () => {
  it('DEFAULT_NORMALIZE_OPTIONS has every group of the table on, in this order (saved settings keep it), frozen', () => {
    expect(Object.entries(DEFAULT_NORMALIZE_OPTIONS)).toEqual(
      [
        'diacritics',
        'tatweel',
        'quranicMarks',
        'invisible',
        'alef',
        'alefMaksura',
        'taaMarbuta',
        'hamzaCarriers',
        'persian',
        'presentationForms',
        'digits',
        'latinCase',
        'uthmani',
      ].map((group) => [group, true]),
    )
    expect(Object.isFrozen(DEFAULT_NORMALIZE_OPTIONS)).toBe(true)
  })

  const off: Array<[keyof NonNullable<Parameters<typeof normalizeText>[1]>, string, string]> = [
    ['diacritics', 'كَتَبَ', 'كَتَبَ'],
    ['tatweel', 'كتـاب', 'كتـاب'],
    ['quranicMarks', 'عليم\u06da', 'عليم\u06da'],
    ['invisible', 'ك\u200cت', 'ك\u200cت'],
    ['alef', 'أحمد', 'أحمد'],
    ['alefMaksura', 'على', 'على'],
    ['taaMarbuta', 'مدرسة', 'مدرسة'],
    ['hamzaCarriers', 'مسؤول رئيس', 'مسؤول رئيس'],
    ['persian', 'کتاب', 'کتاب'],
    ['presentationForms', 'ﻻ', 'ﻻ'],
    ['digits', '٢٠٢٣', '٢٠٢٣'],
    ['latinCase', 'Beirut', 'Beirut'],
    ['uthmani', 'ٱلْكِتَٰبُ', 'الكتب'],
  ]
  for (const [option, input, expected] of off) {
    it(`${option}: false keeps ${JSON.stringify(input)}`, () => {
      expect(n(input, { [option]: false })).toBe(expected)
    })
  }
  it('hamza carriers off still composes a combining hamza on yeh and waw', () => {
    expect(n('ري\u0654يس مسو\u0654ول', { hamzaCarriers: false })).toBe('رئيس مسؤول')
  })
})

describe('normalize: Uthmani and plain spellings meet', () => {
  const pairs: Array<[string, string]> = [
    ['ٱلرَّحْمَٰنِ', 'الرحمن'],
    ['ٱلْكِتَٰبُ', 'الكتاب'],
    ['ٱلصَّلَوٰةَ', 'الصلاة'],
    ['ٱلزَّكَوٰةَ', 'الزكاة'],
    ['بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ', 'بسم الله الرحمن الرحيم'],
    ['ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ', 'الحمد لله رب العالمين'],
    ['مَٰلِكِ يَوْمِ ٱلدِّينِ', 'مالك يوم الدين'],
    ['ٱهْدِنَا ٱلصِّرَٰطَ ٱلْمُسْتَقِيمَ', 'اهدنا الصراط المستقيم'],
    ['ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ', 'ذلك الكتاب لا ريب فيه هدى للمتقين'],
  ]
  for (const [uthmani, plain] of pairs) {
    it(`${uthmani} = ${plain}`, () => expect(n(uthmani).split(/\s+/)).toEqual(n(plain).split(/\s+/)))
  }
})

describe('normalize: cases that must not change', () => {
  for (const s of ['', 'كتاب', 'hello world', '2023', 'مرحبا، يا عالم!', '😀', '\ud800', 'ء', 'پ چ ژ گ']) {
    it(JSON.stringify(s), () => expect(n(s)).toBe(s))
  }
})

describe('normalize: the offset map', () => {
  it('maps a word of the normalized text back to the word as written', () => {
    const original = 'قرأتُ الْكِتَابَ'
    const result = normalize(original)
    expect(result.text).toBe('قرات الكتاب')
    const [s, e] = result.toOriginalRange(5, 11)
    expect(original.slice(s, e)).toBe('الْكِتَابَ')
  })
  it('includes removed trailing marks in the end of a range', () => {
    const result = normalize('كتابٌ جديدٌ')
    const [s, e] = result.toOriginalRange(0, 4)
    expect([s, e]).toEqual([0, 5])
  })
  it('maps an expansion (ﷺ) to the one character it came from', () => {
    const result = normalize('النبي ﷺ قال')
    const start = result.text.indexOf('الله')
    expect(result.toOriginalRange(start, start + 4)).toEqual([6, 7])
    expect(result.toOriginal(result.text.length)).toBe(11)
  })
  it('maps a two-unit composition (waw + dagger alef) as one', () => {
    const original = 'ٱلصَّلَوٰةَ'
    const result = normalize(original)
    expect(result.toOriginalRange(0, result.text.length)).toEqual([0, original.length])
  })
  it('clamps offsets out of range and NaN', () => {
    const result = normalize('كِتاب')
    expect(result.toOriginal(-5)).toBe(0)
    expect(result.toOriginal(Number.NaN)).toBe(0)
    expect(result.toOriginal(99)).toBe(5)
    expect(result.toOriginalRange(3, 1)).toEqual([4, 4])
  })
  it('keeps the original text', () => {
    expect(normalize('أَهْلاً').original).toBe('أَهْلاً')
  })
})

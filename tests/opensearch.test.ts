import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAnalyzer } from '../src/analyze/analyze.js'
import { indexSettings, MAX_TERM_LENGTH } from '../src/opensearch/index.js'
import { applySteps, stemSteps } from './stem-filters-js.js'
import {
  APOSTROPHE,
  ARABIC_SCRIPT_RANGES,
  codePointClass,
  DIGIT,
  JOINER,
  MARK,
  NUMBER_PUNCT,
  OTHER_LETTER,
  SEPARATOR,
  tokenize,
} from '../src/tokenize/tokenize.js'

// Unit tests of the generator. The real check runs the settings in Lucene: tests/parity.test.ts.

const ALLOWED = {
  char_filter: new Set(['mapping', 'pattern_replace']),
  tokenizer: new Set(['pattern']),
  filter: new Set(['stop', 'pattern_replace', 'length', 'lowercase']),
}

const defaults = indexSettings()
const analysis = defaults.settings.analysis

/** The engines' reading of a mapping rule: the last `=>` splits, both sides trimmed, escapes decoded. */
function parseRule(rule: string): [string, string] {
  const m = /^(.*)\s*=>\s*(.*)\s*$/.exec(rule)
  if (!m) throw new Error(`not a rule: ${rule}`)
  const decode = (side: string) =>
    side
      .trim()
      .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
        e.length === 5
          ? String.fromCharCode(parseInt(e.slice(1), 16))
          : (({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
      )
  return [decode(m[1]!), decode(m[2]!)]
}

const mapping = new Map(
  Object.values(analysis.char_filter)
    .filter((c) => c.type === 'mapping')
    .flatMap((c) => (c.mappings as string[]).map(parseRule)),
)

/**
 * A Java pattern as JavaScript reads it: \x{…} as \u{…}, and possessive loops (*+ ++) as greedy
 * ones, which match the same here (nothing after a possessive loop could take back from it).
 */
const toJavaScript = (pattern: string) => pattern.replace(/\\x\{([0-9A-F]+)\}/g, '\\u{$1}').replace(/([*+])\+/g, '$1')

describe('indexSettings(): the shape of the settings', () => {
  it('builds the analyzer only from components both engines ship, each defined once', () => {
    const analyzer = analysis.analyzer.fahras_arabic!
    expect(analyzer.type).toBe('custom')
    for (const name of analyzer.char_filter) expect(ALLOWED.char_filter).toContain(analysis.char_filter[name]?.type)
    expect(ALLOWED.tokenizer).toContain(analysis.tokenizer[analyzer.tokenizer]?.type)
    for (const name of analyzer.filter) expect(ALLOWED.filter).toContain(analysis.filter[name]?.type)
    expect(new Set(analyzer.filter).size).toBe(analyzer.filter.length)
  })

  it('maps each field with the analyzer and an exact-form subfield', () => {
    expect(defaults.mappings.properties).toEqual({
      title: {
        type: 'text',
        analyzer: 'fahras_arabic',
        fields: { exact: { type: 'text', analyzer: 'fahras_arabic_exact' } },
      },
      text: {
        type: 'text',
        analyzer: 'fahras_arabic',
        fields: { exact: { type: 'text', analyzer: 'fahras_arabic_exact' } },
      },
    })
    const exact = analysis.analyzer.fahras_arabic_exact!
    expect(exact.filter.some((n) => n.includes('_stem_'))).toBe(false)
    expect(exact.char_filter).toEqual(analysis.analyzer.fahras_arabic!.char_filter)
  })

  it('honours name, fields and exact', () => {
    const d = indexSettings({ name: 'ar', fields: ['body'], exact: false })
    expect(Object.keys(d.settings.analysis.analyzer)).toEqual(['ar'])
    expect(d.mappings.properties).toEqual({ body: { type: 'text', analyzer: 'ar' } })
    for (const group of ['char_filter', 'tokenizer', 'filter'] as const) {
      for (const key of Object.keys(d.settings.analysis[group])) expect(key.startsWith('ar_')).toBe(true)
    }
  })

  it('follows the analyzer options: no stemming, no stop words, kept words', () => {
    const plain = indexSettings({ analyzer: { stem: false, stopWords: false } }).settings.analysis
    expect(plain.analyzer.fahras_arabic!.filter).toEqual(['fahras_arabic_length'])
    expect(Object.keys(plain.analyzer)).toEqual(['fahras_arabic'])
    const kept = stemSteps(indexSettings({ analyzer: { keep: ['المدرسة'] } }))
    expect(applySteps(kept, 'المدرسه')).toBe('المدرسه')
    expect(applySteps(stemSteps(defaults), 'المدرسه')).toBe('مدرس')
  })

  it('is deterministic and survives JSON', () => {
    expect(JSON.parse(JSON.stringify(indexSettings()))).toEqual(defaults)
  })

  it('drops terms Lucene would refuse (over 32,766 bytes of UTF-8), last', () => {
    // the parity test checks in Lucene that exactly the longer terms go
    expect(analysis.filter.fahras_arabic_length).toEqual({ type: 'length', min: 1, max: MAX_TERM_LENGTH })
    expect(analysis.analyzer.fahras_arabic!.filter.at(-1)).toBe('fahras_arabic_length')
  })

  it('leaves the exact subfield out when the analyzer does not stem, unless asked', () => {
    expect(indexSettings({ analyzer: { stem: false } }).mappings.properties.text).toEqual({
      type: 'text',
      analyzer: 'fahras_arabic',
    })
    expect(indexSettings({ analyzer: { stem: false }, exact: true }).mappings.properties.text?.fields).toBeDefined()
  })

  it('ignores a kept word that normalizes to nothing', () => {
    const steps = stemSteps(indexSettings({ analyzer: { keep: ['', '\u0640\u064e', 'المدرسة'] } }))
    expect(applySteps(steps, 'المدرسه')).toBe('المدرسه')
    expect(applySteps(steps, 'والكتاب')).toBe('كتاب')
  })

  it('rejects unknown options, wrong types and names the engines refuse with a coded error', () => {
    const invalid = expect.objectContaining({ code: 'FAHRAS_INVALID_OPTION' })
    expect(() => indexSettings({ nmae: 'x' } as never)).toThrow(invalid)
    expect(() => indexSettings({ name: 'bad name' })).toThrow(invalid)
    expect(() => indexSettings({ name: '_arabic' })).toThrow(/not starting with _/)
    expect(() => indexSettings({ fields: [] })).toThrow(invalid)
    expect(() => indexSettings({ fields: ['_id'] })).toThrow(/not starting with _/)
    expect(() => indexSettings({ fields: ['a..b'] })).toThrow(invalid)
    expect(() => indexSettings({ fields: 'text' as never })).toThrow(invalid)
    expect(() => indexSettings({ analyzer: { stem: 'yes' } as never })).toThrow(invalid)
    expect(() => indexSettings({ analyzer: { extraStopWords: ['_english_'] } })).toThrow(/named lists/)
    expect(indexSettings({ fields: ['meta.title'] }).mappings.properties['meta.title']?.analyzer).toBe('fahras_arabic')
  })
})

describe('indexSettings(): patterns the engines read the same way', () => {
  const patterns = [
    ...Object.values(analysis.char_filter)
      .filter((c) => c.type === 'pattern_replace')
      .map((c) => c.pattern as string),
    analysis.tokenizer.fahras_arabic_tokenizer!.pattern as string,
    ...Object.values(analysis.filter)
      .filter((c) => c.type === 'pattern_replace')
      .map((c) => c.pattern as string),
  ]

  it('never uses \\b \\w \\s \\d, and Unicode properties only outside the Arabic blocks', () => {
    for (const p of patterns) expect(p).not.toMatch(/(?<!\\)(?:\\\\)*\\[bBwWsSdD]/)
    const areas = ARABIC_SCRIPT_RANGES.map(
      ([f, l]) =>
        `\\u${f.toString(16).toUpperCase().padStart(4, '0')}-\\u${l.toString(16).toUpperCase().padStart(4, '0')}`,
    ).join('')
    for (const p of patterns) {
      // every \p{…} is intersected with the complement of the Arabic blocks
      const properties = p.match(/\\p\{\w+\}/g) ?? []
      const guarded = p.match(new RegExp(`\\\\p\\{\\w+\\}&&\\[\\^${areas.replace(/\\/g, '\\\\')}`, 'g')) ?? []
      expect(guarded.length).toBe(properties.length)
    }
  })

  it('compiles every pattern (Java syntax read as JavaScript where the two agree)', () => {
    // nested classes and && are Java syntax that JavaScript reads with the v flag
    for (const p of patterns) expect(() => new RegExp(toJavaScript(p), /&&|\[\[/.test(p) ? 'v' : 'u')).not.toThrow()
  })

  it('tokenizes as tokenize() does (the pattern read as JavaScript)', () => {
    const pattern = analysis.tokenizer.fahras_arabic_tokenizer!.pattern as string
    const re = new RegExp(toJavaScript(pattern), 'gv')
    const texts = [
      'قال: «الكتابُ» بـ2500 دينار',
      "COVID-19 و mp3 l'eau ٣٫٥ 2,500 don’t",
      'كتاب\u200cخانه 𝒜𝒷 😀 ب\u0301ت',
    ]
    for (const text of texts) {
      const scanned = tokenize(text).map((t) => [t.start, t.end])
      expect([...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length])).toEqual(scanned)
    }
  })

  it('spells out the scanner inside the Arabic blocks and uses Unicode classes only outside them', () => {
    // Outside the Arabic blocks the scanner's classes must be Unicode's, except its own short
    // lists (joiners, number punctuation, apostrophes), which the pattern spells out.
    const own = new Set([JOINER, NUMBER_PUNCT, APOSTROPHE])
    const unicode = (c: number) => {
      const ch = String.fromCodePoint(c)
      return /\p{M}/u.test(ch) ? MARK : /\p{Nd}/u.test(ch) ? DIGIT : /\p{L}/u.test(ch) ? OTHER_LETTER : SEPARATOR
    }
    const wrong: number[] = []
    for (let c = 0; c <= 0x10ffff; c += c < 0x30000 ? 1 : 0x101) {
      if ((c >= 0xd800 && c <= 0xdfff) || ARABIC_SCRIPT_RANGES.some(([f, l]) => c >= f && c <= l)) continue
      const k = codePointClass(c)
      if (!own.has(k) && k !== unicode(c)) wrong.push(c)
    }
    expect(wrong.slice(0, 5)).toEqual([])
  })

  it('writes mapping rules the engines parse: unique non-empty left sides, short right sides', () => {
    const rules = Object.values(analysis.char_filter)
      .filter((c) => c.type === 'mapping')
      .flatMap((c) => c.mappings as string[])
    const left = rules.map((r) => parseRule(r)[0])
    expect(left.every((l) => l.length > 0)).toBe(true)
    expect(new Set(left).size).toBe(left.length)
    // Elasticsearch decodes a rule side into a 256-character buffer
    expect(rules.every((r) => parseRule(r)[1].length < 256)).toBe(true)
    // a space on either side survives trimming only as an escape
    expect(rules.every((r) => !/^\s|\s$/.test(r))).toBe(true)
  })

  it('maps characters as normalize() does (one rule a row of the rule table)', () => {
    const cases: [string, string][] = [
      ['\u064e', ''], // harakat
      ['\u0640', ''], // tatweel
      ['\u06d6', ''], // Quranic marks
      ['\u200c', ''], // invisible
      ['أ', 'ا'],
      ['إ', 'ا'],
      ['آ', 'ا'],
      ['ٱ', 'ا'], // alef variants
      ['ى', 'ي'],
      ['ة', 'ه'],
      ['ؤ', 'و'],
      ['ئ', 'ي'], // yaa, taa marbuta, hamza carriers
      ['ک', 'ك'],
      ['ی', 'ي'],
      ['ہ', 'ه'], // Persian letters
      ['ﻻ', 'لا'],
      ['ﷺ', 'صلي الله عليه وسلم'], // presentation forms
      ['٣', '3'],
      ['۳', '3'],
      ['٫', '.'],
      ['٬', ','], // digits
      ['B', 'b'],
      ['\u0670', 'ا'],
      ['و\u0670', 'ا'], // Latin case, dagger alef, waw with dagger alef
    ]
    for (const [from, to] of cases) expect([from, mapping.get(from)]).toEqual([from, to])
    expect(mapping.has('ب')).toBe(false)
  })
})

describe('indexSettings(): the stemming filters read as JavaScript', () => {
  // A quick reading of the pattern_replace filters with JavaScript's regex engine, on every word
  // of the bundled corpus and the golden file: catches a wrong step without a JVM.
  const analyzer = createAnalyzer()
  const words = new Set<string>()
  for (const line of readFileSync(new URL('../corpus/articles.jsonl', import.meta.url), 'utf8').split('\n')) {
    if (line) for (const w of analyzer.words(JSON.parse(line).text as string)) words.add(w)
  }
  for (const line of readFileSync(new URL('./golden/words.tsv', import.meta.url), 'utf8').split('\n')) {
    if (line && !line.startsWith('#')) words.add(analyzer.normalize(line.split('\t')[0]!))
  }

  it('give every word of the corpus the term analyze() gives it', () => {
    const steps = stemSteps(defaults)
    const wrong: string[] = []
    for (const w of words) {
      const want = analyzer.termOf(w)
      if (want !== null && applySteps(steps, w) !== want) wrong.push(`${w}: ${applySteps(steps, w)} ≠ ${want}`)
    }
    expect(words.size).toBeGreaterThan(40_000)
    expect(wrong.slice(0, 10)).toEqual([])
  })
})

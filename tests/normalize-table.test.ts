import { describe, expect, it } from 'vitest'
import { compileRules, DEFAULT_RULES } from '../src/normalize/compile.js'
import {
  DEFAULT_NORMALIZE_OPTIONS,
  normalizeResolved,
  normalizeWithRules,
  resolveNormalizeOptions,
} from '../src/normalize/normalize.js'
import { NORMALIZATION_RULES, type NormalizationRule } from '../src/normalize/rules.js'
import { normalizeText } from '../src/normalize/index.js'
import { normalizationCharFilters } from '../src/opensearch/char-filters.js'

// A rule is one entry of NORMALIZATION_RULES: the normalizer, its offset map and the OpenSearch
// mapping are compiled from the table. The public normalize(), analyze() and highlighter take no
// rule table, so the added rules are tested through the compiled normalizer they all run on.

/** Veh ڤ (U+06A4), a letter no rule of the default table lists. */
const VEH: NormalizationRule = { id: 'veh', group: 'persian', from: [0x06a4], to: 'ف' }
/** Bare hamza ء (U+0621): on the scanner's old hand-written list of letters no rule changes. */
const BARE_HAMZA: NormalizationRule = { id: 'bareHamza', group: 'hamzaCarriers', from: [0x0621], to: '' }

const withRules = (...extra: NormalizationRule[]) => compileRules([...NORMALIZATION_RULES, ...extra])
const mappingOf = (rules = DEFAULT_RULES, options = DEFAULT_NORMALIZE_OPTIONS) =>
  normalizationCharFilters(options, 'x', rules).flatMap((c) =>
    c.definition.type === 'mapping' ? (c.definition.mappings as string[]) : [],
  )

describe('normalization table: a rule is one entry', () => {
  it('a new rule on a letter is seen by the normalizer and its offset map', () => {
    const text = 'شاهدتُ ڤِيدْيُو'
    expect(normalizeText(text)).toBe('شاهدت ڤيديو')
    const n = normalizeWithRules(text, DEFAULT_NORMALIZE_OPTIONS, withRules(VEH))
    expect(n.text).toBe('شاهدت فيديو')
    const [start, end] = n.toOriginalRange(6, 11)
    expect(text.slice(start, end)).toBe('ڤِيدْيُو')
    expect(n.toOriginalRange(6, 7)).toEqual([7, 9]) // ف ← ڤِ, its kasra included
  })

  it('a new rule on a letter that was on the hand-written always-kept list is not skipped', () => {
    const text = 'السَّمَاءُ صافية'
    const n = normalizeWithRules(text, DEFAULT_NORMALIZE_OPTIONS, withRules(BARE_HAMZA))
    expect(n.text).toBe('السما صافيه')
    const [start, end] = n.toOriginalRange(0, 5)
    expect(text.slice(start, end)).toBe('السَّمَاءُ')
  })

  it("the rule's group switches it off", () => {
    const rules = withRules(VEH, BARE_HAMZA)
    expect(normalizeResolved('ڤيديو سماء', resolveNormalizeOptions({ persian: false }), rules)).toBe('ڤيديو سما')
    expect(normalizeResolved('ڤيديو سماء', resolveNormalizeOptions({ hamzaCarriers: false }), rules)).toBe('فيديو سماء')
  })

  it('a new rule is in the OpenSearch mapping', () => {
    expect(mappingOf()).not.toContain('\\u06A4 => \\u0641')
    expect(mappingOf(withRules(VEH))).toContain('\\u06A4 => \\u0641')
    expect(mappingOf(withRules(BARE_HAMZA))).toContain('\\u0621 =>')
    expect(mappingOf(withRules(VEH), resolveNormalizeOptions({ persian: false }))).not.toContain('\\u06A4 => \\u0641')
  })

  it('the default table compiles to the default normalizer', () => {
    const text = 'ٱلصَّلَوٰةَ إِبْرَٰهِـۧمَ يَسْـَٔلُونَ ﷺ Beirut ٢٠٢٤ مسو\u0654ول'
    expect(normalizeResolved(text, DEFAULT_NORMALIZE_OPTIONS, compileRules(NORMALIZATION_RULES))).toBe(
      normalizeText(text),
    )
  })

  it('a code unit no rule lists is copied as it is, and only those skip the rules', () => {
    const changed: string[] = []
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      if (DEFAULT_RULES.index[c] === 0 && normalizeText(ch) !== ch) changed.push(ch)
    }
    expect(changed).toEqual([])
    for (const ch of 'ءبتثجحخدذرزسشصضطظعغفقلمنه،؛؟') expect(DEFAULT_RULES.index[ch.charCodeAt(0)]).toBe(0)
  })

  it('refuses two rules that map one character alone, and an unknown context rule', () => {
    expect(() => withRules({ ...VEH, from: [0x0629] })).toThrow(/taaMarbuta and veh both map U\+0629/)
    expect(() => withRules({ ...VEH, context: 'nowhere' as never })).toThrow(/unknown context rule/)
  })

  it('the letter + mark pairs read as one come from the table', () => {
    const pairs = DEFAULT_RULES.pairs.map(([l, m]) => String.fromCharCode(l, m))
    expect(pairs).toEqual([
      'ا\u0653',
      'ا\u0654',
      'ا\u0655',
      'و\u0654',
      'و\u0670',
      'ي\u0654',
      'ي\u0670',
      'ى\u0654',
      'ى\u0670',
      'ی\u0654',
      'ی\u0670',
    ])
  })
})

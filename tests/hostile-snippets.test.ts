import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ArabicSearch,
  bestSnippets,
  ERROR_CODES,
  escapeHtml,
  markHtml,
  type Match,
  type Snippet,
} from '../src/index.js'
import { resolveSnippetOptions } from '../src/highlight/highlight.js'
import { densestWindows } from '../src/highlight/select-windows.js'
import { arabicChar } from './arbitraries.js'
import { expectCoded } from './expect-coded.js'
import { growthRatio } from './growth.js'
import { unescapeHtml } from './snippet-checks.js'

/**
 * Issue 17, items 3, 14 and 17 (markHtml): snippet selection is linear in the matches, passages
 * are cut between characters (not between a letter and its marks, an emoji and its modifier…),
 * bidi controls are balanced in every passage, and markHtml refuses ranges it cannot mark.
 */
const RUNS = Number(process.env.FC_RUNS ?? 200)

// ---------------------------------------------------------------------------------------------
// Growth: CPU time at n and 4n in the same run (tests/growth.ts).

const MAX_RATIO = 8
const ROUNDS = 5
const MIN_SAMPLE_MS = 15
const MAX_REPETITIONS = 4096
const SAMPLING = { bound: MAX_RATIO, minSampleMs: MIN_SAMPLE_MS, maxRepetitions: MAX_REPETITIONS, rounds: ROUNDS }

/** Characters of the document of the growth tests: the same at n and 4n, only the matches grow. */
const DOCUMENT_LENGTH = 64 * 1024
const KEYS = ['بغداد', 'دجلة', 'العراق', 'الفرات']
const WORD = 'بب'

/**
 * A document of DOCUMENT_LENGTH characters of short words of which one in `every` is matched
 * (with one of four keys): at n one in 8, at 4n one in 2. The windows of `length: 2000` hold 4×
 * as many matches at 4n, which multiplies the work of scoring each window in full by 16.
 */
function denseDocument(every: number): { text: string; matches: Match[] } {
  const words = 8 * Math.floor(DOCUMENT_LENGTH / (WORD.length + 1) / 8)
  const matches: Match[] = []
  for (let w = 0; w < words; w++) {
    if (w % every !== 0) continue
    const start = w * (WORD.length + 1)
    matches.push({ start, end: start + WORD.length, key: KEYS[(w / every) % KEYS.length]! })
  }
  return { text: `${WORD} `.repeat(words), matches }
}

describe('snippet selection is linear in the matches (issue 17, item 3)', () => {
  const options = resolveSnippetOptions({ length: 2000, count: 5 }, 'test')
  it('bestSnippets, { length: 2000, count: 5 }: 4× the matches in the same document, at most 8× the time', () => {
    const small = denseDocument(8)
    const large = denseDocument(2)
    expect(large.matches.length).toBe(4 * small.matches.length)
    const ratio = growthRatio(
      () => bestSnippets(small.text, small.matches, options),
      () => bestSnippets(large.text, large.matches, options),
      SAMPLING,
    )
    expect(ratio, `t(4n)/t(n) = ${ratio.toFixed(1)}`).toBeLessThan(MAX_RATIO)
    // and the passages are the densest: 5 passages, each full of marks
    const passages = bestSnippets(large.text, large.matches, options)
    expect(passages).toHaveLength(5)
    for (const p of passages) expect(p.ranges.length).toBeGreaterThan(300)
  })

  it('search(), { length: 2000, count: 5 }: a document where the word is 4× as frequent, at most 8× the time', () => {
    // a 64 kB document of two-letter words: one in 4 is يد at n, every one at 4n
    const words = Math.floor(DOCUMENT_LENGTH / 3)
    const build = (every: number) => {
      const index = new ArabicSearch<{ id: number; text: string }>({
        fields: ['text'],
        storeFields: ['text'],
        snippet: { length: 2000, count: 5 },
      })
      index.add({ id: 1, text: Array.from({ length: words }, (_, w) => (w % every === 0 ? 'يد' : 'قل')).join(' ') })
      return index
    }
    const small = build(4)
    const large = build(1)
    const ratio = growthRatio(
      () => small.search('يد'),
      () => large.search('يد'),
      SAMPLING,
    )
    expect(ratio, `t(4n)/t(n) = ${ratio.toFixed(1)}`).toBeLessThan(MAX_RATIO)
    const [hit] = large.search('يد')
    expect(hit!.snippets.text!.passages).toHaveLength(5)
    for (const p of hit!.snippets.text!.passages!) expect(p.ranges.length).toBeGreaterThan(600)
  })

  it('chooses the same windows as scoring every window in every round (the order of choice, ties to the earlier)', () => {
    // the reference: the selection as it was, every window scored in full in every round
    const reference = (matches: Array<{ start: number; end: number; key: number }>, length: number, count: number) => {
      const used = matches.map(() => false)
      const chosen: Array<[number, number]> = []
      while (chosen.length < count) {
        let best = -1
        let bestDistinct = 0
        let bestCount = 0
        let bestLast = -1
        for (let i = 0; i < matches.length; i++) {
          if (used[i]) continue
          const keys = new Set<number>()
          let n = 0
          let last = i
          for (let j = i; j < matches.length && matches[j]!.end - matches[i]!.start <= length; j++) {
            if (used[j]) break
            keys.add(matches[j]!.key)
            n++
            last = j
          }
          if (keys.size > bestDistinct || (keys.size === bestDistinct && n > bestCount))
            [best, bestDistinct, bestCount, bestLast] = [i, keys.size, n, last]
        }
        if (best < 0) break
        for (let k = best; k <= bestLast; k++) used[k] = true
        chosen.push([best, bestLast])
      }
      return chosen
    }
    const matchList = fc
      .array(
        fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 })),
        { maxLength: 60 },
      )
      .map((parts) => {
        let at = 0
        return parts.map(([gap, width, key]) => {
          const start = at + gap
          at = start + width
          return { start, end: at, key }
        })
      })
    fc.assert(
      fc.property(
        matchList,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (matches, length, count) => {
          expect(densestWindows(matches, 5, length, count)).toEqual(reference(matches, length, count))
        },
      ),
      { numRuns: RUNS * 5 },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Passages are cut between characters, and keep bidi controls balanced (issue 17, item 14).

const chars = (s: string) => fc.constantFrom(...Array.from(s))
/** Hebrew letters, and points that follow them (sheva, hiriq, qamats, dagesh, shin and sin dots…). */
const hebrewLetter = chars('אבגדהוזחטיכלמנסעפצקרשת')
const hebrewPoint = chars('\u05b0\u05b4\u05b7\u05b8\u05bc\u05c1\u05c2')
/** Devanagari letters, vowel signs (spacing marks, Mc) and the virama. */
const devanagariLetter = chars('कखगचजतदनपबमयरलवसह')
const devanagariMark = chars('\u093e\u093f\u0940\u0947\u094b\u094d\u0902')
/** Combining marks outside the Arabic block: supplement, for symbols, half marks; variation selectors. */
const otherMark = chars('\u1dc0\u1dc4\u1dff\u20d0\u20d7\u20e3\ufe20\ufe23\ufe2f\ufe0e\ufe0f\u{e0100}\u{e01ef}')
const emojiBase = chars('😀👍👋🧑👩❤')
const skinTone = chars('\u{1f3fb}\u{1f3fc}\u{1f3fd}\u{1f3fe}\u{1f3ff}')
/** Emoji with modifiers, U+FE0F, ZWJ sequences and flags. */
const emojiSequence = fc.oneof(
  fc.tuple(emojiBase, skinTone).map(([b, m]) => b + m),
  emojiBase.map((b) => `${b}\ufe0f`),
  fc.tuple(emojiBase, skinTone, emojiBase).map(([a, m, b]) => `${a + m}\u200d${b}`),
  fc.constantFrom(
    '👨‍👩‍👧‍👦',
    '🏳️‍🌈',
    '🇸🇦',
    '🇮🇶🇪🇬',
    '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
    '1\ufe0f\u20e3',
  ),
)
/** Explicit bidi controls: LRE RLE PDF LRO RLO, LRI RLI FSI PDI. */
const bidiControl = chars('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')

/** The Arabic alphabet of the property tests, with the characters of item 14 among it. */
const hostileChar = fc.oneof(
  { arbitrary: arabicChar, weight: 10 },
  {
    arbitrary: fc.tuple(hebrewLetter, fc.array(hebrewPoint, { maxLength: 3 })).map(([l, p]) => l + p.join('')),
    weight: 3,
  },
  {
    arbitrary: fc.tuple(devanagariLetter, fc.array(devanagariMark, { maxLength: 2 })).map(([l, m]) => l + m.join('')),
    weight: 3,
  },
  { arbitrary: otherMark, weight: 3 },
  { arbitrary: emojiSequence, weight: 3 },
  { arbitrary: bidiControl, weight: 3 },
)
const hostileText = (maxLength: number) => fc.array(hostileChar, { maxLength }).map((parts) => parts.join(''))

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff
const _isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isRegional = (cp: number | undefined) => cp !== undefined && cp >= 0x1f1e6 && cp <= 0x1f1ff
const MARK = /\p{M}/u
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
/** Whether the code unit at `k` belongs to the character before it (a cut before it splits one). */
function continuesCharacter(s: string, k: number): boolean {
  const c = s.charCodeAt(k)
  if (isLow(c) || c === 0x200d || (k > 0 && s.charCodeAt(k - 1) === 0x200d)) return true
  const cp = s.codePointAt(k)!
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return true // emoji modifier
  if (cp >= 0xe0020 && cp <= 0xe007f) return true // tag
  if (MARK.test(String.fromCodePoint(cp))) return true // marks, variation selectors
  if (isRegional(cp)) {
    // the second of a pair of regional indicators
    let before = 0
    for (let p = k; p >= 2 && isRegional(s.codePointAt(p - 2)); p -= 2) before++
    return before % 2 === 1
  }
  return false
}

/** A character longer than this (more marks than Unicode's stream-safe 30) may be cut between code points. */
const MAX_CHARACTER_LENGTH = 32
/** Whether offset `k` of `s` falls inside a character longer than MAX_CHARACTER_LENGTH. */
function insideLongCharacter(s: string, k: number): boolean {
  let from = k
  while (from > 0 && continuesCharacter(s, from)) from--
  let to = k
  while (to < s.length && continuesCharacter(s, to)) to++
  return to - from > MAX_CHARACTER_LENGTH
}

/**
 * The document as a passage shows it, for finding the passage in it: bidi controls left out
 * (a passage leaves out unmatched closers and adds closers of its own) and whitespace runs as one
 * space. `free[k]` tells whether the document itself separates character k from the one before
 * (whitespace or a bidi control between them): a passage may start there, whatever it is.
 */
function flatten(s: string): { flat: string; free: boolean[] } {
  let flat = ''
  const free: boolean[] = []
  let separated = true
  let pendingSpace = false
  for (const ch of s.split('')) {
    if (/\s/.test(ch)) {
      separated = true
      pendingSpace = flat.length > 0
      continue
    }
    if (/[\u202a-\u202e\u2066-\u2069]/.test(ch)) {
      separated = true
      continue
    }
    if (pendingSpace) {
      free.push(true)
      flat += ' '
      pendingSpace = false
    }
    free.push(separated)
    flat += ch
    separated = false
  }
  free.push(true)
  return { flat, free }
}

/**
 * Asserts that a passage of `doc` is cut between characters: where it was cut (an ellipsis), its
 * first character does not belong to the one before it in the document, and the document's
 * character after it does not belong to its last one.
 */
function expectCutBetweenCharacters(doc: string, passage: Snippet, ellipsis = '…'): void {
  const cutBefore = passage.text.startsWith(`${ellipsis} `)
  const cutAfter = passage.text.endsWith(` ${ellipsis}`)
  const body = flatten(
    passage.text.slice(cutBefore ? ellipsis.length + 1 : 0, cutAfter ? -(ellipsis.length + 1) : undefined),
  ).flat
  if (body.length === 0) return
  const { flat, free } = flatten(doc)
  const between = (k: number) =>
    free[k]! || !continuesCharacter(flat, k) || (insideLongCharacter(flat, k) && !isLow(flat.charCodeAt(k)))
  const ok = (k: number) => (!cutBefore || between(k)) && (!cutAfter || between(k + body.length))
  let found = false
  let fits = false
  for (let k = flat.indexOf(body); k >= 0 && !fits; k = flat.indexOf(body, k + 1)) {
    found = true
    fits = ok(k)
  }
  expect(found, `passage ${JSON.stringify(passage.text)} not in document ${JSON.stringify(doc)}`).toBe(true)
  expect(fits, `passage ${JSON.stringify(passage.text)} splits a character of ${JSON.stringify(doc)}`).toBe(true)
}

const EMBEDDING_OPENERS = '\u202a\u202b\u202d\u202e'
const ISOLATE_OPENERS = '\u2066\u2067\u2068'
const PARAGRAPH_SEPARATORS = '\n\r\u001c\u001d\u001e\u0085\u2029'
/**
 * Whether the explicit bidi controls of `text` are balanced: each PDF closes an embedding or
 * override opened before it (and not outside an isolate still open), each PDI an isolate, nothing
 * is open at a paragraph separator or at the end.
 */
function bidiBalanced(text: string): boolean {
  const open: string[] = []
  for (const ch of text) {
    if (EMBEDDING_OPENERS.includes(ch)) open.push('embedding')
    else if (ISOLATE_OPENERS.includes(ch)) open.push('isolate')
    else if (ch === '\u202c') {
      if (open.pop() !== 'embedding') return false
    } else if (ch === '\u2069') {
      if (!open.includes('isolate')) return false
      while (open.pop() !== 'isolate') {
        // embeddings inside the isolate close with it
      }
    } else if (PARAGRAPH_SEPARATORS.includes(ch) && open.length > 0) return false
  }
  return open.length === 0
}

/** Every check of item 14 on a snippet of `doc` (and each of its passages). */
function expectSafeSnippet(doc: string, snippet: Snippet): void {
  for (const s of [snippet, ...(snippet.passages ?? [])]) {
    expect(
      bidiBalanced(unescapeHtml(s.html.replace(/<\/?mark>/g, ''))),
      `unbalanced bidi controls in ${JSON.stringify(s.html)}`,
    ).toBe(true)
    expect(unescapeHtml(s.html.replace(/<\/?mark>/g, ''))).toBe(s.text)
    for (const [a, b] of s.ranges) if (b > a) expect(s.html).toContain(`<mark>${escapeHtml(s.text.slice(a, b))}</mark>`)
  }
  for (const p of snippet.passages ?? [snippet]) expectCutBetweenCharacters(doc, p)
}

describe('passages are cut between characters and keep bidi controls balanced (issue 17, item 14)', () => {
  const cut = (text: string, start: number, end: number, length = 20) =>
    bestSnippets(text, [{ start, end, key: 'k' }], resolveSnippetOptions({ length }, 'test'))[0]!

  it.each([
    ['Hebrew points', 'שָׁ'],
    ['virama', 'क्'],
    ['U+1DC0 marks', 'a\u1dc0'],
    ['U+20D0 marks', 'b\u20d0\u20d7'],
    ['U+FE20 half marks', 'c\ufe20\ufe23'],
    ['an emoji modifier', '👍🏽'],
    ['U+FE0F', '❤\ufe0f'],
    ['a ZWJ sequence', '👩‍💻'],
    ['a variation selector supplement', '葛\u{e0100}'],
  ])('a passage inside a long word of %s starts and ends on a character boundary', (_, unit) => {
    const text = unit.repeat(60)
    for (let at = 0; at + unit.length <= text.length; at += unit.length)
      for (const length of [20, 21, 22, 23]) {
        const s = cut(text, at, at + unit.length, length)
        const body = s.text.replace(/^… /, '').replace(/ …$/, '')
        // the passage is whole characters of the document: it starts and ends between two of them
        expect(body.length > 0 && body === unit.repeat(body.length / unit.length), JSON.stringify(s.text)).toBe(true)
        expectSafeSnippet(text, s)
      }
  })

  it('a letter with 200,000 marks, or 100,000 joined emoji: a passage of about `length`, cut between code points', () => {
    const length = 160
    for (const [name, text] of [
      ['harakat', `ب${'\u064e'.repeat(200_000)} بغداد`],
      ['U+1DC0', `a${'\u1dc0'.repeat(200_000)} بغداد`],
      ['ZWJ emoji', `${'👩\u200d'.repeat(100_000)}💻 بغداد`],
    ] as const) {
      const middle = text.length >> 1
      for (const [start, end] of [
        [middle, middle + 3],
        [text.length - 5, text.length],
      ] as const) {
        const passages = bestSnippets(
          text,
          [{ start, end, key: 'k' }],
          resolveSnippetOptions({ length, count: 1 }, 'test'),
        )
        for (const p of passages) {
          expect(p.text.length, name).toBeLessThan(3 * length)
          expect(LONE_SURROGATE.test(p.text), name).toBe(false)
        }
      }
    }
  })

  it('a passage that cuts an RLO…PDF pair closes the override; a PDF whose opener was cut is left out', () => {
    const text = `بداية ${'كلمة '.repeat(10)}\u202eعكس بغداد ${'نص '.repeat(30)}نهاية\u202c ${'كلمة '.repeat(30)}آخر`
    const index = new ArabicSearch<{ id: number; text: string }>({
      fields: ['text'],
      storeFields: ['text'],
      snippet: { length: 40 },
    })
    index.add({ id: 1, text })
    const s = index.search('بغداد')[0]!.snippets.text!
    expect(s.text).toContain('\u202e')
    expect(s.html.endsWith('\u202c …'), JSON.stringify(s.html)).toBe(true)
    expect(bidiBalanced(s.html)).toBe(true)
    const after = index.search('نهاية')[0]!.snippets.text!
    expect(after.text).not.toContain('\u202c')
    expect(bidiBalanced(after.html)).toBe(true)
    // an isolate closes every embedding opened inside it, and a line break closes them all
    const nested = bestSnippets(
      '\u2067a \u202bb c\u2069 d \u202ee\nf',
      [{ start: 4, end: 5, key: 'b' }],
      resolveSnippetOptions({ length: 40 }, 'test'),
    )[0]!
    expect(nested.text).toBe('\u2067a \u202bb c\u2069 d \u202ee\u202c f')
    expect(bidiBalanced(nested.text)).toBe(true)
  })

  it('search: random documents of marks, emoji sequences and bidi controls around the matched word', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(hostileText(150), hostileText(150), fc.constantFrom(' بغداد ', 'بغداد ', ' بغداد', ' بغداد\n')),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom({ length: 20, count: 3 }, { length: 40, count: 1 }, { length: 25, count: 2 }),
        (parts, snippet) => {
          const texts = parts.map(([a, b, word]) => a + word + b)
          const index = new ArabicSearch<{ id: number; text: string }>({
            fields: ['text'],
            storeFields: ['text'],
            snippet,
          })
          index.addAll(texts.map((text, id) => ({ id, text })))
          for (const r of index.search('بغداد', { limit: 10 })) expectSafeSnippet(texts[r.id]!, r.snippets.text!)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('bestSnippets: random documents, matches at any offset', () => {
    fc.assert(
      fc.property(
        hostileText(200),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 }), fc.constantFrom('a', 'b', 'c')), { maxLength: 12 }),
        fc.integer({ min: 20, max: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (text, picks, length, count) => {
          const matches = picks.map(([at, width, key]) => {
            const start = text.length === 0 ? 0 : at % text.length
            return { start, end: Math.min(text.length, start + width), key }
          })
          const passages = bestSnippets(text, matches, resolveSnippetOptions({ length, count }, 'test'))
          for (const p of passages) expectSafeSnippet(text, p)
        },
      ),
      { numRuns: RUNS * 2 },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// markHtml refuses ranges it cannot mark (issue 17, item 17).

describe('markHtml refuses ranges it cannot mark (issue 17, item 17)', () => {
  const text = 'قرأت الكتاب كله'
  it.each([
    ['NaN', [[Number.NaN, 4]]],
    ['NaN end', [[0, Number.NaN]]],
    [
      'NaN after a valid range (the text came out twice)',
      [
        [0, 4],
        [Number.NaN, 11],
      ],
    ],
    ['Infinity', [[0, Number.POSITIVE_INFINITY]]],
    ['-Infinity', [[Number.NEGATIVE_INFINITY, 3]]],
    ['a fraction', [[1.5, 4]]],
    ['a negative start', [[-1, 4]]],
    ['an end past the text', [[5, 99]]],
    ['start after end', [[6, 4]]],
    [
      'unsorted',
      [
        [5, 11],
        [0, 4],
      ],
    ],
    [
      'overlapping',
      [
        [0, 6],
        [5, 11],
      ],
    ],
    ['a string offset', [['0', 4]]],
    ['a triple', [[0, 4, 5]]],
    ['not a pair', [4]],
    ['null', [null]],
  ])('%s → FAHRAS_INVALID_ARGUMENT', (_, ranges) => {
    expectCoded(
      () => markHtml(text, ranges as never),
      ERROR_CODES.INVALID_ARGUMENT,
      /^fahras: markHtml\(\) expected `ranges\[\d\]` to (be a pair of integers|satisfy)/,
    )
  })

  it('ranges or text that are not arrays or strings → FAHRAS_INVALID_ARGUMENT', () => {
    expectCoded(() => markHtml(text, null as never), ERROR_CODES.INVALID_ARGUMENT, /expected `ranges` to be an array/)
    expectCoded(() => markHtml(42 as never, []), ERROR_CODES.INVALID_ARGUMENT, /expected `text` to be a string/)
    expectCoded(
      () => markHtml(text, [], ['<b>'] as never),
      ERROR_CODES.INVALID_ARGUMENT,
      /expected `wrapper` to be a pair of strings/,
    )
  })

  it('valid ranges: adjacent, empty, at the ends', () => {
    expect(
      markHtml(text, [
        [0, 4],
        [4, 5],
        [5, 5],
        [12, 15],
      ]),
    ).toBe('<mark>قرأت</mark><mark> </mark>الكتاب <mark>كله</mark>')
    expect(markHtml('<a>', [[0, 3]], ['[', ']'])).toBe('[&lt;a&gt;]')
    expect(markHtml('', [[0, 0]])).toBe('')
  })

  it('any ranges: a coded error, or the text once with marks around the ranges', () => {
    const number = fc.oneof(
      fc.integer({ min: -3, max: 20 }),
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0),
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 15 }), fc.array(fc.tuple(number, number), { maxLength: 5 }), (s, ranges) => {
        let html: string
        try {
          html = markHtml(s, ranges)
        } catch (error) {
          expect((error as { code?: string }).code).toBe(ERROR_CODES.INVALID_ARGUMENT)
          return
        }
        expect(unescapeHtml(html.replace(/<\/?mark>/g, ''))).toBe(s)
        expect(html.match(/<mark>/g)?.length ?? 0).toBe(ranges.filter(([a, b]) => b > a).length)
      }),
      { numRuns: RUNS * 5 },
    )
  })
})

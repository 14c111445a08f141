/**
 * The packed index format (docs/format.md) against damaged and crafted bytes: every flipped
 * byte, every truncation, bytes appended, sections with valid CRC-32s but impossible content,
 * wrong input types, options that disagree, and an independent reader written from
 * docs/format.md that must find in the bytes what the searches find.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ArabicSearch, ERROR_CODES, isFahrasError } from '../src/index.js'
import { PackedIndex, packDocuments, PACKED_FORMAT_VERSION } from '../src/packed.js'
import { readContainer, writeContainer, type SectionTag } from '../src/search/packed/layout.js'
import { expectCoded } from './expect-coded.js'

interface Doc {
  id: string
  title: string
  text: string
}

const DOCS: Doc[] = [
  { id: 'd1', title: 'المكتبة الوطنية', text: 'افتتحت المكتبة الوطنية في بغداد قاعة جديدة للكتب القديمة.' },
  { id: 'd2', title: 'معرض الكتاب', text: 'يزور آلاف القراء معرض الكتاب في القاهرة كل عام.' },
  { id: 'd3', title: 'مدارس بغداد', text: 'تستقبل مدارس بغداد الطلاب في أول أيام العام الدراسي.' },
  { id: 'd4', title: 'الشراكة الاستراتيجية', text: 'وقع الوزيران اتفاق الشراكة الاستراتيجية بين البلدين.' },
]
const OPTIONS = { fields: ['title', 'text'], storeFields: ['title', 'text'] } as const
const BYTES = packDocuments(DOCS, { ...OPTIONS, fields: [...OPTIONS.fields], storeFields: [...OPTIONS.storeFields] })
const QUERIES = ['بغداد', 'الكتاب', 'الشراكة الاستراتيجية', 'مدارس', 'القاهرة']

/** What a user sees of a search: ids, scores, snippets. */
const seen = (index: PackedIndex<Doc>, query: string) =>
  index.search(query).map((r) => ({ id: r.id, score: r.score, snippets: r.snippets }))
const EXPECTED = Object.fromEntries(QUERIES.map((q) => [q, seen(PackedIndex.load<Doc>(BYTES), q)]))

/** The code of what `fn` throws ('none' when it does not throw, 'uncoded: …' for a plain error). */
function outcome(fn: () => unknown): string {
  try {
    fn()
    return 'none'
  } catch (error) {
    return isFahrasError(error) ? (error as { code: string }).code : `uncoded: ${String(error)}`
  }
}

/** Loading and then searching every query: the first coded error, or 'none'. */
const loadAndSearch = (bytes: Uint8Array) =>
  outcome(() => {
    const index = PackedIndex.load<Doc>(bytes)
    for (const q of QUERIES) for (const r of index.search(q)) void r.snippets
    for (const d of DOCS) void index.getStoredFields(d.id)
    void index.suggest('الك')
    void index.didYouMean('بغدد')
  })

// ---- an independent reader of docs/format.md (it uses nothing of src/search/packed) ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const le = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** A cursor over bytes: varints and text in the format's text encoding. */
function reader(bytes: Uint8Array, from = 0) {
  let at = from
  return {
    varint(): number {
      let value = 0
      let scale = 1
      for (;;) {
        if (at >= bytes.length) throw new Error('test reader: a varint runs past the end')
        const b = bytes[at++]!
        value += (b & 0x7f) * scale
        if (b < 0x80) return value
        scale *= 128
      }
    },
    /** `units` code units of text. */
    text(units: number): string {
      let s = ''
      for (let k = 0; k < units; k++) {
        const b = bytes[at++]!
        if (b < 0x80) s += String.fromCharCode(b)
        else if (b !== 0xff) s += String.fromCharCode(0x0600 + b - 0x80)
        else (s += String.fromCharCode(bytes[at]! | (bytes[at + 1]! << 8))), (at += 2)
      }
      return s
    },
    take(n: number): Uint8Array {
      at += n
      return bytes.subarray(at - n, at)
    },
    get at() {
      return at
    },
  }
}
function varint(value: number): number[] {
  const out: number[] = []
  let v = value
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80)
    v = Math.floor(v / 0x80)
  }
  out.push(v)
  return out
}
/** The text encoding: ASCII and U+0600–U+067E one byte, anything else FF then the code unit (u16). */
function encodeText(text: string): number[] {
  const out: number[] = []
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (c < 0x80) out.push(c)
    else if (c >= 0x0600 && c <= 0x067e) out.push(0x80 + c - 0x0600)
    else out.push(0xff, c & 0xff, c >>> 8)
  }
  return out
}
/** All the bytes of a text-encoded string. */
const decodeText = (bytes: Uint8Array) => {
  const r = reader(bytes)
  let s = ''
  while (r.at < bytes.length) s += r.text(1)
  return s
}

interface Entry {
  field: number
  docs: number[]
  tfs: number[]
  /** Per posting, its positions (token numbers); undefined when the entry has none. */
  positions?: number[][]
}

/** TDIC (front-coded) + POST decoded: each term with its field entries. */
function decodeTerms(tdic: Uint8Array, post: Uint8Array): Array<{ term: string; entries: Entry[] }> {
  const count = le(tdic).getUint32(0, true)
  const r = reader(tdic, 4)
  const out: Array<{ term: string; entries: Entry[] }> = []
  let previous = ''
  let postAt = 0
  for (let t = 0; t < count; t++) {
    const shared = r.varint()
    const own = r.varint()
    const term = previous.slice(0, shared) + r.text(own)
    previous = term
    const length = r.varint()
    const p = reader(post.subarray(postAt, postAt + length))
    postAt += length
    const entries: Entry[] = []
    for (let e = p.varint(); e > 0; e--) {
      const flagged = p.varint()
      const df = p.varint()
      const block = reader(p.take(p.varint()))
      const docs: number[] = []
      const tfs: number[] = []
      for (let k = 0; k < df; k++) {
        const gap = block.varint()
        docs.push(k === 0 ? gap : docs[k - 1]! + gap)
        tfs.push(block.varint())
      }
      const entry: Entry = { field: Math.floor(flagged / 2), docs, tfs }
      if (flagged % 2 === 1) {
        const positions = reader(p.take(p.varint()))
        entry.positions = tfs.map((tf) => {
          const one = reader(positions.take(positions.varint()))
          const list: number[] = []
          for (let i = 0; i < tf; i++) list.push(i === 0 ? one.varint() : list[i - 1]! + one.varint())
          return list
        })
      }
      entries.push(entry)
    }
    expect(p.at, `the postings of ${JSON.stringify(term)} fill their space`).toBe(length)
    out.push({ term, entries })
  }
  expect(r.at).toBe(tdic.length)
  expect(postAt).toBe(post.length)
  return out
}

interface GapEntry {
  field: number
  gaps: number[]
  tfs: number[]
  /** Per posting, its position gaps (first absolute). */
  positionGaps?: number[][]
}
/** A term to write; `shared` overrides the code units it shares with the term before (crafted files). */
interface TermToWrite {
  term: string
  entries: GapEntry[]
  shared?: number
}

/** TDIC + POST written as docs/format.md says (gaps, counts and positions taken as given, even when wrong). */
function encodeTerms(terms: readonly TermToWrite[]): { tdic: Uint8Array; post: Uint8Array } {
  const post: number[] = []
  const tdic: number[] = [
    terms.length & 0xff,
    (terms.length >>> 8) & 0xff,
    (terms.length >>> 16) & 0xff,
    terms.length >>> 24,
  ]
  let previous = ''
  for (const { term, entries, shared: given } of terms) {
    let shared = 0
    while (shared < term.length && shared < previous.length && term[shared] === previous[shared]) shared++
    if (given !== undefined) shared = given
    previous = term
    const own = term.slice(Math.min(shared, term.length))
    const postAt = post.length
    post.push(...varint(entries.length))
    for (const { field, gaps, tfs, positionGaps } of entries) {
      const block = gaps.flatMap((g, k) => [...varint(g), ...varint(tfs[k]!)])
      post.push(
        ...varint(field * 2 + (positionGaps ? 1 : 0)),
        ...varint(gaps.length),
        ...varint(block.length),
        ...block,
      )
      if (positionGaps) {
        const positions = positionGaps.flatMap((list) => {
          const bytes = list.flatMap(varint)
          return [...varint(bytes.length), ...bytes]
        })
        post.push(...varint(positions.length), ...positions)
      }
    }
    tdic.push(...varint(shared), ...varint(own.length), ...encodeText(own), ...varint(post.length - postAt))
  }
  return { tdic: Uint8Array.from(tdic), post: Uint8Array.from(post) }
}

const asGaps = (terms: ReturnType<typeof decodeTerms>): TermToWrite[] =>
  terms.map(({ term, entries }) => ({
    term,
    entries: entries.map(({ field, docs, tfs, positions }) => ({
      field,
      gaps: docs.map((d, k) => (k === 0 ? d : d - docs[k - 1]!)),
      tfs: [...tfs],
      ...(positions
        ? { positionGaps: positions.map((list) => list.map((p, i) => (i === 0 ? p : p - list[i - 1]!))) }
        : {}),
    })),
  }))

/** One table of STOR: each document's kind (0 absent, 1 string, 2 JSON) and value (text-encoded bytes). */
interface StoredTable {
  kinds: number[]
  values: number[][]
}

/** STOR decoded as docs/format.md says. */
function decodeStored(stor: Uint8Array, n: number): StoredTable[] {
  const v = le(stor)
  const count = v.getUint32(0, true)
  return Array.from({ length: count }, (_, s) => {
    const start = v.getUint32(4 + 4 * s, true)
    const offset = (d: number) => v.getUint32(start + 4 * d, true)
    const kindsAt = start + 4 * (n + 1)
    const valuesAt = kindsAt + n
    const kinds = Array.from({ length: n }, (_, d) => stor[kindsAt + d]!)
    const values = Array.from({ length: n }, (_, d) => [
      ...stor.subarray(valuesAt + offset(d), valuesAt + offset(d + 1)),
    ])
    return { kinds, values }
  })
}
const storedText = (table: StoredTable) => table.values.map((v) => decodeText(Uint8Array.from(v)))

/** STOR written as docs/format.md says (kinds and values taken as given, even when wrong). */
function encodeStored(tables: readonly StoredTable[]): Uint8Array {
  const bytes: number[] = []
  const u32 = (x: number) => bytes.push(x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, x >>> 24)
  const pad = (m: number) => {
    while (bytes.length % m !== 0) bytes.push(0)
  }
  u32(tables.length)
  const startsAt = bytes.length
  for (let i = 0; i <= tables.length; i++) u32(0)
  const starts: number[] = []
  for (const { kinds, values } of tables) {
    pad(4)
    starts.push(bytes.length)
    let offset = 0
    u32(0)
    for (const v of values) u32((offset += v.length))
    bytes.push(...kinds)
    for (const v of values) bytes.push(...v)
  }
  pad(4)
  starts.push(bytes.length)
  const out = Uint8Array.from(bytes)
  starts.forEach((start, i) => le(out).setUint32(startsAt + 4 * i, start, true))
  return out
}

/** OFFS decoded: per document and field, the [start, end) of each token (empty: no offsets kept). */
function decodeOffsets(offs: Uint8Array, slots: number): Array<Array<[number, number]>> {
  const v = le(offs)
  const base = 4 * (slots + 1)
  return Array.from({ length: slots }, (_, slot) => {
    const body = offs.subarray(base + v.getUint32(4 * slot, true), base + v.getUint32(4 * slot + 4, true))
    const r = reader(body)
    const tokens: Array<[number, number]> = []
    let start = 0
    while (r.at < body.length) {
      start += r.varint()
      tokens.push([start, start + r.varint()])
    }
    return tokens
  })
}
/** OFFS written as docs/format.md says. */
function encodeOffsets(slots: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Uint8Array {
  const body: number[] = []
  const starts = [0]
  for (const tokens of slots) {
    let previous = 0
    for (const [start, end] of tokens) {
      body.push(...varint(start - previous), ...varint(end - start))
      previous = start
    }
    starts.push(body.length)
  }
  const out = new Uint8Array(4 * starts.length + body.length)
  starts.forEach((s, i) => le(out).setUint32(4 * i, s, true))
  out.set(body, 4 * starts.length)
  return out
}

/** The sections of BYTES (copies). */
const sectionsOf = (bytes: Uint8Array) =>
  new Map([...readContainer(bytes, 'test')].map(([tag, body]) => [tag, body.slice()]))
/** BYTES with some sections replaced, around a container with correct CRC-32s. */
function rebuilt(changes: Partial<Record<SectionTag, Uint8Array>>): Uint8Array {
  const sections = sectionsOf(BYTES)
  for (const [tag, body] of Object.entries(changes)) sections.set(tag as SectionTag, Uint8Array.from(body!))
  return writeContainer(sections)
}
const json = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))
const META = JSON.parse(new TextDecoder().decode(sectionsOf(BYTES).get('META'))) as Record<string, unknown>
const TERMS = decodeTerms(sectionsOf(BYTES).get('TDIC')!, sectionsOf(BYTES).get('POST')!)
/** BYTES with its term dictionary and postings rewritten by `edit`. */
function withTerms(edit: (terms: ReturnType<typeof asGaps>) => void): Uint8Array {
  const terms = asGaps(TERMS)
  edit(terms)
  const { tdic, post } = encodeTerms(terms)
  return rebuilt({ TDIC: tdic, POST: post })
}
/** The index of a term that a query of QUERIES reaches, in the first field it has. */
const termIndex = (term: string) => TERMS.findIndex((t) => t.term === term)

describe('the packed format, read from docs/format.md', () => {
  it('an independent reader finds the header, the section table and the CRC-32s where the format puts them', () => {
    const v = le(BYTES)
    expect([...BYTES.subarray(0, 8)]).toEqual([0x89, 0x46, 0x48, 0x52, 0x53, 0x0d, 0x0a, 0x1a])
    expect(v.getUint32(8, true)).toBe(PACKED_FORMAT_VERSION)
    const count = v.getUint32(12, true)
    expect(count).toBe(8)
    expect(v.getUint32(16, true)).toBe(BYTES.length)
    const crcAt = 20 + 16 * count
    expect(v.getUint32(crcAt, true)).toBe(crc(BYTES.subarray(0, crcAt)))
    let end = crcAt + 4
    const tags: string[] = []
    for (let i = 0; i < count; i++) {
      const entry = 20 + 16 * i
      tags.push(String.fromCharCode(...BYTES.subarray(entry, entry + 4)))
      const offset = v.getUint32(entry + 4, true)
      const length = v.getUint32(entry + 8, true)
      expect(offset % 8).toBe(0)
      expect(offset - end).toBeLessThan(8)
      expect([...BYTES.subarray(end, offset)].every((b) => b === 0)).toBe(true)
      expect(v.getUint32(entry + 12, true)).toBe(crc(BYTES.subarray(offset, offset + length)))
      end = offset + length
    }
    expect(end).toBe(BYTES.length)
    expect(tags).toEqual(['META', 'NUMS', 'IDS_', 'FLEN', 'TDIC', 'POST', 'STOR', 'OFFS'])
  })

  it('its terms are front-coded and sorted by UTF-16 code unit, and rewriting them as the format says gives the same bytes', () => {
    const terms = TERMS.map((t) => t.term)
    expect(terms).toEqual([...terms].sort())
    expect(new Set(terms).size).toBe(terms.length)
    expect(terms.some((t) => t.startsWith('\u0001'))).toBe(true) // written forms, exactBoost 0.5
    for (const { entries } of TERMS) for (const e of entries) expect(e.docs.every((d) => d < DOCS.length)).toBe(true)
    // a term shares code units with the one before: its TDIC entry holds only the rest
    const tdic = sectionsOf(BYTES).get('TDIC')!
    expect(tdic.length).toBeLessThan(4 + terms.reduce((n, t) => n + t.length + 3, 0))
    expect(withTerms(() => {})).toEqual(BYTES)
  })

  it('its positions are token numbers of stored fields, and OFFS gives each token its [start, end) in the stored text', () => {
    const offsets = decodeOffsets(sectionsOf(BYTES).get('OFFS')!, DOCS.length * 2)
    const fields = ['title', 'text'] as const
    // every token of every field has its offsets (both fields are stored), in text order
    DOCS.forEach((doc, d) =>
      fields.forEach((name, f) => {
        const tokens = offsets[d * 2 + f]!
        expect(tokens.map(([s, e]) => doc[name].slice(s, e)).join(' ')).toBe(
          doc[name].replace(/[.،]/g, '').split(/\s+/).join(' '),
        )
      }),
    )
    // the tokens at the positions of the stem بغداد are the word بغداد, where it is in the text
    const entries = TERMS[termIndex('بغداد')]!.entries
    const found = entries.flatMap((e) =>
      e.docs.flatMap((d, k) =>
        e.positions![k]!.map((p) => [
          DOCS[d]!.id,
          fields[e.field]!,
          DOCS[d]![fields[e.field]!].slice(...offsets[d * 2 + e.field]![p]!),
        ]),
      ),
    )
    expect(found).toEqual([
      ['d3', 'title', 'بغداد'],
      ['d1', 'text', 'بغداد'],
      ['d3', 'text', 'بغداد'],
    ])
    for (const { entries } of TERMS)
      for (const e of entries) expect(e.positions!.map((list) => list.length)).toEqual(e.tfs)
    // a field that is not stored has no positions and no offsets
    const notStored = packDocuments(DOCS, { fields: ['title', 'text'], storeFields: ['title'] })
    const s = sectionsOf(notStored)
    for (const { entries } of decodeTerms(s.get('TDIC')!, s.get('POST')!))
      for (const e of entries) expect(e.positions !== undefined).toBe(e.field === 0)
    expect(decodeOffsets(s.get('OFFS')!, DOCS.length * 2).map((tokens) => tokens.length > 0)).toEqual(
      DOCS.flatMap(() => [true, false]),
    )
  })

  it('its stored fields are one table per stored field: kinds 1 (string) and 2 (JSON), in the text encoding; rewriting them gives the same bytes', () => {
    const docs = [{ id: 1, title: 'بغداد', n: 7, tags: ['أ', 'ب'] }, { id: 2, title: '', n: null }, { id: 3 }]
    const bytes = packDocuments(docs, { fields: ['title'], storeFields: ['title', 'n', 'tags'] } as never, {
      allowMissingFields: true,
    })
    const stor = sectionsOf(bytes).get('STOR')!
    const tables = decodeStored(stor, docs.length)
    expect(tables.map((t) => ({ kinds: t.kinds, texts: storedText(t) }))).toEqual([
      { kinds: [1, 1, 0], texts: ['بغداد', '', ''] },
      { kinds: [2, 2, 0], texts: ['7', 'null', ''] },
      { kinds: [2, 0, 0], texts: ['["أ","ب"]', '', ''] },
    ])
    // one byte an Arabic letter: بغداد is 5 bytes, 0x80 + (code unit − 0x600)
    expect(tables[0]!.values[0]).toEqual([0xa8, 0xba, 0xaf, 0xa7, 0xaf])
    expect(encodeStored(tables)).toEqual(stor)
    const index = PackedIndex.load(bytes)
    expect(index.getStoredFields(1)).toEqual({ title: 'بغداد', n: 7, tags: ['أ', 'ب'] })
    expect(index.getStoredFields(2)).toEqual({ title: '', n: null })
    expect(index.getStoredFields(3)).toEqual({})
  })

  it('the text encoding: one byte for ASCII and U+0600–U+067E, FF and the code unit for any other; ids, terms and stored text come back whole', () => {
    const title = 'Café پ ٿ 😀 ﻻ بغداد'
    const bytes = packDocuments(
      [
        { id: 'é😀', title },
        { id: 7, title: '\uFEFFx' },
      ],
      { fields: ['title'], storeFields: ['title'] },
    )
    const s = sectionsOf(bytes)
    const [table] = decodeStored(s.get('STOR')!, 2)
    expect(table!.values[0]).toEqual([
      0x43,
      0x61,
      0x66,
      0xff,
      0xe9,
      0x00,
      0x20, // Café: é (U+00E9) is FF E9 00
      0xfe,
      0x20, // پ U+067E, the last one-byte character: 0x80 + 0x7E
      0xff,
      0x7f,
      0x06,
      0x20, // ٿ U+067F, the first Arabic letter past it: FF 7F 06
      0xff,
      0x3d,
      0xd8,
      0xff,
      0x00,
      0xde,
      0x20, // 😀: two UTF-16 code units, each FF and the unit
      0xff,
      0xfb,
      0xfe,
      0x20, // ﻻ U+FEFB
      0xa8,
      0xba,
      0xaf,
      0xa7,
      0xaf, // بغداد
    ])
    const ids = s.get('IDS_')!
    expect(decodeText(ids.subarray(12, 12 + le(ids).getUint32(4, true)))).toBe('"é😀"')
    expect(decodeText(ids.subarray(12 + le(ids).getUint32(4, true)))).toBe('7')
    const index = PackedIndex.load<{ id: string | number; title: string }>(bytes)
    expect(index.getStoredFields('é😀')).toEqual({ title })
    // U+FEFF at the start is FF FF FE, and comes back (it is not read as a byte order mark)
    expect(table!.values[1]).toEqual([0xff, 0xff, 0xfe, 0x78])
    expect(index.getStoredFields(7)).toEqual({ title: '\uFEFFx' })
    expect(index.search('بغداد').map((r) => r.id)).toEqual(['é😀'])
    expect(index.search('Café').map((r) => r.snippets.title?.html)).toEqual(['<mark>Café</mark> پ ٿ 😀 ﻻ بغداد'])
  })

  it('a one-word search scores BM25+ of the stem plus exactBoost × BM25+ of the written form, × √1.5 (a stem and a written form matched; × 2 with linear coordination), with the NUMS averages and the FLEN lengths, as the format documents', () => {
    const s = sectionsOf(BYTES)
    const nums = le(s.get('NUMS')!)
    const n = nums.getUint32(0, true)
    const fieldCount = nums.getUint32(4, true)
    const average = (f: number) => nums.getFloat64(8 + 8 * f, true)
    const flen = le(s.get('FLEN')!)
    const length = (doc: number, f: number) => flen.getUint32(4 * (doc * fieldCount + f), true)
    const bm25 = (tf: number, df: number, len: number, avg: number, b = 1) =>
      Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (0.5 + (tf * 2.2) / (tf + 1.2 * (1 - b + (b * len) / avg)))
    // 'القاهرة' is in d2's text only: its stem 'قاهر' (weight 1) and its written form 'القاهره' marked with U+0001 (weight exactBoost 0.5)
    const index = PackedIndex.load<Doc>(BYTES)
    const [hit, ...rest] = index.search('القاهرة', { prefix: false, fuzzy: false })
    expect(hit!.id).toBe('d2')
    expect(rest).toEqual([])
    expect(hit!.match).toEqual({ قاهر: ['text'] })
    let expected = 0
    for (const [term, weight] of [
      ['قاهر', 1],
      ['\u0001القاهره', 0.5],
    ] as const) {
      const entry = TERMS[termIndex(term)]!
      expect(entry.entries.map((e) => [e.field, e.docs])).toEqual([[1, [1]]])
      for (const e of entry.entries)
        expected += weight * bm25(e.tfs[0]!, e.docs.length, length(1, e.field), average(e.field))
    }
    // × √(1 + 0.5): the engine query holds two strings (the stem and the marked written form), and d2 matched both
    expect(hit!.score).toBeCloseTo(expected * Math.sqrt(1.5), 10)
    // MiniSearch's coordination and b: × 2 terms matched
    let linear = 0
    for (const [term, weight] of [
      ['قاهر', 1],
      ['\u0001القاهره', 0.5],
    ] as const) {
      for (const e of TERMS[termIndex(term)]!.entries)
        linear += weight * bm25(e.tfs[0]!, e.docs.length, length(1, e.field), average(e.field), 0.7)
    }
    const [old] = index.search('القاهرة', {
      prefix: false,
      fuzzy: false,
      coordination: 'linear',
      bm25: { k: 1.2, b: 0.7, d: 0.5 },
    })
    expect(old!.score).toBeCloseTo(linear * 2, 10)
  })

  it('the hex dump of the example in docs/format.md is the header of the bytes packDocuments writes', () => {
    const doc = readFileSync(new URL('../docs/format.md', import.meta.url), 'utf8')
    const rows = [...doc.matchAll(/^([0-9A-F]{4}) {2}((?:[0-9A-F]{2} )*[0-9A-F]{2}) {2,}/gm)]
    expect(rows.length).toBeGreaterThanOrEqual(14)
    const bytes = packDocuments(
      [
        { id: 'a', title: 'المكتبة' },
        { id: 'b', title: 'كتب جديدة' },
      ],
      { fields: ['title'], storeFields: ['title'] },
    )
    for (const [, at, hex] of rows) {
      const start = Number.parseInt(at!, 16)
      const shown = hex!.split(' ').map((h) => Number.parseInt(h, 16))
      expect([...bytes.subarray(start, start + shown.length)], `docs/format.md row ${at}`).toEqual(shown)
    }
    expect(doc).toContain(`${bytes.length} bytes. The header`)
    // the table of terms: each TDIC entry and each term's POST bytes, one after the other
    const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ')
    const terms = [...doc.matchAll(/^\d +((?:[0-9A-F]{2} )+) +\S+ +((?:[0-9A-F]{2} ?)+)$/gm)]
    expect(terms.length).toBe(5)
    const s = sectionsOf(bytes)
    expect(terms.map((t) => t[1]!.trim()).join(' ')).toBe(hex(s.get('TDIC')!.subarray(4)))
    expect(terms.map((t) => t[2]!.trim()).join(' ')).toBe(hex(s.get('POST')!))
    expect(doc).toContain(`OFFS (${s.get('OFFS')!.length} bytes)`)
    expect(doc).toContain(`STOR (${s.get('STOR')!.length} bytes)`)
  })

  it("the META section's JSON keys are the saved JSON index's header keys", () => {
    const index = new ArabicSearch<Doc>({
      ...OPTIONS,
      fields: [...OPTIONS.fields],
      storeFields: [...OPTIONS.storeFields],
    })
    index.addAll(DOCS)
    const saved = JSON.parse(JSON.stringify(index)) as Record<string, unknown>
    delete saved.index
    expect(Object.keys(META).sort()).toEqual(Object.keys(saved).sort())
    expect(META).toEqual(saved)
    expect(index.pack()).toEqual(BYTES)
  })
})

describe('damaged bytes never load', () => {
  it('every single byte flipped (xor 0xff, xor 0x01): FAHRAS_INVALID_INDEX', () => {
    const bytes = BYTES.slice()
    const wrong: string[] = []
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0xff, 0x01]) {
        bytes[i] = bytes[i]! ^ mask
        const code = outcome(() => PackedIndex.load(bytes))
        if (code !== ERROR_CODES.INVALID_INDEX) wrong.push(`byte ${i} ^ ${mask}: ${code}`)
        bytes[i] = bytes[i]! ^ mask
      }
    }
    expect(bytes).toEqual(BYTES)
    expect(wrong).toEqual([])
  })

  it('another version with its header CRC made right: FAHRAS_INDEX_VERSION_MISMATCH naming both versions', () => {
    for (const version of [0, PACKED_FORMAT_VERSION + 1, 0xffffffff]) {
      const bytes = BYTES.slice()
      const v = le(bytes)
      v.setUint32(8, version, true)
      const crcAt = 20 + 16 * v.getUint32(12, true)
      v.setUint32(crcAt, crc(bytes.subarray(0, crcAt)), true)
      expectCoded(
        () => PackedIndex.load(bytes),
        ERROR_CODES.INDEX_VERSION_MISMATCH,
        new RegExp(`expected packed format version ${PACKED_FORMAT_VERSION}, got \`${version}\``),
      )
    }
  })

  it('every truncation (lengths 0 to n-1): FAHRAS_INVALID_INDEX', () => {
    const wrong: string[] = []
    for (let n = 0; n < BYTES.length; n++) {
      const code = outcome(() => PackedIndex.load(BYTES.slice(0, n)))
      if (code !== ERROR_CODES.INVALID_INDEX) wrong.push(`${n} bytes: ${code}`)
    }
    expect(wrong).toEqual([])
    expectCoded(() => PackedIndex.load(BYTES.slice(0, BYTES.length - 1)), ERROR_CODES.INVALID_INDEX, /truncated/)
  })

  it('bytes appended: FAHRAS_INVALID_INDEX', () => {
    for (const tail of [[0], [0, 0, 0, 0, 0, 0, 0, 0], [0x0a], [...BYTES]]) {
      const bytes = Uint8Array.from([...BYTES, ...tail])
      expectCoded(() => PackedIndex.load(bytes), ERROR_CODES.INVALID_INDEX, /bytes added at the end/)
    }
  })
})

describe('crafted bytes with valid CRC-32s: a coded error at load or at search, never a crash or a wrong answer', () => {
  /** The outcome of each labelled crafted index, compared with FAHRAS_INVALID_INDEX all at once (every failing case shows). */
  let outcomes: Record<string, string> = {}
  const damaged = (label: string, bytes: Uint8Array) => void (outcomes[label] = loadAndSearch(bytes))
  const expectAllDamaged = () => {
    const got = outcomes
    outcomes = {}
    expect(got).toEqual(Object.fromEntries(Object.keys(got).map((label) => [label, ERROR_CODES.INVALID_INDEX])))
  }
  const some = termIndex(TERMS.find((t) => t.entries.some((e) => e.docs.length > 1))!.term)

  it('a doc gap that points past documentCount', () => {
    damaged(
      'second doc gap reaches documentCount',
      withTerms((terms) => void (terms[some]!.entries[0]!.gaps[1] = DOCS.length)),
    )
    damaged(
      'first doc 1000',
      withTerms((terms) => void (terms[some]!.entries[0]!.gaps[0] = 1000)),
    )
    expectAllDamaged()
  })

  it('a doc gap of 0 after the first posting, a tf of 0, a df of 0, a field past the field count, fields out of order', () => {
    damaged(
      'doc gap 0',
      withTerms((terms) => void (terms[some]!.entries[0]!.gaps[1] = 0)),
    )
    damaged(
      'tf 0',
      withTerms((terms) => void (terms[some]!.entries[0]!.tfs[0] = 0)),
    )
    damaged(
      'df 0',
      withTerms((terms) => void (terms[some]!.entries[0] = { field: 0, gaps: [], tfs: [] })),
    )
    damaged(
      'field 2 of 2',
      withTerms((terms) => void (terms[some]!.entries[0]!.field = 2)),
    )
    const twoFields = TERMS.findIndex((t) => t.entries.length === 2)
    damaged(
      'fields out of order',
      withTerms((terms) => void terms[twoFields]!.entries.reverse()),
    )
    expectAllDamaged()
  })

  /** The index of the term of بغداد: every query run by loadAndSearch reaches it. */
  const baghdad = termIndex('بغداد')

  it('postings that do not fill their space, or run past it', () => {
    const { tdic, post } = encodeTerms(asGaps(TERMS))
    // the postings of بغداد with a stray byte at their end, and their length one more
    const terms = asGaps(TERMS)
    const before = encodeTerms(terms.slice(0, baghdad)).post.length
    const own = encodeTerms(terms.slice(0, baghdad + 1)).post.length - before
    const longer = Uint8Array.from([...post.subarray(0, before + own), 0, ...post.subarray(before + own)])
    const lengthAt = (t: number) => encodeTerms(terms.slice(0, t + 1)).tdic.length - 1 // the last byte of term t's entry: its postings length (< 128 here)
    expect(tdic[lengthAt(baghdad)]).toBe(own)
    const shifted = tdic.slice()
    shifted[lengthAt(baghdad)] = own + 1
    damaged('a stray byte after the postings of بغداد', rebuilt({ TDIC: shifted, POST: longer }))
    const shorter = tdic.slice()
    shorter[lengthAt(baghdad)] = own - 1
    shorter[lengthAt(baghdad + 1)] = tdic[lengthAt(baghdad + 1)]! + 1
    damaged('the postings of بغداد one byte short (the next term one longer)', rebuilt({ TDIC: shorter }))
    damaged(
      'a tf of 2^60 (a varint too long)',
      withTerms((terms) => void (terms[baghdad]!.entries[0]!.tfs[0] = 2 ** 60)),
    )
    expectAllDamaged()
  })

  it('TDIC counts, lengths and front coding that do not fit POST or the term before', () => {
    const tdic = sectionsOf(BYTES).get('TDIC')!
    const set = (edit: (bytes: Uint8Array) => void) => {
      const copy = tdic.slice()
      edit(copy)
      return rebuilt({ TDIC: copy })
    }
    damaged(
      'term count + 1',
      set((b) => le(b).setUint32(0, TERMS.length + 1, true)),
    )
    damaged(
      'term count - 1',
      set((b) => le(b).setUint32(0, TERMS.length - 1, true)),
    )
    damaged(
      'term count 2^32-1',
      set((b) => le(b).setUint32(0, 0xffffffff, true)),
    )
    damaged('a byte appended to TDIC', rebuilt({ TDIC: Uint8Array.from([...tdic, 0]) }))
    damaged(
      'the last postings length past POST',
      set((b) => void (b[b.length - 1] = b[b.length - 1]! + 1)),
    )
    // front coding: `shared` larger than the term before, or 0 own code units (the same term again)
    const next = TERMS.findIndex((t, i) => i > 0 && !t.term.startsWith(TERMS[i - 1]!.term)) // a term that is no extension of the one before
    damaged(
      'shared larger than the term before',
      withTerms((terms) => void (terms[next]!.shared = TERMS[next - 1]!.term.length + 1)),
    )
    damaged(
      'shared = the whole term before, own 0',
      withTerms(
        (terms) =>
          void (terms[next]! = { ...terms[next]!, term: TERMS[next - 1]!.term, shared: TERMS[next - 1]!.term.length }),
      ),
    )
    // a term whose own code units run past TDIC, its last one a wide character cut short
    const cut = Uint8Array.from([...tdic.subarray(0, 4), ...varint(0), ...varint(2), 0x41, 0xff, 0x42])
    le(cut).setUint32(0, 1, true)
    damaged('a wide character cut at the end of TDIC', rebuilt({ TDIC: cut }))
    expectAllDamaged()
  })

  it('a term dictionary out of order or with a repeated term (the binary search would miss terms)', () => {
    const target = termIndex(
      TERMS.find((t) => !t.term.startsWith('\u0001') && t.entries.some((e) => e.docs.includes(2)))!.term,
    )
    // move one term to the front: every term is still there, the order is broken
    damaged(
      'a term moved to the front',
      withTerms((terms) => void terms.unshift(...terms.splice(target, 1))),
    )
    damaged(
      'a term repeated',
      withTerms((terms) => void terms.splice(target + 1, 0, { ...terms[target]! })),
    )
    expectAllDamaged()
  })

  it('META not JSON, not an object, or naming other fields', () => {
    damaged('META cut short', rebuilt({ META: json('{"format": "fahras-index", ') }))
    damaged('META not UTF-8', rebuilt({ META: Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]) })) // not UTF-8
    for (const meta of [null, [], 42, 'fahras'])
      damaged(`META ${JSON.stringify(meta)}`, rebuilt({ META: json(JSON.stringify(meta)) }))
    expectCoded(
      () => PackedIndex.load(rebuilt({ META: json({ ...META, fields: ['title'] }) })),
      ERROR_CODES.INVALID_INDEX,
      /names 1 fields, its lengths are for 2/,
    )
    expectCoded(
      () => PackedIndex.load(rebuilt({ META: json({ ...META, fields: ['title', 'text', 'extra'] }) })),
      ERROR_CODES.INVALID_INDEX,
      /names 3 fields/,
    )
    for (const fields of [undefined, 'title', [1, 2]])
      expect(outcome(() => PackedIndex.load(rebuilt({ META: json({ ...META, fields }) })))).toMatch(/^FAHRAS_/)
    expect(outcome(() => PackedIndex.load(rebuilt({ META: json({ ...META, format: 'other' }) })))).toMatch(/^FAHRAS_/)
    expect(outcome(() => PackedIndex.load(rebuilt({ META: json({ ...META, analyzer: 'x' }) })))).toMatch(/^FAHRAS_/)
    expectAllDamaged()
  })

  it('NUMS, FLEN, IDS_ and STOR that do not fit each other', () => {
    const nums = sectionsOf(BYTES).get('NUMS')!
    const more = nums.slice()
    le(more).setUint32(0, DOCS.length + 1, true)
    damaged('documentCount + 1', rebuilt({ NUMS: more }))
    damaged('NUMS cut short', rebuilt({ NUMS: nums.subarray(0, 12) }))
    damaged('FLEN short of 4 bytes', rebuilt({ FLEN: sectionsOf(BYTES).get('FLEN')!.subarray(4) }))
    for (const tag of ['IDS_', 'STOR'] as const) {
      const table = sectionsOf(BYTES).get(tag)!
      const swapped = table.slice()
      const a = le(swapped).getUint32(4, true)
      le(swapped).setUint32(4, le(swapped).getUint32(8, true), true)
      le(swapped).setUint32(8, a, true)
      damaged(`${tag} offsets 1 and 2 swapped`, rebuilt({ [tag]: swapped }))
      const last = table.slice()
      le(last).setUint32(4 * DOCS.length, le(last).getUint32(4 * DOCS.length, true) + 1, true)
      damaged(`${tag} last offset past the end`, rebuilt({ [tag]: last }))
    }
    expectAllDamaged()
  })

  it('an average field length that is NaN, infinite or negative (0 is sound: a field in no document)', () => {
    for (const average of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      const nums = sectionsOf(BYTES).get('NUMS')!.slice()
      le(nums).setFloat64(8, average, true)
      damaged(`average ${average}`, rebuilt({ NUMS: nums }))
    }
    expectAllDamaged()
  })

  /** IDS_ (u32 byte offsets, then the ids in the text encoding) with document 0's id bytes replaced. */
  function withId(entry: string | number[]): Uint8Array {
    const table = sectionsOf(BYTES).get('IDS_')!
    const v = le(table)
    const base = 4 * (DOCS.length + 1)
    const offsets = Array.from({ length: DOCS.length + 1 }, (_, i) => v.getUint32(4 * i, true))
    const entries = offsets.slice(0, -1).map((o, i) => [...table.subarray(base + o, base + offsets[i + 1]!)])
    expect(decodeText(Uint8Array.from(entries[0]!))).toBe('"d1"')
    entries[0] = typeof entry === 'string' ? encodeText(entry) : entry
    const out = new Uint8Array(base + entries.reduce((n, e) => n + e.length, 0))
    const w = le(out)
    let at = 0
    entries.forEach((e, i) => {
      w.setUint32(4 * i, at, true)
      out.set(e, base + at)
      at += e.length
    })
    w.setUint32(4 * DOCS.length, at, true)
    return rebuilt({ IDS_: out })
  }

  /** STOR with the tables edited. */
  function withStored(edit: (tables: StoredTable[]) => void): Uint8Array {
    const tables = decodeStored(sectionsOf(BYTES).get('STOR')!, DOCS.length)
    edit(tables)
    return rebuilt({ STOR: encodeStored(tables) })
  }

  it('an id that is not JSON, not a string or a finite number, or repeated', () => {
    for (const entry of ['"d1', 'null', '{}', '[1]', 'true', '1e999']) damaged(`id ${entry}`, withId(entry))
    damaged('id d2 twice', withId('"d2"'))
    expectAllDamaged()
  })

  it('a repeated id stays an error: the second has() after the first error does not answer false', () => {
    const index = PackedIndex.load<Doc>(withId('"d2"'))
    expect([
      outcome(() => index.has('d1')),
      outcome(() => index.has('d1')),
      outcome(() => index.getStoredFields('d3')),
    ]).toEqual([ERROR_CODES.INVALID_INDEX, ERROR_CODES.INVALID_INDEX, ERROR_CODES.INVALID_INDEX])
  })

  it('a wide character cut short in the text encoding (an id, a stored value)', () => {
    damaged('id "d1" then FF', withId([...encodeText('"d1"'), 0xff]))
    damaged('id "d1" then FF 41', withId([...encodeText('"d1"'), 0xff, 0x41]))
    damaged(
      'stored title ending in FF',
      withStored((t) => void t[0]!.values[0]!.push(0xff)),
    )
    damaged(
      'stored title ending in FF 41',
      withStored((t) => void t[0]!.values[0]!.push(0xff, 0x41)),
    )
    damaged(
      'stored JSON text ending in FF',
      withStored((t) => void ((t[1]!.kinds[0] = 2), (t[1]!.values[0] = [...encodeText('"x"'), 0xff]))),
    )
    expectAllDamaged()
  })

  it('stored values that are not JSON, of an unknown kind, absent with text, or tables that disagree with storeFields', () => {
    damaged(
      'JSON kind, not JSON',
      withStored((t) => void ((t[0]!.kinds[0] = 2), (t[0]!.values[0] = encodeText('{"a":')))),
    )
    damaged(
      'kind 3',
      withStored((t) => void (t[0]!.kinds[0] = 3)),
    )
    damaged(
      'absent with text',
      withStored((t) => void (t[0]!.kinds[0] = 0)),
    )
    damaged(
      'one table for two stored fields',
      withStored((t) => void t.pop()),
    )
    damaged(
      'three tables for two stored fields',
      withStored((t) => void t.push({ kinds: DOCS.map(() => 1), values: DOCS.map(() => [0x78]) })),
    )
    expectAllDamaged()
  })

  const OFFS_SLOTS = DOCS.length * 2
  /** OFFS with the token offsets edited. */
  function withOffsets(edit: (slots: Array<Array<[number, number]>>) => void): Uint8Array {
    const slots = decodeOffsets(sectionsOf(BYTES).get('OFFS')!, OFFS_SLOTS)
    edit(slots)
    return rebuilt({ OFFS: encodeOffsets(slots) })
  }

  it('OFFS starts out of order, past the body, or not covering it', () => {
    const offs = sectionsOf(BYTES).get('OFFS')!
    expect(encodeOffsets(decodeOffsets(offs, OFFS_SLOTS))).toEqual(offs)
    const set = (edit: (v: DataView) => void) => {
      const copy = offs.slice()
      edit(le(copy))
      return rebuilt({ OFFS: copy })
    }
    const start = (v: DataView, i: number) => v.getUint32(4 * i, true)
    damaged(
      'starts 1 and 2 swapped',
      set((v) => {
        const a = start(v, 1)
        v.setUint32(4, start(v, 2), true)
        v.setUint32(8, a, true)
      }),
    )
    damaged(
      'start 3 past the body',
      set((v) => v.setUint32(12, offs.length, true)),
    )
    damaged(
      'the last start past the body',
      set((v) => v.setUint32(4 * OFFS_SLOTS, start(v, OFFS_SLOTS) + 1, true)),
    )
    damaged(
      'the first start not 0',
      set((v) => v.setUint32(0, 1, true)),
    )
    damaged('OFFS cut inside its starts', rebuilt({ OFFS: offs.subarray(0, 4 * OFFS_SLOTS) }))
    damaged('a byte appended to OFFS', rebuilt({ OFFS: Uint8Array.from([...offs, 0]) }))
    expectAllDamaged()
  })

  it('a position past the tokens of its field: a coded error when the snippet is made, never a wrong snippet', () => {
    // d3's title is مدارس بغداد: two tokens, بغداد at position 1
    const title = TERMS[baghdad]!.entries.find((e) => e.field === 0)!
    expect(title.docs).toEqual([2])
    expect(title.positions).toEqual([[1]])
    const cases = {
      'position 2 of 2 tokens': withTerms((terms) => void (terms[baghdad]!.entries[0]!.positionGaps = [[2]])),
      'position 1000': withTerms((terms) => void (terms[baghdad]!.entries[0]!.positionGaps = [[1000]])),
      "d3's title with its last token dropped from OFFS": withOffsets((slots) => void slots[2 * 2]!.pop()),
    }
    for (const [label, bytes] of Object.entries(cases)) {
      const index = PackedIndex.load<Doc>(bytes)
      // without snippets the results are the index's (positions are not read)
      expect(
        index.search('بغداد', { snippets: false }).map((r) => r.id),
        label,
      ).toEqual(EXPECTED.بغداد!.map((r) => r.id))
      damaged(label, bytes)
    }
    damaged(
      'a positions block one byte short',
      withTerms((terms) => void (terms[baghdad]!.entries[0]!.positionGaps = [[]])),
    )
    damaged(
      'two positions for a tf of 1',
      withTerms((terms) => void (terms[baghdad]!.entries[0]!.positionGaps = [[0, 1]])),
    )
    expectAllDamaged()
  })

  it('a token range past the end of its stored text: a coded error, never a snippet cut from nothing', () => {
    damaged(
      "d3's title: its last token ends 100 code units past the text",
      withOffsets((slots) => void (slots[2 * 2]!.at(-1)![1] += 100)),
    )
    damaged(
      "d3's title: its last token starts past the text",
      withOffsets((slots) => void (slots[2 * 2]!.at(-1)![0] = slots[2 * 2]!.at(-1)![1] = 1000)),
    )
    expectAllDamaged()
  })
})

describe('what PackedIndex.load accepts', () => {
  it('not bytes (a string, a number, null, undefined, a plain object, an array): FAHRAS_INVALID_ARGUMENT naming what was given', () => {
    for (const input of ['bytes', 42, null, undefined, { length: 3 }, [...BYTES]]) {
      expectCoded(
        () => PackedIndex.load(input as never),
        ERROR_CODES.INVALID_ARGUMENT,
        /expected the bytes of a packed index \(a Uint8Array or an ArrayBuffer\), got/,
      )
    }
  })

  it('an unaligned Uint8Array subarray, an ArrayBuffer, a Node Buffer and a DataView over a valid index load and search as the aligned bytes', () => {
    for (const shift of [1, 3, 5, 7]) {
      const host = new Uint8Array(BYTES.length + shift + 5)
      host.set(BYTES, shift)
      const unaligned = host.subarray(shift, shift + BYTES.length)
      const index = PackedIndex.load<Doc>(unaligned)
      for (const q of QUERIES) expect(seen(index, q)).toEqual(EXPECTED[q])
      expect(index.getStoredFields('d4')).toEqual({ title: DOCS[3]!.title, text: DOCS[3]!.text })
    }
    const inputs = [BYTES.slice().buffer, Buffer.from(BYTES), new DataView(BYTES.slice().buffer)]
    for (const input of inputs)
      for (const q of QUERIES) expect(seen(PackedIndex.load<Doc>(input as Uint8Array), q)).toEqual(EXPECTED[q])
  })

  it('bytes of another kind of view (a Uint16Array of a damaged index) are read as bytes: FAHRAS_INVALID_INDEX', () => {
    expectCoded(
      () => PackedIndex.load(new Uint16Array(16) as never),
      ERROR_CODES.INVALID_INDEX,
      /expected a packed fahras index/,
    )
  })

  it('options that disagree with the packed ones: FAHRAS_ANALYZER_MISMATCH', () => {
    expectCoded(() => PackedIndex.load(BYTES, { fields: ['title'] }), ERROR_CODES.ANALYZER_MISMATCH, /fields/)
    expectCoded(() => PackedIndex.load(BYTES, { storeFields: ['title'] }), ERROR_CODES.ANALYZER_MISMATCH, /storeFields/)
    expectCoded(() => PackedIndex.load(BYTES, { stem: false }), ERROR_CODES.ANALYZER_MISMATCH, /stem/)
    expectCoded(() => PackedIndex.load(BYTES, { exactBoost: 2 }), ERROR_CODES.ANALYZER_MISMATCH, /exactBoost/)
    // the same values again load
    expect(PackedIndex.load(BYTES, { fields: ['title', 'text'], stem: true, exactBoost: 0.5 }).documentCount).toBe(
      DOCS.length,
    )
  })

  it('text not stored: snippets come from getText, and without it there is no snippet for that field', () => {
    const bytes = packDocuments(DOCS, { fields: ['title', 'text'], storeFields: ['title'] })
    const texts = new Map(DOCS.map((d) => [d.id, d]))
    const asked: string[] = []
    const withText = PackedIndex.load<Doc>(bytes, {
      getText: (id, field) => (asked.push(`${id}:${field}`), texts.get(id as string)?.[field as keyof Doc]),
    })
    const [hit] = withText.search('القاهرة')
    expect(hit!.id).toBe('d2')
    expect(hit!.snippets.text?.html).toContain('<mark>القاهرة</mark>')
    expect(asked).toContain('d2:text')
    expect(withText.getStoredFields('d2')).toEqual({ title: DOCS[1]!.title })
    const without = PackedIndex.load<Doc>(bytes).search('القاهرة')[0]!
    expect(without.id).toBe('d2')
    expect(without.snippets.text).toBeUndefined()
  })
})

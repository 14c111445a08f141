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
const seen = (index: PackedIndex<Doc>, query: string) => index.search(query).map((r) => ({ id: r.id, score: r.score, snippets: r.snippets }))
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

function varints(bytes: Uint8Array) {
  let at = 0
  return {
    next(): number {
      let value = 0
      let scale = 1
      for (;;) {
        const b = bytes[at++]!
        value += (b & 0x7f) * scale
        if (b < 0x80) return value
        scale *= 128
      }
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

interface Entry {
  field: number
  docs: number[]
  tfs: number[]
}

/** TDIC + POST decoded: each term with its field entries. */
function decodeTerms(tdic: Uint8Array, post: Uint8Array): Array<{ term: string; entries: Entry[] }> {
  const v = le(tdic)
  const count = v.getUint32(0, true)
  const charStart = (i: number) => v.getUint32(4 + 4 * i, true)
  const postStart = (i: number) => v.getUint32(4 + 4 * (count + 1) + 4 * i, true)
  const charsAt = 4 + 8 * (count + 1)
  const out: Array<{ term: string; entries: Entry[] }> = []
  for (let t = 0; t < count; t++) {
    let term = ''
    for (let k = charStart(t); k < charStart(t + 1); k++) term += String.fromCharCode(v.getUint16(charsAt + 2 * k, true))
    const r = varints(post.subarray(postStart(t), postStart(t + 1)))
    const entries: Entry[] = []
    for (let e = r.next(); e > 0; e--) {
      const field = r.next()
      const df = r.next()
      r.next() // byte length of the block
      const docs: number[] = []
      const tfs: number[] = []
      for (let k = 0; k < df; k++) {
        const gap = r.next()
        docs.push(k === 0 ? gap : docs[k - 1]! + gap)
        tfs.push(r.next())
      }
      entries.push({ field, docs, tfs })
    }
    out.push({ term, entries })
  }
  return out
}

/** TDIC + POST written as docs/format.md says (gaps, tfs and offsets taken as given, even when wrong). */
function encodeTerms(terms: ReadonlyArray<{ term: string; entries: ReadonlyArray<{ field: number; gaps: number[]; tfs: number[] }> }>): { tdic: Uint8Array; post: Uint8Array } {
  const post: number[] = []
  const postStart: number[] = []
  const charStart: number[] = []
  const units: number[] = []
  for (const { term, entries } of terms) {
    postStart.push(post.length)
    charStart.push(units.length)
    for (let k = 0; k < term.length; k++) units.push(term.charCodeAt(k))
    post.push(...varint(entries.length))
    for (const { field, gaps, tfs } of entries) {
      const block = gaps.flatMap((g, k) => [...varint(g), ...varint(tfs[k]!)])
      post.push(...varint(field), ...varint(gaps.length), ...varint(block.length), ...block)
    }
  }
  postStart.push(post.length)
  charStart.push(units.length)
  const tdic = new Uint8Array(4 + 8 * (terms.length + 1) + 2 * units.length)
  const v = le(tdic)
  v.setUint32(0, terms.length, true)
  charStart.forEach((c, i) => v.setUint32(4 + 4 * i, c, true))
  postStart.forEach((p, i) => v.setUint32(4 + 4 * (terms.length + 1) + 4 * i, p, true))
  units.forEach((u, i) => v.setUint16(4 + 8 * (terms.length + 1) + 2 * i, u, true))
  return { tdic, post: Uint8Array.from(post) }
}

const asGaps = (terms: ReturnType<typeof decodeTerms>) =>
  terms.map(({ term, entries }) => ({ term, entries: entries.map(({ field, docs, tfs }) => ({ field, gaps: docs.map((d, k) => (k === 0 ? d : d - docs[k - 1]!)), tfs: [...tfs] })) }))

/** One table of STOR: each document's kind (0 absent, 1 string, 2 JSON) and text. */
interface StoredTable {
  kinds: number[]
  texts: string[]
}

/** STOR decoded as docs/format.md says. */
function decodeStored(stor: Uint8Array, n: number): StoredTable[] {
  const v = le(stor)
  const count = v.getUint32(0, true)
  return Array.from({ length: count }, (_, s) => {
    const start = v.getUint32(4 + 4 * s, true)
    const offset = (d: number) => v.getUint32(start + 4 * d, true)
    const kindsAt = start + 4 * (n + 1)
    const unitsAt = kindsAt + n + (n % 2)
    const kinds = Array.from({ length: n }, (_, d) => stor[kindsAt + d]!)
    const texts = Array.from({ length: n }, (_, d) => String.fromCharCode(...Array.from({ length: offset(d + 1) - offset(d) }, (_, k) => v.getUint16(unitsAt + 2 * (offset(d) + k), true))))
    return { kinds, texts }
  })
}

/** STOR written as docs/format.md says (kinds and texts taken as given, even when wrong). */
function encodeStored(tables: readonly StoredTable[], n: number): Uint8Array {
  const bytes: number[] = []
  const u32 = (x: number) => bytes.push(x & 0xff, (x >>> 8) & 0xff, (x >>> 16) & 0xff, x >>> 24)
  const pad = (m: number) => {
    while (bytes.length % m !== 0) bytes.push(0)
  }
  u32(tables.length)
  const startsAt = bytes.length
  for (let i = 0; i <= tables.length; i++) u32(0)
  const starts: number[] = []
  for (const { kinds, texts } of tables) {
    pad(4)
    starts.push(bytes.length)
    let offset = 0
    u32(0)
    for (const t of texts) u32((offset += t.length))
    bytes.push(...kinds)
    pad(2)
    for (const t of texts) for (let k = 0; k < t.length; k++) bytes.push(t.charCodeAt(k) & 0xff, t.charCodeAt(k) >>> 8)
  }
  pad(4)
  starts.push(bytes.length)
  const out = Uint8Array.from(bytes)
  starts.forEach((start, i) => le(out).setUint32(startsAt + 4 * i, start, true))
  void n
  return out
}

/** The sections of BYTES (copies). */
const sectionsOf = (bytes: Uint8Array) => new Map([...readContainer(bytes, 'test')].map(([tag, body]) => [tag, body.slice()]))
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
    expect(count).toBe(7)
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
    expect(tags).toEqual(['META', 'NUMS', 'IDS_', 'FLEN', 'TDIC', 'POST', 'STOR'])
  })

  it('its terms are sorted by UTF-16 code unit, and rewriting them as the format says gives the same bytes', () => {
    const terms = TERMS.map((t) => t.term)
    expect(terms).toEqual([...terms].sort())
    expect(new Set(terms).size).toBe(terms.length)
    expect(terms.some((t) => t.startsWith('\u0001'))).toBe(true) // written forms, exactBoost 0.5
    for (const { entries } of TERMS) for (const e of entries) expect(e.docs.every((d) => d < DOCS.length)).toBe(true)
    expect(withTerms(() => {})).toEqual(BYTES)
  })

  it('its stored fields are one table per stored field: kinds 1 (string) and 2 (JSON), UTF-16 text; rewriting them gives the same bytes', () => {
    const docs = [{ id: 1, title: 'بغداد', n: 7, tags: ['أ', 'ب'] }, { id: 2, title: '', n: null }, { id: 3 }]
    const bytes = packDocuments(docs, { fields: ['title'], storeFields: ['title', 'n', 'tags'] } as never, { allowMissingFields: true })
    const stor = sectionsOf(bytes).get('STOR')!
    const tables = decodeStored(stor, docs.length)
    expect(tables).toEqual([
      { kinds: [1, 1, 0], texts: ['بغداد', '', ''] },
      { kinds: [2, 2, 0], texts: ['7', 'null', ''] },
      { kinds: [2, 0, 0], texts: ['["أ","ب"]', '', ''] },
    ])
    expect(encodeStored(tables, docs.length)).toEqual(stor)
    const index = PackedIndex.load(bytes)
    expect(index.getStoredFields(1)).toEqual({ title: 'بغداد', n: 7, tags: ['أ', 'ب'] })
    expect(index.getStoredFields(2)).toEqual({ title: '', n: null })
    expect(index.getStoredFields(3)).toEqual({})
  })

  it('a one-word search scores BM25+ of the stem plus exactBoost × BM25+ of the written form, × 2 terms matched, with the NUMS averages and the FLEN lengths, as the format documents', () => {
    const s = sectionsOf(BYTES)
    const nums = le(s.get('NUMS')!)
    const n = nums.getUint32(0, true)
    const fieldCount = nums.getUint32(4, true)
    const average = (f: number) => nums.getFloat64(8 + 8 * f, true)
    const flen = le(s.get('FLEN')!)
    const length = (doc: number, f: number) => flen.getUint32(4 * (doc * fieldCount + f), true)
    const bm25 = (tf: number, df: number, len: number, avg: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (0.5 + (tf * 2.2) / (tf + 1.2 * (1 - 0.7 + (0.7 * len) / avg)))
    // 'القاهرة' is in d2's text only: its stem 'قاهر' (weight 1) and its written form 'القاهره' marked with U+0001 (weight exactBoost 0.5)
    const index = PackedIndex.load<Doc>(BYTES)
    const [hit, ...rest] = index.search('القاهرة', { prefix: false, fuzzy: false })
    expect(hit!.id).toBe('d2')
    expect(rest).toEqual([])
    expect(hit!.match).toEqual({ قاهر: ['text'] })
    let expected = 0
    for (const [term, weight] of [['قاهر', 1], ['\u0001القاهره', 0.5]] as const) {
      const entry = TERMS[termIndex(term)]!
      expect(entry.entries.map((e) => [e.field, e.docs])).toEqual([[1, [1]]])
      for (const e of entry.entries) expected += weight * bm25(e.tfs[0]!, e.docs.length, length(1, e.field), average(e.field))
    }
    // × 2: the engine query holds two strings (the stem and the marked written form), and d2 matched both
    expect(hit!.score).toBeCloseTo(expected * 2, 10)
  })

  it('the hex dump of the example in docs/format.md is the header of the bytes packDocuments writes', () => {
    const doc = readFileSync(new URL('../docs/format.md', import.meta.url), 'utf8')
    const rows = [...doc.matchAll(/^([0-9A-F]{4})  ((?:[0-9A-F]{2} )*[0-9A-F]{2}) {2,}/gm)]
    expect(rows.length).toBeGreaterThanOrEqual(13)
    const bytes = packDocuments([{ id: 'a', title: 'المكتبة' }, { id: 'b', title: 'كتب جديدة' }], { fields: ['title'], storeFields: ['title'] })
    for (const [, at, hex] of rows) {
      const start = Number.parseInt(at!, 16)
      const shown = hex!.split(' ').map((h) => Number.parseInt(h, 16))
      expect([...bytes.subarray(start, start + shown.length)], `docs/format.md row ${at}`).toEqual(shown)
    }
    expect(doc).toContain(`${bytes.length} bytes. The header`)
  })

  it("the META section's JSON keys are the saved JSON index's header keys", () => {
    const index = new ArabicSearch<Doc>({ ...OPTIONS, fields: [...OPTIONS.fields], storeFields: [...OPTIONS.storeFields] })
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
      expectCoded(() => PackedIndex.load(bytes), ERROR_CODES.INDEX_VERSION_MISMATCH, new RegExp(`expected packed format version ${PACKED_FORMAT_VERSION}, got \`${version}\``))
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
    damaged('second doc gap reaches documentCount', withTerms((terms) => void (terms[some]!.entries[0]!.gaps[1] = DOCS.length)))
    damaged('first doc 1000', withTerms((terms) => void (terms[some]!.entries[0]!.gaps[0] = 1000)))
    expectAllDamaged()
  })

  it('a doc gap of 0 after the first posting, a tf of 0, a df of 0, a field past the field count, fields out of order', () => {
    damaged('doc gap 0', withTerms((terms) => void (terms[some]!.entries[0]!.gaps[1] = 0)))
    damaged('tf 0', withTerms((terms) => void (terms[some]!.entries[0]!.tfs[0] = 0)))
    damaged('df 0', withTerms((terms) => void (terms[some]!.entries[0] = { field: 0, gaps: [], tfs: [] })))
    damaged('field 2 of 2', withTerms((terms) => void (terms[some]!.entries[0]!.field = 2)))
    const twoFields = TERMS.findIndex((t) => t.entries.length === 2)
    damaged('fields out of order', withTerms((terms) => void terms[twoFields]!.entries.reverse()))
    expectAllDamaged()
  })

  it('postings that do not fill their space, or run past it', () => {
    const { tdic, post } = encodeTerms(asGaps(TERMS))
    const longer = Uint8Array.from([...post.subarray(0, le(tdic).getUint32(4 + 4 * (TERMS.length + 1) + 4, true)), 0, ...post.subarray(le(tdic).getUint32(4 + 4 * (TERMS.length + 1) + 4, true))])
    const shifted = tdic.slice()
    for (let i = 1; i <= TERMS.length; i++) {
      const at = 4 + 4 * (TERMS.length + 1) + 4 * i
      le(shifted).setUint32(at, le(shifted).getUint32(at, true) + 1, true)
    }
    damaged('a stray byte after the postings of term 0', rebuilt({ TDIC: shifted, POST: longer })) // a stray byte after the first term's postings
    damaged('a tf of 2^60 (a varint too long)', withTerms((terms) => void (terms[some]!.entries[0]!.tfs[0] = 2 ** 60))) // a varint too long
    expectAllDamaged()
  })

  it('TDIC offsets out of order or past their sections', () => {
    const tdic = sectionsOf(BYTES).get('TDIC')!
    const count = TERMS.length
    const swapped = tdic.slice()
    const a = le(swapped).getUint32(4 + 4 * 2, true)
    le(swapped).setUint32(4 + 4 * 2, le(swapped).getUint32(4 + 4 * 3, true), true)
    le(swapped).setUint32(4 + 4 * 3, a, true)
    damaged('char offsets 2 and 3 swapped', rebuilt({ TDIC: swapped }))
    const posts = tdic.slice()
    le(posts).setUint32(4 + 4 * (count + 1) + 4 * count, 1_000_000, true)
    damaged('last postings offset past POST', rebuilt({ TDIC: posts }))
    const many = tdic.slice()
    le(many).setUint32(0, 0xffffffff, true)
    damaged('term count 2^32-1', rebuilt({ TDIC: many }))
    expectAllDamaged()
  })

  it('a term dictionary out of order or with a repeated term (the binary search would miss terms)', () => {
    const target = termIndex(TERMS.find((t) => !t.term.startsWith('\u0001') && t.entries.some((e) => e.docs.includes(2)))!.term)
    // move one term to the front: every term is still there, the order is broken
    damaged('a term moved to the front', withTerms((terms) => void terms.unshift(...terms.splice(target, 1))))
    damaged('a term repeated', withTerms((terms) => void terms.splice(target + 1, 0, { ...terms[target]! })))
    expectAllDamaged()
  })

  it('META not JSON, not an object, or naming other fields', () => {
    damaged('META cut short', rebuilt({ META: json('{"format": "fahras-index", ') }))
    damaged('META not UTF-8', rebuilt({ META: Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]) })) // not UTF-8
    for (const meta of [null, [], 42, 'fahras']) damaged(`META ${JSON.stringify(meta)}`, rebuilt({ META: json(JSON.stringify(meta)) }))
    expectCoded(() => PackedIndex.load(rebuilt({ META: json({ ...META, fields: ['title'] }) })), ERROR_CODES.INVALID_INDEX, /names 1 fields, its lengths are for 2/)
    expectCoded(() => PackedIndex.load(rebuilt({ META: json({ ...META, fields: ['title', 'text', 'extra'] }) })), ERROR_CODES.INVALID_INDEX, /names 3 fields/)
    for (const fields of [undefined, 'title', [1, 2]]) expect(outcome(() => PackedIndex.load(rebuilt({ META: json({ ...META, fields }) })))).toMatch(/^FAHRAS_/)
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

  /** IDS_ (u32 offsets in UTF-16 code units, then UTF-16LE text) with document 0's id text replaced. */
  function withEntry(tag: 'IDS_', entry: string): Uint8Array {
    const table = sectionsOf(BYTES).get(tag)!
    const v = le(table)
    const base = 4 * (DOCS.length + 1)
    const offsets = Array.from({ length: DOCS.length + 1 }, (_, i) => v.getUint32(4 * i, true))
    const entries = offsets.slice(0, -1).map((o, i) => String.fromCharCode(...Array.from({ length: offsets[i + 1]! - o }, (_, k) => v.getUint16(base + 2 * (o + k), true))))
    expect(JSON.parse(entries[0]!)).toBe('d1')
    entries[0] = entry
    const out = new Uint8Array(base + 2 * entries.reduce((n, e) => n + e.length, 0))
    const w = le(out)
    let at = 0
    entries.forEach((e, i) => {
      w.setUint32(4 * i, at, true)
      for (let k = 0; k < e.length; k++) w.setUint16(base + 2 * (at + k), e.charCodeAt(k), true)
      at += e.length
    })
    w.setUint32(4 * DOCS.length, at, true)
    return rebuilt({ [tag]: out })
  }

  /** STOR with the tables edited. */
  function withStored(edit: (tables: StoredTable[]) => void): Uint8Array {
    const tables = decodeStored(sectionsOf(BYTES).get('STOR')!, DOCS.length)
    edit(tables)
    return rebuilt({ STOR: encodeStored(tables, DOCS.length) })
  }

  it('an id that is not JSON, not a string or a finite number, or repeated', () => {
    for (const entry of ['"d1', 'null', '{}', '[1]', 'true', '1e999']) damaged(`id ${entry}`, withEntry('IDS_', entry))
    damaged('id d2 twice', withEntry('IDS_', '"d2"'))
    expectAllDamaged()
  })

  it('stored values that are not JSON, of an unknown kind, absent with text, or tables that disagree with storeFields', () => {
    damaged('JSON kind, not JSON', withStored((t) => void ((t[0]!.kinds[0] = 2), (t[0]!.texts[0] = '{"a":'))))
    damaged('kind 3', withStored((t) => void (t[0]!.kinds[0] = 3)))
    damaged('absent with text', withStored((t) => void (t[0]!.kinds[0] = 0)))
    damaged('one table for two stored fields', withStored((t) => void t.pop()))
    damaged('three tables for two stored fields', withStored((t) => void t.push({ kinds: DOCS.map(() => 1), texts: DOCS.map(() => 'x') })))
    expectAllDamaged()
  })
})

describe('what PackedIndex.load accepts', () => {
  it('not bytes (a string, a number, null, undefined, a plain object, an array): FAHRAS_INVALID_ARGUMENT naming what was given', () => {
    for (const input of ['bytes', 42, null, undefined, { length: 3 }, [...BYTES]]) {
      expectCoded(() => PackedIndex.load(input as never), ERROR_CODES.INVALID_ARGUMENT, /expected the bytes of a packed index \(a Uint8Array or an ArrayBuffer\), got/)
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
    for (const input of inputs) for (const q of QUERIES) expect(seen(PackedIndex.load<Doc>(input as Uint8Array), q)).toEqual(EXPECTED[q])
  })

  it('bytes of another kind of view (a Uint16Array of a damaged index) are read as bytes: FAHRAS_INVALID_INDEX', () => {
    expectCoded(() => PackedIndex.load(new Uint16Array(16) as never), ERROR_CODES.INVALID_INDEX, /expected a packed fahras index/)
  })

  it('options that disagree with the packed ones: FAHRAS_ANALYZER_MISMATCH', () => {
    expectCoded(() => PackedIndex.load(BYTES, { fields: ['title'] }), ERROR_CODES.ANALYZER_MISMATCH, /fields/)
    expectCoded(() => PackedIndex.load(BYTES, { storeFields: ['title'] }), ERROR_CODES.ANALYZER_MISMATCH, /storeFields/)
    expectCoded(() => PackedIndex.load(BYTES, { stem: false }), ERROR_CODES.ANALYZER_MISMATCH, /stem/)
    expectCoded(() => PackedIndex.load(BYTES, { exactBoost: 2 }), ERROR_CODES.ANALYZER_MISMATCH, /exactBoost/)
    // the same values again load
    expect(PackedIndex.load(BYTES, { fields: ['title', 'text'], stem: true, exactBoost: 0.5 }).documentCount).toBe(DOCS.length)
  })

  it('text not stored: snippets come from getText, and without it there is no snippet for that field', () => {
    const bytes = packDocuments(DOCS, { fields: ['title', 'text'], storeFields: ['title'] })
    const texts = new Map(DOCS.map((d) => [d.id, d]))
    const asked: string[] = []
    const withText = PackedIndex.load<Doc>(bytes, { getText: (id, field) => (asked.push(`${id}:${field}`), texts.get(id as string)?.[field as keyof Doc]) })
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

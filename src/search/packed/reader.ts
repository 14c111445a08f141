/**
 * A view over the bytes of a packed index (docs/format.md): the sections checked once, then
 * read where a search needs them: the term dictionary by binary search (prefixes as a range,
 * typos by a bounded walk), postings decoded term by term, field lengths and averages as typed
 * arrays, ids and stored fields decoded one document at a time. Nothing is parsed into objects
 * at load but the small META section. @internal
 */
import type { DocumentId } from '../options.js'
import { decodeText, decodeTextInto, f64s, FormatProblem, readVarint, u32s, WIDE } from './bytes.js'
import { damagedPacked, readContainer, STORED_KIND } from './layout.js'


/** The postings of one term in one field: document numbers (ascending) and term frequencies. */
export interface FieldPostings {
  readonly docs: Int32Array
  readonly tfs: Int32Array
  /** Where the positions of these postings are in POST (-1: the field has none). */
  readonly positionsAt: number
  readonly positionsEnd: number
  /** The largest term frequency and the shortest field of these postings (bounds of their scores). */
  readonly maxTf: number
  readonly minLength: number
}

/** A packed index opened for reading. */
export interface PackedView {
  /** The JSON header (META): format, version, analyzer, fields, storeFields, idField, exactBoost, settings. */
  readonly meta: Record<string, unknown>
  readonly documentCount: number
  readonly fieldCount: number
  /** Average length of each field (as the index that was packed counted it). */
  readonly averageFieldLength: Float64Array
  /** The length of field `field` of document `doc` (distinct words). */
  fieldLength(doc: number, field: number): number
  idAt(doc: number): DocumentId
  /** The document number of an id, or -1. */
  docOf(id: DocumentId): number
  storedAt(doc: number): Record<string, unknown> | undefined
  readonly termCount: number
  termAt(index: number): string
  /** The index of a term, or -1. */
  findTerm(term: string): number
  /** The range [start, end) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number]
  /** The terms within `maxDistance` edits of `term` (Levenshtein), with their distances. */
  fuzzy(term: string, maxDistance: number): Array<[number, number]>
  /** The postings of a term in a field (null when the term is not in that field). */
  postings(term: number, field: number): FieldPostings | null
  /** Documents holding a term, summed over the fields. */
  frequency(term: number): number
  /** The positions (token numbers) of the term in the k-th document of `postings`, or null. */
  positions(postings: FieldPostings, k: number): Int32Array | null
  /** The [start, end) in the original text of each token of a stored field, as pairs, or null. */
  tokenRanges(doc: number, field: number): Int32Array | null
}

/** UTF-8 of the META section, checked: a damaged header must not be read as another one. */
const strict = new TextDecoder('utf-8', { fatal: true })
/** Decoded stored fields kept for the documents read last (a search reads a result's several times). */
const STORED_CACHE = 64

/** Opens packed bytes; throws FAHRAS_INVALID_INDEX (or FAHRAS_INDEX_VERSION_MISMATCH) naming the problem. */
export function openPacked(input: Uint8Array, where: string): PackedView {
  const sections = readContainer(input, where)
  const coded = (at: string) => (error: unknown) => {
    if (error instanceof FormatProblem || error instanceof RangeError || error instanceof SyntaxError || error instanceof TypeError) return Object.assign(damagedPacked(at, error.message), { cause: error })
    return error
  }
  let opened: PackedView
  try {
    opened = view(sections)
  } catch (error) {
    throw coded(where)(error)
  }
  // what is read later, when a search needs it, fails with a coded error too
  const later = coded('PackedIndex')
  const guard = <A extends unknown[], R>(read: (...args: A) => R) => (...args: A): R => {
    try {
      return read(...args)
    } catch (error) {
      throw later(error)
    }
  }
  return { ...opened, postings: guard(opened.postings), frequency: guard(opened.frequency), positions: guard(opened.positions), tokenRanges: guard(opened.tokenRanges), idAt: guard(opened.idAt), docOf: guard(opened.docOf), storedAt: guard(opened.storedAt) }
}

/**
 * The reader of STOR: per stored field, u32 offsets (code units), a kind byte per document and
 * UTF-16LE code units (write.ts). Returns a document's stored fields, or undefined without any.
 */
function storedTables(bytes: Uint8Array, documentCount: number, names: readonly string[], problem: (what: string) => Error): (doc: number) => Record<string, unknown> | undefined {
  if (bytes.length < 4) throw problem('its STOR section is too short')
  const count = u32s(bytes, 0, 1)[0]!
  if (bytes.length < 4 * (count + 2)) throw problem('its STOR section is too short for its fields')
  if (count !== names.length) throw problem(`its STOR section holds ${count} fields, its header names ${names.length}`)
  const starts = u32s(bytes, 4, count + 1)
  const fields: Array<{ offsets: Uint32Array; kinds: Uint8Array; units: number }> = []
  for (let f = 0; f < count; f++) {
    const start = starts[f]!
    if (start % 4 !== 0 || start + 4 * (documentCount + 1) + documentCount > bytes.length) throw problem('its STOR section has a field table that does not fit it')
    const offsets = u32s(bytes, start, documentCount + 1)
    const kinds = bytes.subarray(start + 4 * (documentCount + 1), start + 4 * (documentCount + 1) + documentCount)
    const units = start + 4 * (documentCount + 1) + documentCount
    for (let i = 0; i < documentCount; i++) {
      const empty = offsets[i] === offsets[i + 1]
      if (offsets[i]! > offsets[i + 1]! || kinds[i]! > STORED_KIND.json || (kinds[i] === STORED_KIND.absent && !empty) || (kinds[i] === STORED_KIND.json && empty)) {
        throw problem('its STOR section has offsets or kinds out of order')
      }
    }
    if (offsets[0] !== 0 || units + offsets[documentCount]! > starts[f + 1]!) throw problem('its STOR section has offsets that do not fit it')
    fields.push({ offsets, kinds, units })
  }
  return (doc) => {
    let stored: Record<string, unknown> | undefined
    for (let f = 0; f < count; f++) {
      const { offsets, kinds, units } = fields[f]!
      const kind = kinds[doc]!
      if (kind === STORED_KIND.absent) continue
      const text = decodeText(bytes, units + offsets[doc]!, units + offsets[doc + 1]!)
      ;(stored ??= {})[names[f]!] = kind === STORED_KIND.string ? text : JSON.parse(text)
    }
    return stored
  }
}

function view(sections: Map<string, Uint8Array>): PackedView {
  const at = [0]
  const section = (tag: string) => sections.get(tag)!
  const problem = (what: string) => new FormatProblem(what)
  const meta = JSON.parse(strict.decode(section('META'))) as Record<string, unknown>
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) throw problem('its META section is not a JSON object')

  const nums = section('NUMS')
  if (nums.length < 8) throw problem('its NUMS section is too short')
  const numbers = u32s(nums, 0, 2)
  const documentCount = numbers[0]!
  const fieldCount = numbers[1]!
  if (nums.length !== 8 + 8 * fieldCount) throw problem('its NUMS section does not hold one average per field')
  const averageFieldLength = f64s(nums, 8, fieldCount)
  // 0 is sound (a field no document has); anything else must be a length
  if (averageFieldLength.some((a) => !Number.isFinite(a) || a < 0)) throw problem('its NUMS section holds an average field length that is not a finite number >= 0')

  const flenBytes = section('FLEN')
  if (flenBytes.length !== 4 * documentCount * fieldCount) throw problem('its FLEN section does not hold one length per document and field')
  const lengths = u32s(flenBytes, 0, documentCount * fieldCount)

  // ids and stored fields: u32 offsets into JSON texts in UTF-16LE, one entry per document
  const table = (tag: string) => {
    const bytes = section(tag)
    if (bytes.length < 4 * (documentCount + 1)) throw problem(`its ${tag} section is too short`)
    const offsets = u32s(bytes, 0, documentCount + 1)
    const base = 4 * (documentCount + 1)
    for (let i = 0; i < documentCount; i++) if (offsets[i]! > offsets[i + 1]!) throw problem(`its ${tag} section has offsets out of order`)
    if (offsets[0] !== 0 || base + offsets[documentCount]! !== bytes.length) throw problem(`its ${tag} section has offsets that do not fit it`)
    return (doc: number): string | undefined => (offsets[doc] === offsets[doc + 1] ? undefined : decodeText(bytes, base + offsets[doc]!, base + offsets[doc + 1]!))
  }
  const idText = table('IDS_')
  const storeFields = Array.isArray(meta.storeFields) ? meta.storeFields.map(String) : []
  const storedField = storedTables(section('STOR'), documentCount, storeFields, problem)
  const ids = new Array<DocumentId | undefined>(documentCount)
  const storedCache = new Map<number, Record<string, unknown> | undefined>()
  let byId: Map<DocumentId, number> | undefined

  const idAt = (doc: number): DocumentId => {
    let id = ids[doc]
    if (id === undefined) {
      const parsed: unknown = JSON.parse(idText(doc) ?? 'null')
      if (typeof parsed !== 'string' && !(typeof parsed === 'number' && Number.isFinite(parsed))) throw damagedPacked('PackedIndex', `the id of document ${doc} is not a string or a finite number`)
      ids[doc] = id = parsed
    }
    return id
  }

  // the term dictionary, front-coded (write.ts): decoded once into typed arrays, the terms'
  // code units one after another and where each term and its postings start
  const tdic = section('TDIC')
  if (tdic.length < 4) throw problem('its TDIC section is too short')
  const termCount = u32s(tdic, 0, 1)[0]!
  const post = section('POST')
  if (termCount > tdic.length || termCount > post.length) throw problem('its TDIC section declares more terms than it can hold')
  const charStart = new Uint32Array(termCount + 1)
  const postStart = new Uint32Array(termCount + 1)
  let chars = new Uint16Array(Math.max(16, tdic.length))
  {
    let q = 4
    let used = 0
    let posting = 0
    let previousStart = 0
    let previousLength = 0
    for (let i = 0; i < termCount; i++) {
      const shared = readVarint(tdic, q, tdic.length, at)
      const own = readVarint(tdic, at[0]!, tdic.length, at)
      q = at[0]!
      if (shared > previousLength || (i > 0 && own === 0)) throw problem('its term dictionary is not in order (or holds a term twice)')
      if (used + shared + own > chars.length) {
        const grown = new Uint16Array(Math.max(chars.length * 2, used + shared + own))
        grown.set(chars.subarray(0, used))
        chars = grown
      }
      charStart[i] = used
      chars.copyWithin(used, previousStart, previousStart + shared)
      // the term's own code units: `own` of them, one byte each but for wide ones
      let end = q
      for (let k = 0; k < own; k++) {
        if (end >= tdic.length) throw problem('a term runs past the end of TDIC')
        end += tdic[end] === WIDE ? 3 : 1
      }
      if (end > tdic.length || decodeTextInto(tdic, q, end, chars, used + shared) !== own) throw problem('a term of TDIC is damaged')
      q = end
      // strictly after the term before: the first code unit after the shared ones is greater
      if (i > 0 && shared < previousLength && chars[used + shared]! <= chars[previousStart + shared]!) throw problem('its term dictionary is not in order (or holds a term twice)')
      previousStart = used
      previousLength = shared + own
      used += shared + own
      postStart[i] = posting
      const length = readVarint(tdic, q, tdic.length, at)
      q = at[0]!
      if (length === 0) throw problem('a term of TDIC has no postings')
      posting += length
    }
    charStart[termCount] = used
    postStart[termCount] = posting
    if (q !== tdic.length || posting !== post.length) throw problem('its TDIC section does not fit POST')
  }
  const termAt = (i: number) => {
    let s = ''
    for (let k = charStart[i]!; k < charStart[i + 1]!; k++) s += String.fromCharCode(chars[k]!)
    return s
  }
  /** Compares `term` with the dictionary's term i, by UTF-16 code units (as the sort that wrote it). */
  const compare = (term: string, i: number, prefixOnly: boolean): number => {
    const start = charStart[i]!
    const length = charStart[i + 1]! - start
    const n = prefixOnly ? Math.min(term.length, length) : Math.max(term.length, length)
    for (let k = 0; k < n; k++) {
      if (k >= term.length) return -1
      if (k >= length) return 1
      const d = term.charCodeAt(k) - chars[start + k]!
      if (d !== 0) return d
    }
    return prefixOnly && term.length > length ? 1 : 0
  }
  // the first term >= term (prefixOnly: the first whose start is >= term)
  const lowerBound = (term: string, prefixOnly: boolean, strict: boolean) => {
    let lo = 0
    let hi = termCount
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const c = compare(term, mid, prefixOnly)
      if (c > 0 || (strict && c === 0)) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const findTerm = (term: string) => {
    const i = lowerBound(term, false, false)
    return i < termCount && compare(term, i, false) === 0 ? i : -1
  }
  const prefixRange = (prefix: string): [number, number] => [lowerBound(prefix, true, false), lowerBound(prefix, true, true)]

  /** The field entries of a term: [field, df, start, end, positions start, positions end] each (-1: no positions). */
  const ENTRY = 6
  const entriesOf = (term: number): number[] => {
    const end = postStart[term + 1]!
    let p = postStart[term]!
    const count = readVarint(post, p, end, at)
    p = at[0]!
    const out: number[] = []
    let lastField = -1
    const damaged = () => problem(`the postings of the term ${JSON.stringify(termAt(term))} are damaged`)
    for (let e = 0; e < count; e++) {
      const flagged = readVarint(post, p, end, at)
      const field = Math.floor(flagged / 2)
      const df = readVarint(post, at[0]!, end, at)
      const length = readVarint(post, at[0]!, end, at)
      p = at[0]!
      if (field <= lastField || field >= fieldCount || df === 0 || df > documentCount || p + length > end) throw damaged()
      out.push(field, df, p, p + length)
      p += length
      if (flagged % 2 === 1) {
        const positionsLength = readVarint(post, p, end, at)
        p = at[0]!
        if (p + positionsLength > end) throw damaged()
        out.push(p, p + positionsLength)
        p += positionsLength
      } else out.push(-1, -1)
      lastField = field
    }
    if (p !== end) throw problem(`the postings of the term ${JSON.stringify(termAt(term))} do not fill their space`)
    return out
  }
  const entryOf = (term: number, field: number): number[] | null => {
    const entries = entriesOf(term)
    for (let e = 0; e < entries.length; e += ENTRY) if (entries[e] === field) return entries.slice(e, e + ENTRY)
    return null
  }
  const postings = (term: number, field: number): FieldPostings | null => {
    const entry = entryOf(term, field)
    if (entry === null) return null
    const df = entry[1]!
    const end = entry[3]!
    const docs = new Int32Array(df)
    const tfs = new Int32Array(df)
    let p = entry[2]!
    let doc = -1
    let maxTf = 0
    let minLength = Infinity
    for (let k = 0; k < df; k++) {
      const gap = readVarint(post, p, end, at)
      const tf = readVarint(post, at[0]!, end, at)
      p = at[0]!
      doc = k === 0 ? gap : doc + gap
      if ((k > 0 && gap === 0) || doc >= documentCount || tf === 0) throw problem(`the postings of the term ${JSON.stringify(termAt(term))} are damaged`)
      docs[k] = doc
      tfs[k] = tf
      if (tf > maxTf) maxTf = tf
      const length = lengths[doc * fieldCount + field]!
      if (length < minLength) minLength = length
    }
    if (p !== end) throw problem(`the postings of the term ${JSON.stringify(termAt(term))} do not fill their space`)
    return { docs, tfs, positionsAt: entry[4]!, positionsEnd: entry[5]!, maxTf, minLength }
  }
  /** The positions of the k-th posting (its `tf` of them), or null when the field has none. */
  const positions = (p: FieldPostings, k: number): Int32Array | null => {
    if (p.positionsAt < 0) return null
    const end = p.positionsEnd
    let q = p.positionsAt
    for (let i = 0; i < k; i++) {
      const length = readVarint(post, q, end, at)
      q = at[0]! + length
    }
    const length = readVarint(post, q, end, at)
    q = at[0]!
    const stop = q + length
    if (stop > end) throw problem('the positions of a term are damaged')
    const tf = p.tfs[k]!
    const out = new Int32Array(tf)
    let last = 0
    for (let i = 0; i < tf; i++) {
      const gap = readVarint(post, q, stop, at)
      q = at[0]!
      last = i === 0 ? gap : last + gap
      out[i] = last
    }
    if (q !== stop) throw problem('the positions of a term do not fill their space')
    return out
  }
  // the offsets of the tokens of the stored fields: per document and field, (start gap, length) varints
  const offs = section('OFFS')
  const slots = documentCount * fieldCount
  if (offs.length < 4 * (slots + 1)) throw problem('its OFFS section is too short')
  const tokenStarts = u32s(offs, 0, slots + 1)
  const tokenBase = 4 * (slots + 1)
  for (let i = 0; i < slots; i++) if (tokenStarts[i]! > tokenStarts[i + 1]!) throw problem('its OFFS section has offsets out of order')
  if (tokenStarts[0] !== 0 || tokenBase + tokenStarts[slots]! !== offs.length) throw problem('its OFFS section has offsets that do not fit it')
  /** [start, end) in the original text of every token of a stored field (start, end pairs), or null. */
  const tokenRanges = (doc: number, field: number): Int32Array | null => {
    const slot = doc * fieldCount + field
    let q = tokenBase + tokenStarts[slot]!
    const end = tokenBase + tokenStarts[slot + 1]!
    if (q === end) return null
    const out: number[] = []
    let start = 0
    while (q < end) {
      start += readVarint(offs, q, end, at)
      const length = readVarint(offs, at[0]!, end, at)
      q = at[0]!
      out.push(start, start + length)
    }
    return Int32Array.from(out)
  }
  const frequency = (term: number) => {
    const entries = entriesOf(term)
    let n = 0
    for (let e = 1; e < entries.length; e += ENTRY) n += entries[e]!
    return n
  }

  /**
   * Levenshtein within maxDistance against every term, walking the sorted terms with one row of
   * the edit-distance table per character; rows are shared by terms with a common start, and a
   * start whose row is all above maxDistance skips every term that shares it.
   */
  const fuzzy = (term: string, maxDistance: number): Array<[number, number]> => {
    const m = term.length
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)]
    const found: Array<[number, number]> = []
    let previous = -1
    let i = 0
    while (i < termCount) {
      const start = charStart[i]!
      const length = charStart[i + 1]! - start
      // rows kept from the previous term: its common start with this one
      let depth = 0
      if (previous >= 0) {
        const ps = charStart[previous]!
        const pl = Math.min(charStart[previous + 1]! - ps, length, rows.length - 1)
        while (depth < pl && chars[ps + depth] === chars[start + depth]) depth++
      }
      let pruned = -1
      for (let d = depth + 1; d <= length; d++) {
        const above = rows[d - 1]!
        const row = rows[d] ?? (rows[d] = new Int32Array(m + 1))
        const c = chars[start + d - 1]!
        row[0] = d
        let least = d
        for (let j = 1; j <= m; j++) {
          const cost = term.charCodeAt(j - 1) === c ? 0 : 1
          const v = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost)
          row[j] = v
          if (v < least) least = v
        }
        if (least > maxDistance) {
          pruned = d
          break
        }
      }
      if (pruned >= 0) {
        // skip every term that starts with the first `pruned` characters of this one
        const stem = termAt(i).slice(0, pruned)
        const next = lowerBound(stem, true, true)
        previous = -1
        i = Math.max(next, i + 1)
        continue
      }
      const distance = rows[length]![m]!
      if (distance <= maxDistance) found.push([i, distance])
      previous = i
      i++
    }
    return found
  }

  const docOf = (id: DocumentId): number => {
    if (byId === undefined) {
      const table = new Map<DocumentId, number>()
      for (let doc = 0; doc < documentCount; doc++) {
        const id = idAt(doc)
        if (table.has(id)) throw problem(`two documents have the id ${JSON.stringify(id)}`)
        table.set(id, doc)
      }
      byId = table
    }
    return byId.get(id) ?? -1
  }

  return {
    meta,
    documentCount,
    fieldCount,
    averageFieldLength,
    fieldLength: (doc, field) => lengths[doc * fieldCount + field]!,
    idAt,
    docOf,
    storedAt: (doc) => {
      let stored = storedCache.get(doc)
      if (stored === undefined && !storedCache.has(doc)) {
        stored = storedField(doc)
        if (storedCache.size >= STORED_CACHE) storedCache.delete(storedCache.keys().next().value!)
        storedCache.set(doc, stored)
      }
      return stored
    },
    termCount,
    termAt,
    findTerm,
    prefixRange,
    fuzzy,
    postings,
    frequency,
    positions,
    tokenRanges,
  }
}

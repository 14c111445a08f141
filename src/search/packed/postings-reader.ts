/**
 * The reader of POST (docs/format.md): per term, its field entries (field, document count, the
 * byte range of its postings and of their positions), the postings decoded one (term, field) list
 * at a time, with the bounds of their scores, and the positions of one posting. @internal
 */
import { type FormatProblem, readVarint } from './bytes.js'

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

/** POST with what its checks need: where each term's postings start, the counts and the field lengths. @internal */
export interface PostingsSection {
  readonly post: Uint8Array
  /** Where each term's postings start in POST (one more at the end: POST's length). */
  readonly postStart: Uint32Array
  readonly documentCount: number
  readonly fieldCount: number
  /** `lengths[doc * fieldCount + field]`: the length of a document's field (FLEN). */
  readonly lengths: Uint32Array
  readonly termAt: (term: number) => string
  readonly problem: (what: string) => FormatProblem
  /** The end of the last varint read. */
  readonly at: number[]
}

/** The field entries of a term: [field, df, start, end, positions start, positions end] each (-1: no positions). */
const ENTRY = 6

/** The problem of a term's damaged postings. */
function damaged(section: PostingsSection, term: number): FormatProblem {
  return section.problem(`the postings of the term ${JSON.stringify(section.termAt(term))} are damaged`)
}

/** The problem of a term's postings that leave bytes unread. */
function unfilled(section: PostingsSection, term: number): FormatProblem {
  return section.problem(`the postings of the term ${JSON.stringify(section.termAt(term))} do not fill their space`)
}

/** The field entries of a term, ENTRY numbers each, checked. */
function entriesOf(section: PostingsSection, term: number): number[] {
  const { post, postStart, fieldCount, documentCount, at } = section
  const end = postStart[term + 1]!
  let p = postStart[term]!
  const count = readVarint(post, p, end, at)
  p = at[0]!
  const out: number[] = []
  let lastField = -1
  for (let e = 0; e < count; e++) {
    const flagged = readVarint(post, p, end, at)
    const field = Math.floor(flagged / 2)
    const df = readVarint(post, at[0]!, end, at)
    const length = readVarint(post, at[0]!, end, at)
    p = at[0]!
    if (field <= lastField || field >= fieldCount || df === 0 || df > documentCount || p + length > end)
      throw damaged(section, term)
    out.push(field, df, p, p + length)
    p += length
    if (flagged % 2 === 1) {
      const positionsLength = readVarint(post, p, end, at)
      p = at[0]!
      if (p + positionsLength > end) throw damaged(section, term)
      out.push(p, p + positionsLength)
      p += positionsLength
    } else out.push(-1, -1)
    lastField = field
  }
  if (p !== end) throw unfilled(section, term)
  return out
}

/** The entry of a term in a field, or null. */
function entryOf(section: PostingsSection, term: number, field: number): number[] | null {
  const entries = entriesOf(section, term)
  for (let e = 0; e < entries.length; e += ENTRY) if (entries[e] === field) return entries.slice(e, e + ENTRY)
  return null
}

/** The postings of a term in a field, decoded and checked (null when the term is not in that field). @internal */
export function decodePostings(section: PostingsSection, term: number, field: number): FieldPostings | null {
  const entry = entryOf(section, term, field)
  if (entry === null) return null
  const { post, documentCount, fieldCount, lengths, at } = section
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
    if ((k > 0 && gap === 0) || doc >= documentCount || tf === 0) throw damaged(section, term)
    docs[k] = doc
    tfs[k] = tf
    if (tf > maxTf) maxTf = tf
    const length = lengths[doc * fieldCount + field]!
    if (length < minLength) minLength = length
  }
  if (p !== end) throw unfilled(section, term)
  return { docs, tfs, positionsAt: entry[4]!, positionsEnd: entry[5]!, maxTf, minLength }
}

/** The positions of the k-th posting (its `tf` of them), or null when the field has none. @internal */
export function decodePositions(section: PostingsSection, p: FieldPostings, k: number): Int32Array | null {
  if (p.positionsAt < 0) return null
  const { post, at } = section
  const end = p.positionsEnd
  let q = p.positionsAt
  for (let i = 0; i < k; i++) {
    const length = readVarint(post, q, end, at)
    q = at[0]! + length
  }
  const length = readVarint(post, q, end, at)
  q = at[0]!
  const stop = q + length
  if (stop > end) throw section.problem('the positions of a term are damaged')
  const tf = p.tfs[k]!
  const out = new Int32Array(tf)
  let last = 0
  for (let i = 0; i < tf; i++) {
    const gap = readVarint(post, q, stop, at)
    q = at[0]!
    last = i === 0 ? gap : last + gap
    out[i] = last
  }
  if (q !== stop) throw section.problem('the positions of a term do not fill their space')
  return out
}

/** Documents holding a term, summed over the fields. @internal */
export function termFrequency(section: PostingsSection, term: number): number {
  const entries = entriesOf(section, term)
  let n = 0
  for (let e = 1; e < entries.length; e += ENTRY) n += entries[e]!
  return n
}

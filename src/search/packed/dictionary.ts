/**
 * The term dictionary of a packed index (TDIC, docs/format.md): front-coded terms decoded once
 * into typed arrays (the code units one after another, where each term and its postings start),
 * then found by binary search, prefixes as a range, typos by a bounded Levenshtein walk. @internal
 */
import { decodeTextInto, type FormatProblem, readVarint, u32s, WIDE } from './bytes.js'

/** The dictionary as the reader uses it. */
export interface Dictionary {
  readonly termCount: number
  /** Where each term's postings start in POST (one more at the end: POST's length). */
  readonly postStart: Uint32Array
  termAt(index: number): string
  /** The index of a term, or -1. */
  findTerm(term: string): number
  /** The range [start, end) of the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number]
  /** The terms within `maxDistance` edits of `term` (Levenshtein), with their distances. */
  fuzzy(term: string, maxDistance: number): Array<[number, number]>
}

/** The terms decoded: their code units one after another, and where each term starts. @internal */
interface Terms {
  readonly termCount: number
  /** Where each term's code units start in `chars` (one more at the end). */
  readonly charStart: Uint32Array
  readonly chars: Uint16Array
}

/** Reads TDIC (checked against POST's length); damage throws what `problem` makes. */
export function readDictionary(
  tdic: Uint8Array,
  post: Uint8Array,
  problem: (what: string) => FormatProblem,
): Dictionary {
  const { postStart, ...terms } = decodeTerms(tdic, post, problem)
  return {
    termCount: terms.termCount,
    postStart,
    termAt: (i) => termAt(terms, i),
    findTerm: (term) => findTerm(terms, term),
    prefixRange: (prefix) => [lowerBound(terms, prefix, true, false), lowerBound(terms, prefix, true, true)],
    fuzzy: (term, maxDistance) => fuzzy(terms, term, maxDistance),
  }
}

/**
 * The term dictionary, front-coded (write.ts): decoded once into typed arrays, the terms' code
 * units one after another and where each term and its postings start.
 */
function decodeTerms(
  tdic: Uint8Array,
  post: Uint8Array,
  problem: (what: string) => FormatProblem,
): Terms & { readonly postStart: Uint32Array } {
  const at = [0]
  if (tdic.length < 4) throw problem('its TDIC section is too short')
  const termCount = u32s(tdic, 0, 1)[0]!
  if (termCount > tdic.length || termCount > post.length)
    throw problem('its TDIC section declares more terms than it can hold')
  const charStart = new Uint32Array(termCount + 1)
  const postStart = new Uint32Array(termCount + 1)
  let chars = new Uint16Array(Math.max(16, tdic.length))
  let q = 4
  let used = 0
  let posting = 0
  let previousStart = 0
  let previousLength = 0
  for (let i = 0; i < termCount; i++) {
    const shared = readVarint(tdic, q, tdic.length, at)
    const own = readVarint(tdic, at[0]!, tdic.length, at)
    q = at[0]!
    if (shared > previousLength || (i > 0 && own === 0))
      throw problem('its term dictionary is not in order (or holds a term twice)')
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
    if (end > tdic.length || decodeTextInto(tdic, q, end, chars, used + shared) !== own)
      throw problem('a term of TDIC is damaged')
    q = end
    // strictly after the term before: the first code unit after the shared ones is greater
    if (i > 0 && shared < previousLength && chars[used + shared]! <= chars[previousStart + shared]!)
      throw problem('its term dictionary is not in order (or holds a term twice)')
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
  return { termCount, charStart, postStart, chars }
}

/** The term i. */
function termAt(terms: Terms, i: number): string {
  const { charStart, chars } = terms
  let s = ''
  for (let k = charStart[i]!; k < charStart[i + 1]!; k++) s += String.fromCharCode(chars[k]!)
  return s
}

/** Compares `term` with the dictionary's term i, by UTF-16 code units (as the sort that wrote it). */
function compare(terms: Terms, term: string, i: number, prefixOnly: boolean): number {
  const { charStart, chars } = terms
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

/** The first term >= term (prefixOnly: the first whose start is >= term; strict: > term). */
function lowerBound(terms: Terms, term: string, prefixOnly: boolean, strict: boolean): number {
  let lo = 0
  let hi = terms.termCount
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const c = compare(terms, term, mid, prefixOnly)
    if (c > 0 || (strict && c === 0)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The index of a term, or -1. */
function findTerm(terms: Terms, term: string): number {
  const i = lowerBound(terms, term, false, false)
  return i < terms.termCount && compare(terms, term, i, false) === 0 ? i : -1
}

/**
 * Levenshtein within maxDistance against every term, walking the sorted terms with one row of
 * the edit-distance table per character; rows are shared by terms with a common start, and a
 * start whose row is all above maxDistance skips every term that shares it.
 */
function fuzzy(terms: Terms, term: string, maxDistance: number): Array<[number, number]> {
  const { termCount, charStart, chars } = terms
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
      const stem = termAt(terms, i).slice(0, pruned)
      const next = lowerBound(terms, stem, true, true)
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

/**
 * The part of a site index that a page has fetched, seen as a packed index (`PackedView`), so
 * that the packed index's engine and the shared searcher (searcher.ts) rank it: the same code,
 * the same results as `PackedIndex`. What is not fetched yet is recorded as missing when a search
 * reads it (a term chunk, a page's fragment); the runtime fetches it and runs the search again,
 * until a run reads nothing missing (open-site.ts). @internal
 */
import type { DocumentId } from '../../search/options.js'
import type { FieldPostings, PackedView } from '../../search/packed/reader.js'
import { SURFACE } from '../../search/searcher.js'
import {
  chunkOfKey,
  chunksOfPrefix,
  keyOf,
  type DecodedChunk,
  type DecodedPostings,
  type SiteEntry,
  type SiteFragment,
} from '../format.js'

/** What a run read that was not fetched: term chunks, and pages in the order they were read. */
export interface Missing {
  readonly chunks: Set<number>
  readonly pages: Set<number>
}

/** Did the run read everything it needed? @internal */
export const nothingMissing = (missing: Missing): boolean => missing.chunks.size === 0 && missing.pages.size === 0

/** Forgets what the last run lacked (the runtime does before each run). @internal */
export function clearMissing(missing: Missing): void {
  missing.chunks.clear()
  missing.pages.clear()
}

/** The fetched part of a site index. */
export interface SiteData {
  readonly entry: SiteEntry
  /** `lengths[doc * fieldCount + field]`: the length of each field of each page (the entry's). */
  readonly lengths: Int32Array
  readonly fragments: Map<number, SiteFragment>
}

/** The postings of a term as the engine reads them (no positions: snippets analyze the text). */
function fieldPostings(p: DecodedPostings, lengths: Int32Array, field: number, fieldCount: number): FieldPostings {
  let maxTf = 0
  let minLength = Infinity
  for (let k = 0; k < p.docs.length; k++) {
    if (p.tfs[k]! > maxTf) maxTf = p.tfs[k]!
    const length = lengths[p.docs[k]! * fieldCount + field]!
    if (length < minLength) minLength = length
  }
  return { docs: p.docs, tfs: p.tfs, positionsAt: -1, positionsEnd: -1, maxTf, minLength }
}

/** A fetched chunk: its terms' numbers in the view, its written forms and its stems (each in key order). */
interface Fetched {
  readonly chunk: DecodedChunk
  /** The view's number of the chunk's first term (its terms are numbered in chunk order). */
  readonly first: number
  /** Chunk indexes of the written forms and of the stems, each in code-unit order. */
  readonly surface: readonly number[]
  readonly stems: readonly number[]
}

/** The view over the fetched chunks, and the way to add one. */
export type SiteView = PackedView & {
  readonly missing: Missing
  add(c: number, chunk: DecodedChunk): void
  has(c: number): boolean
}

/** The terms of the chunks fetched so far: the chunks by number, each term's number, and where each number is. @internal */
interface FetchedTerms {
  readonly chunks: Map<number, Fetched>
  readonly numbers: Map<string, number>
  /** By term number: its chunk and its index in the chunk. */
  readonly located: Array<{ chunk: DecodedChunk; at: number }>
}

/** Numbers the terms of chunk `c` after those fetched before (a chunk already there is left as it is). @internal */
function addChunk(terms: FetchedTerms, c: number, chunk: DecodedChunk): void {
  if (terms.chunks.has(c)) return
  const first = terms.located.length
  const surface: number[] = []
  const stems: number[] = []
  chunk.terms.forEach((term, at) => {
    terms.numbers.set(term, first + at)
    terms.located.push({ chunk, at })
    ;(term.startsWith(SURFACE) ? surface : stems).push(at)
  })
  terms.chunks.set(c, { chunk, first, surface, stems })
}

/** Are chunks first..last all fetched? Else they are recorded as missing. @internal */
function allFetched(terms: FetchedTerms, missing: Missing, first: number, last: number): boolean {
  let all = true
  for (let c = first; c <= last; c++) {
    if (!terms.chunks.has(c)) {
      missing.chunks.add(c)
      all = false
    }
  }
  return all
}

/** The numbers of the fetched terms that start with `prefix`, chunks first..last all fetched. @internal */
function prefixTermsIn(terms: FetchedTerms, first: number, last: number, prefix: string): number[] {
  const out: number[] = []
  const surface = prefix.startsWith(SURFACE)
  for (let c = first; c <= last; c++) {
    const { chunk, first: base, surface: written, stems } = terms.chunks.get(c)!
    for (const at of surface ? written : stems) if (chunk.terms[at]!.startsWith(prefix)) out.push(base + at)
  }
  return out
}

/**
 * A `PackedView` of the chunks fetched so far: terms are numbered as their chunks arrive (a
 * number never changes, so the engine's postings cache stays good), found by a map, and
 * prefixes are read chunk by chunk in code-unit order (`prefixTerms`). `missing` is where reads
 * of what is not fetched are recorded; the runtime clears it before each run.
 */
export function siteView(data: SiteData, fieldCount: number): SiteView {
  const { entry, lengths } = data
  const n = entry.pageCount
  const terms: FetchedTerms = { chunks: new Map(), numbers: new Map(), located: [] }
  const missing: Missing = { chunks: new Set(), pages: new Set() }
  return {
    missing,
    meta: entry.meta,
    documentCount: n,
    fieldCount,
    averageFieldLength: Float64Array.from(entry.averageFieldLength),
    has: (c) => terms.chunks.has(c),
    add: (c, chunk) => addChunk(terms, c, chunk),
    fieldLength: (doc, field) => lengths[doc * fieldCount + field]!,
    idAt: (doc) => doc,
    docOf: (id: DocumentId) => (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < n ? id : -1),
    storedAt(doc) {
      const fragment = data.fragments.get(doc)
      if (fragment === undefined) {
        missing.pages.add(doc)
        return undefined
      }
      return { title: fragment.title, text: fragment.text }
    },
    get termCount() {
      return terms.located.length
    },
    termAt(index) {
      const { chunk, at } = terms.located[index]!
      return chunk.terms[at]!
    },
    findTerm(term) {
      const c = chunkOfKey(entry.keys, keyOf(term))
      if (c < 0 || !allFetched(terms, missing, c, c)) return -1
      return terms.numbers.get(term) ?? -1
    },
    prefixRange() {
      // never read: prefixTerms answers (the terms are not numbered in code-unit order)
      throw new Error('fahras: a site index reads prefixes with prefixTerms')
    },
    prefixTerms(prefix) {
      const [first, last] = chunksOfPrefix(entry.keys, keyOf(prefix))
      if (last < first || !allFetched(terms, missing, first, last)) return []
      return prefixTermsIn(terms, first, last, prefix)
    },
    fuzzy() {
      // typos need the whole dictionary: a site search has no `fuzzy` option (open-site.ts)
      throw new Error('fahras: a site index does not match typos')
    },
    // not cached here: the engine keeps the postings it read last (packed/engine.ts)
    postings(term, field) {
      const { chunk, at } = terms.located[term]!
      const raw = chunk.postings[at]![field]
      return raw ? fieldPostings(raw, lengths, field, fieldCount) : null
    },
    frequency(term) {
      const { chunk, at } = terms.located[term]!
      let df = 0
      for (const p of chunk.postings[at]!) df += p?.docs.length ?? 0
      return df
    },
    positions: () => null,
    tokenRanges: () => null,
  }
}

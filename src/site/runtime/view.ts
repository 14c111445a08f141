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
import { chunkOfKey, chunksOfPrefix, keyOf, type DecodedChunk, type DecodedPostings, type SiteEntry, type SiteFragment } from '../format.js'

/** What a run read that was not fetched: term chunks, and pages in the order they were read. */
export class Missing {
  readonly chunks = new Set<number>()
  readonly pages = new Set<number>()
  get empty(): boolean {
    return this.chunks.size === 0 && this.pages.size === 0
  }
}

/** The fetched part of a site index. */
export interface SiteData {
  readonly entry: SiteEntry
  /** `lengths[doc * fieldCount + field]`: the length of each field of each page (the entry's). */
  readonly lengths: Int32Array
  readonly chunks: Map<number, DecodedChunk>
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

/** A term of the fetched chunks: where its postings are. */
interface Located {
  readonly term: string
  readonly chunk: DecodedChunk
  readonly at: number
}

/**
 * A `PackedView` of the fetched chunks and fragments, as of now: its terms are those of the
 * chunks fetched, in the packed index's order (code units). `missing` is where reads of what
 * is not fetched are recorded; it is replaced before each run.
 */
export function siteView(data: SiteData, fieldCount: number): PackedView & { missing: Missing } {
  const { entry, lengths } = data
  const n = entry.pageCount
  // The packed index's order (code units) without sorting: chunks hold ascending key ranges, and
  // within a chunk the written forms (SURFACE + word, before every stem) and the stems each come
  // in key order; so all written forms chunk after chunk, then all stems chunk after chunk.
  const located: Located[] = []
  const fetched_ = [...data.chunks.keys()].sort((a, b) => a - b).map((c) => data.chunks.get(c)!)
  for (const surface of [true, false]) {
    for (const chunk of fetched_) {
      chunk.terms.forEach((term, at) => {
        if (term.startsWith(SURFACE) === surface) located.push({ term, chunk, at })
      })
    }
  }
  const terms = located.map((l) => l.term)
  const decoded = new Map<number, FieldPostings | null>()

  /** The first term not before `term`. */
  const lowerBound = (term: string) => {
    let lo = 0
    let hi = terms.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (terms[mid]! < term) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  /** Are chunks first..last all fetched? Else they are recorded as missing. */
  const fetched = (first: number, last: number) => {
    let all = true
    for (let c = first; c <= last; c++) {
      if (!data.chunks.has(c)) {
        view.missing.chunks.add(c)
        all = false
      }
    }
    return all
  }

  const view: PackedView & { missing: Missing } = {
    missing: new Missing(),
    meta: entry.meta,
    documentCount: n,
    fieldCount,
    averageFieldLength: Float64Array.from(entry.averageFieldLength),
    fieldLength: (doc, field) => lengths[doc * fieldCount + field]!,
    idAt: (doc) => doc,
    docOf: (id: DocumentId) => (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < n ? id : -1),
    storedAt(doc) {
      const fragment = data.fragments.get(doc)
      if (fragment === undefined) {
        view.missing.pages.add(doc)
        return undefined
      }
      return { title: fragment.title, text: fragment.text }
    },
    get termCount() {
      return terms.length
    },
    termAt: (index) => terms[index]!,
    findTerm(term) {
      const c = chunkOfKey(entry.keys, keyOf(term))
      if (c < 0 || !fetched(c, c)) return -1
      const at = lowerBound(term)
      return terms[at] === term ? at : -1
    },
    prefixRange(prefix) {
      const [first, last] = chunksOfPrefix(entry.keys, keyOf(prefix))
      if (last < first || !fetched(first, last)) return [0, 0]
      const start = lowerBound(prefix)
      let end = start
      while (end < terms.length && terms[end]!.startsWith(prefix)) end++
      return [start, end]
    },
    fuzzy() {
      // typos need the whole dictionary: a site search has no `fuzzy` option (open-site.ts)
      throw new Error('fahras: a site index does not match typos')
    },
    postings(term, field) {
      const key = term * fieldCount + field
      let p = decoded.get(key)
      if (p === undefined) {
        const { chunk, at } = located[term]!
        const raw = chunk.postings[at]![field]
        decoded.set(key, (p = raw ? fieldPostings(raw, lengths, field, fieldCount) : null))
      }
      return p
    },
    frequency(term) {
      const { chunk, at } = located[term]!
      let df = 0
      for (const p of chunk.postings[at]!) df += p?.docs.length ?? 0
      return df
    },
    positions: () => null,
    tokenRanges: () => null,
  }
  return view
}

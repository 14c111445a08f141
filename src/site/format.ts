/**
 * The files of a site index (docs/static-sites.md, "The index's files"), shared by the build
 * (`fahras site`, Node) and the runtime (`fahras.js`, browsers and Node):
 *
 * - `entry.fahras`: a JSON part (the packed index's META, the page count, the average field
 *   lengths, the first key of every term chunk and its file, the filters and the build id) and
 *   the length of every field of every page (what BM25 needs of each page it scores);
 * - `t/<hash>.fahras`: a term chunk, the terms of a key range with their postings (below);
 * - `p/<build>/<page>.fahras`: a page's fragment: URL, title, language, text, meta (what a result and its
 *   snippet need), as JSON in the packed index's text encoding (one byte an Arabic letter);
 * - `f/<hash>.fahras`: a filter: for each value, the pages that have it (the first page, then the
 *   gaps).
 *
 * Every file is gzip (the runtime inflates it, so the bytes downloaded do not depend on the
 * host); term chunks and filters are named by a hash of their content, fragments by the build.
 * @internal
 */
import { ByteWriter, decodeText, FormatProblem, readVarint } from '../search/packed/bytes.js'
import { SURFACE } from '../search/searcher.js'

/** The `format` of an entry file. */
export const SITE_FORMAT = 'fahras-site'
/** The version of the files; the runtime refuses another one. */
export const SITE_FORMAT_VERSION = 1
/** The extension of every file of the index. */
export const SITE_EXTENSION = '.fahras'
/** The entry's file name. */
export const ENTRY_FILE = `entry${SITE_EXTENSION}`
/** The runtime's and the search box's file names, beside the entry. */
export const RUNTIME_FILE = 'fahras.js'
export const UI_FILE = 'fahras-ui.js'
export const UI_STYLES_FILE = 'fahras-ui.css'

/** The fields of a site index: the title and the text of each page. */
export const SITE_FIELDS = ['title', 'text'] as const

/** The entry file. */
export interface SiteEntry {
  readonly format: typeof SITE_FORMAT
  readonly version: number
  /** Changes with every build that changes a file: fragments are under `p/<build>/`. */
  readonly build: string
  /** The packed index's header (analyzer, fields, storeFields, idField, exactBoost, settings). */
  readonly meta: Record<string, unknown>
  readonly pageCount: number
  readonly averageFieldLength: readonly number[]
  /** The first key of each term chunk, in order, and the chunk's file (its hash). */
  readonly keys: readonly string[]
  readonly chunks: readonly string[]
  /** Each filter: its values (sorted) and the file of its pages. */
  readonly filters: Readonly<Record<string, { readonly values: readonly string[]; readonly file: string }>>
}

/** A page's fragment. */
export interface SiteFragment {
  readonly url: string
  readonly title: string
  readonly text: string
  readonly meta: Readonly<Record<string, string>>
  /** The page's language ('' when none). */
  readonly lang: string
}

/**
 * The chunk key of an index term: written-form terms (SURFACE + word) sort with the word, so
 * a word's written form and a stem spelled like it are in the same chunk.
 */
export const keyOf = (term: string): string => (term.startsWith(SURFACE) ? term.slice(1) : term)

/** Index terms in chunk order: by key, then the stem before the written form. */
export function compareTerms(a: string, b: string): number {
  const ka = keyOf(a)
  const kb = keyOf(b)
  if (ka !== kb) return ka < kb ? -1 : 1
  return a === b ? 0 : a.startsWith(SURFACE) ? 1 : -1
}

/** The postings of a term in one field: pages ascending, term frequencies. */
export interface ChunkPostings {
  readonly docs: ArrayLike<number>
  readonly tfs: ArrayLike<number>
}

/** Decoded postings. */
export interface DecodedPostings {
  readonly docs: Int32Array
  readonly tfs: Int32Array
}

/** A term of a chunk: its postings per field (undefined where the field has none). */
export interface ChunkTerm {
  readonly term: string
  readonly fields: ReadonlyArray<ChunkPostings | undefined>
}

/** The version byte at the start of a chunk. */
const CHUNK_VERSION = 1

/**
 * A term chunk's bytes: the version, the field count, the term count, then per term the code
 * units it shares with the previous term, its other units (text encoding of the packed index),
 * a bit mask of its fields and, per field, the page count, the page gaps and the term
 * frequencies, each a run of varints.
 */
export function encodeChunk(terms: readonly ChunkTerm[], fieldCount: number): Uint8Array {
  const out = new ByteWriter()
  out.varint(CHUNK_VERSION)
  out.varint(fieldCount)
  out.varint(terms.length)
  let previous = ''
  for (const { term, fields } of terms) {
    let shared = 0
    const most = Math.min(previous.length, term.length)
    while (shared < most && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared++
    // never between the halves of a surrogate pair
    if (shared > 0 && shared < term.length && (term.charCodeAt(shared) & 0xfc00) === 0xdc00) shared--
    const rest = term.slice(shared)
    const encoded = new ByteWriter()
    encoded.text(rest)
    out.varint(shared)
    out.varint(encoded.length)
    out.raw(encoded.finish())
    let mask = 0
    for (let f = 0; f < fieldCount; f++) if (fields[f] !== undefined) mask |= 1 << f
    out.varint(mask)
    for (let f = 0; f < fieldCount; f++) {
      const p = fields[f]
      if (p === undefined) continue
      out.varint(p.docs.length)
      let last = 0
      for (let k = 0; k < p.docs.length; k++) {
        out.varint(p.docs[k]! - last)
        last = p.docs[k]!
      }
      for (let k = 0; k < p.tfs.length; k++) out.varint(p.tfs[k]!)
    }
    previous = term
  }
  return out.finish()
}

/** A decoded chunk: its terms in chunk order and their postings (typed arrays). */
export interface DecodedChunk {
  readonly terms: readonly string[]
  /** `postings[t][f]`, null where the field has none. */
  readonly postings: ReadonlyArray<ReadonlyArray<DecodedPostings | null>>
}

/** Reads a chunk; throws FormatProblem when its bytes are not one. */
export function decodeChunk(bytes: Uint8Array, fieldCount: number, pageCount: number): DecodedChunk {
  const end = bytes.length
  const at = [0]
  const next = () => readVarint(bytes, at[0]!, end, at)
  if (next() !== CHUNK_VERSION) throw new FormatProblem('a term chunk has another version')
  if (next() !== fieldCount) throw new FormatProblem('a term chunk has another number of fields than the entry')
  const count = next()
  if (count > end) throw new FormatProblem('a term chunk counts more terms than it has bytes')
  const terms: string[] = []
  const postings: Array<Array<DecodedPostings | null>> = []
  let previous = ''
  for (let t = 0; t < count; t++) {
    const shared = next()
    const length = next()
    const start = at[0]!
    if (shared > previous.length || start + length > end)
      throw new FormatProblem('a term of a term chunk runs past its end')
    const term = previous.slice(0, shared) + decodeText(bytes, start, start + length)
    at[0] = start + length
    if (t > 0 && compareTerms(previous, term) >= 0)
      throw new FormatProblem('the terms of a term chunk are out of order')
    const mask = next()
    const fields: Array<DecodedPostings | null> = []
    for (let f = 0; f < fieldCount; f++) {
      if ((mask & (1 << f)) === 0) {
        fields.push(null)
        continue
      }
      const df = next()
      if (df < 1 || df > pageCount) throw new FormatProblem('a term of a term chunk has more pages than the site')
      const docs = new Int32Array(df)
      const tfs = new Int32Array(df)
      let doc = 0
      for (let k = 0; k < df; k++) {
        const gap = next()
        doc += gap
        if ((k > 0 && gap === 0) || doc >= pageCount)
          throw new FormatProblem('a term of a term chunk has pages out of order')
        docs[k] = doc
      }
      for (let k = 0; k < df; k++)
        if ((tfs[k] = next()) < 1) throw new FormatProblem('a term of a term chunk has a zero frequency')
      fields.push({ docs, tfs })
    }
    if (mask === 0 || mask >= 1 << fieldCount)
      throw new FormatProblem('a term of a term chunk has no field, or an unknown one')
    terms.push(term)
    postings.push(fields)
    previous = term
  }
  if (at[0] !== end) throw new FormatProblem('a term chunk has bytes after its last term')
  return { terms, postings }
}

/** The entry's bytes: the JSON part's length (varint), the JSON (UTF-8), then per field the length of each page (varints). */
export function encodeEntry(entry: SiteEntry, lengths: ArrayLike<number>, fieldCount: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(entry))
  const out = new ByteWriter()
  out.varint(json.length)
  out.raw(json)
  for (let f = 0; f < fieldCount; f++)
    for (let doc = 0; doc < entry.pageCount; doc++) out.varint(lengths[doc * fieldCount + f]!)
  return out.finish()
}

/** Reads the entry's bytes: its JSON (unchecked) and the lengths, `lengths[doc * fieldCount + field]`. */
export function decodeEntry(
  bytes: Uint8Array,
  fieldCount: number,
): { json: unknown; lengths: (pageCount: number) => Int32Array } {
  const at = [0]
  const size = readVarint(bytes, 0, bytes.length, at)
  const start = at[0]!
  if (start + size > bytes.length) throw new FormatProblem('its JSON part runs past its end')
  const json: unknown = JSON.parse(
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, start + size)),
  )
  return {
    json,
    lengths(pageCount) {
      const out = new Int32Array(pageCount * fieldCount)
      at[0] = start + size
      for (let f = 0; f < fieldCount; f++)
        for (let doc = 0; doc < pageCount; doc++)
          out[doc * fieldCount + f] = readVarint(bytes, at[0]!, bytes.length, at)
      if (at[0] !== bytes.length) throw new FormatProblem('has bytes after the lengths of its pages')
      return out
    },
  }
}

/** A fragment's bytes: its JSON in the packed index's text encoding (a third smaller once gzipped than UTF-8). */
export function encodeFragment(fragment: SiteFragment): Uint8Array {
  const out = new ByteWriter()
  out.text(JSON.stringify(fragment))
  return out.finish()
}

/** Reads a fragment's bytes (its JSON, unchecked). */
export const decodeFragment = (bytes: Uint8Array): unknown => JSON.parse(decodeText(bytes, 0, bytes.length))

/** The chunk that holds a key: the last whose first key is not after it (-1: before the first). */
export function chunkOfKey(keys: readonly string[], key: string): number {
  let lo = 0
  let hi = keys.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid]! <= key) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The chunks that hold the keys starting with `prefix`, as [first, last] (empty when last < first). */
export function chunksOfPrefix(keys: readonly string[], prefix: string): [number, number] {
  const first = Math.max(0, chunkOfKey(keys, prefix))
  // every key that starts with the prefix sorts before prefix + U+FFFF…
  const last = chunkOfKey(keys, `${prefix}\uffff\uffff`)
  return [first, last]
}

/** The path of a fragment, from the index's folder. */
export const fragmentPath = (build: string, page: number): string => `p/${build}/${page}${SITE_EXTENSION}`
/** The path of a term chunk or a filter file. */
export const chunkPath = (hash: string): string => `t/${hash}${SITE_EXTENSION}`
export const filterPath = (hash: string): string => `f/${hash}${SITE_EXTENSION}`

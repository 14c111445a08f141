/**
 * Writes a site index (format.ts) from pages: each page's fragment as it is read, then the term
 * chunks, the filters and the entry. The pages are analyzed by the packed index's collector, so
 * the site ranks as a `PackedIndex` of the same pages. Node only. @internal
 */
import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { readDocument } from '../../search/documents.js'
import { resolveIndexOptions, type ResolvedIndexOptions } from '../../search/index-options.js'
import type { ArabicSearchOptions } from '../../search/options.js'
import { packedMeta } from '../../search/pack.js'
import { documentCollector } from '../../search/packed/collect.js'
import type { PackSource } from '../../search/packed/write.js'
import {
  chunkPath,
  compareTerms,
  encodeChunk,
  encodeEntry,
  encodeFragment,
  ENTRY_FILE,
  filterPath,
  keyOf,
  SITE_FIELDS,
  SITE_FORMAT,
  SITE_FORMAT_VERSION,
  type ChunkTerm,
  type SiteEntry,
} from '../format.js'
import type { SitePage } from '../types.js'

/** The index options a site may set: the analysis and the ranking (fields are the title and the text). */
export type SiteIndexOptions = Omit<
  ArabicSearchOptions,
  'fields' | 'storeFields' | 'idField' | 'getText' | 'snippet' | 'snippets'
>

/** The default size of a term chunk, before gzip, in bytes (docs/benchmarks.md: how it was chosen). */
export const DEFAULT_CHUNK_SIZE = 12_000

/** Hex digits of SHA-256 that name a file (more where two files of a build would share a name). */
const HASH_DIGITS = 10
const hashOf = (bytes: Uint8Array, digits = HASH_DIGITS): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, digits)
const gzip = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, { level: 9 })
const encoder = new TextEncoder()

/** The resolved options of a site index, and what its header says. */
export function siteIndexOptions(
  index: SiteIndexOptions | undefined,
  where: string,
): ResolvedIndexOptions<ArabicSearchOptions> {
  return resolveIndexOptions({ ...(index ?? {}), fields: [...SITE_FIELDS] } as ArabicSearchOptions, where)
}

/** What writing a site index made. */
export interface WrittenIndex {
  readonly pages: number
  readonly chunks: number
  readonly files: number
  readonly bytes: number
  readonly build: string
}

/**
 * Writes the index into `folder` (which exists and is empty): fragments as pages come, then the
 * rest. `onPage` is called after each page with the count so far.
 */
export async function writeSiteIndex(
  pages: AsyncIterable<SitePage> | Iterable<SitePage>,
  folder: string,
  settings: {
    readonly index?: SiteIndexOptions
    readonly chunkSize?: number
    readonly where: string
    readonly onPage?: (count: number) => void | Promise<void>
  },
): Promise<WrittenIndex> {
  const resolved = siteIndexOptions(settings.index, settings.where)
  const collector = documentCollector(resolved)
  const staging = join(folder, 'p', 'staging')
  mkdirSync(staging, { recursive: true })
  let files = 0
  let bytes = 0
  const write = (path: string, content: Uint8Array) => {
    writeFileSync(path, content)
    files++
    bytes += content.length
  }
  const fragments = createHash('sha256')
  const filters = new Map<string, Map<string, number[]>>()
  for await (const page of pages) {
    const n = collector.count
    collector.add(readDocument({ id: n, title: page.title, text: page.text }, resolved, settings.where, n))
    const content = gzip(
      encodeFragment({ url: page.url, title: page.title, lang: page.lang, text: page.text, meta: page.meta }),
    )
    fragments.update(content)
    write(join(staging, `${n}.fahras`), content)
    for (const [key, values] of Object.entries(page.filters)) {
      let byValue = filters.get(key)
      if (byValue === undefined) filters.set(key, (byValue = new Map()))
      for (const value of new Set(values)) {
        const list = byValue.get(value)
        if (list === undefined) byValue.set(value, [n])
        else list.push(n)
      }
    }
    await settings.onPage?.(collector.count)
  }
  const meta = { ...(packedMeta(resolved) as Record<string, unknown>), storeFields: [...SITE_FIELDS] }
  const source = collector.finish(meta)
  mkdirSync(join(folder, 't'), { recursive: true })
  const { keys, chunks } = writeChunks(source, settings.chunkSize ?? DEFAULT_CHUNK_SIZE, (hash, content) =>
    write(join(folder, chunkPath(hash)), content),
  )
  // objects made from entries: a filter or value named `__proto__` is a key like any other
  const filterEntries: Array<[string, { values: string[]; file: string }]> = []
  if (filters.size > 0) mkdirSync(join(folder, 'f'), { recursive: true })
  for (const key of [...filters.keys()].sort()) {
    const byValue = filters.get(key)!
    const values = [...byValue.keys()].sort()
    const table = Object.fromEntries(values.map((value) => [value, gaps(byValue.get(value)!)]))
    const content = gzip(encoder.encode(JSON.stringify(table)))
    const file = hashOf(content)
    write(join(folder, filterPath(file)), content)
    filterEntries.push([key, { values, file }])
  }
  const filterTable = Object.fromEntries(filterEntries)
  const body = {
    meta,
    pageCount: source.documentCount,
    averageFieldLength: Array.from(source.averageFieldLength),
    keys,
    chunks,
    filters: filterTable,
  }
  const build = createHash('sha256').update(fragments.digest()).update(JSON.stringify(body)).digest('hex').slice(0, 12)
  renameSync(staging, join(folder, 'p', build))
  const entry: SiteEntry = { format: SITE_FORMAT, version: SITE_FORMAT_VERSION, build, ...body }
  write(join(folder, ENTRY_FILE), gzip(encodeEntry(entry, source.fieldLengths, SITE_FIELDS.length)))
  return { pages: source.documentCount, chunks: chunks.length, files, bytes, build }
}

/**
 * The shortest start of `next` that sorts after `last` (`last` < `next`): the first key of a chunk
 * as the entry keeps it. Every key of the chunk is at least it, every key before the chunk below it.
 */
function separator(last: string, next: string): string {
  for (let n = 1; n < next.length; n++) if (next.slice(0, n) > last) return next.slice(0, n)
  return next
}

/** Ascending numbers as the first and the gaps after it. */
function gaps(numbers: readonly number[]): number[] {
  return numbers.map((n, i) => (i === 0 ? n : n - numbers[i - 1]!))
}

/**
 * Cuts the terms, in chunk order, into chunks of about `size` bytes (a term is never split, nor
 * two terms of one key put apart), writes each and returns the first key and hash of each.
 */
function writeChunks(
  source: PackSource,
  size: number,
  write: (hash: string, content: Uint8Array) => void,
): { keys: string[]; chunks: string[] } {
  const fieldCount = SITE_FIELDS.length
  const { names } = source.terms
  const order = names.map((_, t) => t).sort((a, b) => compareTerms(names[a]!, names[b]!))
  const keys: string[] = []
  const chunks: string[] = []
  const names_ = new Set<string>()
  let batch: ChunkTerm[] = []
  let estimate = 0
  let lastKey = ''
  const flush = () => {
    if (batch.length === 0) return
    const content = gzip(encodeChunk(batch, fieldCount))
    let digits = HASH_DIGITS
    let hash = hashOf(content, digits)
    while (names_.has(hash)) hash = hashOf(content, ++digits)
    names_.add(hash)
    write(hash, content)
    keys.push(keys.length === 0 ? keyOf(batch[0]!.term) : separator(lastKey, keyOf(batch[0]!.term)))
    chunks.push(hash)
    lastKey = keyOf(batch.at(-1)!.term)
    batch = []
    estimate = 0
  }
  for (let i = 0; i < order.length; i++) {
    const t = order[i]!
    const term = names[t]!
    const fields: Array<ChunkTerm['fields'][number]> = []
    for (let f = 0; f < fieldCount; f++) {
      const list = source.terms.postings(t, f)
      if (list === undefined || list.docs.length === 0) {
        fields.push(undefined)
        continue
      }
      fields.push({ docs: list.docs, tfs: list.tfs })
      estimate += list.docs.length * 2.5
    }
    if (fields.every((p) => p === undefined)) continue
    batch.push({ term, fields })
    estimate += term.length + 3
    const next = order[i + 1]
    // a chunk ends at its size, never between two terms of one key
    if (estimate >= size && (next === undefined || keyOf(names[next]!) !== keyOf(term))) flush()
  }
  flush()
  return { keys, chunks }
}

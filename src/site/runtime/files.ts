/**
 * The files of a site index as the runtime reads them: fetched (or read from disk in Node),
 * inflated, and checked, each problem told with the file's URL. @internal
 */
import { createError, describe, ERROR_CODES } from '../../errors.js'
import { SITE_FIELDS, SITE_FORMAT, SITE_FORMAT_VERSION, type SiteEntry, type SiteFragment } from '../format.js'

const GZIP = [0x1f, 0x8b] as const

/** How a file is fetched: `fresh` revalidates it with the server (the entry, which changes with every build). */
export interface ReadSettings {
  readonly fetcher: typeof fetch | undefined
  readonly fresh?: boolean
}

/** Reads a file of the index: fetched (or from disk for `file:` URLs in Node), gzip inflated. */
export async function readBytes(url: URL, { fetcher, fresh = false }: ReadSettings): Promise<Uint8Array> {
  let bytes: Uint8Array
  if (fetcher === undefined && url.protocol === 'file:') {
    // Node only; a variable, so that bundlers leave it alone
    const module = 'node:fs/promises'
    const { readFile } = (await import(/* @vite-ignore */ module)) as { readFile(path: URL): Promise<Uint8Array> }
    bytes = await readFile(url).catch((error: unknown) => {
      throw Object.assign(
        createError(ERROR_CODES.SITE_FETCH, `openSite() could not read ${url.href} (${(error as Error).message})`, {
          url: url.href,
          status: 404,
        }),
        { cause: error },
      )
    })
  } else {
    const response = await (fetcher ?? fetch)(url.href, fresh ? { cache: 'no-cache' } : undefined).catch(
      (error: unknown) => {
        throw Object.assign(
          createError(ERROR_CODES.SITE_FETCH, `openSite() could not fetch ${url.href} (${(error as Error).message})`, {
            url: url.href,
          }),
          { cause: error },
        )
      },
    )
    if (!response.ok)
      throw createError(ERROR_CODES.SITE_FETCH, `openSite() could not fetch ${url.href}: HTTP ${response.status}`, {
        url: url.href,
        status: response.status,
      })
    bytes = new Uint8Array(await response.arrayBuffer())
  }
  // a host may have inflated it already (Content-Encoding: gzip)
  if (bytes[0] !== GZIP[0] || bytes[1] !== GZIP[1]) return bytes
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export const utf8 = new TextDecoder('utf-8', { fatal: true })
export const json = (bytes: Uint8Array): unknown => JSON.parse(utf8.decode(bytes))

/** A damaged file of the index, as the packed index tells it. */
export const damaged = (url: string, problem: string) =>
  createError(ERROR_CODES.INVALID_INDEX, `openSite() got a damaged site index: ${url} ${problem}`, { url })

export function checkEntry(raw: unknown, url: string): SiteEntry {
  const entry = raw as Partial<SiteEntry> | null
  if (entry === null || typeof entry !== 'object' || entry.format !== SITE_FORMAT)
    throw damaged(url, 'is not the entry of a fahras site index')
  if (entry.version !== SITE_FORMAT_VERSION) {
    throw createError(
      ERROR_CODES.INDEX_VERSION_MISMATCH,
      `openSite() read a site index of version ${describe(entry.version)}; this runtime reads version ${SITE_FORMAT_VERSION}: build the site again with the fahras that wrote this runtime`,
      { version: entry.version },
    )
  }
  const ok =
    typeof entry.build === 'string' &&
    /^[0-9a-f]+$/.test(entry.build) &&
    Number.isInteger(entry.pageCount) &&
    entry.pageCount! >= 0 &&
    Array.isArray(entry.keys) &&
    Array.isArray(entry.chunks) &&
    entry.keys.length === entry.chunks.length &&
    entry.chunks.every((c) => typeof c === 'string' && /^[0-9a-f]+$/.test(c)) &&
    entry.keys.every((k, i) => typeof k === 'string' && (i === 0 || entry.keys![i - 1]! < k)) &&
    Array.isArray(entry.averageFieldLength) &&
    entry.averageFieldLength.length === SITE_FIELDS.length &&
    entry.filters !== null &&
    typeof entry.filters === 'object' &&
    entry.meta !== null &&
    typeof entry.meta === 'object' &&
    Object.values(entry.filters).every(
      (f) =>
        f !== null &&
        typeof f === 'object' &&
        typeof f.file === 'string' &&
        /^[0-9a-f]+$/.test(f.file) &&
        Array.isArray(f.values) &&
        f.values.every((v) => typeof v === 'string'),
    )
  if (!ok) throw damaged(url, 'has missing or malformed parts')
  return entry as SiteEntry
}

export function checkFragment(raw: unknown, url: string): SiteFragment {
  const f = raw as Partial<SiteFragment> | null
  if (
    f === null ||
    typeof f !== 'object' ||
    typeof f.url !== 'string' ||
    typeof f.title !== 'string' ||
    typeof f.text !== 'string' ||
    typeof f.lang !== 'string' ||
    f.meta === null ||
    typeof f.meta !== 'object'
  ) {
    throw damaged(url, 'is not the fragment of a page')
  }
  return f as SiteFragment
}

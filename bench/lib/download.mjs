// Fetches a corpus given as a URL (`--corpus URL --sha256 HEX` of bench/speed.mjs) into a cache
// folder, bench/.cache (gitignored), and keeps it only when its SHA-256 is the one given. A file
// already in the cache with that checksum is used as it is. http(s): and file: URLs.
import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'

/** The cache folder of downloaded corpora: bench/.cache. */
export const CACHE_DIR = fileURLToPath(new URL('../.cache', import.meta.url))
const SHA256 = /^[0-9a-f]{64}$/
/** A name, as a URL that is not a Windows drive path (C:\…) spells it: scheme://… */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i

/** Is this `--corpus` value a URL (http:, https:, file:) rather than a path? */
export function isUrl(value) {
  return typeof value === 'string' && URL_LIKE.test(value)
}

/** SHA-256 of a file, in hex. */
export async function sha256File(file) {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/** The cache file of a URL and checksum: `<first 16 hex digits>-<the URL's file name>`. */
export function cachePath(url, sha256, cacheDir = CACHE_DIR) {
  const name = basename(new URL(url).pathname).replace(/[^A-Za-z0-9._-]/g, '_') || 'corpus.jsonl'
  return join(cacheDir, `${sha256.slice(0, 16)}-${name}`)
}

async function source(url) {
  if (url.protocol === 'file:') return createReadStream(fileURLToPath(url))
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const response = await fetch(url)
    if (!response.ok || !response.body)
      throw new Error(`${url.href} answered ${response.status} ${response.statusText}`)
    return Readable.fromWeb(response.body)
  }
  throw new Error(`${url.href}: only http:, https: and file: URLs are fetched`)
}

/**
 * The local path of the corpus at `url`, downloaded into `cacheDir` unless a file with the
 * checksum `sha256` is there already. Throws when the checksum is not 64 hex digits, when the
 * download fails, or when what arrived has another checksum (the file is then not kept).
 * @param {string} url
 * @param {string} sha256  expected SHA-256 of the file, hex
 * @param {{ cacheDir?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ path: string, cached: boolean, bytes: number }>}
 */
export async function fetchCorpus(url, sha256, { cacheDir = CACHE_DIR, log = () => {} } = {}) {
  const expected = String(sha256 ?? '').toLowerCase()
  if (!SHA256.test(expected))
    throw new Error(
      `--sha256 must be the file's SHA-256, 64 hex digits; got ${sha256 === undefined ? 'nothing' : JSON.stringify(String(sha256))}`,
    )
  const parsed = new URL(url)
  const target = cachePath(url, expected, cacheDir)
  if (existsSync(target)) {
    if ((await sha256File(target)) === expected) return { path: target, cached: true, bytes: statSync(target).size }
    log(`${target}: checksum changed; fetching again`)
    rmSync(target, { force: true })
  }
  mkdirSync(cacheDir, { recursive: true })
  const partial = `${target}.part-${process.pid}`
  const hash = createHash('sha256')
  let bytes = 0
  const tee = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk)
      bytes += chunk.length
      done(null, chunk)
    },
  })
  try {
    log(`fetching ${parsed.href} into ${target}`)
    // opened here, not by the stream: a failed source may end the pipeline before a stream would
    // have opened its file, which would then appear after it is removed below
    const sink = createWriteStream(partial, { fd: openSync(partial, 'w') })
    await pipeline(await source(parsed), tee, sink)
    const actual = hash.digest('hex')
    if (actual !== expected)
      throw new Error(`${parsed.href}: SHA-256 ${actual}, expected ${expected}; the file is not kept`)
    renameSync(partial, target)
  } finally {
    rmSync(partial, { force: true })
  }
  return { path: target, cached: false, bytes }
}

import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { cachePath, fetchCorpus, isUrl } from '../bench/lib/download.mjs'

// `node bench/speed.mjs --corpus URL --sha256 HEX` (issue 19): the corpus is fetched into a cache
// folder and kept only when its SHA-256 is the one given. There is no network here, so the URLs
// are file: URLs, which go through the same code as http(s): but for the source stream.
const dir = mkdtempSync(join(tmpdir(), 'fahras-bench-download-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const source = join(dir, 'docs.jsonl')
const content = '{"id":"a","title":"بغداد","text":"مدينة على نهر دجلة"}\n'
writeFileSync(source, content)
const sha = createHash('sha256').update(content).digest('hex')
const url = pathToFileURL(source).href

describe('bench corpus download (--corpus URL --sha256)', () => {
  it('tells URLs from paths', () => {
    expect(isUrl(url)).toBe(true)
    expect(isUrl('https://example.org/docs.jsonl.gz')).toBe(true)
    expect(isUrl('../data/arwiki-cwc/docs.jsonl.gz')).toBe(false)
    expect(isUrl('C:\\data\\docs.jsonl')).toBe(false)
  })

  it('fetches into the cache when the checksum matches, then reuses the cached file', async () => {
    const cacheDir = join(dir, 'cache-ok')
    const first = await fetchCorpus(url, sha, { cacheDir })
    expect(first).toEqual({ path: cachePath(url, sha, cacheDir), cached: false, bytes: Buffer.byteLength(content) })
    expect(first.path.endsWith('-docs.jsonl')).toBe(true)
    expect(readFileSync(first.path, 'utf8')).toBe(content)
    const second = await fetchCorpus(url, sha.toUpperCase(), { cacheDir })
    expect(second).toEqual({ ...first, cached: true })
  })

  it('refuses a file whose checksum differs, and keeps nothing of it', async () => {
    const cacheDir = join(dir, 'cache-bad')
    const wrong = sha.replace(/^./, (c) => (c === '0' ? '1' : '0'))
    await expect(fetchCorpus(url, wrong, { cacheDir })).rejects.toThrow(
      `SHA-256 ${sha}, expected ${wrong}; the file is not kept`,
    )
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([])
  })

  it('fetches again when the cached file no longer has the checksum', async () => {
    const cacheDir = join(dir, 'cache-stale')
    const { path } = await fetchCorpus(url, sha, { cacheDir })
    writeFileSync(path, 'changed\n')
    const again = await fetchCorpus(url, sha, { cacheDir })
    expect(again.cached).toBe(false)
    expect(readFileSync(path, 'utf8')).toBe(content)
  })

  it('needs a checksum of 64 hex digits, and a file that exists', async () => {
    await expect(fetchCorpus(url, undefined as unknown as string, { cacheDir: join(dir, 'c1') })).rejects.toThrow(
      "--sha256 must be the file's SHA-256, 64 hex digits; got nothing",
    )
    await expect(fetchCorpus(url, 'abc', { cacheDir: join(dir, 'c1') })).rejects.toThrow('64 hex digits; got "abc"')
    await expect(
      fetchCorpus(pathToFileURL(join(dir, 'missing.jsonl')).href, sha, { cacheDir: join(dir, 'c2') }),
    ).rejects.toThrow(/ENOENT/)
    expect(existsSync(join(dir, 'c2')) ? readdirSync(join(dir, 'c2')) : []).toEqual([])
    await expect(fetchCorpus('ftp://example.org/docs.jsonl', sha, { cacheDir: join(dir, 'c3') })).rejects.toThrow(
      'only http:, https: and file: URLs are fetched',
    )
  })
})

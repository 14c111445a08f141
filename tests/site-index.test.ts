import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from '../bench/lib/datasets.mjs'
import { packDocuments, PackedIndex } from '../src/packed.js'
import { writeSiteIndex } from '../src/site/build/write-index.js'
import { decodeEntry, encodeEntry, ENTRY_FILE, type SiteEntry } from '../src/site/format.js'
import { openSite } from '../src/site/runtime/open-site.js'
import type { Site, SitePage } from '../src/site/types.js'

// A site's search returns what a PackedIndex of the same pages returns (issue 13): the shared
// retrieval sets written as site indexes (one page per paragraph), opened with openSite() from
// disk, and every 8th question (every one under FAHRAS_FULL) compared with PackedIndex's full
// evaluation: the same pages in the same order, the same scores, the same snippets.
const FULL = process.env.FAHRAS_FULL !== undefined && process.env.FAHRAS_FULL !== '' && process.env.FAHRAS_FULL !== '0'
const STEP = FULL ? 1 : 8
/** Asserts that `fn` rejects with a fahras error with this code and a message matching `message`. */
async function expectCoded(fn: () => Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, 'expected a rejection').toBeInstanceOf(Error)
  expect((error as { code?: string }).code).toBe(code)
  expect((error as Error).message).toMatch(message)
}
const root = mkdtempSync(join(tmpdir(), 'fahras-site-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const pagesOf = (docs: ReadonlyArray<{ id: string | number; title: string; text: string }>): SitePage[] =>
  docs.map((d, i) => ({
    url: `/p/${d.id}/`,
    title: d.title,
    lang: 'ar',
    text: d.text,
    meta: { n: String(i) },
    filters: { half: [i % 2 === 0 ? 'even' : 'odd'] },
  }))

async function written(
  name: string,
  pages: readonly SitePage[],
  chunkSize?: number,
): Promise<{ folder: string; site: Site }> {
  const folder = join(root, name)
  mkdirSync(folder, { recursive: true })
  await writeSiteIndex(pages, folder, { where: 'test', ...(chunkSize ? { chunkSize } : {}) })
  return { folder, site: await openSite({ baseUrl: pathToFileURL(`${folder}/`) }) }
}

describe(`site index parity with PackedIndex (${FULL ? 'every question' : 'every 8th question; FAHRAS_FULL runs every one'})`, () => {
  for (const name of RETRIEVAL_SETS) {
    it(`${name}: the same pages, order, scores and snippets as PackedIndex`, async () => {
      const set = loadDataset(DEFAULT_DATA, name)
      const pages = pagesOf(set.docs)
      const { site } = await written(name, pages)
      const packed = PackedIndex.load(
        packDocuments(
          pages.map((p, i) => ({ id: i, title: p.title, text: p.text })),
          { fields: ['title', 'text'], storeFields: ['title', 'text'] },
        ),
      )
      expect(site.pageCount).toBe(pages.length)
      const problems: string[] = []
      let compared = 0
      for (let q = 0; q < set.queries.length; q += STEP) {
        const query = set.queries[q]!.text
        // PackedIndex's full evaluation (a filter turns MaxScore off: its sums may differ in the last bit)
        const expected = packed.search(query, { filter: () => true })
        const got = await site.search(query)
        compared++
        const same =
          got.results.length === expected.length &&
          got.results.every((r, i) => {
            const e = expected[i]!
            const snippet = (e.snippets as Record<string, { html: string } | undefined>).text?.html
            return (
              r.url === pages[e.id as number]!.url &&
              r.score === e.score &&
              r.snippet.html === snippet &&
              r.title === pages[e.id as number]!.title
            )
          })
        if (!same) problems.push(query)
        expect(got.total).toBe(packed.search(query, { limit: 100_000, snippets: false, filter: () => true }).length)
      }
      expect(compared).toBeGreaterThan(50)
      expect(problems).toEqual([])
    })
  }
})

describe('site search', () => {
  let site: Site
  let folder: string
  let pages: SitePage[]
  let packed: PackedIndex
  beforeAll(async () => {
    pages = pagesOf(loadDataset(DEFAULT_DATA, 'xquad-ar').docs.slice(0, 300))
    ;({ site, folder } = await written('small', pages, 2000))
    packed = PackedIndex.load(
      packDocuments(
        pages.map((p, i) => ({ id: i, title: p.title, text: p.text, half: p.filters.half![0] })),
        { fields: ['title', 'text'], storeFields: ['title', 'text', 'half'] },
      ),
    )
  })

  it('pages through results with offset, and the total counts every match', async () => {
    const all = await site.search('الدوري الألماني', { limit: 30 })
    expect(all.total).toBeGreaterThan(12)
    const second = await site.search('الدوري الألماني', { limit: 5, offset: 5 })
    expect(second.results.map((r) => r.url)).toEqual(all.results.slice(5, 10).map((r) => r.url))
    expect(second.total).toBe(all.total)
  })

  it('filters keep the pages with one of the values, ranked as PackedIndex ranks them', async () => {
    const got = await site.search('الدوري', { filters: { half: 'odd' }, limit: 20 })
    const expected = packed.search('الدوري', {
      limit: 20,
      filter: (r) => (r as unknown as { half: string }).half === 'odd',
    })
    expect(got.results.map((r) => r.url)).toEqual(expected.map((r) => pages[r.id as number]!.url))
    expect(got.results.every((r) => Number(r.meta.n) % 2 === 1)).toBe(true)
    expect(site.filters).toEqual({ half: ['even', 'odd'] })
    expect((await site.search('الدوري', { filters: { half: ['odd', 'even'] } })).total).toBe(
      (await site.search('الدوري')).total,
    )
    expect((await site.search('الدوري', { filters: { nothing: 'x' } })).results).toEqual([])
  })

  it('filter names and values are data, not object keys: __proto__, constructor, toString', async () => {
    expect((await site.search('الدوري', { filters: { toString: 'x' } })).results).toEqual([])
    expect((await site.search('الدوري', { filters: { half: 'constructor' } })).results).toEqual([])
    const odd: SitePage[] = [
      {
        url: '/a/',
        title: 'كتاب',
        lang: 'ar',
        text: 'كتاب أول',
        meta: {},
        filters: { ['__proto__']: ['x'], tag: ['constructor'] },
      },
      { url: '/b/', title: 'كتاب', lang: 'ar', text: 'كتاب ثان', meta: {}, filters: { tag: ['toString'] } },
    ]
    const { site: small, folder: where } = await written('odd-filters', odd)
    expect(Object.keys(small.filters).sort()).toEqual(['__proto__', 'tag'])
    expect((await small.search('كتاب', { filters: { ['__proto__']: 'x' } })).results.map((r) => r.url)).toEqual(['/a/'])
    expect((await small.search('كتاب', { filters: { tag: 'constructor' } })).results.map((r) => r.url)).toEqual(['/a/'])
    expect((await small.search('كتاب', { filters: { tag: 'toString' } })).results.map((r) => r.url)).toEqual(['/b/'])
    // a damaged filter file is a coded error naming it
    for (const name of readdirSync(join(where, 'f')))
      writeFileSync(join(where, 'f', name), gzipSync('{"x": [1, 0, -3]}'))
    const reopened = await openSite({ baseUrl: pathToFileURL(`${where}/`) })
    await expectCoded(
      () => reopened.search('كتاب', { filters: { tag: 'constructor' } }),
      'FAHRAS_INVALID_INDEX',
      /is not a filter/,
    )
  })

  it('a phrase keeps only the pages that hold it', async () => {
    const got = await site.search('"كرة القدم"', { limit: 20 })
    const expected = packed.search('"كرة القدم"', { limit: 20 })
    const words = packed.search('كرة القدم', { limit: 300 })
    // the phrase keeps fewer pages than its words
    expect(expected.length).toBeGreaterThan(0)
    expect(words.length).toBeGreaterThan(expected.length)
    expect(got.results.map((r) => r.url)).toEqual(expected.map((r) => pages[r.id as number]!.url))
  })

  it('a prefix (`*`) completes the word being typed', async () => {
    const got = await site.search('الألما*')
    expect(got.results.length).toBeGreaterThan(0)
    expect(got.results[0]!.snippet.html).toContain('<mark>')
  })

  it('suggest completes the last word, as PackedIndex does', async () => {
    const got = await site.suggest('الدو')
    expect(got.map((s) => s.suggestion)).toEqual(packed.suggest('الدو').map((s) => s.suggestion))
    expect(got.length).toBeGreaterThan(0)
  })

  it('a cancelled search rejects with an AbortError, and the next one still works', async () => {
    const fresh = await openSite({ baseUrl: pathToFileURL(`${folder}/`) })
    const controller = new AbortController()
    const pending = fresh.search('كرة القدم', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect((await fresh.search('كرة القدم')).results.length).toBeGreaterThan(0)
  })

  it('hostile text in a page stays escaped in its snippet', async () => {
    const hostile: SitePage = {
      url: '/x/',
      title: '<img src=x onerror=alert(1)>',
      lang: 'ar',
      text: 'كتاب <script>alert(1)</script> جديد & مفيد',
      meta: {},
      filters: {},
    }
    const { site: one } = await written('hostile', [hostile])
    const [result] = (await one.search('كتاب')).results
    expect(result!.title).toBe(hostile.title)
    expect(result!.lang).toBe('ar')
    expect(result!.snippet.html).not.toContain('<script>')
    expect(result!.snippet.html).toContain('&lt;script&gt;')
    expect(result!.snippet.html).toContain('<mark>كتاب</mark>')
  })

  it('a site built again while a page has it open: the next search reads the new build', async () => {
    const folder = join(root, 'rebuilt')
    mkdirSync(folder, { recursive: true })
    await writeSiteIndex(pages.slice(0, 50), folder, { where: 'test' })
    const open = await openSite({ baseUrl: pathToFileURL(`${folder}/`) })
    const before = await open.search('الدوري')
    expect(open.pageCount).toBe(50)
    rmSync(folder, { recursive: true })
    mkdirSync(folder)
    const renamed = pages.slice(0, 60).map((p) => ({ ...p, url: `/new${p.url}` }))
    await writeSiteIndex(renamed, folder, { where: 'test' })
    // what the first search fetched is still read from the old build; a search that needs a file
    // of the old build, gone, reads the new entry and runs on the new build
    expect((await open.search('الدوري')).results).toEqual(before.results)
    const after = await open.search('كرة القدم')
    expect(open.pageCount).toBe(60)
    expect(after.results.length).toBeGreaterThan(0)
    expect(after.results.every((r) => r.url.startsWith('/new/'))).toBe(true)
    expect(before.results.every((r) => !r.url.startsWith('/new/'))).toBe(true)
  })

  it('bad options throw coded errors naming what was expected', async () => {
    await expectCoded(() => site.search('x', { limit: 0 }), 'FAHRAS_INVALID_OPTION', /limit/)
    await expectCoded(() => site.search('x', { fuzzy: 1 } as never), 'FAHRAS_INVALID_OPTION', /unknown option `fuzzy`/)
    await expectCoded(() => site.search(42 as never), 'FAHRAS_INVALID_ARGUMENT', /string/)
    await expectCoded(
      () => site.search('x', { filters: { half: 3 } } as never),
      'FAHRAS_INVALID_OPTION',
      /filters\.half/,
    )
    await expectCoded(() => openSite({ baseUrl: 'file:///nowhere/at/all/' }), 'FAHRAS_SITE_FETCH', /entry\.fahras/)
  })

  it('damaged files are refused with FAHRAS_INVALID_INDEX, another version with FAHRAS_INDEX_VERSION_MISMATCH', async () => {
    const copy = join(root, 'damaged')
    rmSync(copy, { recursive: true, force: true })
    mkdirSync(copy)
    await writeSiteIndex(pages.slice(0, 20), copy, { where: 'test' })
    const original = readFileSync(join(copy, ENTRY_FILE))
    const decoded = decodeEntry(new Uint8Array(gunzipSync(original)), 2)
    const entry = decoded.json as SiteEntry
    writeFileSync(
      join(copy, ENTRY_FILE),
      gzipSync(encodeEntry({ ...entry, version: 99 }, decoded.lengths(entry.pageCount), 2)),
    )
    await expectCoded(
      () => openSite({ baseUrl: pathToFileURL(`${copy}/`) }),
      'FAHRAS_INDEX_VERSION_MISMATCH',
      /version `99`/,
    )
    writeFileSync(join(copy, ENTRY_FILE), gzipSync(original.subarray(0, original.length - 9)))
    await expectCoded(() => openSite({ baseUrl: pathToFileURL(`${copy}/`) }), 'FAHRAS_INVALID_INDEX', /entry\.fahras/)
    writeFileSync(join(copy, ENTRY_FILE), original)
    const chunk = readdirSync(join(copy, 't'))[0]!
    const bytes = gunzipSync(readFileSync(join(copy, 't', chunk)))
    writeFileSync(join(copy, 't', chunk), gzipSync(bytes.subarray(0, bytes.length - 3)))
    const opened = await openSite({ baseUrl: pathToFileURL(`${copy}/`) })
    const errors = await Promise.all(
      entry.keys.map((key: string) =>
        opened.search(key).then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    )
    expect(errors.some((e) => (e as { code?: string } | null)?.code === 'FAHRAS_INVALID_INDEX')).toBe(true)
  })
})

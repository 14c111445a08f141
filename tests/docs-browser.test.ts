import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'

// docs/browser.md is code that site builders copy: its worker and rendering code are run here
// (the worker with a stub engine, the link check as it is), so a bug in the guide fails a test.
const guide = readFileSync(new URL('../docs/browser.md', import.meta.url), 'utf8')
const blocks = [...guide.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!)
const blockWith = (marker: string) => {
  const found = blocks.filter((b) => b.includes(marker))
  expect(found, `one js block of docs/browser.md holds ${marker}`).toHaveLength(1)
  return found[0]!
}

describe('docs/browser.md: the worker', () => {
  const source = blockWith('self.onmessage').replace(/^import .*$/m, '')
  const run = async (workerUrl: string, query: string) => {
    const fetched: string[] = []
    const posted: unknown[] = []
    const self: Record<string, unknown> = { location: new URL(workerUrl), postMessage: (m: unknown) => posted.push(m) }
    const index = {
      search: () => [
        { id: 1, title: 'بغداد', url: 'https://example.org/1', snippets: { text: { html: '<mark>بغداد</mark>' } } },
      ],
      suggest: () => [{ suggestion: 'بغداد' }],
    }
    runInNewContext(source, {
      self,
      URL,
      ArabicSearch: { loadJSON: () => index },
      fetch: async (url: URL) => {
        fetched.push(String(url))
        return { ok: true, text: async () => '{}' }
      },
    })
    await (self.onmessage as (e: unknown) => Promise<void>)({ data: { seq: 1, query } })
    return { fetched, posted }
  }

  it('fetches the index beside the worker script, under a sub-path too', async () => {
    expect((await run('https://example.org/search/worker.js', 'بغداد')).fetched).toEqual([
      'https://example.org/search/index.json',
    ])
    expect((await run('https://example.org/blog/search/worker.js', 'بغداد')).fetched).toEqual([
      'https://example.org/blog/search/index.json',
    ])
  })

  it('answers an empty query with nothing, and a query with results', async () => {
    expect((await run('https://example.org/search/worker.js', '  ')).posted).toEqual([
      { seq: 1, results: [], suggestions: [] },
    ])
    const [answer] = (await run('https://example.org/search/worker.js', 'بغداد')).posted as {
      results: { url: string }[]
    }[]
    expect(answer!.results.map((r) => r.url)).toEqual(['https://example.org/1'])
  })
})

describe('docs/browser.md: rendering', () => {
  const source = blockWith('const isHttp')
  const context: Record<string, unknown> = { URL, location: { href: 'https://example.org/blog/' } }
  runInNewContext(`${source}\nthis.isHttp = isHttp; this.render = render`, context)
  const isHttp = context.isHttp as (url: unknown) => boolean

  it('links only http(s) urls: no url, an empty url or javascript: give no link', () => {
    expect([undefined, null, '', ' ', 'javascript:alert(1)', 'data:text/html,x'].map(isHttp)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(['https://example.org/a', '/a', 'a.html'].map(isHttp)).toEqual([true, true, true])
  })

  it('shows nothing for an empty query and «لا نتائج» only when a query found nothing', () => {
    const list = {
      children: [] as unknown[],
      textContent: '',
      replaceChildren(...items: unknown[]) {
        this.children = items
        this.textContent = ''
      },
    }
    context.document = { querySelector: () => list }
    const render = context.render as (results: unknown[] | null) => void
    render(null)
    expect(list.textContent).toBe('')
    render([])
    expect(list.textContent).toBe('لا نتائج')
  })
})

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

// Issue 14, the command-line items (6: --fuzzy; 9: Markdown; 11: URLs of file inputs; 12: fields
// that no document has; 14: the command line). End-to-end, as tests/cli.test.ts: these spawn the
// built binary (dist/cli.js, built by `npm test` first); FAHRAS_CLI points them at another build
// (to see them fail on an older one).
const root = fileURLToPath(new URL('..', import.meta.url))
const cli = process.env.FAHRAS_CLI ?? join(root, 'dist', 'cli.js')
const TIMEOUT_MS = 30_000

const fahras = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) }
}
type Result = {
  id: string
  title: string
  url?: string
  snippets: Record<string, { text: string; ranges: Array<[number, number]> }>
}
const results = (...args: string[]): Result[] => {
  const r = fahras('search', ...args, '--json')
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout).results
}
const skippedLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('skipped '))
const doc = (id: string, text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, title: `عنوان ${id}`, text, ...extra })

let tmp: string
let n = 0
const folder = () => {
  const dir = join(tmp, `t${++n}`)
  mkdirSync(dir, { recursive: true })
  return dir
}
/** Writes `files` (path → content) under a fresh folder; returns the folder. */
const site = (files: Record<string, string | Buffer>) => {
  const dir = folder()
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}
/** The bundled corpus, indexed once. */
let corpusIndex: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fahras-first-hour-'))
  corpusIndex = join(tmp, 'corpus.json')
  const r = fahras('index', 'corpus/articles.jsonl', '-o', corpusIndex, '--quiet')
  expect(r.code, r.stderr).toBe(0)
}, 60_000)

const POST = `---
title: "زيارة إلى بغداد"
date: 2024-03-05
tags: [تاريخ, مدن]
---
## مقدمة الرحلة

كانت **الرحلة** إلى [مدينة بغداد](https://example.org/baghdad) طويلة، و*الطريق* إلى الموصل أطول.

\`\`\`sh
echo "أمرالنسخ"
\`\`\`

![صورة المدينة](images/baghdad-photo.png)
`

describe('item 9: Markdown front matter is parsed, and the rendered text indexed', () => {
  it('the title, date and tags come from the YAML front matter; no front matter or Markdown syntax in the text, snippets or bulk output', () => {
    const dir = site({ 'posts/visit.md': POST })
    const index = join(dir, 'index.json')
    expect(fahras('index', dir, '-o', index, '--quiet').code).toBe(0)
    const [hit] = results(index, 'بغداد')
    expect(hit).toMatchObject({ id: 'posts/visit.md', title: 'زيارة إلى بغداد' })
    const snippet = hit!.snippets.text!.text
    for (const syntax of ['---', 'title:', 'date:', '*', '##', '](', 'https://', '```'])
      expect(snippet, syntax).not.toContain(syntax)
    expect(snippet).toContain('كانت الرحلة إلى مدينة بغداد طويلة، والطريق إلى الموصل أطول')
    // link text is kept, the link's address is not indexed; a code block is kept as its text
    expect(results(index, 'example')).toEqual([])
    expect(results(index, 'photo')).toEqual([])
    expect(results(index, 'أمرالنسخ').map((r) => r.id)).toEqual(['posts/visit.md'])

    const bulk = fahras('bulk', dir, '--index', 'pages', '--quiet')
    expect(bulk.code, bulk.stderr).toBe(0)
    const source = JSON.parse(bulk.stdout.split('\n')[1]!)
    expect(source).toMatchObject({
      id: 'posts/visit.md',
      title: 'زيارة إلى بغداد',
      date: '2024-03-05',
      tags: ['تاريخ', 'مدن'],
      url: '/posts/visit/',
    })
    expect(source.text).toBe(
      'مقدمة الرحلة\nكانت الرحلة إلى مدينة بغداد طويلة، والطريق إلى الموصل أطول.\necho "أمرالنسخ"',
    )
  })

  it('TOML front matter between +++ lines; front matter in an HTML page; without front matter, the title is the first heading', () => {
    const dir = site({
      'about.md': '+++\ntitle = "من نحن"\ndate = 2024-01-02\n+++\nنص عن البصرة\n',
      'plain.md': 'تمهيد قصير\n\n# عنوان الصفحة\n\nنص عن الكوفة\n',
      'jekyll.html': '---\ntitle: صفحة جيكل\nlayout: default\n---\n<main><p>نص عن النجف</p></main>\n',
    })
    const index = join(dir, 'index.json')
    expect(fahras('index', dir, '-o', index, '--quiet').code).toBe(0)
    expect(results(index, 'البصرة')[0]).toMatchObject({ id: 'about.md', title: 'من نحن' })
    expect(results(index, 'البصرة')[0]!.snippets.text!.text).toBe('نص عن البصرة')
    expect(results(index, 'الكوفة')[0]).toMatchObject({ id: 'plain.md', title: 'عنوان الصفحة' })
    // an HTML page with front matter (Jekyll): read the same way
    expect(results(index, 'النجف')[0]).toMatchObject({ id: 'jekyll.html', title: 'صفحة جيكل' })
    expect(results(index, 'النجف')[0]!.snippets.text!.text).toBe('نص عن النجف')
  })

  it('a draft (draft: true, published: false) and a front matter that does not parse are skipped with a reason', () => {
    const dir = site({
      'a-draft.md': '---\ntitle: مسودة\ndraft: true\n---\nنص عن بغداد\n',
      'b-unpublished.md': '---\npublished: false\n---\nنص عن بغداد\n',
      'c-broken.md': '---\ntitle: [غير مغلق\ndate: 2024\n---\nنص عن بغداد\n',
      'd-good.md': '---\ntitle: منشور\n---\nنص عن بغداد\n',
    })
    const index = join(dir, 'index.json')
    const r = fahras('index', dir, '-o', index)
    expect(r.code, r.stderr).toBe(0)
    expect(skippedLines(r.stderr)).toEqual([
      expect.stringMatching(/a-draft\.md: a draft \(front matter draft: true\): not published, not indexed$/),
      expect.stringMatching(/b-unpublished\.md: not published \(front matter published: false\)/),
      expect.stringMatching(/c-broken\.md: invalid front matter \(YAML\) on line \d+: /),
    ])
    expect(r.stderr).toMatch(/indexed 1 documents from 4 files; skipped 3 bad records/)
    expect(results(index, 'بغداد').map((x) => x.id)).toEqual(['d-good.md'])
  })
})

describe('item 11: file inputs get a URL, as static site generators publish them', () => {
  const pages = {
    'index.html': '<title>الرئيسية</title><main>صفحة الموقع الرئيسية</main>',
    'docs/guide.html': '<title>الدليل</title><main>دليل الموقع</main>',
    'docs/index.html': '<title>الوثائق</title><main>فهرس الموقع</main>',
    'blog/first post.md': '# المقال الأول\n\nمقال الموقع الأول',
    'blog/index.md': '# المدونة\n\nمدونة الموقع',
    'blog/moved.md': '---\ntitle: منقول\nurl: /elsewhere/moved/\n---\nمقال الموقع المنقول',
    'blog/linked.md': '---\ntitle: خارجي\npermalink: https://example.com/x/\n---\nمقال الموقع الخارجي',
    'notes.txt': 'ملاحظات الموقع',
  }
  const expected = {
    'index.html': '/',
    'docs/guide.html': '/docs/guide.html',
    'docs/index.html': '/docs/',
    'blog/first post.md': '/blog/first%20post/',
    'blog/index.md': '/blog/',
    'blog/moved.md': '/elsewhere/moved/',
    'blog/linked.md': 'https://example.com/x/',
    'notes.txt': '/notes.txt',
  }
  const urls = (index: string) =>
    Object.fromEntries(results(index, 'الموقع', '--limit', '20').map((r) => [r.id, r.url]))

  it('a/b.md → /a/b/, a/index.md → /a/, a/b.html as is, index.html → its folder; a front matter url or permalink wins', () => {
    const dir = site(pages)
    const index = join(dir, 'index.json')
    expect(fahras('index', dir, '-o', index, '--quiet').code).toBe(0)
    expect(urls(index)).toEqual(expected)
    // and the url is printed under each result
    expect(fahras('search', index, 'الدليل').stdout).toMatch(/\n\/docs\/guide\.html\n/)
  })

  it('--base-url prefixes them (a path or an http(s) URL); a bad one is a usage error', () => {
    const dir = site(pages)
    const index = join(dir, 'index.json')
    expect(fahras('index', dir, '-o', index, '--quiet', '--base-url', 'https://example.org/site').code).toBe(0)
    const withBase = Object.fromEntries(
      Object.entries(expected).map(([id, url]) => [id, url.startsWith('/') ? `https://example.org/site${url}` : url]),
    )
    expect(urls(index)).toEqual(withBase)
    expect(results(dir, 'الدليل', '--base-url', '/blog/')[0]!.url).toBe('/blog/docs/guide.html')
    for (const bad of ['ftp://example.org/', 'blog', 'https://example.org/a b/']) {
      const r = fahras('index', dir, '-o', index, '--base-url', bad)
      expect(r.code, bad).toBe(2)
      expect(r.stderr.trim(), bad).toMatch(
        /^fahras: --base-url expects a path from the site's root \(\/blog\/\) or an http\(s\) URL/,
      )
    }
  })
})

describe('item 12: a field that no document has is an error, not an empty index', () => {
  it('index --fields titel,txt: exit 2, one line naming the fields and the fields the documents have; nothing written', () => {
    const out = join(folder(), 'index.json')
    const r = fahras('index', 'corpus/articles.jsonl', '-o', out, '--fields', 'titel,txt')
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr.trim()).toMatch(
      /^fahras: --fields titel,txt: no document has the fields "titel", "txt"; the 427 documents read have: id, title, text, /,
    )
    expect(existsSync(out)).toBe(false)
  })

  it('--store nope is an error too; so is a default field no document has, with a hint; one field present is enough', () => {
    const dir = site({
      'a.jsonl': `${JSON.stringify({ id: 'a', title: 'بغداد', body: 'نص' })}\n${JSON.stringify({ id: 'b', title: 'الموصل', body: 'نص', summary: 'ملخص' })}\n`,
    })
    const store = fahras('index', dir, '-o', join(dir, 'i.json'), '--fields', 'title,body', '--store', 'title,nope')
    expect(store.code).toBe(2)
    expect(store.stderr.trim()).toMatch(
      /^fahras: --store title,nope: no document has the field "nope"; the 2 documents read have: id, title, body, summary$/,
    )
    const byDefault = fahras('index', dir, '-o', join(dir, 'i.json'))
    expect(byDefault.code).toBe(2)
    expect(byDefault.stderr.trim()).toMatch(
      /^fahras: --fields \(by default title,text\): no document has the field "text"; .*: give the fields to index, e.g. --fields /,
    )
    expect(fahras('index', dir, '-o', join(dir, 'i.json'), '--fields', 'title,summary', '--quiet').code).toBe(0)
    expect(fahras('search', dir, 'بغداد', '--fields', 'titel').code).toBe(2)
  })

  it("bulk --fields with a field no document has, and search --fields outside a saved index's fields: exit 2 naming the flag", () => {
    const bulk = fahras('bulk', 'corpus/articles.jsonl', '--index', 'articles', '--fields', 'id,titel')
    expect(bulk.code).toBe(2)
    expect(bulk.stdout).toBe('')
    expect(bulk.stderr.trim()).toMatch(/^fahras: --fields id,titel: no document has the field "titel"/)
    const search = fahras('search', corpusIndex, 'بغداد', '--fields', 'titel')
    expect(search.code).toBe(2)
    expect(search.stderr.trim()).toMatch(/^fahras: --fields must be indexed fields \(title, text\), got "titel"$/)
    // --store, --id and --base-url shape an index being built: with a saved one, a usage error
    const shaping = fahras('search', corpusIndex, 'بغداد', '--base-url', '/blog/')
    expect(shaping.code).toBe(2)
    expect(shaping.stderr.trim()).toMatch(
      /^fahras: --base-url shapes an index built from documents: .*corpus\.json is a saved index/,
    )
    // on a saved index, --fields searches only those of its fields
    const inTitles = results(corpusIndex, 'بغداد', '--fields', 'title', '--limit', '50')
    expect(inTitles.length).toBeGreaterThan(0)
    expect(inTitles.length).toBeLessThan(results(corpusIndex, 'بغداد', '--limit', '50').length)
  })
})

describe('item 14: the command line', () => {
  it('a query that starts with "-": taken whole as the query (Arabic), after --, or told how to pass it', () => {
    const arabic = fahras('search', corpusIndex, '-العراق')
    expect(arabic.code).toBe(0)
    expect(arabic.stdout).toBe('no results for «-العراق» in 427 documents\n')
    expect(arabic.stderr).toMatch(/^note: -word excludes a word, .* to search for العراق, leave out the "-"\n$/)
    const after = fahras('search', corpusIndex, '--limit', '3', '--', '-العراق بغداد')
    expect(after.code, after.stderr).toBe(0)
    expect(after.stdout.match(/^\d+\. score/gm)).toHaveLength(3)
    const latin = fahras('search', corpusIndex, '-iraq')
    expect(latin.code).toBe(2)
    expect(latin.stderr.trim()).toBe(
      'fahras: unknown option "-iraq" for fahras search (see fahras search --help); to search for a query that starts with "-", put it after --: fahras search <index.json> -- "-iraq"',
    )
  })

  it('--limit -1, 0, 2.5 or abc, and --fuzzy -1: exit 2 with what was expected', () => {
    for (const value of ['-1', '0', '2.5', 'abc', '']) {
      for (const flag of ['--limit', '-n']) {
        const r = fahras('search', corpusIndex, 'بغداد', flag, value)
        expect(r.code, `${flag} ${value}`).toBe(2)
        expect(r.stderr.trim(), `${flag} ${value}`).toBe(
          `fahras: --limit expects a positive whole number (1, 2, 3…), got ${JSON.stringify(value)}`,
        )
      }
    }
    const missing = fahras('search', corpusIndex, 'بغداد', '--limit')
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim()).toMatch(/^fahras: --limit needs a value: --limit <n>/)
  })

  it('a Windows-1256 or UTF-16 file is "not UTF-8 (looks like …)", not "binary"; binary and a stray bad byte are told apart', () => {
    const decoder = new TextDecoder('windows-1256')
    const table = new Map<string, number>()
    for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b)
    const cp1256 = (text: string) => Buffer.from([...text].map((c) => table.get(c)!))
    const dir = site({
      'a-cp1256.txt': cp1256('مقال عن بغداد والعراق\nنص عن تاريخ المدينة وأهلها\n'),
      'b-cp1256.jsonl': cp1256(`${doc('x', 'نص عن بغداد')}\n`),
      'c-utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('نص عن بغداد', 'utf16le')]),
      'd-one-bad-byte.txt': Buffer.concat([
        Buffer.from('نص عن بغداد والعراق وأهلها '),
        Buffer.from([0xff]),
        Buffer.from(' والمزيد'),
      ]),
      'e-binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00]),
      'f-good.txt': 'بغداد',
    })
    const r = fahras('index', dir, '-o', join(dir, 'index.json'))
    expect(r.code, r.stderr).toBe(0)
    expect(skippedLines(r.stderr)).toEqual([
      expect.stringMatching(
        /a-cp1256\.txt: not UTF-8 \(looks like Windows-1256, the Arabic Windows code page\): convert it to UTF-8, e\.g\. with iconv -f WINDOWS-1256 -t UTF-8$/,
      ),
      expect.stringMatching(/b-cp1256\.jsonl: not UTF-8 \(looks like Windows-1256/),
      expect.stringMatching(/c-utf16\.txt: not UTF-8 \(looks like UTF-16 LE.*iconv -f UTF-16 -t UTF-8$/),
      expect.stringMatching(/d-one-bad-byte\.txt: invalid UTF-8 on line 1/),
      expect.stringMatching(/e-binary\.txt: binary file, not text$/),
    ])
  })

  it('an empty Markdown, text or HTML file, or one with only front matter or markup, is skipped with a reason', () => {
    const dir = site({
      'a.md': '',
      'b.md': '---\ntitle: فارغ\n---\n',
      'c.txt': '  \n\n',
      'd.html': '<html><body><nav>قائمة</nav></body></html>',
      'e.md': 'نص عن بغداد',
    })
    const index = join(dir, 'index.json')
    const r = fahras('index', dir, '-o', index)
    expect(r.code, r.stderr).toBe(0)
    expect(skippedLines(r.stderr)).toEqual([
      expect.stringMatching(/a\.md: no text to index/),
      expect.stringMatching(/b\.md: no text to index/),
      expect.stringMatching(/c\.txt: no text to index/),
      expect.stringMatching(/d\.html: no text to index/),
    ])
    expect(r.stderr).toMatch(/indexed 1 documents from 5 files; skipped 4 bad records/)
  })

  it('skipped records are reported in input order (duplicates and fields holding objects too), by index and bulk', () => {
    const dir = site({
      'a.jsonl': `${[doc('a1', 'بغداد'), doc('a1', 'مكرر'), '{"id": "a3", broken', doc('a4', { nested: true } as unknown as string), doc('a5', 'الموصل')].join('\n')}\n`,
      'b.jsonl': `${[doc('b1', { nested: true } as unknown as string), '{broken', doc('a1', 'مكرر')].join('\n')}\n`,
    })
    const order = [
      /a\.jsonl:2: duplicate id/,
      /a\.jsonl:3: invalid JSON/,
      /a\.jsonl:4: field "text" holds an object/,
      /b\.jsonl:1: field "text" holds an object/,
      /b\.jsonl:2: invalid JSON/,
      /b\.jsonl:3: duplicate id/,
    ]
    const out = folder()
    const index = fahras('index', dir, '-o', join(out, 'index.json'))
    expect(index.code, index.stderr).toBe(0)
    expect(skippedLines(index.stderr)).toEqual(order.map((o) => expect.stringMatching(o)))
    const bulk = fahras('bulk', dir, '--index', 'x', '-o', join(out, 'x.ndjson'), '--json')
    expect(
      JSON.parse(bulk.stdout).skippedRecords.map(
        (b: { file: string; line: number }) => `${b.file.slice(dir.length + 1)}:${b.line}`,
      ),
    ).toEqual(['a.jsonl:2', 'a.jsonl:3', 'a.jsonl:4', 'b.jsonl:1', 'b.jsonl:2', 'b.jsonl:3'])
  })

  it('an -o that cannot be written fails before any input is read (exit 2, one line)', () => {
    const r = fahras('index', 'corpus/articles.jsonl', '-o', join(tmp, 'no-such-folder', 'index.json'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^fahras: cannot write .*index\.json: no such folder .*no-such-folder\n$/)
  })

  it('a .json file that is not a fahras index is not searched as "0 documents": exit 1, said clearly; inputs with no document: exit 1', () => {
    const dir = site({
      'settings.json': '{"a": 1}',
      'docs.json': JSON.stringify([{ id: 'd', title: 'بغداد', text: 'نص' }]),
      'bad.jsonl': '{broken\n',
    })
    const r = fahras('search', join(dir, 'settings.json'), 'بغداد')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim()).toMatch(
      /^fahras: .*settings\.json is not a fahras index \(.*\), nor an array of documents: make an index with fahras index <inputs…> -o /,
    )
    expect(results(join(dir, 'docs.json'), 'بغداد').map((x) => x.id)).toEqual(['d'])
    const none = fahras('search', join(dir, 'bad.jsonl'), 'بغداد')
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/fahras: indexed 0 documents from 1 file; skipped 1 bad record; nothing to search\n$/)
  })

  it('each command has its own help (usage, options, examples): fahras <command> --help and fahras help <command>', () => {
    const helps = new Map<string, string>()
    for (const command of ['index', 'search', 'tour', 'bulk', 'export-settings']) {
      const r = fahras(command, '--help')
      expect(r.code, command).toBe(0)
      expect(r.stdout, command).toMatch(new RegExp(`^fahras ${command}: .*\\n\\nUsage:\\n  fahras ${command} `))
      expect(r.stdout, command).toMatch(/\nOptions:\n[\s\S]*\nExamples:\n {2}fahras /)
      expect(fahras('help', command).stdout, command).toBe(r.stdout)
      helps.set(command, r.stdout)
    }
    expect(new Set(helps.values()).size).toBe(5)
    expect(helps.get('search')).toMatch(/--fuzzy <n>/)
    expect(helps.get('search')).not.toMatch(/--split-mb/)
    expect(helps.get('bulk')).toMatch(/--split-mb <n>/)
    expect(fahras('--help').stdout).toMatch(/\nCommands:\n {2}index +build an index/)
    const unknown = fahras('help', 'frobnicate')
    expect(unknown.code).toBe(2)
    // an option of another command says whose it is
    const misplaced = fahras('index', 'corpus/articles.jsonl', '-o', join(tmp, 'x.json'), '--limit', '3')
    expect(misplaced.code).toBe(2)
    expect(misplaced.stderr.trim()).toBe(
      'fahras: --limit is an option of fahras search, not of fahras index (see fahras index --help)',
    )
  })

  it('export-settings and bulk errors name the flag (--name, --fields), not the library function or option', () => {
    const cases: Array<[string[], RegExp]> = [
      [['export-settings', '--name', 'Bad Name'], /^fahras: --name must be an analyzer name .*, got "Bad Name": /],
      [
        ['export-settings', '--fields', 'title,_secret'],
        /^fahras: --fields must be field names the engines accept .*, got "_secret"/,
      ],
      [
        ['bulk', 'corpus/articles.jsonl', '--index', 'a', '--fields', 'title,_index'],
        /^fahras: --fields must list no metadata field .*, got "_index"/,
      ],
    ]
    for (const [args, message] of cases) {
      const r = fahras(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr.trim(), args.join(' ')).toMatch(message)
      expect(r.stderr, args.join(' ')).not.toMatch(/indexSettings|expected `|bulk expected/)
    }
  })

  it('piped, matches are marked in [brackets], in the title too; --json is unmarked', () => {
    const dir = site({
      'a.jsonl': `${JSON.stringify({ id: 'a', title: 'أخبار بغداد اليوم', text: 'وصل الوفد إلى بغداد صباحا' })}\n`,
    })
    const r = fahras('search', dir, 'بغداد')
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^1\. score [\d.]+ {3}id a$/)
    expect(lines.slice(1)).toEqual(['أخبار [بغداد] اليوم', 'وصل الوفد إلى [بغداد] صباحا', '', ''])
    const json = results(dir, 'بغداد')[0]!
    expect(json.title).toBe('أخبار بغداد اليوم')
    expect(json.snippets.text!.text).toBe('وصل الوفد إلى بغداد صباحا')
  })
})

describe('item 6 (command line): --fuzzy', () => {
  it('--fuzzy 1 finds a word with one letter off that the exact query misses; a bad value is exit 2', () => {
    const dir = site({ 'a.jsonl': `${[doc('a', 'رحلة إلى مدينة الموصل'), doc('b', 'نص آخر عن البصرة')].join('\n')}\n` })
    expect(results(dir, 'الموصك', '--fuzzy', '1').map((r) => r.id)).toEqual(['a'])
    for (const value of ['-1', 'abc', '1.5', '0']) {
      const r = fahras('search', dir, 'الموصك', '--fuzzy', value)
      expect(r.code, value).toBe(2)
      expect(r.stderr.trim(), value).toMatch(
        /^fahras: --fuzzy expects an edit distance \(1 or 2: letters added, removed or changed\) or a fraction of each word's length below 1 \(0\.2\), got /,
      )
    }
  })
})

describe('item 6 (command line): a query that finds nothing', () => {
  it('is searched again with the closest spelling the documents have, and the output says so', () => {
    const dir = site({ 'a.jsonl': `${[doc('a', 'رحلة إلى مدينة الموصل'), doc('b', 'نص آخر عن البصرة')].join('\n')}\n` })
    const json = fahras('search', dir, 'الموصك', '--json')
    expect(json.code, json.stderr).toBe(0)
    const body = JSON.parse(json.stdout) as { query: string; correctedQuery?: string; results: Result[] }
    expect(body.correctedQuery).toBe('الموصل')
    expect(body.results.map((r) => r.id)).toEqual(['a'])
    const text = fahras('search', dir, 'الموصك')
    expect(text.stdout.split('\n')[0]).toBe('no results for «الموصك»; showing results for «الموصل»')
    // a found query is not corrected; nothing close: no results, said so
    expect(
      (JSON.parse(fahras('search', dir, 'الموصل', '--json').stdout) as { correctedQuery?: string }).correctedQuery,
    ).toBeUndefined()
    expect(fahras('search', dir, 'زززززز').stdout).toMatch(/^no results for «زززززز» in 2 documents/)
  })
})

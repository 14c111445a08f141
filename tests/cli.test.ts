import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { ArabicSearch } from '../src/index.js'
import { indexSettings } from '../src/opensearch/index.js'

// End-to-end: these tests spawn the built binary (dist/cli.js, built by `npm test` first).
const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'dist', 'cli.js')
const fahras = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

let tmp: string
let corpusIndex: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fahras-cli-'))
  corpusIndex = join(tmp, 'corpus.json')
})

describe('fahras CLI', () => {
  it('--help and --version', () => {
    const help = fahras('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/fahras index <inputs…> -o <index.json>/)
    const version = fahras('--version')
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version)
  })

  it('indexes the bundled corpus and searches the saved index', () => {
    const indexed = fahras('index', 'corpus/articles.jsonl', '-o', corpusIndex)
    expect(indexed.code).toBe(0)
    expect(indexed.stderr).toMatch(/indexed \d{3} documents from 1 file; skipped 0 bad records; wrote/)
    const found = fahras('search', corpusIndex, 'الشراكة الاستراتيجية', '--limit', '3')
    expect(found.code).toBe(0)
    expect(found.stdout).toMatch(/^1\. score [\d.]+ {3}id jidar-2023-08-11-iraq-us\n/)
    expect(found.stdout).toContain('العراق يؤكد [شراكة] [استراتيجية]') // matches marked in [brackets] when piped (issue 14 item 14)
    expect(found.stdout.match(/^\d+\. score/gm)).toHaveLength(3)
  })

  it('prints machine-readable JSON with --json, the same ranking with or without diacritics', () => {
    const plain = JSON.parse(fahras('search', corpusIndex, 'الكتاب', '--json', '--limit', '5').stdout)
    const vowelled = JSON.parse(fahras('search', corpusIndex, 'ٱلْكِتَٰبُ', '--json', '--limit', '5').stdout)
    expect(plain.results.length).toBeGreaterThan(0)
    expect(vowelled.results.map((r: { id: string }) => r.id)).toEqual(plain.results.map((r: { id: string }) => r.id))
    const first = plain.results[0]
    expect(first).toMatchObject({ id: expect.any(String), score: expect.any(Number), terms: ['كتاب'] })
    expect(first.snippets.text.html).toContain('<mark>')
  })

  it('colours matches only on a terminal: plain when piped', () => {
    const out = fahras('search', corpusIndex, 'بغداد', '--limit', '1').stdout
    expect(out).not.toMatch(/\u001b\[/)
  })

  it('indexes a folder of HTML and Markdown files: visible text only, titles from <title> or <h1>', () => {
    const out = join(tmp, 'html.json')
    const indexed = fahras('index', 'tests/fixtures/html', '-o', out, '--quiet')
    expect(indexed.code).toBe(0)
    expect(indexed.stderr).toMatch(/indexed 3 documents from 3 files/)
    const r = JSON.parse(fahras('search', out, 'بغداد', '--json').stdout).results
    expect(r[0]).toMatchObject({ id: 'baghdad.html', title: 'بغداد & دجلة' })
    expect(JSON.parse(fahras('search', out, 'القاهرة', '--json').stdout).results[0]).toMatchObject({
      id: 'sub/cairo.htm',
      title: 'القاهرة',
    })
    expect(
      JSON.parse(fahras('search', out, 'الكتاب', '--json').stdout).results.map((x: { id: string }) => x.id),
    ).toContain('notes.md')
    for (const hidden of ['السكربت', 'التنسيق', 'سمرقند', 'مخفي']) {
      expect(JSON.parse(fahras('search', out, hidden, '--json').stdout).results, hidden).toEqual([])
    }
  })

  it('searches inputs directly, without an index file', () => {
    const r = fahras('search', 'tests/fixtures/html', 'دجلة', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).results[0].id).toBe('baghdad.html')
  })

  it('reports bad records with file and line, skips them, keeps the good ones', () => {
    const dir = join(tmp, 'mixed')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'a.jsonl'),
      [
        JSON.stringify({ id: 'a1', title: 'الأول', text: 'نص عن بغداد' }),
        '{"id": "a2", "title": broken json',
        JSON.stringify({ title: 'بلا معرف', text: 'نص' }),
        JSON.stringify({ id: 'a4', title: 'الرابع', text: { nested: true } }),
        JSON.stringify({ id: 'a1', title: 'مكرر', text: 'نص' }),
        JSON.stringify({ id: 'a6', title: 'السادس', text: 'نص عن القاهرة' }),
      ].join('\n'),
    )
    writeFileSync(join(dir, 'blob.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0xff, 0xfe]))
    const out = join(tmp, 'mixed.json')
    const r = fahras('index', dir, '-o', out)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/a\.jsonl:2: invalid JSON/)
    expect(r.stderr).toMatch(/a\.jsonl:3: no id in field "id"/)
    expect(r.stderr).toMatch(/a\.jsonl:4: field "text" holds an object/)
    expect(r.stderr).toMatch(/a\.jsonl:5: duplicate id "a1"/)
    expect(r.stderr).toMatch(/blob\.txt: binary file/)
    expect(r.stderr).toMatch(/indexed 2 documents from 2 files; skipped 5 bad records/)
    expect(JSON.parse(fahras('search', out, 'القاهرة', '--json').stdout).results[0].id).toBe('a6')
  })

  it('fails with one line and exit code 1 on an empty folder, a missing file, an unreadable or damaged index', () => {
    const empty = join(tmp, 'empty')
    mkdirSync(empty)
    const cases: Array<[string[], RegExp]> = [
      [['index', empty, '-o', join(tmp, 'x.json')], /no \.jsonl, \.json, \.txt, \.md or \.html files in folder/],
      [['index', join(tmp, 'missing.jsonl'), '-o', join(tmp, 'x.json')], /no such file or folder/],
      [['search', join(tmp, 'missing.json'), 'بغداد'], /no such file or folder/],
    ]
    const damaged = join(tmp, 'damaged.json')
    writeFileSync(damaged, readFileSync(corpusIndex, 'utf8').slice(0, 5000))
    cases.push([['search', damaged, 'بغداد'], /could not parse the saved index|damaged/])
    // unreadable: a folder named like an index (EISDIR), which even root cannot read as a file
    const unreadable = join(tmp, 'unreadable.json')
    mkdirSync(unreadable)
    cases.push([['search', unreadable, 'بغداد'], /cannot read the index .*unreadable\.json: EISDIR/])
    const denied = join(tmp, 'denied.json')
    writeFileSync(denied, readFileSync(corpusIndex, 'utf8').slice(0, 300))
    chmodSync(denied, 0o000)
    if (process.getuid?.() !== 0) cases.push([['search', denied, 'بغداد'], /cannot read the index .*EACCES/])
    for (const [args, message] of cases) {
      const r = fahras(...args)
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stderr.trim().split('\n')[0]).toMatch(message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('exits 2 on usage errors', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['index', 'corpus'],
      ['search', 'corpus'],
      ['search', corpusIndex, 'x', '--limit', 'zero'],
      ['--bogus-flag'],
    ]) {
      const r = fahras(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^fahras: /)
    }
  })
})

describe('fahras bulk and export-settings (Elasticsearch, OpenSearch)', () => {
  const corpus = readFileSync(join(root, 'corpus', 'articles.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  const ndjsonLines = (text: string) => {
    expect(text.endsWith('\n'), 'the body ends with a newline').toBe(true)
    return text.slice(0, -1).split('\n')
  }

  it('writes the bundled corpus as a _bulk body: an action line, then the record as given', () => {
    const out = join(tmp, 'articles.ndjson')
    const r = fahras('bulk', 'corpus/articles.jsonl', '--index', 'articles', '-o', out)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /^exported 427 documents from 1 file; skipped 0 bad records; wrote 854 lines, [\d,]+ bytes \([\d.]+ MB\), to .*articles\.ndjson\n$/,
    )
    const lines = ndjsonLines(readFileSync(out, 'utf8'))
    expect(lines).toHaveLength(854)
    const ids = new Set<string>()
    for (let i = 0; i < lines.length; i += 2) {
      const action = JSON.parse(lines[i]!)
      expect(Object.keys(action)).toEqual(['index'])
      expect(action.index._index).toBe('articles')
      expect(typeof action.index._id).toBe('string')
      ids.add(action.index._id)
      const source = JSON.parse(lines[i + 1]!)
      const record = corpus[i / 2]!
      expect(action.index._id).toBe(String(record.id))
      expect(source.text).toBe(record.text)
      expect(source).toEqual(record)
    }
    expect(ids.size).toBe(427)
    // the same bytes on stdout
    const piped = fahras('bulk', 'corpus/articles.jsonl', '--index', 'articles')
    expect(piped.code).toBe(0)
    expect(piped.stdout).toBe(readFileSync(out, 'utf8'))
    expect(piped.stderr).toMatch(/wrote 854 lines, .* to stdout/)
  })

  it('keeps only --fields in the sources, and reads the id from --id', () => {
    const dir = join(tmp, 'slugs')
    mkdirSync(dir)
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify([{ slug: 'baghdad', title: 'بغداد', text: 'عاصمة العراق', url: 'https://example.org/b' }]),
    )
    const r = fahras(
      'bulk',
      join(dir, 'a.json'),
      '--index',
      'cities',
      '--id',
      'slug',
      '--fields',
      'title,text',
      '--quiet',
    )
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(ndjsonLines(r.stdout)).toEqual([
      '{"index":{"_index":"cities","_id":"baghdad"}}',
      '{"title":"بغداد","text":"عاصمة العراق"}',
    ])
  })

  it('reports bad records with file and line, skips them, writes the good ones', () => {
    const input = join(tmp, 'bulk-mixed.jsonl')
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a1', title: 'الأول', text: 'نص عن بغداد' }),
        '{"id": "a2", "title": broken json',
        JSON.stringify({ title: 'بلا معرف', text: 'نص' }),
        JSON.stringify({ id: 'a4', title: 'الرابع', text: { nested: true } }),
        JSON.stringify({ id: 7, title: 'رقم', text: 'سبعة' }),
        JSON.stringify({ id: '7', title: 'رقم مكرر', text: 'سبعة أيضا' }),
        JSON.stringify({ id: 'ب'.repeat(300), title: 'معرف طويل', text: 'نص' }),
        JSON.stringify({ id: 'a8', title: 'الثامن', text: 'نص عن القاهرة' }),
      ].join('\n'),
    )
    const out = join(tmp, 'bulk-mixed.ndjson')
    const r = fahras('bulk', input, '--index', 'articles', '-o', out)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/bulk-mixed\.jsonl:2: invalid JSON/)
    expect(r.stderr).toMatch(/bulk-mixed\.jsonl:3: no id in field "id"/)
    expect(r.stderr).toMatch(/bulk-mixed\.jsonl:4: field "text" holds an object/)
    expect(r.stderr).toMatch(/bulk-mixed\.jsonl:6: got the id "7" a second time, first at .*bulk-mixed\.jsonl:5/)
    expect(r.stderr).toMatch(/bulk-mixed\.jsonl:7: got an id of 600 bytes .* at most 512/)
    expect(r.stderr).toMatch(/exported 3 documents from 1 file; skipped 5 bad records; wrote 6 lines/)
    const ids = ndjsonLines(readFileSync(out, 'utf8'))
      .filter((_, i) => i % 2 === 0)
      .map((l) => JSON.parse(l).index._id)
    expect(ids).toEqual(['a1', '7', 'a8'])
  })

  it('--split-mb writes parts under the limit that together hold the same lines, an action never apart from its source', () => {
    const dir = join(tmp, 'parts')
    mkdirSync(dir)
    const r = fahras(
      'bulk',
      'corpus/articles.jsonl',
      '--index',
      'articles',
      '-o',
      join(dir, 'articles.ndjson'),
      '--split-mb',
      '0.5',
      '--json',
    )
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const summary = JSON.parse(r.stdout)
    expect(summary).toMatchObject({ index: 'articles', documents: 427, skipped: 0, lines: 854 })
    const names = readdirSync(dir).sort()
    expect(names.length).toBeGreaterThan(3)
    expect(names).toEqual(names.map((_, i) => `articles-${String(i + 1).padStart(3, '0')}.ndjson`))
    expect(summary.files.map((f: { path: string }) => f.path)).toEqual(names.map((n) => join(dir, n)))
    const limit = 0.5 * 1024 * 1024
    const joined: string[] = []
    for (const name of names) {
      const size = statSync(join(dir, name)).size
      expect(size, name).toBeLessThanOrEqual(limit)
      const lines = ndjsonLines(readFileSync(join(dir, name), 'utf8'))
      expect(lines.length % 2, name).toBe(0)
      lines.forEach((line, i) =>
        expect(Object.keys(JSON.parse(line)).includes('index'), `${name}:${i + 1}`).toBe(i % 2 === 0),
      )
      joined.push(...lines)
    }
    expect(summary.bytes).toBe(names.reduce((a, n) => a + statSync(join(dir, n)).size, 0))
    const whole = ndjsonLines(fahras('bulk', 'corpus/articles.jsonl', '--index', 'articles', '--quiet').stdout)
    expect(joined).toEqual(whole)
  })

  it('leaves metadata fields out of the documents, counts them in the summary, and says where the first was', () => {
    const input = join(tmp, 'bulk-metadata.jsonl')
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'm1', _index: 'old', _version: 3, title: 'الأول', text: 'نص' }),
        JSON.stringify({ id: 'm2', title: 'الثاني', text: 'نص', _doc_count: 4 }),
        JSON.stringify({ id: 'm3', _index: 'old', title: 'الثالث', text: 'نص' }),
      ].join('\n'),
    )
    const out = join(tmp, 'bulk-metadata.ndjson')
    const r = fahras('bulk', input, '--index', 'articles', '-o', out)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(
      /^note: left out the metadata fields _index \(2 documents\), _version \(1 document\), the first at .*bulk-metadata\.jsonl:1: Elasticsearch and OpenSearch refuse them inside a document\n/,
    )
    expect(r.stderr).toMatch(
      /\nexported 3 documents from 1 file; left out metadata fields from 2 documents; skipped 0 bad records; wrote 6 lines, .* to .*bulk-metadata\.ndjson\n$/,
    )
    const sources = ndjsonLines(readFileSync(out, 'utf8'))
      .filter((_, i) => i % 2 === 1)
      .map((l) => JSON.parse(l))
    // _doc_count is kept: the engines read it from the document
    expect(sources).toEqual([
      { id: 'm1', title: 'الأول', text: 'نص' },
      { id: 'm2', title: 'الثاني', text: 'نص', _doc_count: 4 },
      { id: 'm3', title: 'الثالث', text: 'نص' },
    ])
    // the note stays with --quiet; --json counts them
    const quiet = fahras('bulk', input, '--index', 'articles', '-o', out, '--quiet')
    expect(quiet.stderr).toMatch(/^note: left out the metadata fields _index \(2 documents\), _version \(1 document\)/)
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1)
    const json = fahras('bulk', input, '--index', 'articles', '-o', out, '--json')
    expect(JSON.parse(json.stdout)).toMatchObject({
      documents: 3,
      metadataFieldsLeftOut: { documents: 2, fields: { _index: 2, _version: 1 } },
    })
    const clean = fahras(
      'bulk',
      'corpus/articles.jsonl',
      '--index',
      'articles',
      '-o',
      join(tmp, 'clean.ndjson'),
      '--json',
    )
    expect(JSON.parse(clean.stdout).metadataFieldsLeftOut).toEqual({ documents: 0, fields: {} })
    // an _id read as the id field is no loss: it is the action's _id
    const mongo = join(tmp, 'bulk-mongo.json')
    writeFileSync(mongo, JSON.stringify([{ _id: 'x1', title: 'عنوان', text: 'نص' }]))
    const m = fahras('bulk', mongo, '--index', 'articles', '--id', '_id')
    expect(m.code, m.stderr).toBe(0)
    expect(m.stderr).not.toMatch(/note:|left out/)
    expect(ndjsonLines(m.stdout)).toEqual([
      '{"index":{"_index":"articles","_id":"x1"}}',
      '{"title":"عنوان","text":"نص"}',
    ])
  })

  it('writes 20,000 documents as they come: one file, stdout, parts, more than 999 parts', () => {
    const dir = join(tmp, 'large')
    mkdirSync(dir)
    const input = join(dir, 'many.jsonl')
    const count = 20_000
    const docs = Array.from({ length: count }, (_, i) => ({
      id: `d${i}`,
      title: `عنوان ${i}`,
      text: `نص قصير رقم ${i}`,
    }))
    writeFileSync(input, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`)
    const single = join(dir, 'many.ndjson')
    const r = fahras('bulk', input, '--index', 'many', '-o', single)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(
      /^exported 20000 documents from 1 file; skipped 0 bad records; wrote 40000 lines, [\d,]+ bytes \([\d.]+ MB\), to .*many\.ndjson\n$/,
    )
    const whole = readFileSync(single, 'utf8')
    const lines = ndjsonLines(whole)
    expect(lines).toHaveLength(2 * count)
    for (const i of [0, 1, 12_345, count - 1]) {
      expect(JSON.parse(lines[2 * i]!)).toEqual({ index: { _index: 'many', _id: `d${i}` } })
      expect(JSON.parse(lines[2 * i + 1]!)).toEqual(docs[i])
    }
    // the same bytes through a pipe; a reader that stops early is no error
    expect(fahras('bulk', input, '--index', 'many', '--quiet').stdout).toBe(whole)
    const head = spawnSync(
      'bash',
      ['-c', 'set -o pipefail; "$0" "$1" bulk "$2" --index many | head -n 1', process.execPath, cli, input],
      { encoding: 'utf8' },
    )
    expect(head.status, head.stderr).toBe(0)
    expect(head.stdout).toBe(`${lines[0]}\n`)
    expect(head.stderr).toMatch(/^exported 20000 documents .* to stdout\n$/)

    // parts of 0.25 MB: full ones (the next document would not have fit), together the same bytes
    const parts = join(dir, 'parts')
    mkdirSync(parts)
    const limit = 0.25 * 1024 * 1024
    const split = fahras(
      'bulk',
      input,
      '--index',
      'many',
      '-o',
      join(parts, 'many.ndjson'),
      '--split-mb',
      '0.25',
      '--json',
    )
    expect(split.code, split.stderr).toBe(0)
    const summary = JSON.parse(split.stdout)
    expect(summary).toMatchObject({ documents: count, lines: 2 * count, bytes: Buffer.byteLength(whole) })
    const names = readdirSync(parts).sort()
    expect(names.length).toBeGreaterThan(5)
    expect(names).toEqual(names.map((_, i) => `many-${String(i + 1).padStart(3, '0')}.ndjson`))
    expect(summary.files.map((f: { path: string }) => f.path)).toEqual(names.map((n) => join(parts, n)))
    const texts = names.map((n) => readFileSync(join(parts, n), 'utf8'))
    expect(texts.join('')).toBe(whole)
    texts.forEach((text, i) => {
      const bytes = Buffer.byteLength(text)
      expect(bytes, names[i]).toBeLessThanOrEqual(limit)
      expect(summary.files[i]).toMatchObject({ bytes, documents: ndjsonLines(text).length / 2 })
      if (i + 1 < texts.length) {
        const [action, source] = ndjsonLines(texts[i + 1]!)
        expect(bytes + Buffer.byteLength(`${action}\n${source}\n`), names[i]).toBeGreaterThan(limit)
      }
    })

    // fewer parts over the same names: the rest is left and said to be left
    const fewer = fahras(
      'bulk',
      input,
      '--index',
      'many',
      '-o',
      join(parts, 'many.ndjson'),
      '--split-mb',
      '0.5',
      '--json',
    )
    expect(fewer.code, fewer.stderr).toBe(0)
    const written = JSON.parse(fewer.stdout).files.length
    expect(written).toBeLessThan(names.length)
    const stale = join(parts, `many-${String(written + 1).padStart(3, '0')}.ndjson`)
    expect(fewer.stderr).toBe(
      `note: ${stale} and any later part are left from an earlier run, not written by this one\n`,
    )

    // parts of 0.002 MB: more than 999, numbered with four digits
    const tiny = join(dir, 'tiny')
    mkdirSync(tiny)
    const t = fahras(
      'bulk',
      input,
      '--index',
      'many',
      '-o',
      join(tiny, 'many.ndjson'),
      '--split-mb',
      '0.002',
      '--quiet',
    )
    expect(t.code, t.stderr).toBe(0)
    const tinyNames = readdirSync(tiny).sort()
    expect(tinyNames.length).toBeGreaterThan(999)
    expect(tinyNames).toEqual(tinyNames.map((_, i) => `many-${String(i + 1).padStart(4, '0')}.ndjson`))
    expect(tinyNames.map((n) => readFileSync(join(tiny, n), 'utf8')).join('')).toBe(whole)
  })

  it('exits 2 with one line on a bad --index, a missing --index, a bad --split-mb', () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['bulk', 'corpus/articles.jsonl', '--index', 'Articles'],
        /^fahras: --index "Articles" is not a valid index name: it must be lowercase$/,
      ],
      [
        ['bulk', 'corpus/articles.jsonl', '--index', 'my index'],
        /^fahras: --index "my index" is not a valid index name: it must not contain a space$/,
      ],
      [['bulk', 'corpus/articles.jsonl', '--index', '_articles'], /must not start with/],
      [['bulk', 'corpus/articles.jsonl', '--index', 'a/b'], /must not contain "\/"/],
      [['bulk', 'corpus/articles.jsonl'], /^fahras: bulk needs --index <name>/],
      [['bulk', '--index', 'articles'], /^fahras: bulk needs at least one input/],
      [
        ['bulk', 'corpus/articles.jsonl', '--index', 'articles', '--split-mb', 'ten', '-o', join(tmp, 'x.ndjson')],
        /--split-mb expects a number of megabytes > 0/,
      ],
      [['bulk', 'corpus/articles.jsonl', '--index', 'articles', '--split-mb', '10'], /--split-mb needs -o/],
      [['bulk', 'corpus/articles.jsonl', '--index', 'articles', '--json'], /--json needs -o/],
      [['bulk', 'corpus/articles.jsonl', '--index', 'articles', '-o', 'corpus/articles.jsonl'], /is also an input/],
      // the flag, not the library's option name (issue 14 item 14)
      [
        ['bulk', 'corpus/articles.jsonl', '--index', 'articles', '--fields', 'title,_index'],
        /^fahras: --fields must list no metadata field \(Elasticsearch and OpenSearch refuse them inside a document\), got "_index": the index the document is in/,
      ],
      [['export-settings', 'corpus/articles.jsonl'], /export-settings takes no inputs/],
    ]
    for (const [args, message] of cases) {
      const r = fahras(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stdout, args.join(' ')).toBe('')
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stderr.trim(), args.join(' ')).toMatch(message)
    }
    expect(
      readFileSync(join(root, 'corpus', 'articles.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(427)
  })

  it('export-settings prints the body of PUT /<index>: the analyzer and the mapping that uses it', () => {
    const r = fahras('export-settings')
    expect(r.code, r.stderr).toBe(0)
    const definition = JSON.parse(r.stdout)
    expect(definition).toEqual(JSON.parse(JSON.stringify(indexSettings())))
    expect(r.stdout).not.toMatch(/[\ufdd0-\ufdef]/) // markers written as \u escapes
    expect(r.stdout).toContain('\\uFDE0')
    expect(definition.settings.analysis.analyzer.fahras_arabic).toBeDefined()
    expect(definition.mappings.properties.title.analyzer).toBe('fahras_arabic')
    const out = join(tmp, 'settings.json')
    const written = fahras('export-settings', '--name', 'arabic', '--fields', 'title,body', '-o', out)
    expect(written.code, written.stderr).toBe(0)
    expect(written.stdout).toBe('')
    const custom = JSON.parse(readFileSync(out, 'utf8'))
    expect(custom.settings.analysis.analyzer.arabic).toBeDefined()
    expect(custom.mappings.properties.body.analyzer).toBe('arabic')
    expect(custom.mappings.properties.body.fields.exact.analyzer).toBe('arabic_exact')
    const plain = JSON.parse(fahras('export-settings', '--no-exact').stdout)
    expect(plain.mappings.properties.text).toEqual({ type: 'text', analyzer: 'fahras_arabic' })
    expect(Object.keys(plain.settings.analysis.analyzer)).toEqual(['fahras_arabic'])
  })

  it('export-settings --from takes the analyzer options and fields of a saved index', () => {
    const search = new ArabicSearch({ fields: ['title', 'body'], keep: ['المدرسة'], normalize: { taaMarbuta: false } })
    search.add({ id: 1, title: 'المدرسة', body: 'كتاب' })
    const saved = join(tmp, 'saved-index.json')
    writeFileSync(saved, JSON.stringify(search))
    const r = fahras('export-settings', '--from', saved)
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(JSON.stringify(indexSettings({ analyzer: search.analyzerOptions, fields: ['title', 'body'] }))),
    )
    const notIndex = join(tmp, 'not-an-index.json')
    writeFileSync(notIndex, '{"a": 1}')
    const bad = fahras('export-settings', '--from', notIndex)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/not a saved fahras index/)
    expect(fahras('export-settings', '--from', join(tmp, 'missing.json')).stderr).toMatch(/cannot read .*ENOENT/)
  })

  it('--help lists both commands', () => {
    const help = fahras('--help').stdout
    expect(help).toMatch(/fahras bulk <inputs…> --index <name>/)
    expect(help).toMatch(/fahras export-settings/)
  })
})

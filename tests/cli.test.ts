import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

// End-to-end: these tests spawn the built binary (dist/cli.js, built by `npm test` first).
const root = fileURLToPath(new URL('..', import.meta.url))
const cli = join(root, 'dist', 'cli.js')
const fahras = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
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
    expect(found.stdout).toContain('العراق يؤكد شراكة استراتيجية')
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
    expect(JSON.parse(fahras('search', out, 'القاهرة', '--json').stdout).results[0]).toMatchObject({ id: 'sub/cairo.htm', title: 'القاهرة' })
    expect(JSON.parse(fahras('search', out, 'الكتاب', '--json').stdout).results.map((x: { id: string }) => x.id)).toContain('notes.md')
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
    writeFileSync(join(dir, 'a.jsonl'), [
      JSON.stringify({ id: 'a1', title: 'الأول', text: 'نص عن بغداد' }),
      '{"id": "a2", "title": broken json',
      JSON.stringify({ title: 'بلا معرف', text: 'نص' }),
      JSON.stringify({ id: 'a4', title: 'الرابع', text: { nested: true } }),
      JSON.stringify({ id: 'a1', title: 'مكرر', text: 'نص' }),
      JSON.stringify({ id: 'a6', title: 'السادس', text: 'نص عن القاهرة' }),
    ].join('\n'))
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
    for (const args of [[], ['frobnicate'], ['index', 'corpus'], ['search', 'corpus'], ['search', corpusIndex, 'x', '--limit', 'zero'], ['--bogus-flag']]) {
      const r = fahras(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^fahras: /)
    }
  })
})

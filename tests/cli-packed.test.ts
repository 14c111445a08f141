import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

// End-to-end, as tests/cli.test.ts: these tests spawn the built binary (dist/cli.js, built by
// `npm test` first). The documents are the first 20 articles of the bundled corpus (and one of
// a single article, for what does not search), to stay fast.
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

/** The first 8 bytes of a packed index. */
const MAGIC = Buffer.from([0x89, 0x46, 0x48, 0x52, 0x53, 0x0d, 0x0a, 0x1a])
const ARTICLES = 20

let tmp: string
let docs: string
let one: string
let json: string
let packed: string
let packedRun: { code: number | null; stderr: string }
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fahras-cli-packed-'))
  docs = join(tmp, 'articles.jsonl')
  const lines = readFileSync(join(root, 'corpus', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
  writeFileSync(docs, `${lines.slice(0, ARTICLES).join('\n')}\n`)
  one = join(tmp, 'one.jsonl')
  writeFileSync(one, `${lines[0]}\n`)
  json = join(tmp, 'index.json')
  packed = join(tmp, 'index.fahras')
  const fromJson = fahras('index', docs, '-o', json, '--quiet')
  if (fromJson.code !== 0) throw new Error(`fahras index -o ${json} failed: ${fromJson.stderr}`)
  packedRun = fahras('index', docs, '-o', packed)
})

/** `fahras search` on the JSON index and on the packed one, with the same arguments. */
const both = (...args: string[]) => [fahras('search', json, ...args), fahras('search', packed, ...args)] as const

describe('fahras index: packed or JSON, by the name of -o or a flag', () => {
  it('-o index.fahras writes a packed index (its magic bytes first) and says so; -o index.json writes JSON', () => {
    expect(packedRun.code).toBe(0)
    expect(packedRun.stderr).toMatch(
      new RegExp(
        `^indexed ${ARTICLES} documents from 1 file; skipped 0 bad records; wrote .*index\\.fahras \\(packed\\)\\n$`,
      ),
    )
    expect(readFileSync(packed).subarray(0, 8)).toEqual(MAGIC)
    expect(readFileSync(json, 'utf8')).toMatch(/^\{"format":"fahras-index"/)
  })

  it('--packed packs under any other name, --json-index writes JSON; another name without a flag is JSON, as before', () => {
    const cases: Array<[string[], 'packed' | 'json']> = [
      [['-o', join(tmp, 'a.bin'), '--packed'], 'packed'],
      [['-o', join(tmp, 'b.data'), '--json-index'], 'json'],
      [['-o', join(tmp, 'c.idx')], 'json'],
      [['-o', join(tmp, 'd.FAHRAS'), '--packed'], 'packed'],
    ]
    for (const [args, form] of cases) {
      const r = fahras('index', one, ...args, '--quiet')
      expect(r.code, args.join(' ')).toBe(0)
      const head = readFileSync(args[1]!).subarray(0, 8)
      if (form === 'packed') expect(head, args.join(' ')).toEqual(MAGIC)
      else expect(head.toString('utf8'), args.join(' ')).toBe('{"format')
    }
  })

  it('a flag that contradicts the name of -o, or both flags, is a usage error (exit 2) and writes nothing', () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['-o', join(tmp, 'x.json'), '--packed'],
        /^fahras: --packed writes a packed \(binary\) index, and -o .*x\.json names a JSON file: write it to a \.fahras file \(-o .*x\.fahras\), or leave out --packed for JSON\n$/,
      ],
      [
        ['-o', join(tmp, 'x.fahras'), '--json-index'],
        /^fahras: --json-index writes a JSON index, and -o .*x\.fahras names a packed index: write it to a \.json file \(-o .*x\.json\), or leave out --json-index for a packed index\n$/,
      ],
      [
        ['-o', join(tmp, 'x.bin'), '--packed', '--json-index'],
        /^fahras: --packed and --json-index ask for two forms of the index: give one/,
      ],
    ]
    for (const [args, message] of cases) {
      const r = fahras('index', docs, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr, args.join(' ')).toMatch(message)
      expect(existsSync(args[1]!), args[1]).toBe(false)
    }
  })

  it('a failed run leaves an existing packed index as it was, with no temporary file beside it', () => {
    const dir = join(tmp, 'atomic')
    mkdirSync(dir)
    const target = join(dir, 'site.fahras')
    const before = readFileSync(packed)
    writeFileSync(target, before)
    const empty = join(dir, 'empty.jsonl')
    writeFileSync(empty, '{"id": 1}\n{"broken\n')
    const r = fahras('index', empty, '-o', target, '--fields', 'title')
    expect(r.code).not.toBe(0)
    expect(readFileSync(target).equals(before)).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['empty.jsonl', 'site.fahras'])
  })

  it('a packed index is never read back as documents: given as an input, or found in an input folder under a .json name', () => {
    const direct = fahras('index', packed, one, '-o', join(tmp, 'from-inputs.json'))
    expect(direct.code).toBe(0)
    expect(direct.stderr).toMatch(
      /skipped .*index\.fahras: a packed fahras index \(written by `fahras index`\), not documents/,
    )
    expect(direct.stderr).toMatch(/indexed 1 documents from 2 files; skipped 1 bad record/)
    const dir = join(tmp, 'folder')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a.jsonl'), `${JSON.stringify({ id: 'a1', title: 'بغداد', text: 'نص عن بغداد' })}\n`)
    writeFileSync(join(dir, 'old-index.json'), readFileSync(packed))
    const folder = fahras('index', dir, '-o', join(tmp, 'folder.fahras'))
    expect(folder.code).toBe(0)
    expect(folder.stderr).toMatch(/skipped .*old-index\.json: a packed fahras index/)
    expect(folder.stderr).toMatch(/indexed 1 documents from 2 files; skipped 1 bad record/)
  })
})

describe('fahras search: a packed index or a JSON one, the same output', () => {
  it('prints the same ranked, highlighted results from either, for words, a phrase, and a prefix with --and', () => {
    const queries = [
      ['الشراكة الاستراتيجية', '--limit', '3'],
      ['"وزير الدفاع" العراقي'],
      ['الكتا*', '--and', '--limit', '4'],
    ]
    for (const args of queries) {
      const [fromJson, fromPacked] = both(...args)
      expect(fromJson.code, args.join(' ')).toBe(0)
      expect(fromJson.stdout, args.join(' ')).toMatch(/^1\. score [\d.]+ {3}id /) // results, not "no results"
      expect(fromPacked.stdout, args.join(' ')).toBe(fromJson.stdout)
      expect(fromPacked.stderr, args.join(' ')).toBe(fromJson.stderr)
      expect(fromPacked.code).toBe(0)
    }
    const first = fahras('search', packed, 'الشراكة الاستراتيجية', '--limit', '1')
    expect(first.stdout).toMatch(/^1\. score [\d.]+ {3}id jidar-2023-08-11-iraq-us\n/)
    expect(first.stdout).toContain('العراق يؤكد [شراكة] [استراتيجية]')
  })

  it('the same --json output (with --fuzzy and --fields too) and the same "did you mean" from either', () => {
    const cases = [
      ['بغداد', '--json', '--limit', '5'],
      ['العراق', '--fields', 'title', '--fuzzy', '1', '--json', '--limit', '5'],
      ['بغدد'], // nothing found: the closest spelling's results, said so
    ]
    const outputs = cases.map((args) => {
      const [fromJson, fromPacked] = both(...args)
      expect(fromJson.code, args.join(' ')).toBe(0)
      expect(fromPacked.stdout, args.join(' ')).toBe(fromJson.stdout)
      return fromPacked.stdout
    })
    const parsed = JSON.parse(outputs[0]!)
    expect(parsed.results.length).toBeGreaterThan(0)
    expect(parsed.results[0].snippets.text.html).toContain('<mark>')
    expect(JSON.parse(outputs[1]!).results.length).toBeGreaterThan(0)
    expect(outputs[2]).toMatch(/^no results for «بغدد»; showing results for «بغداد»\n\n1\. /)
  })

  it('reads a packed index by its first bytes, whatever its name', () => {
    const renamed = join(tmp, 'renamed.bin')
    writeFileSync(renamed, readFileSync(packed))
    const r = fahras('search', renamed, 'الشراكة الاستراتيجية', '--limit', '3')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(fahras('search', json, 'الشراكة الاستراتيجية', '--limit', '3').stdout)
  })

  it('a damaged packed index (a byte flipped, or cut short) is one line with FAHRAS_INVALID_INDEX, exit code 1, no stack trace, no results', () => {
    const bytes = readFileSync(packed)
    const damaged: Array<[string, Buffer, RegExp]> = []
    for (const at of [1, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const copy = Buffer.from(bytes)
      copy[at]! ^= 0x01
      damaged.push([
        `flipped-${at}.fahras`,
        copy,
        at === 1
          ? /expected a packed fahras index \(it starts with the bytes 89 46 48 52 53 0D 0A 1A\), got other bytes/
          : /it is a damaged packed index: the CRC-32 of its (header|section \w+) does not match/,
      ])
    }
    damaged.push([
      'short.fahras',
      bytes.subarray(0, 3000),
      /it is a damaged packed index: it is 3000 bytes long, its header says \d+ \(truncated\)/,
    ])
    for (const [name, content, why] of damaged) {
      const file = join(tmp, name)
      writeFileSync(file, content)
      const r = fahras('search', file, 'بغداد')
      expect(r.code, name).toBe(1)
      expect(r.stdout, name).toBe('')
      const lines = r.stderr.trimEnd().split('\n')
      expect(lines, name).toHaveLength(1)
      expect(lines[0], name).toMatch(
        new RegExp(`^fahras: cannot load the index .*${name.replace('.', '\\.')} \\(FAHRAS_INVALID_INDEX\\): `),
      )
      expect(lines[0], name).toMatch(why)
      expect(lines[0], name).toMatch(/; write it again with fahras index <inputs…> -o /)
      expect(r.stderr, name).not.toMatch(/\n\s+at |verbose/)
    }
  })

  it('--store and --id shape an index built from documents: a usage error (exit 2) with a packed index, as with a JSON one', () => {
    for (const index of [json, packed]) {
      const r = fahras('search', index, 'بغداد', '--store', 'title', '--id', 'slug')
      expect(r.code, index).toBe(2)
      expect(r.stderr, index).toMatch(
        /^fahras: --store and --id shape an index built from documents: .* is a saved index/,
      )
    }
  })

  it('export-settings --from takes a packed index as it takes a JSON one: the same settings; a damaged one exits 1 with FAHRAS_INVALID_INDEX', () => {
    const fromJson = fahras('export-settings', '--from', json)
    const fromPacked = fahras('export-settings', '--from', packed)
    expect(fromJson.code).toBe(0)
    expect(fromPacked.code).toBe(0)
    expect(fromPacked.stdout).toBe(fromJson.stdout)
    expect(JSON.parse(fromPacked.stdout).mappings.properties).toHaveProperty('title')
    const bytes = Buffer.from(readFileSync(packed))
    bytes[bytes.length - 1]! ^= 0x01
    const damaged = join(tmp, 'settings-damaged.fahras')
    writeFileSync(damaged, bytes)
    const r = fahras('export-settings', '--from', damaged)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^fahras: cannot load the index .*settings-damaged\.fahras \(FAHRAS_INVALID_INDEX\): it is a damaged packed index: the CRC-32 of its section \w+ does not match; [^\n]*\n$/,
    )
  })

  it('help says both forms, and how they are told apart', () => {
    const index = fahras('help', 'index')
    expect(index.code).toBe(0)
    expect(index.stdout).toContain('fahras index <inputs…> -o <index.fahras> [options]')
    expect(index.stdout).toMatch(/--packed +write the packed index, whatever the name of -o/)
    expect(index.stdout).toMatch(/--json-index +write the index as JSON/)
    const search = fahras('search', '--help')
    expect(search.stdout).toContain('fahras search <index.fahras | index.json | inputs…> <query>')
    expect(search.stdout).toContain('89 46 48 52')
  })
})

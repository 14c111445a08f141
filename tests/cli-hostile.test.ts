import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { htmlToText } from '../src/cli/html.js'
import { MAX_INPUT_BYTES } from '../src/cli/read-file.js'
import { printable, quoted } from '../src/cli/safe-print.js'

// Issue 17, items 6–10 and 15: the command line against hostile files, names, pipes and outputs.
// End-to-end, as tests/cli.test.ts: these spawn the built binary (dist/cli.js, built by `npm test`
// first). FAHRAS_CLI points them at another build (to see them fail on an older one).
const root = fileURLToPath(new URL('..', import.meta.url))
const cli = process.env.FAHRAS_CLI ?? join(root, 'dist', 'cli.js')
/** The first 60 articles of the bundled corpus: large enough for every write here to pass 16 KiB. */
let corpus: string
/** Long enough for the slowest run here, short enough that a hang fails the test instead of the suite. */
const TIMEOUT_MS = 20_000

const run = (args: string[], options: SpawnSyncOptions = {}) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: TIMEOUT_MS,
    ...options,
  })
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr), signal: r.signal }
}
const fahras = (...args: string[]) => run(args)
/** The command with the size of any file it writes limited to `kb` KiB (writes past it fail with EFBIG). */
const withFileLimit = (kb: number, ...args: string[]) => {
  const r = spawnSync('bash', ['-c', `ulimit -f ${kb}; exec "$0" "$@"`, process.execPath, cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: TIMEOUT_MS,
  })
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) }
}
const search = (index: string, query: string) =>
  JSON.parse(fahras('search', index, query, '--json').stdout).results as Array<Record<string, unknown>>
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error: |Unhandled/)
/** Files left in `dir` by an interrupted write. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'))
const doc = (id: string, text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, title: `عنوان ${id}`, text, ...extra })

let tmp: string
let n = 0
/** A fresh folder for one test. */
const folder = () => {
  const dir = join(tmp, `t${++n}`)
  mkdirSync(dir)
  return dir
}
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fahras-cli-hostile-'))
  chmodSync(tmp, 0o755) // some runs are as nobody (see below)
  corpus = join(tmp, 'articles.jsonl')
  const lines = readFileSync(join(root, 'corpus', 'articles.jsonl'), 'utf8')
    .split('\n')
    .slice(0, 60)
  writeFileSync(corpus, `${lines.join('\n')}\n`)
})

describe('item 6: outputs are written whole or not at all', () => {
  it('index -o: a write that fails (EFBIG) leaves the previous index whole, and no temporary file', () => {
    const dir = folder()
    const out = join(dir, 'index.json')
    expect(fahras('index', corpus, '-o', out, '--quiet').code).toBe(0)
    const before = readFileSync(out, 'utf8')
    const r = withFileLimit(16, 'index', corpus, '-o', out, '--quiet')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/cannot write .*index\.json: EFBIG/)
    expect(readFileSync(out, 'utf8')).toBe(before)
    expect(leftovers(dir)).toEqual([])
    expect(search(out, 'بغداد').length).toBeGreaterThan(0)
  })

  it('export-settings -o and bulk -o (one file, or each part of --split-mb) keep the previous file on EFBIG', () => {
    const dir = folder()
    const settings = join(dir, 'settings.json')
    expect(fahras('export-settings', '-o', settings).code).toBe(0)
    const settingsBefore = readFileSync(settings, 'utf8')
    expect(withFileLimit(16, 'export-settings', '-o', settings).code).toBe(1)
    expect(readFileSync(settings, 'utf8')).toBe(settingsBefore)

    const ndjson = join(dir, 'articles.ndjson')
    expect(fahras('bulk', corpus, '--index', 'articles', '-o', ndjson, '--quiet').code).toBe(0)
    const bulkBefore = readFileSync(ndjson, 'utf8')
    const r = withFileLimit(16, 'bulk', corpus, '--index', 'articles', '-o', ndjson, '--quiet')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/EFBIG/)
    expect(readFileSync(ndjson, 'utf8')).toBe(bulkBefore)

    expect(fahras('bulk', corpus, '--index', 'articles', '-o', ndjson, '--split-mb', '0.1', '--quiet').code).toBe(0)
    const part = join(dir, 'articles-001.ndjson')
    const partBefore = readFileSync(part, 'utf8')
    expect(partBefore.length).toBeGreaterThan(32 * 1024)
    expect(
      withFileLimit(32, 'bulk', corpus, '--index', 'articles', '-o', ndjson, '--split-mb', '0.1', '--quiet').code,
    ).toBe(1)
    expect(readFileSync(part, 'utf8')).toBe(partBefore)
    expect(leftovers(dir)).toEqual([])
  })

  it('checks the output location before any work: exit 2, one line, nothing read', () => {
    const dir = folder()
    const file = join(dir, 'a-file')
    writeFileSync(file, 'x')
    const cases: Array<[string[], RegExp]> = [
      [
        ['index', corpus, '-o', join(dir, 'missing', 'index.json')],
        /^fahras: cannot write .*index\.json: no such folder /,
      ],
      [['index', corpus, '-o', join(file, 'index.json')], /^fahras: cannot write .*index\.json: .*not a folder/],
      [['index', corpus, '-o', dir], /^fahras: cannot write .*: it is a folder$/],
      [
        ['bulk', corpus, '--index', 'articles', '-o', join(dir, 'missing', 'a.ndjson')],
        /^fahras: cannot write .*a\.ndjson: no such folder /,
      ],
      [
        ['bulk', corpus, '--index', 'articles', '-o', join(dir, 'missing', 'a.ndjson'), '--split-mb', '1'],
        /no such folder/,
      ],
      [['export-settings', '-o', join(dir, 'missing', 's.json')], /^fahras: cannot write .*s\.json: no such folder /],
    ]
    for (const [args, message] of cases) {
      const r = fahras(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
      expect(r.stderr.trim(), args.join(' ')).toMatch(message)
    }
    // a read-only file is not replaced by a rename either (run as nobody: root may write anything)
    chmodSync(dir, 0o777)
    const readOnly = join(dir, 'read-only.json')
    writeFileSync(readOnly, 'keep')
    chmodSync(readOnly, 0o444)
    const r = run(['index', corpus, '-o', readOnly], process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {})
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toMatch(/^fahras: cannot write .*read-only\.json: EACCES$/)
    expect(readFileSync(readOnly, 'utf8')).toBe('keep')
  })

  it('writes through a symbolic link: the link stays, its target gets the index', () => {
    const dir = folder()
    const real = join(dir, 'real.json')
    writeFileSync(real, '{}')
    const link = join(dir, 'link.json')
    symlinkSync(real, link)
    expect(fahras('index', corpus, '-o', link, '--quiet').code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(real, 'utf8')).toMatch(/^\{"format":"fahras-index"/)
  })
})

describe('item 7: an output is never one of the inputs (same device and inode)', () => {
  it('index data.json -o data.json, a symbolic or hard link to an input, an input inside a folder: exit 2, input intact', () => {
    const dir = folder()
    const data = join(dir, 'data.json')
    const jsonl = join(dir, 'data.jsonl')
    const content = `[${doc('a', 'نص عن بغداد')}]`
    writeFileSync(data, content)
    writeFileSync(jsonl, `${doc('b', 'نص عن القاهرة')}\n`)
    const symlink = join(dir, 'link.ndjson')
    symlinkSync(jsonl, symlink)
    const hardlink = join(dir, 'hard.ndjson')
    linkSync(jsonl, hardlink)
    const sub = join(dir, 'sub')
    mkdirSync(sub)
    writeFileSync(join(sub, 'c.jsonl'), `${doc('c', 'نص')}\n`)
    const cases: string[][] = [
      ['index', data, '-o', data],
      ['index', jsonl, '-o', hardlink],
      ['bulk', jsonl, '--index', 'x', '-o', symlink],
      ['bulk', jsonl, '--index', 'x', '-o', hardlink],
      ['index', dir, '-o', join(sub, 'c.jsonl')],
      ['bulk', dir, '--index', 'x', '-o', join(sub, 'c.jsonl')],
    ]
    for (const args of cases) {
      const r = fahras(...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr.trim(), args.join(' ')).toMatch(
        /^fahras: -o .* is (also an input|the same file as the input .*): write elsewhere$/,
      )
    }
    expect(readFileSync(data, 'utf8')).toBe(content)
    expect(readFileSync(jsonl, 'utf8')).toBe(`${doc('b', 'نص عن القاهرة')}\n`)
    expect(readFileSync(join(sub, 'c.jsonl'), 'utf8')).toBe(`${doc('c', 'نص')}\n`)
  })

  it('export-settings --from index.json -o index.json (or a link to it): exit 2, the index intact', () => {
    const dir = folder()
    const index = join(dir, 'index.json')
    expect(fahras('index', corpus, '-o', index, '--quiet').code).toBe(0)
    const before = readFileSync(index, 'utf8')
    const hard = join(dir, 'hard.json')
    linkSync(index, hard)
    for (const out of [index, hard]) {
      const r = fahras('export-settings', '--from', index, '-o', out)
      expect(r.code, out).toBe(2)
      expect(r.stderr).toMatch(/write elsewhere/)
    }
    expect(readFileSync(index, 'utf8')).toBe(before)
  })
})

describe('item 8: HTML read with a real parser', () => {
  it('İ (U+0130) before a script does not shift the tags: the script stays hidden, the title stays text', () => {
    const dir = folder()
    writeFileSync(
      join(dir, 'page.html'),
      '<html><head><title>İstanbul والموصل</title></head><body>' +
        '<p>İİİ نص ظاهر عن الموصل</p><script>var secret = "كلمةسرية";</script><p>خاتمة</p></body></html>',
    )
    const out = join(dir, 'index.json')
    expect(fahras('index', dir, '-o', out, '--quiet').code).toBe(0)
    expect(search(out, 'كلمةسرية')).toEqual([])
    const [hit] = search(out, 'الموصل')
    expect(hit).toMatchObject({ id: 'page.html', title: 'İstanbul والموصل' })
    expect(search(out, 'خاتمة')).toHaveLength(1)
  })

  it('<script src=…/> does not close the script: what follows up to </script> stays hidden', () => {
    const dir = folder()
    writeFileSync(
      join(dir, 'page.html'),
      '<body><p>قبل</p><script src="a.js"/>var hidden = "مخبوء";</script><p>بعده</p></body>',
    )
    const out = join(dir, 'index.json')
    expect(fahras('index', dir, '-o', out, '--quiet').code).toBe(0)
    expect(search(out, 'مخبوء')).toEqual([])
    expect(search(out, 'بعده')).toHaveLength(1)
  })

  it('decodes every HTML entity; drops script, style, template, noscript; main/article or body without nav, header, footer, aside', () => {
    expect(htmlToText('<title>Cairo&rsquo;s caf&eacute; &amp; &#x627;&#1604;</title>').title).toBe('Cairo’s café & ال')
    const page =
      '<body><nav>قائمة</nav><header>ترويسة</header><main><h1>العنوان</h1><p>المتن <b>كت</b>اب</p>' +
      '<template>قالب</template><noscript>بديل</noscript><style>.a{}</style></main><aside>جانبي</aside><footer>تذييل</footer></body>'
    expect(htmlToText(page)).toEqual({ title: 'العنوان', text: 'العنوان\nالمتن كتاب' })
    const noMain =
      '<body><nav>قائمة</nav><header>ترويسة</header><div>المتن</div><aside>جانبي</aside><footer>تذييل</footer></body>'
    expect(htmlToText(noMain).text).toBe('المتن')
    expect(htmlToText('<article><p>مقالة</p></article><p>خارج</p>').text).toBe('مقالة')
  })
})

describe('item 9: nothing from a document or a file name reaches the terminal as a control', () => {
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
  it('titles, snippets, ids and urls with escape sequences, CR, C1 and bidi controls are printed inert', () => {
    const dir = folder()
    const data = join(dir, 'evil.jsonl')
    writeFileSync(
      data,
      `${[
        doc('clear\u001b[2J', 'بغداد \u001b]52;c;cm0gLXJmIH4=\u0007 نص', { title: 'عنوان\u001b]0;pwned\u0007 بغداد' }),
        doc('a\rFAKE 1. score 999', 'بغداد \u009b2J تكملة', {
          url: 'http://x/\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\',
        }),
        doc('bidi\u202egnp.exe', 'بغداد \u202eمعكوس\u202c', { title: 'بغداد\r\nسطر' }),
      ].join('\n')}\n`,
    )
    const r = fahras('search', data, 'بغداد', '--store', 'title,text,url')
    expect(r.code).toBe(0)
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(CONTROL)
    expect(r.stdout).toContain('id "a\\rFAKE 1. score 999"')
    expect(r.stdout).toContain('id "bidi\\u202egnp.exe"')
    expect(r.stdout.match(/^\d+\. score/gm)).toHaveLength(3)
    const json = fahras('search', data, 'بغداد', '--json')
    expect(json.stdout).not.toMatch(CONTROL)
    expect(
      JSON.parse(json.stdout)
        .results.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual(['a\rFAKE 1. score 999', 'bidi\u202egnp.exe', 'clear\u001b[2J'])
  })

  it('a file name with a line break cannot forge a "skipped" line: names are quoted', () => {
    const dir = folder()
    writeFileSync(join(dir, 'good.jsonl'), `${doc('g', 'بغداد')}\n`)
    writeFileSync(join(dir, 'x\nskipped forged.jsonl: \u001b[31mfake.jsonl'), '{broken\n')
    const r = fahras('index', dir, '-o', join(dir, 'out.json'))
    expect(r.code).toBe(0)
    const lines = r.stderr.trim().split('\n')
    expect(lines.filter((l) => l.startsWith('skipped'))).toHaveLength(1)
    expect(lines[0]).toMatch(/^skipped ".*x\\nskipped forged\.jsonl: \\u001b\[31mfake\.jsonl":1: invalid JSON/)
    for (const line of lines) expect(line).not.toMatch(CONTROL)
  })

  it('printable() and quoted(): controls shown as pictures or escapes, plain names unchanged', () => {
    expect(printable('a\u001b[2Jb\tc\u0007\u009b\u007f\r\nd\u202ee')).toBe('a␛[2Jb\tc␇\ufffd␡ de')
    expect(quoted('data/a.jsonl')).toBe('data/a.jsonl')
    expect(quoted('كتب/مقال.txt')).toBe('كتب/مقال.txt')
    expect(quoted('a\nb\u009b\u2066.jsonl')).toBe('"a\\nb\\u009b\\u2066.jsonl"')
  })
})

describe('item 10: one bad byte costs one line, never the file; invalid UTF-8 is reported, not altered', () => {
  it('a NUL in line 1 of a 1,001-line JSONL: line 1 reported, 1,000 documents indexed', () => {
    const dir = folder()
    const lines = [`{"id": "z", "text": "\u0000"}`]
    for (let i = 0; i < 1000; i++) lines.push(doc(`d${i}`, `نص رقم ${i} عن بغداد`))
    const data = join(dir, 'data.jsonl')
    writeFileSync(data, `${lines.join('\n')}\n`)
    const out = join(dir, 'index.json')
    const r = fahras('index', data, '-o', out)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/data\.jsonl:1: a NUL byte/)
    expect(r.stderr).toMatch(/indexed 1000 documents from 1 file; skipped 1 bad record/)
  })

  it('invalid UTF-8 on one JSONL line: that line reported, the others kept; no U+FFFD in the index', () => {
    const dir = folder()
    const data = join(dir, 'data.jsonl')
    writeFileSync(
      data,
      Buffer.concat([
        Buffer.from(`${doc('a', 'نص عن بغداد')}\n`),
        Buffer.from('{"id": "b", "text": "بغداد '),
        Buffer.from([0xff, 0xc3]),
        Buffer.from('"}\n'),
        Buffer.from(`${doc('c', 'نص عن القاهرة')}\n`),
      ]),
    )
    const out = join(dir, 'index.json')
    const r = fahras('index', data, '-o', out)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/data\.jsonl:2: invalid UTF-8/)
    expect(r.stderr).toMatch(/indexed 2 documents/)
    expect(readFileSync(out, 'utf8')).not.toContain('\ufffd')
  })

  it('a text file with invalid UTF-8 is skipped with its line, not indexed with U+FFFD', () => {
    const dir = folder()
    writeFileSync(join(dir, 'good.txt'), 'بغداد\n')
    writeFileSync(
      join(dir, 'bad.txt'),
      Buffer.concat([Buffer.from('سطر\nبغداد '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    )
    const out = join(dir, 'index.json')
    const r = fahras('index', dir, '-o', out)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/bad\.txt: invalid UTF-8 on line 2/)
    expect(search(out, 'بغداد').map((x) => x.id)).toEqual(['good.txt'])
  })
})

describe('item 15: pipes, special files, huge files, earlier outputs, exit codes', () => {
  /** Runs the command with its stdout closed by the reader: at once, or after the first chunk. */
  const closedPipe = (args: string[], after: 'start' | 'first chunk') =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      })
      let stderr = ''
      child.stderr.on('data', (d) => (stderr += d))
      if (after === 'start') child.stdout.destroy()
      else child.stdout.once('data', () => child.stdout.destroy())
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, stderr })
      })
    })

  it('search --json | head, export-settings | head, tour | head: exit 0, no stack trace', async () => {
    const cases: Array<[string[], 'start' | 'first chunk']> = [
      [['search', corpus, 'بغداد', '--json'], 'start'],
      // the whole corpus: far more than a pipe's buffer, so the writer meets the closed pipe
      [['search', join(root, 'corpus', 'articles.jsonl'), 'بغداد', '--json', '--limit', '400'], 'first chunk'],
      [['export-settings'], 'start'],
      [['export-settings'], 'first chunk'],
      [['tour', corpus], 'start'],
    ]
    for (const [args, after] of cases) {
      const r = await closedPipe(args, after)
      expect(r.code, `${args.join(' ')} (${after})`).toBe(0)
      noStackTrace(r.stderr)
    }
  })

  it('a FIFO, a device behind a .jsonl name: skipped as not regular files, the rest read, no hang', () => {
    const dir = folder()
    const good = join(dir, 'good.jsonl')
    writeFileSync(good, `${doc('g', 'بغداد')}\n`)
    const fifo = join(dir, 'fifo.jsonl')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const zero = join(dir, 'zero.jsonl')
    symlinkSync('/dev/zero', zero)
    const r = fahras('index', fifo, zero, good, '-o', join(dir, 'out.json'))
    expect(r.signal).toBeNull()
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/fifo\.jsonl: not a regular file: a FIFO/)
    expect(r.stderr).toMatch(/zero\.jsonl: not a regular file: a character device/)
    expect(r.stderr).toMatch(/indexed 1 documents from 3 files; skipped 2 bad records/)
    const asIndex = join(dir, 'fifo.json')
    expect(spawnSync('mkfifo', [asIndex]).status).toBe(0)
    const s = fahras('search', asIndex, 'بغداد')
    expect(s.signal).toBeNull()
    expect(s.code).toBe(1)
    expect(s.stderr).toMatch(/cannot read the index .*fifo\.json: not a regular file: a FIFO/)
  })

  it(`a file larger than MAX_INPUT_BYTES (${MAX_INPUT_BYTES} bytes) is skipped with its size, not read`, () => {
    const dir = folder()
    const big = join(dir, 'big.jsonl')
    const fd = openSync(big, 'w')
    ftruncateSync(fd, MAX_INPUT_BYTES + 1) // sparse: no disk used
    closeSync(fd)
    writeFileSync(join(dir, 'good.jsonl'), `${doc('g', 'بغداد')}\n`)
    const r = fahras('index', dir, '-o', join(dir, 'out.json'))
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(
      /big\.jsonl: 268,435,457 bytes or more, larger than the 268,435,456 bytes \(256 MiB\) fahras reads from one file/,
    )
    expect(r.stderr).toMatch(/indexed 1 documents/)
  })

  it('an unreadable subfolder is reported and skipped, the rest is read', () => {
    const dir = folder()
    chmodSync(dir, 0o777)
    writeFileSync(join(dir, 'a.jsonl'), `${doc('a', 'بغداد')}\n`)
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    writeFileSync(join(locked, 'b.jsonl'), `${doc('b', 'بغداد')}\n`)
    chmodSync(locked, 0o000)
    // root reads any folder: run as nobody then
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
    const r = run(['index', dir, '-o', join(dir, 'out.json')], asUser)
    chmodSync(locked, 0o755)
    expect(r.stderr).toMatch(/skipped .*locked: cannot read folder: EACCES/)
    expect(r.stderr).toMatch(/indexed 1 documents from 1 file; skipped 1 bad record/)
    expect(r.code).toBe(0)
  })

  it('outputs written inside an input folder are not read back next run (index, _bulk body, settings)', () => {
    const dir = folder()
    const source = join(dir, 'source.jsonl')
    writeFileSync(source, `${doc('a', 'النص القديم')}\n`)
    const exported = join(dir, 'a-export.ndjson') // sorts before source.jsonl
    expect(fahras('bulk', dir, '--index', 'articles', '-o', exported, '--quiet').code).toBe(0)
    expect(fahras('index', dir, '-o', join(dir, 'index.json'), '--quiet').code).toBe(0)
    expect(fahras('export-settings', '-o', join(dir, 'settings.json')).code).toBe(0)
    writeFileSync(source, `${doc('a', 'النص الجديد')}\n`)
    const r = fahras('bulk', dir, '--index', 'articles', '-o', exported)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/a-export\.ndjson: a _bulk body \(written by `fahras bulk`\), not documents/)
    expect(r.stderr).toMatch(/index\.json: a saved fahras index/)
    expect(r.stderr).toMatch(/settings\.json: index settings/)
    expect(r.stderr).toMatch(/exported 1 document from 4 files/)
    expect(readFileSync(exported, 'utf8')).toContain('النص الجديد')
    expect(readFileSync(exported, 'utf8')).not.toContain('النص القديم')
    // and the index written into its input folder can be rewritten
    expect(fahras('index', dir, '-o', join(dir, 'index.json'), '--quiet').code).toBe(0)
  })

  it('export-settings --from a damaged index exits 1 (as docs/cli.md says), a bad option on the command line 2', () => {
    const dir = folder()
    const damaged = join(dir, 'damaged.json')
    writeFileSync(damaged, JSON.stringify({ format: 'fahras-index', analyzer: { stem: 'x' }, fields: ['title'] }))
    const r = fahras('export-settings', '--from', damaged)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toMatch(/^fahras: .*damaged\.json is a damaged index: .*`stem` to be a boolean/)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    const index = join(dir, 'index.json')
    expect(fahras('index', corpus, '-o', index, '--quiet').code).toBe(0)
    expect(fahras('export-settings', '--from', index, '--name', 'Bad Name').code).toBe(2)
  })
})

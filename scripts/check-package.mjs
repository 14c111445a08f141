// Checks the package as users get it: packs the tarball, lists its files, runs publint and
// @arethetypeswrong/cli on it, and checks that the subpath entries pull in nothing else and
// that no entry uses Node built-ins. Part of `npm test`. Prints "N passed, N failed".
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const results = []
const check = (name, fn) => {
  try {
    fn()
    results.push([name, true])
    console.log(`ok   ${name}`)
  } catch (error) {
    results.push([name, false])
    console.log(`FAIL ${name}\n     ${String(error?.stdout ?? '') + String(error?.message ?? error)}`.trimEnd())
  }
}

const dir = mkdtempSync(join(tmpdir(), 'fahras-pack-'))
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { encoding: 'utf8' }),
)[0]
const tarball = join(dir, packed.filename)
const files = packed.files.map((f) => f.path).sort()

check('tarball contains the built entries, README, LICENSE and CHANGELOG', () => {
  const required = ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']
  for (const entry of ['index', 'normalize', 'stem', 'opensearch', 'minisearch', 'packed', 'site']) {
    required.push(`dist/${entry}.js`, `dist/${entry}.cjs`, `dist/${entry}.d.ts`, `dist/${entry}.d.cts`)
  }
  // what `fahras site` copies beside a site's index
  required.push('dist/site/fahras.js', 'dist/site/fahras-ui.js', 'dist/site/fahras-ui.css')
  const missing = required.filter((f) => !files.includes(f))
  if (missing.length) throw new Error(`missing from the tarball: ${missing.join(', ')}`)
})

check('tarball holds no sources, tests, corpus or benchmarks', () => {
  const stray = files.filter((f) => /^(src|tests|corpus|bench|scripts|docs|node_modules)\//.test(f))
  if (stray.length) throw new Error(`unexpected files: ${stray.slice(0, 10).join(', ')}`)
})

check('publint finds no problem', () => {
  const out = execFileSync('npx', ['--no-install', 'publint', tarball, '--strict'], { encoding: 'utf8' })
  if (!/All good/i.test(out)) throw new Error(out)
})

check('@arethetypeswrong/cli finds no problem (node10 resolution ignored)', () => {
  execFileSync('npx', ['--no-install', 'attw', tarball, '--profile', 'node16', '--format', 'ascii'], {
    encoding: 'utf8',
  })
})

const bundle = (name) => readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8')
check('fahras/normalize, fahras/stem and fahras/opensearch import nothing (no minisearch)', () => {
  for (const name of ['normalize.js', 'normalize.cjs', 'stem.js', 'stem.cjs', 'opensearch.js', 'opensearch.cjs']) {
    const code = bundle(name)
    if (/(?<![\w"'$])from\s*["'][^"'.][^"']*["']|require\(["'][^"'.]/.test(code))
      throw new Error(`${name} imports a package`)
    if (/minisearch/i.test(code)) throw new Error(`${name} mentions minisearch`)
  }
})

check('fahras/packed imports no package (no MiniSearch in the packed index)', () => {
  for (const name of ['packed.js', 'packed.cjs']) {
    if (/(?<![\w"'$])from\s*["'][^"'.][^"']*["']|require\(["'][^"'.]/.test(bundle(name)))
      throw new Error(`${name} imports a package`)
  }
})

check("fahras/minisearch imports no package (MiniSearch stays the app's own)", () => {
  for (const name of ['minisearch.js', 'minisearch.cjs']) {
    if (/(?<![\w"'$])from\s*["'][^"'.][^"']*["']|require\(["'][^"'.]/.test(bundle(name)))
      throw new Error(`${name} imports a package`)
  }
})

check(
  'the site runtime and search box import nothing (browser ESM, no dependencies; the box loads ./fahras.js at run time)',
  () => {
    for (const name of ['site/fahras.js', 'site/fahras-ui.js']) {
      const code = bundle(name)
      if (/(?<![\w"'$])from\s*["'][^"']+["']|require\(/.test(code))
        throw new Error(`${name} has a static import or a require`)
      if (/\beval\(|new Function\(/.test(code))
        throw new Error(`${name} uses eval or new Function (blocked by a strict CSP)`)
    }
  },
)

check('no entry uses Node built-ins', () => {
  for (const name of [
    'index.js',
    'index.cjs',
    'normalize.js',
    'stem.js',
    'opensearch.js',
    'minisearch.js',
    'minisearch.cjs',
    'packed.js',
    'packed.cjs',
    'site/fahras.js',
    'site/fahras-ui.js',
  ]) {
    const code = bundle(name)
    const hit = code.match(
      /(?:from\s*|require\()["'](node:[^"']+|fs|path|os|child_process|zlib|crypto|util|stream)["']/,
    )
    if (hit) throw new Error(`${name} imports ${hit[1]}`)
  }
})

rmSync(dir, { recursive: true, force: true })
const failed = results.filter(([, ok]) => !ok).length
console.log(`package checks: ${results.length - failed} passed, ${failed} failed`)
// One closing line for the whole of `npm test`: vitest's tests (from its JSON report) and these checks.
let testsPassed = 0
let testsFailed = 0
try {
  const report = JSON.parse(readFileSync(new URL('../.tmp/vitest-report.json', import.meta.url), 'utf8'))
  testsPassed = report.numPassedTests
  testsFailed = report.numFailedTests
} catch {}
console.log(`total: ${testsPassed + results.length - failed} passed, ${testsFailed + failed} failed`)
process.exit(failed ? 1 : 0)

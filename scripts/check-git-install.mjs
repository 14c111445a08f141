// Checks that a git install works: a checkout of the repository has no dist/, and npm builds it
// with the `prepare` script when it installs from git (or packs). Copies the tracked files into a
// temporary folder (no dist/), runs `npm pack` there (which runs `prepare`, as a git install
// does), and checks the tarball's entries and that the package loads by its name.
// Part of `npm run test:full` (CI runs it); about one build's time. Prints "N passed, N failed".
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'fahras-git-install-'))
const checkout = join(work, 'checkout')
let passed = 0
let failed = 0
const check = (name, fn) => {
  try {
    fn()
    passed++
    console.log(`ok   ${name}`)
  } catch (error) {
    failed++
    console.log(`FAIL ${name}\n     ${String(error?.stderr ?? '') + String(error?.message ?? error)}`.trimEnd())
  }
}

try {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean)
  for (const file of tracked) {
    if (!existsSync(join(root, file))) continue // deleted in the work tree
    mkdirSync(dirname(join(checkout, file)), { recursive: true })
    copyFileSync(join(root, file), join(checkout, file))
  }
  symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'), 'dir')

  check('a checkout has no dist/ (it is not tracked)', () => {
    if (existsSync(join(checkout, 'dist'))) throw new Error('dist/ is tracked: a git install would ship a stale build')
  })
  let files = []
  check('npm pack in a checkout runs `prepare` and packs the built entries', () => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: checkout,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // the build's own output comes first on stdout; the JSON report is the last thing printed
    const packed = JSON.parse(out.startsWith('[') ? out : out.slice(out.lastIndexOf('\n[') + 1))[0]
    files = packed.files.map((f) => f.path)
    const missing = ['index', 'normalize', 'stem', 'opensearch']
      .flatMap((e) => [`dist/${e}.js`, `dist/${e}.cjs`, `dist/${e}.d.ts`])
      .filter((f) => !files.includes(f))
    if (missing.length) throw new Error(`missing after prepare: ${missing.join(', ')}`)
  })
  check('the built checkout loads by its package name (ESM and CJS)', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { stem } from 'fahras/stem'; import { createRequire } from 'node:module'; const r = createRequire(process.cwd() + '/x.js'); console.log(stem('وَالْكِتَابُ'), r('fahras').stem('بالمدرسة'))",
      ],
      { cwd: checkout, encoding: 'utf8' },
    )
    if (out.trim() !== 'كتاب مدرس') throw new Error(`got ${JSON.stringify(out)}`)
  })
} finally {
  rmSync(work, { recursive: true, force: true })
}
console.log(`git install checks: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)

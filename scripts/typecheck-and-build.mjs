// The first step of `npm test`: the type check (tsc --noEmit) and the build (tsup, after removing
// dist/) run side by side instead of one after the other; both must pass. Their output is shown
// as each ends, so the two do not interleave.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'

const run = (name, command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('close', (code) => {
      process.stdout.write(`> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${code === 0 ? '' : output}`)
      resolve(code === 0)
    })
  })

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true })
const results = await Promise.all([
  run('typecheck (tsc --noEmit)', 'npx', ['--no-install', 'tsc', '--noEmit']),
  run('build (tsup)', 'npx', ['--no-install', 'tsup']),
])
process.exit(results.every(Boolean) ? 0 : 1)

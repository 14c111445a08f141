// Runs an index build as a child process and measures it: wall time (the harness's clock around the
// child) and peak memory (max RSS). Peak memory comes from GNU time (`/usr/bin/time -f %M`, the
// largest resident set of the child and its descendants) when it is installed; else /proc is polled
// every 20 ms (VmHWM of the child and its descendants; a short-lived peak can be missed).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'

const GNU_TIME = '/usr/bin/time'
let gnuTimeOk = null
function hasGnuTime() {
  if (gnuTimeOk === null) {
    gnuTimeOk = false
    if (existsSync(GNU_TIME)) {
      const r = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' })
      gnuTimeOk = r.status === 0 && /^\d+\s*$/m.test(r.stderr)
    }
  }
  return gnuTimeOk
}
export const memoryMethod = () =>
  hasGnuTime() ? 'GNU time %M (max RSS of the child and its descendants)' : '/proc VmHWM polled every 20 ms'

function childrenOf(pid) {
  const out = []
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim()
      if (text) out.push(...text.split(/\s+/).map(Number))
    }
  } catch {
    /* gone */
  }
  return out
}
function hwmKB(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/**
 * Runs `cmd args` in `cwd`. Resolves { ok, code, wallS, peakKB, stdoutTail, stderrTail }.
 * Rejects never: a failure or a timeout is { ok: false, error }.
 */
export function measure(cmd, args, { cwd, timeoutMs = 30 * 60 * 1000, env = process.env, onStderr } = {}) {
  const useTime = hasGnuTime()
  const tmp = useTime ? mkdtempSync(join(tmpdir(), 'bench-site-time-')) : null
  const timeFile = tmp ? join(tmp, 'time.txt') : null
  const argv = useTime ? [GNU_TIME, '-f', '%e %M', '-o', timeFile, cmd, ...args] : [cmd, ...args]
  return new Promise((resolve) => {
    const t0 = performance.now()
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    const keep = (s, chunk) => (s + chunk).slice(-20000)
    child.stdout.on('data', (c) => (stdout = keep(stdout, c.toString())))
    child.stderr.on('data', (c) => {
      stderr = keep(stderr, c.toString())
      onStderr?.(c.toString())
    })
    let peakKB = 0
    const poll = useTime
      ? null
      : setInterval(() => {
          const seen = new Set()
          const visit = (pid) => {
            if (seen.has(pid)) return
            seen.add(pid)
            peakKB = Math.max(peakKB, hwmKB(pid))
            for (const c of childrenOf(pid)) visit(c)
          }
          visit(child.pid)
        }, 20)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      resolve({ ok: false, error: `could not start ${cmd}: ${err.message}` })
    })
    child.on('close', (code) => {
      const wallS = (performance.now() - t0) / 1000
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      if (timeFile) {
        try {
          const m = /(\d+(?:\.\d+)?)\s+(\d+)\s*$/.exec(readFileSync(timeFile, 'utf8').trim())
          if (m) peakKB = Number(m[2])
        } catch {
          /* no figures */
        }
        rmSync(tmp, { recursive: true, force: true })
      }
      const ok = code === 0 && !timedOut
      resolve({
        ok,
        code,
        wallS,
        peakKB: peakKB || null,
        error: ok ? undefined : timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit code ${code}`,
        stdoutTail: stdout.slice(-2000),
        stderrTail: stderr.slice(-2000),
      })
    })
  })
}

/** Files under `dir`: { files, bytes, list: [{ path, bytes }] }. */
export function dirStats(dir) {
  const list = []
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) list.push({ path: relative(dir, p), bytes: statSync(p).size })
    }
  }
  if (existsSync(dir)) walk(dir)
  return { files: list.length, bytes: list.reduce((s, f) => s + f.bytes, 0), list }
}

/** Bytes and gzip -9 bytes of a file, or null when it is missing. */
export function gzipSize(file) {
  if (!existsSync(file)) return null
  const buf = readFileSync(file)
  return { bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length }
}

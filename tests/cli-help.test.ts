import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GLOBAL_OPTIONS, type OptionSpec } from '../src/cli/args.js'
import { COMMANDS } from '../src/cli/commands/index.js'
import { optionHelp, rangeText } from '../src/cli/help.js'

// Issue 15: each command is a module with an option table (name, type, default, description, and
// for numbers their range), and its --help is made from that table. End-to-end, as
// tests/cli.test.ts: these spawn the built binary (dist/cli.js, built by `npm test` first).
const root = fileURLToPath(new URL('..', import.meta.url))
const cli = process.env.FAHRAS_CLI ?? join(root, 'dist', 'cli.js')
const TIMEOUT_MS = 30_000

const fahras = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: TIMEOUT_MS,
  })
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) }
}

/** Help with its wrapped lines joined: a default broken over two lines is still found. */
const unwrapped = (help: string) => help.replace(/\n {20,}/g, ' ')

/** An option as its help line starts: `-n, --limit <n>`. */
const left = (name: string, spec: OptionSpec) =>
  `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`

describe("fahras <command> --help, made from the command's option table", () => {
  for (const command of COMMANDS) {
    it(`${command.name}: every option of its table, with its range and default, and the global options`, () => {
      const r = fahras(command.name, '--help')
      expect(r.code).toBe(0)
      expect(r.stderr).toBe('')
      expect(r.stdout).toMatch(new RegExp(`^fahras ${command.name}: `))
      for (const usage of command.usage) expect(r.stdout).toContain(`  fahras ${usage}\n`)
      const help = unwrapped(r.stdout)
      for (const [name, spec] of Object.entries({ ...command.options, ...GLOBAL_OPTIONS })) {
        const line = help.split('\n').find((l) => l.startsWith(`  ${left(name, spec)} `))
        expect(line, `--${name}`).toBeDefined()
        expect(line, `--${name}`).toContain(optionHelp(spec))
        if (spec.default !== undefined) expect(line, `--${name}`).toContain(`default: ${spec.default}`)
        if (spec.range !== undefined) expect(line, `--${name}`).toContain(rangeText(spec.range))
        if (spec.required === true) expect(line, `--${name}`).toMatch(/\brequired\b/)
      }
      // no option line that is not in the table
      const listed = help.split('\n').filter((l) => /^ {2}(-\w, )?--[\w-]+/.test(l))
      expect(listed).toHaveLength(Object.keys(command.options).length + Object.keys(GLOBAL_OPTIONS).length)
      expect(fahras('help', command.name).stdout).toBe(r.stdout)
    })

    it(`${command.name}: an unknown option is a usage error (exit 2) that points to its help`, () => {
      const r = fahras(command.name, '--no-such-option')
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(
        new RegExp(
          `^fahras: unknown option "--no-such-option" for fahras ${command.name} \\(see fahras ${command.name} --help\\)`,
        ),
      )
      // a value given to a flag, and a missing value, are usage errors too
      const flag = Object.entries(command.options).find(([, s]) => s.type === 'boolean')
      if (flag !== undefined) {
        const given = fahras(command.name, `--${flag[0]}=yes`)
        expect(given.code).toBe(2)
        expect(given.stderr.trim()).toBe(
          `fahras: --${flag[0]} takes no value, got "--${flag[0]}=yes" (see fahras ${command.name} --help)`,
        )
      }
      const valued = Object.entries(command.options).find(([, s]) => s.type !== 'boolean')
      if (valued !== undefined) {
        const missing = fahras(command.name, `--${valued[0]}`)
        expect(missing.code).toBe(2)
        expect(missing.stderr).toMatch(new RegExp(`^fahras: --${valued[0]} needs a value: --${valued[0]} `))
      }
    })
  }

  it('an option name that is a property of every object (--constructor) is unknown, not an option of every command', () => {
    const r = fahras('tour', '--constructor')
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe('fahras: unknown option "--constructor" for fahras tour (see fahras tour --help)')
  })

  it('fahras --help lists every command with its summary and first usage line', () => {
    const r = fahras('--help')
    expect(r.code).toBe(0)
    for (const command of COMMANDS) {
      expect(r.stdout).toMatch(
        new RegExp(`\\n {2}${command.name} +${command.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`),
      )
      expect(r.stdout).toContain(`  fahras ${command.usage[0]}\n`)
    }
  })

  it('every option of every table has a description; numbers have a range, values a placeholder', () => {
    for (const command of COMMANDS) {
      for (const [name, spec] of Object.entries(command.options)) {
        expect(spec.description.trim(), `${command.name} --${name}`).not.toBe('')
        if (spec.type === 'number') expect(spec.range, `${command.name} --${name}`).toBeDefined()
        if (spec.type !== 'boolean') expect(spec.value, `${command.name} --${name}`).toMatch(/^<.+>$/)
        else expect(spec.default, `${command.name} --${name}`).toBeUndefined()
      }
    }
  })

  it('optionHelp and rangeText say the range and default', () => {
    expect(
      optionHelp({ type: 'number', description: 'results to show', default: 10, range: { min: 1, whole: true } }),
    ).toBe('results to show (a whole number ≥ 1; default: 10)')
    expect(optionHelp({ type: 'string', description: 'the index', required: true })).toBe('the index (required)')
    expect(optionHelp({ type: 'boolean', description: 'no summary' })).toBe('no summary')
    expect(rangeText({ min: 0, above: true })).toBe('a number > 0')
    expect(rangeText({ min: 256, max: 16_000_000, whole: true })).toBe('a whole number from 256 to 16000000')
    expect(rangeText({ min: 0, above: true, max: 2 })).toBe('a number > 0 and ≤ 2')
  })
})

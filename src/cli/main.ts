/**
 * The `fahras` command line: finds the command, parses its options (args.ts), runs it, and turns
 * every error into one line on stderr and an exit code (0 success, 2 usage error, 1 other failure).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isFahrasError } from '../errors.js'
import { parseCommand, takesValue, type OptionSpecs } from './args.js'
import { COMMANDS } from './commands/index.js'
import { commandHelp, generalHelp } from './help.js'
import { CliError } from './read-file.js'
import { printable } from './safe-print.js'

const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]))
const OPTIONS_BY_COMMAND: ReadonlyMap<string, OptionSpecs> = new Map(COMMANDS.map((c) => [c.name, c.options]))
const NAMES = COMMANDS.map((c) => c.name).join(', ')

const here = dirname(fileURLToPath(import.meta.url))

function version(): string {
  for (const candidate of [join(here, '..', 'package.json'), join(here, '..', '..', 'package.json')]) {
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'fahras') return pkg.version ?? '0.0.0'
    }
  }
  return '0.0.0'
}

/** Options that take a value, in any command: their value is not the command's name. */
const VALUE_FLAGS = new Set(
  COMMANDS.flatMap((c) =>
    Object.entries(c.options)
      .filter(([, s]) => takesValue(s))
      .flatMap(([name, s]) => [`--${name}`, ...(s.short ? [`-${s.short}`] : [])]),
  ),
)

/** Where the command's name is in `argv`: the first argument that is not an option or an option's value. */
function commandAt(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') return -1
    if (!arg.startsWith('-') || arg === '-') return i
    if (VALUE_FLAGS.has(arg)) i++
  }
  return -1
}

function run(argv: readonly string[]): number | Promise<number> {
  const at = commandAt(argv)
  const name = at < 0 ? undefined : argv[at]!
  const rest = at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)]
  if (name === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'))
    if (topic === undefined) process.stdout.write(`${generalHelp(COMMANDS)}\n`)
    else {
      const command = BY_NAME.get(topic)
      if (command === undefined)
        throw new CliError(`no command "${printable(topic)}": expected ${NAMES} (see fahras --help)`, 2)
      process.stdout.write(`${commandHelp(command)}\n`)
    }
    return 0
  }
  if (name === undefined) {
    const before = rest.slice(0, rest.indexOf('--') < 0 ? rest.length : rest.indexOf('--'))
    if (before.includes('--help') || before.includes('-h')) {
      process.stdout.write(`${generalHelp(COMMANDS)}\n`)
      return 0
    }
    if (before.includes('--version') || before.includes('-v')) {
      process.stdout.write(`${version()}\n`)
      return 0
    }
    const unknown = before.find((a) => a.startsWith('-'))
    if (unknown !== undefined)
      throw new CliError(
        `unknown option ${JSON.stringify(unknown)}: a command comes first, ${NAMES} (see fahras --help)`,
        2,
      )
    throw new CliError(`a command is needed: ${NAMES} (see fahras --help)`, 2)
  }
  const command = BY_NAME.get(name)
  if (command === undefined)
    throw new CliError(`unknown command "${printable(name)}": expected ${NAMES} (see fahras --help)`, 2)
  const parsed = parseCommand(command.name, rest, command.options, OPTIONS_BY_COMMAND)
  if (parsed.values.help === true) {
    process.stdout.write(`${commandHelp(command)}\n`)
    return 0
  }
  return command.run(parsed)
}

/** Runs the command line; resolves to the exit code (every error is reported, never thrown). */
export async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose')
  try {
    return await run(argv)
  } catch (error) {
    const code = error instanceof CliError ? error.exitCode : 1
    const message = printable(error instanceof Error ? error.message.replace(/^fahras: /, '') : String(error))
    process.stderr.write(`fahras: ${message}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    else if (!(error instanceof CliError) && !isFahrasError(error))
      process.stderr.write('(run with --verbose for details)\n')
    return code
  }
}

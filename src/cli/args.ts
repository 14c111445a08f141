/**
 * The command line's arguments: each command's options, parsed with node:util's parseArgs, and
 * the messages a user sees when they are wrong, in terms of flags (`--limit`), never of parser
 * internals or of the library's option names (`limit`, `indexSettings()`).
 */
import { parseArgs } from 'node:util'
import { ERROR_CODES, isFahrasError } from '../errors.js'
import { CliError } from './read-file.js'

/** What an option's value is: none (a flag), text, a number in its `range`, or a comma-separated list. */
export type OptionType = 'boolean' | 'string' | 'number' | 'list'

/** The numbers an option takes: from `min` (or above it, with `above`) to `max`, whole or not. */
export interface NumberRange {
  readonly min: number
  /** The least value is excluded: `--split-mb` takes any number above 0. */
  readonly above?: boolean
  /** The most it may be; no bound when undefined. */
  readonly max?: number
  readonly whole?: boolean
}

/**
 * One option of a command: a row of its option table, from which both the parser and the
 * command's `--help` line are made (an option cannot be added without its help line).
 *
 * @example
 * const limit: OptionSpec = { type: 'number', short: 'n', value: '<n>', description: 'results to show', default: 10, range: { min: 1, whole: true } }
 */
export interface OptionSpec {
  readonly type: OptionType
  readonly short?: string
  /** The value's placeholder in help (`<n>`), for an option that takes a value. */
  readonly value?: string
  /** What it does, one line for the help (the range and default are added to it). */
  readonly description: string
  /** The default, as help shows it (`10`, `title,text`, `stdout`); none for a flag, which is off. */
  readonly default?: string | number
  /** The option must be given. */
  readonly required?: boolean
  /** For a number: the values it takes. */
  readonly range?: NumberRange
}

/** A command's option table, by option name (`limit` for `--limit`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>

/** Does the option take a value (`--limit 3`), rather than being a flag (`--and`)? */
export const takesValue = (spec: OptionSpec): boolean => spec.type !== 'boolean'

/** The option named `name` in `options`, never an inherited property (`--constructor`). */
const specOf = (options: OptionSpecs, name: string | undefined): OptionSpec | undefined =>
  name !== undefined && Object.hasOwn(options, name) ? options[name] : undefined

/** What every command takes. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  'no-color': { type: 'boolean', description: 'no colour (also when piped, or with NO_COLOR set)' },
  verbose: { type: 'boolean', description: 'details on errors (a stack trace)' },
  help: { type: 'boolean', short: 'h', description: 'this help' },
}

/** The values of a command's options, and its other arguments in order. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
}

/** A value that starts like a negative number (`-1`, `-0.5`): a value, not an option. */
const NEGATIVE_NUMBER = /^-[\d.]/
/**
 * An argument that starts with `-` and then a character no option name has (a letter outside
 * ASCII, a quote…): `-العراق` is a query that excludes a word, never an option.
 */
const DASH_TEXT = /^-[^-\w]/
/** Stands in for a protected argument while parseArgs runs: a NUL never comes from a shell. */
const PLACEHOLDER = '\u0000fahras-argument-'

/** The commands that take a query as their last argument. */
const QUERY_COMMANDS = new Set(['search'])

/** The options as parseArgs takes them. */
const parserOptions = (options: OptionSpecs) =>
  Object.fromEntries(
    Object.entries(options).map(([name, s]) => {
      const type = takesValue(s) ? ('string' as const) : ('boolean' as const)
      return [name, s.short ? { type, short: s.short } : { type }]
    }),
  )

/** `--limit` for `limit`, `-n, --limit` in help. */
const flag = (name: string) => `--${name}`

/**
 * Parses `argv` (the arguments after the command's name) for `command`, whose options are `specs`
 * (the global ones are added). An argument after `--` is never an option; neither is one that
 * starts with `-` and a letter outside ASCII (`-العراق`); `--limit -1` gives `--limit` the value
 * `-1` (for the command to refuse with a clear message). Throws a usage error (exit code 2).
 */
export function parseCommand(
  command: string,
  argv: readonly string[],
  specs: OptionSpecs,
  allSpecs: ReadonlyMap<string, OptionSpecs>,
): Parsed {
  const options = { ...specs, ...GLOBAL_OPTIONS }
  const protectedArgs: string[] = []
  const args: string[] = []
  const longName = (arg: string): string | undefined => {
    if (arg.startsWith('--')) return arg.slice(2)
    if (/^-\w$/.test(arg)) return Object.entries(options).find(([, s]) => s.short === arg[1])?.[0]
    return undefined
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      args.push(...argv.slice(i))
      break
    }
    const name = longName(arg)
    const next = argv[i + 1]
    const spec = specOf(options, name)
    if (spec !== undefined && takesValue(spec) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      args.push(`--${name}=${next}`)
      i++
    } else if (DASH_TEXT.test(arg)) {
      args.push(PLACEHOLDER + protectedArgs.length)
      protectedArgs.push(arg)
    } else args.push(arg)
  }
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: parserOptions(options),
    })
  } catch (error) {
    throw usageError(command, args, options, allSpecs, error)
  }
  const positionals = parsed.positionals.map((p) =>
    p.startsWith(PLACEHOLDER) ? protectedArgs[Number(p.slice(PLACEHOLDER.length))]! : p,
  )
  return { values: parsed.values as Parsed['values'], positionals }
}

/** The argument parseArgs stopped at, as the user typed it (`-iraq`, not `-i`). */
function offendingArgument(args: readonly string[], options: OptionSpecs): string | undefined {
  const { tokens } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: parserOptions(options),
  })
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue
    const known = specOf(options, token.name)
    if (
      known === undefined ||
      (!takesValue(known) && token.value !== undefined) ||
      (takesValue(known) && token.value === undefined)
    ) {
      return args[token.index]
    }
  }
  return undefined
}

/** A parseArgs error as a user's message: which argument, why, and what to type instead. */
function usageError(
  command: string,
  args: readonly string[],
  options: OptionSpecs,
  allSpecs: ReadonlyMap<string, OptionSpecs>,
  error: unknown,
): unknown {
  const code = (error as { code?: string }).code
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return error
  const seeHelp = `see fahras ${command} --help`
  const raw = offendingArgument(args, options)
  if (raw === undefined) return new CliError(`${(error as Error).message} (${seeHelp})`, 2)
  // the option the argument names: --name, --name=value, or -x
  const name = raw.startsWith('--')
    ? raw.slice(2).split('=')[0]!
    : raw.length === 2
      ? Object.entries(options).find(([, s]) => s.short === raw[1])?.[0]
      : undefined
  const known = specOf(options, name)
  if (known !== undefined && !takesValue(known))
    return new CliError(`${flag(name!)} takes no value, got ${JSON.stringify(raw)} (${seeHelp})`, 2)
  if (known !== undefined) {
    const value = known.value ?? '<value>'
    return new CliError(
      `${flag(name!)} needs a value: ${flag(name!)} ${value} (a value that starts with "-" is written ${flag(name!)}=-…) (${seeHelp})`,
      2,
    )
  }
  // an option of other commands: say whose
  const short = raw.length === 2 ? raw[1] : undefined
  const owners = [...allSpecs].filter(
    ([, specs]) =>
      specOf(specs, name) !== undefined || Object.values(specs).some((s) => s.short !== undefined && s.short === short),
  )
  if (owners.length > 0) {
    const shown = name !== undefined ? flag(name) : raw
    return new CliError(
      `${shown} is an option of ${owners.map(([c]) => `fahras ${c}`).join(', ')}, not of fahras ${command} (${seeHelp})`,
      2,
    )
  }
  const query = QUERY_COMMANDS.has(command)
    ? `; to search for a query that starts with "-", put it after --: fahras ${command} <index.json> -- ${JSON.stringify(raw)}`
    : ''
  return new CliError(`unknown option ${JSON.stringify(raw)} for fahras ${command} (${seeHelp})${query}`, 2)
}

/** A whole number of at least `min`, or `fallback` when the option is not given; a usage error otherwise. */
export function wholeNumber(name: string, value: string | boolean | undefined, fallback: number, min = 1): number {
  if (value === undefined || typeof value === 'boolean') return fallback
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new CliError(
      `${flag(name)} expects a ${min === 1 ? 'positive ' : ''}whole number (${min}, ${min + 1}, ${min + 2}…), got ${JSON.stringify(value)}`,
      2,
    )
  }
  return n
}

/** `--fuzzy`: an edit distance (1, 2) or a fraction of each word's length (0.2); undefined when not given. */
export function fuzziness(value: string | boolean | undefined): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (n >= 1 && !Number.isInteger(n))) {
    throw new CliError(
      `--fuzzy expects an edit distance (1 or 2: letters added, removed or changed) or a fraction of each word's length below 1 (0.2), got ${JSON.stringify(value)}`,
      2,
    )
  }
  return n
}

/** The flag of each library option the command line sets (as the library's messages name them). */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  fields: '--fields',
  storeFields: '--store',
  idField: '--id',
  index: '--index',
  name: '--name',
  exact: '--no-exact',
  limit: '--limit',
  fuzzy: '--fuzzy',
  combineWith: '--and',
}

/**
 * A library error about an option the command line set, as a usage error (exit code 2) that names
 * the flag: `indexSettings() expected \`name\` to be …` becomes `--name must be …`. Null when the
 * error is not about such an option.
 */
export function flagError(error: unknown): CliError | null {
  if (!isFahrasError(error) || error.code !== ERROR_CODES.INVALID_OPTION) return null
  const message = error.message.replace(/^fahras: /, '')
  const about = /^\S+ expected `([\w.]+)` to (\w+) /.exec(message)
  const option = about?.[1] ?? (error.details as { option?: unknown } | undefined)?.option
  const shown = typeof option === 'string' ? FLAG_OF_OPTION[option] : undefined
  if (about === null || shown === undefined) return null
  const rest = message
    .slice(about[0].length)
    // `"x"` (string) → "x"; `3` (number) → 3: the value as it was typed
    .replace(/`("(?:[^"\\]|\\.)*")` \(string\)/g, '$1')
    .replace(/`([^`]*)` \((?:number|boolean)\)/g, '$1')
    // other options named in the message, as flags too
    .replace(/`(\w+)`/g, (whole, name: string) => FLAG_OF_OPTION[name] ?? whole)
  return new CliError(`${shown} must ${about[2]} ${rest}`, 2)
}

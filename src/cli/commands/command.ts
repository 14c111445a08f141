/**
 * What each command of `fahras` is: its name, usage, option table, examples and `run`. Its
 * `--help` is made from these (help.ts), its options are parsed from the table (args.ts).
 */
import type { OptionSpec, OptionSpecs, Parsed } from '../args.js'
import { DEFAULT_FIELDS, type Common } from '../documents.js'
import { styleFor } from '../terminal.js'
import { resolveBaseUrl } from '../urls.js'

/**
 * One command: a module in src/cli/commands/ exports one, and commands/index.ts lists it.
 *
 * @example
 * export const helloCommand: Command = {
 *   name: 'hello', summary: 'says hello', usage: ['hello [--name <who>]'], description: 'Says hello.',
 *   options: { name: { type: 'string', value: '<who>', description: 'whom to greet', default: 'world' } },
 *   examples: [['fahras hello --name Sara', 'hello, Sara']],
 *   run: ({ values }) => (process.stdout.write(`hello, ${values.name ?? 'world'}\n`), 0),
 * }
 */
export interface Command {
  readonly name: string
  /** One line, for `fahras --help`. */
  readonly summary: string
  /** Its usage lines (after `fahras `). */
  readonly usage: readonly string[]
  /** What it does, a few lines. */
  readonly description: string
  /** Its option table: what it parses, and what its help lists (with the global options). */
  readonly options: OptionSpecs
  /** Command lines to copy, each with a comment. */
  readonly examples: ReadonlyArray<readonly [string, string]>
  /** Runs the command; returns the exit code (a promise of it, for a command that awaits). */
  run(parsed: Parsed): number | Promise<number>
}

/** The options of the commands that read documents. */
export const DOCUMENT_OPTIONS = {
  fields: {
    type: 'list',
    value: '<a,b>',
    description: 'the fields to index; each must be in some document',
    default: DEFAULT_FIELDS.join(','),
  },
  store: {
    type: 'list',
    value: '<a,b>',
    description: 'the fields stored and shown with results',
    default: 'the indexed fields and url, date, source, path',
  },
  id: {
    type: 'string',
    value: '<field>',
    description: 'the id field; text, Markdown and HTML files get their path',
    default: 'id',
  },
  'base-url': {
    type: 'string',
    value: '<url>',
    description: 'what the URLs of text, Markdown and HTML files start with: /blog/ or https://example.org/blog/',
    default: '/',
  },
} as const satisfies Record<string, OptionSpec>

/** `-q, --quiet`, as most commands take it. */
export const QUIET: OptionSpec = { type: 'boolean', short: 'q', description: 'no progress bar' }

/** A comma-separated list, blanks dropped; `fallback` when not given. */
export const list = (value: string | boolean | undefined, fallback: readonly string[]): string[] =>
  typeof value !== 'string'
    ? [...fallback]
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)

/** The options about documents, from the parsed command line. */
export function commonOptions(values: Parsed['values'], json = false): Common {
  return {
    fields: list(values.fields, DEFAULT_FIELDS),
    fieldsGiven: typeof values.fields === 'string',
    store: typeof values.store === 'string' ? list(values.store, []) : undefined,
    idField: typeof values.id === 'string' ? values.id : 'id',
    baseUrl: resolveBaseUrl(typeof values['base-url'] === 'string' ? values['base-url'] : undefined),
    quiet: values.quiet === true || json,
    style: styleFor(process.stdout, values['no-color'] === true || json),
    json,
  }
}

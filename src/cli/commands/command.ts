/** What each command of `fahras` is: its help (usage, options, examples) and what it does. */
import type { OptionSpec, OptionSpecs, Parsed } from '../args.js'
import { DEFAULT_FIELDS, type Common } from '../documents.js'
import { styleFor } from '../terminal.js'
import { resolveBaseUrl } from '../urls.js'

export interface Command {
  readonly name: string
  /** One line, for `fahras --help`. */
  readonly summary: string
  /** Its usage lines (after `fahras `). */
  readonly usage: readonly string[]
  /** What it does, a few lines. */
  readonly description: string
  readonly options: OptionSpecs
  /** Command lines to copy, each with a comment. */
  readonly examples: ReadonlyArray<readonly [string, string]>
  /** Runs the command; returns the exit code (a promise of it, for a command that awaits). */
  run(parsed: Parsed): number | Promise<number>
}

/** The options of the commands that read documents. */
export const DOCUMENT_OPTIONS = {
  fields: { type: 'string', value: '<a,b>', help: 'the fields to index (default: title,text); each must be in some document' },
  store: { type: 'string', value: '<a,b>', help: 'the fields stored and shown with results (default: the indexed fields and url, date, source, path)' },
  id: { type: 'string', value: '<field>', help: 'the id field (default: id; text, Markdown and HTML files get their path)' },
  'base-url': { type: 'string', value: '<url>', help: 'what the URLs of text, Markdown and HTML files start with: /blog/ or https://example.org/blog/ (default: /)' },
} as const satisfies Record<string, OptionSpec>

export const QUIET: OptionSpec = { type: 'boolean', short: 'q', help: 'no progress bar' }

/** A comma-separated list, blanks dropped; `fallback` when not given. */
export const list = (value: string | boolean | undefined, fallback: readonly string[]): string[] =>
  typeof value !== 'string' ? [...fallback] : value.split(',').map((s) => s.trim()).filter(Boolean)

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

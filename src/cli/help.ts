/** The help of `fahras` and of each of its commands. */
import { GLOBAL_OPTIONS, type NumberRange, type OptionSpec, type OptionSpecs } from './args.js'
import type { Command } from './commands/command.js'

/** Where the option descriptions start in help. */
const OPTION_COLUMN = 26

/** How wide help lines are, at most (a long word may pass it). */
const WIDTH = 100

/** `text` in lines of at most `width` characters, broken at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return [...lines, line]
}

/** A number option's range as help says it: `a whole number ≥ 1`, `a number > 0`, `a whole number from 256 to 16000000`. */
export function rangeText(range: NumberRange): string {
  const kind = range.whole === true ? 'a whole number' : 'a number'
  if (range.max !== undefined && range.above !== true) return `${kind} from ${range.min} to ${range.max}`
  const least = `${range.above === true ? '>' : '≥'} ${range.min}`
  return range.max === undefined ? `${kind} ${least}` : `${kind} ${least} and ≤ ${range.max}`
}

/**
 * An option's help text, made from its row of the option table: the description, then in
 * parentheses its range (numbers), and its default or that it is required.
 *
 * @example
 * optionHelp({ type: 'number', description: 'results to show', default: 10, range: { min: 1, whole: true } })
 * // → 'results to show (a whole number ≥ 1; default: 10)'
 */
export function optionHelp(spec: OptionSpec): string {
  const notes = [
    ...(spec.range !== undefined ? [rangeText(spec.range)] : []),
    ...(spec.required === true ? ['required'] : []),
    ...(spec.default !== undefined ? [`default: ${spec.default}`] : []),
  ]
  return notes.length === 0 ? spec.description : `${spec.description} (${notes.join('; ')})`
}

/** Options as help lists them: `  -n, --limit <n>        results to show…`. */
function optionLines(options: OptionSpecs): string {
  const indent = ' '.repeat(OPTION_COLUMN)
  return Object.entries(options)
    .map(([name, spec]) => {
      const left = `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`
      const help = wrap(optionHelp(spec), WIDTH - OPTION_COLUMN).join(`\n${indent}`)
      return left.length < OPTION_COLUMN ? left.padEnd(OPTION_COLUMN) + help : `${left}\n${indent}${help}`
    })
    .join('\n')
}

/** `fahras <command> --help`: usage, what it does, its options, examples. */
export function commandHelp(command: Command): string {
  const examples = command.examples.map(([line, what]) => `  ${line}\n      ${what}`).join('\n')
  return `fahras ${command.name}: ${command.summary}

Usage:
${command.usage.map((u) => `  fahras ${u}`).join('\n')}

${command.description}

Options:
${optionLines(command.options)}
${optionLines(GLOBAL_OPTIONS)}

Examples:
${examples}

Inputs: .jsonl, .json (an array), .txt, .md and .html files, and folders of them. More: docs/cli.md.
Exit codes: 0 success, 2 usage error, 1 any other failure.`
}

/** `fahras --help`: every command in a line or two, and where to read more. */
export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2
  return `fahras: Arabic full-text search from the command line

Usage:
${commands
  .map((c) =>
    c.usage
      .slice(0, 1)
      .map((u) => `  fahras ${u}`)
      .join('\n'),
  )
  .join('\n')}
  fahras help <command> | fahras <command> --help
  fahras --help | --version

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Inputs: .jsonl files (one JSON document a line), .json files (an array of documents), .txt, .md
and .html files, and folders of them. Markdown front matter (YAML or TOML) gives the title, url
and date; drafts are skipped. Bad records are reported with file and line, and skipped.

Query syntax: words (any of them), "exact phrase", -word to exclude, word* for a prefix; a query
that starts with - goes after --: fahras search index.json -- "-word other".
Exit codes: 0 success, 2 usage error, 1 any other failure.
Each command's options: fahras <command> --help.`
}

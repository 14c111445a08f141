/** `fahras export-settings`: the body of `PUT /<index>` for Elasticsearch or OpenSearch, with fahras's analyzer. */
import type { AnalyzerOptions } from '../../analyze/analyze.js'
import { ERROR_CODES, isFahrasError } from '../../errors.js'
import {
  DEFAULT_ANALYZER_NAME,
  DEFAULT_MAPPED_FIELDS,
  indexSettings,
  type IndexSettingsOptions,
} from '../../opensearch/settings.js'
import { flagError } from '../args.js'
import { writeFileAtomic } from '../atomic-write.js'
import { hasPackedMagic, loadPackedIndex } from '../index-format.js'
import { checkOutput } from '../output-check.js'
import { CliError, readRegularFile } from '../read-file.js'
import { escapeForTerminal, quoted } from '../safe-print.js'
import { list, type Command } from './command.js'

/** The analyzer options and fields recorded in an index saved by `fahras index` (JSON or packed) or `JSON.stringify(search)`. */
function savedIndexOptions(file: string): { analyzer: AnalyzerOptions; fields: string[] | undefined } {
  const read = readRegularFile(file)
  if (!read.ok) throw new CliError(`cannot read ${quoted(file)}: ${read.reason.replace(/^cannot read: /, '')}`)
  let saved: { format?: unknown; analyzer?: unknown; fields?: unknown }
  if (hasPackedMagic(read.buffer)) {
    // a packed index: checked whole (CRC-32s) as search checks it; its analyzer options and fields
    const packed = loadPackedIndex(file, new Uint8Array(read.buffer))
    saved = { format: 'fahras-index', analyzer: packed.analyzerOptions, fields: [...packed.fields] }
  } else {
    try {
      saved = JSON.parse(read.buffer.toString('utf8')) as typeof saved
    } catch {
      throw new CliError(`${quoted(file)} is not JSON, nor a packed index: expected an index saved by \`fahras index\``)
    }
  }
  if (
    saved === null ||
    typeof saved !== 'object' ||
    saved.format !== 'fahras-index' ||
    saved.analyzer === null ||
    typeof saved.analyzer !== 'object'
  ) {
    throw new CliError(
      `${quoted(file)} is not a saved fahras index (no "format": "fahras-index" with analyzer options)`,
    )
  }
  const fields =
    Array.isArray(saved.fields) && saved.fields.every((f) => typeof f === 'string')
      ? (saved.fields as string[])
      : undefined
  const options = { analyzer: saved.analyzer as AnalyzerOptions, fields }
  // options the library refuses come from a damaged index (exit code 1), not from the command line
  try {
    indexSettings({ analyzer: options.analyzer, ...(fields !== undefined && { fields }) })
  } catch (error) {
    if (isFahrasError(error) && error.code === ERROR_CODES.INVALID_OPTION) {
      throw new CliError(`${quoted(file)} is a damaged index: ${error.message.replace(/^fahras: /, '')}`)
    }
    throw error
  }
  return options
}

/** `fahras export-settings`: the body of `PUT /<index>`, with fahras's analyzer. */
function exportSettings(
  quiet: boolean,
  name: string | undefined,
  fields: string[] | undefined,
  output: string | undefined,
  exact: boolean,
  from: string | undefined,
): number {
  const saved = from === undefined ? undefined : savedIndexOptions(from)
  const options: IndexSettingsOptions = {
    ...(name !== undefined && { name }),
    ...((fields ?? saved?.fields) !== undefined && { fields: fields ?? saved!.fields }),
    ...(!exact && { exact: false }),
    ...(saved !== undefined && { analyzer: saved.analyzer }),
  }
  let definition
  try {
    definition = indexSettings(options)
  } catch (error) {
    throw flagError(error) ?? error
  }
  // The analyzer's internal markers are Unicode noncharacters: written as \u escapes (the same
  // JSON), so that no editor or tool on the way drops them unseen.
  const json = `${escapeForTerminal(JSON.stringify(definition, null, 2).replace(/[\ufdd0-\ufdef]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`))}\n`
  if (output === undefined) {
    process.stdout.write(json)
    return 0
  }
  writeFileAtomic(output, json)
  if (!quiet) process.stderr.write(`wrote ${quoted(output)}: the body of PUT /<index>\n`)
  return 0
}

export const exportSettingsCommand: Command = {
  name: 'export-settings',
  summary: "index settings and mappings with fahras's analyzer, for Elasticsearch or OpenSearch",
  usage: [
    'export-settings [--from index.json] [--name fahras_arabic] [--fields title,text] [--no-exact] [-o <settings.json>]',
  ],
  description: `Prints the body of PUT /<index> (or writes it to -o): the analyzer built from fahras's rules under
settings.analysis, and each field of --fields mapped as text with it, with an "exact" subfield
(words as written) unless --no-exact.`,
  options: {
    from: {
      type: 'string',
      value: '<index>',
      description: 'take the analyzer options (and, without --fields, the fields) of a saved index (.fahras or .json)',
    },
    name: { type: 'string', value: '<analyzer>', description: "the analyzer's name", default: DEFAULT_ANALYZER_NAME },
    fields: {
      type: 'list',
      value: '<a,b>',
      description: 'the fields mapped with the analyzer',
      default: DEFAULT_MAPPED_FIELDS.join(','),
    },
    'no-exact': { type: 'boolean', description: 'no <field>.exact subfield' },
    output: {
      type: 'string',
      short: 'o',
      value: '<settings.json>',
      description: 'where to write the JSON',
      default: 'stdout',
    },
    quiet: { type: 'boolean', short: 'q', description: 'no summary line with -o' },
  },
  examples: [
    ['fahras export-settings -o settings.json', 'then: curl -X PUT "$ES/articles" --data-binary @settings.json'],
    ['fahras export-settings --from index.json --name arabic', 'the analyzer options of a saved index'],
  ],
  run({ values, positionals }) {
    if (positionals.length > 0)
      throw new CliError(`export-settings takes no inputs, got ${JSON.stringify(positionals[0])}`, 2)
    const output = typeof values.output === 'string' ? values.output : undefined
    const from = typeof values.from === 'string' ? values.from : undefined
    if (output) checkOutput(output, from === undefined ? [] : [from], false)
    const name = typeof values.name === 'string' ? values.name : undefined
    const fields = typeof values.fields === 'string' ? list(values.fields, []) : undefined
    return exportSettings(values.quiet === true, name, fields, output, values['no-exact'] !== true, from)
  },
}

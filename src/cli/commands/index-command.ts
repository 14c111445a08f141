/** `fahras index`: reads the inputs, builds the index and writes it as JSON. */
import { writeFileAtomic } from '../atomic-write.js'
import { buildIndex } from '../documents.js'
import { CliError } from '../read-file.js'
import { quoted } from '../safe-print.js'
import { checkOutput } from '../output-check.js'
import { commonOptions, DOCUMENT_OPTIONS, QUIET, type Command } from './command.js'

export const indexCommand: Command = {
  name: 'index',
  summary: 'build an index from your documents and save it as JSON',
  usage: ['index <inputs…> -o <index.json> [--fields title,text] [--store …] [--id id] [--base-url /] [--quiet]'],
  description: `Reads the inputs (.jsonl, .json, .txt, .md and .html files, and folders of them), builds the
index and writes it as JSON (loadable with ArabicSearch.loadJSON). Bad records are reported with
file and line, and skipped. Before reading anything it checks that -o can be written and is not
one of the inputs.`,
  options: {
    output: { type: 'string', short: 'o', value: '<index.json>', help: 'where to write the index (required)' },
    ...DOCUMENT_OPTIONS,
    quiet: QUIET,
  },
  examples: [
    ['fahras index corpus/articles.jsonl -o index.json', 'index the bundled corpus'],
    ['fahras index content/ -o public/index.json --base-url /blog/', 'a site\'s Markdown and HTML pages, linked under /blog/'],
    ['fahras index data.jsonl -o index.json --fields title,body --id slug', 'your own field names'],
  ],
  run({ values, positionals }) {
    const c = commonOptions(values)
    if (positionals.length === 0) throw new CliError('index needs at least one input (a .jsonl, .json, .txt, .md or .html file, or a folder): fahras index data.jsonl -o index.json', 2)
    const output = values.output
    if (typeof output !== 'string' || output === '') throw new CliError('index needs -o <index.json>: where to write the index', 2)
    checkOutput(output, positionals)
    const { index, summary } = buildIndex(positionals, c, 'nothing to index')
    writeFileAtomic(output, JSON.stringify(index))
    process.stderr.write(`${summary}; wrote ${quoted(output)}\n`)
    return 0
  },
}

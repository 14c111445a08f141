import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isFahrasError } from '../errors.js'
import { ArabicSearch } from '../search/arabic-search.js'
import type { SearchResult } from '../search/options.js'
import { CliError, origins, readInputs, type Document } from './inputs.js'
import { progressBar, renderSnippet, styleFor, type Style } from './terminal.js'

const HELP = `fahras: Arabic full-text search from the command line

Usage:
  fahras index <inputs…> -o <index.json> [--fields title,text] [--store …] [--id id] [--quiet]
  fahras search <index.json | inputs…> <query> [--limit 10] [--json] [--and] [--fields …]
  fahras tour [inputs…]            a few queries over the bundled corpus (or your inputs)
  fahras --help | --version

Inputs: .jsonl files (one JSON document a line), .json files (an array of documents), .txt, .md
and .html files, and folders of them. Bad records are reported with file and line, and skipped.

Options:
  -o, --output <file>   where \`index\` writes the index (JSON)
  --fields <a,b>        fields to index (default: title,text)
  --store <a,b>         fields stored and shown with results (default: the indexed fields and url, date, source)
  --id <field>          the id field (default: id; text, Markdown and HTML files get their path)
  -n, --limit <n>       results to show (default: 10)
  --and                 require every word of the query (default: any word)
  --json                machine-readable output
  --quiet               no progress bar
  --no-color            no colour (also when piped, or with NO_COLOR set)
  --verbose             details on errors
  -h, --help            this help
  -v, --version         the version

Query syntax: words (any of them), "exact phrase", -word to exclude, word* for a prefix.
Exit codes: 0 success, 2 usage error, 1 any other failure.`

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

function bundledCorpus(): string {
  for (const candidate of [join(here, '..', 'corpus', 'articles.jsonl'), join(here, '..', '..', 'corpus', 'articles.jsonl')]) if (existsSync(candidate)) return candidate
  throw new CliError('the bundled corpus/ folder was not found (it ships with the repository, not the npm package): give inputs')
}

const list = (value: string | undefined, fallback: string[]) =>
  value === undefined ? fallback : value.split(',').map((s) => s.trim()).filter(Boolean)

interface Common {
  fields: string[]
  store: string[] | undefined
  idField: string
  quiet: boolean
  style: Style
  json: boolean
}

function buildIndex(inputs: string[], c: Common): { index: ArabicSearch<Document>; summary: string } {
  const { documents, bad, files } = readInputs(inputs, c.idField)
  // fields holding objects are reported and the record skipped
  const good: Document[] = []
  for (const doc of documents) {
    const field = c.fields.find((f) => doc[f] !== null && typeof doc[f] === 'object')
    if (field) {
      const o = origins.get(doc)
      bad.push({ file: o?.file ?? '(input)', line: o?.line, reason: `field "${field}" holds ${Array.isArray(doc[field]) ? 'an array' : 'an object'}, not text` })
    } else good.push(doc)
  }
  for (const b of bad) process.stderr.write(`${c.style.red('skipped')} ${b.file}${b.line ? `:${b.line}` : ''}: ${b.reason}\n`)
  const storeFields = c.store ?? [...new Set([...c.fields, 'url', 'date', 'source', 'path'])]
  const index = new ArabicSearch<Document>({ fields: c.fields, storeFields, idField: c.idField })
  const bar = progressBar(good.length, !c.quiet && process.stderr.isTTY === true)
  const chunk = 200
  for (let i = 0; i < good.length; i += chunk) {
    index.addAll(good.slice(i, i + chunk))
    bar.update(Math.min(good.length, i + chunk))
  }
  bar.finish(good.length)
  const summary = `indexed ${good.length} documents from ${files} file${files === 1 ? '' : 's'}; skipped ${bad.length} bad record${bad.length === 1 ? '' : 's'}`
  return { index, summary }
}

/** Reads a saved index if `path` is one: null when it is a document input instead. */
function readSavedIndex(path: string): ArabicSearch<Document> | null {
  if (!path.toLowerCase().endsWith('.json')) return null
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CliError(`no such file or folder: ${path}`)
    throw new CliError(`cannot read the index ${path}: ${code ?? (error as Error).message}`)
  }
  if (!/^\s*\{\s*"format"\s*:\s*"fahras-index"/.test(text.slice(0, 200))) return null
  return ArabicSearch.loadJSON<Document>(text)
}

function printResults(results: SearchResult<Document>[], query: string, c: Common, total: number) {
  const out = process.stdout
  const s = c.style
  if (c.json) {
    out.write(JSON.stringify({ query, results: results.map((r) => ({ id: r.id, score: r.score, title: r.title, url: r.url, terms: r.terms, snippets: r.snippets })) }, null, 2) + '\n')
    return
  }
  if (results.length === 0) {
    out.write(`no results for «${query}» in ${total} documents\n`)
    return
  }
  results.forEach((r, i) => {
    // Numbers and Latin on their own line, Arabic on its own lines: legible with or without bidi.
    out.write(`${s.bold(`${i + 1}.`)} ${s.dim(`score ${r.score.toFixed(2)}   id ${String(r.id)}`)}\n`)
    const title = typeof r.title === 'string' && r.title.trim() ? r.title.trim() : String(r.id)
    out.write(`${s.bold(title)}\n`)
    const snippet = r.snippets.text ?? Object.values(r.snippets).find((x) => x.ranges.length > 0) ?? Object.values(r.snippets)[0]
    if (snippet) out.write(`${renderSnippet(snippet, s)}\n`)
    if (typeof r.url === 'string' && r.url) out.write(`${s.dim(r.url)}\n`)
    out.write('\n')
  })
}

const TOUR: Array<[string, string]> = [
  ['الشراكة الاستراتيجية', 'the founding news article: clitics and taa marbuta (الاستراتيجية, بالشراكة)'],
  ['ٱلْكِتَٰبُ', 'Uthmani spelling, vowelled: finds الكتاب written plainly'],
  ['الكتاب', 'the same word without diacritics finds the vowelled text too'],
  ['"وزير الدفاع" العراقي', 'an exact phrase and a word'],
  ['بغداد -مطار', 'a word, excluding another'],
]

function run(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      fields: { type: 'string' },
      store: { type: 'string' },
      id: { type: 'string' },
      limit: { type: 'string', short: 'n' },
      and: { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'no-color': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(version() + '\n')
    return 0
  }
  const [command, ...rest] = positionals
  const limit = values.limit === undefined ? 10 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit expects a whole number >= 1, got ${JSON.stringify(values.limit)}`, 2)
  const common: Common = {
    fields: list(values.fields, ['title', 'text']),
    store: values.store === undefined ? undefined : list(values.store, []),
    idField: values.id ?? 'id',
    quiet: values.quiet === true || values.json === true,
    style: styleFor(process.stdout, values['no-color'] === true || values.json === true),
    json: values.json === true,
  }
  switch (command) {
    case 'index': {
      if (rest.length === 0) throw new CliError('index needs at least one input (a .jsonl, .json, .txt, .md or .html file, or a folder)', 2)
      if (!values.output) throw new CliError('index needs -o <index.json>: where to write the index', 2)
      const { index, summary } = buildIndex(rest, common)
      if (index.documentCount === 0) throw new CliError(`${summary}; nothing to index`)
      try {
        writeFileSync(values.output, JSON.stringify(index))
      } catch (error) {
        throw new CliError(`cannot write ${values.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      }
      process.stderr.write(`${summary}; wrote ${values.output}\n`)
      return 0
    }
    case 'search': {
      if (rest.length < 2) throw new CliError('search needs an index (or inputs) and a query: fahras search index.json "الكتاب"', 2)
      const query = rest[rest.length - 1]!
      const sources = rest.slice(0, -1)
      let index: ArabicSearch<Document>
      const saved = sources.length === 1 ? readSavedIndex(sources[0]!) : null
      if (saved) index = saved
      else {
        const built = buildIndex(sources, { ...common, quiet: true })
        if (!common.json) process.stderr.write(`${built.summary}\n`)
        index = built.index
      }
      const results = index.search(query, { limit, combineWith: values.and ? 'AND' : 'OR' })
      printResults(results, query, common, index.documentCount)
      return 0
    }
    case 'tour': {
      const sources = rest.length > 0 ? rest : [bundledCorpus()]
      const { index, summary } = buildIndex(sources, common)
      process.stderr.write(`${summary}\n\n`)
      for (const [query, what] of TOUR) {
        process.stdout.write(`${common.style.bold('▶')} ${query}\n${common.style.dim(what)}\n\n`)
        printResults(index.search(query, { limit: 2 }), query, common, index.documentCount)
      }
      process.stdout.write(`Try your own: npm start -- "your query"   (or: node dist/cli.js search corpus/articles.jsonl "your query")\n`)
      return 0
    }
    case undefined:
      throw new CliError('a command is needed: index, search or tour (see fahras --help)', 2)
    default:
      throw new CliError(`unknown command "${command}": expected index, search or tour (see fahras --help)`, 2)
  }
}

/** Runs the command line and returns the exit code. */
export function main(argv: string[]): number {
  const verbose = argv.includes('--verbose')
  try {
    return run(argv)
  } catch (error) {
    const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    const code = error instanceof CliError ? error.exitCode : usage ? 2 : 1
    const message = error instanceof Error ? error.message.replace(/^fahras: /, '') : String(error)
    process.stderr.write(`fahras: ${message}${usage ? ' (see fahras --help)' : ''}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n')
    else if (!(error instanceof CliError) && !usage && !isFahrasError(error)) process.stderr.write('(run with --verbose for details)\n')
    return code
  }
}

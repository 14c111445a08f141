/** `fahras tour`: a few queries that show what fahras does, over the bundled corpus or your inputs. */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIndex } from '../documents.js'
import { CliError } from '../read-file.js'
import { printResults } from '../results.js'
import { commonOptions, DOCUMENT_OPTIONS, QUIET, type Command } from './command.js'

/** The folder of the running script (dist/ once built). */
const here = dirname(fileURLToPath(import.meta.url))

function bundledCorpus(): string {
  for (const candidate of [
    join(here, '..', 'corpus', 'articles.jsonl'),
    join(here, '..', '..', 'corpus', 'articles.jsonl'),
  ])
    if (existsSync(candidate)) return candidate
  throw new CliError(
    'the bundled corpus/ folder was not found (it ships with the repository, not the npm package): give inputs',
  )
}

/** Results shown for each query of the tour. */
const TOUR_LIMIT = 2

const TOUR: Array<[string, string]> = [
  ['الشراكة الاستراتيجية', 'the founding news article: clitics and taa marbuta (الاستراتيجية, بالشراكة)'],
  ['ٱلْكِتَٰبُ', 'Uthmani spelling, vowelled: finds الكتاب written plainly'],
  ['الكتاب', 'the same word without diacritics finds the vowelled text too'],
  ['"وزير الدفاع" العراقي', 'an exact phrase and a word'],
  ['بغداد -مطار', 'a word, excluding another'],
]

export const tourCommand: Command = {
  name: 'tour',
  summary: 'a few queries over the bundled corpus (or your inputs)',
  usage: ['tour [inputs…]'],
  description: `Indexes the bundled corpus/articles.jsonl (or the given inputs) and runs a few queries that show
what fahras does: clitics and taa marbuta, a vowelled Uthmani query that finds plain text, the
same word without diacritics, a phrase, an exclusion.`,
  options: { ...DOCUMENT_OPTIONS, quiet: QUIET },
  examples: [
    ['fahras tour', 'the bundled corpus (from a clone of the repository)'],
    ['fahras tour content/', 'the same queries over your own pages'],
  ],
  run({ values, positionals }) {
    const c = commonOptions(values)
    const sources = positionals.length > 0 ? positionals : [bundledCorpus()]
    const { index, summary } = buildIndex(sources, c, 'nothing to search')
    process.stderr.write(`${summary}\n\n`)
    for (const [query, what] of TOUR) {
      process.stdout.write(`${c.style.bold('▶')} ${query}\n${c.style.dim(what)}\n\n`)
      printResults(index.search(query, { limit: TOUR_LIMIT }), query, c.style, false, index.documentCount)
    }
    process.stdout.write(
      `Try your own: npm start -- "your query"   (or: node dist/cli.js search corpus/articles.jsonl "your query")\n`,
    )
    return 0
  },
}

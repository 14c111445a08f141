/** Search results as the terminal shows them, or as JSON. */
import type { Snippet } from '../highlight/highlight.js'
import type { SearchResult } from '../search/options.js'
import type { Document } from './inputs.js'
import { escapeForTerminal, printable, quoted } from './safe-print.js'
import { renderSnippet, type Style } from './terminal.js'

/** The field whose snippet marks the title. */
const TITLE = 'title'

/** The snippet shown under the title: of `text`, else of the first other field with a match. */
function bodySnippet(snippets: Readonly<Record<string, Snippet | undefined>>): Snippet | undefined {
  const others = Object.entries(snippets)
    .filter(([field]) => field !== TITLE)
    .flatMap(([, s]) => (s === undefined ? [] : [s]))
  return snippets.text ?? others.find((s) => s.ranges.length > 0) ?? others[0]
}

/**
 * The title with its matches marked, as the snippets are: from the title's snippet when it has a
 * match, else the title as stored, else the id.
 */
function titleLine(r: SearchResult<Document>, style: Style): string {
  const marked = r.snippets[TITLE]
  if (marked !== undefined && marked.ranges.length > 0 && printable(marked.text).trim())
    return renderSnippet(marked, style, style.bold)
  return style.bold(
    typeof r.title === 'string' && printable(r.title).trim() ? printable(r.title).trim() : quoted(String(r.id)),
  )
}

/**
 * Prints results: for each, a line with the rank, score and id; the title and the snippet with the
 * matches marked (bold yellow on a terminal, in [brackets] otherwise); the url. With `json`, the
 * results as JSON. Everything from the documents goes through printable() or quoted(). With
 * `corrected`, the query found nothing and the results are those of that spelling (didYouMean).
 */
export function printResults(
  results: SearchResult<Document>[],
  query: string,
  style: Style,
  json: boolean,
  total: number,
  corrected: string | null = null,
): void {
  const out = process.stdout
  if (json) {
    const shown = results.map((r) => ({
      id: r.id,
      score: r.score,
      title: r.title,
      url: r.url,
      terms: r.terms,
      snippets: r.snippets,
    }))
    // `correctedQuery`: the query found nothing; the results are those of this spelling
    const body = corrected === null ? { query, results: shown } : { query, correctedQuery: corrected, results: shown }
    out.write(`${escapeForTerminal(JSON.stringify(body, null, 2))}\n`)
    return
  }
  if (corrected !== null && results.length > 0) {
    out.write(`no results for «${printable(query)}»; showing results for «${printable(corrected)}»\n\n`)
  }
  if (results.length === 0) {
    out.write(`no results for «${printable(query)}» in ${total} documents\n`)
    return
  }
  results.forEach((r, i) => {
    // Numbers and Latin on their own line, Arabic on its own lines: legible with or without bidi.
    out.write(`${style.bold(`${i + 1}.`)} ${style.dim(`score ${r.score.toFixed(2)}   id ${quoted(String(r.id))}`)}\n`)
    out.write(`${titleLine(r, style)}\n`)
    const snippet = bodySnippet(r.snippets)
    if (snippet) out.write(`${renderSnippet(snippet, style)}\n`)
    if (typeof r.url === 'string' && r.url) out.write(`${style.dim(quoted(r.url))}\n`)
    out.write('\n')
  })
}

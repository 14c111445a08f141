/**
 * The query syntax: plain words (combined with OR by default), `"exact phrase"`, `-word` or
 * `-"phrase"` to exclude, `word*` for a prefix. Anything else is text: only a closed pair of quotes
 * makes a phrase, and a quotation mark with no closing one after it is text (a pasted paragraph
 * with one `"` is a paragraph, not a required phrase); a lone `*` or `-` is ignored. No regular
 * expression is built from it.
 */
export interface QueryClause {
  /** The text of the word or phrase as written by the user. */
  readonly text: string
  readonly phrase: boolean
  readonly exclude: boolean
  readonly prefix: boolean
}

const QUOTES = new Set(['"', '“', '”', '«', '»'])
const isSpace = (ch: string) =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u3000'

/**
 * Parses a query string into clauses. Linear in the length of the query.
 *
 * @example
 * ```ts
 * parseQuery('الشراكة -داعش "الأمن القومي" استراتيج*')
 * // → [{ text: 'الشراكة' }, { text: 'داعش', exclude: true }, { text: 'الأمن القومي', phrase: true },
 * //    { text: 'استراتيج', prefix: true }] (other flags false)
 * ```
 */
export function parseQuery(query: string): QueryClause[] {
  const clauses: QueryClause[] = []
  let i = 0
  const n = query.length
  // a quotation mark opens a phrase only if another one follows it
  let lastQuote = -1
  for (let k = n - 1; k >= 0; k--) {
    if (QUOTES.has(query[k]!)) {
      lastQuote = k
      break
    }
  }
  while (i < n) {
    while (i < n && isSpace(query[i]!)) i++
    if (i >= n) break
    let exclude = false
    if (query[i] === '-' || query[i] === '−') {
      exclude = true
      i++
    }
    if (i < n && QUOTES.has(query[i]!) && i >= lastQuote) {
      // an unbalanced quotation mark: text, read as a space
      i++
      continue
    }
    if (i < n && QUOTES.has(query[i]!)) {
      i++
      const start = i
      while (i < n && !QUOTES.has(query[i]!)) i++
      const text = query.slice(start, i).trim()
      i++ // the closing quote (there is one: i < lastQuote at the opening)
      if (text) clauses.push({ text, phrase: true, exclude, prefix: false })
      continue
    }
    const start = i
    while (i < n && !isSpace(query[i]!) && !QUOTES.has(query[i]!)) i++
    let text = query.slice(start, i)
    let prefix = false
    let end = text.length
    while (end > 0 && text.charCodeAt(end - 1) === 0x2a) end-- // trailing *
    if (end < text.length) {
      prefix = true
      text = text.slice(0, end)
    }
    if (text) clauses.push({ text, phrase: false, exclude, prefix })
  }
  return clauses
}

/**
 * One searched word of a query after analysis: its index term (stem), its normalized written
 * form, and whether it is a prefix. @internal
 */
export interface QueryUnit {
  /** The index term: the word's stem (as `AnalyzedTerm.term`). */
  readonly term: string
  readonly word: string
  readonly prefix: boolean
  /** The last word of the query's words (search as you type: the word being typed). */
  readonly last?: boolean
}

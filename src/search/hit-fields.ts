/**
 * The searched fields of a hit: each field's original text read once per search, and the words of
 * the query it holds (from the index's positions, or by analyzing the text), for phrases,
 * proximity and snippets. @internal
 */
import { bestSnippets, type Match, type ResolvedSnippetOptions, type Snippet } from '../highlight/highlight.js'
import type { DocumentId, SearchResult } from './options.js'
import { closestWords, proximityFactor } from './packed/scoring.js'
import {
  indexTermOf,
  NONE,
  SURFACE,
  textOf,
  type EngineHit,
  type FieldMatch,
  type SearchContext,
} from './search-context.js'
import { own } from '../own.js'

/** A matched word of a field with its position (token number), for snippets and proximity. @internal */
type Located = Match & { readonly position: number }

/** The text of each searched field of a hit and its matched words, each field analyzed once per search. @internal */
export type FieldTexts = Map<string, { readonly text: string; readonly matches: Located[] }>

/** The original text of a field of a document, read at most once per search (stored, or from `getText`). @internal */
export type TextOf = (id: DocumentId, field: string) => string | undefined

/** A {@link TextOf} for one search. @internal */
export function textsOnce(context: SearchContext): TextOf {
  const read = new Map<DocumentId, Map<string, string | undefined>>()
  return (id, field) => {
    let fields = read.get(id)
    if (fields === undefined) read.set(id, (fields = new Map()))
    if (!fields.has(field)) fields.set(field, textOf(context, id, field, context.engine.storedFields(id) ?? NONE))
    return fields.get(field)
  }
}

/** The text and matched words of each of the fields of a hit. @internal */
export function locate(context: SearchContext, hit: EngineHit, fields: readonly string[], textFor: TextOf): FieldTexts {
  const stems = new Set<string>()
  const words = new Set<string>()
  for (const term of Object.keys(hit.match)) {
    if (term.startsWith(SURFACE)) words.add(term.slice(1))
    else stems.add(term)
  }
  const stored = context.engine.storedFields(hit.id) ?? NONE
  const terms = Object.keys(hit.match)
  const out: FieldTexts = new Map()
  for (const field of fields) {
    const text = textFor(hit.id, field)
    if (text === undefined) continue
    // from the index's positions when the text is the stored one, else by analyzing the text
    const indexed =
      own(stored, field) !== undefined && context.engine.fieldMatches
        ? context.engine.fieldMatches(hit.id, field, terms, text)
        : null
    const matches: Located[] =
      indexed !== null
        ? matchesFromIndex(context, indexed)
        : context.analyzer
            .matches(text, stems, words)
            .map((t) => ({ start: t.start, end: t.end, key: t.term, position: t.position }))
    out.set(field, { text, matches })
  }
  return out
}

/** A result with the snippets of its fields. @internal */
export function withSnippets(result: SearchResult, located: FieldTexts, options: ResolvedSnippetOptions): SearchResult {
  const snippets: Record<string, Snippet> = {}
  for (const [field, { text, matches }] of located) {
    const passages = bestSnippets(text, matches, options)
    snippets[field] = passages.length === 1 ? passages[0]! : joinPassages(passages)
  }
  return { ...result, snippets }
}

/**
 * The proximity factor of a hit (scoring.ts): the most distinct query words (by stem) within one
 * window of one field. @internal
 */
export function proximityOf(located: FieldTexts, stems: ReadonlySet<string>): number {
  let best = 0
  for (const { matches } of located.values()) {
    const words = closestWords(matches.filter((m) => stems.has(m.key)))
    if (words > best) best = words
  }
  return proximityFactor(best)
}

/**
 * The matches of a field from the index's positions, as `analyzer.matches` finds them: in text
 * order, one per token, keyed by the token's stem (a written form's stem is its analysis). @internal
 */
function matchesFromIndex(context: SearchContext, found: FieldMatch[]): Located[] {
  found.sort((a, b) => a.position - b.position)
  const out: Located[] = []
  let last = -1
  for (const m of found) {
    if (m.position === last) continue
    last = m.position
    out.push({ start: m.start, end: m.end, key: indexTermOf(context, m.term), position: m.position })
  }
  return out
}

/** The passages of a snippet as one snippet, joined by a space. @internal */
function joinPassages(passages: readonly Snippet[]): Snippet {
  let text = ''
  let html = ''
  const ranges: Array<readonly [number, number]> = []
  const separator = ' '
  for (const p of passages) {
    const sep = text.length > 0 ? separator : ''
    const shift = text.length + sep.length
    text += sep + p.text
    html += sep + p.html
    for (const [s, e] of p.ranges) ranges.push([s + shift, e + shift])
  }
  return { text, html, ranges, passages }
}

/**
 * The words of the pages shown last, analyzed once: a snippet finds its matches among them (the
 * same words `analyzer.matches` would find), not by analyzing the text again on each keystroke.
 * The site engine's `fieldMatches` (session.ts). @internal
 */
import type { Analyzer, AnalyzedTerm } from '../../analyze/analyze.js'
import type { DocumentId } from '../../search/options.js'
import { SURFACE, type FieldMatch } from '../../search/searcher.js'

/** Fields of pages whose analysis is kept for their snippets. */
const ANALYZED_PAGES = 256

/** The analyzer, and the words of the fields analyzed last by page and field, each by index term. @internal */
export interface PageWords {
  readonly analyzer: Analyzer
  readonly fields: Map<string, Map<string, FieldMatch[]>>
}

/** The words of a text by index term: each under its term, and under its written form when that differs. @internal */
function wordsByTerm(analyzer: Analyzer, text: string): Map<string, FieldMatch[]> {
  const byTerm = new Map<string, FieldMatch[]>()
  const add = (term: string, w: AnalyzedTerm) => {
    const list = byTerm.get(term)
    const match = { position: w.position, start: w.start, end: w.end, term }
    if (list === undefined) byTerm.set(term, [match])
    else list.push(match)
  }
  for (const w of analyzer.analyze(text)) {
    add(w.term, w)
    if (w.word !== w.term) add(SURFACE + w.word, w)
  }
  return byTerm
}

/** The words of page `id`'s `field` (its `text`) that the `wanted` index terms match. @internal */
export function pageMatches(
  words: PageWords,
  id: DocumentId,
  field: string,
  wanted: readonly string[],
  text: string,
): FieldMatch[] {
  const key = `${String(id)}\u0000${field}`
  let byTerm = words.fields.get(key)
  if (byTerm === undefined) {
    byTerm = wordsByTerm(words.analyzer, text)
    if (words.fields.size >= ANALYZED_PAGES) words.fields.delete(words.fields.keys().next().value!)
    words.fields.set(key, byTerm)
  }
  const out: FieldMatch[] = []
  for (const term of new Set(wanted)) out.push(...(byTerm.get(term) ?? []))
  return out
}

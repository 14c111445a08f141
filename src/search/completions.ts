/**
 * The parts of `ArabicSearch.suggest` that do not need the index: ranking the completions found
 * in the matching documents, and finding how each is written in a document. @internal
 */
import type { Analyzer } from '../analyze/analyze.js'
import type { DocumentId } from './options.js'

const NO_TERMS: ReadonlySet<string> = new Set()
/** Diacritics, dagger alef, tatweel and joiners, dropped from a suggestion as written. */
const NOT_SHOWN = /[\u064b-\u065f\u0670\u0640\u200c\u200d\u200e\u200f]/g

/** A completion: its summed score, and the best-scoring document it comes from. */
export interface Completion {
  readonly word: string
  readonly score: number
  readonly id: DocumentId
}

/**
 * The index words of the hits that complete `prefix` (the word as typed is no completion), each
 * scored by the documents it comes from, best first. `surface` marks the index terms that hold a
 * written form. Linear in the matched terms, plus the sort.
 */
export function rankCompletions(hits: Iterable<{ readonly id: DocumentId; readonly score: number; readonly match: object }>, prefix: string, surface: string): Completion[] {
  const scores = new Map<string, { score: number; id: DocumentId }>()
  for (const hit of hits) {
    for (const term of Object.keys(hit.match)) {
      // written forms (surface terms) and stems that are words themselves (بغداد, كتاب)
      const word = term.startsWith(surface) ? term.slice(surface.length) : term
      if (word === prefix || !word.startsWith(prefix)) continue
      const entry = scores.get(word)
      if (entry) entry.score += hit.score
      else scores.set(word, { score: hit.score, id: hit.id })
    }
  }
  return [...scores].map(([word, { score, id }]) => ({ word, score, id })).sort((a, b) => b.score - a.score)
}

/** The words wanted from each document, in the order of the completions. */
export function wordsByDocument(completions: readonly Completion[]): Map<DocumentId, Set<string>> {
  const byDocument = new Map<DocumentId, Set<string>>()
  for (const { word, id } of completions) {
    const words = byDocument.get(id)
    if (words) words.add(word)
    else byDocument.set(id, new Set([word]))
  }
  return byDocument
}

/**
 * Adds to `forms` each of `words` (normalized) not there yet, as first written in `text`
 * (diacritics and tatweel dropped). One analysis of the text.
 */
export function addWrittenForms(analyzer: Analyzer, text: string, words: ReadonlySet<string>, forms: Map<string, string>): void {
  for (const t of analyzer.matches(text, NO_TERMS, words)) {
    if (!forms.has(t.word)) forms.set(t.word, text.slice(t.start, t.end).replace(NOT_SHOWN, ''))
  }
}

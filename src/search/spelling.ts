/**
 * How the words of the index are spelled in the documents, for `suggest()` and `didYouMean()`:
 * each word offered as the documents write it (never as a stem or an Uthmani skeleton). @internal
 */
import {
  countWrittenForms,
  FORM_DOCUMENTS,
  plainSpelling,
  typable,
  wordsByDocument,
  type Completion,
  type FormCounts,
} from './completions.js'
import type { DocumentId, Suggestion } from './options.js'
import { NONE, SURFACE, textOf, type SearchContext } from './search-context.js'

/** The words typed before the completed one: as typed (trimmed), and as the query's normalized words. @internal */
export interface SuggestionHead {
  readonly text: string
  readonly words: readonly string[]
}

/**
 * The suggestions of the completions (best first), each spelled as its best documents write it:
 * at most `limit`, each a word written in some document and a query that `finds` something.
 * @internal
 */
export function spelledSuggestions(
  context: SearchContext,
  candidates: readonly Completion[],
  head: SuggestionHead,
  { fields, limit }: { readonly fields: readonly string[]; readonly limit: number },
  finds: (form: string) => boolean,
): Suggestion[] {
  const wanted = wordsByDocument(candidates)
  const written = new Map<DocumentId, FormCounts>()
  const suggestions: Suggestion[] = []
  for (const { word, score, ids } of candidates) {
    // how the word is written in its best documents, until one writes it as a user would
    // type it (each document analyzed once)
    const counts = new Map<string, number>()
    for (const id of ids) {
      let forms = written.get(id)
      if (forms === undefined) written.set(id, (forms = writtenForms(context, id, wanted.get(id)!, fields)))
      for (const [form, count] of forms.get(word) ?? []) counts.set(form, (counts.get(form) ?? 0) + count)
      if ([...counts.keys()].some((form) => typable(context.analyzer, form, word))) break
    }
    // only words found as written in a document (a stem such as شراك is no word to offer)
    if (counts.size === 0) continue
    // the plain spelling most documents write, never an Uthmani skeleton (ٱلكتب for ٱلْكِتَٰبُ)
    const form = plainSpelling(context.analyzer, word, counts)
    // never a suggestion that finds nothing
    if (!finds(form)) continue
    suggestions.push({ suggestion: head.text ? `${head.text} ${form}` : form, terms: [...head.words, word], score })
    if (suggestions.length >= limit) break
  }
  return suggestions
}

/** How a normalized word of the index is spelled in its first documents (see plainSpelling). @internal */
export function spell(context: SearchContext, word: string, fields: readonly string[]): string {
  const hits = context.engine.search({ combineWith: 'OR', queries: [SURFACE + word, word] }, { fields })
  const counts = new Map<string, number>()
  const wanted = new Set([word])
  let read = 0
  for (const hit of hits) {
    if (read++ >= FORM_DOCUMENTS) break
    for (const [form, count] of writtenForms(context, hit.id, wanted, fields).get(word) ?? [])
      counts.set(form, (counts.get(form) ?? 0) + count)
  }
  return plainSpelling(context.analyzer, word, counts)
}

/**
 * How each of the words is written in the document (diacritics and tatweel dropped), with
 * counts; a word not written there has no entry. One analysis of each field at most. @internal
 */
function writtenForms(
  context: SearchContext,
  id: DocumentId,
  words: ReadonlySet<string>,
  fields: readonly string[],
): FormCounts {
  const forms: FormCounts = new Map()
  const stored = context.engine.storedFields(id) ?? NONE
  for (const field of fields) {
    const text = textOf(context, id, field, stored)
    if (text !== undefined) countWrittenForms(context.analyzer, text, words, forms)
  }
  return forms
}

/**
 * The parts of `ArabicSearch.suggest` that do not need the index: ranking the completions found
 * in the matching documents, and finding how each is written in a document. @internal
 */
import type { Analyzer } from '../analyze/analyze.js'
import type { DocumentId } from './options.js'

const NO_TERMS: ReadonlySet<string> = new Set()
/** Diacritics, dagger alef, tatweel and joiners, dropped from a suggestion as written. */
const NOT_SHOWN = /[\u064b-\u065f\u0670\u0640\u200c\u200d\u200e\u200f]/g

/** Letters and signs only the Uthmani (Quranic) script writes: a suggestion is never written with them. */
export const UTHMANI_ONLY = /[\u0670\u0671\u06d6-\u06ed\u08d3-\u08ff]/
/** The documents a completion's written form is looked for in: its best-scoring ones, at most this many. */
export const FORM_DOCUMENTS = 4

/** A completion: its summed score, and the best-scoring documents it comes from (best first). */
export interface Completion {
  readonly word: string
  readonly score: number
  readonly ids: readonly DocumentId[]
}

/**
 * The index words of the hits that complete `prefix` (the word as typed is no completion), each
 * scored by the documents it comes from, best first. `surface` marks the index terms that hold a
 * written form. Linear in the matched terms, plus the sort.
 */
export function rankCompletions(
  hits: Iterable<{ readonly id: DocumentId; readonly score: number; readonly match: object }>,
  prefix: string,
  surface: string,
): Completion[] {
  const scores = new Map<string, { score: number; ids: DocumentId[] }>()
  // the hits come best first: each word keeps its FORM_DOCUMENTS best documents
  for (const hit of hits) {
    for (const term of Object.keys(hit.match)) {
      // written forms (surface terms) and stems that are words themselves (بغداد, كتاب)
      const word = term.startsWith(surface) ? term.slice(surface.length) : term
      if (word === prefix || !word.startsWith(prefix)) continue
      const entry = scores.get(word)
      if (entry) {
        entry.score += hit.score
        if (entry.ids.length < FORM_DOCUMENTS && !entry.ids.includes(hit.id)) entry.ids.push(hit.id)
      } else scores.set(word, { score: hit.score, ids: [hit.id] })
    }
  }
  // best first; equal scores by the word, so that the order does not depend on the engine's
  return [...scores]
    .map(([word, { score, ids }]) => ({ word, score, ids }))
    .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
}

/** The words wanted from each document, in the order of the completions. */
export function wordsByDocument(completions: readonly Completion[]): Map<DocumentId, Set<string>> {
  const byDocument = new Map<DocumentId, Set<string>>()
  for (const { word, ids } of completions) {
    for (const id of ids) {
      const words = byDocument.get(id)
      if (words) words.add(word)
      else byDocument.set(id, new Set([word]))
    }
  }
  return byDocument
}

/** Each written form of a word and how many times it is written. */
export type FormCounts = Map<string, Map<string, number>>

/**
 * Counts in `counts` how each of `words` (normalized) is written in `text` (diacritics and
 * tatweel dropped). One analysis of the text.
 */
export function countWrittenForms(
  analyzer: Analyzer,
  text: string,
  words: ReadonlySet<string>,
  counts: FormCounts,
): void {
  for (const t of analyzer.matches(text, NO_TERMS, words)) {
    const form = text.slice(t.start, t.end).replace(NOT_SHOWN, '')
    let forms = counts.get(t.word)
    if (forms === undefined) counts.set(t.word, (forms = new Map()))
    forms.set(form, (forms.get(form) ?? 0) + 1)
  }
}

/** Would a user type this written form of the normalized word: no Uthmani-only letter, and it normalizes back to the word? */
export function typable(analyzer: Analyzer, form: string, word: string): boolean {
  return !UTHMANI_ONLY.test(form) && analyzer.normalize(form) === word
}

/**
 * The spelling to offer for a normalized word: of the forms it is written in (`forms`, with
 * their counts), the most frequent one that a user would type (no Uthmani-only letter) and that
 * normalizes back to the word, so that searching it finds what it promises. Without one (a word
 * written only in Uthmani script: ٱلصَّلَوٰةَ), the normalized word itself, with its final ه
 * written ة where the text wrote a taa marbuta (الصلاه → الصلاة).
 */
export function plainSpelling(
  analyzer: Analyzer,
  word: string,
  forms: ReadonlyMap<string, number> | undefined,
): string {
  let best: string | undefined
  let bestCount = 0
  let taaMarbuta = false
  for (const [form, count] of forms ?? []) {
    if (/[\u0629\u06c3]$/.test(form)) taaMarbuta = true
    if (count <= bestCount || !typable(analyzer, form, word)) continue
    best = form
    bestCount = count
  }
  if (best !== undefined) return best
  if (taaMarbuta && word.endsWith('\u0647')) {
    const spelled = `${word.slice(0, -1)}\u0629`
    if (analyzer.normalize(spelled) === word) return spelled
  }
  return word
}

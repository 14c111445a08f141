// The query set of the speed benchmark: a deterministic mix of 1–4-word runs taken from document
// titles and of real questions (xquad-ar and arcd-train), the same for every system.
import { readFileSync } from 'node:fs'

// The questions of the retrieval sets in the repository (bench/data, copies of ../shared/data).
const DATA = new URL('../data/', import.meta.url).pathname
export const QUESTION_FILES = [`${DATA}xquad-ar/queries.jsonl`, `${DATA}arcd-train/queries.jsonl`]

/** mulberry32: a small seeded PRNG, so that the query set is the same on every run. */
export function seeded(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function readQuestions(files) {
  const out = []
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const q = JSON.parse(line)
      if (typeof q.text === 'string' && q.text.trim()) out.push(q.text.trim())
    }
  }
  return out
}

// Words of a title: split on spaces, brackets and punctuation that no one would type.
const TITLE_SPLIT = /[\s()[\]{}«»"'،,:;.!؟?\-–—/]+/u

/**
 * `count` queries: half title runs (1–4 consecutive words of a random document's title, at a
 * random place), half questions, shuffled together. Deterministic for a given corpus and seed.
 */
export function buildQueries(docs, count = 1200, seed = 20240601, questionFiles = QUESTION_FILES) {
  const rand = seeded(seed)
  const pick = (n) => Math.floor(rand() * n)
  const titled = []
  const wanted = Math.ceil(count / 2)
  for (let guard = 0; titled.length < wanted && guard < wanted * 20; guard++) {
    const doc = docs[pick(docs.length)]
    const words = String(doc.title ?? '')
      .split(TITLE_SPLIT)
      .filter(Boolean)
    if (words.length === 0) continue
    const n = Math.min(words.length, 1 + pick(4))
    const start = pick(words.length - n + 1)
    titled.push({ kind: 'title', text: words.slice(start, start + n).join(' ') })
  }
  const questions = readQuestions(questionFiles)
  const asked = []
  const order = questions.map((_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = pick(i + 1)
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  for (let i = 0; asked.length < count - titled.length && i < order.length * 4; i++)
    asked.push({ kind: 'question', text: questions[order[i % order.length]] })
  const all = [...titled, ...asked]
  for (let i = all.length - 1; i > 0; i--) {
    const j = pick(i + 1)
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all
}

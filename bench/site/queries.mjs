// The queries of the browser measures of `npm run bench:site`: half title queries (one word, or two
// consecutive words, of the title of a random page of the big site), half questions of the
// retrieval sets (xquad-ar, arcd-train), shuffled together; seeded, so every run asks the same.
import { seeded } from '../lib/speed-queries.mjs'

const SPLIT = /[\s()[\]{}«»"'،,:;.!؟?\-–—/]+/u
const ARABIC = /\p{Script=Arabic}/u

/**
 * @param {{ title: string }[]} pages  the big site's pages
 * @param {string[]} questions          the sets' questions
 */
export function perfQueries(pages, questions, count, seed = 20250601) {
  const rand = seeded(seed)
  const pick = (n) => Math.floor(rand() * n)
  const seen = new Set()
  const titled = []
  const wantTitles = Math.ceil(count / 2)
  for (let guard = 0; titled.length < wantTitles && guard < wantTitles * 50; guard++) {
    const words = String(pages[pick(pages.length)].title ?? '')
      .split(SPLIT)
      .filter((w) => w.length >= 2 && ARABIC.test(w))
    if (!words.length) continue
    const two = words.length >= 2 && rand() < 0.5
    const start = pick(words.length - (two ? 1 : 0))
    const text = words.slice(start, start + (two ? 2 : 1)).join(' ')
    if (seen.has(text)) continue
    seen.add(text)
    titled.push({ kind: two ? 'title-2' : 'title-1', text })
  }
  const asked = []
  const pool = [...new Set(questions.map((q) => q.trim()).filter(Boolean))]
  for (let guard = 0; asked.length < count - titled.length && guard < pool.length * 4; guard++) {
    const text = pool[pick(pool.length)]
    if (seen.has(text)) continue
    seen.add(text)
    asked.push({ kind: 'question', text })
  }
  const all = [...titled, ...asked]
  for (let i = all.length - 1; i > 0; i--) {
    const j = pick(i + 1)
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all
}

/** The words of a question, as a user would type them one at a time (letters, marks, digits). */
export const questionWords = (text) => [
  ...new Set(
    String(text)
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(Boolean),
  ),
]

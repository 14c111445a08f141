import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from '../bench/lib/datasets.mjs'
import { type BenchDoc, FAHRAS_INDEX_OPTIONS } from '../bench/systems/fahras-system.mjs'
import { ArabicSearch, type DocumentId } from '../src/index.js'
import { packDocuments, PackedIndex } from '../src/packed.js'
import { compareResults, tieGroups } from './packed-compare.js'

// "Same results, provably" (issue 12) on the two open retrieval sets of bench/data: the index is
// built as the quality gate builds it (bench/systems/fahras-system.mjs: defaults, fields title and
// text), packed with pack() and with packDocuments() (the same bytes), loaded as a PackedIndex,
// and every question (every 6th without FAHRAS_FULL) must give the same top 10: same length,
// scores equal to 1e-6 relative at each rank, same ids in the same order but for tied scores (a
// tie group compared as a set; one cut by the 10th rank checked against ArabicSearch's deeper
// results), the same terms (as sets) and match, and the same snippets (every field) for the top 3.
// The text for the snippets comes from getText on both sides (the default index stores no field).
const FULL = process.env.FAHRAS_FULL !== undefined && process.env.FAHRAS_FULL !== '' && process.env.FAHRAS_FULL !== '0'
/** Every question under FAHRAS_FULL, every 6th otherwise (both sets take ~40 s in all). */
const STEP = FULL ? 1 : 6
const LIMIT = 10
const SNIPPET_DEPTH = 3
/** How deep ArabicSearch's list goes for a tie group cut by the 10th rank. */
const REFERENCE_DEPTH = 200

describe(`packed index parity on bench/data (${FULL ? 'every question' : 'every 6th question; FAHRAS_FULL runs every one'})`, () => {
  for (const name of RETRIEVAL_SETS) {
    it(`${name}: pack() and packDocuments() give the same bytes, and PackedIndex gives ArabicSearch's top 10, scores, terms, match and top-3 snippets`, () => {
      const set = loadDataset(DEFAULT_DATA, name)
      const texts = new Map<DocumentId, Record<string, string>>(
        set.docs.map((d): [DocumentId, Record<string, string>] => [d.id, { title: d.title, text: d.text }]),
      )
      const getText = (id: DocumentId, field: string): string | undefined => texts.get(id)?.[field]
      const options = {
        ...FAHRAS_INDEX_OPTIONS,
        fields: [...FAHRAS_INDEX_OPTIONS.fields] as Array<keyof BenchDoc & string>,
        getText,
      }
      const index = new ArabicSearch<BenchDoc>(options)
      index.addAll(set.docs)
      const bytes = index.pack()
      expect(Buffer.from(packDocuments(set.docs, options)).equals(Buffer.from(bytes))).toBe(true)
      const packed = PackedIndex.load(bytes, { getText })
      expect(packed.documentCount).toBe(set.docs.length)

      const problems: string[] = []
      let questions = 0
      let withTies = 0
      let withResults = 0
      let reordered = 0
      let snippetsCompared = 0
      for (let q = 0; q < set.queries.length; q += STEP) {
        const query = set.queries[q]!.text
        questions++
        const want = index.search(query, { limit: LIMIT })
        const got = packed.search(query, { limit: LIMIT })
        if (want.length > 0) withResults++
        for (const r of want.slice(0, SNIPPET_DEPTH)) snippetsCompared += Object.keys(r.snippets).length
        if (tieGroups(want).some(([start, end]) => end - start > 1)) withTies++
        const cutEnd = want.length === LIMIT
        // the last group of a full page may go on past it: when the ids differ, they are checked against a deeper list
        const sameIds = want.length === got.length && want.every((r, i) => r.id === got[i]!.id)
        if (!sameIds) reordered++
        const reference =
          cutEnd && !sameIds ? index.search(query, { limit: REFERENCE_DEPTH, snippets: false }) : undefined
        for (const p of compareResults(want, got, { cutEnd, reference, snippetDepth: SNIPPET_DEPTH }))
          problems.push(`${name} question ${set.queries[q]!.id} ${JSON.stringify(query)}: ${p}`)
      }
      console.log(
        `packed parity ${name}: ${questions} questions (${withResults} with results), ${withTies} with tie groups in the top ${LIMIT}, ${reordered} with ids in another order, ${snippetsCompared} snippets compared`,
      )
      expect(problems.slice(0, 20)).toEqual([])
      // the snippets were there to compare: the top 3 of nearly every question have a text snippet
      expect(snippetsCompared).toBeGreaterThan(withResults)
      expect(questions).toBe(Math.ceil(set.queries.length / STEP))
    }, 120_000)
  }
})

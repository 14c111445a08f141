import type { DocumentId } from '../src/index.js'

/**
 * Comparison of two result lists (ArabicSearch's, the expected, and PackedIndex's) under the tie
 * rule of issue 12: same length; scores equal to 1e-6 relative at each rank; same ids in the same
 * order, except that documents whose scores are equal (to 1e-9 relative) may come in either order
 * (a tie group is compared as a set). A tie group cut by the end of the page (or by its start,
 * with an offset) is compared against `reference`, the expected results of the same search
 * without a page: each id the packed index shows there must be one of the tied documents.
 * Returns the list of differences, empty when the lists agree.
 */

/** Scores are equal to this, relative, at each rank. */
export const SCORE_TOLERANCE = 1e-6
/** Documents whose scores are equal to this, relative, are a tie and may come in either order. */
export const TIE_TOLERANCE = 1e-9

export interface ComparedResult {
  readonly id: DocumentId
  readonly score: number
  readonly terms: readonly string[]
  readonly match: Readonly<Record<string, readonly string[]>>
  readonly snippets?: Readonly<Record<string, unknown>>
  readonly [key: string]: unknown
}

export interface CompareOptions {
  /** The page ends at `limit`: a tie group touching the end may go on past it. */
  readonly cutEnd: boolean
  /** The page starts at an `offset` > 0: a tie group touching the start may begin before it. */
  readonly cutStart?: boolean
  /** The expected results of the same search without offset and limit, for the cut groups. */
  readonly reference?: readonly ComparedResult[]
  /** Compare the snippets of the first `snippetDepth` results of `expected` (by id). */
  readonly snippetDepth?: number
  /** Compare the stored fields (every key but id, score, terms, match, snippets). */
  readonly storedFields?: boolean
}

export const close = (a: number, b: number, tolerance: number): boolean =>
  a === b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b))

/** Index ranges [start, end) of runs of tied scores, best first. */
export function tieGroups(results: readonly { readonly score: number }[]): Array<[number, number]> {
  const groups: Array<[number, number]> = []
  let start = 0
  for (let i = 1; i <= results.length; i++) {
    if (i < results.length && close(results[start]!.score, results[i]!.score, TIE_TOLERANCE)) continue
    groups.push([start, i])
    start = i
  }
  return groups
}

const sorted = (values: readonly unknown[]): string[] => values.map((v) => JSON.stringify(v)).sort()
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const matchOf = (m: Readonly<Record<string, readonly string[]>>): string =>
  JSON.stringify(
    Object.keys(m)
      .sort()
      .map((k) => [k, m[k]]),
  )
const storedOf = (r: ComparedResult): string =>
  JSON.stringify(
    Object.keys(r)
      .filter((k) => !['id', 'score', 'terms', 'match', 'snippets'].includes(k))
      .sort()
      .map((k) => [k, r[k]]),
  )

/** The differences between `expected` and `actual`, each a line; empty when they agree. */
export function compareResults(
  expected: readonly ComparedResult[],
  actual: readonly ComparedResult[],
  options: CompareOptions,
): string[] {
  const problems: string[] = []
  if (expected.length !== actual.length) {
    problems.push(
      `length ${actual.length}, expected ${expected.length}: ids ${JSON.stringify(actual.map((r) => r.id))}, expected ${JSON.stringify(expected.map((r) => [r.id, r.score]))}`,
    )
    return problems
  }
  for (let i = 0; i < expected.length; i++) {
    if (!close(expected[i]!.score, actual[i]!.score, SCORE_TOLERANCE))
      problems.push(
        `rank ${i + 1}: score ${actual[i]!.score} (id ${actual[i]!.id}), expected ${expected[i]!.score} (id ${expected[i]!.id})`,
      )
  }
  if (problems.length > 0) return problems
  const groups = tieGroups(expected)
  for (const [start, end] of groups) {
    const cut = (options.cutEnd && end === expected.length) || (options.cutStart === true && start === 0)
    const want = expected.slice(start, end).map((r) => r.id)
    const got = actual.slice(start, end).map((r) => r.id)
    if (new Set(got).size !== got.length)
      problems.push(`ranks ${start + 1}–${end}: repeated ids ${JSON.stringify(got)}`)
    if (!cut) {
      if (!same(sorted(want), sorted(got)))
        problems.push(
          `ranks ${start + 1}–${end}: ids ${JSON.stringify(got)}, expected ${JSON.stringify(want)} (scores ${expected[start]!.score})`,
        )
    } else if (options.reference !== undefined) {
      const score = expected[start]!.score
      const tied = new Set(
        options.reference.filter((r) => close(r.score, score, TIE_TOLERANCE)).map((r) => JSON.stringify(r.id)),
      )
      for (const id of got)
        if (!tied.has(JSON.stringify(id)))
          problems.push(
            `ranks ${start + 1}–${end} (a tie group cut by the page): id ${JSON.stringify(id)} is not one of the documents scored ${score}: ${[...tied].join(', ')}`,
          )
    }
  }
  // per document: terms (as sets), match, stored fields, snippets
  const byId = new Map(actual.map((r) => [JSON.stringify(r.id), r]))
  expected.forEach((want, rank) => {
    const got = byId.get(JSON.stringify(want.id))
    if (got === undefined) return // a cut tie group, checked above
    const where = `id ${JSON.stringify(want.id)} (rank ${rank + 1})`
    if (!same(sorted(want.terms), sorted(got.terms)))
      problems.push(`${where}: terms ${JSON.stringify(got.terms)}, expected ${JSON.stringify(want.terms)}`)
    if (matchOf(want.match) !== matchOf(got.match))
      problems.push(`${where}: match ${JSON.stringify(got.match)}, expected ${JSON.stringify(want.match)}`)
    if (options.storedFields === true && storedOf(want) !== storedOf(got))
      problems.push(`${where}: stored fields ${storedOf(got)}, expected ${storedOf(want)}`)
    if (rank < (options.snippetDepth ?? 0)) {
      const fields = new Set([...Object.keys(want.snippets ?? {}), ...Object.keys(got.snippets ?? {})])
      for (const field of [...fields].sort()) {
        const a = want.snippets?.[field]
        const b = got.snippets?.[field]
        if (!same(a, b))
          problems.push(`${where}: snippet of ${field} ${JSON.stringify(b)}, expected ${JSON.stringify(a)}`)
      }
    }
  })
  return problems
}

import { describe, expect, it } from 'vitest'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from '../bench/lib/datasets.mjs'
import { BASELINE_PATH, baselineProblem, readBaseline, scoreSystem } from '../bench/lib/quality-gate.mjs'
import { fahrasSystem } from '../bench/systems/fahras-system.mjs'
import { ArabicSearch } from '../src/index.js'

// The quality gate (issue 19): MRR@10 of fahras's defaults on the two open retrieval sets of
// bench/data, configured as bench/quality.mjs configures it (bench/systems/fahras-system.mjs),
// must stay within the tolerance of bench/quality-baseline.json. Moving it either way fails: a
// change that moves ranking updates the baseline in the same commit.
const baseline = readBaseline()
const SYSTEM = 'fahras defaults'
/** MRR@10 and nDCG@10 need the first 10 results only. */
const DEPTH = 10

describe('quality gate: MRR@10 on bench/data against bench/quality-baseline.json', () => {
  it('the baseline names both sets, with a tolerance of 0.003', () => {
    expect(baseline.tolerance).toBe(0.003)
    expect(Object.keys(baseline.systems[SYSTEM]?.sets ?? {}).sort()).toEqual([...RETRIEVAL_SETS].sort())
  })

  for (const name of RETRIEVAL_SETS) {
    it(`${name}: fahras defaults stay within the tolerance of the baseline`, () => {
      const set = loadDataset(DEFAULT_DATA, name)
      expect(set.warnings).toEqual({ unknownDocs: 0, unknownQueries: 0 })
      const metrics = scoreSystem(fahrasSystem(ArabicSearch), set, DEPTH)
      expect(metrics.queries).toBe(set.queries.length)
      const problem = baselineProblem({
        set: name,
        system: SYSTEM,
        measured: metrics.mrr10,
        baseline: baseline.systems[SYSTEM]?.sets[name]?.mrr10,
        tolerance: baseline.tolerance,
      })
      if (problem !== null) expect.fail(problem)
    })
  }
})

describe('quality gate: the comparison', () => {
  const check = (measured: number) =>
    baselineProblem({ set: 'xquad-ar', system: SYSTEM, measured, baseline: 0.939, tolerance: 0.003 })

  it('passes within the tolerance, both ways, the edges included', () => {
    for (const measured of [0.939, 0.936, 0.942, 0.9375, 0.9405]) expect(check(measured), String(measured)).toBeNull()
  })

  it('fails below the tolerance, naming the set, the new figure, the baseline and the file', () => {
    expect(check(0.912)).toBe(
      `xquad-ar (fahras defaults): MRR@10 0.9120 is 0.0270 below the baseline 0.9390 (${BASELINE_PATH}, tolerance 0.003); ` +
        'a change that moves ranking updates the baseline in the same commit (set it to 0.9120)',
    )
    expect(check(0.9359)).toMatch(/^xquad-ar \(fahras defaults\): MRR@10 0\.9359 is 0\.0031 below the baseline 0\.9390/)
  })

  it('fails above the tolerance too, so that the baseline records every ranking change', () => {
    expect(check(0.9421)).toMatch(
      /^xquad-ar \(fahras defaults\): MRR@10 0\.9421 is 0\.0031 above the baseline 0\.9390 \(bench\/quality-baseline\.json/,
    )
  })

  it('fails when the baseline has no figure for the set', () => {
    expect(
      baselineProblem({ set: 'new-set', system: SYSTEM, measured: 0.5, baseline: undefined, tolerance: 0.003 }),
    ).toBe('new-set (fahras defaults): no baseline MRR@10 in bench/quality-baseline.json; record 0.5000 there')
  })
})

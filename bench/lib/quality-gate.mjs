// The quality gate of `npm test` (tests/quality-gate.test.ts): MRR@10 of fahras on the open
// retrieval sets of bench/data, held within a tolerance of the figures recorded in
// bench/quality-baseline.json. A change that moves ranking, up or down, updates that file in the
// same commit, so that the history shows every ranking change.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { evaluateRun, topK } from './metrics.mjs'

/** The recorded baseline, as the failure message names it. */
export const BASELINE_PATH = 'bench/quality-baseline.json'
const BASELINE_FILE = fileURLToPath(new URL('../quality-baseline.json', import.meta.url))

/**
 * The baseline: `{ tolerance, systems: { <name>: { options, sets: { <set>: { mrr10 } } } } }`.
 * @param {string} [file]
 */
export function readBaseline(file = BASELINE_FILE) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/**
 * Builds `system` on a set (from bench/lib/datasets.mjs), runs every question for its first
 * `depth` results and scores the run: `{ mrr10, ndcg10, recall100, queries, emptyResults }`
 * (`recall100` is recall at `depth`; MRR@10 and nDCG@10 need a depth of 10 only).
 */
export function scoreSystem(system, set, depth = 100) {
  system.build(set.docs)
  const run = new Map()
  for (const q of set.queries) run.set(q.id, topK(system.search(q.text, depth).map(String), depth))
  return evaluateRun(run, set.qrels, { mrrK: 10, ndcgK: 10, recallK: depth })
}

const f4 = (x) => x.toFixed(4)
/** So that a gap of exactly the tolerance (0.9420 - 0.9390) is not failed by float rounding. */
const FLOAT_SLACK = 1e-9

/**
 * Null when `measured` is within `tolerance` of `baseline` (inclusive), else the message of the
 * failure: it names the set, the system, the new figure, the baseline and the file to update.
 * A figure above the baseline fails too, so that the baseline follows every ranking change.
 */
export function baselineProblem({ set, system, measured, baseline, tolerance, file = BASELINE_PATH }) {
  if (!Number.isFinite(measured)) return `${set} (${system}): MRR@10 is ${measured}, not a number`
  if (!Number.isFinite(baseline))
    return `${set} (${system}): no baseline MRR@10 in ${file}; record ${f4(measured)} there`
  const gap = measured - baseline
  if (Math.abs(gap) <= tolerance + FLOAT_SLACK) return null
  const where = gap < 0 ? 'below' : 'above'
  return (
    `${set} (${system}): MRR@10 ${f4(measured)} is ${f4(Math.abs(gap))} ${where} the baseline ${f4(baseline)} (${file}, tolerance ${tolerance}); ` +
    `a change that moves ranking updates the baseline in the same commit (set it to ${f4(measured)})`
  )
}

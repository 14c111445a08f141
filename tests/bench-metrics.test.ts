import { describe, expect, it } from 'vitest'
import { dcg, evaluateRun, ndcg, reciprocalRank, recall, topK } from '../bench/lib/metrics.mjs'

const one = new Map([['d1', 1]])

describe('bench metrics: MRR@10', () => {
  it('is 1 when the relevant doc is ranked first', () => {
    expect(reciprocalRank(['d1', 'd2', 'd3'], one)).toBe(1)
  })
  it('is 1/3 when the relevant doc is ranked third', () => {
    expect(reciprocalRank(['d2', 'd3', 'd1'], one)).toBeCloseTo(1 / 3, 12)
  })
  it('uses the first relevant doc only', () => {
    const two = new Map([
      ['a', 1],
      ['b', 1],
    ])
    expect(reciprocalRank(['x', 'b', 'a'], two)).toBe(0.5)
  })
  it('is 0 beyond rank 10, for no results, and for non-relevant grades', () => {
    const ranked = Array.from({ length: 10 }, (_, i) => `x${i}`).concat('d1')
    expect(reciprocalRank(ranked, one)).toBe(0)
    expect(reciprocalRank(ranked, one, 11)).toBeCloseTo(1 / 11, 12)
    expect(reciprocalRank([], one)).toBe(0)
    expect(reciprocalRank(['d0'], new Map([['d0', 0]]))).toBe(0)
  })
  it('accepts plain-object judgements', () => {
    expect(reciprocalRank(['a', 'b'], { b: 2 })).toBe(0.5)
  })
})

describe('bench metrics: nDCG@10', () => {
  it('is 1 for an ideal ranking and for a single relevant doc at rank 1', () => {
    expect(ndcg(['d1', 'x'], one)).toBe(1)
    expect(
      ndcg(
        ['a', 'b', 'x'],
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
      ),
    ).toBeCloseTo(1, 12)
  })
  it('uses the log2 discount: single relevant doc at rank 3 -> 1/log2(4) = 0.5', () => {
    expect(ndcg(['x', 'y', 'd1'], one)).toBeCloseTo(0.5, 12)
  })
  it('two binary-relevant docs at ranks 2 and 4, computed by hand', () => {
    // DCG = 1/log2(3) + 1/log2(5); IDCG = 1/log2(2) + 1/log2(3)
    const rel = new Map([
      ['a', 1],
      ['b', 1],
    ])
    const dcgHand = 1 / Math.log2(3) + 1 / Math.log2(5) // 0.63093 + 0.43068 = 1.06161
    const idcgHand = 1 + 1 / Math.log2(3) // 1.63093
    expect(ndcg(['x', 'a', 'y', 'b'], rel)).toBeCloseTo(dcgHand / idcgHand, 12)
    expect(ndcg(['x', 'a', 'y', 'b'], rel)).toBeCloseTo(0.65093, 4)
  })
  it('graded relevance with linear gain: grades 2 and 1 swapped', () => {
    // ranking b(1), a(2): DCG = 1 + 2/log2(3) = 2.26186; IDCG = 2 + 1/log2(3) = 2.63093
    const rel = new Map([
      ['a', 2],
      ['b', 1],
    ])
    expect(ndcg(['b', 'a'], rel)).toBeCloseTo((1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)), 12)
    expect(ndcg(['b', 'a'], rel)).toBeCloseTo(0.85972, 4)
  })
  it('counts only the top k, and a relevant doc that is missed lowers the ideal ratio', () => {
    const rel = new Map([
      ['a', 1],
      ['b', 1],
    ])
    // only a at rank 1 retrieved: 1 / (1 + 1/log2(3)) = 0.61315
    expect(ndcg(['a'], rel)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12)
    const late = Array.from({ length: 10 }, (_, i) => `x${i}`).concat('a')
    expect(ndcg(late, rel)).toBe(0)
  })
  it('dcg of grades', () => {
    expect(dcg([1, 0, 1])).toBeCloseTo(1 + 0.5, 12)
    expect(dcg([])).toBe(0)
  })
})

describe('bench metrics: Recall@100', () => {
  it('is the share of relevant docs retrieved in the top k', () => {
    const rel = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['z', 0],
    ])
    expect(recall(['a', 'x', 'c', 'z'], rel)).toBeCloseTo(2 / 3, 12)
    expect(recall(['a', 'b', 'c'], rel)).toBe(1)
    expect(recall([], rel)).toBe(0)
  })
  it('stops at k', () => {
    const ranked = Array.from({ length: 100 }, (_, i) => `x${i}`).concat('d1')
    expect(recall(ranked, one)).toBe(0)
    expect(recall(ranked, one, 101)).toBe(1)
  })
  it('ignores repeated ids: they neither score twice nor take a rank', () => {
    expect(topK(['a', 'a', 'b', 'a', 'c'], 2)).toEqual(['a', 'b'])
    expect(recall(['x', 'x', 'x', 'd1'], one, 2)).toBe(1)
    expect(reciprocalRank(['x', 'x', 'd1'], one)).toBe(0.5)
    expect(
      recall(
        ['d1', 'd1'],
        new Map([
          ['d1', 1],
          ['d2', 1],
        ]),
      ),
    ).toBe(0.5)
    expect(
      ndcg(
        ['d1', 'd1'],
        new Map([
          ['d1', 1],
          ['d2', 1],
        ]),
      ),
    ).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12)
  })
})

describe('bench metrics: evaluateRun', () => {
  it('averages over queries with a relevant doc; missing or empty results score 0', () => {
    const qrels = new Map<string, Map<string, number>>([
      ['q1', new Map([['d1', 1]])], // rank 1: RR 1, nDCG 1, R 1
      ['q2', new Map([['d2', 1]])], // rank 2: RR 0.5, nDCG 1/log2(3), R 1
      ['q3', new Map([['d3', 1]])], // empty result list: 0
      ['q4', new Map([['d4', 1]])], // not in the run at all: 0
      ['q5', new Map([['d5', 0]])], // no relevant doc: not averaged
    ])
    const run = new Map<string, string[]>([
      ['q1', ['d1', 'd9']],
      ['q2', ['d9', 'd2']],
      ['q3', []],
      ['q5', ['d5']],
    ])
    const m = evaluateRun(run, qrels)
    expect(m.queries).toBe(4)
    expect(m.emptyResults).toBe(2)
    expect(m.mrr10).toBeCloseTo((1 + 0.5) / 4, 12)
    expect(m.ndcg10).toBeCloseTo((1 + 1 / Math.log2(3)) / 4, 12)
    expect(m.recall100).toBeCloseTo(2 / 4, 12)
  })
})

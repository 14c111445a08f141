// Retrieval-quality metrics for bench/quality.mjs.
//
// Conventions (the usual trec_eval ones):
// - `ranked` is a list of doc ids, best first. Duplicate ids are ignored after their
//   first occurrence, so a system cannot earn credit twice for one document.
// - `judgements` maps doc id -> relevance grade (a Map or a plain object). Only
//   grades > 0 count as relevant; unjudged docs count as non-relevant.
// - nDCG uses linear gain (gain = grade) and the log2 discount 1 / log2(rank + 1);
//   the ideal DCG sorts all judged grades of the query in decreasing order.
// - Averages run over every query with at least one relevant doc; a query that the
//   system answered with no results (or did not answer at all) scores 0.

/** @param {Map<string, number> | Record<string, number>} judgements */
function toMap(judgements) {
  return judgements instanceof Map ? judgements : new Map(Object.entries(judgements))
}

/** First `k` distinct ids of `ranked`. */
export function topK(ranked, k) {
  const seen = new Set()
  const out = []
  for (const id of ranked ?? []) {
    if (out.length >= k) break
    if (seen.has(id)) continue
    seen.add(id)
    out.push(id)
  }
  return out
}

/** Reciprocal rank of the first relevant doc within the top k (0 if none). */
export function reciprocalRank(ranked, judgements, k = 10) {
  const rel = toMap(judgements)
  const top = topK(ranked, k)
  for (let i = 0; i < top.length; i++) {
    if ((rel.get(top[i]) ?? 0) > 0) return 1 / (i + 1)
  }
  return 0
}

/** DCG of a list of grades (rank 1 first): sum grade_i / log2(i + 1). */
export function dcg(grades) {
  let sum = 0
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i]
    if (g > 0) sum += g / Math.log2(i + 2)
  }
  return sum
}

/** nDCG@k with graded relevance (linear gain) and log2 discount. */
export function ndcg(ranked, judgements, k = 10) {
  const rel = toMap(judgements)
  const ideal = [...rel.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
  const idcg = dcg(ideal)
  if (idcg === 0) return 0
  const gains = topK(ranked, k).map((id) => rel.get(id) ?? 0)
  return dcg(gains) / idcg
}

/** Recall@k: share of the relevant docs (grade > 0) found in the top k. */
export function recall(ranked, judgements, k = 100) {
  const rel = toMap(judgements)
  let nRel = 0
  for (const g of rel.values()) if (g > 0) nRel++
  if (nRel === 0) return 0
  let found = 0
  for (const id of topK(ranked, k)) if ((rel.get(id) ?? 0) > 0) found++
  return found / nRel
}

/** True if the query has at least one relevant doc. */
export function hasRelevant(judgements) {
  for (const g of toMap(judgements).values()) if (g > 0) return true
  return false
}

/**
 * Mean MRR@10, nDCG@10 and Recall@100 of a run.
 * @param {Map<string, string[]> | Record<string, string[]>} run  query id -> ranked doc ids
 * @param {Map<string, Map<string, number>>} qrels  query id -> (doc id -> grade)
 * @param {{ mrrK?: number, ndcgK?: number, recallK?: number }} [opts]
 */
export function evaluateRun(run, qrels, opts = {}) {
  const { mrrK = 10, ndcgK = 10, recallK = 100 } = opts
  const get = run instanceof Map ? (q) => run.get(q) : (q) => run[q]
  let n = 0
  let mrr = 0
  let nd = 0
  let rc = 0
  let empty = 0
  for (const [qid, judgements] of qrels) {
    if (!hasRelevant(judgements)) continue
    n++
    const ranked = get(qid) ?? []
    if (ranked.length === 0) {
      empty++
      continue // scores 0 on every metric
    }
    mrr += reciprocalRank(ranked, judgements, mrrK)
    nd += ndcg(ranked, judgements, ndcgK)
    rc += recall(ranked, judgements, recallK)
  }
  return {
    queries: n,
    emptyResults: empty,
    mrr10: n ? mrr / n : 0,
    ndcg10: n ? nd / n : 0,
    recall100: n ? rc / n : 0,
  }
}

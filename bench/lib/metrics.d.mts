// Types for bench/lib/metrics.mjs (so the TypeScript tests type-check).
export type Judgements = Map<string, number> | Record<string, number>;
export interface RunMetrics {
  queries: number;
  emptyResults: number;
  mrr10: number;
  ndcg10: number;
  recall100: number;
}
export function topK(ranked: readonly string[] | null | undefined, k: number): string[];
export function reciprocalRank(ranked: readonly string[], judgements: Judgements, k?: number): number;
export function dcg(grades: readonly number[]): number;
export function ndcg(ranked: readonly string[], judgements: Judgements, k?: number): number;
export function recall(ranked: readonly string[], judgements: Judgements, k?: number): number;
export function hasRelevant(judgements: Judgements): boolean;
export function evaluateRun(
  run: Map<string, string[]> | Record<string, string[]>,
  qrels: Map<string, Map<string, number>>,
  opts?: { mrrK?: number; ndcgK?: number; recallK?: number },
): RunMetrics;

// Types for bench/lib/datasets.mjs (so the TypeScript tests type-check).
import type { BenchDoc } from '../systems/fahras-system.mjs'

export interface RetrievalSet {
  name: string
  dir: string
  docs: BenchDoc[]
  queries: Array<{ id: string; text: string }>
  qrels: Map<string, Map<string, number>>
  warnings: { unknownDocs: number; unknownQueries: number }
}
export const DEFAULT_DATA: string
export const RETRIEVAL_SETS: readonly string[]
export function readQrels(file: string): Map<string, Map<string, number>>
export function loadDataset(dataDir: string, name: string): RetrievalSet

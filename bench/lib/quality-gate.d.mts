// Types for bench/lib/quality-gate.mjs (so the TypeScript tests type-check).
import type { RunMetrics } from './metrics.mjs'
import type { BenchSystem } from '../systems/fahras-system.mjs'
import type { RetrievalSet } from './datasets.mjs'

export interface QualityBaseline {
  about?: string
  tolerance: number
  systems: Record<string, { options?: string; sets: Record<string, { mrr10: number }> }>
}
export const BASELINE_PATH: string
export function readBaseline(file?: string): QualityBaseline
export function scoreSystem(system: BenchSystem, set: RetrievalSet, depth?: number): RunMetrics
export function baselineProblem(args: {
  set: string
  system: string
  measured: number
  baseline: number | undefined
  tolerance: number
  file?: string
}): string | null

export { analyze } from './analyze.js'
export type { AnalyzerOptions, AnalyzedTerm, ResolvedAnalyzerOptions } from './analyze.js'

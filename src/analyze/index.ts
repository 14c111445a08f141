export { analyze } from './analyze.js'
export type { AnalyzerOptions, AnalyzedTerm, ResolvedAnalyzerOptions } from './analyze.js'
export { createAnalyzer } from './reusable.js'
export type { TextAnalyzer } from './reusable.js'

export * from './normalize/index.js'
export * from './tokenize/index.js'
export * from './stopwords/index.js'
export * from './stem/index.js'
export * from './analyze/index.js'
export { ERROR_CODES, isFahrasError } from './errors.js'
export type { FahrasError, FahrasErrorCode } from './errors.js'
/** @internal The analyzer factory, for the benchmarks and the search index. */
export { createAnalyzer as __createAnalyzer } from './analyze/analyze.js'

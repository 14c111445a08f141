export { normalize, normalizeText, DEFAULT_NORMALIZE_OPTIONS } from './normalize.js'
export type { NormalizeOptions, NormalizedText, ResolvedNormalizeOptions } from './normalize.js'
export { NORMALIZATION_RULES, DAGGER_ALEF_SILENT_WORDS } from './rules.js'
export type { CodeRange, ContextRuleName, NormalizationRule, RuleGroup } from './rules.js'

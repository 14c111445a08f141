export {
  indexSettings,
  DEFAULT_ANALYZER_NAME,
  DEFAULT_MAPPED_FIELDS,
  type IndexSettingsOptions,
  type IndexDefinition,
  type AnalysisSettings,
  type TextFieldMapping,
  MAX_TERM_LENGTH,
} from './settings.js'
export { bulkLines, type BulkOptions } from './bulk.js'

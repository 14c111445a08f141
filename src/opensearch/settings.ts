import {
  type Analyzer,
  type AnalyzerOptions,
  createAnalyzer,
  type ResolvedAnalyzerOptions,
  resolveAnalyzerOptions,
} from '../analyze/analyze.js'
import { checkOptions, createError, describe, ERROR_CODES } from '../errors.js'
import { normalizationCharFilters } from './char-filters.js'
import { analyzerNameProblem, EXACT_SUBFIELD, fieldListProblem, type Component } from './names.js'
import { stemFilters } from './stem-filters.js'
import { tokenPattern } from './tokenizer.js'

/**
 * The analyzer's name in the generated settings unless `name` is given.
 *
 * @example
 * ```ts
 * indexSettings().mappings.properties.text.analyzer // → 'fahras_arabic'
 * ```
 */
export const DEFAULT_ANALYZER_NAME = 'fahras_arabic'

/**
 * The fields mapped with the analyzer unless `fields` is given.
 *
 * @example
 * ```ts
 * Object.keys(indexSettings().mappings.properties) // → ['title', 'text']
 * ```
 */
export const DEFAULT_MAPPED_FIELDS: readonly string[] = ['title', 'text']

/**
 * The longest term the generated analyzer keeps, in UTF-16 code units. Lucene refuses a term
 * longer than 32,766 UTF-8 bytes (the whole document is rejected); a code unit takes at most 3
 * bytes, so longer terms are dropped by a `length` filter. fahras itself keeps them.
 *
 * @example
 * ```ts
 * indexSettings().settings.analysis.filter.fahras_arabic_length // → { type: 'length', min: 1, max: 10922 }
 * ```
 */
export const MAX_TERM_LENGTH = 10_922

/**
 * Options of {@link indexSettings}.
 *
 * @example
 * ```ts
 * const options: IndexSettingsOptions = { fields: ['title', 'body'], analyzer: { keep: ['الجزيرة'] } }
 * ```
 */
export interface IndexSettingsOptions {
  /**
   * The fahras analyzer options to reproduce: those an `ArabicSearch` was built with
   * (`search.analyzerOptions`), or the same fields as its constructor takes them (`normalize`,
   * `stopWords`, `extraStopWords`, `stem`, `keep`). @default the defaults
   */
  readonly analyzer?: AnalyzerOptions
  /**
   * The analyzer's name in the settings; also the prefix of its components' names. Letters,
   * digits, `_` and `-`, not starting with `_` or `-`; not `default`, `default_search`,
   * `default_search_quoted` or `default_index`, names the engines read as settings of the whole
   * index (an analyzer named `default` would analyze every text field, not only `fields`).
   * @default 'fahras_arabic'
   */
  readonly name?: string
  /**
   * Text fields mapped with the analyzer. A dot separates an object from its field (`meta.title`).
   * Refused as the engines would refuse them: an empty or blank name or part between dots, a
   * leading or trailing dot, a control character or lone surrogate, a leading `_`, and a field
   * listed with another inside it (`title` and `title.exact`, which is also the exact-form
   * subfield's name). @default ['title', 'text']
   */
  readonly fields?: readonly string[]
  /**
   * Also define `<name>_exact` (the same analysis without stemming) and map it as a subfield
   * `<field>.exact` of each field, so that a query can reward the word as written, as fahras's
   * `exactBoost` does. @default true when the analyzer stems, false when it does not
   */
  readonly exact?: boolean
}

/**
 * The `analysis` block of index settings: named components and the custom analyzer.
 *
 * @example
 * ```ts
 * const analysis: AnalysisSettings = indexSettings().settings.analysis
 * analysis.analyzer.fahras_arabic.tokenizer // → 'fahras_arabic_tokenizer'
 * ```
 */
export interface AnalysisSettings {
  char_filter: Record<string, Record<string, unknown>>
  tokenizer: Record<string, Record<string, unknown>>
  filter: Record<string, Record<string, unknown>>
  analyzer: Record<string, { type: 'custom'; char_filter: string[]; tokenizer: string; filter: string[] }>
}

/**
 * A text field's mapping.
 *
 * @example
 * ```ts
 * const title: TextFieldMapping = indexSettings().mappings.properties.title
 * // → { type: 'text', analyzer: 'fahras_arabic', fields: { exact: { type: 'text', analyzer: 'fahras_arabic_exact' } } }
 * ```
 */
export interface TextFieldMapping {
  type: 'text'
  analyzer: string
  fields?: Record<string, { type: 'text'; analyzer: string }>
}

/**
 * The body of `PUT /<index>`: settings with the analyzer, and the field mapping that uses it.
 *
 * @example
 * ```ts
 * const body: IndexDefinition = indexSettings()
 * await fetch('http://localhost:9200/articles', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
 * ```
 */
export interface IndexDefinition {
  settings: { analysis: AnalysisSettings }
  mappings: { properties: Record<string, TextFieldMapping> }
}

// ---------------------------------------------------------------------------------------------

const OPTIONS_SCHEMA = { analyzer: 'object', name: 'string', fields: 'string[]', exact: 'boolean' } as const
/** Stop words the engines would read as a named list (_english_, _arabic_, _none_…). */
const NAMED_WORD_LIST = /^_[a-z]+_$/

/** The options of {@link indexSettings}, checked, and the analyzer they describe. @internal */
interface CheckedSettingsOptions {
  readonly name: string
  readonly fields: readonly string[]
  readonly analyzerOptions: ResolvedAnalyzerOptions
  readonly analyzer: Analyzer
  readonly exact: boolean
}

/** Checks the options of {@link indexSettings}; throws FAHRAS_INVALID_OPTION. @internal */
function checkSettingsOptions(options: IndexSettingsOptions | undefined): CheckedSettingsOptions {
  const given = checkOptions(options, 'indexSettings()', OPTIONS_SCHEMA)
  const name = (given.name as string | undefined) ?? DEFAULT_ANALYZER_NAME
  const nameProblem = analyzerNameProblem(name)
  if (nameProblem !== null) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `indexSettings() expected \`name\` to be an analyzer name the engines take as it is (letters, digits, _ and -, not starting with _ or -; not default, default_search, default_search_quoted or default_index), got ${describe(name)}: ${nameProblem}`,
      { option: 'name' },
      'type',
    )
  }
  const fields = (given.fields as string[] | undefined) ?? DEFAULT_MAPPED_FIELDS
  if (fields.length === 0) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `indexSettings() expected \`fields\` to be a non-empty list of field names, got ${describe(fields)}`,
      { option: 'fields' },
      'type',
    )
  }
  const analyzerOptions = resolveAnalyzerOptions(given.analyzer, 'indexSettings() option `analyzer`')
  const analyzer = createAnalyzer(analyzerOptions, 'indexSettings() option `analyzer`')
  const named = [...analyzer.stopWords].find((w) => NAMED_WORD_LIST.test(w))
  if (named !== undefined) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `indexSettings() cannot write the stop word ${describe(named)}: the engines read a word like _name_ as one of their named lists`,
      { option: 'analyzer' },
      'type',
    )
  }
  // Without stemming, the exact analyzer would be the main one again: no subfield unless asked.
  const exact = (given.exact as boolean | undefined) ?? analyzerOptions.stem
  const badField = fieldListProblem(fields, exact)
  if (badField !== null) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `indexSettings() expected \`fields\` to be field names the engines accept (not starting with _, which the engines keep for their own fields; no empty or blank part between dots, no control character, no field inside another listed one), got ${describe(badField.field)}: ${badField.problem}`,
      { option: 'fields', field: badField.field },
      'type',
    )
  }
  return { name, fields, analyzerOptions, analyzer, exact }
}

/** The stop filter of these stop words, or none when there are none. @internal */
function stopFilters(stopWords: ReadonlySet<string>, name: string): Component[] {
  if (stopWords.size === 0) return []
  return [{ name: `${name}_stop`, definition: { type: 'stop', stopwords: [...stopWords].sort(), ignore_case: false } }]
}

/**
 * Index settings for Elasticsearch 8+ and OpenSearch 2+ whose analyzer reproduces fahras's
 * analysis (normalize → tokenize → stop words → light stem, offsets into the original text),
 * built only from components both engines ship: `mapping` and `pattern_replace` char filters,
 * the `pattern` tokenizer, and `stop`, `pattern_replace` and `length` token filters. It is
 * generated from the library's own rule tables and word lists, so the two cannot drift apart;
 * `docs/scaling.md` lists the few inputs on which they differ.
 *
 * @example
 * ```ts
 * import { indexSettings } from 'fahras/opensearch'
 * const body = indexSettings({ fields: ['title', 'text'] })
 * await fetch('http://localhost:9200/articles', {
 *   method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
 * })
 * ```
 */
export function indexSettings(options?: IndexSettingsOptions): IndexDefinition {
  const { name, fields, analyzerOptions, analyzer, exact } = checkSettingsOptions(options)
  const charFilters = normalizationCharFilters(analyzerOptions.normalize, name)
  const stop = stopFilters(analyzer.stopWords, name)
  const stems = analyzerOptions.stem ? stemFilters(analyzer.keep, name) : []
  const length: Component = { name: `${name}_length`, definition: { type: 'length', min: 1, max: MAX_TERM_LENGTH } }
  const tokenFilters = [...stop, ...stems, length]

  const tokenizer = `${name}_tokenizer`
  const custom = (filters: Component[]) => ({
    type: 'custom' as const,
    char_filter: charFilters.map((c) => c.name),
    tokenizer,
    filter: filters.map((c) => c.name),
  })
  const exactName = `${name}_exact`
  const field = (): TextFieldMapping =>
    exact
      ? { type: 'text', analyzer: name, fields: { [EXACT_SUBFIELD]: { type: 'text', analyzer: exactName } } }
      : { type: 'text', analyzer: name }
  return {
    settings: {
      analysis: {
        char_filter: Object.fromEntries(charFilters.map((c) => [c.name, c.definition])),
        tokenizer: { [tokenizer]: { type: 'pattern', pattern: tokenPattern(), group: 0 } },
        filter: Object.fromEntries(tokenFilters.map((c) => [c.name, c.definition])),
        analyzer: exact
          ? { [name]: custom(tokenFilters), [exactName]: custom([...stop, length]) }
          : { [name]: custom(tokenFilters) },
      },
    },
    mappings: { properties: Object.fromEntries(fields.map((f) => [f, field()])) },
  }
}

/**
 * The settings of an index that change its results without changing its terms (field weights,
 * default search options, snippet options, function options), recorded in a saved index from
 * format version 2 on, so that a loaded index answers every query as the one saved. @internal
 */
import { createError, ERROR_CODES } from '../errors.js'
import type { ResolvedSnippetOptions } from '../highlight/highlight.js'
import { copyData, copyStoredValue } from './documents.js'

/** Options that are functions: a saved index records that they were given, not what they are. */
export const FUNCTION_OPTIONS = ['getText', 'searchOptions.filter', 'searchOptions.boostDocument'] as const
const SEARCH_FUNCTIONS = ['filter', 'boostDocument']
const SETTINGS_KEYS = ['boost', 'searchOptions', 'snippet', 'functions']

/** What a saved index (format 2) records in `settings`. */
export interface SavedSettings {
  readonly boost: Readonly<Record<string, number>>
  /** The default search options without their functions. */
  readonly searchOptions: Readonly<Record<string, unknown>>
  readonly snippet: ResolvedSnippetOptions
  /** Which of {@link FUNCTION_OPTIONS} were given. */
  readonly functions: readonly string[]
}

/** The options an index was built with, as far as settings go. */
export interface SettingsSource {
  readonly boost?: unknown
  readonly searchOptions?: object
  readonly getText?: unknown
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const has = (o: object | undefined, key: string) =>
  o !== undefined && typeof (o as Record<string, unknown>)[key] === 'function'

/** The settings of an index built with `options` (and these resolved snippet options). */
export function settingsOf(options: SettingsSource, snippet: ResolvedSnippetOptions): SavedSettings {
  const searchOptions: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options.searchOptions ?? {})) {
    if (!SEARCH_FUNCTIONS.includes(key) && value !== undefined) searchOptions[key] = copyData(value)
  }
  return {
    boost: copyData((options.boost ?? {}) as Record<string, number>),
    searchOptions,
    snippet: copyData(snippet),
    functions: FUNCTION_OPTIONS.filter((name) =>
      name === 'getText' ? has(options, name) : has(options.searchOptions, name.slice(14)),
    ),
  }
}

/**
 * Reads the `settings` of a saved index: an object of JSON data with exactly the keys above.
 * Their values are checked as options when the index is built; `damaged` makes the error.
 */
export function readSettings(value: unknown, damaged: (what: string) => Error): SavedSettings {
  const copied = copyStoredValue(value, 'settings')
  const s = 'value' in copied ? copied.value : undefined
  if (
    !isObject(s) ||
    Object.keys(s).length !== SETTINGS_KEYS.length ||
    !SETTINGS_KEYS.every((k) => Object.hasOwn(s, k))
  ) {
    throw damaged(`\`settings\` is not an object of ${SETTINGS_KEYS.join(', ')}`)
  }
  const functions = s.functions
  if (
    !isObject(s.boost) ||
    !isObject(s.searchOptions) ||
    !isObject(s.snippet) ||
    !Array.isArray(functions) ||
    !functions.every((f) => (FUNCTION_OPTIONS as readonly unknown[]).includes(f))
  ) {
    throw damaged('`settings` holds a value of the wrong type')
  }
  return s as unknown as SavedSettings
}

/**
 * The options of a loaded index where the caller left them out: the saved field weights and
 * snippet options, and the saved default search options under the caller's (so that the
 * caller can give the functions again: `searchOptions: { filter }`).
 */
export function withSettings(options: Record<string, unknown>, settings: SavedSettings): Record<string, unknown> {
  // the snippet options under their old name `snippet`, the key the saved settings keep
  const { snippets, ...rest } = options
  return {
    ...rest,
    boost: options.boost ?? settings.boost,
    snippet: snippets ?? options.snippet ?? settings.snippet,
    searchOptions: { ...settings.searchOptions, ...(options.searchOptions as object | undefined) },
  }
}

/**
 * Throws FAHRAS_ANALYZER_MISMATCH unless the loaded index has the saved settings: the same
 * weights, default search options and snippet options, and every function option that the
 * saved index was built with given again (a `getText` may be added; the other functions change
 * which results come and in what order, and may not).
 */
export function checkSettings(
  saved: SavedSettings,
  built: SavedSettings,
  same: (a: unknown, b: unknown) => boolean,
): void {
  const mismatch = (message: string, option: string) =>
    createError(ERROR_CODES.ANALYZER_MISMATCH, `loadJSON(): ${message}`, { option })
  for (const key of ['boost', 'searchOptions', 'snippet'] as const) {
    if (!same(saved[key], built[key])) {
      throw mismatch(
        `the index was saved with \`${key}\` ${JSON.stringify(saved[key])}, but the options give ${JSON.stringify(built[key])}; leave \`${key}\` out to use the saved one (per-search options override it)`,
        key,
      )
    }
  }
  for (const name of FUNCTION_OPTIONS) {
    const wasGiven = saved.functions.includes(name)
    if (wasGiven && !built.functions.includes(name)) {
      throw mismatch(
        `the index was built with the function option \`${name}\`, which a saved index cannot hold: give it again to loadJSON()`,
        name,
      )
    }
    if (!wasGiven && name !== 'getText' && built.functions.includes(name)) {
      throw mismatch(
        `the index was built without \`${name}\`, which changes results; pass it to search() instead`,
        name,
      )
    }
  }
}

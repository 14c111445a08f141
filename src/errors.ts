/**
 * Error codes thrown by fahras. Every error thrown at the API boundary carries one of these
 * in its `code` property, and its message starts with `fahras: `.
 */
export const ERROR_CODES = {
  /** A public function got an argument of the wrong type. */
  INVALID_ARGUMENT: 'FAHRAS_INVALID_ARGUMENT',
  /** An options object has an unknown key or a value of the wrong type or range. */
  INVALID_OPTION: 'FAHRAS_INVALID_OPTION',
  /** A document has no id, or an id that is not a string or a finite number. */
  MISSING_ID: 'FAHRAS_MISSING_ID',
  /** A document with this id is already in the index. */
  DUPLICATE_ID: 'FAHRAS_DUPLICATE_ID',
  /** No document with this id is in the index. */
  UNKNOWN_ID: 'FAHRAS_UNKNOWN_ID',
  /** A document is not a plain object, or one of its indexed fields holds an object or array. */
  INVALID_DOCUMENT: 'FAHRAS_INVALID_DOCUMENT',
  /** A saved index is not valid JSON, or not a fahras index, or is damaged. */
  INVALID_INDEX: 'FAHRAS_INVALID_INDEX',
  /** A saved index was written by another format version. */
  INDEX_VERSION_MISMATCH: 'FAHRAS_INDEX_VERSION_MISMATCH',
  /** A saved index was built with other analyzer options than the ones given to load it. */
  ANALYZER_MISMATCH: 'FAHRAS_ANALYZER_MISMATCH',
  /** An asynchronous operation was cancelled through its AbortSignal. */
  ABORTED: 'FAHRAS_ABORTED',
  /**
   * The installed MiniSearch lacks an internal that fahras reads (another version than the minor
   * one fahras is tested with, `TESTED_MINISEARCH`): thrown when an index is made or loaded.
   */
  ENGINE_MISMATCH: 'FAHRAS_ENGINE_MISMATCH',
  /** A file of a site index could not be fetched (or read from disk): `details.url`, `details.status`. */
  SITE_FETCH: 'FAHRAS_SITE_FETCH',
  /**
   * A site's folder, as given to `buildSite()` (`fahras site`), cannot be read, or holds no page
   * to index (the previous index is left as it was).
   */
  SITE: 'FAHRAS_SITE',
} as const

/** One of the values of {@link ERROR_CODES}. */
export type FahrasErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES]

/**
 * The error class of fahras: a `TypeError` subclass when the caller passed a value of the wrong
 * type, otherwise an `Error`, in both cases with a `code`.
 *
 * @example
 * ```ts
 * try { normalize(42 as any) } catch (e) { if (isFahrasError(e)) console.log(e.code) }
 * // → 'FAHRAS_INVALID_ARGUMENT'
 * ```
 */
export interface FahrasError extends Error {
  readonly code: FahrasErrorCode
  /** Extra machine-readable facts about the failure (the field, the id, the index of a document…). */
  readonly details?: Readonly<Record<string, unknown>>
}

/** Builds a coded error; `kind` chooses between `TypeError` and `Error`. @internal */
export function createError(
  code: FahrasErrorCode,
  message: string,
  details?: Record<string, unknown>,
  kind: 'type' | 'plain' = 'plain',
): FahrasError {
  const error = (kind === 'type' ? new TypeError(`fahras: ${message}`) : new Error(`fahras: ${message}`)) as Error & {
    code: FahrasErrorCode
    details?: Record<string, unknown>
  }
  error.code = code
  if (details !== undefined) error.details = details
  return error
}

/**
 * Tells whether a value is an error thrown by fahras (it has a `FAHRAS_` code).
 *
 * @example
 * ```ts
 * isFahrasError(new Error('x')) // → false
 * ```
 */
export function isFahrasError(value: unknown): value is FahrasError {
  return (
    value instanceof Error &&
    typeof (value as unknown as { code?: unknown }).code === 'string' &&
    (value as unknown as { code: string }).code.startsWith('FAHRAS_')
  )
}

/** Describes a value for an error message: its type and a short preview. @internal */
export function describe(value: unknown): string {
  if (value === null) return '`null`'
  if (value === undefined) return '`undefined`'
  if (Array.isArray(value)) return `an array (length ${value.length})`
  const type = typeof value
  if (type === 'string') {
    const s = value as string
    return `\`${JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)}\` (string)`
  }
  if (type === 'number' || type === 'boolean' || type === 'bigint') return `\`${String(value)}\` (${type})`
  if (type === 'function') return 'a function'
  if (type === 'symbol') return 'a symbol'
  return 'an object'
}

/** Throws FAHRAS_INVALID_ARGUMENT unless `value` is a string. @internal */
export function assertString(value: unknown, fn: string, name = 'text'): asserts value is string {
  if (typeof value !== 'string') {
    throw createError(
      ERROR_CODES.INVALID_ARGUMENT,
      `${fn}() expected \`${name}\` to be a string, got ${describe(value)}`,
      { argument: name },
      'type',
    )
  }
}

/**
 * The `signal` option, checked: undefined, or an object with a boolean `aborted` (an
 * `AbortSignal`); anything else throws `FAHRAS_INVALID_OPTION`. @internal
 */
export function checkSignal(signal: unknown, where: string): AbortSignal | undefined {
  if (signal === undefined) return undefined
  if (signal === null || typeof signal !== 'object' || typeof (signal as { aborted?: unknown }).aborted !== 'boolean')
    throw invalidOption(where, 'signal', 'an AbortSignal', signal)
  return signal as AbortSignal
}

/** The type an option must have. @internal */
export type OptionType = 'boolean' | 'string' | 'number' | 'function' | 'object' | 'string[]' | 'any'

/** An option's type with its range: a number's bounds (and whether it is an integer), or the values allowed. @internal */
export interface OptionRule {
  readonly type: OptionType
  readonly integer?: boolean
  readonly min?: number
  readonly max?: number
  readonly oneOf?: readonly (string | number | boolean)[]
}

/** What each option of a function may be: a type, or a type with its range. @internal */
export type OptionSchema = Readonly<Record<string, OptionType | OptionRule>>

type TypeOf<T> = T extends 'boolean'
  ? boolean
  : T extends 'string'
    ? string
    : T extends 'number'
      ? number
      : T extends 'function'
        ? (...args: never[]) => unknown
        : T extends 'object'
          ? object
          : T extends 'string[]'
            ? readonly string[]
            : unknown

/** The options a schema accepts, typed (each may be missing). @internal */
export type CheckedOptions<S extends OptionSchema> = {
  -readonly [K in keyof S]?: TypeOf<S[K] extends OptionRule ? S[K]['type'] : S[K]>
}

/**
 * The error of an option of the wrong type or range, the one way fahras words it:
 * "`where` expected `option` to be `expected`, got `value`". @internal
 *
 * @example
 * ```ts
 * throw invalidOption('search()', 'limit', 'an integer >= 0', -1)
 * // fahras: search() expected `limit` to be an integer >= 0, got `-1` (number)
 * ```
 */
export function invalidOption(where: string, option: string, expected: string, value: unknown): FahrasError {
  return createError(
    ERROR_CODES.INVALID_OPTION,
    `${where} expected \`${option}\` to be ${expected}, got ${describe(value)}`,
    { option },
    'type',
  )
}

/** A type in words: "a boolean", "an array of strings". */
function typeInWords(type: OptionType): string {
  if (type === 'string[]') return 'an array of strings'
  if (type === 'object') return 'an object'
  return type === 'any' ? 'anything' : `a ${type}`
}

/** What a rule expects, in words: "an integer from 0 to 100", "a number >= 0", "'OR' or 'AND'". */
function expectation(rule: OptionRule): string {
  if (rule.oneOf)
    return rule.oneOf
      .map((v) => (typeof v === 'string' ? `'${v}'` : String(v)))
      .join(rule.oneOf.length === 2 ? ' or ' : ', ')
  const what = rule.type === 'number' ? (rule.integer ? 'an integer' : 'a finite number') : typeInWords(rule.type)
  if (rule.min !== undefined && rule.max !== undefined) return `${what} from ${rule.min} to ${rule.max}`
  if (rule.min !== undefined) return `${what} >= ${rule.min}`
  if (rule.max !== undefined) return `${what} <= ${rule.max}`
  return what
}

function hasType(value: unknown, type: OptionType): boolean {
  switch (type) {
    case 'any':
      return true
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    default:
      return typeof value === type
  }
}

function inRange(value: unknown, rule: OptionRule): boolean {
  if (rule.oneOf) return rule.oneOf.includes(value as string)
  if (rule.type !== 'number') return true
  const n = value as number
  if (rule.integer ? !Number.isInteger(n) : !Number.isFinite(n)) return false
  return (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max)
}

/**
 * Checks an options object against a schema: unknown keys, wrong types and values out of range
 * throw FAHRAS_INVALID_OPTION with a message naming the option, what was expected and what was
 * given. Returns the options typed by the schema (`undefined` options given: `{}`). @internal
 *
 * @example
 * ```ts
 * const { limit } = checkOptions(options, 'search()', { limit: { type: 'number', integer: true, min: 0 } })
 * // limit: number | undefined
 * ```
 */
export function checkOptions<S extends OptionSchema>(options: unknown, where: string, schema: S): CheckedOptions<S> {
  if (options === undefined) return {}
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected options to be an object, got ${describe(options)}`,
      undefined,
      'type',
    )
  }
  const record = options as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(schema, key)) {
      const known = Object.keys(schema)
        .map((k) => `\`${k}\``)
        .join(', ')
      throw createError(
        ERROR_CODES.INVALID_OPTION,
        `${where} got an unknown option \`${key}\`; expected one of ${known}`,
        { option: key },
        'type',
      )
    }
    const value = record[key]
    if (value === undefined) continue
    const entry = schema[key]!
    const rule: OptionRule = typeof entry === 'string' ? { type: entry } : entry
    if (!hasType(value, rule.type))
      throw invalidOption(where, key, rule.oneOf ? expectation(rule) : typeInWords(rule.type), value)
    if (!inRange(value, rule)) throw invalidOption(where, key, expectation(rule), value)
  }
  return record as CheckedOptions<S>
}

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
    return `\`${JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s)}\` (string)`
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
  if (signal === null || typeof signal !== 'object' || typeof (signal as { aborted?: unknown }).aborted !== 'boolean') {
    throw createError(ERROR_CODES.INVALID_OPTION, `${where} expected \`signal\` to be an AbortSignal, got ${describe(signal)}`, { option: 'signal' }, 'type')
  }
  return signal as AbortSignal
}

/**
 * Checks an options object against a schema of expected types: unknown keys and wrong types throw
 * FAHRAS_INVALID_OPTION with a message naming the option, what was expected and what was given.
 * @internal
 */
export function checkOptions(
  options: unknown,
  where: string,
  schema: Readonly<Record<string, 'boolean' | 'string' | 'number' | 'function' | 'object' | 'string[]' | 'any'>>,
): Record<string, unknown> {
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
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      const known = Object.keys(schema).map((k) => `\`${k}\``).join(', ')
      throw createError(
        ERROR_CODES.INVALID_OPTION,
        `${where} got an unknown option \`${key}\`; expected one of ${known}`,
        { option: key },
        'type',
      )
    }
    const value = record[key]
    if (value === undefined) continue
    const expected = schema[key]!
    let ok: boolean
    switch (expected) {
      case 'any':
        ok = true
        break
      case 'string[]':
        ok = Array.isArray(value) && value.every((v) => typeof v === 'string')
        break
      case 'object':
        ok = typeof value === 'object' && value !== null && !Array.isArray(value)
        break
      default:
        ok = typeof value === expected
    }
    if (!ok) {
      const what = expected === 'string[]' ? 'an array of strings' : expected === 'object' ? 'an object' : `a ${expected}`
      throw createError(
        ERROR_CODES.INVALID_OPTION,
        `${where} expected \`${key}\` to be ${what}, got ${describe(value)}`,
        { option: key },
        'type',
      )
    }
  }
  return record
}

import { createError, describe, ERROR_CODES, isFahrasError } from '../errors.js'
import type { DocumentId } from './options.js'

/**
 * Documents are read once and copied before anything is added: the index never reads a caller's
 * object twice (a getter cannot change a value between the check and the add) and keeps no
 * reference into it. Stored values must survive `JSON.stringify` → `JSON.parse` unchanged.
 */

/** Deepest nesting of arrays and objects accepted in a stored value. */
export const MAX_STORED_DEPTH = 64
/** Most arrays and objects accepted in the stored values of one document (bounds shared-reference blow-up). */
export const MAX_STORED_NODES = 1_000_000

/**
 * Names no field may have: they are members of `Object.prototype` (`toString`, `valueOf`,
 * `__proto__`, `constructor`…) or `prototype`; as keys of a result they would break it.
 */
const OBJECT_MEMBERS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])
/** Keys of a search result that a stored field would hide or corrupt (`id` unless it is the id field). */
const RESULT_KEYS: ReadonlySet<string> = new Set(['id', 'score', 'terms', 'match', 'snippets'])

/** Why a field name is refused, or null: `''` and members of `Object.prototype`. */
export function fieldNameProblem(name: string): string | null {
  if (name.length === 0) return 'the empty name'
  if (OBJECT_MEMBERS.has(name)) return 'a member of Object.prototype'
  return null
}

/** Why a stored field name is refused, or null: the above and the keys of a result. */
export function storedNameProblem(name: string, idField: string): string | null {
  const problem = fieldNameProblem(name)
  if (problem !== null) return problem
  if (RESULT_KEYS.has(name) && !(name === 'id' && idField === 'id')) return 'a key of the search result'
  return null
}

/** The fields of documents that an index reads. */
export interface DocumentShape {
  readonly idField: string
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
}

/** A checked document: its id and the copy that is added (a null-prototype object). */
export interface DocumentCopy {
  readonly id: DocumentId
  readonly copy: Readonly<Record<string, unknown>>
}

/** A stored value that cannot be kept: where in it, and what was found. @internal */
class UnsafeValue extends Error {
  constructor(
    readonly path: string,
    readonly found: string,
  ) {
    super(found)
  }
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function kindOf(value: unknown): string {
  if (typeof value === 'number') return `\`${String(value)}\` (not a finite number)`
  if (typeof value === 'bigint') return `a BigInt (\`${String(value)}n\`)`
  if (value !== null && typeof value === 'object') {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name
    return typeof name === 'string' && name ? `an object of class ${name}` : 'an object that is not a plain object'
  }
  return describe(value)
}

/**
 * A deep copy of a value that `JSON.stringify` keeps as it is: strings, finite numbers (`-0` as
 * `0`), booleans, `null`, arrays and plain objects of those; a `Date` becomes its ISO string and
 * an object's `undefined` members are left out (as JSON does). Anything else (BigInt, NaN,
 * functions, symbols, class instances, holes or `undefined` in arrays, circular references,
 * nesting deeper than {@link MAX_STORED_DEPTH}) throws an {@link UnsafeValue}.
 */
function copyValue(
  value: unknown,
  path: string,
  depth: number,
  ancestors: Set<object>,
  budget: { nodes: number },
): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) throw new UnsafeValue(path, kindOf(value))
      return value === 0 ? 0 : value
    case 'object':
      break
    default:
      throw new UnsafeValue(path, kindOf(value))
  }
  if (value === null) return null
  if (value instanceof Date) {
    const time = value.getTime()
    if (!Number.isFinite(time)) throw new UnsafeValue(path, 'an invalid Date')
    return new Date(time).toISOString()
  }
  if (ancestors.has(value)) throw new UnsafeValue(path, 'a circular reference')
  if (depth >= MAX_STORED_DEPTH) throw new UnsafeValue(path, `nesting deeper than ${MAX_STORED_DEPTH}`)
  if (++budget.nodes > MAX_STORED_NODES) throw new UnsafeValue(path, `more than ${MAX_STORED_NODES} arrays and objects`)
  ancestors.add(value)
  try {
    if (Array.isArray(value)) {
      const length = value.length
      const out: unknown[] = new Array(length)
      for (let i = 0; i < length; i++) {
        if (!(i in value) || value[i] === undefined)
          throw new UnsafeValue(`${path}[${i}]`, 'a hole or `undefined` in an array (use null)')
        out[i] = copyValue(value[i], `${path}[${i}]`, depth + 1, ancestors, budget)
      }
      return out
    }
    if (!isPlainObject(value)) throw new UnsafeValue(path, kindOf(value))
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key]
      if (member === undefined) continue
      // defineProperty: a key "__proto__" stays an own key, as JSON.parse makes it
      Object.defineProperty(out, key, {
        value: copyValue(member, `${path}.${key}`, depth + 1, ancestors, budget),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  } finally {
    ancestors.delete(value)
  }
}

/**
 * Copies a JSON-safe value (see the rules above); returns `{ value }` or `{ path, found }` naming
 * what cannot be kept. `label` starts the path (`meta` → `meta.tags[2]`).
 */
export function copyStoredValue(value: unknown, label: string): { value: unknown } | { path: string; found: string } {
  try {
    return { value: copyValue(value, label, 0, new Set(), { nodes: 0 }) }
  } catch (error) {
    if (error instanceof UnsafeValue) return { path: error.path, found: error.found }
    if (error instanceof RangeError) return { path: label, found: 'a value too deep to copy' }
    throw error
  }
}

/** A deep copy of a value already known to be JSON-safe (stored values, saved-index parts). */
export function copyData<V>(value: V): V {
  if (value === null || typeof value !== 'object') return value
  const copied = copyStoredValue(value, 'value')
  if ('value' in copied) return copied.value as V
  throw new Error(`fahras: internal: ${copied.path} is ${copied.found}`)
}

/** Finds the object of the prototype chain that holds `key`, below `Object.prototype`. */
function holds(document: object, key: string): boolean {
  for (
    let o: object | null = document;
    o !== null && o !== Object.prototype;
    o = Object.getPrototypeOf(o) as object | null
  ) {
    if (Object.hasOwn(o, key)) return true
  }
  return false
}

/**
 * What is wrong with a document id, the one rule of fahras (ArabicSearch, packDocuments,
 * bulkLines, the CLI): `'missing'` for `undefined`, `null` or `''`, `'type'` for anything but a
 * string or a finite number, `null` for a good id.
 *
 * @example
 * ```ts
 * idProblem('') // 'missing'
 * idProblem(NaN) // 'type'
 * idProblem(7) // null
 * ```
 */
export function idProblem(id: unknown): 'missing' | 'type' | null {
  if (id === undefined || id === null || id === '') return 'missing'
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? null : 'type'
}

/**
 * Reads a document once into a checked copy. A field is read if the document has it, as an own
 * property or through its prototype chain (class getters), but never from `Object.prototype`.
 * The id must be a non-empty string or a finite number ({@link idProblem}); indexed fields hold text, a finite number, a
 * boolean, `null` or `undefined`; stored fields hold JSON-safe values ({@link copyStoredValue}).
 * Throws coded errors naming the document (id and position in a batch) and the field.
 */
export function readDocument(document: unknown, shape: DocumentShape, where: string, position?: number): DocumentCopy {
  const at = position === undefined ? '' : ` (document ${position})`
  let id: unknown
  let field = shape.idField
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  // a field the document has (even `undefined`) is a key of the copy: batch.ts tells a field
  // that no document has (a misspelling) from one left empty
  const read = (key: string): unknown => {
    field = key
    if (!holds(document as object, key)) return undefined
    if (!(key in copy)) copy[key] = undefined
    return (document as Record<string, unknown>)[key]
  }
  try {
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      throw createError(
        ERROR_CODES.INVALID_DOCUMENT,
        `${where} expected a document object${at}, got ${describe(document)}`,
        { position },
      )
    }
    id = read(shape.idField)
    checkId(id, shape.idField, where, at, position)
    copy[shape.idField] = id
    const name = `document ${JSON.stringify(id)}${at}`
    for (const key of shape.fields) {
      if (key === shape.idField) continue
      const value = read(key)
      if (value !== null && typeof value === 'object') {
        throw createError(
          ERROR_CODES.INVALID_DOCUMENT,
          `${where} expected field \`${key}\` of ${name} to be text, a number or null, got ${describe(value)}`,
          { id, field: key, position },
        )
      }
      if (
        typeof value === 'function' ||
        typeof value === 'symbol' ||
        typeof value === 'bigint' ||
        (typeof value === 'number' && !Number.isFinite(value))
      ) {
        throw createError(
          ERROR_CODES.INVALID_DOCUMENT,
          `${where} expected field \`${key}\` of ${name} to be text or a finite number, got ${kindOf(value)}`,
          { id, field: key, position },
        )
      }
      if (value !== undefined) copy[key] = value === 0 ? 0 : value
    }
    for (const key of shape.storeFields) {
      if (key === shape.idField || key in copy) continue
      const value = read(key)
      if (value === undefined) continue
      const copied = copyStoredValue(value, key)
      if (!('value' in copied)) {
        throw createError(
          ERROR_CODES.INVALID_DOCUMENT,
          `${where} expected stored field \`${key}\` of ${name} to hold JSON data (text, finite numbers, booleans, null, arrays and plain objects), got ${copied.found} at \`${copied.path}\``,
          { id, field: key, position },
        )
      }
      copy[key] = copied.value
    }
  } catch (error) {
    if (isFahrasError(error)) throw error
    const known = typeof id === 'string' || typeof id === 'number' ? ` of document ${JSON.stringify(id)}` : ''
    throw Object.assign(
      createError(
        ERROR_CODES.INVALID_DOCUMENT,
        `${where} could not read field \`${field}\`${known}${at}: ${(error as Error)?.message ?? String(error)}`,
        { id, field, position },
      ),
      { cause: error },
    )
  }
  return { id: id as DocumentId, copy }
}

/** Throws `FAHRAS_MISSING_ID` unless `id` is a good id ({@link idProblem}). @internal */
function checkId(
  id: unknown,
  idField: string,
  where: string,
  at: string,
  position: number | undefined,
): asserts id is DocumentId {
  const problem = idProblem(id)
  if (problem === 'missing') {
    throw createError(ERROR_CODES.MISSING_ID, `${where} got a document without an id in field \`${idField}\`${at}`, {
      position,
    })
  }
  if (problem === 'type') {
    throw createError(
      ERROR_CODES.MISSING_ID,
      `${where} expected the id in field \`${idField}\` to be a string or a finite number${at}, got ${describe(id)}`,
      { position },
    )
  }
}

/**
 * Checks the field names of the options (`fields`, `storeFields`, `idField`): throws
 * FAHRAS_INVALID_OPTION naming the option and the name refused ({@link fieldNameProblem},
 * {@link storedNameProblem}).
 */
export function checkFieldNames(
  where: string,
  option: 'fields' | 'storeFields' | 'idField',
  names: readonly string[],
  idField: string,
): void {
  for (const name of names) {
    const problem = option === 'storeFields' ? storedNameProblem(name, idField) : fieldNameProblem(name)
    if (problem === null) continue
    const result =
      option === 'storeFields'
        ? ' or keys of a search result (score, terms, match, snippets, and id unless it is the id field)'
        : ''
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${where} expected \`${option}\` to hold field names other than "", "prototype", members of Object.prototype (__proto__, constructor, toString…)${result}, got ${JSON.stringify(name)} (${problem})`,
      { option, name },
      'type',
    )
  }
}

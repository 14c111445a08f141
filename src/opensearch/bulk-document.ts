// One document as its two _bulk lines (the action, the source), or the reason it cannot be.
import { describe, ERROR_CODES, type FahrasErrorCode } from '../errors.js'
import { own } from '../own.js'
import { idProblem } from '../search/documents.js'
import type { ResolvedBulkOptions } from './bulk-options.js'
import { metadataFieldOf } from './metadata-fields.js'
import { utf8Length } from './utf8-length.js'

/** The longest document id, in bytes of UTF-8 (longer ones fail the request's validation). */
const ID_MAX_BYTES = 512
/** Line separators JSON.stringify leaves raw: escaped so that no line splitter breaks a line. */
const RAW_LINE_SEPARATORS = /[\u0085\u2028\u2029]/g

/** A document turned into its two lines, or the reason it cannot be. @internal */
export type BulkEncoding =
  | {
      readonly ok: true
      readonly id: string
      readonly action: string
      readonly source: string
      /** The metadata fields left out of the source, in the document's order; not the id field, whose value is the `_id`. */
      readonly leftOut: readonly string[]
    }
  | {
      readonly ok: false
      readonly code: FahrasErrorCode
      readonly reason: string
      readonly details: Readonly<Record<string, unknown>>
    }

/** Whether JSON.stringify writes a property of this value (it skips undefined, functions, symbols). */
const writtenByJson = (value: unknown) =>
  value !== undefined && typeof value !== 'function' && typeof value !== 'symbol'

/** JSON on one line: control characters are escaped by JSON.stringify, line separators here. */
const oneLine = (json: string) =>
  json.replace(RAW_LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * What JSON.stringify writes for a document object: the value its `toJSON('')` returns when it has
 * one (a class instance, an ORM record), else the document itself.
 */
function jsonViewOf(document: object): unknown {
  const toJSON = (document as { toJSON?: unknown }).toJSON
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(document, '') : document
}

/** The `valueOf` of each primitive wrapper: each throws on anything but its own wrapper objects. */
const WRAPPER_VALUE_OF: ReadonlyArray<(this: unknown) => unknown> = [
  Number.prototype.valueOf,
  String.prototype.valueOf,
  Boolean.prototype.valueOf,
  BigInt.prototype.valueOf,
]

/** Whether this is `new String(…)`, `new Number(…)`… (JSON.stringify writes them as primitives). */
function isBoxedPrimitive(value: object): boolean {
  // the common case first: a plain object or array is no wrapper (and the test below throws,
  // which is slow, for every value that is not one)
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype === Object.prototype || prototype === null || Array.isArray(value)) return false
  return WRAPPER_VALUE_OF.some((valueOf) => {
    try {
      valueOf.call(value)
      return true
    } catch {
      return false
    }
  })
}

/** An error's message, for a reason. */
const errorText = (error: unknown) => (error instanceof Error ? error.message : describe(error))

/**
 * The object whose JSON is the source line: a plain copy of the document's own enumerable fields
 * (those JSON.stringify writes), less its metadata fields, each added to `leftOut` unless JSON
 * would not have written it or it is the id field (whose value is the action's `_id`); or the
 * listed `fields`. A copy, so that JSON.stringify does not call the document's toJSON() again.
 */
function sourceObjectOf(json: object, options: ResolvedBulkOptions, leftOut: string[]): object {
  const fields = json as Record<string, unknown>
  let copy: Record<string, unknown>
  if (options.fields !== undefined) {
    copy = Object.create(null) as Record<string, unknown>
    for (const field of options.fields) {
      if (Object.prototype.propertyIsEnumerable.call(json, field)) copy[field] = fields[field]
    }
  } else {
    copy = { ...fields }
    for (const key of Object.keys(copy)) {
      if (metadataFieldOf(key) === undefined) continue
      if (key !== options.idField && writtenByJson(copy[key])) leftOut.push(key)
      delete copy[key]
    }
  }
  // a function is not written; as the copy's own toJSON, JSON.stringify would call it
  if (typeof copy.toJSON === 'function') delete copy.toJSON
  return copy
}

/** Why a document cannot be written: the failure an encoding step returns. */
type BulkFailure = Extract<BulkEncoding, { ok: false }>

/** A failed encoding with its code, reason and details. */
const failure = (code: FahrasErrorCode, reason: string, details: Record<string, unknown> = {}): BulkFailure => ({
  ok: false,
  code,
  reason,
  details,
})

/**
 * The document as JSON.stringify reads it: what its toJSON('') returns, when it has one; or why it
 * cannot be read. The id, the fields and the metadata fields are all read from that, so that what
 * toJSON() adds (an ORM's `_id`, `_index`…) is filtered like the rest.
 */
function readJsonView(document: unknown, at: string): { readonly ok: true; readonly json: object } | BulkFailure {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return failure(ERROR_CODES.INVALID_DOCUMENT, `expected a document object${at}, got ${describe(document)}`)
  }
  let view: unknown
  try {
    view = jsonViewOf(document)
  } catch (error) {
    return failure(
      ERROR_CODES.INVALID_DOCUMENT,
      `could not write the document${at} as JSON: its toJSON() threw ${errorText(error)}`,
    )
  }
  if (view !== document && (view === null || typeof view !== 'object' || Array.isArray(view))) {
    return failure(
      ERROR_CODES.INVALID_DOCUMENT,
      `expected the toJSON() of the document${at} to return a document object, got ${describe(view)}`,
    )
  }
  return { ok: true, json: view as object }
}

/**
 * The document's id as the action's `_id` (a string), or why it cannot be one: missing, of the
 * wrong type, too long, or already written (`seen`).
 */
function readBulkId(
  json: object,
  idField: string,
  seen: ReadonlyMap<string, string>,
  at: string,
): { readonly ok: true; readonly id: string } | BulkFailure {
  let rawId: unknown
  try {
    rawId = own(json, idField)
  } catch (error) {
    return failure(
      ERROR_CODES.INVALID_DOCUMENT,
      `could not read the id field \`${idField}\` of the document${at}: ${errorText(error)}`,
    )
  }
  const problem = idProblem(rawId)
  if (problem === 'missing') {
    return failure(ERROR_CODES.MISSING_ID, `got a document without an id in field \`${idField}\`${at}`)
  }
  if (problem === 'type') {
    return failure(
      ERROR_CODES.MISSING_ID,
      `expected the id in field \`${idField}\`${at} to be a string or a finite number, got ${describe(rawId)}`,
    )
  }
  const id = String(rawId)
  const idBytes = utf8Length(id)
  if (idBytes > ID_MAX_BYTES) {
    return failure(
      ERROR_CODES.INVALID_DOCUMENT,
      `got an id of ${idBytes} bytes in field \`${idField}\`${at}; Elasticsearch and OpenSearch take at most ${ID_MAX_BYTES}`,
      { id },
    )
  }
  const first = seen.get(id)
  if (first !== undefined) {
    return failure(
      ERROR_CODES.DUPLICATE_ID,
      `got the id ${JSON.stringify(id)} a second time${at}, first at ${first}: the second would overwrite the first`,
      { id },
    )
  }
  return { ok: true, id }
}

/** The source line's JSON (one line not yet escaped) and the metadata fields left out, or why JSON cannot write it. */
function writeSource(
  json: object,
  options: ResolvedBulkOptions,
  id: string,
  at: string,
): { readonly ok: true; readonly source: string; readonly leftOut: string[] } | BulkFailure {
  if (isBoxedPrimitive(json)) {
    // JSON.stringify writes `new String('…')` as a string
    return failure(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as a JSON object`, { id })
  }
  const leftOut: string[] = []
  let source: string | undefined
  try {
    source = JSON.stringify(sourceObjectOf(json, options, leftOut))
  } catch (error) {
    return failure(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as JSON: ${errorText(error)}`, {
      id,
    })
  }
  if (typeof source !== 'string' || !source.startsWith('{')) {
    return failure(ERROR_CODES.INVALID_DOCUMENT, `could not write the document${at} as a JSON object`, { id })
  }
  return { ok: true, source, leftOut }
}

/**
 * Encodes one document as its action line and source line, checking its id. `seen` maps the ids
 * already written to where they were (`at` names this document the same way, e.g. ` (document 3)`);
 * a new id is added to it.
 * @internal
 */
export function encodeBulkDocument(
  document: unknown,
  options: ResolvedBulkOptions,
  seen: Map<string, string>,
  at: string,
  place: string,
): BulkEncoding {
  const view = readJsonView(document, at)
  if (!view.ok) return view
  const id = readBulkId(view.json, options.idField, seen, at)
  if (!id.ok) return id
  const written = writeSource(view.json, options, id.id, at)
  if (!written.ok) return written
  seen.set(id.id, place)
  const action = JSON.stringify({ index: { _index: options.index, _id: id.id } })
  return { ok: true, id: id.id, action: oneLine(action), source: oneLine(written.source), leftOut: written.leftOut }
}

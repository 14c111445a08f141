import { createError, describe, ERROR_CODES, isFahrasError, type FahrasError } from '../errors.js'
import { copyData, copyStoredValue, fieldNameProblem, storedNameProblem } from './documents.js'
import { resolveAnalyzerOptions, type ResolvedAnalyzerOptions } from '../analyze/analyze.js'
import type { DocumentId } from './options.js'
import type { ResolvedIndexOptions } from './index-options.js'
import { checkSettings, readSettings, settingsOf, withSettings, type SavedSettings } from './saved-settings.js'
import { own } from '../own.js'

/**
 * The saved form of an index (`JSON.stringify(index)`) and its loader: the header here, the
 * engine part in saved-engine.ts. A saved index may come from anywhere: the loader reads each
 * part once, checks every invariant the engine relies on, and builds a fresh copy (no reference
 * into the caller's object survives), or throws `FAHRAS_INVALID_INDEX` naming the first part
 * found invalid. Linear in the size of the index.
 */

/**
 * Version of the saved-index format. Version 2 adds `settings` (field weights, default search
 * options, snippet options, which function options were given); version 1 still loads, with the
 * options given to `loadJSON()` (or the defaults) for what it lacks. Other versions fail with a
 * coded error.
 */
export const INDEX_FORMAT_VERSION = 2
/** The `format` of a saved index. */
export const FORMAT_NAME = 'fahras-index'
const HEADER_KEYS = ['format', 'version', 'analyzer', 'fields', 'storeFields', 'idField', 'exactBoost', 'index']

/** A term's postings in one field: internal id → frequency. @internal */
export type Postings = Record<string, number>
/** MiniSearch's serialized index (what `MiniSearch#toJSON` writes, `MiniSearch.loadJS` reads). */
export interface EngineJSON {
  documentCount: number
  nextId: number
  documentIds: Record<string, DocumentId>
  fieldIds: Record<string, number>
  fieldLength: Record<string, Array<number | null>>
  averageFieldLength: Array<number | null>
  storedFields: Record<string, Record<string, unknown>>
  dirtCount: number
  index: Array<[string, Record<string, Postings>]>
  serializationVersion: number
}

/** The saved form of an index. */
export interface SavedIndex {
  format: string
  version: number
  analyzer: ResolvedAnalyzerOptions
  fields: string[]
  storeFields: string[]
  idField: string
  exactBoost: number
  /** What changes results besides the terms (format 2). */
  settings: SavedSettings
  index: EngineJSON
}

/** The header of a saved index, checked and copied; `index` is still unchecked. */
export interface SavedHeader {
  readonly analyzer: Record<string, unknown>
  readonly fields: string[]
  readonly storeFields: string[]
  readonly idField: string
  readonly exactBoost: number
  /** `null` in a version 1 index. */
  readonly settings: SavedSettings | null
  readonly index: unknown
}

/** The error of a damaged saved index, naming what is wrong. @internal */
export const damaged = (what: string): FahrasError =>
  createError(ERROR_CODES.INVALID_INDEX, `loadJSON() got a damaged saved index: ${what}`, { problem: what })
/** A plain object (not null, not an array). @internal */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
/** A safe integer >= 0. @internal */
export const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0

/** Throws unless the object's keys are exactly `keys`. @internal */
export function checkKeys(o: Record<string, unknown>, keys: readonly string[], part: string) {
  for (const key of Object.keys(o))
    if (!keys.includes(key)) throw damaged(`${part} has an unknown key ${JSON.stringify(key)}`)
  for (const key of keys) if (!Object.hasOwn(o, key)) throw damaged(`${part} has no \`${key}\``)
}

/** A checked array of field names (`fields`, `storeFields`), each once. @internal */
function names(value: unknown, part: string, problemOf: (name: string) => string | null, nonEmpty: boolean): string[] {
  if (!Array.isArray(value) || (nonEmpty && value.length === 0))
    throw damaged(`\`${part}\` is not ${nonEmpty ? 'a non-empty' : 'an'} array of field names (got ${describe(value)})`)
  const out: string[] = []
  for (const name of value as unknown[]) {
    if (typeof name !== 'string') throw damaged(`\`${part}\` holds ${describe(name)}, not a field name`)
    const problem = problemOf(name)
    if (problem !== null) throw damaged(`\`${part}\` holds ${JSON.stringify(name)}, ${problem}`)
    if (out.includes(name)) throw damaged(`\`${part}\` holds ${JSON.stringify(name)} twice`)
    out.push(name)
  }
  return out
}

/** Runs a reader of caller-supplied data: anything it throws that is not coded becomes FAHRAS_INVALID_INDEX. @internal */
export function guarded<R>(read: () => R): R {
  try {
    return read()
  } catch (error) {
    if (isFahrasError(error)) throw error
    throw Object.assign(damaged(`it could not be read (${(error as Error)?.message ?? String(error)})`), {
      cause: error,
    })
  }
}

/**
 * Parses (if given a string) and checks the header of a saved index: format, version, field
 * names, id field, exactBoost, analyzer options (an object; resolved by the caller).
 */
export function readSavedHeader(json: unknown): SavedHeader {
  let saved: unknown = json
  if (typeof json === 'string') {
    try {
      saved = JSON.parse(json)
    } catch (error) {
      throw createError(
        ERROR_CODES.INVALID_INDEX,
        `loadJSON() could not parse the saved index: ${(error as Error).message}`,
      )
    }
  }
  return guarded(() => {
    if (!isObject(saved) || own(saved, 'format') !== FORMAT_NAME) {
      throw createError(
        ERROR_CODES.INVALID_INDEX,
        'loadJSON() expected a saved fahras index (format "fahras-index"), got something else',
      )
    }
    const version = own(saved, 'version')
    if (version !== INDEX_FORMAT_VERSION && version !== 1) {
      throw createError(
        ERROR_CODES.INDEX_VERSION_MISMATCH,
        `loadJSON() expected index format version ${INDEX_FORMAT_VERSION} (or 1), got ${describe(version)}; rebuild the index with this version of fahras`,
        { version },
      )
    }
    checkKeys(saved, version === 1 ? HEADER_KEYS : [...HEADER_KEYS, 'settings'], 'its header')
    const idField = own(saved, 'idField')
    if (typeof idField !== 'string' || fieldNameProblem(idField) !== null)
      throw damaged(`\`idField\` is not a field name (got ${describe(idField)})`)
    const fields = names(own(saved, 'fields'), 'fields', fieldNameProblem, true)
    const storeFields = names(own(saved, 'storeFields'), 'storeFields', (n) => storedNameProblem(n, idField), false)
    const exactBoost = own(saved, 'exactBoost')
    if (typeof exactBoost !== 'number' || !Number.isFinite(exactBoost) || exactBoost < 0)
      throw damaged(`\`exactBoost\` is not a finite number >= 0 (got ${describe(exactBoost)})`)
    const analyzer = copyStoredValue(own(saved, 'analyzer'), 'analyzer')
    if (!('value' in analyzer) || !isObject(analyzer.value))
      throw damaged('`analyzer` is not an object of analyzer options')
    const settings = version === 1 ? null : readSettings(own(saved, 'settings'), damaged)
    return { analyzer: analyzer.value, fields, storeFields, idField, exactBoost, settings, index: own(saved, 'index') }
  })
}

/** A copy of the engine's serialized form that shares nothing with the live engine. */
export function snapshotEngine(engine: EngineJSON): EngineJSON {
  const fieldLength: Record<string, Array<number | null>> = {}
  for (const [id, lengths] of Object.entries(engine.fieldLength))
    fieldLength[id] = Array.from(lengths, (n) => n ?? null)
  const storedFields: Record<string, Record<string, unknown>> = {}
  for (const [id, stored] of Object.entries(engine.storedFields)) storedFields[id] = copyData(stored)
  return {
    ...engine,
    documentIds: { ...engine.documentIds },
    fieldIds: copyData(engine.fieldIds),
    fieldLength,
    averageFieldLength: Array.from(engine.averageFieldLength, (n) => n ?? null),
    storedFields,
  }
}

/** JSON with object keys sorted, to compare option values whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Throws unless `count` more documents can get an internal id below 2^53 (so that a saved index
 * always loads again). Reads MiniSearch 7's `_nextId`; does nothing without it.
 */
export function checkRoom(engine: unknown, count: number, where: string): void {
  const nextId = (engine as { _nextId?: unknown })._nextId
  if (typeof nextId === 'number' && nextId + count > Number.MAX_SAFE_INTEGER) {
    throw createError(
      ERROR_CODES.INVALID_INDEX,
      `${where} cannot add ${count} documents: the index's internal ids are used up (next id ${nextId}); rebuild the index`,
      { nextId },
    )
  }
}

/** The saved analyzer options, resolved; damaged ones throw FAHRAS_INVALID_INDEX. */
export function resolveSavedAnalyzer(saved: SavedHeader): ResolvedAnalyzerOptions {
  try {
    return resolveAnalyzerOptions(saved.analyzer, 'loadJSON() saved analyzer')
  } catch (error) {
    throw Object.assign(
      createError(ERROR_CODES.INVALID_INDEX, 'loadJSON() got a damaged saved index: its analyzer options are invalid'),
      { cause: error },
    )
  }
}

/** The options of the loaded index: the caller's, and the saved ones for what they leave out. */
export function mergeSavedOptions<O extends object>(
  saved: SavedHeader,
  analyzer: ResolvedAnalyzerOptions,
  options: Partial<O> | undefined,
): O {
  const given = (options ?? {}) as Record<string, unknown>
  return {
    ...(saved.settings === null ? given : withSettings(given, saved.settings)),
    fields: given.fields ?? saved.fields,
    storeFields: given.storeFields ?? saved.storeFields,
    idField: given.idField ?? saved.idField,
    exactBoost: given.exactBoost ?? saved.exactBoost,
    normalize: given.normalize ?? analyzer.normalize,
    stopWords: given.stopWords ?? analyzer.stopWords,
    extraStopWords: given.extraStopWords ?? analyzer.extraStopWords,
    stem: given.stem ?? analyzer.stem,
    keep: given.keep ?? analyzer.keep,
  } as unknown as O
}

/** What an index was built with, as compared with a saved index. */
export interface BuiltWith {
  readonly analyzer: ResolvedAnalyzerOptions
  readonly fields: readonly string[]
  readonly storeFields: readonly string[]
  readonly idField: string
  readonly exactBoost: number
  readonly settings: SavedSettings
}

/** What an index with these resolved options (index-options.ts) was built with. @internal */
export function builtWithOf(resolved: ResolvedIndexOptions<object>): BuiltWith {
  return {
    analyzer: resolved.analyzer.options,
    fields: resolved.fields,
    storeFields: resolved.storeFields,
    idField: resolved.idField,
    exactBoost: resolved.exactBoost,
    settings: settingsOf(resolved.options, resolved.snippet),
  }
}

/** Throws FAHRAS_ANALYZER_MISMATCH, naming the difference, unless the saved index was built as `built`. */
export function checkAgreement(saved: SavedHeader, analyzer: ResolvedAnalyzerOptions, built: BuiltWith): void {
  const mismatch = (what: string, was: unknown, given: unknown) =>
    createError(
      ERROR_CODES.ANALYZER_MISMATCH,
      `loadJSON(): the index was built with ${what} ${stableStringify(was)}, but the options give ${stableStringify(given)}; load it with the same options or rebuild it`,
      { option: what },
    )
  for (const key of Object.keys(analyzer) as Array<keyof ResolvedAnalyzerOptions>) {
    if (stableStringify(analyzer[key]) !== stableStringify(built.analyzer[key]))
      throw mismatch(`analyzer option \`${key}\``, analyzer[key], built.analyzer[key])
  }
  if (stableStringify(saved.fields) !== stableStringify(built.fields))
    throw mismatch('`fields`', saved.fields, built.fields)
  if (stableStringify(saved.storeFields) !== stableStringify(built.storeFields))
    throw mismatch('`storeFields`', saved.storeFields, built.storeFields)
  if (saved.idField !== built.idField) throw mismatch('`idField`', saved.idField, built.idField)
  if (saved.exactBoost !== built.exactBoost) throw mismatch('`exactBoost`', saved.exactBoost, built.exactBoost)
  if (saved.settings !== null)
    checkSettings(saved.settings, built.settings, (a, b) => stableStringify(a) === stableStringify(b))
}

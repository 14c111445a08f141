import { createError, describe, ERROR_CODES, isFahrasError, type FahrasError } from '../errors.js'
import { copyData, copyStoredValue, fieldNameProblem, storedNameProblem } from './documents.js'
import { resolveAnalyzerOptions, type ResolvedAnalyzerOptions } from '../analyze/analyze.js'
import type { DocumentId } from './options.js'
import { checkSettings, readSettings, withSettings, type SavedSettings } from './saved-settings.js'
import { own } from '../own.js'

/**
 * The saved form of an index (`JSON.stringify(index)`) and its loader. A saved index may come
 * from anywhere: the loader reads each part once, checks every invariant the engine relies on,
 * and builds a fresh copy (no reference into the caller's object survives), or throws
 * `FAHRAS_INVALID_INDEX` naming the first part found invalid. Linear in the size of the index.
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
/** The serialization version of MiniSearch 7 (the engine part of a saved index). */
const ENGINE_VERSION = 2
/** An internal document id: a non-negative integer written in canonical decimal ("0", "17", not "00"). */
const CANONICAL_ID = /^(?:0|[1-9][0-9]{0,15})$/
const HEADER_KEYS = ['format', 'version', 'analyzer', 'fields', 'storeFields', 'idField', 'exactBoost', 'index']
const ENGINE_KEYS = [
  'documentCount',
  'nextId',
  'documentIds',
  'fieldIds',
  'fieldLength',
  'averageFieldLength',
  'storedFields',
  'dirtCount',
  'index',
  'serializationVersion',
] as const

type Postings = Record<string, number>
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

const damaged = (what: string): FahrasError =>
  createError(ERROR_CODES.INVALID_INDEX, `loadJSON() got a damaged saved index: ${what}`, { problem: what })
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0

function checkKeys(o: Record<string, unknown>, keys: readonly string[], part: string) {
  for (const key of Object.keys(o))
    if (!keys.includes(key)) throw damaged(`${part} has an unknown key ${JSON.stringify(key)}`)
  for (const key of keys) if (!Object.hasOwn(o, key)) throw damaged(`${part} has no \`${key}\``)
}

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

/** Runs a reader of caller-supplied data: anything it throws that is not coded becomes FAHRAS_INVALID_INDEX. */
function guarded<R>(read: () => R): R {
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

/** Entries read between two pauses of {@link readEngineSteps}. */
export const LOAD_CHUNK = 10_000

/** The entries of a plain object of internal ids (canonical, below nextId) → values, in one pass. */
function* byInternalId(value: unknown, part: string, nextId: number): Generator<[number, unknown]> {
  if (!isObject(value)) throw damaged(`\`${part}\` is not an object`)
  for (const key of Object.keys(value)) {
    if (!CANONICAL_ID.test(key) || Number(key) >= nextId)
      throw damaged(`\`${part}\` has the key ${JSON.stringify(key)}, not an internal id below nextId (${nextId})`)
    yield [Number(key), value[key]]
  }
}

/**
 * Checks the engine part of a saved index and returns a fresh copy of it for `MiniSearch.loadJS`:
 * - `nextId`, `documentCount`, `dirtCount` are safe non-negative integers; every internal id
 *   (a key of `documentIds`, `fieldLength`, `storedFields`, postings) is canonical and below
 *   `nextId`, so a later `add` never takes over another document's data;
 * - external ids are strings or finite numbers, each once; `documentCount` counts them;
 * - `fieldIds` numbers the fields 0, 1, … in order; `averageFieldLength` and `fieldLength`
 *   hold finite numbers (lengths: integers >= 0), one slot per field at most;
 * - stored fields belong to live documents, name stored fields only, hold JSON data, and a
 *   stored `id` is the document's id;
 * - each term appears once; its postings name known fields, hold integer frequencies >= 1,
 *   and for a live document, a field it has a length >= 1 for, with an average length.
 * Postings of removed documents (below nextId, not live) are dropped, and `dirtCount` reset.
 */
export function readEngine(raw: unknown, fields: readonly string[], storeFields: readonly string[]): EngineJSON {
  const steps = readEngineSteps(raw, fields, storeFields, Infinity)
  return guarded(() => {
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
    }
  })
}

/**
 * {@link readEngine} in steps: pauses (yields) after every `chunk` entries read, so that a caller
 * can give the event loop a turn. Errors are not guarded: run each step through {@link guardedStep}.
 */
export function* readEngineSteps(
  raw: unknown,
  fields: readonly string[],
  storeFields: readonly string[],
  chunk: number,
): Generator<void, EngineJSON> {
  let read = 0
  {
    if (!isObject(raw)) throw damaged('its engine data (`index`) is not an object')
    checkKeys(raw, ENGINE_KEYS, 'its engine data')
    if (raw.serializationVersion !== ENGINE_VERSION)
      throw damaged(`\`serializationVersion\` is not ${ENGINE_VERSION} (got ${describe(raw.serializationVersion)})`)
    const { nextId, documentCount, dirtCount } = raw
    if (!isCount(nextId)) throw damaged(`\`nextId\` is not a safe integer >= 0 (got ${describe(nextId)})`)
    if (!isCount(documentCount) || !isCount(dirtCount))
      throw damaged('`documentCount` or `dirtCount` is not a safe integer >= 0')

    const documentIds: Record<string, DocumentId> = {}
    const live = new Set<number>()
    const external = new Set<DocumentId>()
    for (const [shortId, id] of byInternalId(raw.documentIds, 'documentIds', nextId)) {
      if (++read % chunk === 0) yield
      if (!(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))))
        throw damaged(`\`documentIds\` maps ${shortId} to ${describe(id)}, not a string or a finite number`)
      if (external.has(id)) throw damaged(`\`documentIds\` holds the id ${JSON.stringify(id)} twice`)
      external.add(id)
      live.add(shortId)
      documentIds[shortId] = id
    }
    if (live.size !== documentCount)
      throw damaged(`\`documentCount\` is ${documentCount}, but \`documentIds\` holds ${live.size} documents`)

    const fieldIds: Record<string, number> = {}
    const rawFieldIds = raw.fieldIds
    if (
      !isObject(rawFieldIds) ||
      Object.keys(rawFieldIds).length !== fields.length ||
      !fields.every((f, i) => own(rawFieldIds, f) === i)
    ) {
      throw damaged(`\`fieldIds\` does not number the fields ${fields.join(', ')} in order`)
    }
    fields.forEach((f, i) =>
      Object.defineProperty(fieldIds, f, { value: i, enumerable: true, writable: true, configurable: true }),
    )

    const averages = raw.averageFieldLength
    if (!Array.isArray(averages) || averages.length > fields.length)
      throw damaged('`averageFieldLength` is not an array of one number per field')
    const averageFieldLength: Array<number | null> = []
    for (let f = 0; f < averages.length; f++) {
      const n: unknown = averages[f]
      if (n === null || n === undefined) averageFieldLength.push(null)
      else if (typeof n === 'number' && Number.isFinite(n)) averageFieldLength.push(n)
      else throw damaged(`\`averageFieldLength\` holds ${describe(n)} for field ${f}`)
    }

    const fieldLength: Record<string, Array<number | null>> = {}
    const lengthsOf = new Map<string, Array<number | null>>()
    for (const [shortId, lengths] of byInternalId(raw.fieldLength, 'fieldLength', nextId)) {
      if (++read % chunk === 0) yield
      if (!live.has(shortId)) throw damaged(`\`fieldLength\` has an entry for ${shortId}, which is no document`)
      if (!Array.isArray(lengths) || lengths.length > fields.length)
        throw damaged(`\`fieldLength\` of ${shortId} is not an array of one length per field`)
      const copy: Array<number | null> = []
      for (let f = 0; f < lengths.length; f++) {
        const n: unknown = lengths[f]
        if (n === null || n === undefined) copy.push(null)
        else if (isCount(n)) copy.push(n)
        else throw damaged(`\`fieldLength\` of ${shortId} holds ${describe(n)} for field ${f}`)
      }
      fieldLength[shortId] = copy
      lengthsOf.set(String(shortId), copy)
    }

    const storedFields: Record<string, Record<string, unknown>> = {}
    for (const [shortId, stored] of byInternalId(raw.storedFields, 'storedFields', nextId)) {
      if (++read % chunk === 0) yield
      if (!live.has(shortId)) throw damaged(`\`storedFields\` has an entry for ${shortId}, which is no document`)
      if (!isObject(stored)) throw damaged(`\`storedFields\` of ${shortId} is not an object`)
      const copy: Record<string, unknown> = {}
      for (const key of Object.keys(stored)) {
        if (!storeFields.includes(key))
          throw damaged(`\`storedFields\` of ${shortId} holds ${JSON.stringify(key)}, not a stored field`)
        const value = copyStoredValue(stored[key], key)
        if (!('value' in value))
          throw damaged(`\`storedFields\` of ${shortId} holds ${value.found} at \`${value.path}\``)
        if (key === 'id' && value.value !== documentIds[shortId])
          throw damaged(`\`storedFields\` of ${shortId} holds an \`id\` other than the document's`)
        Object.defineProperty(copy, key, { value: value.value, enumerable: true, writable: true, configurable: true })
      }
      storedFields[shortId] = copy
    }

    const average = fields.map((_, f) => typeof averageFieldLength[f] === 'number')
    const terms = raw.index
    if (!Array.isArray(terms)) throw damaged('`index` (the terms) is not an array')
    const index: Array<[string, Record<string, Postings>]> = []
    const seen = new Set<string>()
    for (const entry of terms as unknown[]) {
      if (++read % chunk === 0) yield
      if (
        !Array.isArray(entry) ||
        entry.length !== 2 ||
        typeof entry[0] !== 'string' ||
        entry[0].length === 0 ||
        !isObject(entry[1])
      )
        throw damaged('`index` holds an entry that is not [term, postings]')
      const [term, data] = entry as [string, Record<string, unknown>]
      if (seen.has(term)) throw damaged(`\`index\` holds the term ${JSON.stringify(term)} twice`)
      seen.add(term)
      const copy: Record<string, Postings> = {}
      let any = false
      for (const fieldKey of Object.keys(data)) {
        const f = Number(fieldKey)
        if (!CANONICAL_ID.test(fieldKey) || f >= fields.length)
          throw damaged(`\`index\` has postings for the field number ${JSON.stringify(fieldKey)}, which is no field`)
        const given = data[fieldKey]
        if (!isObject(given)) throw damaged(`\`index\` has postings of ${JSON.stringify(term)} that are not an object`)
        const postings: Postings = {}
        let count = 0
        for (const key of Object.keys(given)) {
          const frequency = given[key]
          if (!isCount(frequency) || frequency < 1)
            throw damaged(
              `\`index\` has the frequency ${describe(frequency)} for ${JSON.stringify(term)} in ${JSON.stringify(key)}`,
            )
          // keys are compared as strings: internal ids are canonical, one spelling each
          const lengths = lengthsOf.get(key)
          if (lengths === undefined) {
            if (!CANONICAL_ID.test(key) || Number(key) >= nextId)
              throw damaged(
                `\`index\` has a posting for ${JSON.stringify(key)}, not an internal id below nextId (${nextId})`,
              )
            if (live.has(Number(key)))
              throw damaged(`\`index\` has ${JSON.stringify(term)} in ${key}, which has no \`fieldLength\``)
            continue // a removed document's posting: dropped
          }
          const length = lengths[f]
          if (length === undefined || length === null || length < 1)
            throw damaged(
              `\`index\` has ${JSON.stringify(term)} in field ${f} of ${key}, which has no length for it in \`fieldLength\``,
            )
          if (average[f] !== true)
            throw damaged(`\`averageFieldLength\` has no number for field ${f}, which has postings`)
          postings[key] = frequency
          count++
        }
        if (count > 0) {
          copy[fieldKey] = postings
          any = true
        }
      }
      if (any) index.push([term, copy])
    }
    return {
      documentCount,
      nextId,
      documentIds,
      fieldIds,
      fieldLength,
      averageFieldLength,
      storedFields,
      dirtCount: 0,
      index,
      serializationVersion: ENGINE_VERSION,
    }
  }
}

/** Runs one step of a reader of caller-supplied data, as {@link guarded}. */
export const guardedStep = <R>(steps: Generator<void, R>): IteratorResult<void, R> => guarded(() => steps.next())

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

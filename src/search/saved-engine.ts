/**
 * The engine part of a saved index (MiniSearch's serialized index): each part read once, checked
 * for every invariant the engine relies on and copied, in the order of the saved form (counts,
 * documents, fields, lengths, stored fields, terms); one check per part or per entry of a part.
 * The first part found invalid throws `FAHRAS_INVALID_INDEX` naming it. @internal
 */
import { describe } from '../errors.js'
import { copyStoredValue } from './documents.js'
import type { DocumentId } from './options.js'
import { checkKeys, damaged, guarded, isCount, isObject, type EngineJSON, type Postings } from './saved-index.js'
import { own } from '../own.js'

/** The serialization version of MiniSearch 7 (the engine part of a saved index). */
const ENGINE_VERSION = 2
/** An internal document id: a non-negative integer written in canonical decimal ("0", "17", not "00"). */
const CANONICAL_ID = /^(?:0|[1-9][0-9]{0,15})$/
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

/** Entries read between two pauses of {@link readEngineSteps}. */
export const LOAD_CHUNK = 10_000

/**
 * What the postings are checked against: the documents, their field lengths, and for each field
 * (one slot a field) whether it has an average length. @internal
 */
interface PostingRules {
  readonly nextId: number
  readonly live: ReadonlySet<number>
  readonly lengthsOf: ReadonlyMap<string, Array<number | null>>
  readonly average: readonly boolean[]
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
  const { engine, nextId, documentCount } = readEngineCounts(raw)
  const documentIds: Record<string, DocumentId> = {}
  const live = new Set<number>()
  const external = new Set<DocumentId>()
  for (const [shortId, id] of byInternalId(engine.documentIds, 'documentIds', nextId)) {
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
  const fieldIds = readFieldIds(engine.fieldIds, fields)
  const averageFieldLength = copyPerField(
    engine.averageFieldLength,
    fields.length,
    Number.isFinite as (n: unknown) => n is number,
    '`averageFieldLength`',
    'number',
  )
  const fieldLength: Record<string, Array<number | null>> = {}
  const lengthsOf = new Map<string, Array<number | null>>()
  for (const [shortId, lengths] of byInternalId(engine.fieldLength, 'fieldLength', nextId)) {
    if (++read % chunk === 0) yield
    if (!live.has(shortId)) throw damaged(`\`fieldLength\` has an entry for ${shortId}, which is no document`)
    const copy = copyPerField(lengths, fields.length, isCount, `\`fieldLength\` of ${shortId}`, 'length')
    fieldLength[shortId] = copy
    lengthsOf.set(String(shortId), copy)
  }
  const storedFields: Record<string, Record<string, unknown>> = {}
  for (const [shortId, stored] of byInternalId(engine.storedFields, 'storedFields', nextId)) {
    if (++read % chunk === 0) yield
    storedFields[shortId] = copyStored(shortId, stored, live, storeFields, documentIds[shortId])
  }
  const average = fields.map((_, f) => typeof averageFieldLength[f] === 'number')
  const rules: PostingRules = { nextId, live, lengthsOf, average }
  const terms = engine.index
  if (!Array.isArray(terms)) throw damaged('`index` (the terms) is not an array')
  const index: Array<[string, Record<string, Postings>]> = []
  const seen = new Set<string>()
  for (const entry of terms as unknown[]) {
    if (++read % chunk === 0) yield
    const [term, data] = checkTerm(entry, seen)
    const copy = copyTerm(term, data, rules)
    if (copy !== null) index.push([term, copy])
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

/** Runs one step of a reader of caller-supplied data, as {@link guarded}. */
export const guardedStep = <R>(steps: Generator<void, R>): IteratorResult<void, R> => guarded(() => steps.next())

/** The engine data, its keys and serialization version checked, and its counts (each read once). @internal */
function readEngineCounts(raw: unknown): { engine: Record<string, unknown>; nextId: number; documentCount: number } {
  if (!isObject(raw)) throw damaged('its engine data (`index`) is not an object')
  checkKeys(raw, ENGINE_KEYS, 'its engine data')
  if (raw.serializationVersion !== ENGINE_VERSION)
    throw damaged(`\`serializationVersion\` is not ${ENGINE_VERSION} (got ${describe(raw.serializationVersion)})`)
  const { nextId, documentCount, dirtCount } = raw
  if (!isCount(nextId)) throw damaged(`\`nextId\` is not a safe integer >= 0 (got ${describe(nextId)})`)
  if (!isCount(documentCount) || !isCount(dirtCount))
    throw damaged('`documentCount` or `dirtCount` is not a safe integer >= 0')
  return { engine: raw, nextId, documentCount }
}

/** The entries of a plain object of internal ids (canonical, below nextId) → values, in one pass. @internal */
function* byInternalId(value: unknown, part: string, nextId: number): Generator<[number, unknown]> {
  if (!isObject(value)) throw damaged(`\`${part}\` is not an object`)
  for (const key of Object.keys(value)) {
    if (!CANONICAL_ID.test(key) || Number(key) >= nextId)
      throw damaged(`\`${part}\` has the key ${JSON.stringify(key)}, not an internal id below nextId (${nextId})`)
    yield [Number(key), value[key]]
  }
}

/** `fieldIds`, copied: the fields numbered 0, 1, … in order. @internal */
function readFieldIds(value: unknown, fields: readonly string[]): Record<string, number> {
  const fieldIds: Record<string, number> = {}
  if (!isObject(value) || Object.keys(value).length !== fields.length || !fields.every((f, i) => own(value, f) === i)) {
    throw damaged(`\`fieldIds\` does not number the fields ${fields.join(', ')} in order`)
  }
  fields.forEach((f, i) =>
    Object.defineProperty(fieldIds, f, { value: i, enumerable: true, writable: true, configurable: true }),
  )
  return fieldIds
}

/**
 * An array of one slot per field at most, copied: each slot `null` (or left out) or a number that
 * `valid` accepts; `part` and `slot` name the array and its slots in errors. @internal
 */
function copyPerField(
  value: unknown,
  fieldCount: number,
  valid: (n: unknown) => n is number,
  part: string,
  slot: string,
): Array<number | null> {
  if (!Array.isArray(value) || value.length > fieldCount)
    throw damaged(`${part} is not an array of one ${slot} per field`)
  const copy: Array<number | null> = []
  for (let f = 0; f < value.length; f++) {
    const n: unknown = value[f]
    if (n === null || n === undefined) copy.push(null)
    else if (valid(n)) copy.push(n)
    else throw damaged(`${part} holds ${describe(n)} for field ${f}`)
  }
  return copy
}

/**
 * An entry of `storedFields`, copied: for a live document, stored fields holding JSON data, and a
 * stored `id` the document's `id`. @internal
 */
function copyStored(
  shortId: number,
  stored: unknown,
  live: ReadonlySet<number>,
  storeFields: readonly string[],
  id: DocumentId | undefined,
): Record<string, unknown> {
  if (!live.has(shortId)) throw damaged(`\`storedFields\` has an entry for ${shortId}, which is no document`)
  if (!isObject(stored)) throw damaged(`\`storedFields\` of ${shortId} is not an object`)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(stored)) {
    if (!storeFields.includes(key))
      throw damaged(`\`storedFields\` of ${shortId} holds ${JSON.stringify(key)}, not a stored field`)
    const value = copyStoredValue(stored[key], key)
    if (!('value' in value)) throw damaged(`\`storedFields\` of ${shortId} holds ${value.found} at \`${value.path}\``)
    if (key === 'id' && value.value !== id)
      throw damaged(`\`storedFields\` of ${shortId} holds an \`id\` other than the document's`)
    Object.defineProperty(copy, key, { value: value.value, enumerable: true, writable: true, configurable: true })
  }
  return copy
}

/** An entry of `index`: [term, postings], a term not seen before (noted in `seen`). @internal */
function checkTerm(entry: unknown, seen: Set<string>): [string, Record<string, unknown>] {
  if (
    !Array.isArray(entry) ||
    entry.length !== 2 ||
    typeof entry[0] !== 'string' ||
    entry[0].length === 0 ||
    !isObject(entry[1])
  )
    throw damaged('`index` holds an entry that is not [term, postings]')
  // read once: the term checked is the term indexed, whatever a getter of the entry returns next
  const [term, data] = entry as [string, Record<string, unknown>]
  if (seen.has(term)) throw damaged(`\`index\` holds the term ${JSON.stringify(term)} twice`)
  seen.add(term)
  return [term, data]
}

/**
 * The postings of a term, copied field by field; null when all of them were removed documents'
 * (dropped). @internal
 */
function copyTerm(term: string, data: Record<string, unknown>, rules: PostingRules): Record<string, Postings> | null {
  const copy: Record<string, Postings> = {}
  let any = false
  for (const fieldKey of Object.keys(data)) {
    const f = Number(fieldKey)
    if (!CANONICAL_ID.test(fieldKey) || f >= rules.average.length)
      throw damaged(`\`index\` has postings for the field number ${JSON.stringify(fieldKey)}, which is no field`)
    const postings = readPostings(term, f, data[fieldKey], rules)
    if (postings !== null) {
      copy[fieldKey] = postings
      any = true
    }
  }
  return any ? copy : null
}

/**
 * The postings of a term in field `f`: integer frequencies >= 1, each in a field the document has
 * a length >= 1 for, with an average length; null when only removed documents' postings (dropped)
 * were there. @internal
 */
function readPostings(term: string, f: number, given: unknown, rules: PostingRules): Postings | null {
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
    const lengths = rules.lengthsOf.get(key)
    if (lengths === undefined) {
      if (!CANONICAL_ID.test(key) || Number(key) >= rules.nextId)
        throw damaged(
          `\`index\` has a posting for ${JSON.stringify(key)}, not an internal id below nextId (${rules.nextId})`,
        )
      if (rules.live.has(Number(key)))
        throw damaged(`\`index\` has ${JSON.stringify(term)} in ${key}, which has no \`fieldLength\``)
      continue // a removed document's posting: dropped
    }
    const length = lengths[f]
    if (length === undefined || length === null || length < 1)
      throw damaged(
        `\`index\` has ${JSON.stringify(term)} in field ${f} of ${key}, which has no length for it in \`fieldLength\``,
      )
    if (rules.average[f] !== true)
      throw damaged(`\`averageFieldLength\` has no number for field ${f}, which has postings`)
    postings[key] = frequency
    count++
  }
  return count > 0 ? postings : null
}

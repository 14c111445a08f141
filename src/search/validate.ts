/**
 * Checks the engine part of a saved index (MiniSearch's serialized form) before it is loaded, so
 * that a truncated, corrupted or tampered file fails with a clear error instead of loading and
 * then failing, or answering wrongly, at search time. Linear in the size of the index.
 * Returns a description of the first problem, or null when the structure is sound.
 */
export function checkEngineJSON(index: unknown, fields: readonly string[], storeFields: readonly string[]): string | null {
  if (index === null || typeof index !== 'object' || Array.isArray(index)) return 'the engine data is not an object'
  const data = index as Record<string, unknown>
  const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0
  const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
  if (data.serializationVersion !== 1 && data.serializationVersion !== 2) return 'unknown engine serialization version'
  if (!isCount(data.documentCount) || !isCount(data.nextId) || !isCount(data.dirtCount)) return 'document counters are missing or invalid'
  if (!isPlainObject(data.documentIds)) return '`documentIds` is not an object'
  const shortIds = new Set<string>()
  for (const [shortId, id] of Object.entries(data.documentIds)) {
    if (!/^\d{1,15}$/.test(shortId)) return `invalid internal document number ${JSON.stringify(shortId).slice(0, 40)}`
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))) return `document ${shortId} has an invalid id`
    shortIds.add(shortId)
  }
  if (shortIds.size !== data.documentCount) return `\`documentCount\` is ${String(data.documentCount)} but ${shortIds.size} documents are listed`
  if (!isPlainObject(data.fieldIds)) return '`fieldIds` is not an object'
  const fieldIds = new Set<number>()
  for (const field of fields) {
    const id = data.fieldIds[field]
    if (!isCount(id)) return `field \`${field}\` is missing from the engine data`
    fieldIds.add(id as number)
  }
  if (Object.keys(data.fieldIds).length !== fields.length) return 'the engine data lists other fields'
  if (!Array.isArray(data.averageFieldLength) || data.averageFieldLength.some((n) => n !== null && (typeof n !== 'number' || !Number.isFinite(n)))) return '`averageFieldLength` is invalid'
  if (!isPlainObject(data.fieldLength)) return '`fieldLength` is not an object'
  for (const [shortId, lengths] of Object.entries(data.fieldLength)) {
    if (!shortIds.has(shortId)) return `field lengths of an unknown document ${JSON.stringify(shortId).slice(0, 40)}`
    if (!Array.isArray(lengths) || lengths.some((n) => n !== null && n !== undefined && !isCount(n))) return `field lengths of document ${shortId} are invalid`
  }
  if (!isPlainObject(data.storedFields)) return '`storedFields` is not an object'
  for (const [shortId, stored] of Object.entries(data.storedFields)) {
    if (!shortIds.has(shortId)) return `stored fields of an unknown document ${JSON.stringify(shortId).slice(0, 40)}`
    if (!isPlainObject(stored)) return `stored fields of document ${shortId} are not an object`
    for (const key of Object.keys(stored)) if (!storeFields.includes(key)) return `document ${shortId} stores an unknown field ${JSON.stringify(key).slice(0, 40)}`
  }
  if (!Array.isArray(data.index)) return '`index` is not an array'
  for (const entry of data.index) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !isPlainObject(entry[1])) return 'an index entry is invalid'
    for (const [fieldId, postings] of Object.entries(entry[1])) {
      if (!fieldIds.has(Number(fieldId))) return `the term ${JSON.stringify(entry[0]).slice(0, 40)} refers to an unknown field`
      if (!isPlainObject(postings)) return `the postings of ${JSON.stringify(entry[0]).slice(0, 40)} are invalid`
      for (const [docId, freq] of Object.entries(postings)) {
        // postings of removed documents may remain until the engine vacuums them
        if (!/^\d{1,15}$/.test(docId) || typeof freq !== 'number' || !(freq > 0)) return `the postings of ${JSON.stringify(entry[0]).slice(0, 40)} are invalid`
      }
    }
  }
  return null
}

/**
 * Checks the engine part of a saved index (MiniSearch's serialized form) before it is loaded, so
 * that a truncated, corrupted or tampered file fails with a clear error instead of loading and
 * then failing, or answering wrongly, at search time. Linear in the size of the index.
 * Returns the name of the first part found invalid, or null when the structure is sound.
 */
export function checkEngineJSON(index: unknown, fields: readonly string[], storeFields: readonly string[]): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
  const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0
  const isShortId = (k: string) => /^\d{1,15}$/.test(k)
  if (!isObject(index)) return 'engine data'
  const { documentIds, fieldIds, fieldLength, averageFieldLength: averages, storedFields, index: terms } = index
  if (index.serializationVersion !== 1 && index.serializationVersion !== 2) return 'serializationVersion'
  if (!isCount(index.documentCount) || !isCount(index.nextId) || !isCount(index.dirtCount)) return 'document counters'
  if (!isObject(documentIds)) return 'documentIds'
  const ids = Object.keys(documentIds)
  const known = new Set(ids)
  for (const k of ids) {
    const id = documentIds[k]
    if (!isShortId(k) || !(typeof id === 'string' || Number.isFinite(id))) return 'documentIds'
  }
  if (ids.length !== index.documentCount) return 'documentCount'
  if (!isObject(fieldIds) || Object.keys(fieldIds).length !== fields.length || !fields.every((f) => isCount(fieldIds[f]))) return 'fieldIds'
  const fieldNumbers = new Set(Object.values(fieldIds).map(String))
  if (!Array.isArray(averages) || !averages.every((n) => n === null || Number.isFinite(n))) return 'averageFieldLength'
  if (!isObject(fieldLength) || !Object.entries(fieldLength).every(([k, v]) => known.has(k) && Array.isArray(v) && v.every((n) => n == null || isCount(n)))) return 'fieldLength'
  if (!isObject(storedFields) || !Object.entries(storedFields).every(([k, v]) => known.has(k) && isObject(v) && Object.keys(v).every((f) => storeFields.includes(f)))) return 'storedFields'
  if (!Array.isArray(terms)) return 'index'
  for (const entry of terms) {
    // postings of removed documents may remain until the engine vacuums them
    const ok = Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && isObject(entry[1]) &&
      Object.entries(entry[1]).every(([f, postings]) => fieldNumbers.has(f) && isObject(postings) && Object.entries(postings).every(([d, n]) => isShortId(d) && typeof n === 'number' && n > 0))
    if (!ok) return 'index'
  }
  return null
}

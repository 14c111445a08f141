/**
 * The reader of STOR (docs/format.md): per stored field, u32 byte offsets, a kind byte per
 * document and the values in the text encoding, checked once, decoded one document at a time and
 * kept for the documents read last. @internal
 */
import { decodeText, type FormatProblem, u32s } from './bytes.js'
import { STORED_KIND } from './layout.js'

/** Decoded stored fields kept for the documents read last (a search reads a result's several times). */
const STORED_CACHE = 64

/**
 * A document's stored fields (undefined without any), from STOR checked now; the documents read
 * last are kept decoded. @internal
 */
export function storedReader(
  bytes: Uint8Array,
  documentCount: number,
  names: readonly string[],
  problem: (what: string) => FormatProblem,
): (doc: number) => Record<string, unknown> | undefined {
  const read = storedTables(bytes, documentCount, names, problem)
  const recent = new Map<number, Record<string, unknown> | undefined>()
  return (doc) => {
    let stored = recent.get(doc)
    if (stored === undefined && !recent.has(doc)) {
      stored = read(doc)
      if (recent.size >= STORED_CACHE) recent.delete(recent.keys().next().value!)
      recent.set(doc, stored)
    }
    return stored
  }
}

/**
 * The reader of STOR: per stored field, u32 byte offsets, a kind byte per document and the
 * values in the text encoding (write.ts). Returns a document's stored fields, or undefined without any.
 */
function storedTables(
  bytes: Uint8Array,
  documentCount: number,
  names: readonly string[],
  problem: (what: string) => FormatProblem,
): (doc: number) => Record<string, unknown> | undefined {
  if (bytes.length < 4) throw problem('its STOR section is too short')
  const count = u32s(bytes, 0, 1)[0]!
  if (bytes.length < 4 * (count + 2)) throw problem('its STOR section is too short for its fields')
  if (count !== names.length) throw problem(`its STOR section holds ${count} fields, its header names ${names.length}`)
  const starts = u32s(bytes, 4, count + 1)
  const fields: Array<{ offsets: Uint32Array; kinds: Uint8Array; units: number }> = []
  for (let f = 0; f < count; f++) {
    const start = starts[f]!
    if (start % 4 !== 0 || start + 4 * (documentCount + 1) + documentCount > bytes.length)
      throw problem('its STOR section has a field table that does not fit it')
    const offsets = u32s(bytes, start, documentCount + 1)
    const kinds = bytes.subarray(start + 4 * (documentCount + 1), start + 4 * (documentCount + 1) + documentCount)
    const units = start + 4 * (documentCount + 1) + documentCount
    for (let i = 0; i < documentCount; i++) {
      const empty = offsets[i] === offsets[i + 1]
      if (
        offsets[i]! > offsets[i + 1]! ||
        kinds[i]! > STORED_KIND.json ||
        (kinds[i] === STORED_KIND.absent && !empty) ||
        (kinds[i] === STORED_KIND.json && empty)
      ) {
        throw problem('its STOR section has offsets or kinds out of order')
      }
    }
    if (offsets[0] !== 0 || units + offsets[documentCount]! > starts[f + 1]!)
      throw problem('its STOR section has offsets that do not fit it')
    fields.push({ offsets, kinds, units })
  }
  return (doc) => {
    let stored: Record<string, unknown> | undefined
    for (let f = 0; f < count; f++) {
      const { offsets, kinds, units } = fields[f]!
      const kind = kinds[doc]!
      if (kind === STORED_KIND.absent) continue
      const text = decodeText(bytes, units + offsets[doc]!, units + offsets[doc + 1]!)
      ;(stored ??= {})[names[f]!] = kind === STORED_KIND.string ? text : JSON.parse(text)
    }
    return stored
  }
}

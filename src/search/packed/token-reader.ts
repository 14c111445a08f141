/**
 * The reader of OFFS (docs/format.md): the offsets of the tokens of the stored fields, per
 * document and field (start gap, length) varints, checked once, decoded one field at a time. @internal
 */
import { type FormatProblem, readVarint, u32s } from './bytes.js'

/** OFFS, checked: where each (document, field) slot's tokens start. @internal */
export interface TokenTable {
  readonly offs: Uint8Array
  /** Byte offsets after `base`, per slot `doc * fieldCount + field`, one more at the end. */
  readonly starts: Uint32Array
  readonly base: number
  readonly fieldCount: number
  /** The end of the last varint read. */
  readonly at: number[]
}

/** Checks OFFS; damage throws what `problem` makes. @internal */
export function readTokenTable(
  offs: Uint8Array,
  documentCount: number,
  fieldCount: number,
  problem: (what: string) => FormatProblem,
): TokenTable {
  const slots = documentCount * fieldCount
  if (offs.length < 4 * (slots + 1)) throw problem('its OFFS section is too short')
  const starts = u32s(offs, 0, slots + 1)
  const base = 4 * (slots + 1)
  for (let i = 0; i < slots; i++)
    if (starts[i]! > starts[i + 1]!) throw problem('its OFFS section has offsets out of order')
  if (starts[0] !== 0 || base + starts[slots]! !== offs.length)
    throw problem('its OFFS section has offsets that do not fit it')
  return { offs, starts, base, fieldCount, at: [0] }
}

/**
 * [start, end) in the original text of every token of a stored field (start, end pairs), up to
 * position `upTo`, or null when the field has none. @internal
 */
export function tokenRanges(table: TokenTable, doc: number, field: number, upTo = Infinity): Int32Array | null {
  const { offs, starts, base, at } = table
  const slot = doc * table.fieldCount + field
  let q = base + starts[slot]!
  const end = base + starts[slot + 1]!
  if (q === end) return null
  // each token takes 2 bytes at least: room for all of them, or for those up to `upTo`
  const out = new Int32Array(2 * Math.min((end - q) >> 1, upTo + 1))
  let n = 0
  let start = 0
  while (q < end && n < out.length) {
    start += readVarint(offs, q, end, at)
    const length = readVarint(offs, at[0]!, end, at)
    q = at[0]!
    out[n++] = start
    out[n++] = start + length
  }
  return out.subarray(0, n)
}

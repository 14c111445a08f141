/**
 * The writer of OFFS (docs/format.md): the offsets of the tokens of each document's stored
 * fields, per field (start gap, length) varints, one document field after another. @internal
 */
import { ByteWriter } from './bytes.js'

/** The offsets of the tokens of each document's fields (OFFS): per field, (start gap, length) varints. */
export interface TokenOffsets {
  /** Byte offsets into `bytes`, per document and field (`doc * fieldCount + field`), one more at the end. */
  readonly starts: Uint32Array
  readonly bytes: Uint8Array
}

/** Writes OFFS, one document field after another, in order. @internal */
export function tokenWriter(fieldCount: number) {
  const out = new ByteWriter()
  let starts = new Uint32Array(1024)
  let entries = 0
  let previous = 0
  const next = () => {
    if (entries + 2 > starts.length) {
      const grown = new Uint32Array(starts.length * 2)
      grown.set(starts)
      starts = grown
    }
    starts[++entries] = out.length
    previous = 0
  }
  return {
    /** A token's [start, end) in the original text. */
    token(start: number, end: number) {
      out.varint(start - previous)
      out.varint(end - start)
      previous = start
    },
    /** The end of a field (its tokens kept only `withOffsets`). */
    end(withOffsets: boolean) {
      if (!withOffsets) out.length = starts[entries]!
      next()
    },
    /** A field the document does not have. */
    none: () => next(),
    finish: (): TokenOffsets =>
      ({ starts: starts.slice(0, entries + 1), bytes: out.finish(), fieldCount }) as TokenOffsets,
  }
}

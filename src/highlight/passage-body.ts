import { WHITESPACE } from './cut-points.js'

/**
 * The text of a passage, cut from the original: whitespace runs collapsed to one space, and the
 * explicit bidi controls balanced so that nothing stays open past the passage (a passage that cut
 * an RLO…PDF pair would otherwise turn the page after it right to left).
 * @internal
 */
export interface PassageBody {
  readonly body: string
  /** For each original offset in `[start, end]` (relative to `start`), its offset in `body`. */
  readonly offsetAt: readonly number[]
}

/** LRE, RLE, LRO, RLO: open an embedding or override, closed by PDF. */
const EMBEDDING_OPENERS = new Set([0x202a, 0x202b, 0x202d, 0x202e])
/** PDF: closes the innermost embedding or override, when no isolate is open inside it. */
const PDF = 0x202c
/** LRI, RLI, FSI: open an isolate, closed by PDI. */
const ISOLATE_OPENERS = new Set([0x2066, 0x2067, 0x2068])
/** PDI: closes the innermost isolate and every embedding opened inside it. */
const PDI = 0x2069
/**
 * Paragraph separators (bidi class B): they end every embedding and isolate, so the open ones are
 * closed there (a line break collapses to a space in a passage and would no longer end them).
 */
const PARAGRAPH_SEPARATORS = new Set([0x000a, 0x000d, 0x001c, 0x001d, 0x001e, 0x0085, 0x2029])

/** The open embeddings and isolates of a passage, with what closes them. */
interface BidiStack {
  /** What to write for the control `c`: itself, or '' when it closes nothing that is open. */
  accept(c: number, ch: string): string
  /** The closers of everything still open, innermost first; empties the stack. */
  closeAll(): string
}

/** An empty {@link BidiStack}, for one passage. */
function bidiStack(): BidiStack {
  const open: boolean[] = [] // true: an isolate
  let isolates = 0
  return {
    accept(c, ch) {
      if (EMBEDDING_OPENERS.has(c)) {
        open.push(false)
        return ch
      }
      if (ISOLATE_OPENERS.has(c)) {
        open.push(true)
        isolates++
        return ch
      }
      if (c === PDF) {
        if (open.length === 0 || open[open.length - 1]) return ''
        open.pop()
        return ch
      }
      if (isolates === 0) return '' // a PDI with no isolate open
      while (!open.pop()) {
        // the embeddings inside the isolate close with it
      }
      isolates--
      return ch
    },
    closeAll() {
      let closers = ''
      while (open.length > 0) closers += open.pop() ? String.fromCharCode(PDI) : String.fromCharCode(PDF)
      isolates = 0
      return closers
    },
  }
}

const isBidiControl = (c: number) => EMBEDDING_OPENERS.has(c) || ISOLATE_OPENERS.has(c) || c === PDF || c === PDI

/**
 * Builds the text of the passage `[start, end)` of `text`: whitespace runs become one space
 * (leading and trailing ones are left out), closers with nothing to close are left out, and the
 * embeddings and isolates still open at the end (or at a line break) are closed there.
 * @internal
 */
export function passageBody(text: string, start: number, end: number): PassageBody {
  let body = ''
  const offsetAt: number[] = []
  const bidi = bidiStack()
  let i = start
  while (i < end && WHITESPACE.test(text.charAt(i))) offsetAt[i++ - start] = 0
  let pendingSpace = false
  for (; i < end; i++) {
    const ch = text.charAt(i)
    const c = ch.charCodeAt(0)
    if (PARAGRAPH_SEPARATORS.has(c)) body += bidi.closeAll()
    if (WHITESPACE.test(ch)) {
      offsetAt[i - start] = body.length
      pendingSpace = true
      continue
    }
    if (pendingSpace) {
      body += ' '
      pendingSpace = false
    }
    offsetAt[i - start] = body.length
    body += isBidiControl(c) ? bidi.accept(c, ch) : ch
  }
  offsetAt[end - start] = body.length
  return { body: body + bidi.closeAll(), offsetAt }
}

/**
 * Text from documents and file names made safe to print on a terminal. A document's title,
 * snippet, id or url, or a file's name, could otherwise carry escape sequences that clear the
 * screen, set the window title, plant OSC 8 links or write the clipboard (OSC 52); a carriage
 * return that overwrites a line; a line break that forges a line of output; or bidi overrides that
 * reorder what is shown.
 */

/** C0 controls but tab, DEL and C1 controls: none is ever printed as is. */
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g
/** Line breaks, printed as a space in running text. */
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g
/** Bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g
/** What makes a name or id printed in quotes: a control (tab included), a bidi control, a quote, a line separator. */
const NEEDS_QUOTES = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029"]|^\s|\s$/
/** The first of the Control Pictures block: U+2400 SYMBOL FOR NULL pictures U+0000, and so on. */
const CONTROL_PICTURES = 0x2400
/** The picture of DEL. */
const DELETE_PICTURE = '\u2421'

/** A control shown as what it is: C0 as its Control Picture (␛ for ESC), DEL as ␡, C1 as U+FFFD. */
function picture(control: string): string {
  const code = control.charCodeAt(0)
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code)
  if (code === 0x7f) return DELETE_PICTURE
  return '\ufffd'
}

/**
 * Running text (a title, a snippet, a message) for the terminal: line breaks become spaces, bidi
 * embedding, override and isolate controls are removed (the terminal lays out the text itself, and
 * an override could reorder what is read), other controls but tab are shown as pictures (␛, ␇).
 */
export function printable(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(BIDI_CONTROLS, '').replace(CONTROLS, picture)
}

/**
 * A file name, id or url for the terminal: as it is when it holds nothing unusual; else in double
 * quotes with controls, bidi controls and quotes escaped as in JSON (`"a\nb.jsonl"`, `"x\u202e"`),
 * so that what is printed is one line and shows every character.
 */
export function quoted(name: string): string {
  if (!NEEDS_QUOTES.test(name)) return name
  return escapeForTerminal(JSON.stringify(name))
}

/**
 * JSON for the terminal: the same value, with the characters JSON.stringify leaves raw that a
 * terminal could act on (DEL, C1 controls, bidi controls, line separators) written as `\u` escapes.
 */
export function escapeForTerminal(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

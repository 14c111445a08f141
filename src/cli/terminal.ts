import type { Snippet } from '../highlight/highlight.js'
import { printable } from './safe-print.js'

/** Styles for a terminal that supports colour; identity functions otherwise. */
export interface Style {
  readonly bold: (s: string) => string
  readonly dim: (s: string) => string
  readonly mark: (s: string) => string
  readonly red: (s: string) => string
}

/** How a match is marked without colour (piped, --no-color, NO_COLOR): plain brackets, which grep and any terminal show. */
export const PLAIN_MARK: readonly [string, string] = ['[', ']']
const PLAIN: Style = {
  bold: (s) => s,
  dim: (s) => s,
  mark: (s) => `${PLAIN_MARK[0]}${s}${PLAIN_MARK[1]}`,
  red: (s) => s,
}
const ANSI: Style = {
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
  mark: (s) => `\u001b[1;33m${s}\u001b[22;39m`,
  red: (s) => `\u001b[31m${s}\u001b[39m`,
}

/** Colour on a terminal, none when piped, with NO_COLOR set, or with --no-color. */
export function styleFor(stream: NodeJS.WriteStream, noColor: boolean): Style {
  if (noColor || process.env.NO_COLOR !== undefined || !stream.isTTY) return PLAIN
  return ANSI
}

/**
 * A snippet for the terminal: matches styled, text in logical order (the terminal lays it out),
 * controls neutralized (see printable). `around` styles the text between the matches (bold, for a
 * title): each piece on its own, so that a match's style does not end it.
 */
export function renderSnippet(snippet: Snippet, style: Style, around: (s: string) => string = (s) => s): string {
  let out = ''
  let at = 0
  const between = (s: string) => (s === '' ? '' : around(s))
  for (const [s, e] of snippet.ranges) {
    out += between(printable(snippet.text.slice(at, s))) + style.mark(printable(snippet.text.slice(s, e)))
    at = e
  }
  return out + between(printable(snippet.text.slice(at)))
}

/** A progress bar on stderr with documents per second and the time left; silent when not a TTY. */
export function progressBar(total: number, enabled: boolean) {
  const started = Date.now()
  let lastDraw = 0
  const stream = process.stderr
  const draw = (done: number, final = false) => {
    if (!enabled) return
    const now = Date.now()
    if (!final && now - lastDraw < 100) return
    lastDraw = now
    const seconds = Math.max(0.001, (now - started) / 1000)
    const rate = done / seconds
    const left = rate > 0 ? (total - done) / rate : 0
    const width = 30
    const filled = total > 0 ? Math.round((done / total) * width) : width
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
    const eta = final ? `${seconds.toFixed(1)} s` : `${left.toFixed(0)} s left`
    stream.write(`\r${bar} ${done}/${total} documents  ${rate.toFixed(0)} docs/s  ${eta}   `)
    if (final) stream.write('\n')
  }
  return { update: (done: number) => draw(done), finish: (done: number) => draw(done, true) }
}

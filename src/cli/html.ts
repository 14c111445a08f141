/** Visible text and title of an HTML page, without a parser dependency. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', hellip: '…',
  mdash: '—', ndash: '–', lrm: '\u200e', rlm: '\u200f', zwnj: '\u200c', zwj: '\u200d', copy: '©', shy: '\u00ad',
}

/** Decodes HTML character references (named, decimal and hexadecimal). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

const HIDDEN_ELEMENTS = ['script', 'style', 'noscript', 'template', 'svg', 'head']
const BLOCK_TAGS = /^(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|pre|hr|title|nav|aside|main|figure|figcaption|dd|dt)$/i

/** Removes `<name …>…</name>` elements (case-insensitive), scanning without backtracking. */
function removeElements(html: string, name: string): string {
  const lower = html.toLowerCase()
  let out = ''
  let at = 0
  for (;;) {
    const open = lower.indexOf(`<${name}`, at)
    if (open < 0) break
    const after = lower.charAt(open + name.length + 1)
    if (after && !/[\s>/]/.test(after)) {
      out += html.slice(at, open + 1)
      at = open + 1
      continue
    }
    const close = lower.indexOf(`</${name}`, open)
    out += html.slice(at, open) + ' '
    if (close < 0) return out
    const end = lower.indexOf('>', close)
    at = end < 0 ? html.length : end + 1
  }
  return out + html.slice(at)
}

/**
 * The visible text of an HTML document (scripts, styles and the head removed, tags dropped, block
 * elements on their own lines, entities decoded) and its title (from `<title>`, else the first
 * `<h1>`).
 */
export function htmlToText(html: string): { title: string; text: string } {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)
  const title = titleMatch ? decodeEntities(titleMatch[1]!.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim() : ''
  let body = html.replace(/<!--[\s\S]*?-->/g, ' ')
  for (const name of HIDDEN_ELEMENTS) body = removeElements(body, name)
  body = body.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) => (BLOCK_TAGS.test(name) ? '\n' : ' '))
  const text = decodeEntities(body)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n')
  return { title, text }
}

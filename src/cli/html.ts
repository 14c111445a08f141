/**
 * Visible text and title of an HTML page, without a parser dependency. A linear scanner: no
 * regular expression here can backtrack on hostile input.
 */

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

/** Elements whose content is never visible. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title'])
/** Elements that start a new line. */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section',
  'article', 'header', 'footer', 'blockquote', 'pre', 'hr', 'nav', 'aside', 'main', 'figure', 'figcaption', 'dd', 'dt',
])

const isNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d

interface Tag {
  /** Lower-cased element name, '' for comments and declarations. */
  name: string
  closing: boolean
  /** Offset just past the tag. */
  end: number
}

/** Reads the tag that starts at `lower[i] === '<'`, or null when it is no tag. */
function readTag(lower: string, i: number): Tag | null {
  if (lower.startsWith('<!--', i)) {
    const close = lower.indexOf('-->', i + 4)
    return { name: '', closing: false, end: close < 0 ? lower.length : close + 3 }
  }
  let k = i + 1
  const closing = lower.charCodeAt(k) === 0x2f
  if (closing) k++
  if (lower.charCodeAt(k) === 0x21 || lower.charCodeAt(k) === 0x3f) {
    const close = lower.indexOf('>', k)
    return { name: '', closing: false, end: close < 0 ? lower.length : close + 1 }
  }
  const nameStart = k
  while (k < lower.length && isNameChar(lower.charCodeAt(k))) k++
  if (k === nameStart) return null
  const close = lower.indexOf('>', k)
  return { name: lower.slice(nameStart, k), closing, end: close < 0 ? lower.length : close + 1 }
}

/**
 * The visible text of an HTML document (the head, scripts, styles, templates and comments
 * removed, tags dropped, block elements on their own lines, entities decoded) and its title
 * (from `<title>`, else the first `<h1>`).
 */
export function htmlToText(html: string): { title: string; text: string } {
  const lower = html.toLowerCase()
  let text = ''
  let title = ''
  let h1 = ''
  let hidden: string | null = null // the hidden element we are inside of
  let inTitle = false
  let inH1 = false
  let h1Done = false
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const chunkEnd = lt < 0 ? html.length : lt
    if (chunkEnd > i) {
      const chunk = html.slice(i, chunkEnd)
      if (inTitle) title += chunk
      if (hidden === null) {
        text += chunk
        if (inH1) h1 += chunk
      }
    }
    if (lt < 0) break
    const tag = readTag(lower, lt)
    if (tag === null) {
      if (hidden === null) text += '<'
      i = lt + 1
      continue
    }
    i = tag.end
    if (tag.name === '') continue
    if (tag.name === 'title') inTitle = !tag.closing
    if (hidden !== null) {
      if (tag.closing && tag.name === hidden) hidden = null
      continue
    }
    if (!tag.closing && HIDDEN_ELEMENTS.has(tag.name) && !lower.startsWith('/>', tag.end - 2)) {
      hidden = tag.name
      continue
    }
    if (tag.name === 'h1' && !h1Done) {
      if (tag.closing) {
        inH1 = false
        h1Done = h1.trim().length > 0
      } else inH1 = true
    }
    text += BLOCK_ELEMENTS.has(tag.name) ? '\n' : ' '
  }
  const clean = (s: string) => decodeEntities(s).replace(/[ \t\r\n\f\v\u00a0]+/g, ' ').trim()
  const visible = decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n')
  return { title: clean(title) || clean(h1), text: visible }
}

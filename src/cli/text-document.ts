// A text, Markdown or HTML file as one document: its front matter, title, text, path and URL.
import { basename, extname } from 'node:path'
import { htmlToText } from './html.js'
import type { Document, ReadOptions } from './inputs.js'
import { draftReason, markdownToText, splitFrontMatter, type FrontMatter } from './markdown.js'
import { pageUrl } from './urls.js'

/** Front matter fields that say how the page is published, not what it holds: not document fields. */
const FRONT_MATTER_ONLY = new Set(['permalink', 'slug', 'draft', 'published'])

/**
 * One document from a text, Markdown or HTML file, or why it is skipped: a draft, a front matter
 * that does not parse, no text. `path` is the file's path inside the folder given (its name, for a
 * file given on its own): the id, and the source of the URL. @internal
 */
export function textDocument(
  file: string,
  content: string,
  path: string,
  options: Required<ReadOptions>,
): { doc: Document } | { reason: string } {
  const ext = extname(file).toLowerCase()
  const markdown = ext === '.md' || ext === '.markdown'
  const html = ext === '.html' || ext === '.htm'
  let front: FrontMatter = {}
  let body = content
  if (markdown || html) {
    const split = splitFrontMatter(content)
    if (!split.ok) return { reason: split.reason }
    const draft = draftReason(split.data)
    if (draft !== null) return { reason: draft }
    front = split.data
    body = split.body
  }
  let title: string
  let text: string
  if (html || markdown) {
    const read = html ? htmlToText(body) : markdownToText(body)
    text = read.text
    title = read.title || (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim()
  } else {
    text = body
    title = (text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '').trim()
  }
  if (text.trim().length === 0)
    return {
      reason:
        markdown || html ? 'no text to index (empty, or only front matter or markup)' : 'no text to index (empty)',
    }
  const frontTitle = typeof front.title === 'string' && front.title.trim() ? front.title.trim() : undefined
  // the front matter's other fields are the document's too (tags, description, date…); the
  // reader's own fields (id, text, path, url) are not replaced
  const doc: Document = { [options.idField]: path, title: frontTitle ?? (title || basename(file, extname(file))) }
  for (const [key, value] of Object.entries(front)) if (!FRONT_MATTER_ONLY.has(key) && !(key in doc)) doc[key] = value
  Object.assign(doc, { text, path, url: pageUrl(path, options.baseUrl, front) })
  return { doc }
}

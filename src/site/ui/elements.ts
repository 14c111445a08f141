/**
 * The elements of the search box (mount-search.ts): the box itself, its stylesheet's `<link>`,
 * and a result. Titles, URLs and meta values are inserted as text; only `snippet.html` (escaped by
 * the runtime, matches in `<mark>`) is inserted as HTML.
 */
import type { SiteResult } from '../types.js'
import type { BoxSettings } from './options.js'

/** Boxes mounted so far: each panel's `id` is `fahras-<n>`. */
let uid = 0

/** An element with the class `fahras-<name>` and, if given, a text. @internal */
export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  name?: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  if (name) node.className = `fahras-${name}`
  if (text !== undefined) node.textContent = text
  return node
}

/** Only http(s) URLs (absolute or relative) become links: no `javascript:`, no empty href. @internal */
const linkable = (url: string) => {
  try {
    return url.trim() !== '' && /^https?:$/.test(new URL(url, location.href).protocol)
  } catch {
    return false
  }
}

/** Adds `<link rel="stylesheet">` for the box's CSS unless the page has a link with that URL. @internal */
export function addStylesheet(stylesheet: string | boolean): void {
  if (stylesheet === false) return
  const href = new URL(
    stylesheet === true ? './fahras-ui.css' : stylesheet,
    stylesheet === true ? import.meta.url : document.baseURI,
  ).href
  if (
    !Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~=stylesheet]')).some((link) => link.href === href)
  ) {
    const link = el('link')
    link.rel = 'stylesheet'
    link.href = href
    document.head.append(link)
  }
}

/** The elements of a box that its searches change. @internal */
export interface BoxElements {
  /** `div.fahras`, with `role=search`. */
  readonly root: HTMLDivElement
  readonly input: HTMLInputElement
  /** The `role=status` region that announces counts and errors. */
  readonly live: HTMLDivElement
  /** The results' panel: its head (count, nothing found, suggestion, error), the list, the "more" button. */
  readonly panel: HTMLDivElement
  readonly head: HTMLDivElement
  readonly list: HTMLOListElement
  readonly more: HTMLButtonElement
}

/** A new box: `<div.fahras role=search> <div.field><input></div> <div.live role=status> <div.panel> head, results, more`. @internal */
export function boxElements({ layout, dir, locale, labels }: BoxSettings): BoxElements {
  const id = `fahras-${++uid}`
  const root = el('div')
  root.className = `fahras fahras-${layout}`
  root.setAttribute('role', 'search')
  root.dir = dir
  root.lang = locale
  const field = el('div', 'field')
  const input = el('input', 'input')
  input.type = 'search'
  input.placeholder = labels.placeholder
  input.autocomplete = 'off'
  input.spellcheck = false
  input.setAttribute('aria-label', labels.label)
  input.setAttribute('aria-controls', id)
  input.setAttribute('enterkeyhint', 'search')
  field.append(input)
  const live = el('div', 'live')
  live.setAttribute('role', 'status')
  const panel = el('div', 'panel')
  panel.id = id
  panel.hidden = true
  const head = el('div', 'head')
  const list = el('ol', 'results')
  const more = el('button', 'more', labels.more)
  more.type = 'button'
  more.hidden = true
  panel.append(head, list, more)
  root.append(field, live, panel)
  return { root, input, live, panel, head, list, more }
}

/** A result: its title (a link when its URL is http(s)), its snippet and its meta line. @internal */
export function resultItem(result: SiteResult, meta: BoxSettings['meta']): HTMLLIElement {
  const li = el('li', 'result')
  // a page in another language (an English page of a bilingual site) is laid out as its own
  if (result.lang) li.lang = result.lang
  li.dir = 'auto'
  const link = linkable(result.url)
  const title = el(link ? 'a' : 'span', 'title', result.title || result.url)
  if (link) title.setAttribute('href', result.url)
  li.append(title)
  if (result.snippet.html) {
    const snippet = el('div', 'snippet')
    snippet.innerHTML = result.snippet.html // escaped by the runtime: only <mark> is markup
    li.append(snippet)
  }
  const values = meta === false ? [] : meta === true ? Object.values(result.meta) : meta.map((key) => result.meta[key])
  const line = values.filter((value) => value).join(' · ')
  if (line) li.append(el('div', 'meta', line))
  return li
}

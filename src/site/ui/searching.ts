/**
 * The searches of a mounted box (mount-search.ts): its state between keystrokes, a query run
 * against the site (an older run never renders), and what the panel shows of its answer.
 */
import type { Site, SiteResults } from '../types.js'
import { el, resultItem, type BoxElements } from './elements.js'
import type { BoxSettings } from './options.js'

/** Harakat, Quranic marks, the superscript alef and tatweel: adding one does not change what is found. */
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
/** A query as the index sees its letters: typing a haraka does not search again. */
const letters = (q: string | undefined) => q?.replace(MARKS, '')

/** What the panel shows (the box's `data-state`): nothing, loading, results, nothing found, an error. */
type PanelState = 'empty' | 'loading' | 'results' | 'none' | 'error'

/** A mounted box: its settings and elements, the site it searches, and where its searches are. @internal */
export interface BoxState extends BoxSettings, BoxElements {
  /** Writes the count of results (`locale`, `digits`). */
  readonly format: Intl.NumberFormat
  /** The site, opening or open; undefined until the first focus or query, and after it failed. */
  opened?: Promise<Site> | undefined
  /** The latest run: an older one never renders. */
  seq: number
  /** The query shown or being searched; undefined after an error. */
  pending: string | undefined
  /** The results shown. */
  shown: number
  /** The wait after typing, and the wait before the loading message. */
  timer?: ReturnType<typeof setTimeout> | undefined
  slow?: ReturnType<typeof setTimeout> | undefined
  /** Cancels the search running. */
  controller?: AbortController | undefined
}

/** The site: the one given, else `openSite()` of `fahras.js` beside this module; after a failure the next query tries again. @internal */
export const openBoxSite = (b: BoxState): Promise<Site> =>
  (b.opened ??= Promise.resolve(
    b.site ??
      import(new URL('./fahras.js', import.meta.url).href).then((m: { openSite(): Promise<Site> }) => m.openSite()),
  ).catch((error: unknown) => {
    b.opened = undefined // the next query tries again
    throw error
  }))

/** Sets what the panel shows; an empty box has its panel hidden. @internal */
export function showState(b: BoxState, name: PanelState): void {
  b.root.dataset.state = name
  b.panel.hidden = name === 'empty'
}

/** A search starts (after 150 ms: `aria-busy`, and the loading message when nothing is shown yet) or ends. @internal */
function busy(b: BoxState, on: boolean): void {
  const { root } = b
  clearTimeout(b.slow)
  if (on) {
    b.slow = setTimeout(() => {
      root.setAttribute('aria-busy', 'true')
      if (root.dataset.state === 'empty') {
        b.head.replaceChildren(el('p', 'count', b.labels.loading))
        showState(b, 'loading')
      }
    }, 150)
  } else root.removeAttribute('aria-busy')
}

/** Tells screen readers `text`. @internal */
function announce(b: BoxState, text: string): void {
  // the same text again (a new query, as many results) is made different so it is announced again
  b.live.textContent = text && b.live.textContent === text ? `${text}\u00a0` : text
}

/** Hides the panel of an overlay box (an inline box keeps its results in the page). @internal */
export function closePanel(b: BoxState): void {
  if (b.layout === 'overlay') b.panel.hidden = true
}

/** Puts `query` in the input and searches it now. @internal */
export function searchFor(b: BoxState, query: string): Promise<void> {
  b.input.value = query
  return run(b, query)
}

/** Empties the input and the results. @internal */
export function clearBox(b: BoxState): void {
  b.input.value = ''
  void run(b, '')
}

/** Cancels what is running: the typing wait, the loading message, the search (its answer is not shown). @internal */
export function stopBox(b: BoxState): void {
  clearTimeout(b.timer)
  busy(b, false)
  b.seq++
  b.controller?.abort()
}

/** Shows an answer: its results (after those shown with `append`), its count or "nothing found". @internal */
function render(b: BoxState, q: string, found: SiteResults, append: boolean, suggestion: string | undefined): void {
  const { list, head, labels } = b
  if (!append) {
    list.replaceChildren()
    b.shown = 0
    b.panel.scrollTop = 0
  }
  const first = list.children.length
  list.append(...found.results.map((result) => resultItem(result, b.meta)))
  b.shown += found.results.length
  b.more.hidden = !found.results.length || b.shown >= found.total
  let text: string
  if (found.total) {
    text = labels.count(found.total, b.format.format(found.total))
    head.replaceChildren(el('p', 'count', text))
  } else {
    text = labels.noResults.split('{q}').join(q)
    head.replaceChildren(el('p', 'none', text))
    if (suggestion) {
      const [before = '', after = ''] = labels.didYouMean.split('{q}')
      const button = el('button', 'suggestion', suggestion)
      button.type = 'button'
      button.addEventListener('click', () => {
        b.input.focus()
        void searchFor(b, suggestion)
      })
      const line = el('p', 'suggest')
      line.append(before, button, after)
      head.append(line)
      text += ` ${line.textContent ?? ''}`
    }
  }
  announce(b, text)
  showState(b, found.total ? 'results' : 'none')
  if (append) list.children[first]?.querySelector<HTMLElement>('a')?.focus()
}

/** Empties the box: no search running, no results, nothing announced. @internal */
function emptyBox(b: BoxState): void {
  b.controller = undefined
  busy(b, false)
  b.list.replaceChildren()
  b.head.replaceChildren()
  b.more.hidden = true
  announce(b, '')
  showState(b, 'empty')
}

/** Shows that the runtime or a search failed. @internal */
function showError(b: BoxState): void {
  b.head.replaceChildren(el('p', 'error', b.labels.error))
  b.list.replaceChildren()
  b.more.hidden = true
  announce(b, b.labels.error)
  showState(b, 'error')
}

/**
 * Searches `value` (unless its letters are those shown) and shows the answer; `append` shows the
 * next results. An empty query empties the box. @internal
 */
export async function run(b: BoxState, value: string, append = false): Promise<void> {
  const q = value.trim()
  if (!append) {
    clearTimeout(b.timer)
    if (letters(q) === letters(b.pending)) return
  }
  b.controller?.abort()
  const mine = ++b.seq
  b.pending = q
  if (!q) return emptyBox(b)
  const signal = (b.controller = new AbortController()).signal
  busy(b, true)
  try {
    const opened = await openBoxSite(b)
    // the word being typed is a prefix (`word*`), unless the query ends with a space, `*` or `"`
    const asked = b.prefix && /[^\s*"]$/.test(q) ? `${q}*` : q
    const found = await opened.search(asked, {
      limit: b.limit,
      offset: append ? b.shown : 0,
      filters: b.filters,
      signal,
    })
    if (mine !== b.seq) return
    let suggestion: string | undefined
    if (!found.total && b.suggest) {
      suggestion = (await opened.suggest(q, { limit: 1, signal }).catch(() => []))[0]?.suggestion
      if (mine !== b.seq) return
      if (suggestion === q) suggestion = undefined
    }
    render(b, q, found, append, suggestion)
  } catch (error) {
    if (mine !== b.seq || (error as Error | null)?.name === 'AbortError') return
    b.pending = undefined // the same query may be tried again
    console.error('fahras:', error)
    showError(b)
  } finally {
    if (mine === b.seq) busy(b, false)
  }
}

/**
 * The drop-in search box of `fahras site`: `fahras-ui.js` (this file, bundled for browsers) and
 * `fahras-ui.css`, written beside the runtime (`fahras.js`) and the index.
 *
 * Works under a strict Content-Security-Policy (`default-src 'self'`): no inline styles, no
 * `<style>`, no eval; the look is in `fahras-ui.css`, themed with `--fahras-*` custom properties.
 * Titles, URLs, meta values and suggestions are inserted as text; only `snippet.html` (escaped by
 * the runtime, matches in `<mark>`) is inserted as HTML.
 */
import type { Site, SiteResult, SiteResults, SiteSearchOptions } from '../types.js'

/**
 * The texts of the box, Arabic by default. In `noResults` and `didYouMean`, `{q}` stands for the
 * query (for `didYouMean`, the suggestion as a button that searches it).
 */
export interface SearchLabels {
  /** The input's placeholder. Default `ابحث…`. */
  placeholder: string
  /** The input's accessible name (`aria-label`). Default `البحث في الموقع`. */
  label: string
  /** Shown when a search with nothing on screen yet takes more than 150 ms. Default `جارٍ البحث…`. */
  loading: string
  /** Nothing matches. Default `لا نتائج لـ «{q}»`. */
  noResults: string
  /** A suggestion when nothing matches. Default `هل تقصد: {q}؟`. */
  didYouMean: string
  /**
   * The number of results, shown above them and announced to screen readers. `formatted` is
   * `total` written by `Intl.NumberFormat(locale)`. Default: the Arabic plural forms, `نتيجة واحدة`,
   * `نتيجتان`, `٣ نتائج` (3–10), `١١ نتيجة` (11–99), `١٠٠ نتيجة`, `١٠٣ نتائج`…
   */
  count: (total: number, formatted: string) => string
  /** The button that shows the next results. Default `نتائج أخرى`. */
  more: string
  /** The runtime or a search failed. Default `تعذّر البحث، حاول مرة أخرى.` */
  error: string
}

/** Options of {@link mountSearch}. An unknown option throws a `TypeError`. */
export interface MountOptions {
  /** The site to search. Default: `openSite()` of `fahras.js`, the module beside `fahras-ui.js`, loaded on first focus or query. */
  site?: Site | Promise<Site>
  /** Results per page, 1 to 100. Default `10`; a "more results" button shows the next ones. */
  limit?: number
  /** Milliseconds without typing before a query runs. Default `80`. */
  debounce?: number
  /** Passed to `site.search()`: `{ section: 'news' }` keeps pages whose filter `section` is `news`. */
  filters?: SiteSearchOptions['filters']
  /**
   * `'overlay'` (default): the results panel floats under the input, over the page (nothing moves;
   * it closes on Escape, on a click outside and when focus leaves the box). `'inline'`: the results
   * are in the page's flow under the input (a search page).
   */
  layout?: 'overlay' | 'inline'
  /** The box's `dir`. Default `'rtl'`. */
  dir?: 'rtl' | 'ltr' | 'auto'
  /** The box's `lang` and the locale of its numbers. Default `'ar'`. */
  locale?: string
  /**
   * The digits of numbers: `'arab'` (default) Arabic-Indic, ٣ نتائج; `'latn'` 3 نتائج; `'locale'`
   * those of `locale` (CLDR writes `ar` with 0–9 today; `ar-u-nu-arab` with ٠–٩).
   */
  digits?: 'arab' | 'latn' | 'locale'
  /** Texts replacing the Arabic ones (see {@link SearchLabels}). */
  labels?: Partial<SearchLabels>
  /** The meta line under a result: `true` (default) all of `result.meta`'s values, `false` none, or these keys in order. */
  meta?: boolean | readonly string[]
  /** When nothing matches, offer `site.suggest(query)` as "did you mean". Default `true`. */
  suggest?: boolean
  /**
   * Search as you type: the last word, while it is being typed (no space after it), is also a
   * prefix (`الشراكة الاستر` finds الاستراتيجية). Default `true`.
   */
  prefix?: boolean
  /**
   * Adds `<link rel="stylesheet">` for `fahras-ui.css` (beside `fahras-ui.js`) unless a link with
   * that URL is already in the page. `false`: none (bring your own CSS); a string: that URL. Default `true`.
   */
  stylesheet?: boolean | string
  /** A query to run at once, e.g. `new URLSearchParams(location.search).get('q') ?? ''`. Default `''`. */
  query?: string
}

/** A mounted search box. */
export interface SearchBox {
  /** The box's root element (`div.fahras`). */
  readonly element: HTMLElement
  /** The search input. */
  readonly input: HTMLInputElement
  /** Puts `query` in the input and searches it now; resolves when its results are shown. */
  search(query: string): Promise<void>
  /** Focuses the input. */
  focus(): void
  /** Empties the input and the results. */
  clear(): void
  /** Cancels what is running, removes the box and gives the target its former content back. */
  destroy(): void
}

const OPTIONS = [
  'site',
  'limit',
  'debounce',
  'filters',
  'layout',
  'dir',
  'locale',
  'digits',
  'labels',
  'meta',
  'suggest',
  'prefix',
  'stylesheet',
  'query',
]

const LABELS: SearchLabels = {
  placeholder: 'ابحث…',
  label: 'البحث في الموقع',
  loading: 'جارٍ البحث…',
  noResults: 'لا نتائج لـ «{q}»',
  didYouMean: 'هل تقصد: {q}؟',
  count: (n, f) =>
    n === 1 ? 'نتيجة واحدة' : n === 2 ? 'نتيجتان' : `${f} ${n % 100 > 2 && n % 100 < 11 ? 'نتائج' : 'نتيجة'}`,
  more: 'نتائج أخرى',
  error: 'تعذّر البحث، حاول مرة أخرى.',
}

let uid = 0
const mounted = new WeakMap<Element, SearchBox>()
/** Harakat, Quranic marks, the superscript alef and tatweel: adding one does not change what is found. */
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
/** A query as the index sees its letters: typing a haraka does not search again. */
const letters = (q: string | undefined) => q?.replace(MARKS, '')

const fail = (message: string): never => {
  throw new TypeError(`mountSearch: ${message}`)
}

const check = (given: object | null | undefined, known: readonly string[], what: string) => {
  for (const key of Object.keys(given ?? {})) {
    if (!known.includes(key)) fail(`unknown ${what} \`${key}\`; expected one of ${known.join(', ')}`)
  }
}

/** An element with the class `fahras-<name>` and, if given, a text. */
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, name?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  if (name) node.className = `fahras-${name}`
  if (text !== undefined) node.textContent = text
  return node
}

/** Only http(s) URLs (absolute or relative) become links: no `javascript:`, no empty href. */
const linkable = (url: string) => {
  try {
    return url.trim() !== '' && /^https?:$/.test(new URL(url, location.href).protocol)
  } catch {
    return false
  }
}

/**
 * Mounts a search box (an input and its results) into `target`, replacing its content.
 *
 * @param target The element, or a CSS selector for it.
 * @throws `TypeError` on an unknown option or label, a bad value, or no element for the selector.
 *
 * @example
 * ```html
 * <link rel="stylesheet" href="/fahras/fahras-ui.css">  <!-- optional: avoids a flash of the unstyled box -->
 * <div id="search"></div>
 * <script type="module" src="/search.js"></script>
 * ```
 * ```js
 * // search.js (a file, not an inline script, under a strict Content-Security-Policy)
 * import { mountSearch } from '/fahras/fahras-ui.js'
 * const box = mountSearch('#search', { limit: 5, labels: { placeholder: 'ابحث في المدونة…' } })
 * ```
 */
export function mountSearch(target: string | Element, options: MountOptions = {}): SearchBox {
  check(options, OPTIONS, 'option')
  check(options.labels, Object.keys(LABELS), 'label')
  const {
    site: given,
    limit = 10,
    debounce = 80,
    filters,
    layout = 'overlay',
    dir = 'rtl',
    locale = 'ar',
    digits = 'arab',
    meta = true,
    suggest = true,
    prefix = true,
    stylesheet = true,
    query = '',
  } = options
  const labels: SearchLabels = { ...LABELS, ...options.labels }
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 100))
    fail(`\`limit\` must be an integer from 1 to 100, not ${String(limit)}`)
  if (!(typeof debounce === 'number' && debounce >= 0))
    fail(`\`debounce\` must be a number of milliseconds >= 0, not ${String(debounce)}`)
  if (layout !== 'overlay' && layout !== 'inline')
    fail(`\`layout\` must be 'overlay' or 'inline', not ${String(layout)}`)
  const host = typeof target === 'string' ? document.querySelector(target) : target
  if (!host) return fail(`no element matches \`${String(target)}\``)
  const format = new Intl.NumberFormat(locale, digits === 'locale' ? {} : { numberingSystem: digits })
  const overlay = layout === 'overlay'

  if (stylesheet !== false) {
    const href = new URL(
      stylesheet === true ? './fahras-ui.css' : stylesheet,
      stylesheet === true ? import.meta.url : document.baseURI,
    ).href
    if (
      !Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~=stylesheet]')).some(
        (link) => link.href === href,
      )
    ) {
      const link = el('link')
      link.rel = 'stylesheet'
      link.href = href
      document.head.append(link)
    }
  }

  // <div.fahras role=search> <div.field><input></div> <div.live role=status> <div.panel> head, results, more
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
  mounted.get(host)?.destroy() // mounting again replaces the box
  const saved = Array.from(host.childNodes)
  host.replaceChildren(root)

  let site: Promise<Site> | undefined
  const open = (): Promise<Site> =>
    (site ??= Promise.resolve(
      given ??
        import(new URL('./fahras.js', import.meta.url).href).then((m: { openSite(): Promise<Site> }) => m.openSite()),
    ).catch((error: unknown) => {
      site = undefined // the next query tries again
      throw error
    }))

  let seq = 0 // the latest run: an older one never renders
  let pending: string | undefined = '' // the query shown or being searched; undefined after an error
  let shown = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let slow: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | undefined

  const state = (name: 'empty' | 'loading' | 'results' | 'none' | 'error') => {
    root.dataset.state = name
    panel.hidden = name === 'empty'
  }
  const busy = (on: boolean) => {
    clearTimeout(slow)
    if (on) {
      slow = setTimeout(() => {
        root.setAttribute('aria-busy', 'true')
        if (root.dataset.state === 'empty') {
          head.replaceChildren(el('p', 'count', labels.loading))
          state('loading')
        }
      }, 150)
    } else root.removeAttribute('aria-busy')
  }
  const announce = (text: string) => {
    // the same text again (a new query, as many results) is made different so it is announced again
    live.textContent = text && live.textContent === text ? `${text}\u00a0` : text
  }
  const close = () => {
    if (overlay) panel.hidden = true
  }

  const item = (result: SiteResult) => {
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
    const values =
      meta === false ? [] : meta === true ? Object.values(result.meta) : meta.map((key) => result.meta[key])
    const line = values.filter((value) => value).join(' · ')
    if (line) li.append(el('div', 'meta', line))
    return li
  }

  const render = (q: string, found: SiteResults, append: boolean, suggestion: string | undefined) => {
    if (!append) {
      list.replaceChildren()
      shown = 0
      panel.scrollTop = 0
    }
    const first = list.children.length
    list.append(...found.results.map(item))
    shown += found.results.length
    more.hidden = !found.results.length || shown >= found.total
    let text: string
    if (found.total) {
      text = labels.count(found.total, format.format(found.total))
      head.replaceChildren(el('p', 'count', text))
    } else {
      text = labels.noResults.split('{q}').join(q)
      head.replaceChildren(el('p', 'none', text))
      if (suggestion) {
        const [before = '', after = ''] = labels.didYouMean.split('{q}')
        const button = el('button', 'suggestion', suggestion)
        button.type = 'button'
        button.addEventListener('click', () => {
          input.focus()
          void box.search(suggestion)
        })
        const line = el('p', 'suggest')
        line.append(before, button, after)
        head.append(line)
        text += ` ${line.textContent ?? ''}`
      }
    }
    announce(text)
    state(found.total ? 'results' : 'none')
    if (append) list.children[first]?.querySelector<HTMLElement>('a')?.focus()
  }

  const run = async (value: string, append = false): Promise<void> => {
    const q = value.trim()
    if (!append) {
      clearTimeout(timer)
      if (letters(q) === letters(pending)) return
    }
    controller?.abort()
    const mine = ++seq
    pending = q
    if (!q) {
      controller = undefined
      busy(false)
      list.replaceChildren()
      head.replaceChildren()
      more.hidden = true
      announce('')
      state('empty')
      return
    }
    const signal = (controller = new AbortController()).signal
    busy(true)
    try {
      const opened = await open()
      // the word being typed is a prefix (`word*`), unless the query ends with a space, `*` or `"`
      const asked = prefix && /[^\s*"]$/.test(q) ? `${q}*` : q
      const found = await opened.search(asked, { limit, offset: append ? shown : 0, filters, signal })
      if (mine !== seq) return
      let suggestion: string | undefined
      if (!found.total && suggest) {
        suggestion = (await opened.suggest(q, { limit: 1, signal }).catch(() => []))[0]?.suggestion
        if (mine !== seq) return
        if (suggestion === q) suggestion = undefined
      }
      render(q, found, append, suggestion)
    } catch (error) {
      if (mine !== seq || (error as Error | null)?.name === 'AbortError') return
      pending = undefined // the same query may be tried again
      console.error('fahras:', error)
      head.replaceChildren(el('p', 'error', labels.error))
      list.replaceChildren()
      more.hidden = true
      announce(labels.error)
      state('error')
    } finally {
      if (mine === seq) busy(false)
    }
  }

  const focusables = () => Array.from(panel.querySelectorAll<HTMLElement>('a[href], button:not([hidden])'))

  input.addEventListener('input', () => {
    clearTimeout(timer)
    const value = input.value
    if (value.trim()) timer = setTimeout(() => void run(value), debounce)
    else void run('')
  })
  input.addEventListener('focus', () => {
    if (root.dataset.state !== 'empty') panel.hidden = false
    open().catch(() => {}) // load the runtime early; a failure shows on the first query
  })
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return
    if (event.key === 'ArrowDown') {
      const first = focusables()[0]
      if (first) {
        event.preventDefault()
        panel.hidden = false
        first.focus()
      }
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (input.value) box.clear()
      else close()
    } else if (event.key === 'Enter') {
      event.preventDefault()
      void run(input.value)
    }
  })
  panel.addEventListener('keydown', (event) => {
    const items = focusables()
    const at = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      ;(event.key === 'ArrowUp' ? (at > 0 ? items[at - 1] : input) : items[at + 1])?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      input.focus()
      close()
    } else if (
      (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) ||
      event.key === 'Backspace'
    ) {
      input.focus() // typing on a result goes on in the input
    }
  })
  more.addEventListener('click', () => void run(pending ?? '', true))
  const outside = (event: Event) => {
    if (!root.contains(event.target as Node)) close()
  }
  document.addEventListener('pointerdown', outside)
  root.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null
    if (to && !root.contains(to)) close()
  })

  const box: SearchBox = {
    element: root,
    input,
    search(q) {
      input.value = q
      return run(q)
    },
    focus: () => input.focus(),
    clear() {
      input.value = ''
      void run('')
    },
    destroy() {
      clearTimeout(timer)
      busy(false)
      seq++
      controller?.abort()
      document.removeEventListener('pointerdown', outside)
      if (mounted.get(host) === box) {
        mounted.delete(host)
        host.replaceChildren(...saved)
      }
    },
  }
  mounted.set(host, box)
  state('empty')
  if (query) void box.search(query)
  return box
}

/**
 * The drop-in search box of `fahras site`: `fahras-ui.js` (this file, bundled for browsers) and
 * `fahras-ui.css`, written beside the runtime (`fahras.js`) and the index.
 *
 * Works under a strict Content-Security-Policy (`default-src 'self'`): no inline styles, no
 * `<style>`, no eval; the look is in `fahras-ui.css`, themed with `--fahras-*` custom properties.
 * Titles, URLs, meta values and suggestions are inserted as text; only `snippet.html` (escaped by
 * the runtime, matches in `<mark>`) is inserted as HTML.
 */
import { addStylesheet, boxElements } from './elements.js'
import { listen } from './events.js'
import { boxSettings, fail, type MountOptions } from './options.js'
import { clearBox, searchFor, showState, stopBox, type BoxState } from './searching.js'

export type { MountOptions, SearchLabels } from './options.js'

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

/** The box mounted in each element: mounting again replaces it. */
const mounted = new WeakMap<Element, SearchBox>()

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
  const settings = boxSettings(options)
  const host = typeof target === 'string' ? document.querySelector(target) : target
  if (!host) return fail(`no element matches \`${String(target)}\``)
  const { locale, digits } = settings
  const format = new Intl.NumberFormat(locale, digits === 'locale' ? {} : { numberingSystem: digits })
  addStylesheet(settings.stylesheet)
  const elements = boxElements(settings)
  mounted.get(host)?.destroy() // mounting again replaces the box
  const saved = Array.from(host.childNodes)
  host.replaceChildren(elements.root)
  const b: BoxState = {
    ...settings,
    ...elements,
    format,
    seq: 0,
    pending: '',
    shown: 0,
  }
  const outside = listen(b)
  const box: SearchBox = {
    element: b.root,
    input: b.input,
    search: (q) => searchFor(b, q),
    focus: () => b.input.focus(),
    clear: () => clearBox(b),
    destroy() {
      stopBox(b)
      document.removeEventListener('pointerdown', outside)
      if (mounted.get(host) === box) {
        mounted.delete(host)
        host.replaceChildren(...saved)
      }
    },
  }
  mounted.set(host, box)
  showState(b, 'empty')
  if (settings.query) void box.search(settings.query)
  return box
}

/**
 * What a mounted box (mount-search.ts) does on typing, focus, keys and clicks: searches after a
 * pause in typing, arrows move between the input and the results, Escape clears or closes, and
 * an overlay closes on a click outside and when focus leaves the box.
 */
import { clearBox, closePanel, openBoxSite, run, type BoxState } from './searching.js'

/** The panel's items that take focus, in order: result links and visible buttons. @internal */
const focusables = (b: BoxState) => Array.from(b.panel.querySelectorAll<HTMLElement>('a[href], button:not([hidden])'))

/** Listens to the box's events; returns the page's `pointerdown` listener, for `destroy()` to remove. @internal */
export function listen(b: BoxState): (event: Event) => void {
  // typing: a search after `debounce` ms without typing; an emptied input empties the box at once
  b.input.addEventListener('input', () => {
    clearTimeout(b.timer)
    const value = b.input.value
    if (value.trim()) b.timer = setTimeout(() => void run(b, value), b.debounce)
    else void run(b, '')
  })
  b.input.addEventListener('focus', () => {
    if (b.root.dataset.state !== 'empty') b.panel.hidden = false
    openBoxSite(b).catch(() => {}) // load the runtime early; a failure shows on the first query
  })
  // ArrowDown to the first result, Escape clears (or closes an empty box), Enter searches now
  b.input.addEventListener('keydown', (event) => {
    if (event.isComposing) return
    if (event.key === 'ArrowDown') {
      const first = focusables(b)[0]
      if (first) {
        event.preventDefault()
        b.panel.hidden = false
        first.focus()
      }
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (b.input.value) clearBox(b)
      else closePanel(b)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      void run(b, b.input.value)
    }
  })
  // arrows between items (up from the first to the input), Escape back to the input, typing goes on in it
  b.panel.addEventListener('keydown', (event) => {
    const items = focusables(b)
    const at = items.indexOf(document.activeElement as HTMLElement)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      ;(event.key === 'ArrowUp' ? (at > 0 ? items[at - 1] : b.input) : items[at + 1])?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      b.input.focus()
      closePanel(b)
    } else if (
      (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) ||
      event.key === 'Backspace'
    ) {
      b.input.focus() // typing on a result goes on in the input
    }
  })
  b.more.addEventListener('click', () => void run(b, b.pending ?? '', true))
  const outside = (event: Event) => {
    if (!b.root.contains(event.target as Node)) closePanel(b)
  }
  document.addEventListener('pointerdown', outside)
  b.root.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null
    if (to && !b.root.contains(to)) closePanel(b)
  })
  return outside
}

import { expect } from 'vitest'
import { escapeHtml } from '../src/index.js'

/** The inverse of escapeHtml() for the five entities it writes. */
export const unescapeHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/**
 * The HTML-safety checks of a snippet: its html with the marks removed and the entities unescaped
 * is its text; no tag but `<mark>`/`</mark>`; each range is in bounds and marked, escaped.
 */
export function expectSafeHtml(s: {
  readonly text: string
  readonly html: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
}): void {
  expect(unescapeHtml(s.html.replace(/<\/?mark>/g, ''))).toBe(s.text)
  for (const tag of s.html.match(/<[^>]*>/g) ?? []) expect(['<mark>', '</mark>']).toContain(tag)
  for (const [a, b] of s.ranges) {
    expect(a).toBeGreaterThanOrEqual(0)
    expect(b).toBeLessThanOrEqual(s.text.length)
    expect(s.html).toContain(`<mark>${escapeHtml(s.text.slice(a, b))}</mark>`)
  }
}

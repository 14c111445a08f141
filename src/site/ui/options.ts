/**
 * The options of the search box (mount-search.ts): their types, the Arabic labels, and their
 * checks. An unknown option or label, or a bad value, throws a `TypeError` before the page is touched.
 */
import type { Site, SiteSearchOptions } from '../types.js'

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

/**
 * The defaults of the options; its keys, in this order, are the options {@link mountSearch}
 * knows (`site`, `filters` and `labels` have none: `labels` are {@link LABELS}).
 */
const DEFAULTS = {
  site: undefined,
  limit: 10,
  debounce: 80,
  filters: undefined,
  layout: 'overlay',
  dir: 'rtl',
  locale: 'ar',
  digits: 'arab',
  labels: undefined,
  meta: true,
  suggest: true,
  prefix: true,
  stylesheet: true,
  query: '',
} as const

/** The Arabic labels, the defaults. @internal */
export const LABELS: SearchLabels = {
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

/** Throws the box's `TypeError`. @internal */
export const fail = (message: string): never => {
  throw new TypeError(`mountSearch: ${message}`)
}

/** Throws on a key of `given` that is not `known`. @internal */
const check = (given: object | null | undefined, known: readonly string[], what: string) => {
  for (const key of Object.keys(given ?? {})) {
    if (!known.includes(key)) fail(`unknown ${what} \`${key}\`; expected one of ${known.join(', ')}`)
  }
}

/** The options of a box, checked, with their defaults. @internal */
export type BoxSettings = Readonly<Required<Omit<MountOptions, 'site' | 'filters' | 'labels'>>> &
  Pick<MountOptions, 'site' | 'filters'> & { readonly labels: SearchLabels }

/** Checks the options of {@link mountSearch} (unknown ones, labels, `limit`, `debounce`, `layout`) and applies the defaults. @internal */
export function boxSettings(options: MountOptions): BoxSettings {
  const known = Object.keys(DEFAULTS)
  check(options, known, 'option')
  check(options.labels, Object.keys(LABELS), 'label')
  const settings: Record<string, unknown> = {}
  // an option given as `undefined` takes its default, as in a destructuring
  for (const key of known) {
    // the labels are read once below, merged over the Arabic ones
    if (key === 'labels') continue
    const value = options[key as keyof MountOptions]
    settings[key] = value === undefined ? DEFAULTS[key as keyof typeof DEFAULTS] : value
  }
  settings.labels = { ...LABELS, ...options.labels }
  const { limit, debounce, layout } = settings as unknown as BoxSettings
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 100))
    fail(`\`limit\` must be an integer from 1 to 100, not ${String(limit)}`)
  if (!(typeof debounce === 'number' && debounce >= 0))
    fail(`\`debounce\` must be a number of milliseconds >= 0, not ${String(debounce)}`)
  if (layout !== 'overlay' && layout !== 'inline')
    fail(`\`layout\` must be 'overlay' or 'inline', not ${String(layout)}`)
  return settings as unknown as BoxSettings
}

/**
 * The values of `data-fahras-meta` and `data-fahras-filter`, in the syntax site builders know from
 * Pagefind's `data-pagefind-meta`: `author` (the element's text), `image[src]` (an attribute of the
 * element), `date:2024-05-01` (a literal value), several separated by commas. A part that is none
 * of these is a problem reported as a warning, never an exception: one typo in a template must not
 * stop the build of a whole site. Parts are quoted in problems as JSON (escapes for controls,
 * bidi controls and line breaks), so that a problem is one line, safe to print.
 */
import { escapeForTerminal } from '../../cli/safe-print.js'

/** Where a meta or filter value comes from. */
export type FieldSpec =
  | { readonly key: string; readonly from: 'text' }
  | { readonly key: string; readonly from: 'attribute'; readonly attribute: string }
  | { readonly key: string; readonly from: 'literal'; readonly value: string }

/** What a `data-fahras-meta` / `data-fahras-filter` value holds: its parts, and the parts that were not understood. */
export interface ParsedFieldSpecs {
  readonly specs: readonly FieldSpec[]
  readonly problems: readonly string[]
}

/** The parts of a value are separated by commas (so a literal value cannot hold one: use `key[attribute]`). */
const PART_SEPARATOR = ','
/** `key:value`: a literal value (everything after the first colon, trimmed; it may hold colons: `image:https://…`). */
const LITERAL = /^([^:[\]]*):([^]*)$/
/** `key[attribute]`: the value of one of the element's attributes. */
const ATTRIBUTE = /^([^:[\]]*)\[([^[\]]*)\]$/
/** `key`: the element's text. */
const TEXT = /^[^:[\]]*$/
/** A key is one word: a space inside it is most often a forgotten comma (`author date[datetime]`). */
const SPACE = /\s/

/** A part of a value as shown in a problem: in JSON quotes, with what a terminal could act on escaped. */
const shown = (part: string) => escapeForTerminal(JSON.stringify(part))

/** What a part must look like, for the warning about one that does not. */
const EXPECTED = 'expected key, key:value or key[attribute]'

/** The reason `key` cannot be used, or null. */
function keyProblem(key: string, part: string): string | null {
  if (key === '') return `${shown(part)} has no key (${EXPECTED})`
  if (SPACE.test(key)) return `${shown(part)}: a key is one word (a comma forgotten?)`
  return null
}

/**
 * Reads a `data-fahras-meta` or `data-fahras-filter` value into its parts. Never throws; the parts
 * not understood are in `problems`, one phrase each.
 *
 * @example
 * ```ts
 * parseFieldSpecs('author, image[src], date:2024-05-01')
 * // → { specs: [{ key: 'author', from: 'text' }, { key: 'image', from: 'attribute', attribute: 'src' },
 * //             { key: 'date', from: 'literal', value: '2024-05-01' }], problems: [] }
 * parseFieldSpecs('image[src') // → { specs: [], problems: ['"image[src" is not understood (expected …)'] }
 * ```
 */
export function parseFieldSpecs(value: string): ParsedFieldSpecs {
  const specs: FieldSpec[] = []
  const problems: string[] = []
  if (value.trim() === '') return { specs, problems: [`the value is empty (${EXPECTED})`] }
  for (const raw of value.split(PART_SEPARATOR)) {
    const part = raw.trim()
    if (part === '') {
      problems.push(`an empty part between commas in ${shown(value)}`)
      continue
    }
    const literal = LITERAL.exec(part)
    const attribute = literal ? null : ATTRIBUTE.exec(part)
    const text = literal || attribute ? null : TEXT.test(part)
    const key = (literal?.[1] ?? attribute?.[1] ?? (text ? part : '')).trim()
    if (!literal && !attribute && !text) {
      problems.push(`${shown(part)} is not understood (${EXPECTED})`)
      continue
    }
    const problem = keyProblem(key, part)
    if (problem !== null) {
      problems.push(problem)
      continue
    }
    if (literal) {
      const given = literal[2]!.trim()
      if (given === '') problems.push(`${shown(part)} has an empty value after the colon`)
      else specs.push({ key, from: 'literal', value: given })
    } else if (attribute) {
      const name = attribute[2]!.trim().toLowerCase()
      if (name === '' || SPACE.test(name))
        problems.push(`${shown(part)} does not name one attribute between the brackets`)
      else specs.push({ key, from: 'attribute', attribute: name })
    } else {
      specs.push({ key, from: 'text' })
    }
  }
  return { specs, problems }
}

/**
 * A page's meta and filters as they are found, in document order: meta keeps the first non-empty
 * value of a key; filters keep each value once, in the order met. Maps, returned through
 * `Object.fromEntries`, so that a key such as `__proto__` is a plain property. @internal
 */
export interface FieldValues {
  readonly meta: Map<string, string>
  readonly filters: Map<string, Set<string>>
}

/** No meta, no filters yet. @internal */
export const emptyFields = (): FieldValues => ({ meta: new Map(), filters: new Map() })

/** Adds a value of `key` (ignored when empty; a meta key keeps its first value). @internal */
export function addField(fields: FieldValues, kind: 'meta' | 'filter', key: string, value: string): void {
  if (value === '') return
  if (kind === 'meta') {
    if (!fields.meta.has(key)) fields.meta.set(key, value)
    return
  }
  let values = fields.filters.get(key)
  if (values === undefined) fields.filters.set(key, (values = new Set()))
  values.add(value)
}

/** The meta values as an object, and the filter values as an object of lists. @internal */
export function fieldObjects(fields: FieldValues): { meta: Record<string, string>; filters: Record<string, string[]> } {
  return {
    meta: Object.fromEntries(fields.meta),
    filters: Object.fromEntries([...fields.filters].map(([key, values]) => [key, [...values]])),
  }
}

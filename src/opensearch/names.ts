// Names in the generated index definition: the analyzer's name and the mapped fields' names,
// checked as Elasticsearch 8 and OpenSearch 2 would check them, before the request is sent.

/** Names the engines accept for an analyzer and its components (they refuse a leading _). @internal */
export const ANALYZER_NAME = /^[a-z0-9][a-z0-9_-]*$/i

/**
 * Analyzer names the engines read as settings of the whole index, each with what it would do.
 * An analyzer named `default` becomes the analyzer of every text field that names none, not
 * only of the fields listed; `default_search` and `default_search_quoted` the analyzer of every
 * query; `default_index`, an old name of `default`, is refused by Elasticsearch.
 * @internal
 */
export const RESERVED_ANALYZER_NAMES: Readonly<Record<string, string>> = {
  default:
    'the engines make the analyzer named `default` the analyzer of every text field of the index that names none, not only of `fields`',
  default_search:
    'the engines make the analyzer named `default_search` the search analyzer of every text field of the index that names none',
  default_search_quoted:
    'the engines make the analyzer named `default_search_quoted` the analyzer of the quoted phrases of every text field that names none',
  default_index: 'Elasticsearch refuses an analyzer named `default_index` (an old name of `default`)',
}

/** The subfield holding the exact forms, `<field>.exact`. @internal */
export const EXACT_SUBFIELD = 'exact'

/** C0 and C1 control characters and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
/** A lone surrogate: the engines' JSON reader cannot give it a UTF-8 form. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
/** A part made only of white space (the engines refuse a blank field name, Elasticsearch since 8.6). */
const BLANK = /^\s+$/

const hexOf = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

/** Why the engines would not take this analyzer name, or null. @internal */
export function analyzerNameProblem(name: string): string | null {
  if (!ANALYZER_NAME.test(name)) return 'it must be letters, digits, _ and - (not starting with _ or -)'
  if (Object.hasOwn(RESERVED_ANALYZER_NAMES, name)) return RESERVED_ANALYZER_NAMES[name]!
  return null
}

/**
 * Why the engines would refuse this field name in a mapping (or take it for something else), or
 * null. A dot separates the names of an object and of its field (`meta.title` is the field
 * `title` of the object `meta`), so each part between dots is a name of its own.
 * @internal
 */
export function fieldNameProblem(name: string): string | null {
  if (name.length === 0) return 'it is empty'
  const control = CONTROL.exec(name)
  if (control !== null) return `it holds the control character ${hexOf(control[0])}`
  const surrogate = LONE_SURROGATE.exec(name)
  if (surrogate !== null) return `it holds the lone surrogate ${hexOf(surrogate[0])}`
  if (name.startsWith('_')) return 'it starts with _, which the engines keep for their own fields'
  if (name.startsWith('.')) return 'it starts with a dot'
  if (name.endsWith('.')) return 'it ends with a dot'
  const parts = name.split('.')
  if (parts.includes('')) return 'it has an empty part between two dots'
  if (parts.some((part) => BLANK.test(part)))
    return parts.length === 1 ? 'it is only white space' : 'it has a part between dots that is only white space'
  return null
}

/**
 * The first field of the list that the engines would refuse, with why, or null. Besides each
 * name alone: a field that is also the object of another (`a` and `a.b`: `a` cannot be both a
 * text field and an object), which covers `<field>.exact` beside `<field>` when the exact-form
 * subfield is written.
 * @internal
 */
export function fieldListProblem(fields: readonly string[], exact: boolean): { field: string; problem: string } | null {
  for (const field of fields) {
    const problem = fieldNameProblem(field)
    if (problem !== null) return { field, problem }
  }
  const listed = new Set(fields)
  for (const field of fields) {
    // every object path above this field: a, a.b for a.b.c
    for (let dot = field.indexOf('.'); dot >= 0; dot = field.indexOf('.', dot + 1)) {
      const parent = field.slice(0, dot)
      if (!listed.has(parent)) continue
      const subfield = exact && field === `${parent}.${EXACT_SUBFIELD}`
      return {
        field,
        problem: subfield
          ? `it is the subfield \`${field}\` that holds the exact forms of \`${parent}\` (\`exact: true\`); the engines would read it as an object field of the text field \`${parent}\` and refuse the mapping`
          : `\`${parent}\` is listed too: the engines would need \`${parent}\` to be both a text field and the object holding \`${field}\`, and refuse the mapping`,
      }
    }
  }
  return null
}

/** A named component of the analysis settings (a char filter or a token filter). @internal */
export interface Component {
  name: string
  definition: Record<string, unknown>
}

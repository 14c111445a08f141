/**
 * The `fields` search option handed to MiniSearch, with the field weights computed once.
 *
 * MiniSearch 7 builds its table of field weights for every query term, by spreading the table
 * built so far once per field (`fields.reduce((b, f) => ({ ...b, [f]: … }), {})`): a query's time
 * grows with the square of the number of indexed fields (4,000 fields: seconds per word). The
 * array returned here carries its own `reduce`, which hands back the table built once, in time
 * linear in the fields. If a later MiniSearch stops calling `reduce`, the array is still the plain
 * list of fields and the search is unchanged. @internal
 */
export function engineFields(fields: readonly string[], boost: Readonly<Record<string, number>> | undefined): string[] {
  const table: Record<string, number> = {}
  for (const field of fields) {
    const weight = boost !== undefined && Object.hasOwn(boost, field) ? boost[field] : undefined
    // as MiniSearch: a missing or zero weight counts as 1
    table[field] = weight || 1
  }
  const list = [...fields]
  Object.defineProperty(list, 'reduce', { value: () => table, enumerable: false })
  return list
}

/**
 * Choice of the densest windows of matches, in time linear in the matches per window chosen.
 * @internal
 */

/** A match as the selection sees it: sorted, not overlapping, its key interned as a number. */
export interface WindowMatch {
  readonly start: number
  readonly end: number
  readonly key: number
}

/** A window of matches `first..last` (indices, inclusive) with its score. */
interface Window {
  readonly first: number
  readonly last: number
  readonly distinct: number
  readonly count: number
}

/** A run of matches not yet taken by a window, with its best window (null: none scores). */
interface Segment {
  readonly from: number
  readonly to: number
  readonly best: Window | null
}

/** Whether window `a` beats `b`: more distinct keys, then more matches (ties keep `b`, the earlier). */
const beats = (a: Window, b: Window | null) =>
  b === null || a.distinct > b.distinct || (a.distinct === b.distinct && a.count > b.count)

/**
 * The best window of matches `from..to-1`: for each first match, the matches that follow it while
 * they end within `length` of its start; the best has the most distinct keys, then the most
 * matches, then comes first. A sliding window over the sorted matches (their starts and ends both
 * increase), with counts per key: O(to - from).
 */
function bestWindow(
  matches: readonly WindowMatch[],
  from: number,
  to: number,
  length: number,
  keyCounts: Int32Array,
): Window | null {
  let best: Window | null = null
  let distinct = 0
  let j = from // the window is [i, j)
  for (let i = from; i < to; i++) {
    if (j < i) j = i
    const start = matches[i]!.start
    while (j < to && matches[j]!.end - start <= length) {
      const key = matches[j]!.key
      if (keyCounts[key] === 0) distinct++
      keyCounts[key] = keyCounts[key]! + 1
      j++
    }
    if (j > i) {
      const window = { first: i, last: j - 1, distinct, count: j - i }
      if (beats(window, best)) best = window
      const key = matches[i]!.key
      keyCounts[key] = keyCounts[key]! - 1
      if (keyCounts[key] === 0) distinct--
    }
  }
  return best
}

/**
 * Picks up to `count` windows of matches, each the best of what the earlier ones left: a window
 * never crosses a match an earlier window took. The same choice as scoring every window in every
 * round, in O(matches) for the first window and O(the run it was taken from) for each next one.
 * Returns `[first, last]` index pairs in the order chosen.
 * @internal
 */
export function densestWindows(
  matches: readonly WindowMatch[],
  keys: number,
  length: number,
  count: number,
): Array<readonly [number, number]> {
  const keyCounts = new Int32Array(keys)
  const segment = (from: number, to: number): Segment => ({
    from,
    to,
    best: bestWindow(matches, from, to, length, keyCounts),
  })
  const segments: Segment[] = [segment(0, matches.length)]
  const chosen: Array<readonly [number, number]> = []
  while (chosen.length < count) {
    let at = -1
    for (let s = 0; s < segments.length; s++) {
      const best = segments[s]!.best
      if (best !== null && (at < 0 || beats(best, segments[at]!.best))) at = s
    }
    if (at < 0) break
    const { from, to, best } = segments[at]!
    chosen.push([best!.first, best!.last])
    segments.splice(at, 1, segment(from, best!.first), segment(best!.last + 1, to))
  }
  return chosen
}

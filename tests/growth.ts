// Growth tests: the same operation timed at n and at 4n in one run, the ratio bounded (linear
// work takes about 4× as long at 4n, quadratic work 16×). CPU time, not wall time: other jobs on
// a shared machine do not inflate it as they do the clock. Only ratios are asserted, never times.

let sink: unknown

/** CPU milliseconds taken by `repetitions` calls of `op`. */
function cpuMs(op: () => unknown, repetitions: number): number {
  const start = process.cpuUsage()
  for (let k = 0; k < repetitions; k++) sink = op()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** How a growth ratio is sampled. */
export interface GrowthSampling {
  /** Stop sampling once t(large) < bound × t(small). */
  readonly bound: number
  /** Repeat each sample until the small one takes at least this long (ms of CPU). @default 15 */
  readonly minSampleMs?: number
  /** At most this many repetitions per sample. @default 4096 */
  readonly maxRepetitions?: number
  /** At most this many alternating rounds; the best time of each side is kept. @default 5 */
  readonly rounds?: number
}

/**
 * t(large) / t(small): after a warm-up, alternating samples of both, each repeated until the
 * small one takes `minSampleMs`; the best time of each side, stopping once under `bound`.
 */
export function growthRatio(small: () => unknown, large: () => unknown, sampling: GrowthSampling): number {
  const { bound, minSampleMs = 15, maxRepetitions = 4096, rounds = 5 } = sampling
  small() // warm-up
  large()
  let repetitions = 1
  while (cpuMs(small, repetitions) < minSampleMs && repetitions < maxRepetitions) repetitions *= 2
  let tSmall = Infinity
  let tLarge = Infinity
  for (let round = 0; round < rounds && !(tLarge < bound * tSmall); round++) {
    tSmall = Math.min(tSmall, cpuMs(small, repetitions))
    tLarge = Math.min(tLarge, cpuMs(large, repetitions))
  }
  void sink
  return tLarge / tSmall
}

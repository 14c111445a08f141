// Stemming → pattern_replace token filters: the step table of src/stem/steps.ts, which
// lightStem() interprets, compiled to one filter a step, in the same order.
import { CONSTRUCT_TAA, LOOKUP_ENDINGS, PRONOUN_SUFFIXES, PROTECTED_WORDS, type AffixRule } from '../stem/rules.js'
import { ROOT_INITIAL_WORDS } from '../stem/stem.js'
import { MIN_STEM_LENGTH, STEM_FLAGS, STEM_STEPS, type StemStep } from '../stem/steps.js'
import type { Component } from './names.js'
import { alternation, atom, charClass, literal, range } from './regex.js'

// Markers: noncharacters (U+FDE0–U+FDEF, reserved by Unicode for internal use, never letters for
// the tokenizer) at the start of the term carry decisions from one token filter to the next: a
// step's flag (U+FDE1…, in the order of STEM_FLAGS), and two of the compiler's own. The last
// filter removes them.
/** The term is decided: no later step applies. */
const FINAL = '\ufde0'
const FIRST_FLAG_MARKER = 0xfde1
const s = (marker: string) => atom(marker.charCodeAt(0))
/** Any character of a word: the markers excluded, so that a guard never counts them. */
const LETTER = '[^\\uFDE0-\\uFDEF]'

/** Ordered affix rules as one alternation: the first rule whose affix and guard match wins. */
function orderedSuffixes(rules: readonly AffixRule[], extra: (rule: AffixRule) => string = () => ''): string {
  return `(?:${rules.map((r) => `(${LETTER}{${r.minRemaining},})${extra(r)}${literal(r.affix)}`).join('|')})`
}
const groups = (from: number, count: number) =>
  range(from, from + count - 1)
    .map((k) => `$${k}`)
    .join('')
/** Ordered prefixes (a group only for more than one), each followed by one of `before` if given. */
function orderedPrefixes(rules: readonly AffixRule[], before?: string): string {
  // the letters in the order given (not sorted): the class is written as it always was
  const next = before === undefined ? '' : `(?=${charClass([...before].map((c) => c.charCodeAt(0)))})`
  const each = rules.map((r) => `${literal(r.affix)}${next}(?=${LETTER}{${r.minRemaining}})`)
  return each.length === 1 ? each[0]! : `(?:${each.join('|')})`
}
/** The cheap look at the first letter that comes before the long root-initial lookup. */
const startsWith = (affixes: readonly string[]) =>
  `(?=${charClass([...new Set(affixes.map((a) => a.charCodeAt(0)))].sort((a, b) => a - b))})`

/** isRootInitial(w) of stem.ts, as a regex matching the whole remainder of the term. */
function rootInitialPattern(): string {
  const words = [...ROOT_INITIAL_WORDS]
  if (words.some((w) => w.length < 3))
    throw new Error('root-initial words shorter than three letters need a length guard')
  const taa = literal(CONSTRUCT_TAA.from)
  const root = alternation(words)
  // r less its final ه, for r ending in ه of at least minLength letters: the construct form's stem
  const construct = alternation(
    words.filter((w) => w.endsWith(CONSTRUCT_TAA.to) && w.length >= CONSTRUCT_TAA.minLength).map((w) => w.slice(0, -1)),
  )
  const endings = alternation(LOOKUP_ENDINGS)
  const listed = `(?:${root}${endings}?|${construct}${taa}${endings})`
  const pronoun = alternation(PRONOUN_SUFFIXES.map((r) => r.affix))
  if (PRONOUN_SUFFIXES.some((r) => r.minRemaining !== 3))
    throw new Error('pronoun guards other than three letters are not written out')
  if (
    !LOOKUP_ENDINGS.includes(CONSTRUCT_TAA.to) ||
    LOOKUP_ENDINGS.filter((e) => e.endsWith(CONSTRUCT_TAA.to)).length !== 1
  ) {
    throw new Error('the construct lookup below assumes ه is the only lookup ending ending in ه')
  }
  // With a pronoun: the stem before it is looked up, its final ت read as ه when four letters or
  // more remain (a construct taa marbuta): listed(y + ه) for y ت.
  const constructBeforePronoun = `${LETTER}{${CONSTRUCT_TAA.minLength - 1},}${taa}${pronoun}$`
  return (
    `(?:${listed}$` +
    `|(?!${constructBeforePronoun})${listed}${pronoun}$` +
    `|(?=${constructBeforePronoun})(?:${construct}|${root}|${construct}${taa})${taa}${pronoun}$)`
  )
}

/** The flags of a table, listed ones first, each with its marker. */
function flagMarkers(steps: readonly StemStep[]): Map<string, string> {
  const flags = [...STEM_FLAGS]
  for (const step of steps)
    if (
      (step.kind === 'prefix' || step.kind === 'suffix' || step.kind === 'mark') &&
      step.sets !== undefined &&
      !flags.includes(step.sets)
    )
      flags.push(step.sets)
  if (flags.length > 14) throw new Error('more than 14 stemming flags: the markers U+FDE1–U+FDEE are all taken')
  return new Map(flags.map((f, k) => [f, String.fromCharCode(FIRST_FLAG_MARKER + k)]))
}

/** Does a step read the flag (when, unless, setsUnless)? */
const reads = (step: StemStep, flag: string) =>
  step.when === flag || (step.unless?.includes(flag) ?? false) || (step.kind === 'suffix' && step.setsUnless === flag)

/** Every rule of a table leaves a word of MIN_STEM_LENGTH letters alone, as lightStem() does. */
function checkGuards(steps: readonly StemStep[]): void {
  for (const step of steps) {
    const short =
      step.kind === 'prefix' || step.kind === 'suffix'
        ? step.rules.some((r) => r.affix.length + r.minRemaining < MIN_STEM_LENGTH)
        : step.kind === 'final' && step.minLength < MIN_STEM_LENGTH
    if (short)
      throw new Error(
        `stemming step ${step.name}: a rule that applies to a word shorter than ${MIN_STEM_LENGTH} letters is not written out`,
      )
  }
}

/** What the compiler of one table knows while it writes the filters. */
interface Compilation {
  readonly steps: readonly StemStep[]
  /** Each flag's marker. */
  readonly markers: ReadonlyMap<string, string>
  /** The marker of a protected word, decided: the last filters write its stem. */
  readonly protectedMarker: string
  /** The flags whose markers a term may carry here, in the order they are written. */
  readonly live: string[]
  readonly keepWords: string | null
  readonly protectedWords: string
  readonly root: string
  readonly add: (what: string, pattern: string, replacement: string) => void
}

/** A marker as it is written in a pattern. */
const m = (c: Compilation, flag: string) => s(c.markers.get(flag)!)

/** The flag a step requires excludes the flag that the step setting it was conditioned on. */
const excludedBy = (c: Compilation, when: string | undefined, flag: string) =>
  when !== undefined && c.steps.some((st) => st.kind === 'suffix' && st.sets === when && st.setsUnless === flag)

/**
 * The start of a step's pattern over the markers: optional ones captured (or only looked past,
 * for a stop), a required one written (and written back when a later step reads it), excluded
 * ones looked ahead of; with `decided`, FINAL and PROTECTED too.
 */
function markerHead(c: Compilation, step: StemStep, i: number, capture: boolean, decided: boolean) {
  const front: string[] = []
  let pattern = ''
  let replacement = ''
  let group = 0
  let optional = ''
  const flush = () => {
    if (optional === '') return
    pattern += capture ? `(${optional})` : optional
    if (capture) replacement += `$${++group}`
    optional = ''
  }
  for (const flag of c.live) {
    if (excludedBy(c, step.when, flag)) continue
    if (step.unless?.includes(flag)) {
      if (pattern === '' && optional === '') front.push(m(c, flag))
      else {
        flush()
        pattern += `(?!${m(c, flag)})`
      }
    } else if (flag === step.when) {
      flush()
      pattern += m(c, flag)
      if (c.steps.slice(i + 1).some((st) => reads(st, flag))) replacement += c.markers.get(flag)!
    } else {
      optional += `${m(c, flag)}?`
    }
  }
  flush()
  // a stop's word list cannot match a decided term: it excludes FINAL and PROTECTED only with other markers
  const lookahead = [
    ...(step.when === undefined && (decided || front.length > 0) ? [FINAL, c.protectedMarker].map(s) : []),
    ...front,
  ]
  return { pattern: (lookahead.length > 0 ? `(?![${lookahead.join('')}])` : '') + pattern, replacement, group }
}

/** Protected words after `lead` become PROTECTED; kept words (checked first, last or not at all) FINAL. */
function protect(c: Compilation, what: string, lead: string, keepAt: 'first' | 'last' | undefined) {
  const keepRule = () => c.keepWords !== null && c.add(`${what}_keep`, `^${lead}(${c.keepWords})$`, `${FINAL}$1`)
  if (keepAt === 'first') keepRule()
  c.add(`${what}_protected`, `^${lead}(${c.protectedWords})$`, `${c.protectedMarker}$1`)
  if (keepAt === 'last') keepRule()
}

function compileStep(c: Compilation, step: StemStep, i: number): void {
  if (step.kind === 'stop') return protect(c, step.name, markerHead(c, step, i, false, false).pattern, step.keep)
  if (step.kind === 'suffix') return compileSuffix(c, step, i)
  const h = markerHead(c, step, i, true, true)
  switch (step.kind) {
    case 'prefix': {
      const lookup = step.rootInitialToo !== true ? `${startsWith(step.rules.map((r) => r.affix))}(?!${c.root})` : ''
      const sets = step.sets === undefined ? '' : c.markers.get(step.sets)!
      return c.add(step.name, `^${h.pattern}${lookup}${orderedPrefixes(step.rules, step.before)}`, h.replacement + sets)
    }
    case 'mark':
      return c.add(
        step.name,
        `^${h.pattern}(${LETTER}*${alternation(step.endsWith)})$`,
        `${h.replacement}${c.markers.get(step.sets)!}$${h.group + 1}`,
      )
    case 'final':
      return c.add(
        step.name,
        `^${h.pattern}(${LETTER}{${step.minLength - 1},})${literal(step.from)}$`,
        `${h.replacement}$${h.group + 1}${step.to}`,
      )
  }
}

function compileSuffix(c: Compilation, step: Extract<StemStep, { kind: 'suffix' }>, i: number): void {
  const notAfter = step.notAfter
  const extra = (r: AffixRule) =>
    notAfter !== undefined && r.affix.startsWith(notAfter.affixStart) ? `(?<!${literal(notAfter.letter)})` : ''
  const blocking = step.unlessEndsWith === undefined ? '' : `(?!${LETTER}*${alternation(step.unlessEndsWith)}$)`
  const body = `${blocking}${orderedSuffixes(step.rules, extra)}$`
  const sets = step.sets === undefined ? '' : c.markers.get(step.sets)!
  const unlessFlag = step.setsUnless
  if (unlessFlag === undefined) {
    const h = markerHead(c, step, i, true, true)
    return c.add(step.name, `^${h.pattern}${body}`, h.replacement + sets + groups(h.group + 1, step.rules.length))
  }
  // Two filters: on a term marked `setsUnless`, the step sets no flag and the term is decided
  // (so that the second filter cannot apply again): only steps that require the flag may follow.
  if (!c.live.includes(unlessFlag))
    throw new Error(`stemming step ${step.name}: setsUnless ${unlessFlag} is not set by an earlier step`)
  if (c.steps.slice(i + 1).some((st) => st.kind !== 'stop' && st.when !== step.sets)) {
    throw new Error(`stemming step ${step.name}: a step after it that does not require ${step.sets} is not written out`)
  }
  const marked = markerHead(c, { ...step, when: unlessFlag, setsUnless: undefined }, i, true, true)
  c.add(
    `${step.name}_after_${unlessFlag}`,
    `^${marked.pattern}${body}`,
    FINAL + marked.replacement + groups(marked.group + 1, step.rules.length),
  )
  const unmarked = markerHead(
    c,
    { ...step, unless: [...(step.unless ?? []), unlessFlag], setsUnless: undefined },
    i,
    true,
    true,
  )
  c.add(
    step.name,
    `^${unmarked.pattern}${body}`,
    unmarked.replacement + sets + groups(unmarked.group + 1, step.rules.length),
  )
}

/** Before step i: a marker no step from here on reads is removed, unless the step's required flag excludes it. */
function removeUnreadMarkers(c: Compilation, step: StemStep, i: number): void {
  for (const flag of [...c.live]) {
    if (c.steps.slice(i).some((st) => reads(st, flag)) || excludedBy(c, step.when, flag)) continue
    const before = c.live.slice(0, c.live.indexOf(flag))
    if (before.length > 0) c.add(`${flag}_done`, `^(${before.map((f) => `${m(c, f)}?`).join('')})${m(c, flag)}`, '$1')
    else c.add(`${flag}_done`, `^${m(c, flag)}`, '')
    c.live.splice(c.live.indexOf(flag), 1)
  }
}

/**
 * Compiles a step table to pattern_replace token filters (the names prefixed), with the kept
 * words: one filter a step (a stop: one for the protected words, one for the kept words; a step
 * with `setsUnless`: two), a filter that removes a flag's marker after its last reader, a filter
 * a protected stem, and one that removes every marker. `indexSettings()` compiles
 * {@link STEM_STEPS}.
 *
 * @example
 * ```ts
 * compileStemSteps(STEM_STEPS, undefined, 'fahras_arabic').length // → 26
 * ```
 * @internal
 */
export function compileStemSteps(
  steps: readonly StemStep[],
  keep: ReadonlySet<string> | undefined,
  prefix: string,
): Component[] {
  checkGuards(steps)
  const markers = flagMarkers(steps)
  const filters: Component[] = []
  // a kept word that normalizes to nothing (a lone mark) matches no token: left out
  const kept = keep === undefined ? [] : [...keep].filter((w) => w.length > 0)
  const c: Compilation = {
    steps,
    markers,
    protectedMarker: String.fromCharCode(FIRST_FLAG_MARKER + markers.size),
    live: [],
    keepWords: kept.length > 0 ? alternation(kept) : null,
    protectedWords: alternation(PROTECTED_WORDS.keys()),
    root: rootInitialPattern(),
    add: (what, pattern, replacement) => {
      filters.push({
        name: `${prefix}_stem_${String(filters.length + 1).padStart(2, '0')}_${what}`,
        definition: { type: 'pattern_replace', pattern, replacement },
      })
    },
  }
  steps.forEach((step, i) => {
    removeUnreadMarkers(c, step, i)
    compileStep(c, step, i)
    if (step.kind !== 'stop' && step.kind !== 'final' && step.sets !== undefined && !c.live.includes(step.sets))
      c.live.push(step.sets)
  })
  const protectedByStem = new Map<string, string[]>()
  for (const [word, stem] of PROTECTED_WORDS) protectedByStem.set(stem, [...(protectedByStem.get(stem) ?? []), word])
  for (const [stem, words] of protectedByStem)
    c.add('protected_stem', `^${s(c.protectedMarker)}${alternation(words)}$`, stem)
  c.add('done', `[${[FINAL, ...markers.values(), c.protectedMarker].map(s).join('')}]`, '')
  return filters
}

/** The stemming filters of lightStem(), their names prefixed. @internal */
export function stemFilters(keep: ReadonlySet<string> | undefined, prefix: string): Component[] {
  return compileStemSteps(STEM_STEPS, keep, prefix)
}

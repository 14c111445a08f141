import {
  composition,
  CONTEXT_RULES,
  KEEP,
  NO_MATCH,
  REMOVE,
  type ContextRule,
  type Decision,
  type Scan,
} from './context.js'
import type { ResolvedNormalizeOptions } from './normalize.js'
import { NORMALIZATION_RULES, type CodeRange, type NormalizationRule, type RuleGroup } from './rules.js'

/**
 * Compiles NORMALIZATION_RULES into the scanner's lookup table: for each UTF-16 code unit, the
 * rules that apply at it, in the order they are tried. A code unit that no rule lists is copied
 * without a look at the options: that set is derived from the table, never listed by hand.
 */

/** One rule as it applies at one code unit. @internal */
export interface UnitRule {
  /** The option that switches it off. */
  readonly group: RuleGroup
  /** The group's place in the flags of {@link groupFlags}. */
  readonly groupIndex: number
  /** The context rule that decides, or undefined for a rule on the character alone. */
  readonly context: ContextRule | undefined
  /** What the unit becomes: a code unit, REMOVE, or a string (passed to `context` when set). */
  readonly to: Decision
  /** The id of the entry of the table it comes from. */
  readonly id: string
  /**
   * For a context rule that reads a letter + mark pair: the marks that must follow, checked in the
   * scanner before the rule is called (most letters are followed by no such mark).
   */
  readonly next: readonly number[] | undefined
}

/**
 * The compiled normalization table. `index[c]` is 0 for a code unit no rule lists (the scanner
 * copies it), else 1 + the index in `units` of its rules: context rules first (table order),
 * then at most one rule on the character alone. @internal
 */
export interface CompiledRules {
  readonly index: Uint16Array
  readonly units: readonly (readonly UnitRule[])[]
  /** The letter + mark pairs that some rule reads as one (for the OpenSearch mapping). */
  readonly pairs: readonly (readonly [letter: number, mark: number])[]
}

/** The rule groups in the order of their flags (a group gets its place when a rule first names it). */
const GROUPS = new Map<RuleGroup, number>()
const groupIndex = (group: RuleGroup): number => {
  let k = GROUPS.get(group)
  if (k === undefined) GROUPS.set(group, (k = GROUPS.size))
  return k
}

const flagsCache = new WeakMap<ResolvedNormalizeOptions, Uint8Array>()

/**
 * The options as flags indexed by {@link UnitRule.groupIndex} (1 = on): the scanner reads a flag
 * where a look-up of the option by name would cost a keyed property load. @internal
 */
export function groupFlags(o: ResolvedNormalizeOptions): Uint8Array {
  let flags = flagsCache.get(o)
  if (flags === undefined || flags.length !== GROUPS.size) {
    flags = new Uint8Array(GROUPS.size)
    for (const [group, k] of GROUPS) flags[k] = o[group] ? 1 : 0
    flagsCache.set(o, flags)
  }
  return flags
}

/** The code units of a `from` field, in order. */
function unitsOf(from: NormalizationRule['from']): number[] {
  const ranges: readonly (number | CodeRange)[] = Array.isArray(from) ? from : [from as CodeRange]
  const units: number[] = []
  for (const r of ranges) {
    if (typeof r === 'number') units.push(r)
    else for (let c = r.first; c <= r.last; c++) units.push(c)
  }
  return units
}

/** The first unit of the range of `from` holding `c` (for `'0-9'`). */
function rangeStart(from: NormalizationRule['from'], c: number): number {
  const ranges = (Array.isArray(from) ? from : [from]) as readonly (number | CodeRange)[]
  for (const r of ranges) if (typeof r !== 'number' && c >= r.first && c <= r.last) return r.first
  return c
}

/** A replacement string as a decision: REMOVE for `''`, a code unit for one unit. */
function decisionOf(s: string): Decision {
  if (s.length === 0) return REMOVE
  return s.length === 1 ? s.charCodeAt(0) : s
}

/**
 * The named mappings of `to` for rules without context (what `c` becomes), or undefined for a
 * literal replacement. A mapping returns null where it leaves `c` as it is.
 */
const MAPPINGS: Readonly<Record<string, (c: number, rule: NormalizationRule) => string | null>> = {
  /** `toLowerCase()`, where it changes the character. */
  lower: (c) => {
    const ch = String.fromCharCode(c)
    const lower = ch.toLowerCase()
    return lower === ch ? null : lower
  },
  /** The digit of the unit's place in its range: ٠ … ٩ → 0 … 9. */
  '0-9': (c, rule) => String.fromCharCode(0x30 + c - rangeStart(rule.from, c)),
}

/**
 * Compiles a rule table (NORMALIZATION_RULES, or a table with more rules) into the scanner's
 * lookup table. Throws when two rules without context list the same unit, or a rule names an
 * unknown context rule. @internal
 *
 * @example
 * ```ts
 * const rules = compileRules([...NORMALIZATION_RULES, { id: 'veh', group: 'persian', from: [0x06a4], to: 'ف', doc: 'ڤ → ف' }])
 * normalizeWithRules('ڤيديو', DEFAULT_NORMALIZE_OPTIONS, rules).text // → 'فيديو'
 * ```
 */
export function compileRules(rules: readonly NormalizationRule[]): CompiledRules {
  const byUnit = new Map<number, { context: UnitRule[]; plain: UnitRule | undefined }>()
  const at = (c: number) => {
    let entry = byUnit.get(c)
    if (entry === undefined) byUnit.set(c, (entry = { context: [], plain: undefined }))
    return entry
  }
  const pairs: [number, number][] = []
  for (const rule of rules) {
    const { id, group } = rule
    if (rule.context !== undefined) {
      const definition = CONTEXT_RULES[rule.context]
      if (definition === undefined) throw new Error(`normalization rule ${id}: unknown context rule ${rule.context}`)
      for (const c of unitsOf(rule.from)) {
        at(c).context.push({
          group,
          groupIndex: groupIndex(group),
          context: definition.apply,
          to: decisionOf(rule.to),
          id,
          next: definition.next,
        })
        for (const mark of definition.next ?? []) pairs.push([c, mark])
        for (const letter of definition.after ?? []) pairs.push([letter, c])
      }
      continue
    }
    const mapping = MAPPINGS[rule.to]
    for (const c of unitsOf(rule.from)) {
      const to = mapping === undefined ? rule.to : mapping(c, rule)
      if (to === null) continue
      const entry = at(c)
      if (entry.plain !== undefined)
        throw new Error(
          `normalization rules ${entry.plain.id} and ${id} both map U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
        )
      entry.plain = {
        group,
        groupIndex: groupIndex(group),
        context: undefined,
        to: decisionOf(to),
        id,
        next: undefined,
      }
    }
    for (const [letter, mark] of rule.composedOf ?? []) {
      const composed = unitsOf(rule.from)[0]!
      at(letter).context.push({
        group: 'diacritics',
        groupIndex: groupIndex('diacritics'),
        context: composition(mark, composed),
        to: composed,
        id,
        next: [mark],
      })
      pairs.push([letter, mark])
    }
  }
  const index = new Uint16Array(0x10000)
  const units: UnitRule[][] = []
  for (const [c, { context, plain }] of [...byUnit].sort((a, b) => a[0] - b[0])) {
    units.push(plain === undefined ? context : [...context, plain])
    index[c] = units.length
  }
  return { index, units, pairs: orderPairs(pairs) }
}

/** Pairs without repeats, grouped by letter (in the order the table first names them), marks in code order. */
function orderPairs(pairs: readonly (readonly [number, number])[]): [number, number][] {
  const byLetter = new Map<number, Set<number>>()
  for (const [letter, mark] of pairs) {
    let marks = byLetter.get(letter)
    if (marks === undefined) byLetter.set(letter, (marks = new Set()))
    marks.add(mark)
  }
  return [...byLetter].flatMap(([letter, marks]) =>
    [...marks].sort((a, b) => a - b).map((mark): [number, number] => [letter, mark]),
  )
}

/** The default rules, compiled once. @internal */
export const DEFAULT_RULES: CompiledRules = compileRules(NORMALIZATION_RULES)

/**
 * What the rules of one unit make of the text at `i`: the first context rule (whose group is on)
 * that applies, else the rule on the character alone if its group is on, else KEEP. @internal
 */
export function decide(rules: readonly UnitRule[], scan: Scan, i: number): Decision {
  const flags = scan.flags
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k]!
    if (flags[rule.groupIndex] === 0) continue
    if (rule.context === undefined) return rule.to
    if (rule.next !== undefined && !rule.next.includes(scan.text.charCodeAt(i + 1))) continue
    const decision = rule.context(scan, i, rule.to)
    if (decision !== NO_MATCH) return decision
    scan.consumed = 1
  }
  return KEEP
}

/**
 * What the rules on the character alone make of `c` (the letter rules, for a composed letter or
 * a hamza's seat): a code unit or a string. @internal
 */
export function foldUnit(compiled: CompiledRules, c: number, o: ResolvedNormalizeOptions): Decision {
  const k = compiled.index[c]!
  if (k === 0) return c
  for (const rule of compiled.units[k - 1]!) {
    if (rule.context === undefined && o[rule.group]) return rule.to === REMOVE ? '' : rule.to
  }
  return c
}

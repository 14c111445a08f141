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
  /** The place in the flags of {@link groupFlags} of the option that switches it off. */
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

/** The rule groups in the order of their flags: as NORMALIZATION_RULES first names them. */
const GROUPS: readonly RuleGroup[] = [...new Set(NORMALIZATION_RULES.map((rule) => rule.group))]

const flagsCache = new WeakMap<ResolvedNormalizeOptions, Uint8Array>()

/**
 * The options as flags indexed by {@link UnitRule.groupIndex} (1 = on): the scanner reads a flag
 * where a look-up of the option by name would cost a keyed property load. @internal
 */
export function groupFlags(o: ResolvedNormalizeOptions): Uint8Array {
  let flags = flagsCache.get(o)
  if (flags === undefined) flagsCache.set(o, (flags = Uint8Array.from(GROUPS, (group) => (o[group] ? 1 : 0))))
  return flags
}

/** Calls `visit` with each code unit of a `from` field, in order, and the first unit of its range. */
function eachUnit(from: NormalizationRule['from'], visit: (c: number, first: number) => void): void {
  for (const r of (Array.isArray(from) ? from : [from]) as readonly (number | CodeRange)[]) {
    if (typeof r === 'number') visit(r, r)
    else for (let c = r.first; c <= r.last; c++) visit(c, r.first)
  }
}

/** A replacement string as a decision: REMOVE for `''`, a code unit for one unit. */
function decisionOf(s: string): Decision {
  if (s.length === 0) return REMOVE
  return s.length === 1 ? s.charCodeAt(0) : s
}

/**
 * The named mappings of `to` for rules without context: what `c` (in a range from `first`)
 * becomes, or null where the mapping leaves it as it is.
 */
const MAPPINGS: Readonly<Record<string, (c: number, first: number) => string | null>> = {
  /** `toLowerCase()`, where it changes the character. */
  lower: (c) => {
    const ch = String.fromCharCode(c)
    const lower = ch.toLowerCase()
    return lower === ch ? null : lower
  },
  /** The digit of the unit's place in its range: ٠ … ٩ → 0 … 9. */
  '0-9': (c, first) => String.fromCharCode(0x30 + c - first),
}

/**
 * Compiles a rule table (NORMALIZATION_RULES, or a table with more rules) into the scanner's
 * lookup table. Throws when two rules without context list the same unit, or a rule names an
 * unknown context rule. @internal
 *
 * @example
 * ```ts
 * const rules = compileRules([...NORMALIZATION_RULES, { id: 'veh', group: 'persian', from: [0x06a4], to: 'ف' }])
 * normalizeWithRules('ڤيديو', DEFAULT_NORMALIZE_OPTIONS, rules).text // → 'فيديو'
 * ```
 */
export function compileRules(rules: readonly NormalizationRule[]): CompiledRules {
  // per code unit: its context rules in table order, then its one rule on the character alone
  const byUnit = new Map<number, { context: UnitRule[]; plain?: UnitRule }>()
  // the letter + mark pairs read as one: the marks of each letter, letters in table order
  const pairs = new Map<number, Set<number>>()
  const pair = (letter: number, mark: number) => {
    if (!pairs.has(letter)) pairs.set(letter, new Set())
    pairs.get(letter)!.add(mark)
  }
  const add = (c: number, rule: UnitRule, plain?: boolean) => {
    if (!byUnit.has(c)) byUnit.set(c, { context: [] })
    const entry = byUnit.get(c)!
    if (!plain) entry.context.push(rule)
    else if (entry.plain === undefined) entry.plain = rule
    else
      throw new Error(
        `normalization rules ${entry.plain.id} and ${rule.id} both map U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
      )
  }
  for (const { id, group, from, to, context, composedOf } of rules) {
    const g = GROUPS.indexOf(group)
    if (context !== undefined) {
      const definition = CONTEXT_RULES[context]
      if (definition === undefined) throw new Error(`normalization rule ${id}: unknown context rule ${context}`)
      const { apply, next } = definition
      eachUnit(from, (c) => {
        add(c, { groupIndex: g, context: apply, to: decisionOf(to), id, next })
        for (const mark of next ?? []) pair(c, mark)
        for (const letter of definition.after ?? []) pair(letter, c)
      })
      continue
    }
    const mapping = MAPPINGS[to]
    let composed = -1
    eachUnit(from, (c, first) => {
      if (composed < 0) composed = c
      const out = mapping === undefined ? to : mapping(c, first)
      if (out !== null) add(c, { groupIndex: g, context: undefined, to: decisionOf(out), id, next: undefined }, true)
    })
    for (const [letter, mark] of composedOf ?? []) {
      const rule = {
        groupIndex: GROUPS.indexOf('diacritics'),
        context: composition(composed),
        to: composed,
        id,
        next: [mark],
      }
      add(letter, rule)
      pair(letter, mark)
    }
  }
  const index = new Uint16Array(0x10000)
  const units: UnitRule[][] = []
  for (const [c, { context, plain }] of byUnit) index[c] = units.push(plain ? [...context, plain] : context)
  const marksInOrder = (marks: Set<number>) => [...marks].sort((a, b) => a - b)
  return {
    index,
    units,
    pairs: [...pairs].flatMap(([letter, marks]) => marksInOrder(marks).map((mark): [number, number] => [letter, mark])),
  }
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
 * a hamza's seat), with the options as {@link groupFlags}: a code unit or a string. @internal
 */
export function foldUnit(compiled: CompiledRules, c: number, flags: Uint8Array): Decision {
  const k = compiled.index[c]!
  if (k === 0) return c
  for (const rule of compiled.units[k - 1]!) {
    if (rule.context === undefined && flags[rule.groupIndex] === 1) return rule.to === REMOVE ? '' : rule.to
  }
  return c
}

// Regex writing for the generated settings. Patterns are Java regexes (the engines run
// java.util.regex): no \b, no \w, no named classes whose meaning depends on the Java version;
// every class is spelled out, every character outside the Arabic letters and printable ASCII is
// written as an escape.

/** A UTF-16 code unit as four upper-case hex digits. @internal */
export const hex4 = (c: number) => c.toString(16).toUpperCase().padStart(4, '0')

/** One code point as a regex atom (inside or outside a class). @internal */
export function atom(c: number): string {
  if (c >= 0x10000) return `\\x{${c.toString(16).toUpperCase()}}`
  if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a)) return String.fromCharCode(c)
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return String.fromCharCode(c)
  return `\\u${hex4(c)}`
}

/** The code points {@link atom} writes as escapes: all but the Arabic letters and ASCII letters and digits. */
const ESCAPED = /[^\u0621-\u063a\u0641-\u064a0-9A-Za-z]/gu

/** A literal string as a regex. @internal */
export function literal(s: string): string {
  return s.replace(ESCAPED, (ch) => atom(ch.codePointAt(0)!))
}

/** The ranges of a sorted list of code points, as the inside of a class (`a`, `ab`, `a-z`…). @internal */
export function classItems(codes: readonly number[]): string {
  let items = ''
  for (let i = 0; i < codes.length; ) {
    let j = i
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++
    items +=
      j === i
        ? atom(codes[i]!)
        : j === i + 1
          ? atom(codes[i]!) + atom(codes[j]!)
          : `${atom(codes[i]!)}-${atom(codes[j]!)}`
    i = j + 1
  }
  return items
}

/** A character class from a sorted list of code points. @internal */
export function charClass(codes: readonly number[]): string {
  return `[${classItems(codes)}]`
}

/** The integers from `first` to `last`, both included. @internal */
export const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, k) => first + k)

/**
 * How deep a word goes into the trie of {@link alternation}, in code points: the rest of a longer
 * word is written as one flat branch at that depth. Each trie level can open one group, and Java
 * compiles and matches nested groups by recursion: words that are prefixes of each other (`ب`,
 * `بب`, `ببب`…) nested one group per letter, and some 1,300 levels overflowed the engines' 1 MB
 * thread stack ("Stack overflow during pattern compilation", a PatternSyntaxException); the writer
 * itself, recursive too, overflowed Node's stack at some 3,000. With this bound a pattern nests at
 * most this many groups deep however many and however long the words are, and its length stays
 * proportional to the words' total length.
 * @internal
 */
export const TRIE_DEPTH_LIMIT = 64

interface TrieNode {
  end: boolean
  readonly next: Map<string, TrieNode>
  /** The rest of each word that goes past {@link TRIE_DEPTH_LIMIT} at this node. */
  readonly tails: Set<string>
}

const trieNode = (): TrieNode => ({ end: false, next: new Map(), tails: new Set() })

/**
 * An alternation of words as a trie-shaped regex (a shared prefix is written once), at most
 * {@link TRIE_DEPTH_LIMIT} groups deep. `letter` writes one letter (default: the letter itself).
 * Matches the same strings as `(?:w1|w2|…)`.
 * @internal
 */
export function alternation(words: Iterable<string>, letter: (ch: string) => string = literal): string {
  const root = trieNode()
  for (const w of words) {
    let node = root
    let depth = 0
    let offset = 0
    for (const ch of w) {
      if (depth === TRIE_DEPTH_LIMIT) break
      let child = node.next.get(ch)
      if (child === undefined) node.next.set(ch, (child = trieNode()))
      node = child
      depth++
      offset += ch.length
    }
    if (offset < w.length) node.tails.add(w.slice(offset))
    else node.end = true
  }
  // a tail is written letter by letter, each letter's spelling made once
  const spelled = new Map<string, string>()
  const spellLetter = (ch: string) => {
    let spelling = spelled.get(ch)
    if (spelling === undefined) spelled.set(ch, (spelling = letter(ch)))
    return spelling
  }
  const spell = (text: string) => (letter === literal ? literal(text) : Array.from(text, spellLetter).join(''))
  // Written into one list of pieces, joined once: joining at every level would copy the deeper
  // levels again at each one. Recursion at most TRIE_DEPTH_LIMIT deep.
  const out: string[] = []
  const emit = (node: TrieNode) => {
    const count = node.next.size + node.tails.size
    if (count === 0) return
    const group = node.end || count > 1
    if (group) out.push('(?:')
    let first = true
    const separate = () => {
      if (!first) out.push('|')
      first = false
    }
    for (const ch of [...node.next.keys()].sort()) {
      separate()
      out.push(letter(ch))
      emit(node.next.get(ch)!)
    }
    for (const tail of [...node.tails].sort()) {
      separate()
      out.push(spell(tail))
    }
    if (group) out.push(node.end ? ')?' : ')')
  }
  if (root.end) throw new Error('alternation: empty word')
  emit(root)
  return `(?:${out.join('')})`
}

// Builds src/stem/root-initial.ts: words whose first letters look like a proclitic (و ف ب ك ل س)
// or the article (ال) but belong to the word. A word W is listed when "ال" + W is frequent in
// Arabic Wikipedia (../shared/data/arwiki-cwc, CC BY-SA 4.0): الوزاره makes وزاره root-initial,
// while وقال never follows the article, so its و stays a conjunction. Only facts about word
// frequency are taken from the corpus, no text. The proclitics, the article and its clusters,
// the lookup endings and the construct taa are the stemmer's own tables (src/stem/rules.ts).
//
// Usage (through tsx, which reads the TypeScript sources):
//   npx tsx scripts/build-root-initial.mjs [path/to/docs.jsonl.gz] [minCount] [minFrequent]
//     rebuilds src/stem/root-initial.ts (needs the corpus)
//   npx tsx scripts/build-root-initial.mjs --check        (npm run check:root-initial)
//     needs no corpus: the generated list decodes, round-trips and is what the stemmer reads,
//     and the rules below give the list's decisions on scripts/root-initial-sample.tsv
//   npx tsx scripts/build-root-initial.mjs --write-sample [path/to/docs.jsonl.gz]
//     rewrites that sample from the corpus (the counts of 240 candidate words)
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { createInterface } from 'node:readline'
import { normalizeText } from '../src/normalize/index.ts'
import { tokenize } from '../src/tokenize/index.ts'
import { ROOT_INITIAL_WORDS_GENERATED } from '../src/stem/root-initial.ts'
import {
  ARTICLE_PREFIXES,
  CONJUNCTION_PREFIXES,
  CONSTRUCT_TAA,
  FUTURE_PREFIX,
  LOOKUP_ENDINGS,
  PREPOSITION_PREFIXES,
  PRONOUN_SUFFIXES,
  ROOT_INITIAL_EXTRA,
} from '../src/stem/rules.ts'
import { decodeFrontCoded, ROOT_INITIAL_WORDS } from '../src/stem/stem.ts'
import { MIN_STEM_LENGTH } from '../src/stem/steps.ts'

const DEFAULT_CORPUS = '../shared/data/arwiki-cwc/docs.jsonl.gz'
const OUTPUT = new URL('../src/stem/root-initial.ts', import.meta.url)
const SAMPLE = new URL('./root-initial-sample.tsv', import.meta.url)
const DEFAULTS = { minCount: 30, minFrequent: 150 }

// --- The stemmer's tables ------------------------------------------------------------------

/** The one-letter proclitics: و ف, ب ك ل, the future س. */
const PROCLITICS = new Set([...CONJUNCTION_PREFIXES, ...PREPOSITION_PREFIXES, FUTURE_PREFIX].map((r) => r.affix))
/** The article itself (ال): the one entry of ARTICLE_PREFIXES that does not start with a proclitic. */
const ARTICLE = ARTICLE_PREFIXES.find((r) => !PROCLITICS.has(r.affix[0])).affix
/** One proclitic and the article: وال فال بال كال, and لل (li + al, the alef dropped). */
const CLUSTERS = ARTICLE_PREFIXES.map((r) => r.affix).filter(
  (a) => PROCLITICS.has(a[0]) && (a.slice(1) === ARTICLE || a.slice(1) === ARTICLE.slice(1)),
)
/** Endings the stemmer's lookup looks past: a word found through a shorter listed one is not written. */
const ENDINGS = [...new Set([...LOOKUP_ENDINGS, ...PRONOUN_SUFFIXES.map((r) => r.affix)])]
const ARABIC_WORD = /^[\u0621-\u064a]+$/

// --- The rules -----------------------------------------------------------------------------

/** Could the word's first letters be a proclitic or the article? */
const isCandidate = (w) =>
  w.length >= MIN_STEM_LENGTH && ARABIC_WORD.test(w) && (PROCLITICS.has(w[0]) || w.startsWith(ARTICLE))

/** The word without its would-be proclitic, keeping the article of a cluster: بالقرب → القرب, للعراق → العراق. */
function remainder(w) {
  const dropped = CLUSTERS.find((c) => c.slice(1) === ARTICLE.slice(1) && w.startsWith(c))
  return dropped === undefined ? w.slice(1) : ARTICLE + w.slice(dropped.length)
}

/** The counts a word's decision reads: the word, the word after the article, its remainder. */
const countsRead = (w) => [w, ARTICLE + w, remainder(w)]

/** Is the candidate root-initial, by the counts? */
function decide(w, count, { minCount, minFrequent }) {
  // A: the word takes the article, so its first letter is part of it (الوزاره → وزاره).
  if (count(ARTICLE + w) >= minCount) return true
  // B: a frequent word whose remainder without the would-be proclitic is rare on its own
  // (لبنان but hardly بنان; بغداد but hardly غداد), so the proclitic is not one. Idioms such as
  // بسبب are frequent, but so is سبب: they stay out. Not for words that start with the article:
  // nouns are often more frequent with the article than without it.
  const n = count(w)
  if (w.startsWith(ARTICLE) || n < minFrequent) return false
  const rest = count(remainder(w))
  // For a cluster (بال كال فال وال لل) the remainder must be rare outright, since idioms such as
  // بالقرب and للغاية are far more frequent than القرب and الغاية.
  const cluster = CLUSTERS.some((c) => w.startsWith(c))
  return cluster ? rest < minCount : rest < minCount || rest * 20 < n
}

/** Is the word found by the stemmer's lookup through a listed word (one ending looked past)? */
function covered(w, listed) {
  return ENDINGS.some((e) => {
    if (!w.endsWith(e) || w.length - e.length < MIN_STEM_LENGTH) return false
    const base = w.slice(0, -e.length)
    if (listed.has(base)) return true
    const { from, to, minLength } = CONSTRUCT_TAA
    return base.length >= minLength && base.endsWith(from) && listed.has(base.slice(0, -from.length) + to)
  })
}

/** The root-initial words less those the lookup finds through a shorter one, sorted. */
function pruned(words) {
  const kept = new Set()
  for (const w of [...words].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) if (!covered(w, kept)) kept.add(w)
  return [...kept].sort()
}

// --- The file ------------------------------------------------------------------------------

/**
 * Front coding: each word is written as one character for the length of the prefix it shares
 * with the word before it ('0' + length), then the rest of it; Arabic letters U+0621–U+064A as
 * one ASCII character each, from '@' (U+0040): gzip packs single bytes better than UTF-8 pairs.
 */
function encode(words) {
  let previous = ''
  return words
    .map((w) => {
      let k = 0
      while (k < previous.length && k < w.length && previous[k] === w[k]) k++
      previous = w
      return String.fromCharCode(48 + k) + w.slice(k)
    })
    .join('')
    .replace(/[\u0621-\u064a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x0621 + 0x40))
}

function render(words, { minCount, minFrequent }) {
  return `/**
 * Generated by \`scripts/build-root-initial.mjs\` from word frequencies in Arabic Wikipedia
 * (../shared/data/arwiki-cwc, CC BY-SA 4.0; only counts are used, no text): the ${words.length} words of
 * three letters or more that start like a proclitic (و ف ب ك ل س) or the article and either
 * occur with the article at least ${minCount} times (الوزاره → وزاره), or do not start with ال, occur at
 * least ${minFrequent} times, and their remainder without the first letter occurs fewer than ${minCount} times or is
 * twenty times rarer (for a cluster such as كال: fewer than ${minCount} times)
 * (لبنان but hardly بنان). Do not edit by hand: add words to
 * \`ROOT_INITIAL_EXTRA\` in \`rules.ts\`. Front-coded: each word starts with a character
 * ('0' + n) giving the number of letters it shares with the word before it; each Arabic letter
 * U+0621–U+064A is written as the ASCII character U+0040 + (letter − U+0621).
 */
export const ROOT_INITIAL_WORDS_GENERATED: string =
  ${JSON.stringify(encode(words))}
`
}

// --- The corpus ----------------------------------------------------------------------------

function requireCorpus(file) {
  if (existsSync(file)) return
  console.error(
    `build-root-initial: needs the Arabic Wikipedia corpus ${file} (arwiki-cwc, docs.jsonl.gz: one {"title","text"} a line, see ../shared/data/README.md), or its path as the first argument; --check runs without it`,
  )
  process.exit(2)
}

async function countWords(file) {
  const counts = new Map()
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
  for await (const line of rl) {
    if (!line) continue
    const doc = JSON.parse(line)
    const norm = normalizeText(`${doc.title ?? ''}\n${doc.text ?? ''}`)
    for (const t of tokenize(norm)) counts.set(t.text, (counts.get(t.text) ?? 0) + 1)
  }
  return counts
}

async function build(file, params) {
  requireCorpus(file)
  const counts = await countWords(file)
  const count = (w) => counts.get(w) ?? 0
  const found = [...counts.keys()].filter((w) => isCandidate(w) && decide(w, count, params))
  const words = pruned(found)
  writeFileSync(OUTPUT, render(words, params))
  console.log(
    `${counts.size} distinct words; ${found.length} root-initial words found, ${words.length} written (the others are found through them)`,
  )
}

/** The sample of --check: 120 root-initial candidates and 120 others, with the counts their decisions read. */
async function writeSample(file) {
  requireCorpus(file)
  const counts = await countWords(file)
  const count = (w) => counts.get(w) ?? 0
  const candidates = [...counts.keys()].filter((w) => isCandidate(w) && count(w) >= 20).sort()
  const pick = (list, n) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n)
  const yes = pick(
    candidates.filter((w) => decide(w, count, DEFAULTS)),
    120,
  )
  const no = pick(
    candidates.filter((w) => !decide(w, count, DEFAULTS)),
    120,
  )
  const lines = new Map()
  for (const w of [...yes, ...no]) for (const k of countsRead(w)) if (!lines.has(k)) lines.set(k, `${k}\t${count(k)}`)
  for (const w of [...yes, ...no]) lines.set(w, `${w}\t${count(w)}\t*`)
  const header = `# Word counts in Arabic Wikipedia (arwiki-cwc, CC BY-SA 4.0; counts only), normalized words: word<TAB>count,
# and <TAB>* on the ${yes.length + no.length} words whose decision \`--check\` compares with src/stem/root-initial.ts. Written by --write-sample.
`
  writeFileSync(SAMPLE, `${header + [...lines.values()].sort().join('\n')}\n`)
  console.log(`${SAMPLE.pathname}: ${yes.length} root-initial and ${no.length} other candidates, ${lines.size} counts`)
}

// --- The check -----------------------------------------------------------------------------

function check() {
  const problems = []
  const text = readFileSync(OUTPUT, 'utf8')
  const words = decodeFrontCoded(ROOT_INITIAL_WORDS_GENERATED)
  // the list decodes to sorted, distinct words of the candidates' shape, and encodes back
  const bad = words.filter((w, i) => !isCandidate(w) || (i > 0 && words[i - 1] >= w))
  if (bad.length > 0)
    problems.push(`${bad.length} decoded words out of order or not candidates: ${bad.slice(0, 5).join(' ')}`)
  if (encode(words) !== ROOT_INITIAL_WORDS_GENERATED)
    problems.push('the decoded list does not encode back to the same string')
  if (!text.includes(`the ${words.length} words`))
    problems.push(`the comment of root-initial.ts does not give the ${words.length} words decoded`)
  // the stemmer reads that list (and ROOT_INITIAL_EXTRA), nothing else
  const expected = new Set([...words, ...ROOT_INITIAL_EXTRA])
  if (expected.size !== ROOT_INITIAL_WORDS.size || words.some((w) => !ROOT_INITIAL_WORDS.has(w)))
    problems.push('ROOT_INITIAL_WORDS is not the decoded list and ROOT_INITIAL_EXTRA')
  // the rules give the list's decisions on the sample
  const counts = new Map()
  const sample = []
  for (const line of readFileSync(SAMPLE, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue
    const [w, n, mark] = line.split('\t')
    counts.set(w, Number(n))
    if (mark === '*') sample.push(w)
  }
  const count = (w) => counts.get(w) ?? 0
  const listed = new Set(words)
  let rootInitial = 0
  for (const w of sample) {
    const decided = decide(w, count, DEFAULTS)
    if (decided) rootInitial++
    if (decided && !listed.has(w) && !covered(w, listed))
      problems.push(`${w}: root-initial by the rules, but neither listed nor found through a listed word`)
    if (!decided && listed.has(w)) problems.push(`${w}: listed, but not root-initial by the rules`)
  }
  if (sample.length === 0) problems.push(`no sample words in ${SAMPLE.pathname}`)
  if (problems.length > 0) {
    console.error(`build-root-initial --check: ${problems.length} problem(s)\n  ${problems.slice(0, 20).join('\n  ')}`)
    process.exit(1)
  }
  console.log(
    `build-root-initial --check: ${words.length} words decode and round-trip; ${sample.length} sample words (${rootInitial} root-initial) decided as listed`,
  )
}

const args = process.argv.slice(2)
if (args[0] === '--check') check()
else if (args[0] === '--write-sample') await writeSample(args[1] ?? DEFAULT_CORPUS)
else
  await build(args[0] ?? DEFAULT_CORPUS, {
    minCount: Number(args[1] ?? DEFAULTS.minCount),
    minFrequent: Number(args[2] ?? DEFAULTS.minFrequent),
  })

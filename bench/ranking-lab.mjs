#!/usr/bin/env node
// The ranking lab: a model of fahras's ranking in plain JavaScript, for trying variants the engine
// has no switch for, and the table of the variants that were tried and not kept. The shipped
// ranking is src/search/packed/scoring.ts; `npm run bench:ranking` measures it with the real
// engine. This script only borrows the analysis of the built package (dist/index.js: analyze,
// normalizeText, tokenize) and scores the retrieval sets of bench/data (xquad-ar, arcd-train)
// itself: BM25+ per term and field over the stems and, as `\u0001` + word, the written forms
// (weight exactBoost), summed over title and text, times a coordination factor.
//
//   npm run bench:ranking-lab       (npm run build, then this script)
//   node bench/ranking-lab.mjs [--only TEXT] [--as-tried] [--data bench/data] [--out bench/results/ranking-lab.json]
//
// --only runs the variants whose name contains TEXT (the bases always run). --as-tried runs the
// variants that were first tried on an intermediate base (`tried`: A or B, see BASES) on it.
//
// The check that the model is the engine: with the old ranking (b 0.7; linear coordination, the
// number of distinct leaf terms matched; written forms weighted 0.5; BM25+ k 1.2, d 0.5; a field's
// length = its distinct normalized words, stop words included) it gives arcd-train MRR@10 0.8057,
// the engine's figure, and xquad-ar 0.9408, where the engine gives 0.9392: 30 xquad questions
// contain quoted phrases, which the engine searches as phrases and the model as words. The new
// ranking (b 1; square-root coordination in which a written form counts 0.5) gives 0.9455 and
// 0.8225 here, without proximity (the engine's proximity is the variant `proximity W16 ×0.2`).
// Each variant is an options object on top of one of the two bases; its row gives MRR@10,
// nDCG@10 and Recall@100 on each set and the change of MRR@10 against its base. The variants
// come from throwaway scripts of the exploration (sweep, lab2-lab10, loose, prf, prox); the
// figures they printed for these variants come out again here (--as-tried: those run on A or B).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DATA, loadDataset, RETRIEVAL_SETS } from './lib/datasets.mjs'
import { evaluateRun } from './lib/metrics.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..')
const K = 100
const FIELDS = ['title', 'text']
/** The key of a written form: the word as written (normalized), after this mark. */
const WRITTEN = '\u0001'

const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    'usage: node bench/ranking-lab.mjs [--only TEXT] [--as-tried] [--data bench/data] [--out bench/results/ranking-lab.json]',
  )
  process.exit(0)
}
const only = flag('--only', '')
const asTried = args.includes('--as-tried')
const dataDir = resolve(flag('--data', DEFAULT_DATA))
const outFile = resolve(flag('--out', resolve(repoRoot, 'bench/results/ranking-lab.json')))
const distEntry = resolve(repoRoot, 'dist/index.js')
if (!existsSync(distEntry)) {
  console.error(
    'bench:ranking-lab needs the built package in dist/ (run `npm run build`, or `npm run bench:ranking-lab`, which builds it)',
  )
  process.exit(2)
}
const { analyze, normalizeText, tokenize } = await import(distEntry)

/**
 * The options of the model, and the two bases:
 * k, b, d      BM25+;  len 'distinct' (distinct normalized words) or 'tok' (tokens), a field's length
 * exact        weight of a written-form leaf (0: none);  cp  coordination = (leaves matched) ^ cp
 * coordW       in the coordination a leaf counts its weight (a written form 0.5), not 1
 * ip           IDF ^ ip;  fw { title, text }  field weights;  bm25f  one saturation over the fields
 * frame, frameW  query words of the question's frame weighted frameW
 * loose        weight of the one-letter proclitic variants of each stem found in the index
 * proximity { W, mu, depth }  the first `depth` × (1 + mu × (most distinct stems within W words − 1))
 * window { W, lam, depth, fields }  the first `depth` + lam × idf sum of the stems in the best window
 * pairs { window, lam, kind, depth }  BM25TP: + lam × a saturated bonus for each close pair of stems
 * prf { docs, terms, w }  pseudo-relevance feedback: the top terms of the first docs added, weight w
 */
const OLD = { k: 1.2, b: 0.7, d: 0.5, len: 'distinct', exact: 0.5, cp: 1, coordW: false }
const NEW = { ...OLD, b: 1, cp: 0.5, coordW: true }
/**
 * old and new; and the bases some variants were first tried on, before the new ranking settled
 * (--as-tried): A, b 1 with field lengths in tokens and a square-root coordination in which every
 * leaf counts 1; B, the new ranking but a written form counts 1 in the coordination.
 */
const BASES = { old: OLD, new: NEW, A: { ...OLD, b: 1, len: 'tok', cp: 0.5 }, B: { ...NEW, coordW: false } }
/** The bases' MRR@10 when the model was written (see above): a changed figure is flagged. */
const EXPECTED = {
  old: { 'xquad-ar': 0.9408, 'arcd-train': 0.8057 },
  new: { 'xquad-ar': 0.9455, 'arcd-train': 0.8225 },
}

/** Words that frame a question (how many, the name of, what, who…) rather than say what it is about. */
const FRAME = new Set([
  'عدد',
  'اسم',
  'نوع',
  'سبب',
  'يسمي',
  'تسمي',
  'يطلق',
  'تطلق',
  'اي',
  'هو',
  'هي',
  'ما',
  'من',
  'كم',
  'متي',
  'اين',
  'كيف',
  'لماذا',
  'هل',
  'ماذا',
])
/** The one-letter proclitics of the loose variants: ب ل ك ي ت ن ا. */
const PROCLITICS = [...'بلكيتنا']

const VARIANTS = [
  // BM25+ parameters (on the old ranking)
  { base: 'old', name: 'b 0.85', o: { b: 0.85 } },
  { base: 'old', name: 'b 0.9', o: { b: 0.9 } },
  { base: 'old', name: 'b 1', o: { b: 1 } },
  { base: 'old', name: 'b 1, k 0.9', o: { b: 1, k: 0.9 }, tried: 'A' },
  { base: 'old', name: 'b 1, k 1.6', o: { b: 1, k: 1.6 }, tried: 'A' },
  // coordination
  { base: 'old', name: 'coordination ^0 (none)', o: { cp: 0 } },
  { base: 'old', name: 'coordination ^0.25', o: { cp: 0.25 }, tried: 'B' },
  { base: 'old', name: 'coordination ^0.5', o: { cp: 0.5 } },
  { base: 'old', name: 'coordination ^1 (the old one)', o: { cp: 1 } },
  { base: 'old', name: 'coordination ^1.5', o: { cp: 1.5 } },
  { base: 'new', name: 'written form counts 1 in coordination', o: { coordW: false } },
  // field length, fields
  { base: 'old', name: 'field length = tokens', o: { len: 'tok' }, tried: 'B' },
  { base: 'old', name: 'BM25F', o: { bm25f: true } },
  { base: 'old', name: 'BM25F, title ×2', o: { bm25f: true, fw: { title: 2 } } },
  { base: 'old', name: 'title ×0.5', o: { fw: { title: 0.5 } } },
  { base: 'old', name: 'title ×2', o: { fw: { title: 2 } } },
  // written forms
  { base: 'old', name: 'exactBoost 0', o: { exact: 0 } },
  { base: 'old', name: 'exactBoost 0.25', o: { exact: 0.25 } },
  { base: 'old', name: 'exactBoost 0.4', o: { exact: 0.4 }, tried: 'B' },
  { base: 'old', name: 'exactBoost 1', o: { exact: 1 } },
  // IDF
  { base: 'new', name: 'IDF ^1.5', o: { ip: 1.5 }, tried: 'B' },
  { base: 'new', name: 'IDF ^2', o: { ip: 2 }, tried: 'B' },
  // proximity
  { base: 'new', name: "proximity W16 ×0.2 (the engine's)", o: { proximity: { W: 16, mu: 0.2, depth: 10 } } },
  { base: 'new', name: 'proximity W8 ×0.2', o: { proximity: { W: 8, mu: 0.2, depth: 10 } } },
  { base: 'new', name: 'proximity W16 ×0.1', o: { proximity: { W: 16, mu: 0.1, depth: 10 } } },
  { base: 'new', name: 'proximity W16 ×0.3', o: { proximity: { W: 16, mu: 0.3, depth: 10 } } },
  { base: 'new', name: 'proximity W8 ×0.1', o: { proximity: { W: 8, mu: 0.1, depth: 10 } } },
  { base: 'new', name: 'proximity W8 ×0.3', o: { proximity: { W: 8, mu: 0.3, depth: 10 } } },
  {
    base: 'new',
    name: '+ idf window W16 λ1, first 10',
    o: { window: { W: 16, lam: 1, depth: 10, fields: 'text' } },
    tried: 'B',
  },
  {
    base: 'new',
    name: '+ idf window W10 λ1, all',
    o: { window: { W: 10, lam: 1, depth: Infinity, fields: 'text' } },
    tried: 'B',
  },
  {
    base: 'new',
    name: '+ idf window W10 λ2, all',
    o: { window: { W: 10, lam: 2, depth: Infinity, fields: 'text' } },
    tried: 'B',
  },
  { base: 'old', name: 'BM25TP pairs 1/d² W5 λ0.5', o: { pairs: { kind: 'inv', window: 5, lam: 0.5, depth: 100 } } },
  { base: 'old', name: 'BM25TP pairs 1/d² W5 λ1', o: { pairs: { kind: 'inv', window: 5, lam: 1, depth: 100 } } },
  { base: 'old', name: 'BM25TP pairs count W5 λ2', o: { pairs: { kind: 'count', window: 5, lam: 2, depth: 100 } } },
  // matching
  { base: 'new', name: 'loose proclitic variants ×0.1', o: { loose: 0.1 }, tried: 'A' },
  { base: 'new', name: 'loose proclitic variants ×0.2', o: { loose: 0.2 }, tried: 'A' },
  { base: 'new', name: 'loose proclitic variants ×0.5', o: { loose: 0.5 }, tried: 'A' },
  // pseudo-relevance feedback
  { base: 'new', name: 'PRF 3 docs 10 terms ×0.1', o: { prf: { docs: 3, terms: 10, w: 0.1 } }, tried: 'B' },
  { base: 'new', name: 'PRF 3 docs 10 terms ×0.3', o: { prf: { docs: 3, terms: 10, w: 0.3 } }, tried: 'B' },
  { base: 'new', name: 'PRF 1 doc 10 terms ×0.2', o: { prf: { docs: 1, terms: 10, w: 0.2 } }, tried: 'B' },
  { base: 'new', name: 'PRF 5 docs 20 terms ×0.1', o: { prf: { docs: 5, terms: 20, w: 0.1 } }, tried: 'B' },
  // question frame
  { base: 'new', name: 'question-frame words ×0', o: { frame: FRAME, frameW: 0 }, tried: 'A' },
  { base: 'new', name: 'question-frame words ×0.3', o: { frame: FRAME, frameW: 0.3 }, tried: 'A' },
].filter((v) => v.name.includes(only))

const idfOf = (df, n) => Math.log(1 + (n - df + 0.5) / (df + 0.5))

/** The analysis of a set, once: per document and field the frequencies and positions of its keys. */
function prepare(set) {
  const docs = set.docs.map((doc) => {
    const f = {}
    for (const name of FIELDS) {
      const text = doc[name] ?? ''
      const words = tokenize(normalizeText(text)).map((t) => t.text)
      const tf = new Map()
      const pos = new Map()
      const add = (key, p) => {
        tf.set(key, (tf.get(key) ?? 0) + 1)
        if (!pos.has(key)) pos.set(key, [])
        pos.get(key).push(p)
      }
      for (const t of analyze(text)) {
        add(t.term, t.position)
        if (t.word !== t.term) add(WRITTEN + t.word, t.position)
      }
      f[name] = { tf, pos, len: new Set(words).size, ntok: words.length }
    }
    return { id: doc.id, f }
  })
  const N = docs.length
  const df = {},
    postings = {},
    avg = {},
    avgTok = {}
  for (const name of FIELDS) {
    postings[name] = new Map()
    docs.forEach((d, i) => {
      for (const key of d.f[name].tf.keys()) (postings[name].get(key) ?? postings[name].set(key, []).get(key)).push(i)
    })
    df[name] = new Map([...postings[name]].map(([key, list]) => [key, list.length]))
    avg[name] = docs.reduce((sum, d) => sum + d.f[name].len, 0) / N
    avgTok[name] = docs.reduce((sum, d) => sum + d.f[name].ntok, 0) / N
  }
  const queries = set.queries.map((q) => ({ id: q.id, toks: analyze(q.text) }))
  return { docs, N, df, postings, avg, avgTok, queries, qrels: set.qrels }
}

/** The query's leaves: per distinct (stem, word) the stem, its written form, its loose variants. */
function leaves(P, q, o) {
  const seen = new Set()
  const out = []
  for (const t of q.toks) {
    const pair = `${t.term}\0${t.word}`
    if (seen.has(pair)) continue
    seen.add(pair)
    const w = o.frame?.has(t.word) ? o.frameW : 1
    out.push({ key: t.term, w })
    if (t.word !== t.term && o.exact > 0) out.push({ key: WRITTEN + t.word, w: o.exact * w })
    if (o.loose) {
      const variants = new Set()
      for (const p of PROCLITICS) {
        variants.add(p + t.term)
        if (t.term.startsWith(p) && t.term.length > 3) variants.add(t.term.slice(1))
      }
      for (const v of variants) if (P.df.text.has(v) || P.df.title.has(v)) out.push({ key: v, w: o.loose })
    }
  }
  return out
}

/** BM25+ summed over leaves and fields, times the coordination: Map doc index -> score. */
function score(P, q, o) {
  const { k, b, d } = o
  const length = (f, i) => (o.len === 'tok' ? P.docs[i].f[f].ntok : P.docs[i].f[f].len)
  const average = (f) => (o.len === 'tok' ? P.avgTok[f] : P.avg[f])
  const scores = new Map()
  const matched = new Map()
  const add = (i, leaf, s) => {
    scores.set(i, (scores.get(i) ?? 0) + s)
    const m = matched.get(i)
    if (m) m.set(leaf.key, leaf.w)
    else matched.set(i, new Map([[leaf.key, leaf.w]]))
  }
  for (const leaf of leaves(P, q, o)) {
    if (o.bm25f) {
      // one saturation of the field frequencies, each divided by its field's length and weighted
      const any = [...new Set(FIELDS.flatMap((f) => P.postings[f].get(leaf.key) ?? []))].sort((x, y) => x - y)
      if (!any.length) continue
      const I = idfOf(any.length, P.N) ** (o.ip ?? 1)
      for (const i of any) {
        let t = 0
        for (const f of FIELDS)
          t += ((o.fw?.[f] ?? 1) * (P.docs[i].f[f].tf.get(leaf.key) ?? 0)) / (1 - b + (b * length(f, i)) / average(f))
        add(i, leaf, leaf.w * I * (d + ((k + 1) * t) / (k + t)))
      }
      continue
    }
    for (const f of FIELDS) {
      const list = P.postings[f].get(leaf.key)
      if (!list) continue
      const I = idfOf(P.df[f].get(leaf.key), P.N) ** (o.ip ?? 1)
      for (const i of list) {
        const tf = P.docs[i].f[f].tf.get(leaf.key)
        add(
          i,
          leaf,
          (o.fw?.[f] ?? 1) * leaf.w * I * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length(f, i)) / average(f)))),
        )
      }
    }
  }
  for (const [i, s] of scores) {
    let c = 0
    for (const w of matched.get(i).values()) c += o.coordW ? w : 1
    scores.set(i, s * c ** o.cp)
  }
  return scores
}

const byScore = (x, y) => y[1] - x[1] || x[0] - y[0]
const stems = (q) => [...new Set(q.toks.map((t) => t.term))]

/** The best window of W consecutive positions of field f: the sum of weight(stem) of the distinct stems in it. */
function bestWindow(P, q, i, f, W, weight) {
  const at = P.docs[i].f[f].pos
  const events = []
  for (const u of stems(q)) for (const p of at.get(u) ?? []) events.push([p, u, weight(u)])
  events.sort((x, y) => x[0] - y[0])
  const count = new Map()
  let best = 0,
    sum = 0,
    lo = 0
  for (const [p, u, w] of events) {
    if (!count.get(u)) sum += w
    count.set(u, (count.get(u) ?? 0) + 1)
    while (events[lo][0] <= p - W) {
      const [, u2, w2] = events[lo++]
      count.set(u2, count.get(u2) - 1)
      if (!count.get(u2)) sum -= w2
    }
    if (sum > best) best = sum
  }
  return best
}

/** BM25TP (Rasolofo and Savoy): per pair of query stems near each other in the text, a saturated bonus. */
function pairBonus(P, q, i, { kind, window }) {
  const us = stems(q)
  const d = P.docs[i].f.text
  const ps = us.map((u) => d.pos.get(u))
  const w = us.map((u) => idfOf(P.df.text.get(u) ?? 0.5, P.N))
  const k = 1.2,
    b = 0.7
  let total = 0
  for (let a = 0; a < us.length; a++) {
    if (!ps[a]) continue
    for (let c = a + 1; c < us.length; c++) {
      if (!ps[c]) continue
      let acc = 0
      for (const x of ps[a])
        for (const y of ps[c]) {
          const dist = Math.abs(x - y)
          if (dist > 0 && dist <= window) acc += kind === 'inv' ? 1 / (dist * dist) : 1
        }
      if (acc) total += (Math.min(w[a], w[c]) * (k + 1) * acc) / (k * (1 - b + (b * d.len) / P.avg.text) + acc)
    }
  }
  return total
}

/** Pseudo-relevance feedback: the text terms of the first docs by tf/length × idf, added to the scores of docs already found. */
function feedback(P, q, s, { docs, terms, w }) {
  const top = [...s].sort((x, y) => y[1] - x[1]).slice(0, docs)
  const own = new Set(q.toks.map((t) => t.term))
  const candidates = new Map()
  for (const [i] of top) {
    const d = P.docs[i].f.text
    for (const [t, tf] of d.tf) {
      if (t.startsWith(WRITTEN) || own.has(t)) continue
      candidates.set(t, (candidates.get(t) ?? 0) + (tf / d.ntok) * idfOf(P.df.text.get(t), P.N))
    }
  }
  for (const [t] of [...candidates].sort((x, y) => y[1] - x[1]).slice(0, terms)) {
    const I = idfOf(P.df.text.get(t), P.N)
    for (const i of P.postings.text.get(t)) {
      if (!s.has(i)) continue
      const d = P.docs[i].f.text,
        tf = d.tf.get(t)
      s.set(i, s.get(i) + w * I * (0.5 + (tf * 2.2) / (tf + (1.2 * d.len) / P.avg.text)))
    }
  }
}

/** The ranking of one question: doc ids, best first. */
function rank(P, q, o) {
  const s = score(P, q, o)
  if (o.prf) feedback(P, q, s, o.prf)
  if (o.pairs)
    for (const [i, v] of [...s].sort((x, y) => y[1] - x[1]).slice(0, o.pairs.depth))
      s.set(i, v + o.pairs.lam * pairBonus(P, q, i, o.pairs))
  let order = [...s].sort(byScore)
  const rerank = (depth, f) => [
    ...order
      .slice(0, depth)
      .map(([i, v]) => [i, f(i, v)])
      .sort(byScore),
    ...order.slice(depth),
  ]
  if (o.proximity) {
    const { W, mu, depth } = o.proximity
    order = rerank(depth, (i, v) => {
      const most = Math.max(...FIELDS.map((f) => bestWindow(P, q, i, f, W, () => 1)))
      return most > 1 ? v * (1 + mu * (most - 1)) : v
    })
  }
  if (o.window) {
    const { W, lam, depth, fields } = o.window
    const idfSum = (i, f) => bestWindow(P, q, i, f, W, (u) => idfOf(P.df[f].get(u), P.N))
    order = rerank(
      depth,
      (i, v) => v + lam * (fields === 'max' ? Math.max(idfSum(i, 'text'), idfSum(i, 'title')) : idfSum(i, 'text')),
    )
  }
  return order.slice(0, K).map(([i]) => P.docs[i].id)
}

function evaluate(P, o) {
  const run = new Map()
  for (const q of P.queries) run.set(q.id, rank(P, q, o))
  const m = evaluateRun(run, P.qrels)
  return { mrr10: m.mrr10, ndcg10: m.ndcg10, recall100: m.recall100 }
}

const started = performance.now()
/** The table: the bases first (old, new; and A, B with --as-tried), then the variants. */
const variants = VARIANTS.map((v) => ({ ...v, base: asTried && v.tried ? v.tried : v.base }))
const bases = ['old', 'new', 'A', 'B'].filter((b) => b === 'old' || b === 'new' || variants.some((v) => v.base === b))
const NAMES = {
  old: 'old ranking (b 0.7, linear coordination)',
  new: 'new ranking (b 1, sqrt coordination, no proximity)',
  A: 'base A (b 1, token lengths, sqrt, each leaf 1)',
  B: 'base B (new, a written form counts 1)',
}
const rows = [...bases.map((b) => ({ name: NAMES[b], base: b, o: {} })), ...variants].map((r) => ({ ...r, sets: {} }))
for (const setName of RETRIEVAL_SETS) {
  const t0 = performance.now()
  const P = prepare(loadDataset(dataDir, setName))
  const t1 = performance.now()
  for (const row of rows) row.sets[setName] = evaluate(P, { ...BASES[row.base], ...row.o })
  console.log(
    `${setName}: ${P.N} docs, ${P.queries.length} questions; analysis ${((t1 - t0) / 1000).toFixed(1)} s, ${rows.length} rankings ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  )
}

const f4 = (v) => v.toFixed(4)
const signed = (v) => (Math.abs(v) < 5e-5 ? ' ' : v > 0 ? '+' : '−') + Math.abs(v).toFixed(4)
console.log('\nthe model against the engine (MRR@10):')
for (const base of ['old', 'new']) {
  const row = rows.find((r) => r.name === NAMES[base])
  const line = RETRIEVAL_SETS.map((s) => {
    const got = row.sets[s].mrr10,
      want = EXPECTED[base][s]
    return `${s} ${f4(got)}${Math.abs(got - want) < 5e-5 ? '' : ` (expected ${f4(want)}: DIFFERS)`}`
  })
  console.log(`  ${row.name.padEnd(52)} ${line.join('   ')}`)
}
console.log('  the engine, old ranking: xquad-ar 0.9392 (30 questions with quoted phrases), arcd-train 0.8057')

const W = Math.max(...rows.map((r) => r.name.length)) + 2
const cell = (s) => s.padEnd(34)
console.log(`\n${''.padEnd(W)}base  ${RETRIEVAL_SETS.map(cell).join('  ')}`.trimEnd())
console.log(
  `${'variant'.padEnd(W)}      ${RETRIEVAL_SETS.map(() => cell('MRR@10 nDCG@10 R@100   ΔMRR')).join('  ')}`.trimEnd(),
)
for (const row of rows) {
  const base = rows.find((r) => r.name === NAMES[row.base])
  const cells = RETRIEVAL_SETS.map((s) => {
    const m = row.sets[s]
    return cell(
      `${f4(m.mrr10)} ${f4(m.ndcg10)}  ${f4(m.recall100)}  ${row === base ? '      ' : signed(m.mrr10 - base.sets[s].mrr10)}`,
    )
  })
  console.log(`${row.name.padEnd(W)}${row.base.padEnd(6)}${cells.join('  ')}`.trimEnd())
}
console.log(
  `\n${rows.length} rankings on ${RETRIEVAL_SETS.length} sets in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

const options = (o) => JSON.parse(JSON.stringify(o, (_, v) => (v instanceof Set ? [...v] : v === Infinity ? 'all' : v)))
const results = rows.map((r) => ({ name: r.name, base: r.base, tried: r.tried, options: options(r.o), ...r.sets }))
const bench = `ranking lab (a model of the ranking)${asTried ? ', variants on the bases they were first tried on' : ''}`
mkdirSync(dirname(outFile), { recursive: true })
writeFileSync(
  outFile,
  `${JSON.stringify({ benchmark: bench, date: new Date().toISOString(), node: process.version, data: relative(repoRoot, dataDir), bases: BASES, results }, null, 2)}\n`,
)
console.log(`wrote ${relative(process.cwd(), outFile)}`)

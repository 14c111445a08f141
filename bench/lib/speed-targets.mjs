// The "Done when" of issue 12 ("fahras owns its index"), measured by bench/speed.mjs: each target
// as a ratio of two rows of the same run (or of a row to Lucene's figures), the target, met or not.
//
// Which rows are compared with which:
//   - the packed index against MiniSearch 7 defaults (fields title and text, title stored):
//     build, load, memory after load and query latency for both packed rows (text stored, text
//     outside); the saved size with the text outside is fahras-packed-gettext (title stored)
//     against MiniSearch's JSON (title stored), and with title and text stored fahras-packed
//     against MiniSearch's JSON with title and text stored (row.savedWithTextStored);
//   - ArabicSearch (the fahras row, text stored; fahras-gettext beside it) against MiniSearch:
//     p50 with snippets on the whole query mix (arwiki-cwc) and on the title queries (short
//     queries, the news-like mix), build throughput;
//   - Lucene: the figures issue 12 quotes (ArabicAnalyzer on the JVM, whole arwiki-cwc).

/** Lucene's figures quoted by issue 12: ArabicAnalyzer, JVM, whole arwiki-cwc. */
export const LUCENE = Object.freeze({
  buildMBps: 11.6,
  p50Ms: 0.66,
  source: 'issue 12: Lucene ArabicAnalyzer on the JVM, whole arwiki-cwc',
})

const at = (o, path) => path.split('.').reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), o)
const ratio = (x, y) => (Number.isFinite(x) && Number.isFinite(y) && y !== 0 ? x / y : NaN)

// { what, system, versus (row name, or 'lucene'), get: path in the row, versusGet: path in the
//   other row (default get), bound, higher: true when the ratio must be at least bound }
const PACKED = ['fahras-packed-gettext', 'fahras-packed']
const SPECS = [
  ...PACKED.map((system) => ({
    what: 'packed: build MB/s (packDocuments)',
    system,
    versus: 'minisearch',
    get: 'buildMBps',
    bound: 1.5,
    higher: true,
    aim: 3,
  })),
  {
    what: 'packed: saved bytes, text outside (getText) vs MiniSearch JSON without text, raw',
    system: 'fahras-packed-gettext',
    versus: 'minisearch',
    get: 'savedBytes',
    bound: 0.4,
  },
  {
    what: 'packed: saved bytes, text outside (getText) vs MiniSearch JSON without text, gzipped',
    system: 'fahras-packed-gettext',
    versus: 'minisearch',
    get: 'savedGzipBytes',
    bound: 0.4,
  },
  {
    what: 'packed: saved bytes, title + text stored vs MiniSearch storing title + text, raw',
    system: 'fahras-packed',
    versus: 'minisearch',
    get: 'savedBytes',
    versusGet: 'savedWithTextStored.bytes',
    bound: 1.0,
  },
  {
    what: 'packed: saved bytes, title + text stored vs MiniSearch storing title + text, gzipped',
    system: 'fahras-packed',
    versus: 'minisearch',
    get: 'savedGzipBytes',
    versusGet: 'savedWithTextStored.gzipBytes',
    bound: 1.0,
  },
  ...PACKED.map((system) => ({
    what: 'packed: load (PackedIndex.load from bytes in memory) vs MiniSearch.loadJSON',
    system,
    versus: 'minisearch',
    get: 'loadMs',
    bound: 0.05,
  })),
  ...PACKED.map((system) => ({
    what: 'packed: memory held after load',
    system,
    versus: 'minisearch',
    get: 'heapLoadedMB',
    bound: 0.3,
  })),
  ...PACKED.map((system) => ({
    what: 'packed: query p50, snippets on (MiniSearch: none)',
    system,
    versus: 'minisearch',
    get: 'query.p50',
    bound: 1.0,
  })),
  ...PACKED.map((system) => ({
    what: 'packed: query p95, snippets on',
    system,
    versus: 'minisearch',
    get: 'query.p95',
    bound: 0.5,
  })),
  ...PACKED.map((system) => ({
    what: 'packed: query p50 on title queries, snippets on',
    system,
    versus: 'minisearch',
    get: 'query.byKind.title.p50',
    bound: 1.0,
  })),
  ...PACKED.map((system) => ({
    what: 'packed: build MB/s vs Lucene (the line to approach)',
    system,
    versus: 'lucene',
    get: 'buildMBps',
    lucene: 'buildMBps',
  })),
  ...PACKED.map((system) => ({
    what: 'packed: query p50 with snippets vs Lucene (the line to approach)',
    system,
    versus: 'lucene',
    get: 'query.p50',
    lucene: 'p50Ms',
  })),
  ...['fahras', 'fahras-gettext'].flatMap((system) => [
    {
      what: 'ArabicSearch: query p50, snippets on, whole query mix (arwiki-cwc)',
      system,
      versus: 'minisearch',
      get: 'query.p50',
      bound: 2.0,
    },
    {
      what: 'ArabicSearch: query p50, snippets on, title queries (news-like mix)',
      system,
      versus: 'minisearch',
      get: 'query.byKind.title.p50',
      bound: 2.0,
    },
    {
      what: 'ArabicSearch: query p50, snippets on, questions',
      system,
      versus: 'minisearch',
      get: 'query.byKind.question.p50',
      bound: 2.0,
    },
    { what: 'ArabicSearch: build MB/s', system, versus: 'minisearch', get: 'buildMBps', bound: 0.8, higher: true },
  ]),
]

/**
 * The targets of issue 12 for the rows of one run: [{ what, system, versus, measured,
 * versusValue, ratio, target, met }]. `met` is null when a row is missing or a figure is not
 * finite, and for the Lucene lines (no target, quoted as a ratio only).
 */
export function issue12Targets(rows) {
  const byName = new Map(rows.filter((r) => !r.error).map((r) => [r.name, r]))
  const out = []
  for (const s of SPECS) {
    const row = byName.get(s.system)
    if (!row) continue
    const measured = at(row, s.get)
    const versusValue = s.versus === 'lucene' ? LUCENE[s.lucene] : at(byName.get(s.versus), s.versusGet ?? s.get)
    if (s.versus !== 'lucene' && !byName.get(s.versus)) continue
    const v = ratio(measured, versusValue)
    const target =
      s.bound === undefined ? null : `${s.higher ? '≥' : '≤'} ${s.bound}×${s.aim ? ` (aim ${s.aim}×)` : ''}`
    const met = s.bound === undefined || !Number.isFinite(v) ? null : s.higher ? v >= s.bound : v <= s.bound
    out.push({
      what: s.what,
      system: s.system,
      versus: s.versus,
      figure: s.get,
      measured,
      versusValue,
      ratio: v,
      target,
      met,
    })
  }
  return out
}

const num = (v) =>
  Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)) : 'n/a'

/** The targets as a Markdown table. */
export function targetLines(targets) {
  if (!targets.length) return []
  const lines = [
    '| target (issue 12) | system | measured | versus | ratio | target | |',
    '|---|---|---|---|---|---|---|',
  ]
  for (const t of targets) {
    const verdict = t.met === null ? (t.target ? 'n/a' : '') : t.met ? 'met' : 'not met'
    lines.push(
      `| ${t.what} | ${t.system} | ${num(t.measured)} | ${t.versus} ${num(t.versusValue)} | ${Number.isFinite(t.ratio) ? `${t.ratio.toFixed(3)}×` : 'n/a'} | ${t.target ?? 'none (quoted)'} | ${verdict} |`,
    )
  }
  return lines
}

/** p50 / p95 per query kind (title runs, questions), with and without snippets, as a table. */
export function kindLines(rows) {
  const withKinds = rows.filter((r) => r.query?.byKind)
  if (!withKinds.length) return []
  const f = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a')
  const lines = [
    '| system | title p50 ms | title p95 ms | question p50 ms | question p95 ms | title p50 no snippets | question p50 no snippets |',
    '|---|---|---|---|---|---|---|',
  ]
  for (const r of withKinds) {
    const k = r.query.byKind
    const o = r.query.withoutSnippets?.byKind
    lines.push(
      `| ${r.label} | ${f(k.title?.p50)} | ${f(k.title?.p95)} | ${f(k.question?.p50)} | ${f(k.question?.p95)} | ${f(o?.title?.p50)} | ${f(o?.question?.p50)} |`,
    )
  }
  return lines
}

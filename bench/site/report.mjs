// Summaries, the markdown table and the target verdicts of `npm run bench:site`.

/** Nearest-rank percentile of sorted values (as bench/speed.mjs). */
export const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : null

export function summary(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  return {
    n: v.length,
    median: percentile(v, 0.5),
    p95: percentile(v, 0.95),
    min: v[0],
    max: v[v.length - 1],
    mean: v.reduce((s, x) => s + x, 0) / v.length,
  }
}

const kB = (b) => (b == null ? '—' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`)
const ms = (x) => (x == null ? '—' : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`)
const num = (x) => (x == null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(1))
const sec = (x) => (x == null ? '—' : `${x.toFixed(1)} s`)
const mem = (kb) => (kb == null ? '—' : `${(kb / 1024).toFixed(0)} MB`)
const metric = (x) => (x == null ? '—' : x.toFixed(3))
const count = (x) => (x == null ? '—' : x.toLocaleString('en-US'))

const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj) ?? null

const GIB_KB = 1024 * 1024

/**
 * The rows: [label, value getter (tool result -> number|null), formatter, target] where target is
 * null (no target), { versus: factor } (fahras ≤ factor × Pagefind) or { max } (fahras ≤ max).
 */
export function tableRows(siteName, sets, modes) {
  const rows = [
    ['First visit: bytes, median', 'firstVisit.bytes.median', kB, { versus: 0.5 }],
    ['First visit: bytes, p95', 'firstVisit.bytes.p95', kB, { versus: 0.5 }],
    ['First visit: requests, median', 'firstVisit.requests.median', num, null],
    ['First visit: requests, p95', 'firstVisit.requests.p95', num, null],
    ['Time to first result (cold), median', 'firstVisit.ms.median', ms, { versus: 1 }],
    ['Time to first result (cold), p95', 'firstVisit.ms.p95', ms, { versus: 1 }],
    ['Per query after the first: bytes, median', 'perQuery.bytes.median', kB, { versus: 1 }],
    ['Per query after the first: bytes, p95', 'perQuery.bytes.p95', kB, { versus: 1 }],
    ['Per query after the first: requests, median', 'perQuery.requests.median', num, { versus: 1 }],
    ['Per query after the first: requests, p95', 'perQuery.requests.p95', num, null],
    ['Per query after the first: time, median', 'perQuery.ms.median', ms, null],
    ['Per query after the first: time, p95', 'perQuery.ms.p95', ms, null],
    ['Per keystroke after the first: time, median', 'typing.keystrokeMs.median', ms, { versus: 1 }],
    ['Per keystroke after the first: time, p95', 'typing.keystrokeMs.p95', ms, { versus: 1 }],
    ['Keystrokes (after the first) whose search found nothing, %', 'typing.emptyKeystrokePct', num, null],
    ['Typing a query on a fresh visit: bytes, median', 'typing.bytes.median', kB, null],
    ['Typing a query on a fresh visit: bytes, p95', 'typing.bytes.p95', kB, null],
    ['First-visit queries with no result', 'firstVisit.noResult', num, null],
    [`Build wall time (${siteName})`, `build.wallS`, sec, { versus: 1 }],
    [`Build peak memory (${siteName})`, `build.peakKB`, mem, { max: GIB_KB }],
    ['Files written', 'build.files', count, null],
    ['Bytes written', 'build.bytes', kB, null],
    ['Runtime, gzip -9 (fahras.js; pagefind.js + its wasm)', 'runtime.searchGzipBytes', kB, null],
    ['UI, gzip -9 (fahras-ui.js; pagefind-ui.js + css)', 'runtime.uiGzipBytes', kB, null],
  ]
  for (const set of sets) {
    for (const mode of modes) {
      for (const [m, label] of [
        ['mrr10', 'MRR@10'],
        ['ndcg10', 'nDCG@10'],
        ['recall100', 'R@100'],
      ]) {
        rows.push([`${label} ${set}, ${mode}`, `quality.${set}.${mode}.${m}`, metric, null])
      }
    }
  }
  return rows
}

/** The markdown table: rows = measures, columns = fahras, Pagefind, ratio, target verdict. */
export function markdownTable(results, siteName, sets, modes) {
  const f = results.tools.fahras
  const p = results.tools.pagefind
  const fOk = f?.available
  const lines = ['| measure | fahras | Pagefind | fahras / Pagefind | target |', '|---|---|---|---|---|']
  for (const [label, path, fmt, target] of tableRows(siteName, sets, modes)) {
    const fv = fOk ? get(f, path) : null
    const pv = p?.available ? get(p, path) : null
    if (fv == null && pv == null && path.startsWith('quality.')) continue
    const ratio = fv != null && pv != null && pv !== 0 ? `${(fv / pv).toFixed(2)}×` : '—'
    let verdict = '—'
    if (target) {
      const want =
        target.versus != null
          ? target.versus === 1
            ? '≤ Pagefind'
            : `≤ ${target.versus}× Pagefind`
          : `≤ ${mem(target.max).replace(' MB', '')} MB (1 GiB)`
      if (!fOk) verdict = `${want}: pending`
      else if (fv == null || (target.versus != null && pv == null)) verdict = `${want}: no figure`
      else {
        const met = target.versus != null ? fv <= target.versus * pv : fv <= target.max
        verdict = `${want}: ${met ? 'met' : '**missed**'}`
      }
    }
    lines.push(`| ${label} | ${fOk ? fmt(fv) : 'n/a'} | ${p?.available ? fmt(pv) : 'n/a'} | ${ratio} | ${verdict} |`)
  }
  return lines.join('\n')
}

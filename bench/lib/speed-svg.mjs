// Hand-written SVG chart of the speed benchmark: one panel per figure, one bar per system, each
// bar labelled with its value. Each panel has its own scale. No dependencies.
// Redraw a chart from a results file: node bench/lib/speed-svg.mjs bench/results/speed.json docs/benchmarks-speed.svg
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const COLORS = ['#1b7f5b', '#7fc8a9', '#0f5e8c', '#6fb3d9', '#3b6fb6', '#c9852b', '#b54a4a', '#7a5aa8', '#888888']
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function fmt(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a'
  if (v >= 100) return v.toFixed(0)
  if (v >= 10) return v.toFixed(1)
  if (v >= 1) return v.toFixed(2)
  return v.toFixed(3)
}

/**
 * panels: [{ title, unit, better: 'higher'|'lower', bars: [{ label, value, color? }] }]
 * systems: [{ label }] for the legend (colours in order).
 */
export function renderSvg({ title, subtitle, panels, systems }) {
  const cols = 3
  const pw = 330
  const ph = 215
  const gap = 20
  const top = 104
  const rows = Math.ceil(panels.length / cols)
  const width = cols * pw + (cols + 1) * gap
  const height = top + rows * (ph + gap) + 10
  const out = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">`,
  )
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`)
  out.push(`<text x="${gap}" y="24" font-size="16" font-weight="600">${esc(title)}</text>`)
  out.push(`<text x="${gap}" y="42" fill="#555">${esc(subtitle)}</text>`)
  // legend, wrapped onto a second line when needed
  let lx = gap
  let ly = 56
  systems.forEach((s, i) => {
    const w = 28 + s.label.length * 6.1
    if (lx + w > width - gap) {
      lx = gap
      ly += 17
    }
    out.push(`<rect x="${lx}" y="${ly}" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`)
    out.push(`<text x="${lx + 16}" y="${ly + 10}">${esc(s.label)}</text>`)
    lx += w
  })
  panels.forEach((p, k) => {
    const x0 = gap + (k % cols) * (pw + gap)
    const y0 = top + Math.floor(k / cols) * (ph + gap)
    out.push(`<g transform="translate(${x0},${y0})">`)
    out.push(`<rect width="${pw}" height="${ph}" fill="#fafafa" stroke="#ddd"/>`)
    out.push(`<text x="10" y="18" font-weight="600">${esc(p.title)}</text>`)
    out.push(`<text x="${pw - 10}" y="18" text-anchor="end" fill="#777">${esc(p.unit)}, ${p.better} is better</text>`)
    const plotTop = 40
    const plotBottom = ph - 40
    const plotH = plotBottom - plotTop
    const values = p.bars.map((b) => (Number.isFinite(b.value) ? b.value : 0))
    const max = Math.max(...values, 1e-9)
    const n = p.bars.length
    const slot = (pw - 20) / n
    const bw = Math.min(34, slot * 0.7)
    out.push(`<line x1="10" y1="${plotBottom}" x2="${pw - 10}" y2="${plotBottom}" stroke="#999"/>`)
    p.bars.forEach((b, i) => {
      const cx = 10 + slot * i + slot / 2
      const color = b.color ?? COLORS[i % COLORS.length]
      if (Number.isFinite(b.value)) {
        const h = Math.max(1, (b.value / max) * plotH)
        out.push(
          `<rect x="${(cx - bw / 2).toFixed(1)}" y="${(plotBottom - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"><title>${esc(b.label)}: ${fmt(b.value)} ${esc(p.unit)}</title></rect>`,
        )
        out.push(
          `<text x="${cx.toFixed(1)}" y="${(plotBottom - h - 4).toFixed(1)}" text-anchor="middle" font-size="10">${fmt(b.value)}</text>`,
        )
      } else {
        out.push(
          `<text x="${cx.toFixed(1)}" y="${plotBottom - 4}" text-anchor="middle" font-size="10" fill="#999">n/a</text>`,
        )
      }
      const short = b.short ?? b.label
      out.push(
        `<text x="${cx.toFixed(1)}" y="${plotBottom + 13}" text-anchor="middle" font-size="9" fill="#444">${esc(short)}</text>`,
      )
      if (b.short2)
        out.push(
          `<text x="${cx.toFixed(1)}" y="${plotBottom + 24}" text-anchor="middle" font-size="9" fill="#444">${esc(b.short2)}</text>`,
        )
    })
    out.push('</g>')
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

const SHORT = {
  fahras: ['fahras', 'text stored'],
  'fahras-gettext': ['fahras', 'getText'],
  'fahras-packed': ['packed', 'text stored'],
  'fahras-packed-gettext': ['packed', 'getText'],
  'fahras-stems': ['fahras', 'stems only'],
  minisearch: ['MiniSearch'],
  lunr: ['Lunr'],
  orama: ['Orama'],
  flexsearch: ['FlexSearch'],
}

/** The chart of a results object as bench/speed.mjs writes it. */
export function chartFromResult(result) {
  const rows = result.systems
  const bundles = result.bundles ?? {}
  const bar = (r, value) => ({ label: r.label, short: SHORT[r.name]?.[0] ?? r.name, short2: SHORT[r.name]?.[1], value })
  const panel = (title, unit, better, get) => ({ title, unit, better, bars: rows.map((r) => bar(r, get(r))) })
  const bundleBars = [
    ['fahras', 'fahras', 'all in'],
    ['fahras-external', 'fahras', 'ms external'],
    ['fahras-packed', 'fahras/', 'packed'],
    ['minisearch', 'MiniSearch'],
    ['lunr', 'Lunr', '+ lunr.ar'],
    ['orama', 'Orama', '+ Arabic'],
    ['flexsearch', 'FlexSearch'],
  ].map(([n, short, short2]) => ({ label: bundles[n]?.label ?? n, short, short2, value: bundles[n]?.gzipBytes / 1e3 }))
  const m = result.machine
  return renderSvg({
    title: 'fahras against the JavaScript peers: speed, memory and size',
    subtitle: `${result.corpus.file.replace(/^(\.\.\/)+/, '')}: ${result.corpus.documents} documents, ${result.corpus.megabytes.toFixed(1)} MB; ${result.queries.count} queries, top ${result.queries.k}; node ${result.node}, ${m.cpu} × ${m.cores}; ${result.date.slice(0, 10)}; ${result.command}`,
    systems: rows.map((r) => ({ label: r.label })),
    panels: [
      panel('Build throughput', 'MB/s', 'higher', (r) => r.buildMBps),
      panel('Query latency p50', 'ms', 'lower', (r) => r.query?.p50),
      panel('Query latency p95', 'ms', 'lower', (r) => r.query?.p95),
      panel('Query latency p99', 'ms', 'lower', (r) => r.query?.p99),
      panel('p50, snippets off', 'ms', 'lower', (r) => r.query?.withoutSnippets?.p50 ?? r.query?.p50),
      panel('Memory after building', 'MB', 'lower', (r) => r.heapMB),
      panel('Load the saved index', 'ms', 'lower', (r) => r.loadMs),
      panel('Saved index, raw', 'MB', 'lower', (r) => r.savedBytes / 1e6),
      panel('Saved index, gzipped', 'MB', 'lower', (r) => r.savedGzipBytes / 1e6),
      panel('Memory held after load', 'MB', 'lower', (r) => r.heapLoadedMB),
      panel('Query p50, title queries', 'ms', 'lower', (r) => r.query?.byKind?.title?.p50),
      { title: 'Browser bundle, gzipped', unit: 'KB', better: 'lower', bars: bundleBars },
    ],
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2)
  if (!input || !output) {
    console.error('usage: node bench/lib/speed-svg.mjs RESULTS.json OUT.svg')
    process.exit(2)
  }
  writeFileSync(output, chartFromResult(JSON.parse(readFileSync(input, 'utf8'))))
}

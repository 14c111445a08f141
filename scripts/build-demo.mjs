// Builds the browser demo (docs/demo): the search index of the bundled corpus as one JSON file,
// and the page script and its Web Worker bundled with esbuild (fahras and minisearch inside).
// Prints the sizes: the index raw and gzipped, fahras alone and with minisearch (min+gzip).
//
//   npm run build:demo                                   # builds dist/ first, then this script
//   node scripts/build-demo.mjs                          # dist/ must be built
//   node scripts/build-demo.mjs --index-only --input ../shared/data/arwiki-cwc/docs.jsonl.gz \
//     --limit 3000 --output docs/demo/dist/large.json    # another index only (for measurements)
//
// Outputs go to docs/demo/dist/ (ignored by git); serve docs/demo with any static file server.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const demo = join(root, 'docs', 'demo')
const out = join(demo, 'dist')

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const value = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback
}
const input = resolve(root, value('--input', 'corpus/articles.jsonl'))
const output = resolve(root, value('--output', join(out, 'index.json')))
const limit = Number(value('--limit', 'Infinity'))
const quiet = flag('--quiet')
const log = (...line) => {
  if (!quiet) console.log(...line)
}

const distEntry = join(root, 'dist', 'index.js')
if (!existsSync(distEntry)) {
  console.error('build-demo: dist/index.js is missing; run `npm run build` first (or `npm run build:demo`).')
  process.exit(1)
}
const { ArabicSearch } = await import(pathToFileURL(distEntry).href)

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
const gzip = (data) => gzipSync(data, { level: 9 })

// 1. The index: fields title,text; stored title,text,url,source (snippets need the text stored).
function readDocuments(file) {
  let raw = readFileSync(file)
  if (file.endsWith('.gz')) raw = gunzipSync(raw)
  const docs = []
  for (const line of raw.toString('utf8').split('\n')) {
    if (docs.length >= limit) break
    if (!line.trim()) continue
    const { id, title, text, url, source } = JSON.parse(line)
    docs.push({ id, title, text, url, source })
  }
  return docs
}

const started = performance.now()
const docs = readDocuments(input)
const index = new ArabicSearch({ fields: ['title', 'text'], storeFields: ['title', 'text', 'url', 'source'] })
index.addAll(docs)
const json = JSON.stringify(index)
mkdirSync(dirname(output), { recursive: true })
writeFileSync(output, json)
const rawBytes = Buffer.byteLength(json)
log(
  `index: ${index.documentCount} documents from ${relative(root, input)} → ${relative(root, output)}: ` +
    `${kB(rawBytes)} raw, ${kB(gzip(json).length)} gzip (built in ${Math.round(performance.now() - started)} ms)`,
)

if (flag('--index-only')) process.exit(0)

// 2. The page script and the worker, bundled for browsers.
const esbuild = await import('esbuild')
const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
}
rmSync(join(out, 'chunks'), { recursive: true, force: true })
// The page script: small; fahras goes in a chunk loaded only by the main-thread mode (?mode=main).
const app = await esbuild.build({
  ...common,
  entryPoints: { app: 'docs/demo/app.js' },
  outdir: out,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
})
// The worker: fahras and minisearch inside; a classic script (IIFE) for the widest support.
const worker = await esbuild.build({
  ...common,
  format: 'iife',
  entryPoints: [join('docs', 'demo', 'worker.js')],
  outfile: join(out, 'worker.js'),
  metafile: true,
})
for (const file of [...Object.keys(app.metafile.outputs), ...Object.keys(worker.metafile.outputs)]) {
  const bytes = readFileSync(join(root, file))
  log(`bundle: ${relative(root, join(root, file))}: ${kB(bytes.length)} min, ${kB(gzip(bytes).length)} min+gzip`)
}

// 3. The library's own weight in a page: `import { ArabicSearch }`, tree-shaken and minified.
async function librarySize(external) {
  const result = await esbuild.build({
    ...common,
    stdin: { contents: "export { ArabicSearch } from './dist/index.js'", resolveDir: root, sourcefile: 'entry.js' },
    external,
    write: false,
  })
  const code = result.outputFiles[0].contents
  return { min: code.length, gzip: gzip(code).length }
}
const alone = await librarySize(['minisearch'])
const withMiniSearch = await librarySize([])
log(`size: fahras alone (minisearch external): ${kB(alone.min)} min, ${kB(alone.gzip)} min+gzip`)
log(`size: fahras + minisearch: ${kB(withMiniSearch.min)} min, ${kB(withMiniSearch.gzip)} min+gzip`)

// Reads a JSONL corpus of {id, title, text} documents, gzipped or not. Shared by the benchmarks.
import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'

export const DEFAULT_CORPUS = new URL('../../../shared/data/arwiki-cwc/docs.jsonl.gz', import.meta.url).pathname
/** SHA-256 of arwiki-cwc's docs.jsonl.gz and of docs.jsonl (../shared/data/arwiki-cwc/README.txt). */
export const ARWIKI_SHA256 = Object.freeze([
  '2a4acef38ddff0c4359cc409163a620b7e596509ef92e738cf4bbe79db63e189',
  '533a67082cea75a917e08d570b025c82b861281c24ce3919b1baab961501be65',
])

/**
 * Ends the process with one line saying what data a benchmark needs, when `path` is missing
 * (a clone has no ../shared beside it): no stack trace.
 */
export function requireData(path, what) {
  if (existsSync(path)) return
  console.error(
    `bench: needs ${what} at ${path}, which is missing (see docs/benchmarks.md, "Data"); give another path with --corpus/--data`,
  )
  process.exit(2)
}

/** Reads up to `limit` documents from a .jsonl or .jsonl.gz file. */
export async function readCorpus(file = DEFAULT_CORPUS, limit = Infinity) {
  requireData(
    file,
    file === DEFAULT_CORPUS ? 'the arwiki-cwc corpus (../shared/data/arwiki-cwc/docs.jsonl.gz)' : 'a JSONL corpus',
  )
  const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file)
  const docs = []
  const lines = createInterface({ input, crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line.trim()) continue
    docs.push(JSON.parse(line))
    if (docs.length >= limit) {
      lines.close()
      break
    }
  }
  return docs
}

/**
 * Reads up to `limit` documents from several JSONL files, in turn; a document whose id an earlier
 * one has is skipped (the bundled corpus holds 40 ARCD paragraphs of bench/data/arcd-train).
 * Returns the documents and the number skipped.
 */
export async function readCorpora(files, limit = Infinity) {
  const docs = []
  const seen = new Set()
  let duplicates = 0
  for (const file of files) {
    if (docs.length >= limit) break
    for (const doc of await readCorpus(file)) {
      if (docs.length >= limit) break
      if (seen.has(doc.id)) {
        duplicates++
        continue
      }
      seen.add(doc.id)
      docs.push(doc)
    }
  }
  return { docs, duplicates }
}

/** Parses `--name value` and `--name=value` flags. */
export function parseFlags(argv) {
  const flags = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) continue
    const eq = arg.indexOf('=')
    if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1)
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[arg.slice(2)] = argv[++i]
    else flags[arg.slice(2)] = true
  }
  return flags
}

// Loader for the retrieval sets (bench/data/<set>/, copied from ../shared/data; see
// bench/data/README.md): docs.jsonl {"id","title","text"}, queries.jsonl {"id","text"},
// qrels.tsv query_id<TAB>doc_id<TAB>relevance (no header).
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder of the retrieval sets in the repository: bench/data. */
export const DEFAULT_DATA = fileURLToPath(new URL('../data', import.meta.url))

/** The two open retrieval sets in bench/data. */
export const RETRIEVAL_SETS = ['xquad-ar', 'arcd-train']

function readJsonl(file) {
  const out = []
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    try {
      out.push(JSON.parse(line))
    } catch (err) {
      throw new Error(`${file}:${i + 1}: bad JSON (${err.message})`)
    }
  }
  return out
}

/** @returns {Map<string, Map<string, number>>} query id -> (doc id -> relevance) */
export function readQrels(file) {
  const qrels = new Map()
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '')
    if (!line.trim()) continue
    const parts = line.split('\t')
    if (parts.length < 3) throw new Error(`${file}:${i + 1}: expected 3 tab-separated fields`)
    const [qid, did, relStr] = parts
    const rel = Number(relStr)
    if (!Number.isFinite(rel)) throw new Error(`${file}:${i + 1}: bad relevance "${relStr}"`)
    let m = qrels.get(qid)
    if (!m) qrels.set(qid, (m = new Map()))
    m.set(did, Math.max(rel, m.get(did) ?? -Infinity))
  }
  return qrels
}

/**
 * Load one set.
 * @param {string} dataDir  e.g. bench/data (DEFAULT_DATA)
 * @param {string} name     e.g. xquad-ar
 */
export function loadDataset(dataDir, name) {
  const dir = join(dataDir, name)
  for (const f of ['docs.jsonl', 'queries.jsonl', 'qrels.tsv']) {
    if (!existsSync(join(dir, f))) {
      // One line, no stack trace.
      console.error(
        `bench: needs the retrieval set "${name}" (docs.jsonl, queries.jsonl, qrels.tsv) in ${dir}; missing ${f} (the repository has it in bench/data; see docs/benchmarks.md, "Data"; --data DIR gives another folder)`,
      )
      process.exit(2)
    }
  }
  const docs = readJsonl(join(dir, 'docs.jsonl')).map((d) => ({
    id: String(d.id),
    title: d.title ?? '',
    text: d.text ?? '',
  }))
  const queries = readJsonl(join(dir, 'queries.jsonl')).map((q) => ({ id: String(q.id), text: q.text ?? '' }))
  const qrels = readQrels(join(dir, 'qrels.tsv'))

  const docIds = new Set(docs.map((d) => d.id))
  if (docIds.size !== docs.length) throw new Error(`set "${name}": duplicate doc ids`)
  const queryIds = new Set(queries.map((q) => q.id))
  let unknownDocs = 0
  let unknownQueries = 0
  for (const [qid, m] of qrels) {
    if (!queryIds.has(qid)) unknownQueries++
    for (const did of m.keys()) if (!docIds.has(did)) unknownDocs++
  }
  return { name, dir, docs, queries, qrels, warnings: { unknownDocs, unknownQueries } }
}

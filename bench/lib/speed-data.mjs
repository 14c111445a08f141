// Which documents bench/speed.mjs runs on, and the line that says so:
//   --corpus URL --sha256 HEX   fetched into bench/.cache (lib/download.mjs), checksum verified;
//   --corpus PATH               that JSONL or JSONL.gz file (checked against --sha256 if given);
//   neither                     arwiki-cwc from ../shared/data when it is there, the corpus of the
//                               figures in docs/benchmarks.md; else the repository's own data:
//                               the bundled corpus and the paragraphs of the retrieval sets.
import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ARWIKI_SHA256, DEFAULT_CORPUS } from './corpus.mjs'
import { fetchCorpus, isUrl, sha256File } from './download.mjs'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The repository's own documents, in this order (ids already seen are skipped). */
export const REPO_CORPORA = Object.freeze(
  ['corpus/articles.jsonl', 'bench/data/xquad-ar/docs.jsonl', 'bench/data/arcd-train/docs.jsonl'].map((f) =>
    resolve(ROOT, f),
  ),
)

const shown = (file) => {
  const r = relative(process.cwd(), file)
  return r && !r.startsWith('..') ? r : file
}

function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(2)
}

/**
 * Resolves the corpus of a speed run from its flags. Returns `{ kind, files, line }`: kind
 * 'arwiki' (the corpus docs/benchmarks.md quotes), 'repo' (the repository's own data) or
 * 'custom'; `line` is the first line the run prints. Ends the process with one line (exit 2) on a
 * bad flag, a failed download or a checksum that does not match.
 */
export async function speedCorpus(flags, log = (line) => console.error(line)) {
  const given = flags.corpus
  const sha256 = flags.sha256 === undefined ? undefined : String(flags.sha256).toLowerCase()
  if (given === true || flags.sha256 === true) fail('--corpus needs a PATH or URL, --sha256 a checksum (64 hex digits)')
  if (given === undefined) {
    if (sha256 !== undefined) fail('--sha256 checks the file of --corpus PATH|URL; no --corpus given')
    if (existsSync(DEFAULT_CORPUS)) {
      return {
        kind: 'arwiki',
        files: [DEFAULT_CORPUS],
        line: `data: arwiki-cwc (${relative(ROOT, DEFAULT_CORPUS)}), the corpus of the figures in docs/benchmarks.md`,
      }
    }
    return {
      kind: 'repo',
      files: [...REPO_CORPORA],
      line:
        `data: the repository's own (no ${relative(ROOT, DEFAULT_CORPUS)} beside it): the bundled corpus and the retrieval sets' paragraphs ` +
        `(${REPO_CORPORA.map((f) => relative(ROOT, f)).join(', ')}); the figures of docs/benchmarks.md are on arwiki-cwc (10,726 articles), ` +
        'which --corpus PATH or --corpus URL --sha256 HEX gives',
    }
  }
  const arwiki = sha256 !== undefined && ARWIKI_SHA256.includes(sha256)
  if (isUrl(given)) {
    if (sha256 === undefined)
      fail(`--corpus ${given}: a URL needs --sha256 HEX, the SHA-256 of the file, to check what arrives`)
    log(
      `data: ${arwiki ? 'arwiki-cwc' : 'a corpus'} from ${given} (--corpus URL), kept in bench/.cache once its SHA-256 is ${sha256}`,
    )
    let fetched
    try {
      fetched = await fetchCorpus(given, sha256, { log })
    } catch (error) {
      fail(error?.message ?? String(error))
    }
    const line = `data: ${arwiki ? 'arwiki-cwc' : 'a corpus'} from ${given}, ${fetched.cached ? 'cached' : 'fetched'} in ${shown(fetched.path)} (${(fetched.bytes / 1e6).toFixed(1)} MB, SHA-256 checked)`
    return { kind: arwiki ? 'arwiki' : 'custom', files: [fetched.path], line, logged: true }
  }
  const file = resolve(String(given))
  if (sha256 !== undefined && existsSync(file)) {
    const actual = await sha256File(file)
    if (actual !== sha256) fail(`--corpus ${given}: SHA-256 ${actual}, expected ${sha256}`)
  }
  const isArwiki = arwiki || file === resolve(DEFAULT_CORPUS)
  return {
    kind: isArwiki ? 'arwiki' : 'custom',
    files: [file],
    line: `data: ${isArwiki ? 'arwiki-cwc' : 'a corpus'} from ${shown(file)} (--corpus PATH)`,
  }
}

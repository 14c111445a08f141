// Runs an Elasticsearch/OpenSearch analyzer definition in real Lucene (Debian's Lucene 8 jars,
// `apt-get install liblucene8-java default-jdk-headless`) through tests/parity/FahrasParity.java.
// Node's standard library only.
import { execFile, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const JAVA_DIR = '/usr/share/java'
const JAR_PATTERNS = [/^lucene-core-8.*\.jar$/, /^lucene-analyzers-common-8.*\.jar$/]
const root = fileURLToPath(new URL('../..', import.meta.url))
const SOURCE = join(root, 'tests', 'parity', 'FahrasParity.java')
const CLASSES_ROOT = join(root, '.tmp', 'parity-classes')

/** What to install when Lucene is missing. */
export const LUCENE_MISSING =
  'Lucene 8 and a JDK are needed: `apt-get install liblucene8-java default-jdk-headless` (Debian), as .ci/run does'

/** The two Lucene jars, or null when one is missing. */
export function luceneJars() {
  let names
  try {
    names = readdirSync(JAVA_DIR)
  } catch {
    return null
  }
  const jars = JAR_PATTERNS.map((pattern) => names.filter((n) => pattern.test(n)).sort().at(-1))
  return jars.every(Boolean) ? jars.map((n) => join(JAVA_DIR, n)) : null
}

/** The jars of luceneJars() and Lucene's queryparser beside them (the benchmarks parse queries), or null. */
export function luceneJarsWithQueryParser() {
  const two = luceneJars()
  if (!two) return null
  const parser = readdirSync(JAVA_DIR).filter((n) => /^lucene-queryparser-8.*\.jar$/.test(n)).sort().at(-1)
  return parser ? [...two, join(JAVA_DIR, parser)] : null
}

const runs = (command) => {
  const r = spawnSync(command, ['-version'], { encoding: 'utf8' })
  return r.error === undefined && r.status === 0
}

let available
/** Are java, javac and the Lucene 8 jars present? */
export function luceneAvailable() {
  available ??= luceneJars() !== null && runs('java') && runs('javac')
  return available
}

/**
 * Compiles Java sources with the Lucene jars on the classpath into `<classesRoot>/<hash of the
 * sources and the jars>/`, reused by later runs while the sources are unchanged (older builds are
 * removed). Returns the classpath to run them with. `marker` is a class file the build must hold;
 * `jars` default to the two Lucene jars of {@link luceneJars}.
 */
export async function compileJava(sources, classesRoot, marker, jars = luceneJars()) {
  if (!jars || !luceneAvailable()) throw new Error(`compileJava: ${LUCENE_MISSING}`)
  const hash = createHash('sha256')
  for (const source of sources) hash.update(readFileSync(source))
  const key = hash.update(jars.join(':')).digest('hex').slice(0, 16)
  const dir = join(classesRoot, key)
  if (!existsSync(join(dir, marker))) {
    mkdirSync(classesRoot, { recursive: true })
    const building = mkdtempSync(join(classesRoot, `${key}-building-`))
    try {
      await run('javac', ['-encoding', 'UTF-8', '-nowarn', '-d', building, '-cp', jars.join(':'), ...sources])
      try {
        renameSync(building, dir)
      } catch (error) {
        // another process got there first: its classes are the same
        if (!existsSync(join(dir, marker))) throw error
      }
      // classes of older versions of the sources
      for (const old of readdirSync(classesRoot)) {
        if (/^[0-9a-f]{16}$/.test(old) && old !== key) rmSync(join(classesRoot, old), { recursive: true, force: true })
      }
    } finally {
      rmSync(building, { recursive: true, force: true })
    }
  }
  return [...jars, dir].join(':')
}

let compiled
/** Compiles FahrasParity.java once per process, into .tmp/parity-classes/. */
function compile() {
  compiled ??= compileJava([SOURCE], CLASSES_ROOT, 'FahrasParity.class')
  return compiled
}

/**
 * Runs a command (javac, java) and resolves with its output; rejects with its status and error
 * output. The message names the command and its last arguments (the class and its files).
 */
export function runCommand(command, args) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const status = error.code ?? error.signal
        reject(new Error(`\`${command} ${args.slice(-6).join(' ')}\` failed (${status}):\n${stderr.trim() || stdout.trim() || error.message}`))
      } else resolve({ stdout, stderr })
    })
  })
}
const run = runCommand

/**
 * Analyzes each text with the named analyzer of an index definition, in one Java run.
 * Returns one list per text of [term, startOffset, endOffset, position] (UTF-16 offsets into the
 * text; positions count position increments from 0). Throws with Java's message on any error.
 *
 * @param {object} definition  index definition: `{ settings: { analysis } }` (or settings.index.analysis, or `{ analysis }`)
 * @param {string} analyzerName
 * @param {readonly string[]} texts
 * @returns {Promise<Array<Array<[string, number, number, number]>>>}
 */
export async function runLucene(definition, analyzerName, texts) {
  const classpath = await compile()
  const dir = mkdtempSync(join(tmpdir(), 'fahras-lucene-'))
  try {
    const definitionFile = join(dir, 'definition.json')
    const input = join(dir, 'input.jsonl')
    const output = join(dir, 'output.jsonl')
    writeFileSync(definitionFile, JSON.stringify(definition), 'utf8')
    // JSON.stringify escapes line breaks and lone surrogates: one valid UTF-8 line per text
    writeFileSync(input, texts.map((t) => JSON.stringify(t) + '\n').join(''), 'utf8')
    // -Xss1m: the thread stack Elasticsearch and OpenSearch run with, so that a pattern that
    // recurses too deep on a long word fails here as it would there
    const { stderr } = await run('java', ['-Xss1m', '-cp', classpath, 'FahrasParity', definitionFile, analyzerName, input, output])
    const lines = readFileSync(output, 'utf8').split('\n')
    if (lines.at(-1) === '') lines.pop()
    if (lines.length !== texts.length) {
      throw new Error(`runLucene: ${texts.length} texts in, ${lines.length} results out\n${stderr.trim()}`)
    }
    lastSummary = stderr.trim()
    return lines.map((line) => JSON.parse(line))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

let lastSummary = ''
/** The last run's one-line summary from Java: texts, tokens, milliseconds. */
export function lastLuceneSummary() {
  return lastSummary
}

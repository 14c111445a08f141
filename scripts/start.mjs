// The main job: search the bundled corpus/ and print ranked, highlighted results.
// `npm start` shows a short tour; `npm start -- "query"` searches for your query.
// Builds the package first when dist/ is missing.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
  process.stderr.write('building fahras (first run)…\n')
  execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
}
const query = process.argv.slice(2)
const args =
  query.length === 0
    ? ['tour']
    : ['search', 'corpus/articles.jsonl', ...(query.length === 1 ? query : [query.join(' ')])]
const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, stdio: 'inherit' })
process.exitCode = result.status ?? 1

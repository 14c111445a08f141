import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkSync } from 'recheck'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every regular expression in src/ is checked for catastrophic backtracking (ReDoS) with recheck,
// and none may be built at run time (no `new RegExp` / `RegExp(` from input).
const src = fileURLToPath(new URL('../src', import.meta.url))
const files: string[] = []
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (path.endsWith('.ts')) files.push(path)
  }
}
walk(src)

const literals: Array<{ file: string; pattern: string; flags: string }> = []
const constructed: string[] = []
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(source)
      const slash = text.lastIndexOf('/')
      literals.push({ file: file.slice(src.length + 1), pattern: text.slice(1, slash), flags: text.slice(slash + 1) })
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp') {
      constructed.push(`${file.slice(src.length + 1)}: ${node.getText(source)}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
}

describe('regular expressions in src/', () => {
  it('were found (the scan works)', () => expect(literals.length).toBeGreaterThan(10))
  it('none is built at run time', () => expect(constructed).toEqual([]))
  for (const { file, pattern, flags } of literals) {
    it(`${file}: /${pattern}/${flags} is safe from catastrophic backtracking`, () => {
      const result = checkSync(pattern, flags)
      expect(result.status, JSON.stringify(result.status === 'vulnerable' ? result.complexity : result)).toBe('safe')
    })
  }
})

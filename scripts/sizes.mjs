#!/usr/bin/env node
// The house-style size limits (../shared/STYLE.md): files in src/ over 400 lines and functions
// over 80 lines, each listed with its length. A report, not a check: `npm run sizes`.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
const MAX_FILE_LINES = 400
const MAX_FUNCTION_LINES = 80

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* sources(path)
    else if (entry.name.endsWith('.ts')) yield path
  }
}

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ts.isGetAccessor(node) ||
  ts.isConstructorDeclaration(node)

const files = []
const functions = []
for (const path of sources(join(root, 'src'))) {
  const text = readFileSync(path, 'utf8')
  const name = relative(root, path)
  const lines = text.split('\n').length
  if (lines > MAX_FILE_LINES) files.push(`${name}: ${lines} lines`)
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
  const visit = (node) => {
    if (isFunction(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line
      if (last - first + 1 > MAX_FUNCTION_LINES) {
        functions.push(`${name}:${first + 1} ${node.name?.getText() ?? '(anonymous)'}: ${last - first + 1} lines`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
}
console.log(`files over ${MAX_FILE_LINES} lines: ${files.length}`)
for (const line of files) console.log(`  ${line}`)
console.log(`functions over ${MAX_FUNCTION_LINES} lines: ${functions.length}`)
for (const line of functions) console.log(`  ${line}`)

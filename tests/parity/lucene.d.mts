// Types for tests/parity/lucene.mjs (so the TypeScript tests type-check).
/** One Lucene token: term, start and end offsets (UTF-16, into the text), position (from 0). */
export type LuceneToken = [term: string, start: number, end: number, position: number]
export const LUCENE_MISSING: string
export function luceneJars(): string[] | null
export function luceneJarsWithQueryParser(): string[] | null
export function luceneAvailable(): boolean
export function runCommand(command: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }>
export function compileJava(sources: readonly string[], classesRoot: string, marker: string, jars?: readonly string[]): Promise<string>
export function runLucene(definition: object, analyzerName: string, texts: readonly string[]): Promise<LuceneToken[][]>
export function lastLuceneSummary(): string

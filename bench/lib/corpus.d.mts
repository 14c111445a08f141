// Types for bench/lib/corpus.mjs (so the TypeScript scripts type-check).
export const DEFAULT_CORPUS: string
export const ARWIKI_SHA256: readonly string[]
export function requireData(path: string, what: string): void
export function readCorpus(file?: string, limit?: number): Promise<Array<{ id: string; title?: string; text?: string }>>
export function readCorpora(files: readonly string[], limit?: number): Promise<{ docs: Array<{ id: string; title?: string; text?: string }>; duplicates: number }>
export function parseFlags(argv: readonly string[]): Record<string, string | true>

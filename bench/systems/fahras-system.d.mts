// Types for bench/systems/fahras-system.mjs (so the TypeScript tests type-check).
export interface BenchDoc {
  id: string
  title: string
  text: string
}
export interface BenchSystem {
  name: string
  build(docs: readonly BenchDoc[]): void
  search(query: string, k: number): string[]
}
export const FAHRAS_INDEX_OPTIONS: Readonly<{ fields: readonly string[] }>
export const FAHRAS_SEARCH_OPTIONS: Readonly<{ snippets: false }>
export function fahrasSystem(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ArabicSearch: new (options: any) => { addAll(docs: readonly object[]): void; search(query: string, options?: object): Array<{ id: unknown }> },
  options?: { name?: string; index?: object; search?: object },
): BenchSystem

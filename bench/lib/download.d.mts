// Types for bench/lib/download.mjs (so the TypeScript tests type-check).
export const CACHE_DIR: string
export function isUrl(value: unknown): boolean
export function sha256File(file: string): Promise<string>
export function cachePath(url: string, sha256: string, cacheDir?: string): string
export function fetchCorpus(
  url: string,
  sha256: string,
  options?: { cacheDir?: string; log?: (line: string) => void },
): Promise<{ path: string; cached: boolean; bytes: number }>

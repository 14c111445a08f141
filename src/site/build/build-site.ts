/**
 * `buildSite()`: the site index of a built static site (or of its Markdown sources), written with
 * its runtime and search box, replacing the previous one only once the new one is complete.
 * Node only (`fahras/site`, and `fahras site` on the command line).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkOptions, checkSignal, createError, describe, ERROR_CODES } from '../../errors.js'
import { ENTRY_FILE, RUNTIME_FILE, UI_FILE, UI_STYLES_FILE } from '../format.js'
import { readSitePages } from '../pages/index.js'
import type { SitePage } from '../types.js'
import { DEFAULT_CHUNK_SIZE, writeSiteIndex, type SiteIndexOptions } from './write-index.js'

const WHERE = 'buildSite()'

/** The defaults of {@link buildSite}. */
export const DEFAULT_SITE_OPTIONS = Object.freeze({
  /** The index's folder, inside the site: `<site>/fahras`. */
  outputFolder: 'fahras',
  baseUrl: '/',
  chunkSize: DEFAULT_CHUNK_SIZE,
  assets: true,
})

/** The smallest and largest `chunkSize`, in bytes. */
export const CHUNK_SIZE_RANGE = Object.freeze([256, 16_000_000] as const)

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** The folder of the built site (or of its sources). */
  readonly site: string
  /** Where the index goes (default `<site>/fahras`); a previous index there is replaced. */
  readonly output?: string
  /** Globs of the files read, relative to the site (default HTML pages: `**\/*.{html,htm}`). */
  readonly include?: readonly string[]
  /** Globs of the files left out. */
  readonly exclude?: readonly string[]
  /** The URL the site is served under (default '/'): `/docs/` for a site served from /docs/. */
  readonly baseUrl?: string
  /** Analysis and ranking options (those of `ArabicSearch`, but for fields: a site has a title and a text). */
  readonly index?: SiteIndexOptions
  /** The size of a term chunk before gzip, in bytes (default 12,000; docs/benchmarks.md). */
  readonly chunkSize?: number
  /** Copy the runtime (`fahras.js`) and the search box (`fahras-ui.js`, `fahras-ui.css`) beside the index (default true). */
  readonly assets?: boolean
  /** Called after each page read, with the count so far and the page's file. */
  readonly onProgress?: (progress: { readonly pages: number; readonly file: string }) => void
  /** Cancels the build (`FAHRAS_ABORTED`); the previous index stays. */
  readonly signal?: AbortSignal
}

/** What {@link buildSite} did. */
export interface SiteBuildReport {
  readonly output: string
  /** Pages indexed. */
  readonly pages: number
  /** Files read but not indexed (no text, `noindex`, drafts), with the reason. */
  readonly skipped: number
  /** One line per problem met in a page (a malformed `data-fahras-meta`…), naming the file. */
  readonly warnings: readonly string[]
  readonly chunks: number
  /** Files written and their bytes (the index's, without the runtime). */
  readonly files: number
  readonly bytes: number
  readonly build: string
}

/** The folder of the built runtime files (dist/site), from this module in dist/ or in src/. */
function assetsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const candidate of [join(here, 'site'), join(here, '..', '..', '..', 'dist', 'site')]) {
    if (existsSync(join(candidate, RUNTIME_FILE))) return candidate
  }
  throw createError(
    ERROR_CODES.INVALID_OPTION,
    `${WHERE} could not find the runtime files (${RUNTIME_FILE}, ${UI_FILE}) beside it: build fahras first (npm run build), or pass { assets: false }`,
  )
}

/** Is this folder one that a build may replace: missing, empty, or a previous site index? */
function replaceable(folder: string): boolean {
  if (!existsSync(folder)) return true
  if (!statSync(folder).isDirectory()) return false
  return readdirSync(folder).length === 0 || existsSync(join(folder, ENTRY_FILE))
}

/**
 * Builds the search index of a static site: reads every page under `site` (HTML, or Markdown
 * with front matter when `include` names it), writes the chunked index, the runtime and the
 * search box into `output`, and returns what it did. Run it after the site generator's build.
 *
 * @example
 * ```ts
 * import { buildSite } from 'fahras/site'
 * const report = await buildSite({ site: 'public', baseUrl: '/docs/' })
 * console.log(`${report.pages} pages, ${report.bytes} bytes in ${report.output}`)
 * ```
 */
export async function buildSite(options: BuildSiteOptions): Promise<SiteBuildReport> {
  if (options === null || typeof options !== 'object')
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${WHERE} expected options with at least \`site\`, got ${describe(options)}`,
      { option: 'options' },
      'type',
    )
  const given = checkOptions(options, WHERE, {
    site: 'string',
    output: 'string',
    include: 'string[]',
    exclude: 'string[]',
    baseUrl: 'string',
    index: 'object',
    chunkSize: 'number',
    assets: 'boolean',
    onProgress: 'function',
    signal: 'object',
  })
  if (typeof given.site !== 'string' || given.site === '')
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${WHERE} expected \`site\` to be the folder of the site, got ${describe(given.site)}`,
      { option: 'site' },
      'type',
    )
  const site = resolve(given.site)
  if (!existsSync(site) || !statSync(site).isDirectory())
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${WHERE} expected \`site\` to be a folder, got ${JSON.stringify(given.site)} (${existsSync(site) ? 'not a folder' : 'not found'})`,
      { option: 'site' },
    )
  const output = resolve((given.output as string | undefined) ?? join(site, DEFAULT_SITE_OPTIONS.outputFolder))
  const chunkSize = (given.chunkSize as number | undefined) ?? DEFAULT_SITE_OPTIONS.chunkSize
  if (!Number.isInteger(chunkSize) || chunkSize < CHUNK_SIZE_RANGE[0] || chunkSize > CHUNK_SIZE_RANGE[1]) {
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${WHERE} expected \`chunkSize\` to be an integer from ${CHUNK_SIZE_RANGE[0]} to ${CHUNK_SIZE_RANGE[1]} (bytes), got ${describe(chunkSize)}`,
      { option: 'chunkSize' },
      'type',
    )
  }
  if (!replaceable(output))
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${WHERE} will not write into ${output}: it exists and is not a fahras site index (no ${ENTRY_FILE}); choose an empty or new folder`,
      { option: 'output' },
    )
  const signal = checkSignal(given.signal, WHERE)
  const assets = ((given.assets as boolean | undefined) ?? DEFAULT_SITE_OPTIONS.assets) ? assetsFolder() : null
  const onProgress = given.onProgress as BuildSiteOptions['onProgress']

  // built beside the output, then put in its place: a failed or cancelled build leaves the old index
  const building = join(dirname(output), `.${basename(output)}.building-${process.pid}`)
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  const warnings: string[] = []
  let skipped = 0
  try {
    const source = readSitePages({
      site,
      output,
      ...(given.include ? { include: given.include as string[] } : {}),
      ...(given.exclude ? { exclude: given.exclude as string[] } : {}),
      baseUrl: (given.baseUrl as string | undefined) ?? DEFAULT_SITE_OPTIONS.baseUrl,
    })
    let file = ''
    async function* pages(): AsyncGenerator<SitePage> {
      for await (const read of source) {
        if (signal?.aborted)
          throw createError(ERROR_CODES.ABORTED, `${WHERE} was aborted; the previous index is left as it was`)
        file = read.file
        for (const w of read.warnings) warnings.push(`${read.file}: ${w}`)
        if (read.page === null) skipped++
        else yield read.page
      }
    }
    const written = await writeSiteIndex(pages(), building, {
      where: WHERE,
      chunkSize,
      ...(given.index ? { index: given.index as SiteIndexOptions } : {}),
      onPage: (count) => onProgress?.({ pages: count, file }),
    })
    if (written.pages === 0) {
      throw createError(
        ERROR_CODES.SITE,
        `${WHERE} found no page to index in ${site} (${skipped} file${skipped === 1 ? '' : 's'} skipped): check \`include\`, or that the site is built; the previous index is left as it was`,
        { skipped },
      )
    }
    if (assets !== null)
      for (const name of [RUNTIME_FILE, UI_FILE, UI_STYLES_FILE]) copyFileSync(join(assets, name), join(building, name))
    const old = `${building}.old`
    if (existsSync(output)) renameSync(output, old)
    renameSync(building, output)
    rmSync(old, { recursive: true, force: true })
    return {
      output,
      pages: written.pages,
      skipped,
      warnings,
      chunks: written.chunks,
      files: written.files,
      bytes: written.bytes,
      build: written.build,
    }
  } catch (error) {
    rmSync(building, { recursive: true, force: true })
    throw error
  }
}

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
import { readSitePages, type SiteFile } from '../pages/index.js'
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

/** The options of {@link buildSite}, checked, with their defaults. @internal */
interface BuildSettings {
  readonly site: string
  readonly output: string
  readonly chunkSize: number
  readonly signal: AbortSignal | undefined
  /** The folder of the runtime files to copy, or null (`assets: false`). */
  readonly assets: string | null
  readonly onProgress: BuildSiteOptions['onProgress']
  readonly include: readonly string[] | undefined
  readonly exclude: readonly string[] | undefined
  readonly baseUrl: string
  readonly index: SiteIndexOptions | undefined
}

/** What the pages read so far gave besides pages: the file read last, the skipped count, the warnings. @internal */
interface ReadTally {
  file: string
  skipped: number
  readonly warnings: string[]
}

/** The site's folder, resolved: throws unless `site` names an existing folder. @internal */
function siteFolder(given: unknown): string {
  if (typeof given !== 'string' || given === '')
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${WHERE} expected \`site\` to be the folder of the site, got ${describe(given)}`,
      { option: 'site' },
      'type',
    )
  const site = resolve(given)
  if (!existsSync(site) || !statSync(site).isDirectory())
    throw createError(
      ERROR_CODES.INVALID_OPTION,
      `${WHERE} expected \`site\` to be a folder, got ${JSON.stringify(given)} (${existsSync(site) ? 'not a folder' : 'not found'})`,
      { option: 'site' },
    )
  return site
}

/** Checks the options of {@link buildSite} (in this order: what each error names) and applies the defaults. @internal */
function buildSettings(options: BuildSiteOptions): BuildSettings {
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
  const site = siteFolder(given.site)
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
  return {
    site,
    output,
    chunkSize,
    signal,
    assets,
    onProgress: given.onProgress as BuildSiteOptions['onProgress'],
    include: given.include as string[] | undefined,
    exclude: given.exclude as string[] | undefined,
    baseUrl: (given.baseUrl as string | undefined) ?? DEFAULT_SITE_OPTIONS.baseUrl,
    index: given.index as SiteIndexOptions | undefined,
  }
}

/** The files of the site as the walk reads them (it checks its options at once). @internal */
function siteFiles(settings: BuildSettings): AsyncGenerator<SiteFile, void, undefined> {
  return readSitePages({
    site: settings.site,
    output: settings.output,
    ...(settings.include ? { include: settings.include } : {}),
    ...(settings.exclude ? { exclude: settings.exclude } : {}),
    baseUrl: settings.baseUrl,
  })
}

/** The pages among `source`, the other files counted as skipped and every warning kept, in `tally`. @internal */
async function* indexedPages(
  source: AsyncGenerator<SiteFile, void, undefined>,
  signal: AbortSignal | undefined,
  tally: ReadTally,
): AsyncGenerator<SitePage> {
  for await (const read of source) {
    if (signal?.aborted)
      throw createError(ERROR_CODES.ABORTED, `${WHERE} was aborted; the previous index is left as it was`)
    tally.file = read.file
    for (const w of read.warnings) tally.warnings.push(`${read.file}: ${w}`)
    if (read.page === null) tally.skipped++
    else yield read.page
  }
}

/** Puts the finished index (`building`) in the place of `output`, the previous one removed after. @internal */
function replaceIndex(building: string, output: string): void {
  const old = `${building}.old`
  if (existsSync(output)) renameSync(output, old)
  renameSync(building, output)
  rmSync(old, { recursive: true, force: true })
}

/** Writes the index and its assets into `building`, then puts it in the place of the output. @internal */
async function writeBuild(settings: BuildSettings, building: string): Promise<SiteBuildReport> {
  const tally: ReadTally = { file: '', skipped: 0, warnings: [] }
  const pages = indexedPages(siteFiles(settings), settings.signal, tally)
  const written = await writeSiteIndex(pages, building, {
    where: WHERE,
    chunkSize: settings.chunkSize,
    ...(settings.index ? { index: settings.index } : {}),
    onPage: (count) => settings.onProgress?.({ pages: count, file: tally.file }),
  })
  const { skipped, warnings } = tally
  if (written.pages === 0) {
    throw createError(
      ERROR_CODES.SITE,
      `${WHERE} found no page to index in ${settings.site} (${skipped} file${skipped === 1 ? '' : 's'} skipped): check \`include\`, or that the site is built; the previous index is left as it was`,
      { skipped },
    )
  }
  if (settings.assets !== null)
    for (const name of [RUNTIME_FILE, UI_FILE, UI_STYLES_FILE])
      copyFileSync(join(settings.assets, name), join(building, name))
  replaceIndex(building, settings.output)
  return {
    output: settings.output,
    pages: written.pages,
    skipped,
    warnings,
    chunks: written.chunks,
    files: written.files,
    bytes: written.bytes,
    build: written.build,
  }
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
  const settings = buildSettings(options)
  // built beside the output, then put in its place: a failed or cancelled build leaves the old index
  const building = join(dirname(settings.output), `.${basename(settings.output)}.building-${process.pid}`)
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  try {
    return await writeBuild(settings, building)
  } catch (error) {
    rmSync(building, { recursive: true, force: true })
    throw error
  }
}

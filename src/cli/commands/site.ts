/** `fahras site`: the search index of a built static site, with its runtime and search box. */
import { buildSite, CHUNK_SIZE_RANGE } from '../../site/build/build-site.js'
import { DEFAULT_CHUNK_SIZE } from '../../site/build/write-index.js'
import { CliError } from '../read-file.js'
import { printable, quoted } from '../safe-print.js'
import { QUIET, list, type Command } from './command.js'

/** Redraws of the progress line: at most one per this many milliseconds. */
const PROGRESS_EVERY = 100
/** The values --chunk-size takes, in bytes. */
const CHUNK_SIZE = { min: CHUNK_SIZE_RANGE[0], max: CHUNK_SIZE_RANGE[1], whole: true } as const

export const siteCommand: Command = {
  name: 'site',
  summary: 'index a built static site: a chunked index, its runtime and a search box in <site>/fahras/',
  usage: ['site <folder> [--output <folder>/fahras] [--base-url /] [--include <globs>] [--exclude <globs>] [--quiet]'],
  description: `Run it after your site generator's build, on the folder it wrote (public/, _site/, dist/…).
Reads every HTML page (or Markdown with front matter, with --include '**/*.md'), takes the URL from
the path (a/index.html is /a/), the title from <title> or <h1>, and the text from the element marked
data-fahras-body, else <main>, else <article>, else <body> without nav, header, footer and aside;
data-fahras-ignore leaves an element out, data-fahras-meta and data-fahras-filter add metadata and
filters. Writes into <folder>/fahras/: entry.fahras, the term chunks (t/), one fragment per page
(p/), the filters (f/), fahras.js (the runtime: openSite) and fahras-ui.js (the search box:
mountSearch). A previous index there is replaced once the new one is complete.
In a page: <div id="search"></div><script type="module">import { mountSearch } from
'/fahras/fahras-ui.js'; mountSearch('#search')</script> (docs/static-sites.md).`,
  options: {
    output: {
      type: 'string',
      short: 'o',
      value: '<folder>',
      description: 'where the index goes',
      default: '<folder>/fahras',
    },
    'base-url': {
      type: 'string',
      value: '<path>',
      description: 'the path the site is served under: /docs/ for a site at example.org/docs/',
      default: '/',
    },
    include: {
      type: 'list',
      value: '<globs>',
      description: 'comma-separated globs of the files to read',
      default: "'**/*.{html,htm}'",
    },
    exclude: {
      type: 'list',
      value: '<globs>',
      description: "comma-separated globs of the files to leave out, e.g. '404.html,tags/**'",
    },
    'chunk-size': {
      type: 'number',
      value: '<bytes>',
      description: 'the size of a term chunk before gzip',
      range: CHUNK_SIZE,
      default: DEFAULT_CHUNK_SIZE,
    },
    quiet: QUIET,
  },
  examples: [
    ['fahras site public', 'Hugo: index public/ into public/fahras/'],
    ['fahras site _site --base-url /blog/', 'Jekyll, a site served under /blog/'],
    ["fahras site dist --exclude '404.html,tags/**'", 'Astro, without the 404 page and the tag lists'],
    ["fahras site content --include '**/*.md' --output public/fahras", 'Markdown sources instead of the built pages'],
  ],
  async run({ values, positionals }) {
    if (positionals.length !== 1)
      throw new CliError(`site needs one folder, the built site (got ${positionals.length}): fahras site public`, 2)
    let chunkSize: number | undefined
    if (typeof values['chunk-size'] === 'string') {
      chunkSize = Number(values['chunk-size'])
      const { min: least, max: most } = CHUNK_SIZE
      if (!Number.isInteger(chunkSize) || chunkSize < least || chunkSize > most) {
        throw new CliError(
          `--chunk-size expects a number of bytes from ${least} to ${most}, got ${JSON.stringify(printable(values['chunk-size']))}`,
          2,
        )
      }
    }
    const tty = values.quiet !== true && process.stderr.isTTY === true
    const started = Date.now()
    let drawn = 0
    const report = await buildSite({
      site: positionals[0]!,
      ...(typeof values.output === 'string' ? { output: values.output } : {}),
      ...(typeof values['base-url'] === 'string' ? { baseUrl: values['base-url'] } : {}),
      ...(typeof values.include === 'string' ? { include: list(values.include, []) } : {}),
      ...(typeof values.exclude === 'string' ? { exclude: list(values.exclude, []) } : {}),
      ...(chunkSize === undefined ? {} : { chunkSize }),
      onProgress: ({ pages, file }) => {
        const now = Date.now()
        if (!tty || now - drawn < PROGRESS_EVERY) return
        drawn = now
        const rate = pages / Math.max(0.001, (now - started) / 1000)
        const name = printable(file).slice(-40)
        process.stderr.write(`\r\u001b[2K${pages} pages  ${rate.toFixed(0)} pages/s  ${name}`)
      },
    })
    if (tty) process.stderr.write('\r\u001b[2K')
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    for (const warning of report.warnings.slice(0, 20)) process.stderr.write(`warning: ${printable(warning)}\n`)
    if (report.warnings.length > 20) process.stderr.write(`… and ${report.warnings.length - 20} more warnings\n`)
    const kb = (report.bytes / 1024).toFixed(0)
    process.stderr.write(
      `${report.pages} pages indexed${report.skipped ? `, ${report.skipped} skipped` : ''} in ${seconds} s; wrote ${quoted(report.output)} (${report.files} files, ${kb} kB, ${report.chunks} term chunks)\n`,
    )
    return 0
  },
}

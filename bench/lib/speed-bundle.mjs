// Browser bundle size of each library as the benchmark configures it: esbuild, ESM, minified,
// platform browser, then gzipped (level 9). Entry points are written in memory (stdin).
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'

const ROOT = new URL('../../', import.meta.url).pathname
const FAHRAS = new URL('../../dist/index.js', import.meta.url).pathname
const FAHRAS_PACKED = new URL('../../dist/packed.js', import.meta.url).pathname

export const BUNDLES = [
  {
    name: 'fahras',
    label: 'fahras: import { ArabicSearch } (minisearch bundled)',
    code: `export { ArabicSearch } from ${JSON.stringify(FAHRAS)}`,
  },
  {
    name: 'fahras-external',
    label: 'fahras: import { ArabicSearch }, minisearch external',
    code: `export { ArabicSearch } from ${JSON.stringify(FAHRAS)}`,
    external: ['minisearch'],
  },
  {
    name: 'fahras-packed',
    label: 'fahras/packed: import { PackedIndex } (analysis, packed search, snippets; no MiniSearch)',
    code: `export { PackedIndex } from ${JSON.stringify(FAHRAS_PACKED)}`,
  },
  {
    name: 'minisearch',
    label: "MiniSearch: import MiniSearch from 'minisearch'",
    code: "export { default } from 'minisearch'",
  },
  {
    name: 'lunr',
    label: 'Lunr + lunr.stemmer.support + lunr.ar',
    code: "import lunr from 'lunr'\nimport support from 'lunr-languages/lunr.stemmer.support'\nimport ar from 'lunr-languages/lunr.ar'\nsupport(lunr)\nar(lunr)\nexport default lunr",
  },
  {
    name: 'orama',
    label: 'Orama: create, insertMultiple, search, save, load + Arabic stemmer and stop words',
    code: "export { create, insertMultiple, search, save, load } from '@orama/orama'\nexport { stemmer } from '@orama/stemmers/arabic'\nexport { stopwords } from '@orama/stopwords/arabic'",
  },
  {
    name: 'flexsearch',
    label: "FlexSearch: import { Document } from 'flexsearch' (its bundled module build)",
    code: "export { Document } from 'flexsearch'",
  },
]

export async function bundleSizes() {
  const out = {}
  for (const b of BUNDLES) {
    try {
      const res = await build({
        stdin: { contents: b.code, resolveDir: ROOT, loader: 'js', sourcefile: `${b.name}-entry.js` },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        external: b.external ?? [],
        logLevel: 'silent',
        legalComments: 'none',
      })
      const bytes = res.outputFiles[0].contents
      out[b.name] = { label: b.label, minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length }
    } catch (error) {
      out[b.name] = { label: b.label, error: String(error.message ?? error).split('\n')[0] }
    }
  }
  return out
}

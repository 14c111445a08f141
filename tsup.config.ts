import { copyFileSync, mkdirSync } from 'node:fs'
import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      normalize: 'src/normalize/index.ts',
      stem: 'src/stem/index.ts',
      opensearch: 'src/opensearch/index.ts',
      // for apps that keep their own MiniSearch: nothing of it is imported, not even its types
      minisearch: 'src/minisearch/index.ts',
      // the packed index alone: no MiniSearch in its bundle
      packed: 'src/packed.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    // Arabic letters as UTF-8, not \uXXXX escapes: a third of the size
    esbuildOptions(options) {
      options.charset = 'utf8'
    },
  },
  {
    // The command line: Node only, ESM, not part of the library entries.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node18',
    platform: 'node',
    splitting: false,
    external: ['minisearch'],
  },
  {
    // Building site indexes (buildSite): Node only, ESM and CJS; finds dist/site/ beside it
    entry: { site: 'src/site/build/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    target: 'node18',
    platform: 'node',
    splitting: false,
    shims: true,
    external: ['minisearch'],
    esbuildOptions(options) {
      options.charset = 'utf8'
    },
  },
  {
    // What `fahras site` writes beside a site's index: the runtime (openSite) and the search box
    // (mountSearch, which imports ./fahras.js at run time): browser ESM, no dependencies, minified
    entry: { 'site/fahras': 'src/site/runtime/index.ts', 'site/fahras-ui': 'src/site/ui/mount-search.ts' },
    format: ['esm'],
    outExtension: () => ({ js: '.js' }),
    dts: false,
    clean: false,
    target: 'es2020',
    platform: 'browser',
    splitting: false,
    minify: true,
    treeshake: true,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.charset = 'utf8'
    },
    async onSuccess() {
      mkdirSync('dist/site', { recursive: true })
      copyFileSync('src/site/ui/fahras-ui.css', 'dist/site/fahras-ui.css')
    },
  },
])

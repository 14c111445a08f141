import { defineConfig } from 'tsup'

export default defineConfig([{
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
}])

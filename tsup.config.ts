import { defineConfig } from 'tsup'

export default defineConfig([{
  entry: {
    index: 'src/index.ts',
    normalize: 'src/normalize/index.ts',
    stem: 'src/stem/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: false,
  sourcemap: false,
  target: 'es2020',
  platform: 'neutral',
  splitting: false,
  treeshake: true,
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

import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    normalize: 'src/normalize/index.ts',
    stem: 'src/stem/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2020',
  platform: 'neutral',
  splitting: false,
  treeshake: true,
})

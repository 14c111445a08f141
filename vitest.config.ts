import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // two files at a time even on a 2-core machine (vitest's default is one fewer than the cores):
    // many files wait on child processes (the CLI, Chromium, Java) rather than compute, and the
    // growth tests time CPU per process, so a neighbour does not skew their ratios
    maxWorkers: 2,
    // the JSON report lets `npm test` end on one line that counts every test and check
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
})

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // the JSON report lets `npm test` end on one line that counts every test and check
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
})

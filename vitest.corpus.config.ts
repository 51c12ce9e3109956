import {defineConfig} from 'vitest/config'

/**
 * `npm run test:corpus`: the tests on the real corpora in `../shared` (or the
 * folder named by BITEXT_SHARED). They fail loudly when the folder is missing.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.corpus.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    maxWorkers: 2
  }
})

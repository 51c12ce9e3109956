import {defineConfig} from 'vitest/config'

/**
 * `npm test`: the whole suite that runs on a fresh clone with nothing beside
 * it. Tests that read the corpora in `../shared` are `*.corpus.test.ts` and run
 * in `npm run test:corpus` (vitest.corpus.config.ts).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.corpus.test.ts', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // sharedPath() refuses to run here, so the suite is the same with or without ../shared.
    env: {BITEXT_NO_SHARED: '1'},
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // 2 cores: one worker per core keeps memory and timing sane.
    maxWorkers: 2
  }
})

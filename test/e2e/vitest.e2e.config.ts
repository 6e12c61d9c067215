import { defineConfig } from 'vitest/config';

/** End-to-end: the built renderer in Debian's Chromium over the real router. One browser at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A safety net, not a measure (see vitest.config.ts); Playwright's own steps get 120 s (harness.ts).
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

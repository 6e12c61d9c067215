import { defineConfig } from 'vitest/config';

/** Unit and integration tests (plain Node, real encrypted stores in temp folders). E2E has its own config. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    // A safety net, not a measure: no test asserts time, and the slowest take ~15 s idle. Generous so a 2-core
    // laptop busy with other work still passes (CONTRIBUTING.md, "Tests that hold on a busy machine").
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

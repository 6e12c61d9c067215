import { defineConfig } from 'vitest/config';

/** Unit and integration tests (plain Node, real encrypted stores in temp folders). E2E has its own config. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

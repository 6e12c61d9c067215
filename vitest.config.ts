import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Unit and integration tests (plain Node, real encrypted stores in temp folders). E2E has its own config. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    // Vitest's default is one worker less than the cores: a single worker on a 2-core laptop. Much of a test's time
    // is spent waiting on a child (the CLI, soffice, the parsing process), so two keep both cores busy; on a
    // loaded 2-core machine this took the suite from about 7 to under 5 minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A safety net, not a measure: no test asserts time, and the slowest take ~15 s idle. Generous so a 2-core
    // laptop busy with other work still passes (CONTRIBUTING.md, "No test depends on timing").
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

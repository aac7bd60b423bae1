import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Builds dist/ once: several tests run the compiled CLI (see test/globalSetup.ts).
    globalSetup: ['test/globalSetup.ts'],
    // vitest's default (cores - 1) is a single worker on a 2-core machine, where many test files
    // mostly wait for the child processes they spawn.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

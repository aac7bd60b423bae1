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
    // Test files in one worker share the modules they import (React, Ink, the core) instead of each
    // importing them again: a fifth of the suite's time. So a test file leaves no global state behind.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

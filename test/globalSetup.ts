// Builds dist/ once before any test file runs, so `npx vitest run` works from a clean checkout: the
// tests that spawn the compiled CLI, its worker threads or the engine fallback need it. Silent when
// the build succeeds; a failed build stops the run with the compiler's output.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '..');

export default async function buildOnce(): Promise<() => void> {
  // Every run a test trains is recorded (issue 12): into a temporary runs folder, never ./netdash-runs
  // of the repository. The test workers and the CLIs they spawn inherit the variable.
  const runsDir = mkdtempSync(join(tmpdir(), 'netdash-test-runs-'));
  process.env.NETDASH_RUNS_DIR = runsDir;
  try {
    // Skipped when dist/ already matches the sources (`npm test`'s gate has just built it).
    await promisify(execFile)('node', ['scripts/buildIfChanged.mjs'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`the build failed before the tests:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`.trimEnd());
  }
  return () => rmSync(runsDir, { recursive: true, force: true });
}

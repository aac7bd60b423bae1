// Runs the BUILT command line (dist/src/ui/main.js) as a child process, the way users and CI
// do. The build happens at most once per source change, guarded by a lock so test files running
// in parallel workers do not build over each other.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = join(ROOT, 'dist/src/ui/main.js');
/** Tiny runs: the CLI's behaviour, not MNIST accuracy, is under test. */
export const QUICK = ['--train-size', '500', '--validation-size', '500'];

function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isBuilt(): boolean {
  return existsSync(CLI) && statSync(CLI).mtimeMs >= newestSourceTime(join(ROOT, 'src'));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds with tsc unless dist is newer than every source file (as after `npm test`'s build). The
 * check happens under the lock too: while another worker's tsc is writing dist, main.js can look
 * fresh before the rest is written.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = join(tmpdir(), `netdash-cli-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker holds the lock; one older than two minutes is left over from a crash.
      const info = statSync(lock, { throwIfNoEntry: false });
      if (info && Date.now() - info.mtimeMs > 120_000) rmdirSync(lock);
      await sleep(200);
    }
  }
  try {
    if (isBuilt()) return;
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      // tsc still emits on type errors elsewhere; fail only when the CLI itself was not built.
      if (!existsSync(CLI)) throw error;
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(
  args: string[],
  options: { stdin?: 'pipe' | 'ignore'; env?: Record<string, string> } = {},
): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, NETDASH_DEBUG: '', ...options.env },
  });
}

/** Collects a started process's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: string[], options?: Parameters<typeof startCli>[1]): Promise<CliResult> {
  const child = startCli(args, options);
  child.stdin?.end();
  return finished(child);
}

/** Every stdout line parsed as JSON (throws, failing the test, on a line that is not JSON). */
export function jsonLines(stdout: string): Record<string, any>[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, any>);
}

// The compiled command in a child process: the path users take, and the only one that runs on
// worker threads (they need the compiled scripts). dist/ is built by test/globalSetup.ts.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/ui/reproduce/report.js';

const root = resolve(import.meta.dirname, '../../..');
const builtCommand = join(root, 'dist/src/ui/reproduce/command.js');
const builtCli = join(root, 'dist/src/ui/main.js');
const run = promisify(execFile);

async function node(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const quickArgs = ['reproduce', '--quick', '--only', 'l2-1000,slowdown', '--seeds', '2', '--jobs', '2', '--json'];

function checkQuickReport(stdout: string): void {
  const report = JSON.parse(stdout) as Report;
  expect(report.quick).toBe(true);
  expect(report.jobs).toBe(2);
  expect(report.rows.map((row) => row.experiment)).toEqual(['l2-1000', 'slowdown']);
  const l2 = report.rows[0]!;
  expect(l2.runs[0]!.best.n).toBe(2);
  expect(l2.runs[0]!.seedCurves.map((curve) => curve.length)).toEqual([30, 30]);
  expect(l2.runs[0]!.best.values[0]).not.toBe(l2.runs[0]!.best.values[1]);
}

describe('the built command', () => {
  it('runs two runs at a time on worker threads', async () => {
    const script =
      "import yargs from 'yargs';" +
      `const { reproduceCommand } = await import(${JSON.stringify(pathToFileURL(builtCommand).href)});` +
      'await yargs().command(reproduceCommand).parseAsync(process.argv.slice(1));';
    const result = await node(['--input-type=module', '-e', script, ...quickArgs]);
    expect(result.stderr).toMatch(/2 at a time/);
    expect(result.code, result.stderr).toBe(0);
    checkQuickReport(result.stdout);
  });

  it('is registered in the netdash CLI', async () => {
    const result = await node([builtCli, ...quickArgs]);
    expect(result.code, result.stderr).toBe(0);
    checkQuickReport(result.stdout);
    const usage = await node([builtCli, 'reproduce', '--only', 'nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

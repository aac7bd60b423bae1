// Asked to stop mid-run — Ctrl-C (SIGINT), SIGTERM, or a reader that closes stdout (`| head -1`) —
// the trainer stops, the best weights so far are saved, the summary is written where it still can be,
// and the exit code says why: 130, 143, 141.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from '../../../src/data/modelFile.js';
import { waitFor } from '../../helpers/waitFor.js';
import { QUICK, ROOT, ensureBuilt, finished, jsonLines, startCli } from './cliHarness.js';

let folder: string;
beforeAll(async () => {
  await ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'netdash-cli-stop-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Starts a long run, waits for its first epoch line, then sends `signal`. */
async function stopAfterFirstEpoch(signal: NodeJS.Signals, save: string) {
  const child = startCli(['train', ...QUICK, '--epochs', '100000', '--json', '--save', save]);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const result = finished(child);
  await waitFor(() => output.includes('"type":"epoch"'), { timeoutMs: 30_000, describe: () => output });
  child.kill(signal);
  return result;
}

describe.each([
  ['SIGINT', 130, /^netdash: interrupted; /],
  ['SIGTERM', 143, /^netdash: terminated \(SIGTERM\); /],
] as const)('%s after the first epoch', (signal, exitCode, message) => {
  it(`exits ${exitCode} with a loadable saved network and a done line`, async () => {
    const save = join(folder, `${signal}.json`);
    const { code, stdout, stderr } = await stopAfterFirstEpoch(signal, save);
    expect(code).toBe(exitCode);
    const lines = jsonLines(stdout);
    expect(lines[0]!.type).toBe('start');
    const done = lines.at(-1)!;
    expect(done).toMatchObject({ type: 'done', reason: 'aborted', saved: save });
    expect(done.epochs).toBeLessThan(5000); // stopped promptly, far from the 100,000 asked for
    expect(lines.slice(1, -1).every((l) => l.type === 'epoch')).toBe(true);
    expect(stderr).toMatch(message);
    expect(loadNetwork(save).sizes).toEqual([784, 30, 10]);
  });
});

describe('a reader that closes standard output (| head -1)', () => {
  it('stops the run, still saves, and exits 141 even with --fail-under that would fail', async () => {
    const save = join(folder, 'closed.json');
    const child = startCli(['train', ...QUICK, '--epochs', '100000', '--fail-under', '0.99', '--save', save]);
    const result = finished(child);
    let first = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      first += chunk.toString();
      if (first.includes('\n')) child.stdout!.destroy(); // as `head -1` does after its line
    });
    const { code, stderr } = await result;
    expect(code).toBe(141);
    expect(stderr).toMatch(/netdash: standard output was closed; stopping/);
    expect(existsSync(save)).toBe(true);
    expect(loadNetwork(save).sizes).toEqual([784, 30, 10]);
  });
});

describe('the single-neuron demo', () => {
  it('streams a huge --epochs and still ends with done on Ctrl-C', async () => {
    const child = startCli(['train', '--experiment', 'slowdown', '--epochs', '1e12', '--json']);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const result = finished(child);
    await waitFor(() => output.split('\n').length > 1000, { timeoutMs: 30_000, describe: () => output.slice(0, 200) });
    child.kill('SIGINT');
    const { code, stdout } = await result;
    expect(code).toBe(130);
    const lines = jsonLines(stdout);
    expect(lines[0]!.type).toBe('start');
    const done = lines.at(-1)!;
    expect(done.type).toBe('done');
    expect(done.reason).toBe('aborted');
    expect(done.runs[0].epochs).toBeGreaterThan(900);
  });
});

describe('a standard output that fails (a full disk)', () => {
  // A full disk cannot be made in a test without writing to /dev/full, so the stream's error is
  // raised in a child process that runs the built shutdown handlers as the CLI does.
  it('stops the guarded run with exit code 1 and one line on stderr naming the reason', async () => {
    const script = `
      const { installShutdownHandlers, guardRun, stopExitCode } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/ui/app/shutdown.js')).href)});
      installShutdownHandlers();
      const controller = new AbortController();
      guardRun(controller, process.stderr);
      const full = Object.assign(new Error('write ENOSPC'), { code: 'ENOSPC' });
      process.stdout.emit('error', full);
      process.stdout.emit('error', full); // every later write fails too: still one line
      process.stderr.write('aborted=' + controller.signal.aborted + ' code=' + stopExitCode() + '\\n');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const { code, stderr } = await finished(child);
    expect(code).toBe(0);
    expect(stderr).toBe('netdash: cannot write to standard output (no space left on device); stopping\naborted=true code=1\n');
  });
});

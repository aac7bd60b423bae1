// Ctrl-C mid-run: the trainer stops, the best weights so far are saved, the summary is printed
// and the exit code is 130.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadNetwork } from '../../../src/data/modelFile.js';
import { waitFor } from '../../helpers/waitFor.js';
import { QUICK, ensureBuilt, finished, jsonLines, startCli } from './cliHarness.js';

let folder: string;
beforeAll(async () => {
  await ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'netdash-cli-sigint-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('SIGINT after the first epoch exits 130 with a loadable saved network and a done line', async () => {
  const save = join(folder, 'interrupted.json');
  const child = startCli(['train', ...QUICK, '--epochs', '100000', '--json', '--save', save]);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const result = finished(child);
  await waitFor(() => output.includes('"type":"epoch"'), { timeoutMs: 30_000, describe: () => output });
  child.kill('SIGINT');
  const { code, stdout, stderr } = await result;

  expect(code).toBe(130);
  const lines = jsonLines(stdout);
  expect(lines[0]!.type).toBe('start');
  const done = lines.at(-1)!;
  expect(done).toMatchObject({ type: 'done', reason: 'aborted', saved: save });
  // It stopped promptly, far from the 100,000 epochs asked for.
  expect(done.epochs).toBeLessThan(5000);
  expect(lines.slice(1, -1).every((l) => l.type === 'epoch')).toBe(true);
  expect(stderr).toMatch(/^netdash: interrupted; /);
  expect(loadNetwork(save).sizes).toEqual([784, 30, 10]);
});

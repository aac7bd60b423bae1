// `netdash runs` in-process over runs recorded on synthetic data: the list (text and JSON), show,
// compare (table, one chart, CSV) and rm (asks, refuses what is not a run), and its bad input.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/ui/app/errors.js';
import { runRuns, type RunsArgs, type RunsIo } from '../../../src/ui/cli/commands/runs.js';
import { recordRun, type Recorded } from '../../helpers/recordedRuns.js';

let runsDir: string;
let a: Recorded;
let b: Recorded;
beforeEach(async () => {
  runsDir = mkdtempSync(join(tmpdir(), 'netdash-runs-cli-'));
  a = await recordRun(runsDir, { config: { epochs: 3 } });
  b = await recordRun(runsDir, { config: { epochs: 5, eta: 0.3 } });
});
afterEach(() => rmSync(runsDir, { recursive: true, force: true }));

async function runs(args: RunsArgs, extra: Partial<RunsIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: RunsIo = {
    stdout: { write: (text: string) => ((stdout += text), true) } as unknown as RunsIo['stdout'],
    stderr: { write: (text: string) => ((stderr += text), true) } as unknown as RunsIo['stderr'],
    ...extra,
  };
  const code = await runRuns({ runsDir, ...args }, io);
  return { code, stdout, stderr };
}

describe('netdash runs', () => {
  it('lists the runs newest first, one line each, or as JSON', async () => {
    const text = await runs({});
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^started\s+run\s+experiment\s+sizes\s+hyper-parameters\s+epochs\s+best held-out\s+status$/);
    expect(lines[1]).toContain(b.recorder.name);
    expect(lines[1]).toMatch(/20,9,3\s+η 0.3 m 7 λ 0.5 μ 0.6 dropout 0.3\s+5\/5\s+\d+\.\d\d% @\d\s+completed/);
    expect(lines[2]).toContain(a.recorder.name);
    const json = JSON.parse((await runs({ json: true })).stdout) as { name: string; epochs: number; resumable: boolean }[];
    expect(json.map((r) => [r.name, r.epochs, r.resumable])).toEqual([
      [b.recorder.name, 5, true],
      [a.recorder.name, 3, true],
    ]);
  });

  it('shows one run by prefix: summary and per-epoch table', async () => {
    const { stdout } = await runs({ action: 'show', runs: [a.recorder.name.slice(0, -1)] });
    expect(stdout).toMatch(new RegExp(`^run ${a.recorder.name}  completed\\n`));
    const table = stdout.slice(stdout.indexOf('epoch  ')).trim().split('\n');
    expect(table[0]).toMatch(/^epoch\s+held-out cost\s+held-out acc\s+η\s+train s\s+eval s$/);
    expect(table.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(['1', '2', '3']);
  });

  it('compares runs side by side with one chart of their curves, or as CSV', async () => {
    const { stdout } = await runs({ action: 'compare', runs: [a.recorder.dir, b.recorder.name] });
    expect(stdout).toMatch(/^\s+#1\s+#2\n/);
    expect(stdout).toMatch(/epochs\s+3\/3\s+5\/5/);
    expect(stdout).toContain('held-out accuracy (%) by epoch');
    expect(stdout).toMatch(/┤/);
    const csv = (await runs({ action: 'compare', runs: [a.recorder.dir, b.recorder.dir], csv: true })).stdout.trim().split('\n');
    expect(csv[0]).toBe(
      'run,epoch,trainingCost,trainingAccuracy,validationCost,validationAccuracy,learningRate,trainSeconds,evalSeconds,bestEpoch',
    );
    expect(csv).toHaveLength(1 + 3 + 5);
    expect(csv[4]).toMatch(new RegExp(`^${b.recorder.name},1,,,`));
  });

  it('rm asks in a terminal, deletes only on yes, and refuses folders that are not runs', async () => {
    const asked: string[] = [];
    const no = await runs({ action: 'rm', runs: [a.recorder.name] }, { confirm: async (q) => (asked.push(q), false) });
    expect(asked[0]).toMatch(/^delete run .* \[y\/N\] $/);
    expect(no.stderr).toBe('netdash: nothing deleted\n');
    expect(existsSync(a.recorder.dir)).toBe(true);
    const yes = await runs({ action: 'rm', runs: [a.recorder.name] }, { confirm: async () => true });
    expect(yes.stderr).toBe(`netdash: deleted ${a.recorder.dir}\n`);
    expect(existsSync(a.recorder.dir)).toBe(false);
    mkdirSync(join(runsDir, 'zz-foreign'));
    await expect(runs({ action: 'rm', runs: ['zz-foreign', b.recorder.name], yes: true })).rejects.toThrow(
      /zz-foreign is not a netdash run folder .*; nothing deleted/,
    );
    expect(existsSync(b.recorder.dir)).toBe(true);
  });

  it.each([
    [{ action: 'frobnicate' }, /runs: got frobnicate; must be one of list, show, compare, rm/],
    [{ action: 'show', runs: [] }, /runs show: got 0 RUNs; takes one RUN/],
    [{ action: 'compare', runs: ['x'] }, /runs compare: got 1 RUN; takes two or more RUNs/],
    [{ action: 'show', runs: ['nothing-like-this'] }, /RUN: got nothing-like-this; no run folder/],
  ])('bad input %j is one line naming what is wrong', async (args, message) => {
    const promise = runs(args as RunsArgs);
    await expect(promise).rejects.toThrow(UsageError);
    await expect(runs(args as RunsArgs)).rejects.toThrow(message);
  });
});

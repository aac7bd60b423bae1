// Each trial of a sweep is a recorded run in <runs>/<trial key>/ (in this process, tiny data): listed
// by listRuns, and a trial stopped after a checkpoint continues there to the result of an unbroken one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDescription } from '../../../src/data/runs.js';
import { listRuns } from '../../../src/ui/app/runsIndex.js';
import { configureYargs } from '../../../src/ui/app/yargsSetup.js';
import type { SweepEvent, TrialDone } from '../../../src/ui/app/sweep/events.js';
import { planSweep, type SweepPlan } from '../../../src/ui/app/sweep/planner.js';
import { localRunner } from '../../../src/ui/app/sweep/runner.js';
import { readSweepSpec, sweepBuilder, type SweepArgs } from '../../../src/ui/app/sweep/sweepOptions.js';
import { runSweep } from '../../../src/ui/app/sweep/sweepRun.js';
import { runTask, type TrialEvent, type TrialInput } from '../../../src/ui/app/sweep/trialTask.js';

const TINY = ['--train-size', '200', '--validation-size', '200'];

let runsDir: string;
beforeEach(() => {
  runsDir = mkdtempSync(join(tmpdir(), 'netdash-sweep-runs-'));
});
afterEach(() => rmSync(runsDir, { recursive: true, force: true }));

function plan(argv: string[]): SweepPlan {
  const all = ['sweep', ...argv];
  const args = configureYargs(yargs(all), all).command('sweep', 'sweep', sweepBuilder).parseSync() as SweepArgs;
  return planSweep(args, readSweepSpec(args));
}

describe('recorded trials', () => {
  it('records each trial of a local sweep as a run in <runs>/<trial key>/', async () => {
    const swept = plan([...TINY, '--epochs', '2', '--grid', 'eta=0.1,1', '--runs-dir', runsDir]);
    expect(swept.runsDir).toBe(runsDir);
    const events: SweepEvent[] = [];
    await runSweep(swept, localRunner(1, undefined, swept.runsDir), (e) => events.push(e), new AbortController().signal, {
      version: 'test',
    });
    const done = events.filter((e): e is TrialDone => e.type === 'trial-done');
    expect(done).toHaveLength(2);
    const { runs, warnings } = listRuns(runsDir);
    expect(warnings).toEqual([]);
    expect(runs.map((r) => r.dir).sort()).toEqual(done.map((t) => t.runDir).sort());
    for (const t of done) {
      expect(swept.trials.map((trial) => trial.key)).toContain(t.key);
      expect(t.runDir).toBe(join(runsDir, t.key));
      const run = runs.find((r) => r.dir === t.runDir)!;
      expect(run).toMatchObject({ status: 'completed', epochs: 2, bestAccuracy: t.best.validationAccuracy });
    }
    expect(plan([...TINY, '--grid', 'eta=0.1', '--no-record']).runsDir).toBeUndefined();
  });

  it('continues a trial stopped after a checkpoint to the result of an unbroken run', async () => {
    const trial = plan([...TINY, '--epochs', '4', '--grid', 'eta=0.5']).trials[0]!;
    const input = (dir?: string): TrialInput => ({ key: trial.key, args: trial.args, runsDir: dir });
    const unbroken = await runTask(input(), () => {}, new AbortController().signal);
    expect(unbroken.runDir).toBeNull();

    const stop = new AbortController();
    const afterTwo = (event: TrialEvent) => {
      if (event.type === 'epoch' && event.epoch === 2) stop.abort();
    };
    await expect(runTask(input(runsDir), afterTwo, stop.signal)).rejects.toThrow(/aborted/);
    const dir = join(runsDir, trial.key);
    expect(readDescription(dir).status).toBe('aborted');

    const epochs: number[] = [];
    const resumed = await runTask(
      input(runsDir),
      (event) => void (event.type === 'epoch' && epochs.push(event.epoch)),
      new AbortController().signal,
    );
    expect(epochs[0]).toBeGreaterThan(1); // it went on from the checkpoint, not from epoch 1
    expect(resumed.runDir).toBe(dir);
    expect(resumed.best).toEqual(unbroken.best);
    expect(resumed.final).toEqual(unbroken.final);
    expect(resumed.history).toEqual(unbroken.history);
    expect(readDescription(dir)).toMatchObject({ status: 'completed', resumes: [expect.anything()] });
  });
});

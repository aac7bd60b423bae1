// Recorded runs in-process: what a run folder holds, exact resume through the files on disk, the
// list (newest first, damaged and foreign folders never crash it), lookup by prefix, safe removal,
// and a full disk that stops the run cleanly with its last checkpoint intact.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNetwork } from '../../../src/core/modelFormat.js';
import { DataError } from '../../../src/data/errors.js';
import { RUN_FILES, readDescription, readMetrics, writeDescription } from '../../../src/data/runs.js';
import { readCheckpoint } from '../../../src/data/runsCheckpoint.js';
import { findRun, listRuns, readRunDetails, removalProblem, removeRun, runsDirOf } from '../../../src/ui/app/runsIndex.js';
import { planResume } from '../../../src/ui/app/runsResume.js';
import { recordRun, withoutTimes } from '../../helpers/recordedRuns.js';

let runsDir: string;
beforeEach(() => {
  runsDir = mkdtempSync(join(tmpdir(), 'netdash-runs-app-'));
});
afterEach(() => rmSync(runsDir, { recursive: true, force: true }));

const epochLines = (dir: string) =>
  readFileSync(join(dir, RUN_FILES.events), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((e) => e.type === 'epoch')
    .map(withoutTimes);
const metricsOf = (dir: string) => readMetrics(dir).rows.map(withoutTimes);

describe('a recorded run', () => {
  it('holds its description, the event stream, the metrics CSV, the best network and a checkpoint', async () => {
    const { recorder, done, finishError } = await recordRun(runsDir);
    expect(finishError).toBeUndefined();
    const dir = recorder.dir;
    const description = readDescription(dir);
    expect(description).toMatchObject({ status: 'completed', source: 'test', engine: 'typescript', result: { epochs: 6 } });
    const lines = readFileSync(join(dir, RUN_FILES.events), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; runDir?: string });
    expect(lines[0]).toMatchObject({ type: 'start', runDir: dir });
    expect(lines.at(-1)).toMatchObject({ type: 'done', reason: 'completed', epochs: 6 });
    expect(readMetrics(dir).rows.map((r) => r.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    const network = parseNetwork(readFileSync(join(dir, RUN_FILES.network), 'utf8'));
    expect(network.sizes).toEqual([20, 9, 3]);
    expect(readCheckpoint(join(dir, RUN_FILES.checkpoint)).checkpoint.epoch).toBe(6);
    expect(done.bestEpoch).toBeGreaterThan(0);
  });

  it('stopped after epoch 2 and resumed from its folder, ends with the uninterrupted run’s network and metrics', async () => {
    const whole = await recordRun(runsDir);
    const stopped = await recordRun(runsDir, { abortAfter: 2 });
    expect(stopped.done.reason).toBe('aborted');
    const dir = stopped.recorder.dir;
    expect(readDescription(dir).status).toBe('aborted');
    const plan = planResume(dir);
    expect(plan.checkpoint.epoch).toBe(2);
    const resumed = await recordRun(runsDir, { resume: { dir, checkpoint: plan.checkpoint, description: plan.description } });
    expect(resumed.done.reason).toBe('completed');
    expect(resumed.trainer.network.weights.map((w) => Array.from(w))).toEqual(
      whole.trainer.network.weights.map((w) => Array.from(w)),
    );
    expect(epochLines(dir)).toEqual(epochLines(whole.recorder.dir));
    expect(metricsOf(dir)).toEqual(metricsOf(whole.recorder.dir));
    expect(readFileSync(join(dir, RUN_FILES.network), 'utf8')).toBe(
      readFileSync(join(whole.recorder.dir, RUN_FILES.network), 'utf8'),
    );
    expect(readDescription(dir)).toMatchObject({ status: 'completed', resumes: [{ afterEpoch: 2 }] });
  });

  it('a full disk stops the run cleanly with the reason, the last checkpoint intact', async () => {
    let writes = 0;
    const { writeCheckpointAsync } = await import('../../../src/data/runsCheckpoint.js');
    const { done, recorder } = await recordRun(runsDir, {
      config: { epochs: 500 },
      writeCheckpoint: async (path, checkpoint, options) => {
        if (++writes === 3) throw new DataError(path, 'cannot write: no space left on device');
        await writeCheckpointAsync(path, checkpoint, options);
      },
    });
    expect(done.reason).toBe('aborted');
    expect(done.epochs).toBeLessThan(500);
    expect(recorder.failure).toMatch(/no space left on device/);
    const { checkpoint } = readCheckpoint(join(recorder.dir, RUN_FILES.checkpoint));
    expect(checkpoint.epoch).toBeGreaterThanOrEqual(2);
    expect(checkpoint.epoch).toBeLessThan(done.epochs + 1);
    expect(readDescription(recorder.dir)).toMatchObject({
      status: 'aborted',
      stopMessage: expect.stringMatching(/no space left/),
    });
    expect(planResume(recorder.dir).checkpoint.epoch).toBe(checkpoint.epoch);
  });
});

describe('listing and finding runs', () => {
  it('lists newest first with epochs, best held-out accuracy and status; finds by unique prefix', async () => {
    const a = await recordRun(runsDir, { config: { epochs: 2 } });
    const b = await recordRun(runsDir, { config: { epochs: 3 } });
    const { runs, warnings } = listRuns(runsDir);
    expect(warnings).toEqual([]);
    expect(runs.map((r) => r.dir)).toEqual([b.recorder.dir, a.recorder.dir]);
    expect(runs[0]).toMatchObject({ epochs: 3, status: 'completed', damage: [] });
    const accuracies = readMetrics(b.recorder.dir).rows.map((r) => r.validationAccuracy!);
    expect(runs[0]!.bestAccuracy).toBe(Math.max(...accuracies));
    expect(findRun(runsDir, b.recorder.name)).toBe(b.recorder.dir);
    expect(findRun(runsDir, b.recorder.name.slice(0, -2))).toBe(b.recorder.dir);
    expect(() => findRun(runsDir, '20')).toThrow(/2 runs in .* start with it/);
    expect(() => findRun(runsDir, 'nope')).toThrow(/no run folder nope and no run in/);
    expect(readRunDetails(a.recorder.dir).rows).toHaveLength(2);
  });

  it('a killed run (half-written line, no checkpoint, dead process) is listed as interrupted and damaged; foreign folders are skipped with a warning', async () => {
    const { recorder } = await recordRun(runsDir, { config: { epochs: 2 } });
    const dir = recorder.dir;
    // What kill -9 leaves: status still running, a process that is gone, a line cut short, no checkpoint.
    writeDescription(dir, { ...readDescription(dir), status: 'running', pid: 2 ** 22 + 12345 });
    writeFileSync(join(dir, RUN_FILES.events), '{"type":"epoch","epo', { flag: 'a' });
    writeFileSync(join(dir, RUN_FILES.metrics), '3,0.5,', { flag: 'a' });
    unlinkSync(join(dir, RUN_FILES.checkpoint));
    mkdirSync(join(runsDir, 'holiday-photos'));
    mkdirSync(join(runsDir, 'bad-json'));
    writeFileSync(join(runsDir, 'bad-json', RUN_FILES.description), '{');
    writeFileSync(join(runsDir, 'a-file.txt'), 'not a folder');
    const { runs, warnings } = listRuns(runsDir);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'interrupted', epochs: 2, hasCheckpoint: false });
    expect(runs[0]!.damage).toEqual([
      `half-written last line in ${RUN_FILES.events}`,
      `damaged lines in ${RUN_FILES.metrics}`,
      `no ${RUN_FILES.checkpoint}`,
    ]);
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(/skipped .*bad-json: .*not JSON/);
    expect(warnings.join('\n')).toMatch(/skipped .*holiday-photos: .*file not found/);
    expect(() => planResume(dir)).toThrow(/no checkpoint.safetensors .*nothing to continue/);
  });

  it('an empty or missing runs folder lists nothing; the folder comes from the flag, then the environment', () => {
    expect(listRuns(join(runsDir, 'none'))).toEqual({ runs: [], warnings: [] });
    expect(runsDirOf('x', { NETDASH_RUNS_DIR: 'y' })).toBe('x');
    expect(runsDirOf(undefined, { NETDASH_RUNS_DIR: 'y' })).toBe('y');
    expect(runsDirOf(undefined, {})).toBe('netdash-runs');
  });
});

describe('resuming and removing safely', () => {
  it('refuses to resume a folder that is not a run, a finished run, or a run of another format', async () => {
    expect(() => planResume(runsDir)).toThrow(/--resume: got .*; not a netdash run folder/);
    const { recorder } = await recordRun(runsDir, { config: { epochs: 2 } });
    expect(() => planResume(recorder.dir)).toThrow(/has done 2 of its 2 epochs; give --epochs N above 2/);
    expect(planResume(recorder.dir, { epochs: 4 }).request.config.epochs).toBe(4);
    writeDescription(recorder.dir, { ...readDescription(recorder.dir), status: 'early-stop' });
    expect(() => planResume(recorder.dir)).toThrow(/ended by early stopping/);
    writeDescription(recorder.dir, { ...readDescription(recorder.dir), status: 'aborted', formatVersion: 99 });
    expect(() => planResume(recorder.dir)).toThrow(/run format 99 .* continues format 1 only/);
  });

  it('removes only real run folders inside the runs folder', async () => {
    const { recorder } = await recordRun(runsDir, { config: { epochs: 1 } });
    const outside = mkdtempSync(join(tmpdir(), 'netdash-outside-'));
    try {
      writeFileSync(join(outside, RUN_FILES.description), readFileSync(join(recorder.dir, RUN_FILES.description)));
      expect(removalProblem(runsDir, outside)).toMatch(/is not inside the runs folder/);
      symlinkSync(outside, join(runsDir, 'link'));
      expect(removalProblem(runsDir, join(runsDir, 'link'))).toMatch(/symbolic link/);
      mkdirSync(join(runsDir, 'foreign'));
      expect(removalProblem(runsDir, join(runsDir, 'foreign'))).toMatch(/not a netdash run folder/);
      writeDescription(recorder.dir, { ...readDescription(recorder.dir), status: 'running', pid: process.pid });
      expect(removalProblem(runsDir, recorder.dir)).toMatch(/still recording/);
      writeDescription(recorder.dir, { ...readDescription(recorder.dir), status: 'completed' });
      expect(removalProblem(runsDir, recorder.dir)).toBeUndefined();
      removeRun(recorder.dir);
      expect(existsSync(recorder.dir)).toBe(false);
      expect(existsSync(join(outside, RUN_FILES.description))).toBe(true);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    expect(statSync(runsDir).isDirectory()).toBe(true);
  });
});

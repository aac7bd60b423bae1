// Each trial is a recorded run (docs/runs.md) in `<runsDir>/<trial key>/`: the key is a digest of the
// trial's flags and seed, so a re-queued trial finds its folder again. When that folder holds a
// checkpoint of an attempt that stopped (a worker killed mid-trial, on a shared runs folder), the trial
// continues from it; anything else found there (no checkpoint yet, an ended run) is started afresh.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DoneEvent, EpochMetrics } from '../../../core/types.js';
import { DataError } from '../../../data/errors.js';
import { readMetrics } from '../../../data/runs.js';
import { firstLine } from '../errors.js';
import type { RunRequest } from '../runRequest.js';
import { RunRecorder, recordedData } from '../runsRecorder.js';
import { planResume, type ResumePlan } from '../runsResume.js';
import { removalProblem, removeRun } from '../runsIndex.js';
import type { PreparedRun } from '../runSetup.js';
import { packageVersion } from '../version.js';
import type { TrainPlan } from '../trainPlan.js';
import { preparedContext } from '../eventLines.js';

/** Where a trial is recorded, and the stopped attempt it continues (if any). */
export interface TrialFolder {
  dir: string;
  resume?: ResumePlan;
}

/**
 * The trial's folder in this process's own runs folder (never a path from a job): the checkpoint to
 * continue from when a stopped attempt left one; otherwise a previous record there is removed.
 */
export function findTrialFolder(runsDir: string, key: string, epochs: number): TrialFolder {
  const dir = resolve(join(runsDir, key));
  if (!existsSync(dir)) return { dir };
  try {
    return { dir, resume: planResume(dir, { epochs, what: `trial ${key}` }) };
  } catch (error) {
    // Not resumable: replace it, but only when it is a run (never a stranger's folder) not recording now.
    const problem = removalProblem(runsDir, dir);
    if (problem !== undefined) throw new DataError(dir, `cannot record trial ${key} here: ${problem} (${firstLine(error)})`);
    removeRun(dir);
    return { dir };
  }
}

export interface TrialRecording {
  /** The trial's run folder, reported in trial-done. */
  runDir: string;
  /** The epochs recorded before this attempt (a resumed trial), so the trial's history is whole. */
  earlierEpochs: EpochMetrics[];
  /** Ends the record; throws when recording failed (the trial then fails and is retried). */
  finish(done: DoneEvent): Promise<void>;
}

export interface TrialRecordRequest {
  key: string;
  folder: TrialFolder;
  plan: TrainPlan;
  request: RunRequest;
  prepared: PreparedRun;
  /** Ends the trial's training when a write fails (a full disk). */
  stop: (reason: string) => void;
}

/** Starts recording a prepared trial into its folder (created, or reopened to continue). */
export function openTrialRecord({ key, folder, plan, request, prepared, stop }: TrialRecordRequest): TrialRecording {
  const { trainer } = prepared;
  const { resume } = folder;
  if (!resume) mkdirSync(folder.dir, { recursive: true });
  const recorder = new RunRecorder({
    runsDir: resolve(folder.dir, '..'),
    source: 'sweep',
    trainer,
    folder: { path: folder.dir, name: key },
    context: {
      ...preparedContext(prepared, packageVersion()),
      ...(plan.experiment && { experiment: { id: plan.experiment.id, run: plan.run.label, variant: plan.variant } }),
      ...(resume && { resumedAfter: resume.checkpoint.epoch }),
    },
    data: recordedData(request, prepared),
    stop,
    ...(resume && { resume: { dir: folder.dir, description: resume.description, afterEpoch: resume.checkpoint.epoch } }),
  });
  // The recorder kept the rows up to the checkpoint's epoch: the history before this attempt.
  const earlierEpochs = resume ? readMetrics(folder.dir).rows.map(epochMetrics) : [];
  return {
    runDir: recorder.dir,
    earlierEpochs,
    finish: async (done) => {
      const error = await recorder.finish({ done });
      const failure = recorder.failure ?? error;
      if (failure !== undefined) throw new Error(`trial ${key}: recording failed: ${failure}`);
    },
  };
}

function epochMetrics(row: ReturnType<typeof readMetrics>['rows'][number]): EpochMetrics {
  const metrics: EpochMetrics = {};
  for (const name of ['trainingCost', 'trainingAccuracy', 'validationCost', 'validationAccuracy'] as const) {
    const value = row[name];
    if (value !== undefined) metrics[name] = value;
  }
  return metrics;
}

// One trial, headless: its flags checked exactly as `train` checks them, then the shared run setup
// (prepareRun), the run recorded through trialRecord.ts. The task module of the worker pool
// (src/ui/app/workerPool.ts) for local sweeps and `netdash worker`; each thread caches its data.
import type { EpochMetrics, StopReason, TrainerEvent } from '../../../core/types.js';
import { loadDatasets, type Datasets } from '../../../data/load.js';
import { SplitSizeError } from '../../../data/split.js';
import { RequestError, inWords } from '../requestError.js';
import { prepareRun } from '../runSetup.js';
import type { TaskRunner } from '../workerPool.js';
import { flagWords } from '../trainPlan.js';
import type { TrialArgs } from './params.js';
import { checkTrialArgs } from './planner.js';
import { findTrialFolder, openTrialRecord } from './trialRecord.js';

export interface TrialInput {
  key: string;
  args: TrialArgs;
  /** This process's own data folder and runs folder (never taken from a queued job). */
  dataDir?: string;
  runsDir?: string;
}

export interface TrialOutcome {
  key: string;
  reason: StopReason;
  epochs: number;
  bestEpoch: number;
  best: EpochMetrics;
  final: EpochMetrics;
  seconds: number;
  engine: string;
  trainingSize: number;
  /** Every epoch's metrics, in order. */
  history: EpochMetrics[];
  /** The trial's recorded run, null when not recorded (--no-record). */
  runDir: string | null;
}

/** What a running trial reports: its start and each epoch (not the batch progress). */
export type TrialEvent = Extract<TrainerEvent, { type: 'start' | 'epoch' }>;

const loaded = new Map<string, Datasets>();

function datasetsFor(options: { dataDir?: string; trainingSize?: number; validationSize?: number; expand?: boolean }): Datasets {
  const key = JSON.stringify([options.dataDir, options.trainingSize, options.validationSize, options.expand ?? false]);
  let datasets = loaded.get(key);
  if (!datasets) {
    try {
      datasets = loadDatasets(options);
    } catch (error) {
      if (!(error instanceof SplitSizeError)) throw error;
      const allowed = `a whole number ${error.min}..${error.max} for this data`;
      throw new RequestError([{ field: error.option, value: error.value, allowed }]);
    }
    loaded.set(key, datasets);
  }
  return datasets;
}

export const runTask: TaskRunner<TrialInput, TrialOutcome, TrialEvent> = async (input, emit, signal) => {
  const plan = checkTrialArgs(input.args);
  const request = { ...plan.request, dataDir: input.dataDir };
  const folder = input.runsDir === undefined ? undefined : findTrialFolder(input.runsDir, input.key, request.config.epochs);
  let prepared;
  try {
    prepared = prepareRun(request, datasetsFor(request), { resume: folder?.resume?.checkpoint });
  } catch (error) {
    throw inWords(error, flagWords(plan));
  }
  const { trainer } = prepared;
  const stop = new AbortController();
  const recording = folder && openTrialRecord({ key: input.key, folder, plan, request, prepared, stop: () => stop.abort() });
  const history: EpochMetrics[] = [...(recording?.earlierEpochs ?? [])];
  trainer.on((event) => {
    if (event.type === 'epoch') history.push(event.metrics);
    if (event.type === 'start' || event.type === 'epoch') emit(event);
  });
  const done = await trainer.run(AbortSignal.any([signal, stop.signal]));
  await recording?.finish(done);
  if (done.reason === 'aborted') throw new Error(`trial ${input.key}: aborted`);
  return {
    key: input.key,
    reason: done.reason,
    epochs: done.epochs,
    bestEpoch: done.bestEpoch,
    best: done.best,
    final: done.final,
    seconds: done.seconds,
    engine: trainer.engineName,
    trainingSize: prepared.datasets.training.count,
    history,
    runDir: recording?.runDir ?? null,
  };
};

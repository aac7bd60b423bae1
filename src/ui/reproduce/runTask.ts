// Runs one task headless, through the shared run setup (configForRun / prepareRun), and keeps what
// the report needs: per-epoch curves, the done event and the recorded events.
import { findExperiment, type HeldOut } from '../../core/experiments.js';
import type { DoneEvent, EpochMetrics, TrainerEvent } from '../../core/types.js';
import { loadDatasets, type Datasets } from '../../data/load.js';
import { subset } from '../../data/split.js';
import { RequestError, describeRequestProblem } from '../app/requestError.js';
import { configForRun, prepareRun, type PreparedRun, type RunRequest } from '../app/runSetup.js';
import { RunRecorder, recordedData } from '../app/runsRecorder.js';
import { packageVersion } from '../app/version.js';
import type { CurveMetric } from './bookReference.js';
import type { RunSettings, RunTask } from './plan.js';
import { preparedContext } from '../app/eventLines.js';

/**
 * Events kept for the NDJSON file: everything but the frequent batch-progress events, with the
 * trainer's end-of-run evaluation recorded after 'done' as an end-evaluation that names the set.
 */
export type RecordedEvent = Exclude<TrainerEvent, { type: 'batch' | 'evaluation' }> | EndEvaluationEvent;

/** The held-out set evaluated once after training (runs without per-epoch monitoring). */
export interface EndEvaluationEvent {
  type: 'end-evaluation';
  set: HeldOut;
  accuracy: number;
  correct: number;
  total: number;
  cost: number;
}

export interface RunOutcome {
  key: string;
  experimentId: string;
  runIndex: number;
  seed: number;
  label: string;
  heldOutName: HeldOut;
  trainingSize: number;
  heldOutSize: number;
  engine: string;
  /** Per-epoch values of each monitored metric (empty when not monitored). */
  curves: Record<CurveMetric, number[]>;
  done: DoneEvent;
  endEvaluation?: EndEvaluationEvent;
  events: RecordedEvent[];
}

/** Loads each distinct data selection once per process (seeds of a run share it). */
export class DataCache {
  private readonly loaded = new Map<string, Datasets>();

  get(settings: RunSettings): Datasets {
    const key = JSON.stringify([settings.trainingSize, settings.validationSize, settings.testSize, settings.expand ?? false]);
    let datasets = this.loaded.get(key);
    if (!datasets) {
      datasets = loadDatasets({
        trainingSize: settings.trainingSize,
        validationSize: settings.validationSize,
        expand: settings.expand,
      });
      if (settings.testSize !== undefined && settings.testSize < datasets.test.count) {
        datasets = { ...datasets, test: subset(datasets.test, 0, settings.testSize) };
      }
      this.loaded.set(key, datasets);
    }
    return datasets;
  }
}

const METRICS: CurveMetric[] = ['trainingCost', 'trainingAccuracy', 'validationCost', 'validationAccuracy'];

export async function executeRun(
  task: RunTask,
  data: DataCache,
  onEvent?: (event: TrainerEvent) => void,
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const experiment = findExperiment(task.experimentId);
  const run = experiment?.runs[task.runIndex];
  if (!experiment || !run) throw new Error(`no run ${task.runIndex} in experiment ${task.experimentId}`);
  const datasets = data.get(task.settings);
  const request: RunRequest = {
    config: configForRun(run, task.settings.overrides),
    heldOut: run.heldOut,
    trainingSize: task.settings.trainingSize,
    validationSize: task.settings.validationSize,
    expand: task.settings.expand,
    engine: task.engine,
  };
  let prepared: PreparedRun;
  try {
    prepared = prepareRun(request, datasets);
  } catch (error) {
    // A preset's own problem (a bug, not user input): named by the task and the config field.
    if (error instanceof RequestError) throw new Error(`${task.key}: ${describeRequestProblem(error.problems[0]!)}`);
    throw error;
  }
  const curves: Record<CurveMetric, number[]> = {
    trainingCost: [],
    trainingAccuracy: [],
    validationCost: [],
    validationAccuracy: [],
  };
  const events: RecordedEvent[] = [];
  let evaluation: Extract<TrainerEvent, { type: 'evaluation' }> | undefined;
  prepared.trainer.on((event) => {
    if (event.type === 'evaluation') evaluation = event;
    else if (event.type !== 'batch') events.push(event);
    if (event.type === 'epoch') record(curves, event.metrics);
    onEvent?.(event);
  });
  const stop = new AbortController();
  const recorder = task.runsDir === undefined ? undefined : startRecording(task, prepared, request, () => stop.abort());
  const done = await prepared.trainer.run(signal ? AbortSignal.any([signal, stop.signal]) : stop.signal);
  const recordError = await recorder?.finish({ done });
  if (recorder?.failure !== undefined) throw new Error(`${task.key}: recording failed: ${recorder.failure}`);
  if (recordError !== undefined) throw new Error(`${task.key}: recording failed: ${recordError}`);
  if (done.reason === 'aborted') throw new Error(`${task.key}: aborted`);

  let endEvaluation: EndEvaluationEvent | undefined;
  if (task.settings.evaluateAtEnd) {
    // No evaluation event when the run diverged: the record says so with NaN.
    const { accuracy, correct, total, cost } = evaluation ?? {
      accuracy: NaN,
      correct: NaN,
      total: prepared.heldOut.count,
      cost: NaN,
    };
    endEvaluation = { type: 'end-evaluation', set: prepared.heldOutName, accuracy, correct, total, cost };
    events.push(endEvaluation);
  }
  return {
    key: task.key,
    experimentId: task.experimentId,
    runIndex: task.runIndex,
    seed: task.seed,
    label: run.label,
    heldOutName: prepared.heldOutName,
    trainingSize: datasets.training.count,
    heldOutSize: prepared.heldOut.count,
    engine: prepared.trainer.engineName,
    curves,
    done,
    endEvaluation,
    events,
  };
}

/** Records the run like `netdash train` does, in the task's runs folder. */
function startRecording(task: RunTask, prepared: PreparedRun, request: RunRequest, stop: () => void): RunRecorder {
  const { trainer } = prepared;
  const run = findExperiment(task.experimentId)?.runs[task.runIndex];
  return new RunRecorder({
    runsDir: task.runsDir!,
    source: 'reproduce',
    trainer,
    context: {
      ...preparedContext(prepared, packageVersion()),
      experiment: { id: task.experimentId, run: run?.label ?? `run ${task.runIndex + 1}`, variant: task.runIndex + 1 },
    },
    data: recordedData(request, prepared),
    stop,
  });
}

function record(curves: Record<CurveMetric, number[]>, metrics: EpochMetrics): void {
  for (const metric of METRICS) {
    const value = metrics[metric];
    if (value !== undefined) curves[metric].push(value);
  }
}

// Recorded runs (docs/runs.md) as the dashboard uses them: their metrics as chart series (the `c`
// compare and the Past runs overlay), as the events that redraw a finished run, and as plans that
// reopen or continue one in the dashboard.
import type { HeldOut } from '../../../core/experiments.js';
import type { EpochMetrics, TrainerEvent } from '../../../core/types.js';
import type { MetricRow } from '../../../data/runs.js';
import { listRuns, readRunDetails, type RunDetails, type RunInfo } from '../../app/runsIndex.js';
import type { ResumePlan } from '../../app/runsResume.js';
import type { RunRequest } from '../../app/runRequest.js';
import { MAX_COMPARED_RUNS, RUN_COLOUR_PAIRS } from '../charts/colors.js';
import type { SessionRun } from '../dashboard/dashboardSelectors.js';
import { appendEpochs, EMPTY_SERIES } from '../dashboard/metrics.js';
import type { RunPlan } from '../settings/runPlan.js';

/** Recorded runs are compared under plan ids that no plan of this session has. */
const RECORDED_PLAN_ID = -1;

export function heldOutOf(info: RunInfo): HeldOut {
  return info.description.data.heldOut === 'test' ? 'test' : 'validation';
}

function metricsOf(row: MetricRow): EpochMetrics {
  const { trainingCost, trainingAccuracy, validationCost, validationAccuracy } = row;
  return { trainingCost, trainingAccuracy, validationCost, validationAccuracy };
}

/** A short name: experiment (run label) and the folder's time (UTC, from its name). */
export function recordedLabel(info: RunInfo): string {
  const experiment = info.description.experiment;
  const what = experiment
    ? experiment.run && experiment.run !== experiment.id
      ? `${experiment.id} ${experiment.run}`
      : experiment.id
    : 'custom';
  const time = info.name.slice(9, 15);
  return /^\d{6}$/.test(time) ? `${what} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}` : `${what} ${info.name}`;
}

/** The run's per-epoch metrics as chart series. */
export function recordedSeries(details: RunDetails): SessionRun {
  const epochs = details.rows
    .filter((row) => row.epoch !== undefined && row.epoch > 0)
    .map((row) => ({ epoch: row.epoch!, metrics: metricsOf(row) }));
  return {
    planId: RECORDED_PLAN_ID,
    label: recordedLabel(details),
    heldOut: heldOutOf(details),
    series: appendEpochs(EMPTY_SERIES, epochs),
  };
}

/** The latest recorded runs of an experiment (newest last), leaving out the given folders. */
export function latestRecorded(
  runsDir: string,
  experimentId: string,
  leaveOut: ReadonlySet<string>,
  count: number,
): SessionRun[] {
  let runs: RunInfo[];
  try {
    runs = listRuns(runsDir).runs;
  } catch {
    return [];
  }
  const chosen = runs
    .filter((run) => (run.description.experiment?.id ?? 'custom') === experimentId && !leaveOut.has(run.dir) && run.epochs > 0)
    .slice(0, count);
  return chosen.reverse().flatMap((run) => {
    try {
      return [recordedSeries(readRunDetails(run.dir))];
    } catch {
      return [];
    }
  });
}

/** What `c` compares in a dashboard: the latest recorded runs of its experiment; undefined without a runs folder. */
export function recordedToCompare(runsDir: string | undefined, plan: RunPlan): SessionRun[] | undefined {
  if (runsDir === undefined) return undefined;
  const own = new Set(plan.runs.flatMap((run) => (run.recordedDir === undefined ? [] : [run.recordedDir])));
  return latestRecorded(runsDir, plan.experimentId, own, MAX_COMPARED_RUNS);
}

/** The trainer events that redraw a run's recorded epochs (up to `upTo`), and its end when it ended. */
export function replayEvents(details: RunDetails, upTo = Infinity): TrainerEvent[] {
  const { description } = details;
  const { config, data } = description;
  const events: TrainerEvent[] = [
    {
      type: 'start',
      config,
      trainingSize: data.trainingSize,
      validationSize: data.validationSize,
      batchesPerEpoch: Math.ceil(data.trainingSize / Math.max(1, config.batchSize)),
    },
  ];
  let best: { epoch: number; metrics: EpochMetrics } = { epoch: 0, metrics: {} };
  for (const row of details.rows) {
    const epoch = row.epoch;
    if (epoch === undefined || epoch > upTo) continue;
    const metrics = metricsOf(row);
    const bestEpoch = row.bestEpoch ?? 0;
    if (bestEpoch === epoch) best = { epoch, metrics };
    events.push({
      type: 'epoch',
      epoch,
      metrics,
      learningRate: row.learningRate ?? config.eta,
      trainSeconds: row.trainSeconds ?? 0,
      evalSeconds: row.evalSeconds ?? 0,
      bestEpoch,
      bestMetrics: best.metrics,
      epochsSinceImprovement: Math.max(0, epoch - bestEpoch),
    });
  }
  const result = description.result;
  if (result && upTo === Infinity && details.status !== 'running') {
    const reason = details.status === 'interrupted' ? 'aborted' : details.status;
    events.push({
      type: 'done',
      reason,
      epochs: result.epochs,
      bestEpoch: result.bestEpoch,
      best: result.best,
      final: result.final,
      seconds: result.seconds,
    });
  }
  return events;
}

let nextRecordedPlanId = -1000;

function requestOf(details: RunInfo): RunRequest {
  const { config, data } = details.description;
  return {
    config,
    heldOut: heldOutOf(details),
    trainingSize: data.trainingSubset,
    validationSize: data.validationSubset,
    expand: data.expand,
    dataDir: data.dir ?? undefined,
  };
}

function planOf(details: RunDetails, runs: RunPlan['runs']): RunPlan {
  return {
    id: nextRecordedPlanId--,
    experimentId: details.description.experiment?.id ?? 'custom',
    title: `${recordedLabel(details)} (recorded)`,
    heldOut: heldOutOf(details),
    runs,
    bySize: false,
  };
}

/** A plan that shows a recorded run in the dashboard with all its views, without training. */
export function reopenPlan(details: RunDetails): RunPlan {
  return overlayPlan([details]);
}

/** A plan that redraws a run's recorded epochs and continues it (exactly) in its folder. */
export function resumePlan(details: RunDetails, resume: ResumePlan): RunPlan {
  const trainingSize = details.description.data.trainingSize;
  const replay = replayEvents(details, resume.checkpoint.epoch);
  return planOf(details, [
    { label: recordedLabel(details), request: resume.request, trainingSize, replay, resume, recordedDir: details.dir },
  ]);
}

/** How many recorded runs Enter overlays: the dashboard's run colours, then the compare colours. */
export const MAX_OVERLAID = RUN_COLOUR_PAIRS + MAX_COMPARED_RUNS;

/**
 * A plan that draws several recorded runs at once: the first RUN_COLOUR_PAIRS as the dashboard's
 * runs (a colour pair each), the next ones as compared runs (dashed, a colour each, `c` on).
 */
export function overlayPlan(list: readonly RunDetails[]): RunPlan {
  const shown = list.slice(0, RUN_COLOUR_PAIRS);
  const experiments = new Set(list.map((run) => run.description.experiment?.id ?? 'custom'));
  const plan = planOf(
    list[0]!,
    shown.map((details) => ({
      label: recordedLabel(details),
      request: requestOf(details),
      trainingSize: details.description.data.trainingSize,
      replay: replayEvents(details),
      recordedDir: details.dir,
    })),
  );
  return {
    ...plan,
    experimentId: experiments.size === 1 ? plan.experimentId : 'custom',
    title: list.length === 1 ? plan.title : `${list.length} recorded runs`,
    overlay: list.slice(RUN_COLOUR_PAIRS, MAX_OVERLAID).map(recordedSeries),
  };
}

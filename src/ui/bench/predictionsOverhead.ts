// What recording the held-out predictions costs (the dashboard's confusion and misclassified views,
// `netdash inspect`): the fastest workload trained without and with the predictions and all ten
// outputs recorded each epoch, in alternating runs so that a busy machine's drift hits both alike.
// Recording changes only the evaluation, so the cost is the evaluations' difference (medians) over
// the plain epoch (training pass + evaluation): whole-epoch medians of separate runs differ by more
// than that from noise alone. The views' budget is 5% of an epoch (issue 13).
import type { EngineKind } from '../../core/engines.js';
import type { Datasets } from '../../data/load.js';
import { measureWorkload, median } from './measure.js';
import { WORKLOADS, workloadName } from './workloads.js';

export const PREDICTIONS_BUDGET = 0.05;
/** Pairs of runs (plain, recording). */
const PAIRS = 2;

export interface PredictionsOverhead {
  workload: string;
  /** Median seconds of a plain epoch (training pass + evaluation). */
  epochSeconds: number;
  /** Median seconds of the evaluation without and with the predictions recorded. */
  plainEvalSeconds: number;
  recordingEvalSeconds: number;
  /** (recording − plain evaluation) / plain epoch. */
  overhead: number;
  withinBudget: boolean;
}

export async function measurePredictionsOverhead(
  datasets: Datasets,
  engine: EngineKind,
  epochs: number,
): Promise<PredictionsOverhead> {
  const workload = WORKLOADS[0]!;
  const plainEpochs: number[] = [];
  const plainEvals: number[] = [];
  const recordingEvals: number[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    const plain = await measureWorkload(workload, datasets, engine, epochs);
    plainEpochs.push(...plain.trainSeconds.map((t, i) => t + plain.evalSecondsAll[i]!));
    plainEvals.push(...plain.evalSecondsAll);
    const recording = await measureWorkload(workload, datasets, engine, epochs, { outputs: true });
    recordingEvals.push(...recording.evalSecondsAll);
  }
  const epochSeconds = median(plainEpochs);
  const plainEvalSeconds = median(plainEvals);
  const recordingEvalSeconds = median(recordingEvals);
  const overhead = (recordingEvalSeconds - plainEvalSeconds) / epochSeconds;
  return {
    workload: workloadName(workload),
    epochSeconds,
    plainEvalSeconds,
    recordingEvalSeconds,
    overhead,
    withinBudget: overhead <= PREDICTIONS_BUDGET,
  };
}

// What recording the held-out predictions costs (the dashboard's confusion and misclassified views,
// `netdash inspect`): the fastest workload trained twice, without and with the predictions and all
// ten outputs recorded each epoch, compared by the median epoch (training pass plus evaluation).
// The views' budget is 5% (issue 13).
import type { EngineKind } from '../../core/engines.js';
import type { Datasets } from '../../data/load.js';
import { measureWorkload, median, type WorkloadResult } from './measure.js';
import { WORKLOADS, workloadName } from './workloads.js';

export const PREDICTIONS_BUDGET = 0.05;

export interface PredictionsOverhead {
  workload: string;
  /** Median seconds of an epoch (training pass + evaluation) without and with predictions. */
  plainSeconds: number;
  recordingSeconds: number;
  /** recording / plain − 1. */
  overhead: number;
  withinBudget: boolean;
}

const epochSeconds = (result: WorkloadResult) => median(result.trainSeconds.map((t, i) => t + result.evalSecondsAll[i]!));

export async function measurePredictionsOverhead(
  datasets: Datasets,
  engine: EngineKind,
  epochs: number,
): Promise<PredictionsOverhead> {
  const workload = WORKLOADS[0]!;
  const plain = epochSeconds(await measureWorkload(workload, datasets, engine, epochs));
  const recording = epochSeconds(await measureWorkload(workload, datasets, engine, epochs, { outputs: true }));
  const overhead = recording / plain - 1;
  return {
    workload: workloadName(workload),
    plainSeconds: plain,
    recordingSeconds: recording,
    overhead,
    withinBudget: overhead <= PREDICTIONS_BUDGET,
  };
}

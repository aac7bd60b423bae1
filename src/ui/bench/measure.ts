// Runs the benchmark workloads through the real Trainer, so the figures are the ones a training
// run reports: the epoch events' trainSeconds (the training pass) and evalSeconds (accuracy and
// cost on the 10,000 validation images). The first epoch is a warm-up (the engine compiles,
// packs the data and the JIT settles) and is not counted.
import { makeConfig } from '../../core/config.js';
import { selectEngine, type EngineKind } from '../../core/engines.js';
import { Trainer } from '../../core/trainer.js';
import type { PredictionRequest } from '../../core/types.js';
import type { Datasets } from '../../data/load.js';
import { BENCH_SETTINGS, flopsPerExample, type Workload } from './workloads.js';

export interface WorkloadResult {
  sizes: number[];
  batchSize: number;
  engine: string;
  /** Measured epochs (after the warm-up). */
  epochs: number;
  trainSecondsPerEpoch: number;
  evalSeconds: number;
  examplesPerSecond: number;
  /** Dense-equivalent GFLOP/s of the training pass (see flopsPerExample). */
  gflops: number;
  /** Every measured epoch, for the record. */
  trainSeconds: number[];
  evalSecondsAll: number[];
  validationAccuracy: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function measureWorkload(
  workload: Workload,
  datasets: Datasets,
  engine: EngineKind,
  epochs: number,
  /** Record the validation set's predictions each epoch, as the dashboard's views do. */
  predictions?: PredictionRequest,
): Promise<WorkloadResult> {
  const config = makeConfig({
    sizes: workload.sizes,
    batchSize: workload.batchSize,
    cost: BENCH_SETTINGS.cost,
    eta: BENCH_SETTINGS.eta,
    lambda: BENCH_SETTINGS.lambda,
    epochs: epochs + 1,
    monitorValidationAccuracy: true,
    monitorValidationCost: true,
    restoreBestWeights: false,
  });
  const trainer = new Trainer(
    config,
    { training: datasets.training, validation: datasets.validation },
    { engine: selectEngine(engine), ...(predictions ? { predictions } : {}) },
  );
  const trainSeconds: number[] = [];
  const evalSeconds: number[] = [];
  let validationAccuracy = Number.NaN;
  trainer.on((event) => {
    if (event.type !== 'epoch' || event.epoch === 1) return;
    trainSeconds.push(event.trainSeconds);
    evalSeconds.push(event.evalSeconds);
    validationAccuracy = event.metrics.validationAccuracy ?? Number.NaN;
  });
  const done = await trainer.run();
  if (done.reason !== 'completed') throw new Error(`benchmark run stopped early: ${done.reason}`);
  const train = median(trainSeconds);
  const examples = datasets.training.count;
  return {
    sizes: [...workload.sizes],
    batchSize: workload.batchSize,
    engine: trainer.engineName,
    epochs,
    trainSecondsPerEpoch: train,
    evalSeconds: median(evalSeconds),
    examplesPerSecond: examples / train,
    gflops: (flopsPerExample(workload.sizes) * examples) / train / 1e9,
    trainSeconds,
    evalSecondsAll: evalSeconds,
    validationAccuracy,
  };
}

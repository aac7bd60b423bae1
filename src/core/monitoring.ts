// One epoch's monitoring, as network2.py's monitor_* flags: the training and held-out metrics the
// config asks for (and the held-out predictions when they are recorded), each set evaluated in
// slices so a UI on the same thread stays responsive.
import type { TrainingEngine } from './engine.js';
import { makePredictions } from './predictions.js';
import { penaltyCost, type Penalty } from './regularizers.js';
import type { EpochMetrics, Examples, PredictionRequest, Predictions, TrainConfig } from './types.js';
import { evaluateInSlices, now } from './yielding.js';

export interface MonitoringSetup {
  engine: TrainingEngine;
  config: TrainConfig;
  training: Examples;
  validation?: Examples;
  penalties: Penalty[];
  /** The network's weight arrays (for the regularization term) and its number of outputs. */
  weights: Float64Array[];
  outputSize: number;
  yieldEveryMs: number;
  predictions?: PredictionRequest;
}

export interface EpochMonitoring {
  metrics: EpochMetrics;
  /** Seconds spent computing them, yields to the event loop excluded. */
  evalSeconds: number;
  predictions?: Predictions;
}

/** Mean cost plus the regularization term scaled by the evaluated set's size, as network2.total_cost. */
export function totalCost(penalties: Penalty[], weights: Float64Array[], costSum: number, count: number): number {
  const n = Math.max(1, count);
  return costSum / n + penaltyCost(penalties, weights, n);
}

export async function monitorEpoch(setup: MonitoringSetup): Promise<EpochMonitoring> {
  const { engine, config, training, validation, yieldEveryMs, predictions: request } = setup;
  const cost = (costSum: number, count: number) => totalCost(setup.penalties, setup.weights, costSum, count);
  const clock = { busy: 0 };
  const pullStart = now();
  engine.pull();
  clock.busy += now() - pullStart;
  const metrics: EpochMetrics = {};
  if (config.monitorTrainingCost || config.monitorTrainingAccuracy) {
    const r = await evaluateInSlices(engine, training, config.monitorTrainingCost, yieldEveryMs, clock);
    if (config.monitorTrainingCost) metrics.trainingCost = cost(r.costSum, r.total);
    if (config.monitorTrainingAccuracy) metrics.trainingAccuracy = r.correct / r.total;
  }
  let predictions: Predictions | undefined;
  if (validation && (config.monitorValidationCost || config.monitorValidationAccuracy || request)) {
    predictions = request && makePredictions(validation.count, setup.outputSize, request);
    const r = await evaluateInSlices(engine, validation, config.monitorValidationCost, yieldEveryMs, clock, predictions);
    if (config.monitorValidationCost) metrics.validationCost = cost(r.costSum, r.total);
    if (config.monitorValidationAccuracy) metrics.validationAccuracy = r.correct / r.total;
  }
  return { metrics, evalSeconds: clock.busy / 1000, ...(predictions ? { predictions } : {}) };
}

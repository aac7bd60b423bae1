// The four per-epoch series a run produces, and their names on screen.
import type { HeldOut } from '../../../core/experiments.js';
import type { EpochMetrics } from '../../../core/types.js';

export type Metric = keyof Required<EpochMetrics>;

export const METRICS: readonly Metric[] = ['trainingCost', 'validationCost', 'trainingAccuracy', 'validationAccuracy'];

/** values[i] = metric after epoch i + 1; NaN where the metric was not measured. */
export type MetricSeries = Readonly<Record<Metric, readonly number[]>>;

export const EMPTY_SERIES: MetricSeries = {
  trainingCost: [],
  validationCost: [],
  trainingAccuracy: [],
  validationAccuracy: [],
};

export function isAccuracy(metric: Metric): boolean {
  return metric === 'trainingAccuracy' || metric === 'validationAccuracy';
}

export function isTraining(metric: Metric): boolean {
  return metric === 'trainingCost' || metric === 'trainingAccuracy';
}

/** "training cost", "test acc." — the held-out set is named as what it is. */
export function metricLabel(metric: Metric, heldOut: HeldOut): string {
  const set = isTraining(metric) ? 'training' : heldOut;
  return `${set} ${isAccuracy(metric) ? 'acc.' : 'cost'}`;
}

/** The series with the epochs' metrics appended at their epoch's index. */
export function appendEpochs(series: MetricSeries, epochs: readonly { epoch: number; metrics: EpochMetrics }[]): MetricSeries {
  if (epochs.length === 0) return series;
  const next = {} as Record<Metric, number[]>;
  for (const metric of METRICS) {
    const values = [...series[metric]];
    for (const { epoch, metrics } of epochs) {
      while (values.length < epoch - 1) values.push(Number.NaN);
      values[epoch - 1] = metrics[metric] ?? Number.NaN;
    }
    next[metric] = values;
  }
  return next;
}

/** Whether any value of the metric was measured. */
export function hasValues(values: readonly number[]): boolean {
  return values.some((v) => Number.isFinite(v));
}

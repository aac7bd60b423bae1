// Hand-made plans and trainer events for the pure dashboard tests.
import { makeConfig } from '../../../src/core/config.js';
import type { EpochEvent, EpochMetrics, StartEvent, TrainConfig } from '../../../src/core/types.js';
import type { BookCurveRef } from '../../../src/core/experiments.js';
import type { RunPlan } from '../../../src/ui/tui/settings/runPlan.js';

export function planOf(
  runs: { label: string; config?: Partial<TrainConfig>; trainingSize?: number; bookCurve?: BookCurveRef }[],
  extra: Partial<RunPlan> = {},
): RunPlan {
  return {
    id: 1,
    experimentId: 'test',
    title: 'Test experiment',
    heldOut: 'validation',
    bySize: false,
    runs: runs.map((run) => ({
      label: run.label,
      request: { config: makeConfig(run.config), heldOut: 'validation' },
      trainingSize: run.trainingSize ?? 1000,
      bookCurve: run.bookCurve,
    })),
    ...extra,
  };
}

export function startEvent(config: Partial<TrainConfig> = {}): StartEvent {
  return { type: 'start', config: makeConfig(config), trainingSize: 1000, validationSize: 500, batchesPerEpoch: 100 };
}

export function epochEvent(epoch: number, metrics: EpochMetrics, best = { epoch, metrics }): EpochEvent {
  return {
    type: 'epoch',
    epoch,
    metrics,
    learningRate: 0.5,
    trainSeconds: 1,
    evalSeconds: 0.5,
    bestEpoch: best.epoch,
    bestMetrics: best.metrics,
    epochsSinceImprovement: epoch - best.epoch,
  };
}

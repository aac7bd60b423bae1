// The shared vocabulary of the core: what a run is configured with, what data it consumes
// and which events it emits. The UI and CLI depend on these types, never on internals.
import type { CostName } from './costs.js';

/** A labelled set of images, pixels kept as bytes (scaled by 1/255 only when a batch is formed). */
export interface Examples {
  /** Number of examples. */
  readonly count: number;
  /** Inputs per example (784 for 28×28 MNIST). */
  readonly inputSize: number;
  /** `count × inputSize` bytes, row-major, 0..255. */
  readonly pixels: Uint8Array;
  /** `count` labels, each below the network's output size. */
  readonly labels: Uint8Array;
}

/**
 * Each example's prediction, written by an evaluation when asked for (arrays as long as the set).
 * The predicted class is the largest output, the first one on ties (as the correct count counts it).
 */
export interface Predictions {
  /** Outputs per example (10 for MNIST). */
  readonly classes: number;
  /** Predicted class per example. */
  readonly predicted: Uint8Array;
  /** The predicted class's output activation per example (the network's confidence). */
  readonly confidence: Float32Array;
  /** All output activations, `count × classes` row-major, when asked for. */
  readonly outputs?: Float32Array;
}

/** What an evaluation should hand out besides its counts: the predictions, with or without all outputs. */
export interface PredictionRequest {
  outputs: boolean;
}

// Cost names are listed once, beside the costs (COSTS in costs.ts).
export type { CostName };

/** The weight initializations (Network.initialize): N(0, 1/n_in) weights, or the book's "large" N(0, 1). */
export const INIT_NAMES = ['default', 'large'] as const;
export type InitName = (typeof INIT_NAMES)[number];

/** The metrics early stopping, the schedule and "best epoch" can watch. */
export const MONITOR_NAMES = ['val-accuracy', 'val-cost'] as const;
export type MonitorName = (typeof MONITOR_NAMES)[number];

/** Everything that shapes one training run; the book's notation where it has one. */
export interface TrainConfig {
  /** Layer sizes, e.g. [784, 30, 10]. */
  sizes: number[];
  cost: CostName;
  init: InitName;
  /** Learning rate η. */
  eta: number;
  /** Mini-batch size m. */
  batchSize: number;
  epochs: number;
  /** L2 regularization λ (0 = off). */
  lambda: number;
  /** L1 regularization λ (0 = off). */
  l1: number;
  /** Probability of dropping each hidden neuron during training (0 = off). */
  dropout: number;
  /** Momentum coefficient μ (0 = plain SGD). */
  momentum: number;
  /** Early stopping / schedule patience in epochs (undefined = no early stopping). */
  patience?: number;
  /** Smallest change of the monitored metric that counts as an improvement. */
  minDelta: number;
  /** Metric watched by early stopping, the schedule and "best epoch". */
  monitor: MonitorName;
  /** Halve η each time the monitored metric plateaus for `patience` epochs; stop below η₀/128. */
  schedule: boolean;
  seed: number;
  /** Which per-epoch metrics to compute. */
  monitorTrainingCost: boolean;
  monitorTrainingAccuracy: boolean;
  monitorValidationCost: boolean;
  monitorValidationAccuracy: boolean;
  /** Restore the weights of the best epoch when the run ends (needs a validation metric). */
  restoreBestWeights: boolean;
}

/** The metrics of one epoch; a metric that was not monitored is absent. Accuracies are fractions 0..1. */
export interface EpochMetrics {
  trainingCost?: number;
  trainingAccuracy?: number;
  validationCost?: number;
  validationAccuracy?: number;
}

export type StopReason = 'completed' | 'early-stop' | 'schedule' | 'diverged' | 'aborted';

export interface StartEvent {
  type: 'start';
  config: TrainConfig;
  trainingSize: number;
  validationSize: number;
  batchesPerEpoch: number;
}

export interface BatchEvent {
  type: 'batch';
  epoch: number;
  /** Mini-batches done so far in this epoch. */
  batch: number;
  batches: number;
  examplesPerSecond: number;
}

export interface EpochEvent {
  type: 'epoch';
  /** 1-based. */
  epoch: number;
  metrics: EpochMetrics;
  learningRate: number;
  /** Wall time of the training pass of this epoch, without the yields to the event loop (and pauses). */
  trainSeconds: number;
  /** Wall time of this epoch's monitoring (evaluation), without the yields to the event loop. */
  evalSeconds: number;
  /** Best epoch so far by the monitored metric (0 when nothing is monitored). */
  bestEpoch: number;
  bestMetrics: EpochMetrics;
  epochsSinceImprovement: number;
  /** The held-out set's predictions from this epoch's evaluation (only when the trainer records them). */
  predictions?: Predictions;
}

export interface LearningRateEvent {
  type: 'lr';
  epoch: number;
  from: number;
  to: number;
}

/**
 * The held-out set measured once after training, when no held-out metric was monitored per epoch
 * (e.g. the more-data runs). Emitted just before 'done', whose `final` carries the same accuracy and cost.
 */
export interface EvaluationEvent {
  type: 'evaluation';
  /** Fraction 0..1. */
  accuracy: number;
  correct: number;
  total: number;
  /** Mean cost plus the regularization term. */
  cost: number;
  /** The held-out set's predictions (only when the trainer records them). */
  predictions?: Predictions;
}

export interface DoneEvent {
  type: 'done';
  reason: StopReason;
  /** Epochs actually run. */
  epochs: number;
  /** The epoch whose weights the network ends with: the best one, else the last finite one (0: none, e.g. diverged in epoch 1). */
  bestEpoch: number;
  best: EpochMetrics;
  /**
   * Metrics after the last epoch. When no held-out metric was monitored per epoch, the held-out
   * set is evaluated once at the end (an 'evaluation' event) and its cost and accuracy appear here
   * (and in `best`).
   */
  final: EpochMetrics;
  seconds: number;
}

export type TrainerEvent = StartEvent | BatchEvent | EpochEvent | LearningRateEvent | EvaluationEvent | DoneEvent;
export type TrainerListener = (event: TrainerEvent) => void;

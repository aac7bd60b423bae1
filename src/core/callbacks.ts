// Training control as callbacks, the protocol of Keras and tfjs-layers. After each epoch the trainer
// feeds one shared BestTracker the monitored metric, then calls each callback's onEpochEnd with a
// control that has two levers: stop the run, or set η for the next epoch. Early stopping, the plateau
// schedule and best-weight keeping read that one tracker; they know nothing of networks, so they are
// tested on plain number sequences with a fake control (as Keras / tfjs test EarlyStopping).
import type { EpochMetrics, MonitorName, StopReason, TrainConfig } from './types.js';

export type Direction = 'max' | 'min';

export interface TrackerState {
  /** Whether the latest value improved on the best by more than minDelta. */
  improved: boolean;
  best: number;
  /** 1-based epoch of the best value (0 before any finite value). */
  bestEpoch: number;
  /** Epochs in the current patience window: since the last improvement, or since a callback restarted it. */
  epochsSinceImprovement: number;
}

/** Remembers the best value of a metric and how long ago it was reached. */
export class BestTracker {
  private state: TrackerState = { improved: false, best: Number.NaN, bestEpoch: 0, epochsSinceImprovement: 0 };
  private epoch = 0;

  constructor(
    readonly direction: Direction,
    readonly minDelta = 0,
  ) {
    if (!(minDelta >= 0)) throw new RangeError(`minDelta must be ≥ 0, got ${minDelta}`);
  }

  /** Records one epoch's value; the returned state is a snapshot (a later restart does not change it). */
  observe(value: number): TrackerState {
    this.epoch++;
    const { best } = this.state;
    const better =
      Number.isFinite(value) &&
      (this.state.bestEpoch === 0 || (this.direction === 'max' ? value > best + this.minDelta : value < best - this.minDelta));
    this.state = better
      ? { improved: true, best: value, bestEpoch: this.epoch, epochsSinceImprovement: 0 }
      : { ...this.state, improved: false, epochsSinceImprovement: this.state.epochsSinceImprovement + 1 };
    return this.state;
  }

  /** Starts a new patience window without forgetting the best (after η is halved). */
  restartPatience(): void {
    this.state = { ...this.state, epochsSinceImprovement: 0 };
  }

  get current(): TrackerState {
    return this.state;
  }

  /** The tracker as plain data (for checkpoints): its state and the epochs it has seen. */
  exportState(): TrackerSnapshot {
    return { ...this.state, epochs: this.epoch };
  }

  importState(saved: TrackerSnapshot): void {
    const { epochs, ...state } = saved;
    this.state = { ...state };
    this.epoch = epochs;
  }
}

/** A BestTracker's state plus the number of epochs it has observed. */
export interface TrackerSnapshot extends TrackerState {
  epochs: number;
}

/** The tracker for a run's monitored metric: accuracy upwards, cost downwards. */
export function trackerFor(monitor: MonitorName, minDelta: number): BestTracker {
  return new BestTracker(monitor === 'val-cost' ? 'min' : 'max', minDelta);
}

/** This epoch's value of the monitored metric; NaN when it was not computed (never an improvement). */
export function monitoredValue(metrics: EpochMetrics, monitor: MonitorName): number {
  return (monitor === 'val-cost' ? metrics.validationCost : metrics.validationAccuracy) ?? Number.NaN;
}

/** The reasons a callback may give for ending a run. */
export type CallbackStopReason = Extract<StopReason, 'early-stop' | 'schedule'>;

/** The levers a callback has on the run, after an epoch. */
export interface EpochControl {
  /** η of the epoch that just ended. */
  readonly eta: number;
  /** Ends the run after this epoch (the first request wins). */
  stop(reason: CallbackStopReason): void;
  /** η for the next epoch; ignored when the run stops. */
  setEta(eta: number): void;
}

export interface TrainingCallback {
  onTrainBegin?(): void;
  /** Called after the epoch event, in list order; a stop or η change takes effect once all have run. */
  onEpochEnd?(epoch: number, metrics: EpochMetrics, control: EpochControl): void;
  onTrainEnd?(reason: StopReason): void;
}

function checkPatience(patience: number): void {
  if (!Number.isInteger(patience) || patience < 1) {
    throw new RangeError(`patience must be a whole number ≥ 1, got ${patience}`);
  }
}

/** Stop when the metric has not improved by more than minDelta for `patience` epochs in a row. */
export class EarlyStopping implements TrainingCallback {
  constructor(
    private readonly tracker: BestTracker,
    readonly patience: number,
  ) {
    checkPatience(patience);
  }

  onEpochEnd(_epoch: number, _metrics: EpochMetrics, control: EpochControl): void {
    if (this.tracker.current.epochsSinceImprovement >= this.patience) control.stop('early-stop');
  }
}

export interface PlateauScheduleOptions {
  patience: number;
  /** η₀, the starting learning rate. */
  eta: number;
  /** Multiplier applied on each plateau (the book halves). */
  factor?: number;
  /** Stop once η falls below η₀ × this (the book: 1/128). */
  minRatio?: number;
}

/**
 * The chapter's learning-rate schedule: each time the metric has not improved for `patience`
 * epochs, multiply η by `factor` (½) and restart the patience window; stop instead once the new η
 * would be below η₀ · minRatio (η₀/128).
 */
export class PlateauSchedule implements TrainingCallback {
  private readonly factor: number;
  private readonly floor: number;

  constructor(
    private readonly tracker: BestTracker,
    private readonly options: PlateauScheduleOptions,
  ) {
    checkPatience(options.patience);
    if (!(options.eta > 0)) throw new RangeError(`eta must be > 0, got ${options.eta}`);
    this.factor = options.factor ?? 0.5;
    this.floor = options.eta * (options.minRatio ?? 1 / 128);
  }

  onEpochEnd(_epoch: number, _metrics: EpochMetrics, control: EpochControl): void {
    if (this.tracker.current.epochsSinceImprovement < this.options.patience) return;
    this.tracker.restartPatience();
    const eta = control.eta * this.factor;
    if (eta < this.floor) control.stop('schedule');
    else control.setEta(eta);
  }
}

/** Where BestWeights copies parameters from and back to (the trainer: the network and its engine). */
export interface ParameterStore<P> {
  snapshot(): P;
  restore(parameters: P): void;
}

/**
 * Keeps the parameters of the best epoch and restores them when the run ends, like Keras'
 * restore_best_weights; not after a divergence, whose last good parameters the trainer keeps.
 */
export class BestWeights<P> implements TrainingCallback {
  private best: { parameters: P } | undefined;

  constructor(
    private readonly tracker: BestTracker,
    private readonly store: ParameterStore<P>,
  ) {}

  onEpochEnd(): void {
    if (this.tracker.current.improved) this.best = { parameters: this.store.snapshot() };
  }

  onTrainEnd(reason: StopReason): void {
    if (this.best && reason !== 'diverged') this.store.restore(this.best.parameters);
  }

  /** The kept parameters, if an epoch improved (for checkpoints). */
  get kept(): P | undefined {
    return this.best?.parameters;
  }

  /** Keeps these parameters as the best ones (when continuing from a checkpoint). */
  keep(parameters: P): void {
    this.best = { parameters };
  }
}

/** What the callbacks asked for after an epoch. */
export interface EpochRequests {
  stop?: CallbackStopReason;
  eta?: number;
}

/** Calls the callbacks in order (as Keras' CallbackList) and gathers their requests after an epoch. */
export class CallbackList {
  constructor(readonly callbacks: readonly TrainingCallback[]) {}

  trainBegin(): void {
    for (const callback of this.callbacks) callback.onTrainBegin?.();
  }

  /** A stop wins over a new η; an η equal to the current one is no request. */
  epochEnd(epoch: number, metrics: EpochMetrics, eta: number): EpochRequests {
    const requests: EpochRequests = {};
    const control: EpochControl = {
      eta,
      stop: (reason) => void (requests.stop ??= reason),
      setEta: (next) => {
        if (!(next > 0 && Number.isFinite(next))) throw new RangeError(`eta must be a finite number > 0, got ${next}`);
        requests.eta = next;
      },
    };
    for (const callback of this.callbacks) callback.onEpochEnd?.(epoch, metrics, control);
    if (requests.stop || requests.eta === eta) delete requests.eta;
    return requests;
  }

  trainEnd(reason: StopReason): void {
    for (const callback of this.callbacks) callback.onTrainEnd?.(reason);
  }
}

export type ControlConfig = Pick<TrainConfig, 'patience' | 'schedule' | 'eta' | 'restoreBestWeights'>;

/**
 * The callbacks a run's config asks for, all reading the tracker of its monitored metric. Early
 * stopping and the schedule watch a held-out metric: without a held-out set they stay off.
 */
export function callbacksFor<P>(
  config: ControlConfig,
  tracker: BestTracker,
  run: { heldOut: boolean; parameters: ParameterStore<P> },
): TrainingCallback[] {
  const callbacks: TrainingCallback[] = [];
  if (run.heldOut && config.patience !== undefined) {
    callbacks.push(
      config.schedule
        ? new PlateauSchedule(tracker, { patience: config.patience, eta: config.eta })
        : new EarlyStopping(tracker, config.patience),
    );
  }
  if (config.restoreBestWeights) callbacks.push(new BestWeights(tracker, run.parameters));
  return callbacks;
}

// Training-control observers fed one number per epoch. They know nothing of networks, so they
// are tested on plain number sequences (as Keras / tfjs test EarlyStopping).

export type Direction = 'max' | 'min';

export interface TrackerState {
  /** Whether the latest value improved on the best by more than minDelta. */
  improved: boolean;
  best: number;
  /** 1-based epoch of the best value (0 before any finite value). */
  bestEpoch: number;
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

  observe(value: number): TrackerState {
    this.epoch++;
    const { best } = this.state;
    const better =
      Number.isFinite(value) &&
      (this.state.bestEpoch === 0 ||
        (this.direction === 'max' ? value > best + this.minDelta : value < best - this.minDelta));
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
}

export interface EarlyStoppingOptions {
  direction: Direction;
  patience: number;
  minDelta?: number;
}

/** Stop when the metric has not improved by more than minDelta for `patience` epochs in a row. */
export class EarlyStopping {
  private readonly tracker: BestTracker;
  readonly patience: number;

  constructor(options: EarlyStoppingOptions) {
    if (!Number.isInteger(options.patience) || options.patience < 1) {
      throw new RangeError(`patience must be a whole number ≥ 1, got ${options.patience}`);
    }
    this.patience = options.patience;
    this.tracker = new BestTracker(options.direction, options.minDelta ?? 0);
  }

  observe(value: number): TrackerState & { stop: boolean } {
    const state = this.tracker.observe(value);
    return { ...state, stop: state.epochsSinceImprovement >= this.patience };
  }
}

export interface PlateauScheduleOptions extends EarlyStoppingOptions {
  /** η₀, the starting learning rate. */
  eta: number;
  /** Multiplier applied on each plateau (the book halves). */
  factor?: number;
  /** Stop once η falls below η₀ × this (the book: 1/128). */
  minRatio?: number;
}

export interface ScheduleDecision extends TrackerState {
  eta: number;
  changed: boolean;
  stop: boolean;
}

/**
 * The chapter's learning-rate schedule: each time the metric has not improved for `patience`
 * epochs, multiply η by `factor` (½); stop once η < η₀ · minRatio (η₀/128).
 */
export class PlateauSchedule {
  private readonly tracker: BestTracker;
  private eta: number;
  private readonly floor: number;

  constructor(private readonly options: PlateauScheduleOptions) {
    if (!Number.isInteger(options.patience) || options.patience < 1) {
      throw new RangeError(`patience must be a whole number ≥ 1, got ${options.patience}`);
    }
    if (!(options.eta > 0)) throw new RangeError(`eta must be > 0, got ${options.eta}`);
    this.tracker = new BestTracker(options.direction, options.minDelta ?? 0);
    this.eta = options.eta;
    this.floor = options.eta * (options.minRatio ?? 1 / 128);
  }

  observe(value: number): ScheduleDecision {
    const state = this.tracker.observe(value);
    if (state.epochsSinceImprovement < this.options.patience) {
      return { ...state, eta: this.eta, changed: false, stop: false };
    }
    this.eta *= this.options.factor ?? 0.5;
    this.tracker.restartPatience();
    return { ...state, eta: this.eta, changed: true, stop: this.eta < this.floor };
  }
}

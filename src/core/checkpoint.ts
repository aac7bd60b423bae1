// A run's resumable state as plain data. The Trainer hands one to its checkpoint listeners after each
// epoch and starts from one (TrainerOptions.resume); src/data stores it (runCheckpoint.ts).
import { identityOrder } from './batches.js';
import type { TrackerSnapshot } from './callbacks.js';
import type { EngineState } from './engine.js';
import type { Gradients } from './network.js';
import { Rng, type RngState } from './rng.js';
import type { EpochMetrics } from './types.js';

/**
 * Everything the next epoch needs, as plain data: taken after each epoch (once the callbacks have
 * acted), so a run continued from it ends exactly as the uninterrupted run. Early stopping and the
 * schedule keep no state of their own: they read the tracker, and the schedule's η is `eta`.
 */
export interface TrainerCheckpoint {
  /** Epochs completed; training continues with epoch + 1. */
  epoch: number;
  /** η of the next epoch. */
  eta: number;
  /** Wall seconds of the run so far (all sessions). */
  seconds: number;
  /** The shared tracker of the monitored metric. */
  tracker: TrackerSnapshot;
  /** Metrics of the last epoch, and of the best one (absent until the monitored metric improved once). */
  final: EpochMetrics;
  best?: EpochMetrics;
  /**
   * The generators. The training order is not stored: each epoch shuffles the previous order, so
   * it is replayed from the seed (`epoch` shuffles), which must end in `shuffle`'s state.
   */
  rng: { init: RngState; shuffle: RngState; dropout: RngState };
  /** Parameters and momentum velocities in the engine's precision. */
  engine: EngineState;
  /** The best epoch's parameters kept by BestWeights (runs that restore the best weights). */
  bestWeights?: Gradients;
}

export type CheckpointListener = (checkpoint: TrainerCheckpoint) => void;

/** The seed offsets of the shuffling and dropout generators. */
export const SHUFFLE_STREAM = 0x5f3759df;
const DROPOUT_STREAM = 0x2545f491;

/** A run's seeded generators: separate streams, so turning dropout on changes neither the initial weights nor the shuffles. */
export class RunGenerators {
  readonly init: Rng;
  readonly shuffle: Rng;
  readonly dropout: Rng;

  constructor(seed: number) {
    this.init = new Rng(seed);
    this.shuffle = new Rng(seed ^ SHUFFLE_STREAM);
    this.dropout = new Rng(seed ^ DROPOUT_STREAM);
  }

  getState(): TrainerCheckpoint['rng'] {
    return { init: this.init.getState(), shuffle: this.shuffle.getState(), dropout: this.dropout.getState() };
  }

  setState(state: TrainerCheckpoint['rng']): void {
    this.init.setState(state.init);
    this.shuffle.setState(state.shuffle);
    this.dropout.setState(state.dropout);
  }
}

/** The training order after a checkpoint's epochs: the same shuffles again from the seed, checked against its state. */
export function replayOrder(count: number, seed: number, from: TrainerCheckpoint): Uint32Array {
  const order = identityOrder(count);
  const replay = new Rng(seed ^ SHUFFLE_STREAM);
  for (let epoch = 0; epoch < from.epoch; epoch++) replay.shuffle(order);
  if (replay.getState().state !== from.rng.shuffle.state) {
    throw new RangeError(`checkpoint: ${from.epoch} shuffles of ${count} examples do not replay its order (other data or seed)`);
  }
  return order;
}

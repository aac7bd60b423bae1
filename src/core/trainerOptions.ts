// What a Trainer is given: the data it trains and monitors on, and the options of a run (a network or
// checkpoint to continue from, the engine, extra callbacks, recorded predictions, yield timing).
import type { TrainingCallback } from './callbacks.js';
import type { TrainerCheckpoint } from './checkpoint.js';
import type { TrainingEngine } from './engine.js';
import type { Network } from './network.js';
import type { Rng } from './rng.js';
import type { Examples, PredictionRequest } from './types.js';

export interface TrainerData {
  training: Examples;
  /** Held-out set for validation metrics, early stopping and "best epoch". */
  validation?: Examples;
}

export type EngineFactory = (network: Network, dropoutRng: Rng) => TrainingEngine;

export interface TrainerOptions {
  /** Continue from this network instead of a freshly initialized one (e.g. a loaded file). */
  network?: Network;
  engine?: EngineFactory;
  /** Longest stretch of computation between two yields to the event loop. */
  yieldEveryMs?: number;
  /** Smallest interval between two batch-progress events. */
  batchEventEveryMs?: number;
  /** Called after the ones the config asks for (early stopping, schedule, best weights). */
  callbacks?: TrainingCallback[];
  /**
   * Record the held-out set's predictions in each epoch's evaluation and hand them out with the
   * 'epoch' (and 'evaluation') event; `outputs` keeps all output activations too. Off by default.
   * When on, the held-out set is evaluated every epoch even if no held-out metric is monitored.
   */
  predictions?: PredictionRequest;
  /** Continue a run from this checkpoint (same config, data and engine): its next epoch is checkpoint.epoch + 1. */
  resume?: TrainerCheckpoint;
}

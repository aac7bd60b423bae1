// Turns "what the user asked for" (a preset run, overrides, a data folder, a saved network) into a
// ready Trainer. Shared by the CLI, the TUI and `netdash reproduce` so all three run alike.
import { makeConfig } from '../../core/config.js';
import { selectEngine, type EngineKind } from '../../core/engines.js';
import type { ExperimentRun, HeldOut } from '../../core/experiments.js';
import { Trainer } from '../../core/trainer.js';
import type { Examples, TrainConfig } from '../../core/types.js';
import { loadDatasets, type Datasets } from '../../data/load.js';
import { loadNetwork } from '../../data/modelFile.js';

export interface RunRequest {
  config: TrainConfig;
  /** The set monitored each epoch as "validation" (the book sometimes used the test set). */
  heldOut: HeldOut;
  trainingSize?: number;
  validationSize?: number;
  expand?: boolean;
  dataDir?: string;
  /** Continue from a saved network (its sizes and cost replace the config's). */
  loadFrom?: string;
  engine?: EngineKind;
  /** Longest computation between two yields to the event loop (the TUI asks for less than the default). */
  yieldEveryMs?: number;
}

export interface PreparedRun {
  trainer: Trainer;
  config: TrainConfig;
  datasets: Datasets;
  /** The set the trainer monitors as validation. */
  heldOut: Examples;
  heldOutName: HeldOut;
}

/** The config of a preset run with user overrides on top. */
export function configForRun(run: ExperimentRun, overrides: Partial<TrainConfig> = {}): TrainConfig {
  return makeConfig({ ...run.config, ...overrides });
}

/** Loads data (or reuses `datasets`) and builds the trainer. Throws DataError on bad files. */
export function prepareRun(request: RunRequest, datasets?: Datasets): PreparedRun {
  const data =
    datasets ??
    loadDatasets({
      dataDir: request.dataDir,
      trainingSize: request.trainingSize,
      validationSize: request.validationSize,
      expand: request.expand,
    });
  const network = request.loadFrom ? loadNetwork(request.loadFrom) : undefined;
  const config = network ? { ...request.config, sizes: [...network.sizes], cost: network.cost.name } : request.config;
  const heldOut = request.heldOut === 'test' ? data.test : data.validation;
  const trainer = new Trainer(
    config,
    { training: data.training, validation: heldOut },
    { network, engine: selectEngine(request.engine), yieldEveryMs: request.yieldEveryMs },
  );
  return { trainer, config, datasets: data, heldOut, heldOutName: request.heldOut };
}

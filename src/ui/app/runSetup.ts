// Turns "what the user asked for" (a preset run, overrides, a data folder, a saved network) into a
// ready Trainer, checking the request against the data on the way. Shared by the CLI, the TUI and
// `netdash reproduce` so all three run alike and reject alike (RequestError, worded by each).
import { selectEngine } from '../../core/engines.js';
import type { HeldOut } from '../../core/experiments.js';
import { Trainer, type TrainerCheckpoint } from '../../core/trainer.js';
import type { Examples, PredictionRequest, TrainConfig } from '../../core/types.js';
import { loadDatasets, type Datasets } from '../../data/load.js';
import { CLASS_COUNT } from '../../data/mnist.js';
import { loadNetwork } from '../../data/modelFile.js';
import { SplitSizeError } from '../../data/split.js';
import { RequestError, type RequestProblem } from './requestError.js';
import { checkAgainstData, checkRequest, type RunRequest } from './runRequest.js';

export { configForRun, type RunRequest } from './runRequest.js';

export interface PreparedRun {
  trainer: Trainer;
  config: TrainConfig;
  datasets: Datasets;
  /** The set the trainer monitors as validation. */
  heldOut: Examples;
  heldOutName: HeldOut;
}

function throwIfAny(problems: readonly RequestProblem[]): void {
  if (problems.length > 0) throw new RequestError(problems);
}

/** Loads the data; a subset larger than the data is a problem of that request key. */
function loadData(request: RunRequest): Datasets {
  try {
    return loadDatasets({
      dataDir: request.dataDir,
      trainingSize: request.trainingSize,
      validationSize: request.validationSize,
      expand: request.expand,
    });
  } catch (error) {
    if (!(error instanceof SplitSizeError)) throw error;
    const allowed = `a whole number ${error.min}..${error.max} for this data`;
    throw new RequestError([{ field: error.option, value: error.value, allowed }]);
  }
}

export interface PrepareOptions {
  /** Continue from this checkpoint. */
  resume?: TrainerCheckpoint;
  /** Hand out the held-out predictions with each epoch event (the dashboard's views 7–0). */
  predictions?: PredictionRequest;
}

/**
 * Checks the request, loads data (or reuses `datasets`) and a saved network, checks them against
 * each other and builds the trainer (continuing from `options.resume` when given). Throws
 * RequestError for bad values, DataError for bad files.
 */
export function prepareRun(request: RunRequest, datasets?: Datasets, options: PrepareOptions = {}): PreparedRun {
  throwIfAny(checkRequest(request));
  const data = datasets ?? loadData(request);
  // An empty name is a mistake, not "no file": loadNetwork refuses it in one line.
  const network = request.loadFrom !== undefined ? loadNetwork(request.loadFrom) : undefined;
  const { config, problems } = checkAgainstData(request, { inputSize: data.training.inputSize, classes: CLASS_COUNT }, network);
  throwIfAny(problems);
  const heldOut = request.heldOut === 'test' ? data.test : data.validation;
  const trainer = new Trainer(
    config,
    { training: data.training, validation: heldOut },
    {
      network,
      engine: selectEngine(request.engine),
      yieldEveryMs: request.yieldEveryMs,
      resume: options.resume,
      predictions: options.predictions,
    },
  );
  return { trainer, config, datasets: data, heldOut, heldOutName: request.heldOut };
}

// Continuing a recorded run (train --resume, later the dashboard): check that the folder is a run of
// this format that can go on, read its checkpoint, and rebuild its request from the description, so
// the continued run trains on the same data, config and engine and ends exactly as if never stopped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainerCheckpoint } from '../../core/checkpoint.js';
import type { PredictionRequest } from '../../core/types.js';
import { ENGINE_KINDS, type EngineKind } from '../../core/engines.js';
import { HELD_OUT_NAMES, type HeldOut } from '../../core/experiments.js';
import { EngineStateError } from '../../core/engine.js';
import { DataError } from '../../data/errors.js';
import { loadDatasets } from '../../data/load.js';
import { RUN_FILES, RUN_FORMAT_VERSION, readDescription, type RunDescription } from '../../data/runs.js';
import { readCheckpoint } from '../../data/runsCheckpoint.js';
import { UsageError } from './errors.js';
import type { RunRequest } from './runRequest.js';
import { prepareRun, type PreparedRun } from './runSetup.js';
import { stillRunning } from './runsIndex.js';

export interface ResumePlan {
  dir: string;
  description: RunDescription;
  checkpoint: TrainerCheckpoint;
  request: RunRequest;
}

const ENDED: Partial<Record<RunDescription['status'], string>> = {
  'early-stop': 'ended by early stopping',
  schedule: 'ended by the learning-rate schedule',
  diverged: 'diverged',
};

/**
 * Everything checkable before loading data: the folder is a netdash run of this format, not running,
 * with a checkpoint, not finished on its own (a completed run may be extended with a larger `epochs`).
 * `what` names the argument in errors. Throws UsageError (or DataError for a damaged checkpoint).
 */
export function planResume(dir: string, options: { epochs?: number; what?: string } = {}): ResumePlan {
  const what = options.what ?? '--resume';
  let description: RunDescription;
  try {
    description = readDescription(dir);
  } catch (error) {
    throw new UsageError(
      `${what}: got ${dir}; not a netdash run folder (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (description.formatVersion !== RUN_FORMAT_VERSION) {
    throw new UsageError(
      `${what}: got ${dir}; recorded in run format ${description.formatVersion} by netdash ${description.netdashVersion}, this netdash continues format ${RUN_FORMAT_VERSION} only`,
    );
  }
  if (stillRunning(description))
    throw new UsageError(`${what}: got ${dir}; the run is still recording (process ${description.pid})`);
  const ended = ENDED[description.status];
  if (ended)
    throw new UsageError(
      `${what}: got ${dir}; the run ${ended} after ${description.result?.epochs ?? '?'} epochs; nothing to continue`,
    );
  const file = join(dir, RUN_FILES.checkpoint);
  if (!existsSync(file))
    throw new UsageError(
      `${what}: got ${dir}; no ${RUN_FILES.checkpoint} (stopped before its first epoch ended); nothing to continue`,
    );
  const { checkpoint } = readCheckpoint(file);
  const epochs = options.epochs ?? description.config.epochs;
  if (epochs < checkpoint.epoch || (epochs === checkpoint.epoch && description.status === 'completed')) {
    throw new UsageError(
      `${what}: got ${dir}; the run has done ${checkpoint.epoch} of its ${description.config.epochs} epochs; give --epochs N above ${checkpoint.epoch} to extend it`,
    );
  }
  const { data } = description;
  const engine = description.engine as EngineKind;
  const heldOut = data.heldOut as HeldOut;
  if (!ENGINE_KINDS.includes(engine) || !HELD_OUT_NAMES.includes(heldOut))
    throw new DataError(join(dir, RUN_FILES.description), 'unknown engine or held-out set');
  const request: RunRequest = {
    config: { ...description.config, epochs },
    heldOut,
    trainingSize: data.trainingSubset,
    validationSize: data.validationSubset,
    expand: data.expand,
    dataDir: data.dir ?? undefined,
    engine,
  };
  return { dir, description, checkpoint, request };
}

/** Loads the data and builds the trainer that continues the run; the data must be what the run trained on. */
/** The run a checkpoint continues; `predictions` as in prepareRun (the dashboard's inspection views). */
export function prepareResume(plan: ResumePlan, options: { predictions?: PredictionRequest } = {}): PreparedRun {
  const { request } = plan;
  const datasets = loadDatasets({
    dataDir: request.dataDir,
    trainingSize: request.trainingSize,
    validationSize: request.validationSize,
    expand: request.expand,
  });
  const { data } = plan.description;
  const heldOut = request.heldOut === 'test' ? datasets.test : datasets.validation;
  if (datasets.training.count !== data.trainingSize || heldOut.count !== data.validationSize) {
    throw new DataError(
      datasets.source,
      `has ${datasets.training.count} training and ${heldOut.count} held-out images; the run trained on ${data.trainingSize} and ${data.validationSize}`,
    );
  }
  try {
    return prepareRun(request, datasets, { resume: plan.checkpoint, predictions: options.predictions });
  } catch (error) {
    // The checkpoint does not fit the network the description makes (sizes, engine).
    if (error instanceof EngineStateError || error instanceof RangeError) {
      throw new DataError(join(plan.dir, RUN_FILES.checkpoint), `does not fit the recorded run: ${error.message}`);
    }
    throw error;
  }
}

// What a front end asks for (a config, the data to train on, a saved network to continue) and every
// check of it, in one place: the config's own rules (validateConfig), the request's keys, and, once
// the data and a saved network are loaded, the layer ends and the network against them.
import { makeConfig, validateConfig } from '../../core/config.js';
import { ENGINE_KINDS, type EngineKind } from '../../core/engines.js';
import { HELD_OUT_NAMES, type ExperimentRun, type HeldOut } from '../../core/experiments.js';
import type { CostName, TrainConfig } from '../../core/types.js';
import { CLASS_COUNT, MNIST_INPUT_SIZE } from '../../data/mnist.js';
import type { RequestProblem } from './requestError.js';

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
  /** Config fields the user set; with loadFrom, given sizes or cost must agree with the network. */
  given?: readonly (keyof TrainConfig)[];
  engine?: EngineKind;
  /** Longest computation between two yields to the event loop (the TUI asks for less than the default). */
  yieldEveryMs?: number;
}

/** What the data fixes about a network: its first and last layer. */
export interface DataShape {
  inputSize: number;
  classes: number;
}

/** Any MNIST-format folder: 28×28 images of 10 digits. */
export const MNIST_SHAPE: DataShape = { inputSize: MNIST_INPUT_SIZE, classes: CLASS_COUNT };

/** The config of a preset run with user overrides on top. */
export function configForRun(run: ExperimentRun, overrides: Partial<TrainConfig> = {}): TrainConfig {
  return makeConfig({ ...run.config, ...overrides });
}

const isWhole = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min;

/**
 * Every problem found without loading anything, config fields first. With `data` the layer ends
 * are checked against it; without, only against themselves (the data or a --load network decides).
 */
export function checkRequest(request: RunRequest, data?: DataShape): RequestProblem[] {
  const { config } = request;
  const ends = data ?? { inputSize: config.sizes[0] ?? 0, classes: config.sizes.at(-1) ?? 0 };
  const problems: RequestProblem[] = validateConfig(config, ends);
  const check = (ok: boolean, field: RequestProblem['field'], value: unknown, allowed: string) => {
    if (!ok) problems.push({ field, value, allowed });
  };
  const { trainingSize, validationSize, heldOut, engine } = request;
  check(trainingSize === undefined || isWhole(trainingSize, 1), 'trainingSize', trainingSize, 'a whole number ≥ 1');
  check(validationSize === undefined || isWhole(validationSize, 1), 'validationSize', validationSize, 'a whole number ≥ 1');
  check(HELD_OUT_NAMES.includes(heldOut), 'heldOut', heldOut, `one of ${HELD_OUT_NAMES.join(', ')}`);
  check(engine === undefined || ENGINE_KINDS.includes(engine), 'engine', engine, `one of ${ENGINE_KINDS.join(', ')}`);
  return problems;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The config that will run, once the data (and a --load network) are known, and what disagrees:
 * a given sizes or cost that differs from the network's, then the layer ends against the data
 * (a loaded network's own sizes reported under 'loadFrom').
 */
export function checkAgainstData(
  request: RunRequest,
  data: DataShape,
  network?: { sizes: readonly number[]; cost: { name: CostName } },
): { config: TrainConfig; problems: RequestProblem[] } {
  if (!network) return { config: request.config, problems: validateConfig(request.config, data) };
  const config: TrainConfig = { ...request.config, sizes: [...network.sizes], cost: network.cost.name };
  const given = new Set(request.given);
  const problems: RequestProblem[] = [];
  if (given.has('sizes') && !sameList(request.config.sizes, config.sizes)) {
    const mustMatch = { field: 'loadFrom' as const, value: config.sizes };
    problems.push({
      field: 'sizes',
      value: request.config.sizes,
      allowed: `the loaded network's ${config.sizes.join(',')}`,
      mustMatch,
    });
  }
  if (given.has('cost') && request.config.cost !== config.cost) {
    const mustMatch = { field: 'loadFrom' as const, value: config.cost };
    problems.push({ field: 'cost', value: request.config.cost, allowed: `the loaded network's ${config.cost}`, mustMatch });
  }
  for (const problem of validateConfig(config, data)) {
    problems.push(problem.field === 'sizes' ? { ...problem, field: 'loadFrom' } : problem);
  }
  return { config, problems };
}

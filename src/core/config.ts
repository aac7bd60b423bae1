// Defaults and validation of a training config, shared by the CLI and the TUI so both reject
// the same bad values with the same words.
import { COST_NAMES } from './costs.js';
import { MAX_PARAMETERS, parameterCount } from './network.js';
import { INIT_NAMES, MONITOR_NAMES, type TrainConfig } from './types.js';

/** The largest seed: the random generators keep 32 bits of state. */
export const MAX_SEED = 2 ** 32 - 1;

export const DEFAULT_CONFIG: TrainConfig = {
  sizes: [784, 30, 10],
  cost: 'cross-entropy',
  init: 'default',
  eta: 0.5,
  batchSize: 10,
  epochs: 30,
  lambda: 0,
  l1: 0,
  dropout: 0,
  momentum: 0,
  patience: undefined,
  minDelta: 0,
  monitor: 'val-accuracy',
  schedule: false,
  seed: 12345678,
  monitorTrainingCost: false,
  monitorTrainingAccuracy: false,
  monitorValidationCost: true,
  monitorValidationAccuracy: true,
  restoreBestWeights: true,
};

/** A config from defaults and overrides, without validation. */
export function makeConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  const config = { ...DEFAULT_CONFIG, ...overrides, sizes: [...(overrides.sizes ?? DEFAULT_CONFIG.sizes)] };
  // The book's schedule uses a plateau of 10 epochs.
  if (config.schedule && config.patience === undefined) config.patience = 10;
  // The monitored metric must be computed.
  if (config.monitor === 'val-cost') config.monitorValidationCost = true;
  if (config.monitor === 'val-accuracy' && (config.patience !== undefined || config.schedule)) {
    config.monitorValidationAccuracy = true;
  }
  return config;
}

export interface ConfigProblem {
  field: keyof TrainConfig;
  value: unknown;
  /** What is allowed, phrased to follow "must be". */
  allowed: string;
}

/** Every problem of a config, given the data's input size and number of classes. Empty = valid. */
export function validateConfig(config: TrainConfig, data: { inputSize: number; classes: number }): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check = (ok: boolean, field: keyof TrainConfig, allowed: string) => {
    if (!ok) problems.push({ field, value: config[field], allowed });
  };
  const isWhole = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min;
  const inRange = (v: unknown, min: number, maxExclusive: number) => typeof v === 'number' && v >= min && v < maxExclusive;

  check(
    Array.isArray(config.sizes) && config.sizes.length >= 2 && config.sizes.every((n) => isWhole(n, 1)),
    'sizes',
    'at least two whole numbers ≥ 1, e.g. 784,30,10',
  );
  if (problems.length === 0) {
    check(config.sizes[0] === data.inputSize, 'sizes', `a list starting with the data's ${data.inputSize} inputs`);
    check(config.sizes.at(-1) === data.classes, 'sizes', `a list ending with the data's ${data.classes} classes`);
    const parameters = parameterCount(config.sizes);
    check(
      parameters <= MAX_PARAMETERS,
      'sizes',
      `layers with at most ${MAX_PARAMETERS.toLocaleString('en-US')} weights and biases in all (these have ${parameters.toLocaleString('en-US')})`,
    );
  }
  const oneOf = (names: readonly string[], value: unknown) => names.includes(value as string);
  check(oneOf(COST_NAMES, config.cost), 'cost', `one of ${COST_NAMES.join(', ')}`);
  check(oneOf(INIT_NAMES, config.init), 'init', `one of ${INIT_NAMES.join(', ')}`);
  check(typeof config.eta === 'number' && config.eta > 0 && Number.isFinite(config.eta), 'eta', 'a number > 0');
  check(isWhole(config.batchSize, 1), 'batchSize', 'a whole number ≥ 1');
  check(isWhole(config.epochs, 1), 'epochs', 'a whole number ≥ 1');
  check(typeof config.lambda === 'number' && config.lambda >= 0 && Number.isFinite(config.lambda), 'lambda', 'a number ≥ 0');
  check(typeof config.l1 === 'number' && config.l1 >= 0 && Number.isFinite(config.l1), 'l1', 'a number ≥ 0');
  check(inRange(config.dropout, 0, 1), 'dropout', 'a probability in [0, 1)');
  check(inRange(config.momentum, 0, 1), 'momentum', 'a number in [0, 1)');
  check(config.patience === undefined || isWhole(config.patience, 1), 'patience', 'a whole number ≥ 1');
  check(
    typeof config.minDelta === 'number' && config.minDelta >= 0 && Number.isFinite(config.minDelta),
    'minDelta',
    'a number ≥ 0',
  );
  check(oneOf(MONITOR_NAMES, config.monitor), 'monitor', `one of ${MONITOR_NAMES.join(', ')}`);
  check(!config.schedule || config.patience !== undefined, 'schedule', 'used with a patience (the plateau length)');
  // The generators take 32-bit seeds: outside 0..2³²−1 two seeds would give the same run.
  check(isWhole(config.seed, 0) && config.seed <= MAX_SEED, 'seed', `a whole number 0..${MAX_SEED}`);
  return problems;
}

/** One line, "<name>: got <value>; must be <allowed>", for a ConfigProblem or any problem shaped like it. */
export function describeProblem(
  problem: { field: string; value: unknown; allowed: string },
  name: string = problem.field,
): string {
  const shown = Array.isArray(problem.value) ? problem.value.join(',') : String(problem.value);
  return `${name}: got ${shown}; must be ${problem.allowed}`;
}

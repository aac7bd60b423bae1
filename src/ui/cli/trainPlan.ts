// From `netdash train` flags to a run request: the preset (if any), the user's flags on top, and
// every problem that can be found before loading data, each named by its flag.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeProblem, validateConfig, type ConfigProblem } from '../../core/config.js';
import { ENGINE_KINDS, type EngineKind } from '../../core/engines.js';
import { EXPERIMENT_IDS, findExperiment, type Experiment, type ExperimentRun, type HeldOut } from '../../core/experiments.js';
import type { SingleNeuronConfig } from '../../core/singleNeuron.js';
import type { CostName, InitName, MonitorName, TrainConfig } from '../../core/types.js';
import { CLASS_COUNT, MNIST_INPUT_SIZE } from '../../data/mnist.js';
import { configForRun, type RunRequest } from '../app/runSetup.js';
import { UsageError } from '../app/errors.js';
import type { TrainArgs } from './trainOptions.js';
import { isWholeNumber, listTexts, parseNumber, parseNumberList } from '../app/values.js';

export interface TrainPlan {
  experiment?: Experiment;
  /** The preset run trained (a synthetic 'custom' run without --experiment). */
  run: ExperimentRun;
  /** 1-based index of `run` among the preset's runs. */
  variant: number;
  request: RunRequest;
  /** --cost as given, which must agree with a --load file (sizes are checked through `typed`). */
  costFlag?: string;
  /** How each config field was written by the user, to echo it in error messages. */
  typed: Partial<Record<keyof TrainConfig, { flag: string; text: string }>>;
  save?: string;
  test: boolean;
  failUnder?: number;
  json: boolean;
}

/** The single-neuron demo (`--experiment slowdown`) instead of an MNIST run. */
export interface NeuronPlan {
  experiment: Experiment;
  configs: SingleNeuronConfig[];
  json: boolean;
}

const CUSTOM_RUN: ExperimentRun = { label: 'custom', config: {}, heldOut: 'validation' };

/** The flag that sets each config field, for error messages about preset values too. */
export const FLAG_OF_FIELD: Partial<Record<keyof TrainConfig, string>> = {
  sizes: '--sizes',
  cost: '--cost',
  init: '--init',
  eta: '--eta',
  batchSize: '--batch',
  epochs: '--epochs',
  lambda: '--lambda',
  l1: '--l1',
  dropout: '--dropout',
  momentum: '--momentum',
  patience: '--patience',
  minDelta: '--min-delta',
  monitor: '--monitor',
  schedule: '--schedule',
  seed: '--seed',
};

type NumericField = 'eta' | 'batchSize' | 'epochs' | 'lambda' | 'l1' | 'dropout' | 'momentum' | 'patience' | 'minDelta' | 'seed';
const NUMERIC_FLAGS: [NumericField, keyof TrainArgs, string][] = [
  ['eta', 'eta', '--eta'],
  ['batchSize', 'batch', '--batch'],
  ['epochs', 'epochs', '--epochs'],
  ['lambda', 'lambda', '--lambda'],
  ['l1', 'l1', '--l1'],
  ['dropout', 'dropout', '--dropout'],
  ['momentum', 'momentum', '--momentum'],
  ['patience', 'patience', '--patience'],
  ['minDelta', 'minDelta', '--min-delta'],
  ['seed', 'seed', '--seed'],
];

/** Flags the single-neuron demo understands; any other given flag is rejected. */
const NEURON_FLAGS = new Set<keyof TrainArgs>(['experiment', 'variant', 'epochs', 'json']);

function kebab(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Problems with the flags, one line each; collected so the user sees them all at once. */
class Problems {
  readonly lines: string[] = [];
  add(flag: string, text: string, allowed: string): void {
    this.lines.push(`${flag}: got ${text}; must be ${allowed}`);
  }
  throwIfAny(): void {
    if (this.lines.length > 0) throw new UsageError(this.lines.join('\n'));
  }
}

function wholeNumberFlag(problems: Problems, flag: string, text: string | undefined, allowed = 'a whole number ≥ 1'): number | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  if (!isWholeNumber(n, 1)) problems.add(flag, text, allowed);
  return n;
}

function chooseExperiment(args: TrainArgs, problems: Problems): { experiment?: Experiment; variant: number } {
  if (args.experiment === undefined) {
    if (args.variant !== undefined) problems.lines.push('--variant: needs --experiment (it picks a run of a multi-run preset)');
    return { variant: 1 };
  }
  const experiment = findExperiment(args.experiment);
  if (!experiment) {
    problems.add('--experiment', args.experiment, `one of ${EXPERIMENT_IDS.join(', ')}`);
    return { variant: 1 };
  }
  const runs = experiment.neuron?.length ?? experiment.runs.length;
  const variant = wholeNumberFlag(problems, '--variant', args.variant) ?? 1;
  if (isWholeNumber(variant, 1) && variant > runs) {
    const labels = (experiment.neuron ?? experiment.runs).map((run, i) => `${i + 1}: ${run.label}`).join(', ');
    problems.add('--variant', String(args.variant), `a whole number 1..${runs} (${labels})`);
  }
  return { experiment, variant };
}

/** Every key of TrainArgs (camelCase, as yargs also provides), to tell flags from yargs' own keys. */
const TRAIN_ARG_KEYS: Record<keyof TrainArgs, true> = {
  sizes: true, hidden: true, cost: true, init: true, eta: true, batch: true, epochs: true, lambda: true, l1: true,
  dropout: true, momentum: true, patience: true, minDelta: true, monitor: true, schedule: true, seed: true,
  trainSize: true, validationSize: true, expand: true, dataDir: true, heldOut: true, engine: true, experiment: true,
  variant: true, load: true, save: true, monitorTraining: true, test: true, failUnder: true, json: true,
};

function planNeuron(args: TrainArgs, experiment: Experiment, variant: number): NeuronPlan {
  const problems = new Problems();
  for (const [key, given] of Object.entries(args)) {
    if (key in TRAIN_ARG_KEYS && given !== undefined && !NEURON_FLAGS.has(key as keyof TrainArgs)) {
      problems.lines.push(`${kebab(key)}: not used by --experiment ${experiment.id} (one neuron, not MNIST); it takes --epochs, --variant and --json`);
    }
  }
  const epochs = wholeNumberFlag(problems, '--epochs', args.epochs);
  problems.throwIfAny();
  const all = experiment.neuron ?? [];
  const chosen = args.variant === undefined ? all : [all[variant - 1]!];
  return { experiment, configs: chosen.map((c) => ({ ...c, epochs: epochs ?? c.epochs })), json: args.json ?? false };
}

function configOverrides(args: TrainArgs, problems: Problems, typed: TrainPlan['typed']): Partial<TrainConfig> {
  const overrides: Partial<TrainConfig> = {};
  for (const [field, key, flag] of NUMERIC_FLAGS) {
    const text = args[key];
    if (typeof text !== 'string') continue;
    overrides[field] = parseNumber(text);
    typed[field] = { flag, text };
  }
  if (args.sizes !== undefined) {
    overrides.sizes = parseNumberList(args.sizes);
    typed.sizes = { flag: '--sizes', text: args.sizes };
  }
  if (args.hidden !== undefined) {
    const texts = listTexts(args.hidden);
    const hidden = texts.map(parseNumber);
    if (!hidden.every((n) => isWholeNumber(n, 1))) problems.add('--hidden', texts.join(','), 'whole numbers ≥ 1, e.g. 30 or 100,30');
    // MNIST-format data always has 784 inputs and 10 classes; checked again once the data is loaded.
    overrides.sizes = [MNIST_INPUT_SIZE, ...hidden, CLASS_COUNT];
    typed.sizes = { flag: '--hidden', text: texts.join(',') };
  }
  if (args.cost !== undefined) overrides.cost = args.cost as CostName;
  if (args.init !== undefined) overrides.init = args.init as InitName;
  if (args.monitor !== undefined) overrides.monitor = args.monitor as MonitorName;
  if (args.schedule !== undefined) overrides.schedule = args.schedule;
  if (args.monitorTraining !== undefined) {
    overrides.monitorTrainingCost = args.monitorTraining;
    overrides.monitorTrainingAccuracy = args.monitorTraining;
  }
  // The CI gate needs the accuracy it gates on.
  if (args.failUnder !== undefined) overrides.monitorValidationAccuracy = true;
  return overrides;
}

/** One line for a config problem, naming the flag and echoing what the user typed. */
export function describeConfigProblem(problem: ConfigProblem, typed: TrainPlan['typed']): string {
  const given = typed[problem.field];
  const flag = given?.flag ?? FLAG_OF_FIELD[problem.field] ?? problem.field;
  return describeProblem(given ? { ...problem, value: given.text } : problem, flag);
}

function checkSavePath(problems: Problems, save: string | undefined): void {
  if (save === undefined) return;
  const folder = dirname(save);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    problems.lines.push(`--save: got ${save}; folder ${folder} does not exist`);
  } else if (existsSync(save) && statSync(save).isDirectory()) {
    problems.lines.push(`--save: got ${save}; must be a file path, not a folder`);
  }
}

export type Plan = { kind: 'train'; plan: TrainPlan } | { kind: 'neuron'; plan: NeuronPlan };

/** Everything checkable before data is loaded; throws a UsageError listing every problem. */
export function planTraining(args: TrainArgs): Plan {
  const problems = new Problems();
  const { experiment, variant } = chooseExperiment(args, problems);
  if (experiment?.neuron) {
    problems.throwIfAny();
    return { kind: 'neuron', plan: planNeuron(args, experiment, variant) };
  }
  const run = experiment?.runs[variant - 1] ?? CUSTOM_RUN;

  const typed: TrainPlan['typed'] = {};
  const config = configForRun(run, configOverrides(args, problems, typed));
  // The layer ends need the data; here the config is checked against its own ends.
  const ends = { inputSize: config.sizes[0] ?? 0, classes: config.sizes.at(-1) ?? 0 };
  for (const problem of validateConfig(config, ends)) {
    if (problem.field === 'sizes' && typed.sizes?.flag === '--hidden') continue; // reported above
    problems.lines.push(describeConfigProblem(problem, typed));
  }

  const trainingSize = wholeNumberFlag(problems, '--train-size', args.trainSize) ?? run.trainingSize;
  const validationSize = wholeNumberFlag(problems, '--validation-size', args.validationSize);
  const heldOut = (args.heldOut ?? run.heldOut) as HeldOut;
  if (heldOut !== 'validation' && heldOut !== 'test') problems.add('--held-out', String(args.heldOut), 'one of validation, test');
  const engine = (args.engine ?? 'auto') as EngineKind;
  if (!ENGINE_KINDS.includes(engine)) problems.add('--engine', String(args.engine), `one of ${ENGINE_KINDS.join(', ')}`);
  let failUnder: number | undefined;
  if (args.failUnder !== undefined) {
    failUnder = parseNumber(args.failUnder);
    if (!(failUnder >= 0 && failUnder <= 1)) problems.add('--fail-under', args.failUnder, 'an accuracy fraction in [0, 1], e.g. 0.9');
  }
  checkSavePath(problems, args.save);
  problems.throwIfAny();

  return {
    kind: 'train',
    plan: {
      experiment,
      run,
      variant,
      request: {
        config,
        heldOut,
        trainingSize,
        validationSize,
        expand: args.expand ?? run.expand,
        dataDir: args.dataDir,
        loadFrom: args.load,
        engine,
      },
      costFlag: args.cost,
      typed,
      save: args.save,
      test: args.test ?? false,
      failUnder,
      json: args.json ?? false,
    },
  };
}

// The flags of `netdash train`, described once in TRAIN_FLAGS: the yargs options, the TrainArgs
// type, the planner's reading of each flag and the flag named in an error all come from it.
// No flag that a preset can set has a yargs `default`: a flag the user did not type stays
// undefined, so `--experiment` presets are overridden only by what was actually given; defaults
// come from DEFAULT_CONFIG (shown in the help text).
import type { Argv, Options } from 'yargs';
import { DEFAULT_CONFIG } from '../../core/config.js';
import { INIT_NAMES, MONITOR_NAMES } from '../../core/types.js';
import { COST_NAMES } from '../../core/costs.js';
import { ENGINE_KINDS } from '../../core/engines.js';
import { EXPERIMENT_IDS, HELD_OUT_NAMES } from '../../core/experiments.js';
import type { InitName } from '../../core/types.js';
import type { RequestField } from './requestError.js';
import { lastText } from './values.js';

/**
 * How a flag's text is read: number and whole are parsed by the planner (and checked with the
 * config), choice is one of `choices`, boolean takes no value, path is a file or folder, list a
 * comma list of whole numbers.
 */
export type FlagKind = 'number' | 'whole' | 'choice' | 'boolean' | 'path' | 'list';

export interface FlagSpec {
  /** The flag without its dashes, as typed: 'min-delta'. */
  readonly flag: string;
  /** The config field or request key it sets; none for the command's own flags (--save, --json, …). */
  readonly field?: RequestField;
  readonly kind: FlagKind;
  readonly group: string;
  readonly describe: string;
  /** The allowed values of a choice. */
  readonly choices?: readonly string[];
  /** May be given again, each value a comma list (--hidden 100 --hidden 30). */
  readonly repeatable?: true;
  /** Also understood by the single-neuron demo (--experiment slowdown). */
  readonly neuron?: true;
}

const d = DEFAULT_CONFIG;
const NETWORK = 'Network:';
const TRAINING = 'Training:';
const REGULARIZATION = 'Regularization:';
const STOPPING = 'Stopping and schedule:';
const DATA = 'Data:';
const RUN = 'Preset, files and output:';

const INIT_MEANING: Record<InitName, string> = { default: 'N(0,1/n_in)', large: 'N(0,1)' };
const inits = INIT_NAMES.map((name) => `${name} (${INIT_MEANING[name]})`).join(' | ');

export const TRAIN_FLAGS = [
  {
    flag: 'sizes',
    field: 'sizes',
    kind: 'list',
    group: NETWORK,
    describe: `layer sizes, comma list [default: ${d.sizes.join(',')}]`,
  },
  {
    flag: 'hidden',
    field: 'sizes',
    kind: 'list',
    repeatable: true,
    group: NETWORK,
    describe:
      'hidden layer sizes instead of --sizes: --hidden 100 --hidden 30, or --hidden 100,30 (input 784 and output 10 added)',
  },
  {
    flag: 'cost',
    field: 'cost',
    kind: 'choice',
    choices: COST_NAMES,
    group: NETWORK,
    describe: `${COST_NAMES.join(' | ')} (softmax output) [default: ${d.cost}]`,
  },
  {
    flag: 'init',
    field: 'init',
    kind: 'choice',
    choices: INIT_NAMES,
    group: NETWORK,
    describe: `weight initialization: ${inits} [default: ${d.init}]`,
  },
  { flag: 'eta', field: 'eta', kind: 'number', group: TRAINING, describe: `learning rate η, a number > 0 [default: ${d.eta}]` },
  {
    flag: 'batch',
    field: 'batchSize',
    kind: 'whole',
    group: TRAINING,
    describe: `mini-batch size m, a whole number ≥ 1 [default: ${d.batchSize}]`,
  },
  {
    flag: 'epochs',
    field: 'epochs',
    kind: 'whole',
    neuron: true,
    group: TRAINING,
    describe: `epochs, a whole number ≥ 1 [default: ${d.epochs}]`,
  },
  {
    flag: 'momentum',
    field: 'momentum',
    kind: 'number',
    group: TRAINING,
    describe: `momentum coefficient μ in [0, 1) [default: ${d.momentum}]`,
  },
  {
    flag: 'seed',
    field: 'seed',
    kind: 'whole',
    group: TRAINING,
    describe: `random seed (weights, shuffles, dropout), a whole number [default: ${d.seed}]`,
  },
  {
    flag: 'engine',
    field: 'engine',
    kind: 'choice',
    choices: ENGINE_KINDS,
    group: TRAINING,
    describe: `compute engine: ${ENGINE_KINDS.join(' | ')} [default: auto]`,
  },
  {
    flag: 'lambda',
    field: 'lambda',
    kind: 'number',
    group: REGULARIZATION,
    describe: `L2 regularization λ ≥ 0 [default: ${d.lambda}]`,
  },
  {
    flag: 'l1',
    field: 'l1',
    kind: 'number',
    group: REGULARIZATION,
    describe: `L1 regularization λ ≥ 0 (may be combined with --lambda) [default: ${d.l1}]`,
  },
  {
    flag: 'dropout',
    field: 'dropout',
    kind: 'number',
    group: REGULARIZATION,
    describe: `dropout probability of hidden neurons in [0, 1) [default: ${d.dropout}]`,
  },
  {
    flag: 'patience',
    field: 'patience',
    kind: 'whole',
    group: STOPPING,
    describe: 'early stopping: stop after this many epochs without improvement (whole number ≥ 1) [default: off]',
  },
  {
    flag: 'min-delta',
    field: 'minDelta',
    kind: 'number',
    group: STOPPING,
    describe: `smallest change that counts as an improvement, ≥ 0 [default: ${d.minDelta}]`,
  },
  {
    flag: 'monitor',
    field: 'monitor',
    kind: 'choice',
    choices: MONITOR_NAMES,
    group: STOPPING,
    describe: `metric for early stopping, schedule and best epoch: ${MONITOR_NAMES.join(' | ')} [default: ${d.monitor}]`,
  },
  {
    flag: 'schedule',
    field: 'schedule',
    kind: 'boolean',
    group: STOPPING,
    describe: 'halve η after --patience (default 10) epochs without improvement; stop once η < η₀/128',
  },
  {
    flag: 'train-size',
    field: 'trainingSize',
    kind: 'whole',
    group: DATA,
    describe: "use the first N of the 50,000 training images [default: all, or the preset's]",
  },
  {
    flag: 'validation-size',
    field: 'validationSize',
    kind: 'whole',
    group: DATA,
    describe: 'use the first N of the 10,000 validation images, for quick runs [default: all]',
  },
  {
    flag: 'expand',
    field: 'expand',
    kind: 'boolean',
    group: DATA,
    describe: 'train on the images and their one-pixel shifts up/down/left/right (×5)',
  },
  {
    flag: 'data-dir',
    field: 'dataDir',
    kind: 'path',
    group: DATA,
    describe: 'MNIST-format folder (4 IDX files, raw or .gz) [default: the embedded MNIST]',
  },
  {
    flag: 'held-out',
    field: 'heldOut',
    kind: 'choice',
    choices: HELD_OUT_NAMES,
    group: DATA,
    describe: `set monitored each epoch as "validation": ${HELD_OUT_NAMES.join(' | ')} [default: the preset's, else validation]`,
  },
  // Sets both monitorTrainingCost and monitorTrainingAccuracy (see trainPlan.ts).
  { flag: 'monitor-training', kind: 'boolean', group: DATA, describe: 'also compute training cost and accuracy every epoch' },
  {
    flag: 'experiment',
    kind: 'choice',
    choices: EXPERIMENT_IDS,
    neuron: true,
    group: RUN,
    describe: `start from a preset of the chapter; flags given override it. One of: ${EXPERIMENT_IDS.join(', ')}`,
  },
  {
    flag: 'variant',
    kind: 'whole',
    neuron: true,
    group: RUN,
    describe: 'which run of a multi-run preset (init, eta, more-data), 1-based [default: 1]',
  },
  {
    flag: 'load',
    field: 'loadFrom',
    kind: 'path',
    group: RUN,
    describe: 'continue training from a saved network (network2.py JSON); its sizes and cost are used',
  },
  {
    flag: 'save',
    kind: 'path',
    group: RUN,
    describe: 'save the best network at the end (also on Ctrl-C), network2.py JSON, written atomically',
  },
  {
    flag: 'test',
    kind: 'boolean',
    group: RUN,
    describe: 'also report the test-set accuracy of the final (best-restored) network',
  },
  {
    flag: 'fail-under',
    kind: 'number',
    group: RUN,
    describe: 'exit 1 when the best validation accuracy is below ACC (a fraction, e.g. 0.9)',
  },
  {
    flag: 'resume',
    kind: 'path',
    group: RUN,
    describe:
      'continue a recorded run (its folder, or a unique prefix of its name) exactly where it stopped, in the same folder; --epochs N may extend it',
  },
  {
    flag: 'runs-dir',
    kind: 'path',
    group: RUN,
    describe: 'folder of the recorded runs [default: $NETDASH_RUNS_DIR, else ./netdash-runs]',
  },
  {
    flag: 'record',
    kind: 'boolean',
    group: RUN,
    describe:
      'record the run (description, events, metrics CSV, best network, checkpoint); --no-record keeps nothing [default: true]',
  },
  {
    flag: 'json',
    kind: 'boolean',
    neuron: true,
    group: RUN,
    describe: 'NDJSON event stream on stdout (start, epoch, lr, done), for CI',
  },
] as const satisfies readonly FlagSpec[];

type TrainFlag = (typeof TRAIN_FLAGS)[number];
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** The train flags as yargs hands them over (camelCase keys): text as typed (numbers parsed later), booleans. */
export type TrainArgs = {
  [F in TrainFlag as CamelCase<F['flag']>]?: F extends { repeatable: true }
    ? string[]
    : F extends { kind: 'boolean' }
      ? boolean
      : string;
};

/** The key of a flag in TrainArgs: 'min-delta' → 'minDelta' (as yargs provides it too). */
export function argKey(spec: FlagSpec): keyof TrainArgs {
  return spec.flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof TrainArgs;
}

/** The flag that sets each field (the first one: --sizes before --hidden), for errors about preset values too. */
export const FLAG_OF_FIELD: Partial<Record<RequestField, string>> = {};
for (const spec of TRAIN_FLAGS as readonly FlagSpec[]) {
  if (spec.field && FLAG_OF_FIELD[spec.field] === undefined) FLAG_OF_FIELD[spec.field] = `--${spec.flag}`;
}

function yargsOption(spec: FlagSpec): Options {
  const base = { describe: spec.describe, group: spec.group };
  if (spec.kind === 'boolean') return { ...base, type: 'boolean' };
  if (spec.repeatable) return { ...base, type: 'string', array: true, requiresArg: true };
  // Single-valued flags are kept as text, the last one winning when repeated.
  if (spec.kind === 'path') return { ...base, type: 'string', requiresArg: true, coerce: lastText };
  return { ...base, requiresArg: true, coerce: lastText };
}

export const TRAIN_OPTIONS: Record<string, Options> = Object.fromEntries(
  TRAIN_FLAGS.map((spec) => [spec.flag, yargsOption(spec)]),
);

export function trainBuilder(yargs: Argv): Argv {
  return yargs
    .options(TRAIN_OPTIONS)
    .conflicts('sizes', 'hidden')
    .example('$0 train', 'the default network [784,30,10], cross-entropy, η 0.5, 30 epochs')
    .example('$0 train --hidden 100 --lambda 5 --eta 0.1 --epochs 60 --save net.json', "the book's 98% network")
    .example('$0 train --experiment overfitting --epochs 50', 'a preset of the chapter, shortened')
    .example('$0 train --experiment eta --variant 3', 'the third run (η = 2.5) of a multi-run preset')
    .example('$0 train --patience 10 --schedule --epochs 300', 'the learning-rate schedule')
    .example('$0 train --json --epochs 5 --fail-under 0.9 --test', 'a CI gate: NDJSON on stdout, exit 1 below 90%')
    .example('$0 train --experiment slowdown', 'the single-neuron learning-slowdown demo, one line per epoch')
    .example('$0 train --resume 20250101-120000-custom', 'continue a recorded run (killed or stopped) where it stopped')
    .epilogue(
      'Multi-run presets (init, eta, more-data) run one variant: the first unless --variant N is given. ' +
        "With --held-out test (or a preset that monitors the test set, as some of the book's runs did) the " +
        'full 10,000 test images are monitored; --validation-size limits only the validation set.',
    );
}

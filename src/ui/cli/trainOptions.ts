// The flags of `netdash train`. No flag that a preset can set has a yargs `default`: a flag the
// user did not type stays undefined, so `--experiment` presets are overridden only by what was
// actually given; defaults come from DEFAULT_CONFIG (shown in the help text).
import type { Argv, Options } from 'yargs';
import { DEFAULT_CONFIG } from '../../core/config.js';
import { ENGINE_KINDS } from '../../core/engines.js';
import { EXPERIMENT_IDS } from '../../core/experiments.js';
import { lastText } from '../app/values.js';

/** The train flags as yargs hands them over: text as typed (numbers parsed later), booleans. */
export interface TrainArgs {
  sizes?: string;
  hidden?: string[];
  cost?: string;
  init?: string;
  eta?: string;
  batch?: string;
  epochs?: string;
  lambda?: string;
  l1?: string;
  dropout?: string;
  momentum?: string;
  patience?: string;
  minDelta?: string;
  monitor?: string;
  schedule?: boolean;
  seed?: string;
  trainSize?: string;
  validationSize?: string;
  expand?: boolean;
  dataDir?: string;
  heldOut?: string;
  engine?: string;
  experiment?: string;
  variant?: string;
  load?: string;
  save?: string;
  monitorTraining?: boolean;
  test?: boolean;
  failUnder?: string;
  json?: boolean;
}

const d = DEFAULT_CONFIG;

/** A single-valued flag kept as text (the last one wins when repeated). */
function value(describe: string, group: string): Options {
  return { describe, group, requiresArg: true, coerce: lastText };
}
function path(describe: string, group: string): Options {
  return { describe, group, requiresArg: true, type: 'string', coerce: lastText };
}
function flag(describe: string, group: string): Options {
  return { describe, group, type: 'boolean' };
}

const NETWORK = 'Network:';
const TRAINING = 'Training:';
const REGULARIZATION = 'Regularization:';
const STOPPING = 'Stopping and schedule:';
const DATA = 'Data:';
const RUN = 'Preset, files and output:';

export const TRAIN_OPTIONS: Record<string, Options> = {
  sizes: value(`layer sizes, comma list [default: ${d.sizes.join(',')}]`, NETWORK),
  hidden: {
    describe: 'hidden layer sizes instead of --sizes: --hidden 100 --hidden 30, or --hidden 100,30 (input 784 and output 10 added)',
    group: NETWORK,
    type: 'string',
    array: true,
    requiresArg: true,
  },
  cost: value(`quadratic | cross-entropy | log-likelihood (softmax output) [default: ${d.cost}]`, NETWORK),
  init: value(`weight initialization: default (N(0,1/n_in)) | large (N(0,1)) [default: ${d.init}]`, NETWORK),
  eta: value(`learning rate η, a number > 0 [default: ${d.eta}]`, TRAINING),
  batch: value(`mini-batch size m, a whole number ≥ 1 [default: ${d.batchSize}]`, TRAINING),
  epochs: value(`epochs, a whole number ≥ 1 [default: ${d.epochs}]`, TRAINING),
  momentum: value(`momentum coefficient μ in [0, 1) [default: ${d.momentum}]`, TRAINING),
  seed: value(`random seed (weights, shuffles, dropout), a whole number [default: ${d.seed}]`, TRAINING),
  engine: path(`compute engine: ${ENGINE_KINDS.join(' | ')} [default: auto]`, TRAINING),
  lambda: value(`L2 regularization λ ≥ 0 [default: ${d.lambda}]`, REGULARIZATION),
  l1: value(`L1 regularization λ ≥ 0 (may be combined with --lambda) [default: ${d.l1}]`, REGULARIZATION),
  dropout: value(`dropout probability of hidden neurons in [0, 1) [default: ${d.dropout}]`, REGULARIZATION),
  patience: value('early stopping: stop after this many epochs without improvement (whole number ≥ 1) [default: off]', STOPPING),
  'min-delta': value(`smallest change that counts as an improvement, ≥ 0 [default: ${d.minDelta}]`, STOPPING),
  monitor: value(`metric for early stopping, schedule and best epoch: val-accuracy | val-cost [default: ${d.monitor}]`, STOPPING),
  schedule: flag('halve η after --patience (default 10) epochs without improvement; stop once η < η₀/128', STOPPING),
  'train-size': value('use the first N of the 50,000 training images [default: all, or the preset\'s]', DATA),
  'validation-size': value('use the first N of the 10,000 validation images, for quick runs [default: all]', DATA),
  expand: flag('train on the images and their one-pixel shifts up/down/left/right (×5)', DATA),
  'data-dir': path('MNIST-format folder (4 IDX files, raw or .gz) [default: the embedded MNIST]', DATA),
  'held-out': value('set monitored each epoch as "validation": validation | test [default: the preset\'s, else validation]', DATA),
  'monitor-training': flag('also compute training cost and accuracy every epoch', DATA),
  experiment: value(`start from a preset of the chapter; flags given override it. One of: ${EXPERIMENT_IDS.join(', ')}`, RUN),
  variant: value('which run of a multi-run preset (init, eta, more-data), 1-based [default: 1]', RUN),
  load: path('continue training from a saved network (network2.py JSON); its sizes and cost are used', RUN),
  save: path('save the best network at the end (also on Ctrl-C), network2.py JSON, written atomically', RUN),
  test: flag('also report the test-set accuracy of the final (best-restored) network', RUN),
  'fail-under': value('exit 1 when the best validation accuracy is below ACC (a fraction, e.g. 0.9)', RUN),
  json: flag('NDJSON event stream on stdout (start, epoch, lr, done), for CI', RUN),
};

export function trainBuilder(yargs: Argv): Argv {
  return yargs
    .options(TRAIN_OPTIONS)
    .conflicts('sizes', 'hidden')
    .example('$0 train', 'the default network [784,30,10], cross-entropy, η 0.5, 30 epochs')
    .example('$0 train --hidden 100 --lambda 5 --eta 0.1 --epochs 60 --save net.json', 'the book\'s 98% network')
    .example('$0 train --experiment overfitting --epochs 50', 'a preset of the chapter, shortened')
    .example('$0 train --experiment eta --variant 3', 'the third run (η = 2.5) of a multi-run preset')
    .example('$0 train --patience 10 --schedule --epochs 300', 'the learning-rate schedule')
    .example('$0 train --json --epochs 5 --fail-under 0.9 --test', 'a CI gate: NDJSON on stdout, exit 1 below 90%')
    .example('$0 train --experiment slowdown', 'the single-neuron learning-slowdown demo, one line per epoch')
    .epilogue(
      'Multi-run presets (init, eta, more-data) run one variant: the first unless --variant N is given. ' +
        'With --held-out test (or a preset that monitors the test set, as some of the book\'s runs did) the ' +
        'full 10,000 test images are monitored; --validation-size limits only the validation set.',
    );
}

// `netdash train` flags in-process, on tables of cases: argv parsed by the real yargs builder,
// planned, then checked against the loaded data, exactly as the command does before its first
// epoch. Good flags → the config and request they make; bad flags → exit 2 and one line each,
// naming the flag, the value as typed and what is allowed. (badInput.test.ts spawns a few.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { EXPERIMENT_IDS } from '../../../src/core/experiments.js';
import { planTraining, type TrainPlan } from '../../../src/ui/app/trainPlan.js';
import { QUICK } from './cliHarness.js';
import { parseTrain, trainOutcome } from './inProcess.js';

let folder: string;
/** A [784,10,10] cross-entropy network in the book's format. */
let net: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'netdash-train-plan-'));
  const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  net = join(folder, 'net.json');
  writeFileSync(
    net,
    JSON.stringify({
      sizes: [784, 10, 10],
      weights: [zeros(10, 784), zeros(10, 10)],
      biases: [zeros(10, 1), zeros(10, 1)],
      cost: 'CrossEntropyCost',
    }),
  );
  writeFileSync(
    join(folder, 'small.json'),
    JSON.stringify({ sizes: [2, 10], weights: [zeros(10, 2)], biases: [zeros(10, 1)], cost: 'CrossEntropyCost' }),
  );
  writeFileSync(join(folder, 'not-json.json'), '{"sizes": [784, 10');
  writeFileSync(
    join(folder, 'wrong-shape.json'),
    JSON.stringify({ sizes: [784, 10], weights: [[[0]]], biases: [[[0]]], cost: 'CrossEntropyCost' }),
  );
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A path in the temp folder, resolved once it exists. */
const inFolder = (name: string) => () => join(folder, name);
type Arg = string | (() => string);
const resolve = (args: Arg[]) => args.map((a) => (typeof a === 'function' ? a() : a));

/** The plan only (no data loaded): what the flags ask for. */
function trainPlan(flags: string[]): TrainPlan {
  const plan = planTraining(parseTrain(flags));
  if (plan.kind !== 'train') throw new Error('expected an MNIST training plan');
  return plan.plan;
}

describe('good flags: the run they ask for', () => {
  const CASES: [string, string[], Record<string, unknown>, Partial<TrainPlan['request']>?][] = [
    ['no flags: the defaults', [], { ...DEFAULT_CONFIG, sizes: [784, 30, 10] }, { heldOut: 'validation', trainingSize: 500 }],
    [
      'numbers',
      [
        '--eta',
        '0.1',
        '--batch',
        '20',
        '--epochs',
        '5',
        '--lambda',
        '5',
        '--l1',
        '0.5',
        '--dropout',
        '0.2',
        '--momentum',
        '0.9',
        '--seed',
        '7',
      ],
      { eta: 0.1, batchSize: 20, epochs: 5, lambda: 5, l1: 0.5, dropout: 0.2, momentum: 0.9, seed: 7 },
    ],
    ['a repeated flag: the last one wins', ['--eta', '1', '--eta', '2'], { eta: 2 }],
    ['--sizes', ['--sizes', '784,50,20,10'], { sizes: [784, 50, 20, 10] }],
    ['--hidden, repeated', ['--hidden', '100', '--hidden', '30'], { sizes: [784, 100, 30, 10] }],
    ['--hidden, a comma list', ['--hidden', '100,30'], { sizes: [784, 100, 30, 10] }],
    [
      'choices',
      ['--cost', 'log-likelihood', '--init', 'large', '--monitor', 'val-cost'],
      { cost: 'log-likelihood', init: 'large', monitor: 'val-cost', monitorValidationCost: true },
    ],
    ['--schedule: a plateau of 10 epochs', ['--schedule'], { schedule: true, patience: 10 }],
    ['--patience and --min-delta', ['--patience', '3', '--min-delta', '0.01'], { patience: 3, minDelta: 0.01 }],
    ['--monitor-training', ['--monitor-training'], { monitorTrainingCost: true, monitorTrainingAccuracy: true }],
    ['--fail-under needs the validation accuracy', ['--fail-under', '0.9'], { monitorValidationAccuracy: true }],
    [
      'a preset with flags on top',
      ['--experiment', 'l2-1000', '--eta', '0.25'],
      { lambda: 0.1, init: 'large', eta: 0.25 },
      { trainingSize: 500 },
    ],
    [
      'data flags',
      ['--held-out', 'test', '--expand', '--engine', 'typescript', '--validation-size', '200'],
      {},
      { heldOut: 'test', expand: true, engine: 'typescript', validationSize: 200 },
    ],
  ];

  it.each(CASES)('%s', (_name, flags, config, request = {}) => {
    const plan = trainPlan([...QUICK, ...flags]);
    expect(plan.request.config).toMatchObject(config);
    expect(plan.request).toMatchObject(request);
  });

  it("a preset's data and held-out set, and --variant picking one of its runs", () => {
    const overfitting = trainPlan(['--experiment', 'overfitting', '--validation-size', '500']);
    expect(overfitting.request).toMatchObject({ trainingSize: 1000, heldOut: 'test' });
    const eta = trainPlan([...QUICK, '--experiment', 'eta', '--variant', '3']);
    expect(eta.request.config.eta).toBe(2.5);
    expect([eta.experiment?.id, eta.variant, eta.run.label]).toEqual(['eta', 3, 'η = 2.5']);
  });

  it("the command's own flags: --save, --test, --fail-under, --json", () => {
    const save = join(folder, 'out.json');
    const plan = trainPlan([...QUICK, '--save', save, '--test', '--fail-under', '0.9', '--json']);
    expect([plan.save, plan.test, plan.failUnder, plan.json]).toEqual([save, true, 0.9, true]);
  });

  it('--load with the sizes and cost of the saved network passes the checks against the data', () => {
    const outcome = trainOutcome([...QUICK, '--load', net, '--sizes', '784,10,10', '--cost', 'cross-entropy']);
    expect(outcome.lines).toEqual([]);
    expect(outcome.code).toBeUndefined();
    expect(outcome.plan).toMatchObject({ kind: 'train', plan: { request: { loadFrom: net, given: ['sizes', 'cost'] } } });
  });

  it('--experiment slowdown plans the single-neuron demo', () => {
    const { plan } = trainOutcome(['--experiment', 'slowdown', '--epochs', '4', '--variant', '2']);
    expect(plan?.kind).toBe('neuron');
    if (plan?.kind !== 'neuron') return;
    expect(plan.plan.configs.map((c) => [c.label, c.epochs])).toEqual([['quadratic, w=2 b=2', 4]]);
  });

  it('yargs keeps flag values as typed text, booleans as booleans, --hidden as a list', () => {
    const args = parseTrain(['--eta', '0.10', '--hidden', '30', '--hidden', '20,10', '--schedule', '--min-delta', '1e-3']);
    expect(args).toMatchObject({ eta: '0.1', hidden: ['30', '20,10'], schedule: true, minDelta: '0.001' });
    expect(args.cost).toBeUndefined(); // no yargs default: presets are overridden only by what was typed
  });
});

/** [case, flags after QUICK --epochs 1 --json, the one stderr line (without "netdash: ")] */
const BAD: [string, Arg[], string | RegExp][] = [
  ['η ≤ 0', ['--eta', '-1'], '--eta: got -1; must be a number > 0'],
  ['η zero', ['--eta', '0'], '--eta: got 0; must be a number > 0'],
  ['η not a number', ['--eta', 'abc'], '--eta: got abc; must be a number > 0'],
  ['batch < 1', ['--batch', '0'], '--batch: got 0; must be a whole number ≥ 1'],
  ['epochs < 1', ['--epochs', '0'], '--epochs: got 0; must be a whole number ≥ 1'],
  ['epochs not whole', ['--epochs', '2.5'], '--epochs: got 2.5; must be a whole number ≥ 1'],
  ['patience < 1', ['--patience', '0'], '--patience: got 0; must be a whole number ≥ 1'],
  ['min-delta < 0', ['--min-delta', '-1'], '--min-delta: got -1; must be a number ≥ 0'],
  ['seed not whole', ['--seed', '1.5'], '--seed: got 1.5; must be a whole number 0..4294967295'],
  ['seed negative', ['--seed', '-1'], '--seed: got -1; must be a whole number 0..4294967295'],
  ['seed beyond 32 bits', ['--seed', '4294967296'], '--seed: got 4294967296; must be a whole number 0..4294967295'],
  [
    'seed beyond exact doubles',
    ['--seed', '9007199254740993'],
    '--seed: got 9007199254740993; must be a whole number 0..4294967295',
  ],
  [
    'sizes too large to train',
    ['--sizes', '784,1000000,10'],
    '--sizes: got 784,1000000,10; must be layers with at most 10,000,000 weights and biases in all (these have 795,000,010)',
  ],
  [
    'hidden too large to train',
    ['--hidden', '1e9'],
    '--hidden: got 1e9; must be layers with at most 10,000,000 weights and biases in all (these have 795,000,000,010)',
  ],
  ['load with an empty name', ['--load', ''], "--load: got ''; must be the path of a saved network, not empty"],
  [
    'init with a loaded network',
    ['--load', inFolder('missing.json'), '--init', 'large'],
    '--init: got large; must be left out with --load (the loaded weights are the start; nothing is initialised)',
  ],
  ['save with an empty name', ['--save', ''], "--save: got ''; must be a file path, not empty"],
  [
    'save under a name too long for any file system',
    ['--save', inFolder('n'.repeat(300))],
    /^--save: got .*; file name is 300 bytes; at most 255 allowed$/,
  ],
  [
    'save into a file as if it were a folder',
    ['--save', inFolder('not-json.json/x.json')],
    /^--save: got .*not-json\.json\/x\.json; .*not-json\.json is a file, not a folder$/,
  ],
  ['dropout 1', ['--dropout', '1'], '--dropout: got 1; must be a probability in [0, 1)'],
  ['dropout < 0', ['--dropout', '-0.1'], '--dropout: got -0.1; must be a probability in [0, 1)'],
  ['λ < 0', ['--lambda', '-1'], '--lambda: got -1; must be a number ≥ 0'],
  ['L1 < 0', ['--l1', '-0.5'], '--l1: got -0.5; must be a number ≥ 0'],
  ['momentum ≥ 1', ['--momentum', '1'], '--momentum: got 1; must be a number in [0, 1)'],
  ['first layer not 784', ['--sizes', '100,30,10'], "--sizes: got 100,30,10; must be a list starting with the data's 784 inputs"],
  ['last layer not 10', ['--sizes', '784,30,5'], "--sizes: got 784,30,5; must be a list ending with the data's 10 classes"],
  ['sizes not numbers', ['--sizes', '784,x,10'], '--sizes: got 784,x,10; must be at least two whole numbers ≥ 1, e.g. 784,30,10'],
  ['one layer', ['--sizes', '784'], '--sizes: got 784; must be at least two whole numbers ≥ 1, e.g. 784,30,10'],
  ['hidden 0', ['--hidden', '30,0'], '--hidden: got 30,0; must be whole numbers ≥ 1, e.g. 30 or 100,30'],
  [
    'sizes and hidden',
    ['--sizes', '784,30,10', '--hidden', '30'],
    'Arguments sizes and hidden are mutually exclusive (see netdash train --help)',
  ],
  ['unknown cost', ['--cost', 'hinge'], '--cost: got hinge; must be one of quadratic, cross-entropy, log-likelihood'],
  ['unknown init', ['--init', 'huge'], '--init: got huge; must be one of default, large'],
  ['unknown monitor', ['--monitor', 'loss'], '--monitor: got loss; must be one of val-accuracy, val-cost'],
  ['unknown experiment', ['--experiment', 'nope'], `--experiment: got nope; must be one of ${EXPERIMENT_IDS.join(', ')}`],
  [
    'variant out of range',
    ['--experiment', 'eta', '--variant', '4'],
    /^--variant: got 4; must be a whole number 1\.\.3 \(1: η = 0\.025, 2: η = 0\.25, 3: η = 2\.5\)$/,
  ],
  ['variant 0', ['--experiment', 'eta', '--variant', '0'], '--variant: got 0; must be a whole number ≥ 1'],
  ['variant without a preset', ['--variant', '2'], '--variant: needs --experiment (it picks a run of a multi-run preset)'],
  ['held-out', ['--held-out', 'train'], '--held-out: got train; must be one of validation, test'],
  ['engine', ['--engine', 'gpu'], '--engine: got gpu; must be one of auto, typescript, wasm'],
  ['fail-under > 1', ['--fail-under', '95'], '--fail-under: got 95; must be an accuracy fraction in [0, 1], e.g. 0.9'],
  ['train-size not a number', ['--train-size', 'abc'], '--train-size: got abc; must be a whole number ≥ 1'],
  [
    'train-size beyond the data',
    ['--train-size', '60000'],
    '--train-size: got 60000; must be a whole number 1..50000 for this data',
  ],
  ['validation-size 0', ['--validation-size', '0'], '--validation-size: got 0; must be a whole number ≥ 1'],
  [
    'validation-size beyond the data',
    ['--validation-size', '20000'],
    '--validation-size: got 20000; must be a whole number 1..10000 for this data',
  ],
  ['missing data dir', ['--data-dir', '/nonexistent-netdash'], /^\/nonexistent-netdash: folder not found/],
  ['data dir without MNIST files', ['--data-dir', () => folder], /^.*train-images-idx3-ubyte: file not found/],
  ['missing model file', ['--load', inFolder('missing.json')], /^.*missing\.json: file not found$/],
  [
    'model file not JSON',
    ['--load', inFolder('not-json.json')],
    /^.*not-json\.json: not a network2\.py network file: not valid JSON/,
  ],
  [
    'model file of a wrong shape',
    ['--load', inFolder('wrong-shape.json')],
    /^.*wrong-shape\.json: not a network2\.py network file: weights of layer 1 must have 10 rows$/,
  ],
  [
    'save folder missing',
    ['--save', '/nonexistent-netdash/net.json'],
    '--save: got /nonexistent-netdash/net.json; folder /nonexistent-netdash does not exist',
  ],
  ['save to a folder', ['--save', () => folder], /^--save: got .*; is a folder; expected a regular file \(or a new file name\)$/],
  ['unknown flag', ['--etta', '0.1'], 'Unknown argument: etta (see netdash train --help)'],
  ['flag without value', ['--eta'], /^Not enough arguments following: eta/],
];

describe('bad flags: exit 2, one line each, nothing trained', () => {
  it.each(BAD)('%s', (_name, flags, expected) => {
    const { code, lines, stdout } = trainOutcome([...QUICK, '--epochs', '1', '--json', ...resolve(flags)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith('netdash: ')).toBe(true);
    const line = lines[0]!.slice('netdash: '.length);
    if (typeof expected === 'string') expect(line).toBe(expected);
    else expect(line).toMatch(expected);
  });

  it('reports every bad flag at once, config fields in their order', () => {
    expect(trainOutcome(['--eta', '-1', '--batch', '0', '--cost', 'x', '--held-out', 'y']).lines).toEqual([
      'netdash: --cost: got x; must be one of quadratic, cross-entropy, log-likelihood',
      'netdash: --eta: got -1; must be a number > 0',
      'netdash: --batch: got 0; must be a whole number ≥ 1',
      'netdash: --held-out: got y; must be one of validation, test',
    ]);
  });

  it('checks a --load network against the data and the flags given with it, after loading', () => {
    const small = join(folder, 'small.json');
    const cases: [string[], string[]][] = [
      [['--load', small], [`--load ${small}: got 2,10; must be a list starting with the data's 784 inputs`]],
      [
        ['--load', net, '--sizes', '784,30,10'],
        [`--sizes: got 784,30,10; must match the sizes 784,10,10 of --load ${net} (or be left out)`],
      ],
      [['--load', net, '--hidden', '30'], [`--hidden: got 30; must match the sizes 784,10,10 of --load ${net} (or be left out)`]],
      // A preset's label ("100 hidden") would misdescribe a network of other sizes.
      [
        ['--load', net, '--experiment', 'cross-entropy-100', '--held-out', 'validation'],
        [`--experiment cross-entropy-100: got 784,100,10; must match the sizes 784,10,10 of --load ${net} (or be left out)`],
      ],
      [
        ['--load', net, '--cost', 'quadratic', '--sizes', '784,10'],
        [
          `--sizes: got 784,10; must match the sizes 784,10,10 of --load ${net} (or be left out)`,
          `--cost: got quadratic; must match the cost cross-entropy of --load ${net} (or be left out)`,
        ],
      ],
    ];
    for (const [flags, expected] of cases) {
      const { code, lines } = trainOutcome([...QUICK, ...flags]);
      expect(code).toBe(2);
      expect(lines).toEqual(expected.map((line) => `netdash: ${line}`));
    }
  });

  it('the single-neuron demo takes only --epochs, --variant and --json', () => {
    const taken = 'it takes --epochs, --variant and --json';
    expect(trainOutcome(['--experiment', 'slowdown', '--lambda', '1', '--train-size', '5']).lines).toEqual([
      `netdash: --lambda: not used by --experiment slowdown (one neuron, not MNIST); ${taken}`,
      `netdash: --train-size: not used by --experiment slowdown (one neuron, not MNIST); ${taken}`,
    ]);
    expect(trainOutcome(['--experiment', 'slowdown', '--epochs', '0']).lines).toEqual([
      'netdash: --epochs: got 0; must be a whole number ≥ 1',
    ]);
    expect(trainOutcome(['--experiment', 'slowdown', '--variant', '4']).lines[0]).toMatch(
      /^netdash: --variant: got 4; must be a whole number 1\.\.3 /,
    );
  });
});

// The app layer's checks of a run request, on plain values: which field is wrong, the value, and
// what is allowed; and how a front end's words turn a problem into its one line.
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/core/config.js';
import type { TrainConfig } from '../../../src/core/types.js';
import { UsageError } from '../../../src/ui/app/errors.js';
import {
  RequestError,
  describeRequestProblem,
  inWords,
  type FieldWords,
  type RequestProblem,
} from '../../../src/ui/app/requestError.js';
import { MNIST_SHAPE, checkAgainstData, checkRequest, type RunRequest } from '../../../src/ui/app/runRequest.js';

function request(config: Partial<TrainConfig> = {}, rest: Partial<RunRequest> = {}): RunRequest {
  return { config: makeConfig(config), heldOut: 'validation', ...rest };
}

/** [case, request, the problems as field=value → allowed] */
const BAD: [string, RunRequest, string[]][] = [
  ['η ≤ 0', request({ eta: -1 }), ['eta=-1 → a number > 0']],
  ['η not a number', request({ eta: Number.NaN }), ['eta=NaN → a number > 0']],
  ['mini-batch 0', request({ batchSize: 0 }), ['batchSize=0 → a whole number ≥ 1']],
  ['epochs not whole', request({ epochs: 2.5 }), ['epochs=2.5 → a whole number ≥ 1']],
  ['dropout 1', request({ dropout: 1 }), ['dropout=1 → a probability in [0, 1)']],
  [
    'an unknown cost',
    request({ cost: 'hinge' as TrainConfig['cost'] }),
    ['cost=hinge → one of quadratic, cross-entropy, log-likelihood'],
  ],
  ['an unknown init', request({ init: 'huge' as TrainConfig['init'] }), ['init=huge → one of default, large']],
  [
    'an unknown monitor',
    request({ monitor: 'loss' as TrainConfig['monitor'] }),
    ['monitor=loss → one of val-accuracy, val-cost'],
  ],
  [
    'sizes not numbers',
    request({ sizes: [784, Number.NaN, 10] }),
    ['sizes=784,NaN,10 → at least two whole numbers ≥ 1, e.g. 784,30,10'],
  ],
  ['training size 0', request({}, { trainingSize: 0 }), ['trainingSize=0 → a whole number ≥ 1']],
  ['validation size not whole', request({}, { validationSize: 2.5 }), ['validationSize=2.5 → a whole number ≥ 1']],
  [
    'an unknown held-out set',
    request({}, { heldOut: 'train' as RunRequest['heldOut'] }),
    ['heldOut=train → one of validation, test'],
  ],
  ['an unknown engine', request({}, { engine: 'gpu' as RunRequest['engine'] }), ['engine=gpu → one of auto, typescript, wasm']],
  [
    'several at once, config fields first',
    request({ eta: 0, lambda: -1 }, { heldOut: 'x' as RunRequest['heldOut'] }),
    ['eta=0 → a number > 0', 'lambda=-1 → a number ≥ 0', 'heldOut=x → one of validation, test'],
  ],
];

const brief = (p: RequestProblem) => `${p.field}=${Array.isArray(p.value) ? p.value.join(',') : String(p.value)} → ${p.allowed}`;

describe('checkRequest', () => {
  it.each(BAD)('finds %s', (_name, req, expected) => {
    expect(checkRequest(req).map(brief)).toEqual(expected);
  });

  it('accepts the defaults, every preset choice and a subset of the data', () => {
    expect(checkRequest(request())).toEqual([]);
    const chosen = request(
      { cost: 'log-likelihood', init: 'large', monitor: 'val-cost' },
      { heldOut: 'test', engine: 'typescript', trainingSize: 1000, validationSize: 1 },
    );
    expect(checkRequest(chosen, MNIST_SHAPE)).toEqual([]);
  });

  it('checks the layer ends only against the data it is given', () => {
    const odd = request({ sizes: [100, 30, 5] });
    expect(checkRequest(odd)).toEqual([]);
    expect(checkRequest(odd, MNIST_SHAPE).map(brief)).toEqual([
      "sizes=100,30,5 → a list starting with the data's 784 inputs",
      "sizes=100,30,5 → a list ending with the data's 10 classes",
    ]);
  });
});

describe('checkAgainstData', () => {
  const network = { sizes: [784, 100, 10], cost: { name: 'quadratic' as const } };

  it("runs a loaded network's sizes and cost instead of the config's", () => {
    const { config, problems } = checkAgainstData(request({ eta: 0.1 }), MNIST_SHAPE, network);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ sizes: [784, 100, 10], cost: 'quadratic', eta: 0.1 });
  });

  it('reports a given sizes or cost that differs from the loaded network', () => {
    const given = request({ sizes: [784, 30, 10], cost: 'cross-entropy' }, { given: ['sizes', 'cost', 'eta'] });
    const { problems } = checkAgainstData(given, MNIST_SHAPE, network);
    expect(problems.map((p) => [p.field, p.value, p.mustMatch])).toEqual([
      ['sizes', [784, 30, 10], { field: 'loadFrom', value: [784, 100, 10] }],
      ['cost', 'cross-entropy', { field: 'loadFrom', value: 'quadratic' }],
    ]);
    // Not given (a default or a preset's): the network's own wins without a word.
    expect(checkAgainstData(request({ sizes: [784, 30, 10] }), MNIST_SHAPE, network).problems).toEqual([]);
  });

  it("reports a loaded network that does not fit the data under 'loadFrom'", () => {
    const { problems } = checkAgainstData(request(), MNIST_SHAPE, { sizes: [2, 10], cost: { name: 'cross-entropy' } });
    expect(problems.map(brief)).toEqual(["loadFrom=2,10 → a list starting with the data's 784 inputs"]);
  });

  it('checks the config against the data without a network', () => {
    expect(checkAgainstData(request({ sizes: [784, 30, 5] }), MNIST_SHAPE).problems.map(brief)).toEqual([
      "sizes=784,30,5 → a list ending with the data's 10 classes",
    ]);
  });
});

describe('wording a problem', () => {
  const flags: FieldWords = (field) =>
    field === 'loadFrom'
      ? { name: '--load net.json' }
      : field === 'eta'
        ? { name: '--eta', typed: 'abc' }
        : { name: `--${field}` };

  it("names the field in the front end's words, echoing what was typed", () => {
    const [eta] = checkRequest(request({ eta: Number.NaN }));
    expect(describeRequestProblem(eta!, flags)).toBe('--eta: got abc; must be a number > 0');
    expect(describeRequestProblem(eta!)).toBe('eta: got NaN; must be a number > 0');
  });

  it('words a mismatch with the loaded network by both fields', () => {
    const given = request({ cost: 'quadratic' }, { given: ['cost'] });
    const [cost] = checkAgainstData(given, MNIST_SHAPE, { sizes: [784, 30, 10], cost: { name: 'cross-entropy' } }).problems;
    expect(describeRequestProblem(cost!, flags)).toBe(
      '--cost: got quadratic; must match the cost cross-entropy of --load net.json (or be left out)',
    );
  });

  it('RequestError keeps the problems, reads as one line each, and is a UsageError (exit 2) if left unworded', () => {
    const problems = checkRequest(request({ eta: 0, epochs: 0 }));
    const error = new RequestError(problems);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.problems).toBe(problems);
    expect(error.message).toBe('eta: got 0; must be a number > 0\nepochs: got 0; must be a whole number ≥ 1');
    const worded = inWords(error, flags) as Error;
    expect(worded).toBeInstanceOf(UsageError);
    expect(worded.message).toBe('--eta: got abc; must be a number > 0\n--epochs: got 0; must be a whole number ≥ 1');
    const other = new Error('x');
    expect(inWords(other, flags)).toBe(other);
  });
});

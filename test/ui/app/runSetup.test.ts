// prepareRun on a tiny MNIST-format folder (16 images): the request is checked against the data
// it loads and the network it continues from, and only a valid run gets a trainer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/core/config.js';
import type { TrainConfig } from '../../../src/core/types.js';
import { DataError } from '../../../src/data/errors.js';
import { RequestError } from '../../../src/ui/app/requestError.js';
import { prepareRun, type RunRequest } from '../../../src/ui/app/runSetup.js';
import { makeTempDir, writeTinyMnist, type TempDir } from '../../data/idxFixtures.js';

let dir: TempDir;
let saved: string;
beforeAll(() => {
  dir = makeTempDir();
  // 12 training images: the last 2 are the validation set, so 10 remain for training.
  writeTinyMnist(dir, 12, 4);
  saved = join(dir.path, 'net.json');
  const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  writeFileSync(
    saved,
    JSON.stringify({ sizes: [784, 10], weights: [zeros(10, 784)], biases: [zeros(10, 1)], cost: 'QuadraticCost' }),
  );
});
afterAll(() => dir.remove());

function request(config: Partial<TrainConfig>, rest: Partial<RunRequest> = {}): RunRequest {
  return { config: makeConfig({ sizes: [784, 3, 10], epochs: 1, ...config }), heldOut: 'validation', dataDir: dir.path, ...rest };
}

/** The problems prepareRun throws, as field=value → allowed; fails the test if it throws nothing else. */
function problemsOf(req: RunRequest): string[] {
  try {
    prepareRun(req);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestError);
    return (error as RequestError).problems.map((p) => `${p.field}=${String(p.value)} → ${p.allowed}`);
  }
  throw new Error('expected a RequestError, prepareRun succeeded');
}

describe('prepareRun', () => {
  it('builds the trainer for a valid request: the data subset, the held-out set, the config', () => {
    const prepared = prepareRun(request({ eta: 0.1 }, { trainingSize: 6, heldOut: 'test' }));
    expect(prepared.datasets.training.count).toBe(6);
    expect(prepared.heldOut).toBe(prepared.datasets.test);
    expect(prepared.heldOutName).toBe('test');
    expect(prepared.config).toMatchObject({ sizes: [784, 3, 10], eta: 0.1 });
    expect(prepared.trainer.network.sizes).toEqual([784, 3, 10]);
  });

  it('rejects bad values before loading anything', () => {
    expect(problemsOf(request({ eta: -1 }, { dataDir: join(dir.path, 'missing') }))).toEqual(['eta=-1 → a number > 0']);
  });

  it('rejects subsets larger than the data, named by their request key', () => {
    expect(problemsOf(request({}, { trainingSize: 11 }))).toEqual(['trainingSize=11 → a whole number 1..10 for this data']);
    expect(problemsOf(request({}, { validationSize: 3 }))).toEqual(['validationSize=3 → a whole number 1..2 for this data']);
  });

  it('rejects layer ends that do not fit the data', () => {
    expect(problemsOf(request({ sizes: [100, 30, 9] }))).toEqual([
      "sizes=100,30,9 → a list starting with the data's 784 inputs",
      "sizes=100,30,9 → a list ending with the data's 10 classes",
    ]);
  });

  it('continues from a saved network, checked against the sizes and cost given with it', () => {
    const prepared = prepareRun(request({}, { loadFrom: saved }));
    expect(prepared.config).toMatchObject({ sizes: [784, 10], cost: 'quadratic' });
    expect(prepared.trainer.network.sizes).toEqual([784, 10]);
    expect(problemsOf(request({ cost: 'cross-entropy' }, { loadFrom: saved, given: ['sizes', 'cost'] }))).toEqual([
      "sizes=784,3,10 → the loaded network's 784,10",
      "cost=cross-entropy → the loaded network's quadratic",
    ]);
  });

  it('leaves missing files to the data layer (DataError, one line)', () => {
    expect(() => prepareRun(request({}, { loadFrom: join(dir.path, 'none.json') }))).toThrow(DataError);
    expect(() => prepareRun(request({}, { dataDir: join(dir.path, 'missing') }))).toThrow(DataError);
  });
});

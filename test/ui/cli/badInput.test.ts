// Every bad value is rejected before any training: exit 2, nothing on stdout, and one line per
// problem on stderr naming the flag, the value and what is allowed — never a stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK, ensureBuilt, runCli } from './cliHarness.js';

let folder: string;
beforeAll(async () => {
  await ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'netdash-cli-bad-'));
  writeFileSync(join(folder, 'not-json.json'), '{"sizes": [784, 10');
  writeFileSync(join(folder, 'wrong-shape.json'), JSON.stringify({ sizes: [784, 10], weights: [[[0]]], biases: [[[0]]], cost: 'CrossEntropyCost' }));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const file = (name: string) => () => join(folder, name);

/** [flags, expected stderr line]; a function builds paths once the temp folder exists. */
const CASES: [string, (string | (() => string))[], RegExp][] = [
  ['η ≤ 0', ['--eta', '-1'], /^netdash: --eta: got -1; must be a number > 0$/],
  ['η zero', ['--eta', '0'], /^netdash: --eta: got 0; must be a number > 0$/],
  ['η not a number', ['--eta', 'abc'], /^netdash: --eta: got abc; must be a number > 0$/],
  ['batch < 1', ['--batch', '0'], /^netdash: --batch: got 0; must be a whole number ≥ 1$/],
  ['epochs < 1', ['--epochs', '0'], /^netdash: --epochs: got 0; must be a whole number ≥ 1$/],
  ['epochs not whole', ['--epochs', '2.5'], /^netdash: --epochs: got 2.5; must be a whole number ≥ 1$/],
  ['patience < 1', ['--patience', '0'], /^netdash: --patience: got 0; must be a whole number ≥ 1$/],
  ['dropout 1', ['--dropout', '1'], /^netdash: --dropout: got 1; must be a probability in \[0, 1\)$/],
  ['dropout < 0', ['--dropout', '-0.1'], /^netdash: --dropout: got -0.1; must be a probability in \[0, 1\)$/],
  ['λ < 0', ['--lambda', '-1'], /^netdash: --lambda: got -1; must be a number ≥ 0$/],
  ['L1 < 0', ['--l1', '-0.5'], /^netdash: --l1: got -0.5; must be a number ≥ 0$/],
  ['momentum ≥ 1', ['--momentum', '1'], /^netdash: --momentum: got 1; must be a number in \[0, 1\)$/],
  ['first layer not 784', ['--sizes', '100,30,10'], /^netdash: --sizes: got 100,30,10; must be a list starting with the data's 784 inputs$/],
  ['last layer not 10', ['--sizes', '784,30,5'], /^netdash: --sizes: got 784,30,5; must be a list ending with the data's 10 classes$/],
  ['sizes not numbers', ['--sizes', '784,x,10'], /^netdash: --sizes: got 784,x,10; must be at least two whole numbers ≥ 1/],
  ['hidden 0', ['--hidden', '30,0'], /^netdash: --hidden: got 30,0; must be whole numbers ≥ 1/],
  ['unknown cost', ['--cost', 'hinge'], /^netdash: --cost: got hinge; must be one of quadratic, cross-entropy, log-likelihood$/],
  ['unknown init', ['--init', 'huge'], /^netdash: --init: got huge; must be one of default, large$/],
  ['unknown monitor', ['--monitor', 'loss'], /^netdash: --monitor: got loss; must be one of val-accuracy, val-cost$/],
  ['unknown experiment', ['--experiment', 'nope'], /^netdash: --experiment: got nope; must be one of slowdown, cross-entropy, .*schedule$/],
  ['variant out of range', ['--experiment', 'eta', '--variant', '4'], /^netdash: --variant: got 4; must be a whole number 1\.\.3 /],
  ['held-out', ['--held-out', 'train'], /^netdash: --held-out: got train; must be one of validation, test$/],
  ['fail-under > 1', ['--fail-under', '95'], /^netdash: --fail-under: got 95; must be an accuracy fraction in \[0, 1\]/],
  ['train-size beyond the data', ['--train-size', '60000'], /^netdash: --train-size: got 60000; must be a whole number 1\.\.50000/],
  ['validation-size 0', ['--validation-size', '0'], /^netdash: --validation-size: got 0; must be a whole number ≥ 1$/],
  ['missing data dir', ['--data-dir', '/nonexistent-netdash'], /^netdash: \/nonexistent-netdash: folder not found/],
  ['data dir without MNIST files', ['--data-dir', () => folder], /^netdash: .*train-images-idx3-ubyte: file not found/],
  ['missing model file', ['--load', file('missing.json')], /^netdash: .*missing\.json: file not found$/],
  ['model file not JSON', ['--load', file('not-json.json')], /^netdash: .*not-json\.json: not a network2\.py network file: not valid JSON/],
  ['model file of a wrong shape', ['--load', file('wrong-shape.json')], /^netdash: .*wrong-shape\.json: not a network2\.py network file: weights of layer 1 must have 10 rows$/],
  ['save folder missing', ['--save', '/nonexistent-netdash/net.json'], /^netdash: --save: got \/nonexistent-netdash\/net\.json; folder \/nonexistent-netdash does not exist$/],
  ['unknown flag', ['--etta', '0.1'], /^netdash: Unknown argument: etta \(see netdash train --help\)$/],
  ['flag without value', ['--eta'], /^netdash: Not enough arguments following: eta/],
];

describe('train rejects bad input with exit 2', () => {
  it.concurrent.each(CASES)('%s', async (_name, flags, expected) => {
    const args = flags.map((f) => (typeof f === 'function' ? f() : f));
    const result = await runCli(['train', ...QUICK, '--epochs', '1', '--json', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(''); // no start line: nothing was trained
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });

  it('reports every bad flag at once, one line each', async () => {
    const result = await runCli(['train', '--eta', '-1', '--batch', '0', '--cost', 'x', '--json']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.split(':')[1]!.trim()).sort()).toEqual(['--batch', '--cost', '--eta']);
  });

  it('the single-neuron demo rejects the MNIST flags', async () => {
    const result = await runCli(['train', '--experiment', 'slowdown', '--lambda', '1', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^netdash: --lambda: not used by --experiment slowdown .*; it takes --epochs, --variant and --json\n$/);
  });

  it('a bad --load network (input layer not 784) is rejected after loading, before training', async () => {
    const small = join(folder, 'small.json');
    writeFileSync(small, JSON.stringify({ sizes: [2, 10], weights: [Array.from({ length: 10 }, () => [0, 0])], biases: [Array.from({ length: 10 }, () => [0])], cost: 'CrossEntropyCost' }));
    const result = await runCli(['train', ...QUICK, '--load', small, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`netdash: --load ${small}: got 2,10; must be a list starting with the data's 784 inputs\n`);
  });
});

// `netdash train` as CI runs it: the --json event stream, the plain-text output for pipes, presets
// with overriding flags, stop reasons and their exit codes, saving and continuing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNetwork } from '../../../src/data/modelFile.js';
import { QUICK, ROOT, ensureBuilt, finished, jsonLines, runCli, startCli } from './cliHarness.js';
import { runTrain } from './inProcess.js';

let folder: string;
beforeAll(async () => {
  await ensureBuilt();
  folder = mkdtempSync(join(tmpdir(), 'netdash-cli-train-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('train --json', () => {
  it('prints only NDJSON, in the order start, epoch…, done, with the documented fields', async () => {
    const save = join(folder, 'stream.json');
    const result = await runCli(['train', ...QUICK, '--epochs', '2', '--monitor-training', '--test', '--save', save, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.map((l) => l.type)).toEqual(['start', 'epoch', 'epoch', 'done']);

    const [start, first, second, done] = lines as [any, any, any, any];
    expect(start).toMatchObject({ version, trainingSize: 500, validationSize: 500, heldOut: 'validation', testSize: 10000 });
    expect(start.config).toMatchObject({ sizes: [784, 30, 10], epochs: 2, eta: 0.5, monitorTrainingCost: true });
    expect(start.batchesPerEpoch).toBe(50);

    expect([first.epoch, second.epoch]).toEqual([1, 2]);
    for (const epoch of [first, second]) {
      for (const key of ['trainingAccuracy', 'validationAccuracy']) {
        expect(epoch[key]).toBeGreaterThanOrEqual(0);
        expect(epoch[key]).toBeLessThanOrEqual(1);
      }
      for (const key of ['trainingCost', 'validationCost', 'trainSeconds', 'evalSeconds']) expect(epoch[key]).toBeGreaterThan(0);
      expect(epoch.learningRate).toBe(0.5);
      expect(epoch.bestEpoch).toBeGreaterThanOrEqual(1);
      expect(epoch.epochsSinceImprovement).toBeGreaterThanOrEqual(0);
    }
    // Two epochs on 500 images learn something: far above the 10% of guessing.
    expect(second.validationAccuracy).toBeGreaterThan(0.3);

    const best = [first, second].find((e) => e.epoch === done.bestEpoch);
    expect(done).toMatchObject({ reason: 'completed', epochs: 2, saved: save });
    expect(done.best.validationAccuracy).toBe(best.validationAccuracy);
    expect(done.final.validationAccuracy).toBe(second.validationAccuracy);
    expect(done.testAccuracy).toBeGreaterThan(0.3);
    expect(done.seconds).toBeGreaterThan(0);

    // The saved file is the best network: evaluating it on the test set gives the reported test accuracy.
    expect(loadNetwork(save).sizes).toEqual([784, 30, 10]);
    const evaluated = await runCli(['evaluate', save, '--on', 'test', '--json']);
    expect(evaluated.code).toBe(0);
    expect(jsonLines(evaluated.stdout)[0]!.accuracy).toBe(done.testAccuracy);
  });

  it('--load continues from the saved weights', async () => {
    const save = join(folder, 'continue.json');
    const first = jsonLines((await runTrain([...QUICK, '--epochs', '2', '--save', save, '--json'])).stdout);
    const bestAccuracy = first.at(-1)!.best.validationAccuracy;
    // A negligible η leaves the loaded weights as they were: the same accuracy on the same images.
    const resumed = await runTrain([...QUICK, '--epochs', '1', '--eta', '1e-12', '--load', save, '--json']);
    expect(resumed.code).toBe(0);
    const lines = jsonLines(resumed.stdout);
    expect(lines[0]!.loadedFrom).toBe(save);
    expect(lines[1]!.validationAccuracy).toBe(bestAccuracy);
  });

  it('evaluate --lambda reproduces the regularized validation cost that training reported', async () => {
    const save = join(folder, 'regularized.json');
    // The full 10,000 validation images, the set evaluate scores.
    const trained = await runCli(['train', '--train-size', '500', '--epochs', '1', '--lambda', '5', '--save', save, '--json']);
    const done = jsonLines(trained.stdout).at(-1)!;
    const withLambda = jsonLines((await runCli(['evaluate', save, '--lambda', '5', '--json'])).stdout)[0]!;
    expect(withLambda.cost).toBeCloseTo(done.best.validationCost, 9);
    expect(withLambda.accuracy).toBe(done.best.validationAccuracy);
    // Without λ only the data cost remains, which is smaller.
    const dataOnly = jsonLines((await runCli(['evaluate', save, '--json'])).stdout)[0]!;
    expect(dataOnly.cost).toBeLessThan(withLambda.cost);
  });

  it('reports learning-rate changes as lr lines and stops with reason schedule, exit 0', async () => {
    // --min-delta 1 makes every epoch after the first "no improvement": η halves every epoch.
    const result = await runTrain([...QUICK, '--epochs', '30', '--schedule', '--patience', '1', '--min-delta', '1', '--json']);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    const lr = lines.filter((l) => l.type === 'lr');
    expect(lr.length).toBeGreaterThanOrEqual(7);
    for (const change of lr) expect(change.to).toBeCloseTo(change.from / 2, 12);
    expect(lines.at(-1)).toMatchObject({ type: 'done', reason: 'schedule' });
    // Each lr line follows the epoch it was decided in.
    lines.forEach((line, i) => line.type === 'lr' && expect(lines[i - 1]).toMatchObject({ type: 'epoch', epoch: line.epoch }));
  });

  it('an early stop is a success (exit 0)', async () => {
    const result = await runTrain([...QUICK, '--epochs', '30', '--patience', '1', '--min-delta', '1', '--json']);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ type: 'done', reason: 'early-stop', epochs: 2, bestEpoch: 1 });
  });

  it('a run that diverges in its first epoch exits 1, reports no best epoch and saves nothing', async () => {
    const save = join(folder, 'diverged.json');
    const result = await runCli(['train', ...QUICK, '--epochs', '3', '--eta', '1e308', '--save', save, '--json']);
    expect(result.code).toBe(1);
    const done = jsonLines(result.stdout).at(-1)!;
    expect(done).toMatchObject({ type: 'done', reason: 'diverged', epochs: 1, bestEpoch: 0, best: {} });
    expect(done.saved).toBeUndefined();
    expect(existsSync(save)).toBe(false);
    expect(result.stderr).toBe(
      'netdash: training diverged in epoch 1 (NaN or infinite cost; nothing saved); try a smaller --eta\n',
    );
  });

  it('--fail-under gates on the best validation accuracy', async () => {
    const failing = await runTrain([...QUICK, '--epochs', '1', '--fail-under', '0.99', '--json']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/best validation accuracy \d+\.\d\d% is below --fail-under 99\.00%/);
    expect(jsonLines(failing.stdout).at(-1)!.type).toBe('done');
    const passing = await runTrain([...QUICK, '--epochs', '1', '--fail-under', '0.2', '--json']);
    expect(passing.code).toBe(0);
  });
});

describe('train --save that cannot be written', () => {
  it('is refused before training when the destination is bad (exit 2, one line, no start line)', async () => {
    const save = join(folder, `${'n'.repeat(300)}.json`);
    const result = await runCli(['train', ...QUICK, '--epochs', '1', '--save', save, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`netdash: --save: got ${save}; file name is 305 bytes; at most 255 allowed\n`);
  });

  it('when the folder goes away during training: the stream still ends with done, without saved, then exit 2', async () => {
    const sub = join(folder, 'vanishing');
    mkdirSync(sub);
    const save = join(sub, 'net.json');
    const child = startCli(['train', ...QUICK, '--epochs', '400', '--save', save, '--json']);
    child.stdout!.once('data', () => rmSync(sub, { recursive: true, force: true }));
    const result = await finished(child);
    expect(result.code).toBe(2);
    const done = jsonLines(result.stdout).at(-1)!;
    expect(done).toMatchObject({ type: 'done', reason: 'completed' });
    expect(done.saved).toBeUndefined();
    expect(result.stderr).toBe(`netdash: ${save}: cannot write: folder ${sub} does not exist\n`);
  });
});

describe('train presets', () => {
  it('starts from the preset and lets given flags override it', async () => {
    const result = await runTrain([
      '--experiment',
      'l2-1000',
      '--epochs',
      '1',
      '--eta',
      '0.25',
      '--held-out',
      'validation',
      '--validation-size',
      '500',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const start = jsonLines(result.stdout)[0]!;
    // From the preset (the book's L2 run on 1,000 images): λ, large init, 1,000 training images.
    expect(start.config).toMatchObject({ lambda: 0.1, init: 'large', sizes: [784, 30, 10] });
    expect(start.trainingSize).toBe(1000);
    // From the flags.
    expect(start.config).toMatchObject({ epochs: 1, eta: 0.25 });
    expect(start).toMatchObject({ heldOut: 'validation', validationSize: 500, experiment: { id: 'l2-1000', variant: 1 } });
  });

  it('monitors the test set when the preset says so, and --variant picks a run of a multi-run preset', async () => {
    const overfitting = jsonLines(
      (await runTrain(['--experiment', 'overfitting', '--train-size', '200', '--epochs', '1', '--json'])).stdout,
    );
    expect(overfitting[0]).toMatchObject({ heldOut: 'test', validationSize: 10000, trainingSize: 200 });
    const eta = jsonLines(
      (await runTrain(['--experiment', 'eta', '--variant', '3', ...QUICK, '--epochs', '1', '--json'])).stdout,
    );
    expect(eta[0]!.config.eta).toBe(2.5);
    expect(eta[0]!.experiment).toMatchObject({ id: 'eta', variant: 3, run: 'η = 2.5' });
  });

  it('--experiment slowdown runs the single-neuron demo: neuron lines per epoch of each config', async () => {
    const result = await runTrain(['--experiment', 'slowdown', '--epochs', '4', '--json']);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines[0]!.type).toBe('start');
    expect(lines.at(-1)!.type).toBe('done');
    const neuron = lines.filter((l) => l.type === 'neuron');
    expect(neuron).toHaveLength(3 * 5); // epochs 0..4 of three configs
    // The book's first neuron starts at w = 0.6, b = 0.9: output σ(1.5), quadratic cost a²/2.
    const sigma = 1 / (1 + Math.exp(-1.5));
    expect(neuron[0]).toMatchObject({ run: 'quadratic, w=0.6 b=0.9', epoch: 0 });
    expect(neuron[0]!.output).toBeCloseTo(sigma, 12);
    expect(neuron[0]!.cost).toBeCloseTo((sigma * sigma) / 2, 12);
  });
});

describe('train without --json, in a pipe', () => {
  it('prints one plain line per epoch and a summary, without escape codes', async () => {
    const result = await runCli(['train', ...QUICK, '--epochs', '2', '--test'], { stdin: 'ignore' });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/\x1b/);
    const lines = result.stdout.trim().split('\n');
    const epochs = lines.filter((l) => l.startsWith('epoch '));
    expect(epochs).toHaveLength(2);
    expect(epochs[0]).toMatch(/^epoch 1\/2  val acc \d+\.\d\d%  val cost [\d.]+  η 0\.5  best \d+\.\d\d% @1  [\d.]+s\+[\d.]+s$/);
    expect(lines.at(-1)).toMatch(
      /^done: completed after 2 epochs .*best epoch [12]: val acc .*final: val acc .*test acc \d+\.\d\d%$/,
    );
  });
});

// `netdash inspect` and `netdash predict` in this process on a network trained here (a few spawned
// smoke tests of the built CLI at the end): the JSON agrees with evaluate, a test digit written as a
// large off-centre PNG is read as evaluate reads the original, and bad input is one line per file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import yargs from 'yargs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/core/config.js';
import { Trainer } from '../../../src/core/trainer.js';
import type { Predictions } from '../../../src/core/types.js';
import { loadDatasets, type Datasets } from '../../../src/data/load.js';
import { saveNetwork } from '../../../src/data/modelFile.js';
import { stripColor } from '../../../src/ui/app/colorMode.js';
import { reportError } from '../../../src/ui/app/errors.js';
import { configureYargs } from '../../../src/ui/app/yargsSetup.js';
import { inspectBuilder, inspectNetwork, type InspectArgs } from '../../../src/ui/cli/commands/inspect.js';
import { predictBuilder, predictDigits, type PredictArgs } from '../../../src/ui/cli/commands/predict.js';
import type { Io } from '../../../src/ui/cli/output/reporter.js';
import { ensureBuilt, jsonLines, runCli } from './cliHarness.js';

let folder: string;
let model: string;
let data: Datasets;
/** What evaluate makes of the test set. */
let testResult: { correct: number; total: number; predictions: Predictions };

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'netdash-cli-inspect-'));
  data = loadDatasets({ trainingSize: 3000, validationSize: 1000 });
  const trainer = new Trainer(makeConfig({ sizes: [784, 20, 10], epochs: 3, seed: 4 }), {
    training: data.training,
    validation: data.validation,
  });
  await trainer.run();
  model = join(folder, 'net.json');
  saveNetwork(model, trainer.currentNetwork());
  const result = trainer.evaluate(data.test, false, { outputs: false });
  testResult = { correct: result.correct, total: result.total, predictions: result.predictions! };
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string[];
}

/** Runs a command body with captured streams; errors go through the real reportError. */
function run(
  command: string,
  builder: (y: ReturnType<typeof yargs>) => ReturnType<typeof yargs>,
  argv: string[],
  body: (args: never, io: Io, env: Record<string, string>) => number,
  env: Record<string, string> = { NO_COLOR: '1' },
): Outcome {
  let out = '';
  let err = '';
  const sink = (onText: (t: string) => void) =>
    ({ write: (t: string) => (onText(t), true), columns: 70 }) as unknown as Io['stdout'];
  const io: Io = { stdout: sink((t) => (out += t)), stderr: sink((t) => (err += t)) };
  try {
    const args = [command.split(' ')[0]!, ...argv];
    const parsed = configureYargs(yargs(args), args).command(command, command, builder).parseSync();
    return { code: body(parsed as never, io, env), stdout: out, stderr: [] };
  } catch (error) {
    const code = reportError(error, { write: (text: string) => (err += text) });
    return { code, stdout: out, stderr: err.trimEnd().split('\n') };
  }
}

const inspect = (argv: string[], env?: Record<string, string>) =>
  run('inspect <model>', inspectBuilder, argv, (a: InspectArgs, io, e) => inspectNetwork(a, io, e), env);
const predict = (argv: string[], env?: Record<string, string>) =>
  run('predict <model> <images..>', predictBuilder, argv, (a: PredictArgs, io, e) => predictDigits(a, io, e), env);

/** Test digit `index` as a dark-on-light PNG, scaled `k`× and placed off-centre on a large white page. */
function writeDigitPng(index: number, k: number, name: string): string {
  const [width, height, left, top] = [420, 300, 250, 20];
  const image = new PNG({ width, height });
  image.data.fill(255);
  for (let y = 0; y < 28 * k; y++) {
    for (let x = 0; x < 28 * k; x++) {
      const ink = data.test.pixels[index * 784 + Math.floor(y / k) * 28 + Math.floor(x / k)]!;
      const at = 4 * ((top + y) * width + left + x);
      image.data.fill(255 - ink, at, at + 3);
    }
  }
  const path = join(folder, name);
  writeFileSync(path, PNG.sync.write(image));
  return path;
}

describe('netdash inspect', () => {
  it('--json: the confusion matrix sums to the set, its diagonal is evaluate’s correct count', () => {
    const outcome = inspect([model, '--on', 'test', '--json']);
    expect(outcome.code).toBe(0);
    const [report, ...rest] = jsonLines(outcome.stdout);
    expect(rest).toHaveLength(0);
    expect(Object.keys(report!)).toEqual(
      expect.arrayContaining(['accuracy', 'correct', 'total', 'confusion', 'perDigit', 'misclassified']),
    );
    const confusion = report!.confusion as number[][];
    expect(confusion.flat().reduce((a, b) => a + b, 0)).toBe(testResult.total);
    expect(confusion.reduce((sum, row, i) => sum + row[i]!, 0)).toBe(testResult.correct);
    expect(report!.correct).toBe(testResult.correct);
    expect(report!.accuracy).toBe(testResult.correct / testResult.total);
    expect(report!.perDigit).toHaveLength(10);
    const wrong = report!.misclassified as { index: number; label: number; prediction: number; confidence: number }[];
    expect(wrong).toHaveLength(testResult.total - testResult.correct);
    for (const m of wrong) {
      expect(m.label).toBe(data.test.labels[m.index]);
      expect(m.prediction).toBe(testResult.predictions.predicted[m.index]);
    }
    expect(wrong.every((m, i) => i === 0 || wrong[i - 1]!.confidence >= m.confidence)).toBe(true);
  });

  it('text: the matrix, the confused pairs, the drawn mistakes and the hidden neurons; no colour under NO_COLOR', () => {
    const outcome = inspect([model, '--errors', '2', '--weights']);
    expect(outcome.code).toBe(0);
    const text = outcome.stdout;
    expect(text).toMatch(/on validation: accuracy \d+\.\d\d% \(\d+,?\d*\/10,000\)/);
    expect(text).toContain('true\\read');
    expect(text).toMatch(/Most confused: \d read as \d: \d+/);
    expect(text.match(/^#\d+: a \d read as \d \(confidence \d\.\d{3}\)$/gm)).toHaveLength(2);
    expect(text).toContain('Hidden neurons of the first layer (20)');
    expect(text).toContain('neuron 19');
    expect(stripColor(text)).toBe(text);
    const coloured = inspect([model, '--errors', '1'], { FORCE_COLOR: '3' }).stdout;
    expect(stripColor(coloured)).not.toBe(coloured);
  });

  it('--errors: a whole number', () => {
    const outcome = inspect([model, '--errors', '-1']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toEqual(['netdash: --errors: got -1; must be a whole number from 0 to 10000']);
  });
});

describe('netdash predict', () => {
  it('a test digit written as a large off-centre PNG is read as evaluate reads the original', () => {
    // The first test digits the network reads with confidence (a borderline one may tip either way).
    const digits = [0, 1, 2, 3, 4, 5, 6, 7].filter((i) => testResult.predictions.confidence[i]! > 0.8).slice(0, 4);
    expect(digits.length).toBeGreaterThanOrEqual(3);
    const files = digits.map((i, n) => writeDigitPng(i, 5 + n, `digit-${i}.png`));
    const outcome = predict([model, ...files, '--json']);
    expect(outcome.code).toBe(0);
    const lines = jsonLines(outcome.stdout);
    expect(lines.map((l) => l.file)).toEqual(files);
    lines.forEach((line, n) => {
      expect(line.prediction).toBe(testResult.predictions.predicted[digits[n]!]);
      expect(line.outputs).toHaveLength(10);
      expect(Math.max(...(line.outputs as number[]))).toBe((line.outputs as number[])[line.prediction as number]);
    });
  });

  it('text: the 28 × 28 image as the network sees it, the digit and the ten outputs', () => {
    const file = writeDigitPng(0, 6, 'seven.png');
    const outcome = predict([model, file]);
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^.*seven\\.png: ${testResult.predictions.predicted[0]} \\(output \\d\\.\\d{3}; dark ink on light paper\\)$`),
    );
    expect(lines.slice(1, 15).every((line) => [...line].length >= 28)).toBe(true);
    expect(outcome.stdout.match(/◀/g)).toHaveLength(1);
  });

  it('bad images: one line each naming the file, exit 2, nothing on stdout', () => {
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not an image');
    const truncated = join(folder, 'cut.png');
    writeFileSync(truncated, PNG.sync.write(new PNG({ width: 40, height: 40 })).subarray(0, 60));
    const sub = join(folder, 'a-folder');
    mkdirSync(sub, { recursive: true });
    const blank = join(folder, 'blank.pgm');
    writeFileSync(blank, 'P2 2 2 255 200 200 200 200');
    const good = writeDigitPng(1, 4, 'good.png');
    const outcome = predict([model, text, good, truncated, sub, blank]);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toEqual([
      `netdash: ${text}: not an image we read; expected a PNG or a PGM (P5 binary or P2 ASCII) image`,
      expect.stringMatching(new RegExp(`^netdash: ${truncated}: corrupt or truncated PNG`)),
      `netdash: ${sub}: is a folder; expected a regular file`,
      `netdash: ${blank}: no digit found: no ink darker or lighter than the paper`,
    ]);
  });
});

describe('the built CLI', () => {
  beforeAll(ensureBuilt);

  it('predict --json and a bad image, spawned', async () => {
    const good = writeDigitPng(2, 3, 'spawned.png');
    const ok = await runCli(['predict', model, good, '--json']);
    expect(ok.code).toBe(0);
    expect(jsonLines(ok.stdout)[0]).toMatchObject({ file: good, prediction: testResult.predictions.predicted[2] });
    const bad = await runCli(['predict', model, folder]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`netdash: ${folder}: is a folder; expected a regular file\n`);
  });
});

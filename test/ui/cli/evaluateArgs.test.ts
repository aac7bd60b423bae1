// `netdash evaluate` arguments in-process, on a table of cases: argv parsed by the real yargs
// builder, the file and data loaded and checked by the shared run setup, errors turned into one
// line and exit 2 by reportError. (evaluate.test.ts spawns the built CLI for the scores.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateOutcome } from './inProcess.js';

let folder: string;
const path = (name: string) => join(folder, name);
const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'netdash-evaluate-args-'));
  const network = {
    sizes: [784, 10, 10],
    weights: [zeros(10, 784), zeros(10, 10)],
    biases: [zeros(10, 1), zeros(10, 1)],
    cost: 'CrossEntropyCost',
  };
  writeFileSync(path('net.json'), JSON.stringify(network));
  network.weights[1]![3] = [1, 2]; // a row of 2 numbers where 10 are needed
  writeFileSync(path('broken.json'), JSON.stringify(network));
  writeFileSync(
    path('tiny.json'),
    JSON.stringify({ sizes: [1, 10], weights: [zeros(10, 1)], biases: [zeros(10, 1)], cost: 'QuadraticCost' }),
  );
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('evaluate arguments', () => {
  it('scores a saved network: one JSON line, or one text line', () => {
    const json = evaluateOutcome([path('net.json'), '--on', 'test', '--json']);
    expect(json.code).toBeUndefined();
    const line = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(line).toMatchObject({ file: path('net.json'), on: 'test', sizes: [784, 10, 10], total: 10_000 });
    const text = evaluateOutcome([path('net.json'), '--lambda', '0.5']);
    expect(text.stdout).toMatch(
      /^\/.*net\.json \[784,10,10\] on validation: accuracy \d+\.\d\d% \(\d+\/10000\) {2}cost [\d.]+\n$/,
    );
  });

  /** [case, argv, the one stderr line without "netdash: " (a function of the temp folder's paths)] */
  const BAD: [string, () => string[], () => string | RegExp][] = [
    ['an unknown set', () => [path('net.json'), '--on', 'training'], () => '--on: got training; must be one of validation, test'],
    ['λ < 0', () => [path('net.json'), '--lambda', '-1'], () => '--lambda: got -1; must be a number ≥ 0'],
    ['λ not a number', () => [path('net.json'), '--lambda', 'abc'], () => '--lambda: got abc; must be a number ≥ 0'],
    ['a missing file', () => [path('none.json')], () => `${path('none.json')}: file not found`],
    [
      'a malformed file',
      () => [path('broken.json')],
      () => `${path('broken.json')}: not a network2.py network file: weights of layer 2, row 3 must have 10 numbers`,
    ],
    [
      'a network that does not fit the data',
      () => [path('tiny.json')],
      () => `${path('tiny.json')}: got 1,10; must be a list starting with the data's 784 inputs`,
    ],
    [
      'a missing data folder',
      () => [path('net.json'), '--data-dir', '/nonexistent-netdash'],
      () => /^\/nonexistent-netdash: folder not found/,
    ],
    ['an empty file name', () => [''], () => "'': empty file name; expected the path of a file"],
    ['standard input', () => ['-'], () => '-: standard input is not read by netdash; expected a file path'],
    ['a folder', () => [path('')], () => /: is a folder; expected a regular file$/],
    ['no file', () => [], () => 'Not enough non-option arguments: got 0, need at least 1 (see netdash evaluate --help)'],
    ['two files', () => [path('net.json'), 'b.json'], () => 'Unknown argument: b.json (see netdash evaluate --help)'],
    ['an unknown flag', () => [path('net.json'), '--onn', 'test'], () => 'Unknown argument: onn (see netdash evaluate --help)'],
    ['a flag without value', () => [path('net.json'), '--on'], () => /^Not enough arguments following: on/],
  ];

  it.each(BAD)('rejects %s with exit 2 and one line', (_name, argv, expected) => {
    const { code, lines, stdout } = evaluateOutcome([...argv(), '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines).toHaveLength(1);
    const want = expected();
    if (typeof want === 'string') expect(lines[0]).toBe(`netdash: ${want}`);
    else expect(lines[0]!.slice('netdash: '.length)).toMatch(want);
  });

  it('reports both bad arguments at once', () => {
    expect(evaluateOutcome([path('net.json'), '--on', 'x', '--lambda', '-1']).lines).toEqual([
      'netdash: --lambda: got -1; must be a number ≥ 0',
      'netdash: --on: got x; must be one of validation, test',
    ]);
  });
});

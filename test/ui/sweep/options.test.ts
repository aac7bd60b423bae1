// The sweep's flags, read into a spec and planned into trials: each accepted or rejected input one
// row, rejected ones with the exact one-line message; trial seeds from params, not from order.
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/ui/app/errors.js';
import { configureYargs } from '../../../src/ui/app/yargsSetup.js';
import { planSweep } from '../../../src/ui/app/sweep/planner.js';
import { readSweepSpec, sweepBuilder, type SweepArgs } from '../../../src/ui/app/sweep/sweepOptions.js';

function parse(argv: string[]): SweepArgs {
  const args = ['sweep', ...argv];
  return configureYargs(yargs(args), args).command('sweep', 'sweep', sweepBuilder).parseSync() as SweepArgs;
}

function plan(argv: string[]) {
  const args = parse(argv);
  return planSweep(args, readSweepSpec(args));
}

function problems(argv: string[]): string[] {
  try {
    plan(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message.split('\n');
    throw error;
  }
  return [];
}

describe('sweep flags', () => {
  it.each([
    [['--grid', 'foo=1,2'], '--grid: got foo=1,2; must be NAME=V1,V2,… with NAME one of'],
    [['--grid', 'eta='], '--grid: got eta=; must be NAME=V1,V2,… with at least one value and none empty'],
    [['--grid', 'eta=0.1,,1'], '--grid: got eta=0.1,,1; must be NAME=V1,V2,… with at least one value and none empty'],
    [['--grid', 'eta=0.1,-1'], '--eta: got -1; must be a number > 0'],
    [['--grid', 'dropout=0.5,1'], '--dropout: got 1; must be a probability in [0, 1)'],
    [['--grid', 'hidden=30,0'], '--hidden: got 0; must be whole numbers ≥ 1, e.g. 30 or 100,30'],
    [['--grid', 'schedule=maybe'], '--grid: got schedule=maybe; must be true and/or false for the switch --schedule'],
    [['--grid', 'eta=1', '--eta', '2'], '--eta: is also swept; give it either as a flag or in --grid/--range'],
    [['--grid', 'eta=1', '--jobs', '0'], '--jobs: got 0; must be a whole number 1..256'],
    [['--grid', 'eta=1', '--seeds', '0'], '--seeds: got 0; must be a whole number 1..100'],
    [['--range', 'eta=0.1:1'], '--range: needs --random N (the number of draws)'],
    [['--random', '3'], '--random: needs --range NAME=LOW:HIGH (or --grid values) to draw from'],
    [['--random', '3', '--range', 'eta=1:0.1'], '--range: got eta=1:0.1; must be numbers LOW ≤ HIGH'],
    [
      ['--random', '3', '--range', 'lambda=0:1:log'],
      '--range: got lambda=0:1:log; must be numbers LOW ≤ HIGH, LOW > 0 on a log scale',
    ],
    [
      ['--random', '3', '--range', 'cost=0:1'],
      '--range: got cost=0:1; must be NAME=LOW:HIGH or NAME=LOW:HIGH:log with NAME one of',
    ],
    [
      ['--strategy', 'book', '--grid', 'eta=1'],
      '--strategy book: chooses η, epochs and λ itself; leave out --grid, --random and --range',
    ],
    [['--strategy', 'best'], '--strategy: got best; must be one of grid, book'],
    [['--grid', 'eta=1', '--epochs', '0'], '--epochs: got 0; must be a whole number ≥ 1'],
    [['--grid', 'eta=1', '--experiment', 'slowdown'], '--experiment slowdown: is the single-neuron demo'],
    [['--grid', 'eta=1', '--queue', 'redis://h:1', '--data-dir', 'x'], '--data-dir: not sent with --queue'],
  ])('rejects %j', (argv, expected) => {
    expect(problems(argv).some((line) => line.startsWith(expected))).toBe(true);
  });

  it('refuses the flags of train a trial has no use for, and reports every problem at once', () => {
    expect(() => parse(['--save', 'x.json'])).toThrow(/Unknown argument: save/);
    expect(problems(['--grid', 'eta=-1', '--grid', 'lambda=-2', '--jobs', '0'])).toHaveLength(1);
    expect(problems(['--grid', 'eta=-1', '--grid', 'lambda=-2'])).toEqual([
      '--eta: got -1; must be a number > 0',
      '--lambda: got -2; must be a number ≥ 0',
    ]);
  });

  it('plans every combination, last flag fastest, layer lists with /, and checks each as train does', () => {
    const { trials } = plan(['--grid', 'eta=0.1,1', '--grid', 'hidden=30,100/30', '--seeds', '2']);
    expect(trials).toHaveLength(8);
    expect(trials.map((t) => `${t.params.eta}|${t.params.hidden}|${t.replicate}`)).toEqual([
      '0.1|30|0',
      '0.1|30|1',
      '0.1|100,30|0',
      '0.1|100,30|1',
      '1|30|0',
      '1|30|1',
      '1|100,30|0',
      '1|100,30|1',
    ]);
    expect(new Set(trials.map((t) => t.seed)).size).toBe(8);
    expect(trials[2]!.args.hidden).toEqual(['100,30']);
  });

  it("derives a trial's seed and key from the sweep seed and its params, not from its place", () => {
    const a = plan(['--grid', 'eta=0.1,1']).trials;
    const b = plan(['--grid', 'eta=1,0.5,0.1']).trials;
    const find = (trials: typeof a, eta: string) => trials.find((t) => t.params.eta === eta)!;
    expect(find(a, '1').seed).toBe(find(b, '1').seed);
    expect(find(a, '0.1').key).toBe(find(b, '0.1').key);
    const other = plan(['--grid', 'eta=0.1,1', '--seed', '7']).trials;
    expect(find(other, '1').seed).not.toBe(find(a, '1').seed);
  });

  it('draws --random values within their ranges, the same for the same seed', () => {
    const argv = [
      '--random',
      '12',
      '--range',
      'eta=0.01:10:log',
      '--range',
      'batch=5:50',
      '--grid',
      'cost=quadratic,cross-entropy',
    ];
    const first = plan(argv);
    expect(plan(argv).trials.map((t) => t.key)).toEqual(first.trials.map((t) => t.key));
    for (const { params } of first.trials) {
      expect(Number(params.eta)).toBeGreaterThanOrEqual(0.01);
      expect(Number(params.eta)).toBeLessThanOrEqual(10);
      expect(Number.isInteger(Number(params.batch))).toBe(true);
      expect(['quadratic', 'cross-entropy']).toContain(params.cost);
    }
    expect(first.id).toMatch(/^[0-9a-f]{12}$/);
  });
});

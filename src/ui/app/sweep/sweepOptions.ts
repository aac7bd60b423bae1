// The flags of `netdash sweep`: every hyper-parameter flag of `train` as the base of each trial,
// and the sweep's own (--grid, --random/--range, --seeds, --jobs, --queue, --strategy). Read into
// a SweepSpec here; every problem is one line naming the flag, the value and what is allowed.
import { availableParallelism } from 'node:os';
import type { Argv, Options } from 'yargs';
import { UsageError } from '../errors.js';
import { isWholeNumber, lastText, parseNumber } from '../values.js';
import { TRAIN_OPTIONS, type TrainArgs } from '../trainOptions.js';
import { SWEEP_FLAGS, sweepFlag, type ParamValue } from './params.js';

export const MAX_TRIALS = 1000;
const MAX_SEEDS = 100;
const MAX_JOBS = 256;
const STRATEGIES = ['grid', 'book'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** `train` flags a sweep does not take: a trial saves, loads, tests and gates nothing (and resumes its own run). */
const NOT_FOR_SWEEPS = new Set(['save', 'load', 'test', 'fail-under', 'resume']);

export interface SweepArgs extends TrainArgs {
  grid?: string[];
  random?: string;
  range?: string[];
  seeds?: string;
  jobs?: string;
  queue?: string;
  strategy?: string;
  trySchedule?: boolean;
}

export interface Range {
  flag: string;
  low: number;
  high: number;
  log: boolean;
}

export interface SweepSpec {
  strategy: Strategy;
  /** Swept flags and their values, in the order given. */
  grid: { flag: string; values: ParamValue[] }[];
  ranges: Range[];
  /** N random draws instead of the whole grid. */
  random?: number;
  seeds: number;
  jobs: number;
  queue?: string;
  trySchedule: boolean;
  json: boolean;
}

const SWEEP_GROUP = 'Sweep:';
const sweepNames = () => SWEEP_FLAGS.map((spec) => spec.flag).join(', ');

const SWEEP_OPTIONS: Record<string, Options> = {
  grid: {
    type: 'string',
    array: true,
    requiresArg: true,
    group: SWEEP_GROUP,
    describe:
      'NAME=V1,V2,…: try each value of a train flag (repeatable; every combination runs). Layer lists use / (--grid hidden=30,100/30); switches true,false',
  },
  random: {
    requiresArg: true,
    coerce: lastText,
    group: SWEEP_GROUP,
    describe: 'N random draws from the --range (and --grid) values instead of every combination',
  },
  range: {
    type: 'string',
    array: true,
    requiresArg: true,
    group: SWEEP_GROUP,
    describe: 'NAME=LOW:HIGH[:log]: the interval --random draws a number flag from (log: evenly in log scale)',
  },
  seeds: {
    requiresArg: true,
    coerce: lastText,
    group: SWEEP_GROUP,
    describe: 'runs per combination, each with its own seed [default: 1]',
  },
  jobs: {
    requiresArg: true,
    coerce: lastText,
    group: SWEEP_GROUP,
    describe: `trials at once on worker threads [default: the cores, ${availableParallelism()} here]`,
  },
  queue: {
    type: 'string',
    requiresArg: true,
    coerce: lastText,
    group: SWEEP_GROUP,
    describe: 'redis://[:PASSWORD@]HOST:PORT (or rediss:// for TLS): put the trials on a queue for `netdash worker`s',
  },
  strategy: {
    requiresArg: true,
    coerce: lastText,
    group: SWEEP_GROUP,
    describe: "grid (the --grid/--random trials) | book (the chapter's recipe: η threshold, epochs, λ) [default: grid]",
  },
  'try-schedule': { type: 'boolean', group: SWEEP_GROUP, describe: 'with --strategy book: also try the learning-rate schedule' },
};

export function sweepBuilder(yargs: Argv): Argv {
  const trainOptions = Object.fromEntries(Object.entries(TRAIN_OPTIONS).filter(([flag]) => !NOT_FOR_SWEEPS.has(flag)));
  return yargs
    .options(trainOptions)
    .option('json', { type: 'boolean', describe: 'NDJSON on stdout: sweep-start, trial-start, trial-done, sweep-done' })
    .options(SWEEP_OPTIONS)
    .conflicts('sizes', 'hidden')
    .example('$0 sweep --grid eta=0.1,0.5,1 --grid lambda=0,1,5 --epochs 10', 'nine trials on both cores')
    .example('$0 sweep --random 20 --range eta=0.01:3:log --range lambda=0:10 --seeds 2', 'twenty random draws, two seeds each')
    .example('$0 sweep --strategy book --train-size 10000 --epochs 60', "the chapter's recipe, step by step")
    .example('$0 sweep --grid eta=0.1,0.5 --queue redis://queue.lan:6379', 'on the `netdash worker`s of a Redis queue');
}

class Problems {
  readonly lines: string[] = [];
  add(flag: string, text: string, allowed: string): void {
    this.lines.push(`${flag}: got ${text}; must be ${allowed}`);
  }
}

function wholeFlag(problems: Problems, flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  if (!isWholeNumber(n, min) || n > max) problems.add(flag, text, `a whole number ${min}..${max}`);
  return n;
}

function gridEntry(problems: Problems, text: string): SweepSpec['grid'][number] | undefined {
  const match = /^([a-z-]+)=(.*)$/s.exec(text);
  const spec = match ? sweepFlag(match[1]!) : undefined;
  if (!match || !spec) {
    problems.add('--grid', text, `NAME=V1,V2,… with NAME one of ${sweepNames()}`);
    return undefined;
  }
  const texts = match[2]!.split(',').map((part) => part.trim());
  if (texts.some((part) => part === '')) {
    problems.add('--grid', text, `NAME=V1,V2,… with at least one value and none empty`);
    return undefined;
  }
  if (spec.kind !== 'boolean')
    return { flag: spec.flag, values: texts.map((part) => (spec.kind === 'list' ? part.replaceAll('/', ',') : part)) };
  if (!texts.every((part) => part === 'true' || part === 'false')) {
    problems.add('--grid', text, `true and/or false for the switch --${spec.flag}`);
    return undefined;
  }
  return { flag: spec.flag, values: texts.map((part) => part === 'true') };
}

function rangeEntry(problems: Problems, text: string): Range | undefined {
  const match = /^([a-z-]+)=([^:]+):([^:]+)(:log)?$/.exec(text);
  const spec = match ? sweepFlag(match[1]!) : undefined;
  const numeric = SWEEP_FLAGS.filter((s) => s.kind === 'number' || s.kind === 'whole').map((s) => s.flag);
  if (!match || !spec || !numeric.includes(spec.flag)) {
    problems.add('--range', text, `NAME=LOW:HIGH or NAME=LOW:HIGH:log with NAME one of ${numeric.join(', ')}`);
    return undefined;
  }
  const low = parseNumber(match[2]!);
  const high = parseNumber(match[3]!);
  const log = match[4] !== undefined;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low <= high) || (log && !(low > 0))) {
    problems.add('--range', text, `numbers LOW ≤ HIGH${log ? ', LOW > 0 on a log scale' : ''}`);
    return undefined;
  }
  return { flag: spec.flag, low, high, log };
}

/** The sweep's own flags as a spec; throws a UsageError listing every problem. */
export function readSweepSpec(args: SweepArgs): SweepSpec {
  const problems = new Problems();
  const strategy = (args.strategy ?? 'grid') as Strategy;
  if (!STRATEGIES.includes(strategy)) problems.add('--strategy', String(args.strategy), `one of ${STRATEGIES.join(', ')}`);
  const grid = (args.grid ?? []).map((text) => gridEntry(problems, text)).filter((entry) => entry !== undefined);
  const ranges = (args.range ?? []).map((text) => rangeEntry(problems, text)).filter((entry) => entry !== undefined);
  const seen = new Set<string>();
  for (const { flag } of [...grid, ...ranges]) {
    if (seen.has(flag)) problems.lines.push(`--grid/--range: ${flag} is given twice; give each flag once`);
    seen.add(flag);
    // A swept flag replaces the base's: a base value of it would be silently ignored.
    const base = (args as Record<string, unknown>)[flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    if (base !== undefined) problems.lines.push(`--${flag}: is also swept; give it either as a flag or in --grid/--range`);
  }
  const random = wholeFlag(problems, '--random', args.random, 1, MAX_TRIALS);
  if (random === undefined && ranges.length > 0) problems.lines.push('--range: needs --random N (the number of draws)');
  if (random !== undefined && ranges.length === 0 && grid.length === 0) {
    problems.lines.push('--random: needs --range NAME=LOW:HIGH (or --grid values) to draw from');
  }
  if (strategy === 'book' && (grid.length > 0 || ranges.length > 0 || random !== undefined)) {
    problems.lines.push('--strategy book: chooses η, epochs and λ itself; leave out --grid, --random and --range');
  }
  if (args.trySchedule && strategy !== 'book') problems.lines.push('--try-schedule: needs --strategy book');
  const seeds = wholeFlag(problems, '--seeds', args.seeds, 1, MAX_SEEDS) ?? 1;
  const jobs = wholeFlag(problems, '--jobs', args.jobs, 1, MAX_JOBS) ?? availableParallelism();
  if (args.queue !== undefined && args.dataDir !== undefined) {
    problems.lines.push('--data-dir: not sent with --queue (jobs carry no file paths); give --data-dir to each `netdash worker`');
  }
  if (args.queue !== undefined && (args.runsDir !== undefined || args.record === false)) {
    const flag = args.runsDir !== undefined ? '--runs-dir' : '--no-record';
    problems.lines.push(`${flag}: not sent with --queue (each worker records its trials); give it to each \`netdash worker\``);
  }
  if (problems.lines.length > 0) throw new UsageError(problems.lines.join('\n'));
  return {
    strategy,
    grid,
    ranges,
    random,
    seeds,
    jobs,
    queue: args.queue,
    trySchedule: args.trySchedule ?? false,
    json: args.json ?? false,
  };
}

// From the sweep command to its trials: the base flags, every combination of the --grid values (or
// N seeded draws from --range/--grid), × --seeds, each trial seeded from the sweep's seed and its
// own params. Every trial is checked exactly as `train` checks its flags (planTraining, which runs
// the app layer's checkRequest) before any trial runs.
import { DEFAULT_CONFIG } from '../../../core/config.js';
import { Rng } from '../../../core/rng.js';
import { UsageError } from '../errors.js';
import { runsDirOf } from '../runsIndex.js';
import { parseNumber } from '../values.js';
import type { TrainArgs } from '../trainOptions.js';
import { planTraining, type TrainPlan } from '../trainPlan.js';
import {
  baseArgs,
  canonical,
  sweepFlag,
  sweepId,
  trialArgs,
  trialKey,
  trialSeed,
  type Params,
  type TrialArgs,
} from './params.js';
import { MAX_TRIALS, type SweepArgs, type SweepSpec } from './sweepOptions.js';

export interface Trial {
  /** 1-based, in plan order. */
  index: number;
  key: string;
  params: Params;
  /** Which of --seeds K (0-based). */
  replicate: number;
  seed: number;
  args: TrialArgs;
}

export interface SweepPlan {
  id: string;
  spec: SweepSpec;
  base: TrialArgs;
  sweepSeed: number;
  /** The local data folder (never sent through a queue). */
  dataDir?: string;
  /** The local runs folder each trial is recorded in; undefined with --no-record (never sent through a queue). */
  runsDir?: string;
  trials: Trial[];
}

/** The check `train` makes of its flags; a trial that `train` would refuse throws its one-line problems. */
export function checkTrialArgs(args: TrialArgs): TrainPlan {
  const plan = planTraining(args as TrainArgs);
  if (plan.kind !== 'train') {
    throw new UsageError(
      `--experiment ${String(args.experiment)}: is the single-neuron demo, not an MNIST run; a sweep trains MNIST networks`,
    );
  }
  return plan.plan;
}

/** Every combination of the grid's values, in the order given (the last flag varies fastest). */
function combinations(grid: SweepSpec['grid']): Params[] {
  let all: Params[] = [{}];
  for (const { flag, values } of grid) all = all.flatMap((params) => values.map((value) => ({ ...params, [flag]: value })));
  return all;
}

/** A number as people type it: three significant digits, whole numbers for whole flags. */
function drawnText(flag: string, value: number): string {
  return String(sweepFlag(flag)?.kind === 'whole' ? Math.round(value) : Number(value.toPrecision(3)));
}

/** N draws, seeded by the sweep's seed: each range uniformly (or log-uniformly), each grid flag one of its values. */
function draws(spec: SweepSpec, sweepSeed: number): Params[] {
  const rng = new Rng(sweepSeed ^ 0x5eed);
  return Array.from({ length: spec.random ?? 0 }, () => {
    const params: Params = {};
    for (const { flag, values } of spec.grid) params[flag] = values[Math.floor(rng.next() * values.length)]!;
    for (const { flag, low, high, log } of spec.ranges) {
      const u = rng.next();
      params[flag] = drawnText(
        flag,
        log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low),
      );
    }
    return params;
  });
}

/** The sweep's seed: --seed, else the default (a preset's runs share it too). */
export function sweepSeedOf(args: TrainArgs): number {
  return args.seed === undefined ? DEFAULT_CONFIG.seed : parseNumber(args.seed);
}

/** Trials for a list of params, × seeds, de-duplicated by key; each checked as `train` checks. Problems collected. */
export function makeTrials(
  base: TrialArgs,
  paramsList: readonly Params[],
  seeds: number,
  sweepSeed: number,
  firstIndex = 1,
): Trial[] {
  const trials: Trial[] = [];
  const seen = new Set<string>();
  const problems = new Set<string>();
  for (const params of paramsList) {
    for (let replicate = 0; replicate < seeds; replicate++) {
      const seed = trialSeed(sweepSeed, params, replicate);
      const args = trialArgs(base, params, seed);
      const key = trialKey(args);
      try {
        checkTrialArgs(args);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        for (const line of error.message.split('\n')) problems.add(line);
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      trials.push({ index: firstIndex + trials.length, key, params, replicate, seed, args });
    }
  }
  if (problems.size > 0) throw new UsageError([...problems].join('\n'));
  return trials;
}

/** Everything checkable before a trial runs; throws a UsageError listing every problem. */
export function planSweep(args: SweepArgs, spec: SweepSpec): SweepPlan {
  const base = baseArgs(args);
  // The base alone is checked first, so a bad base flag is reported once, by itself.
  const sweepSeed = sweepSeedOf(args);
  checkTrialArgs({ ...base, ...(args.seed !== undefined && { seed: args.seed }) });
  const paramsList = spec.strategy === 'book' ? [] : spec.random !== undefined ? draws(spec, sweepSeed) : combinations(spec.grid);
  if (paramsList.length * spec.seeds > MAX_TRIALS) {
    throw new UsageError(
      `--grid/--seeds: ${paramsList.length} combinations × ${spec.seeds} seeds = ${paramsList.length * spec.seeds} trials; must be at most ${MAX_TRIALS}`,
    );
  }
  const trials = makeTrials(base, paramsList, spec.seeds, sweepSeed);
  const identity = {
    base,
    sweepSeed,
    strategy: spec.strategy,
    trySchedule: spec.trySchedule,
    seeds: spec.seeds,
    trials: trials.map((t) => t.key),
  };
  const runsDir = args.record === false ? undefined : runsDirOf(args.runsDir);
  return { id: sweepId(JSON.parse(canonical(identity))), spec, base, sweepSeed, dataDir: args.dataDir, runsDir, trials };
}

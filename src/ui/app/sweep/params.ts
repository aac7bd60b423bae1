// What a sweep may vary and send: the train flags that are hyper-parameters (never file paths nor
// output switches), their values as train reads them (text), and the identities derived from
// them — a trial's seed and key, the sweep's id — so a trial's result does not depend on where,
// when or in which order it ran.
import { createHash } from 'node:crypto';
import { MAX_SEED } from '../../../core/config.js';
import { TRAIN_FLAGS, argKey, type FlagSpec, type TrainArgs } from '../trainOptions.js';
import { parseNumber } from '../values.js';

const FLAGS: readonly FlagSpec[] = TRAIN_FLAGS;

/** Flags a trial never carries: files and recording (a worker uses its own), output and gates of `train`, and the seed (derived). */
const NOT_HYPER = new Set(['data-dir', 'load', 'save', 'test', 'fail-under', 'json', 'seed', 'record']);

/** The train flags a trial carries: the base of every trial, and what a queued job may hold. */
export const HYPER_FLAGS: readonly FlagSpec[] = FLAGS.filter((spec) => spec.kind !== 'path' && !NOT_HYPER.has(spec.flag));

/** The flags --grid and --range may vary: hyper-parameters with a config or request field. */
export const SWEEP_FLAGS: readonly FlagSpec[] = HYPER_FLAGS.filter((spec) => spec.field !== undefined);

export function sweepFlag(name: string): FlagSpec | undefined {
  return SWEEP_FLAGS.find((spec) => spec.flag === name);
}

/** One value of a swept flag as train reads it: text ("0.5", "100,30"), or a switch. */
export type ParamValue = string | boolean;

/** The swept flags of one trial, flag → value, in the order they were given. */
export type Params = Record<string, ParamValue>;

/** Trial arguments: the hyper-parameter flags as yargs would hand them to `train` (camelCase keys). */
export type TrialArgs = Partial<Record<keyof TrainArgs, string | boolean | string[]>>;

/** The base of every trial: the hyper-parameter flags the sweep command was given. */
export function baseArgs(args: TrainArgs): TrialArgs {
  const base: TrialArgs = {};
  for (const spec of HYPER_FLAGS) {
    const value = args[argKey(spec)];
    if (value !== undefined) base[argKey(spec)] = value;
  }
  return base;
}

/** The base with a trial's params on top (--hidden replaces --sizes and back) and the trial's seed. */
export function trialArgs(base: TrialArgs, params: Params, seed: number): TrialArgs {
  const args: TrialArgs = { ...base };
  for (const [flag, value] of Object.entries(params)) {
    const spec = HYPER_FLAGS.find((hyper) => hyper.flag === flag);
    if (!spec) continue;
    if (flag === 'hidden') delete args.sizes;
    if (flag === 'sizes') delete args.hidden;
    args[argKey(spec)] = spec.repeatable ? [String(value)] : value;
  }
  args.seed = String(seed);
  return args;
}

/** A param as JSON shows it: numbers as numbers, layer lists as arrays, choices as text, switches as booleans. */
export function jsonValue(spec: FlagSpec, value: ParamValue): unknown {
  if (typeof value === 'boolean') return value;
  if (spec.kind === 'number' || spec.kind === 'whole') return parseNumber(value);
  if (spec.kind === 'list') return value.split(',').map(parseNumber);
  return value;
}

export function jsonParams(params: Params): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([flag, value]) => {
      const spec = HYPER_FLAGS.find((hyper) => hyper.flag === flag);
      return [flag, spec ? jsonValue(spec, value) : value];
    }),
  );
}

/** "eta=0.5 lambda=1 schedule" */
export function paramsText(params: Params): string {
  const parts = Object.entries(params).map(([flag, value]) =>
    typeof value === 'boolean' ? (value ? flag : `no-${flag}`) : `${flag}=${value}`,
  );
  return parts.length > 0 ? parts.join(' ') : '(base)';
}

/** JSON with object keys sorted, so equal values hash alike whatever order they were built in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The seed of a trial: from the sweep's seed, its params and which of --seeds K it is; never from order or place. */
export function trialSeed(sweepSeed: number, params: Params, replicate: number): number {
  const hex = digest(canonical({ sweepSeed, params, replicate })).slice(0, 8);
  return Number.parseInt(hex, 16) % (MAX_SEED + 1);
}

export const TRIAL_KEY = /^[0-9a-f]{16}$/;
export const SWEEP_ID = /^[0-9a-f]{12}$/;

/** A trial's identity: everything it trains with. Equal keys mean equal results. */
export function trialKey(args: TrialArgs): string {
  return digest(canonical(args)).slice(0, 16);
}

/** A sweep's identity: what it asked for (not --jobs, --json or where it runs), so re-running the command resumes it. */
export function sweepId(request: unknown): string {
  return digest(canonical(request)).slice(0, 12);
}

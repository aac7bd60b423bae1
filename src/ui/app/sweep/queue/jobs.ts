// A queued trial as it travels through Redis, and the worker's reading of it. A queue is shared
// infrastructure: a worker treats every job as untrusted. A job carries only hyper-parameter flags
// (never a file path: the worker's own --data-dir applies) and its seed, as short texts; it is read
// field by field, its key must be the hash of its flags, and the flags are checked exactly as
// `train` checks them. Any problem is a reason, never a crash.
import { argKey, type FlagSpec } from '../../trainOptions.js';
import { UsageError } from '../../errors.js';
import { HYPER_FLAGS, SWEEP_ID, TRIAL_KEY, trialKey, type TrialArgs } from '../params.js';
import { checkTrialArgs, type Trial } from '../planner.js';
import { MAX_TRIALS } from '../sweepOptions.js';

export const JOB_VERSION = 1;
const MAX_TEXT = 64;
const MAX_LIST = 10;

export interface TrialJob {
  v: typeof JOB_VERSION;
  sweepId: string;
  key: string;
  trial: number;
  args: TrialArgs;
}

export function trialJob(sweepId: string, trial: Trial): TrialJob {
  return { v: JOB_VERSION, sweepId, key: trial.key, trial: trial.index, args: trial.args };
}

/** BullMQ's job id: deterministic, so adding a sweep's trials again adds nothing that exists. */
export function jobId(sweepId: string, key: string): string {
  return `${sweepId}-${key}`;
}

/** A job that cannot run: the reason, and (when they were readable) where to record it. */
export class BadJob extends Error {
  override name = 'BadJob';
  constructor(
    reason: string,
    readonly sweepId?: string,
    readonly key?: string,
  ) {
    super(reason);
  }
}

const SPEC_OF_KEY = new Map<string, FlagSpec>([...HYPER_FLAGS.map((spec) => [argKey(spec), spec] as const)]);

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;

function readArgs(value: unknown): TrialArgs {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('args: not an object');
  const args: Record<string, unknown> = {};
  for (const [key, arg] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'seed') {
      if (!isText(arg)) throw new Error('args.seed: not a short text');
      args.seed = arg;
      continue;
    }
    const spec = SPEC_OF_KEY.get(key);
    if (!spec) throw new Error(`args.${key.slice(0, MAX_TEXT)}: not a hyper-parameter flag a job may carry`);
    const ok =
      spec.kind === 'boolean'
        ? typeof arg === 'boolean'
        : spec.repeatable
          ? Array.isArray(arg) && arg.length >= 1 && arg.length <= MAX_LIST && arg.every(isText)
          : isText(arg);
    if (!ok) throw new Error(`args.${key}: not a value of --${spec.flag}`);
    args[key] = arg;
  }
  if (typeof args.seed !== 'string') throw new Error('args.seed: missing');
  return args as TrialArgs;
}

/** The job's trial, or a BadJob naming what is wrong. */
export function readJob(data: unknown): TrialJob {
  if (data === null || typeof data !== 'object') throw new BadJob('job data: not an object');
  const job = data as Record<string, unknown>;
  const sweepId = typeof job.sweepId === 'string' && SWEEP_ID.test(job.sweepId) ? job.sweepId : undefined;
  const key = typeof job.key === 'string' && TRIAL_KEY.test(job.key) ? job.key : undefined;
  const fail = (reason: string): never => {
    throw new BadJob(reason, sweepId, key);
  };
  if (job.v !== JOB_VERSION) fail(`job version: got ${String(job.v).slice(0, MAX_TEXT)}; must be ${JOB_VERSION}`);
  if (!sweepId) fail('sweepId: must be 12 hexadecimal digits');
  if (!key) fail('key: must be 16 hexadecimal digits');
  const trial = job.trial;
  if (!(Number.isInteger(trial) && (trial as number) >= 1 && (trial as number) <= MAX_TRIALS))
    fail(`trial: must be a whole number 1..${MAX_TRIALS}`);
  const extra = Object.keys(job).filter((field) => !['v', 'sweepId', 'key', 'trial', 'args'].includes(field));
  if (extra.length > 0) fail(`${extra[0]!.slice(0, MAX_TEXT)}: not a field of a trial job`);
  let args: TrialArgs = {};
  try {
    args = readArgs(job.args);
  } catch (error) {
    fail((error as Error).message);
  }
  if (trialKey(args) !== key) fail('key: does not match the job’s flags');
  try {
    checkTrialArgs(args);
  } catch (error) {
    if (error instanceof UsageError) fail(error.message.split('\n').join('; '));
    throw error;
  }
  return { v: JOB_VERSION, sweepId: sweepId!, key: key!, trial: trial as number, args };
}

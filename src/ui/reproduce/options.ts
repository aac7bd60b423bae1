// Validates the command line of `netdash reproduce` into ReproduceOptions; every problem is one
// line naming the option and what is allowed.
import { availableParallelism } from 'node:os';
import { ENGINE_KINDS, type EngineKind } from '../../core/engines.js';
import { EXPERIMENT_IDS } from '../../core/experiments.js';
import { runsDirOf } from '../app/runsIndex.js';

export interface ReproduceOptions {
  /** Experiment ids in the order given; undefined = the default set. */
  only?: string[];
  /** Seeds per run; undefined = 3. */
  seeds?: number;
  json: boolean;
  out?: string;
  quick: boolean;
  /** Runs at once (worker threads). */
  jobs: number;
  engine: EngineKind;
  /** The runs folder every training run is recorded in; undefined with --no-record. */
  runsDir?: string;
}

export interface RawReproduceArgs {
  only?: string | string[];
  seeds?: number | string;
  json?: boolean;
  out?: string;
  quick?: boolean;
  jobs?: number | string;
  engine?: string;
  runsDir?: string;
  record?: boolean;
}

export const MAX_SEEDS = 20;
export const MAX_JOBS = 16;

export function defaultJobs(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export type ParseResult = { ok: true; options: ReproduceOptions } | { ok: false; problem: string };

/** A whole number in [min, max] from a flag's value (given as text or as a number), else undefined. */
function wholeNumberIn(value: unknown, min: number, max: number): number | undefined {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

export function parseReproduceArgs(args: RawReproduceArgs): ParseResult {
  let only: string[] | undefined;
  if (args.only !== undefined) {
    const given = (Array.isArray(args.only) ? args.only : [args.only]).flatMap((part) => String(part).split(','));
    const ids = given.map((id) => id.trim()).filter((id) => id.length > 0);
    if (ids.length === 0)
      return { ok: false, problem: `--only: got no experiment ids; expected one or more of ${EXPERIMENT_IDS.join(', ')}` };
    const unknown = ids.filter((id) => !EXPERIMENT_IDS.includes(id));
    if (unknown.length > 0) {
      return {
        ok: false,
        problem: `--only: unknown experiment ${unknown.join(', ')}; expected ids from ${EXPERIMENT_IDS.join(', ')}`,
      };
    }
    only = [...new Set(ids)];
  }
  const seeds = args.seeds === undefined ? undefined : wholeNumberIn(args.seeds, 1, MAX_SEEDS);
  if (args.seeds !== undefined && seeds === undefined) {
    return { ok: false, problem: `--seeds: got ${String(args.seeds)}; must be a whole number from 1 to ${MAX_SEEDS}` };
  }
  const jobs = args.jobs === undefined ? undefined : wholeNumberIn(args.jobs, 1, MAX_JOBS);
  if (args.jobs !== undefined && jobs === undefined) {
    return { ok: false, problem: `--jobs: got ${String(args.jobs)}; must be a whole number from 1 to ${MAX_JOBS}` };
  }
  if (args.engine !== undefined && !(ENGINE_KINDS as readonly string[]).includes(args.engine)) {
    return { ok: false, problem: `--engine: got ${args.engine}; must be one of ${ENGINE_KINDS.join(', ')}` };
  }
  if (args.out !== undefined && (typeof args.out !== 'string' || args.out.trim() === '')) {
    return { ok: false, problem: '--out: got an empty path; expected a folder to write the report into' };
  }
  if (args.runsDir !== undefined && String(args.runsDir).trim() === '') {
    return { ok: false, problem: "--runs-dir: got ''; must be a folder for the recorded runs" };
  }
  return {
    ok: true,
    options: {
      only,
      seeds,
      json: args.json ?? false,
      out: args.out,
      quick: args.quick ?? false,
      jobs: jobs ?? defaultJobs(),
      engine: (args.engine ?? 'auto') as EngineKind,
      runsDir: args.record === false ? undefined : runsDirOf(args.runsDir),
    },
  };
}

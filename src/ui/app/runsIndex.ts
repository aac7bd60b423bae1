// The recorded runs of a runs folder, for `netdash runs`, `train --resume` and the dashboard: list
// them (newest first), find one by folder or unique name prefix, read one's per-epoch metrics, and
// remove run folders safely. A damaged folder (kill -9: a half-written last line, no checkpoint) is
// listed as such; a foreign or unreadable one is skipped with a one-line warning.
import { existsSync, lstatSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { EpochMetrics } from '../../core/types.js';
import { DataError, errorCode } from '../../data/errors.js';
import {
  RUN_FILES,
  readDescription,
  readLines,
  readMetrics,
  type MetricRow,
  type RunDescription,
  type RunStatus,
} from '../../data/runs.js';
import { UsageError, firstLine } from './errors.js';

/** The default runs folder, relative to the working folder (as lightning_logs/, runs/, mlruns/). */
export const DEFAULT_RUNS_DIR = 'netdash-runs';
export const RUNS_DIR_ENV = 'NETDASH_RUNS_DIR';

/** Where runs are recorded: --runs-dir, else $NETDASH_RUNS_DIR, else ./netdash-runs. */
export function runsDirOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env[RUNS_DIR_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_RUNS_DIR;
}

export interface RunInfo {
  /** The folder, absolute. */
  dir: string;
  name: string;
  description: RunDescription;
  /** The recorded status, or 'interrupted' for a 'running' run whose process is gone. */
  status: RunStatus;
  /** Epochs recorded in metrics.csv. */
  epochs: number;
  /** Best held-out accuracy over the recorded epochs (else the end-of-run one) and its epoch. */
  bestAccuracy?: number;
  bestEpoch?: number;
  /** What is wrong with the folder, in words (empty when whole). */
  damage: string[];
  hasCheckpoint: boolean;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Whether the process recording a 'running' run is still there (on another host: assumed so). */
export function stillRunning(description: RunDescription): boolean {
  if (description.status !== 'running') return false;
  if (description.host !== hostname()) return true;
  return processAlive(description.pid);
}

/** One run folder's summary; throws a DataError when it is not a readable netdash run. */
export function readRunInfo(dir: string): RunInfo {
  const description = readDescription(dir);
  const metrics = readMetrics(dir);
  const events = readLines(dir, RUN_FILES.events);
  const hasCheckpoint = existsSync(join(dir, RUN_FILES.checkpoint));
  const status: RunStatus = description.status === 'running' && !stillRunning(description) ? 'interrupted' : description.status;
  const damage: string[] = [];
  if (events.truncated) damage.push(`half-written last line in ${RUN_FILES.events}`);
  if (metrics.damaged) damage.push(`damaged lines in ${RUN_FILES.metrics}`);
  if (metrics.missing) damage.push(`no ${RUN_FILES.metrics}`);
  if (!hasCheckpoint && metrics.rows.length > 0 && status !== 'running') damage.push(`no ${RUN_FILES.checkpoint}`);
  const best = bestOf(metrics.rows, description.result?.final);
  return {
    dir: resolve(dir),
    name: basename(resolve(dir)),
    description,
    status,
    epochs: metrics.rows.length > 0 ? metrics.rows.at(-1)!.epoch! : (description.result?.epochs ?? 0),
    ...best,
    damage,
    hasCheckpoint,
  };
}

function bestOf(rows: readonly MetricRow[], final: EpochMetrics | undefined): { bestAccuracy?: number; bestEpoch?: number } {
  let best: { bestAccuracy?: number; bestEpoch?: number } = {};
  for (const row of rows) {
    const accuracy = row.validationAccuracy;
    if (accuracy !== undefined && !(accuracy <= (best.bestAccuracy ?? -1)))
      best = { bestAccuracy: accuracy, bestEpoch: row.epoch };
  }
  if (best.bestAccuracy === undefined && final?.validationAccuracy !== undefined)
    return { bestAccuracy: final.validationAccuracy };
  return best;
}

/** The runs of a folder, newest first, and a warning line for each entry that is not a readable run. */
export function listRuns(runsDir: string): { runs: RunInfo[]; warnings: string[] } {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { runs: [], warnings: [] };
    throw new DataError(runsDir, `cannot list the runs folder: ${firstLine(error)}`, { cause: error });
  }
  const runs: RunInfo[] = [];
  const warnings: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const dir = join(runsDir, name);
    try {
      if (!lstatSync(dir).isDirectory()) continue;
      runs.push(readRunInfo(dir));
    } catch (error) {
      warnings.push(
        `skipped ${dir}: ${error instanceof DataError ? error.message.slice(error.file.length + 2) : firstLine(error)}`,
      );
    }
  }
  runs.sort((a, b) => b.description.startedAt.localeCompare(a.description.startedAt) || b.name.localeCompare(a.name));
  return { runs, warnings };
}

/**
 * The run folder RUN names: a folder holding a run.json, or a unique prefix of a run's name in
 * `runsDir`. `what` names the argument in errors (e.g. `--resume`). Throws a UsageError otherwise.
 */
export function findRun(runsDir: string, ref: string, what = 'RUN'): string {
  if (ref === '') throw new UsageError(`${what}: got ''; must be a run folder or a prefix of a run's name`);
  if (existsSync(join(ref, RUN_FILES.description))) return resolve(ref);
  let names: string[] = [];
  try {
    names = readdirSync(runsDir).filter((name) => !name.startsWith('.') && name.startsWith(ref));
  } catch {
    // No runs folder: nothing matches.
  }
  if (names.length === 1) return resolve(runsDir, names[0]!);
  if (names.length === 0) {
    const folder = existsSync(ref) ? `${ref} has no ${RUN_FILES.description}` : `no run folder ${ref}`;
    throw new UsageError(`${what}: got ${ref}; ${folder} and no run in ${runsDir} starts with it`);
  }
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
  throw new UsageError(`${what}: got ${ref}; ${names.length} runs in ${runsDir} start with it (${shown}); give more of the name`);
}

export interface RunDetails extends RunInfo {
  rows: MetricRow[];
}

/** A run's summary and its per-epoch metrics (up to the last complete line). */
export function readRunDetails(dir: string): RunDetails {
  return { ...readRunInfo(dir), rows: readMetrics(dir).rows };
}

/**
 * Why `dir` may not be removed as a run of `runsDir`, or undefined when it may: it must be a real
 * folder (not a link) directly inside the runs folder, hold a valid run description, and not be
 * recording right now.
 */
export function removalProblem(runsDir: string, dir: string): string | undefined {
  let real: string;
  try {
    if (lstatSync(dir).isSymbolicLink()) return 'is a symbolic link, not a run folder';
    real = realpathSync(dir);
  } catch (error) {
    return firstLine(error);
  }
  let root: string;
  try {
    root = realpathSync(runsDir);
  } catch {
    return `the runs folder ${runsDir} does not exist`;
  }
  if (dirname(real) !== root) return `is not inside the runs folder ${runsDir}`;
  let description: RunDescription;
  try {
    description = readDescription(real);
  } catch (error) {
    return `is not a netdash run folder (${firstLine(error)})`;
  }
  if (stillRunning(description)) return `is still recording (process ${description.pid})`;
  return undefined;
}

/** Deletes a run folder checked by removalProblem. */
export function removeRun(dir: string): void {
  rmSync(realpathSync(dir), { recursive: true, force: false });
}

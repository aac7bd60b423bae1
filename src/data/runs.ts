// The folder of one recorded run (docs/runs.md): its description (run.json), the event stream
// (events.ndjson, as `train --json` prints it, appended and flushed each epoch), per-epoch metrics
// (metrics.csv), the best network (network.json, network2.py's format) and the checkpoint
// (checkpoint.safetensors, runsCheckpoint.ts). Reads never trust the files: a half-written last
// line (kill -9) is dropped, anything malformed is a one-line DataError.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EpochMetrics, TrainConfig } from '../core/types.js';
import { DataError, describeFsError, errorCode } from './errors.js';
import { makeFolder, readRegularFile, readTextFile, writeFileAtomic } from './files.js';

export const RUN_FILES = {
  description: 'run.json',
  events: 'events.ndjson',
  metrics: 'metrics.csv',
  network: 'network.json',
  checkpoint: 'checkpoint.safetensors',
} as const;

export const RUN_FORMAT = 'netdash-run';
/** Raised when a file's layout changes incompatibly; runs of another version are listed but not resumed. */
export const RUN_FORMAT_VERSION = 1;
/** The largest description and event file read (a description is a few kB; events ~200 B an epoch). */
const MAX_DESCRIPTION_BYTES = 1024 ** 2;
export const MAX_EVENTS_BYTES = 256 * 1024 ** 2;

/** Written by the recorder; 'interrupted' is derived when reading a 'running' run whose process is gone. */
export const RUN_STATUSES = ['running', 'completed', 'early-stop', 'schedule', 'diverged', 'aborted', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunDescription {
  format: typeof RUN_FORMAT;
  formatVersion: number;
  /** The folder's name. */
  name: string;
  /** The netdash version that started the run (and of the latest resume). */
  netdashVersion: string;
  /** What started it: `train`, `reproduce`, `dashboard`. */
  source: string;
  status: RunStatus;
  /** Why a run stopped, in words, when it did not end on its own (e.g. the disk filled up). */
  stopMessage?: string;
  /** ISO times. */
  startedAt: string;
  endedAt?: string;
  /** The recording process, to tell a live run from one killed. */
  pid: number;
  host: string;
  experiment?: { id: string; run: string; variant: number };
  config: TrainConfig;
  data: {
    /** The MNIST-format folder, absolute; null for the embedded copy. */
    dir: string | null;
    trainingSize: number;
    validationSize: number;
    /** The requested subset sizes (absent: all). */
    trainingSubset?: number;
    validationSubset?: number;
    expand: boolean;
    heldOut: string;
    testSize: number;
  };
  /** The engine that ran (wasm or typescript); a resume uses the same one. */
  engine: string;
  /** The network file the run started from (--load). */
  loadedFrom?: string;
  /** Filled in when the run ends: epochs run, the best epoch and metrics, the final ones. */
  result?: { epochs: number; bestEpoch: number; best: EpochMetrics; final: EpochMetrics; testAccuracy?: number; seconds: number };
  /** Each continuation: when, and after which epoch. */
  resumes: { at: string; afterEpoch: number; netdashVersion: string }[];
}

/** `YYYYMMDD-HHMMSS` in UTC. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Creates a new, empty run folder in `runsDir` (made if missing) named by the UTC time, a label, the
 * process id and random hex; created with an exclusive mkdir, so two processes never share one.
 */
export function createRunFolder(runsDir: string, label: string, date = new Date()): { path: string; name: string } {
  makeFolder(runsDir);
  const safe = label.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 40) || 'run';
  for (let attempt = 0; ; attempt++) {
    const name = `${stamp(date)}-${safe}-${process.pid}-${randomBytes(3).toString('hex')}`;
    const path = join(runsDir, name);
    try {
      mkdirSync(path);
      return { path, name };
    } catch (error) {
      if (errorCode(error) === 'EEXIST' && attempt < 10) continue;
      throw new DataError(path, `cannot create the run folder: ${describeFsError(error)}`, { cause: error });
    }
  }
}

export function writeDescription(dir: string, description: RunDescription): void {
  writeFileAtomic(join(dir, RUN_FILES.description), `${JSON.stringify(description, null, 2)}\n`);
}

/** The run's description; a DataError when the file is missing, unreadable or not a netdash run. */
export function readDescription(dir: string): RunDescription {
  const file = join(dir, RUN_FILES.description);
  const text = readTextFile(file, MAX_DESCRIPTION_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DataError(file, 'not JSON; expected a netdash run description');
  }
  const d = value as Partial<RunDescription> | null;
  const valid =
    typeof d === 'object' &&
    d !== null &&
    d.format === RUN_FORMAT &&
    typeof d.formatVersion === 'number' &&
    typeof d.name === 'string' &&
    typeof d.startedAt === 'string' &&
    RUN_STATUSES.includes(d.status as RunStatus) &&
    typeof d.config === 'object' &&
    d.config !== null &&
    Array.isArray(d.config.sizes) &&
    typeof d.data === 'object' &&
    d.data !== null;
  if (!valid) throw new DataError(file, `not a netdash run description (format "${RUN_FORMAT}")`);
  return { ...d, resumes: d.resumes ?? [] } as RunDescription;
}

/** Appends whole lines to a file of the run and hands them to the OS at once (they survive kill -9). */
export function appendLines(dir: string, file: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const path = join(dir, file);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'a');
    writeSync(fd, lines.map((line) => `${line}\n`).join(''));
  } catch (error) {
    throw new DataError(path, `cannot write: ${describeFsError(error)}`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replaces a file of the run with these lines (atomically). */
export function rewriteLines(dir: string, file: string, lines: readonly string[]): void {
  writeFileAtomic(join(dir, file), lines.map((line) => `${line}\n`).join(''));
}

/** Makes the appended lines durable too (at the end of a run). Best effort. */
export function syncFile(dir: string, file: string): void {
  try {
    const fd = openSync(join(dir, file), 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // The data reached the OS already; durability across a power cut is a bonus.
  }
}

export interface ReadLines {
  /** The complete lines (those ending in a newline). */
  lines: string[];
  /** A last line without its newline was found and dropped (the writer was killed mid-line). */
  truncated: boolean;
  /** The file does not exist. */
  missing: boolean;
}

/** The complete lines of a file of the run (an empty list for a missing file). */
export function readLines(dir: string, file: string): ReadLines {
  const path = join(dir, file);
  let text: string;
  try {
    text = readRegularFile(path, MAX_EVENTS_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof DataError && errorCode(error.cause) === 'ENOENT') return { lines: [], truncated: false, missing: true };
    throw error;
  }
  const parts = text.split('\n');
  const last = parts.pop() ?? '';
  return { lines: parts.filter((line) => line !== ''), truncated: last !== '', missing: false };
}

/** The per-epoch columns of metrics.csv, in order. */
export const METRIC_COLUMNS = [
  'epoch',
  'trainingCost',
  'trainingAccuracy',
  'validationCost',
  'validationAccuracy',
  'learningRate',
  'trainSeconds',
  'evalSeconds',
  'bestEpoch',
] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];
export type MetricRow = Partial<Record<MetricColumn, number>>;

export const METRICS_HEADER = METRIC_COLUMNS.join(',');

/** One CSV row; a metric not monitored is an empty field. Numbers in full precision. */
export function metricsRow(row: MetricRow): string {
  return METRIC_COLUMNS.map((column) => (row[column] === undefined ? '' : String(row[column]))).join(',');
}

/** Rows of metrics.csv (a malformed row is skipped), and whether the file was damaged. */
export function readMetrics(dir: string): { rows: MetricRow[]; damaged: boolean; missing: boolean } {
  const { lines, truncated, missing } = readLines(dir, RUN_FILES.metrics);
  const [header, ...body] = lines;
  const columns = (header ?? '').split(',');
  let damaged = truncated;
  const rows: MetricRow[] = [];
  for (const line of body) {
    const fields = line.split(',');
    const row: MetricRow = {};
    columns.forEach((column, i) => {
      const text = fields[i];
      if ((METRIC_COLUMNS as readonly string[]).includes(column) && text !== undefined && text !== '') {
        row[column as MetricColumn] = Number(text);
      }
    });
    if (fields.length !== columns.length || !Number.isInteger(row.epoch)) damaged = true;
    else rows.push(row);
  }
  return { rows, damaged, missing };
}

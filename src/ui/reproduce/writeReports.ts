// The files of `--out DIR`: the table as Markdown and CSV, the whole report as JSON, each run's
// events as NDJSON (runs/), one SVG chart per experiment (charts/). Every file is written atomically.
import { join } from 'node:path';
import { makeFolder, writeFileAtomic } from '../../data/files.js';
import type { RunTask } from './plan.js';
import type { RunOutcome } from './runTask.js';

export const REPORT_FILES = { markdown: 'reproduce.md', csv: 'reproduce.csv', json: 'reproduce.json' } as const;
export const RUNS_FOLDER = 'runs';
export const CHARTS_FOLDER = 'charts';

/** Creates DIR, DIR/runs and DIR/charts before any training, so a bad path fails at once. */
export function prepareOutDir(dir: string): void {
  for (const folder of [dir, join(dir, RUNS_FOLDER), join(dir, CHARTS_FOLDER)]) makeFolder(folder);
}

export function runEventsPath(dir: string, key: string): string {
  return join(dir, RUNS_FOLDER, `${key}.ndjson`);
}

/** One JSON object per line: a header naming the run, then its events (batch progress left out). */
export function runEventsNdjson(task: RunTask, outcome: RunOutcome, quick: boolean): string {
  const header = {
    type: 'run',
    experiment: task.experimentId,
    run: outcome.label,
    seed: task.seed,
    seedIndex: task.seedIndex,
    quick,
    heldOut: outcome.heldOutName,
    trainingSize: outcome.trainingSize,
    heldOutSize: outcome.heldOutSize,
    engine: outcome.engine,
  };
  return [header, ...outcome.events].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

export function writeRunEvents(dir: string, task: RunTask, outcome: RunOutcome, quick: boolean): string {
  const path = runEventsPath(dir, task.key);
  writeFileAtomic(path, runEventsNdjson(task, outcome, quick));
  return path;
}

export function chartPath(dir: string, experimentId: string): string {
  return join(dir, CHARTS_FOLDER, `${experimentId}.svg`);
}

export function writeReportFile(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileAtomic(path, content);
  return path;
}

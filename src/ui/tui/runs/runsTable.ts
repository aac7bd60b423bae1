// The Past runs table as data: its rows (the columns of `netdash runs`), the sort orders a key
// cycles through, the experiment filter and the selection. Pure, so the screen only draws it.
import type { RunInfo } from '../../app/runsIndex.js';

export const SORTS = ['newest', 'best accuracy', 'experiment', 'epochs'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface RunsTableState {
  sort: SortOrder;
  /** Show only this experiment's runs; undefined shows all. */
  experiment?: string;
  /** The highlighted row, by folder. */
  cursor?: string;
  /** Selected folders, in the order chosen. */
  selected: string[];
}

export const INITIAL_TABLE: RunsTableState = { sort: 'newest', selected: [] };

export function experimentOf(run: RunInfo): string {
  return run.description.experiment?.id ?? 'custom';
}

const BY: Record<SortOrder, (a: RunInfo, b: RunInfo) => number> = {
  newest: (a, b) => b.description.startedAt.localeCompare(a.description.startedAt) || b.name.localeCompare(a.name),
  'best accuracy': (a, b) => (b.bestAccuracy ?? -1) - (a.bestAccuracy ?? -1),
  experiment: (a, b) => experimentOf(a).localeCompare(experimentOf(b)) || BY.newest(a, b),
  epochs: (a, b) => b.epochs - a.epochs || BY.newest(a, b),
};

/** The runs shown: filtered by experiment, in the chosen order. */
export function shownRuns(runs: readonly RunInfo[], state: RunsTableState): RunInfo[] {
  return runs.filter((run) => state.experiment === undefined || experimentOf(run) === state.experiment).sort(BY[state.sort]);
}

/** The next value in a cycle (undefined is the first, "all"). */
function nextOf<T>(values: readonly T[], current: T | undefined): T | undefined {
  if (current === undefined) return values[0];
  const index = values.indexOf(current);
  return index < 0 || index === values.length - 1 ? undefined : values[index + 1];
}

export function nextSort(sort: SortOrder): SortOrder {
  return nextOf(SORTS, sort) ?? SORTS[0];
}

/** The next experiment filter: all, then each experiment that has runs, then all again. */
export function nextExperiment(runs: readonly RunInfo[], current: string | undefined): string | undefined {
  const experiments = [...new Set(runs.map(experimentOf))].sort();
  return nextOf(experiments, current);
}

export function toggled(selected: readonly string[], dir: string): string[] {
  return selected.includes(dir) ? selected.filter((d) => d !== dir) : [...selected, dir];
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

/** "12-01 17:08" from the description's ISO time. */
function when(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso;
}

function hyper(run: RunInfo): string {
  const { config } = run.description;
  const lambda = config.lambda ? ` λ${config.lambda}` : '';
  return `η${config.eta}${lambda} b${config.batchSize}`;
}

function best(run: RunInfo): string {
  if (run.bestAccuracy === undefined) return '–';
  return `${(run.bestAccuracy * 100).toFixed(2)}%@${run.bestEpoch ?? '?'}`;
}

/** The status word, with `!` when the folder is damaged. */
function status(run: RunInfo): string {
  return `${run.status}${run.damage.length > 0 ? '!' : ''}`;
}

/** The column heads and one text line per run, at most `width` characters. */
export function tableLines(runs: readonly RunInfo[], width: number): { head: string; lines: string[] } {
  // when 11, experiment, sizes, hyper, epochs 4, best 11, status 11; the rest split between the three.
  const fixed = 11 + 4 + 11 + 12 + 6;
  const free = Math.max(24, width - 4 - fixed);
  const experiment = Math.floor(free * 0.3);
  const sizes = Math.max(10, Math.floor(free * 0.33));
  const hyperWidth = free - experiment - sizes;
  const row = (cells: string[]) =>
    [
      pad(cells[0]!, 11),
      pad(cells[1]!, experiment),
      pad(cells[2]!, sizes),
      pad(cells[3]!, hyperWidth),
      cells[4]!.padStart(4),
      ` ${pad(cells[5]!, 11)}`,
      pad(cells[6]!, 12),
    ]
      .join(' ')
      .trimEnd();
  return {
    head: row(['when', 'experiment', 'sizes', 'hyper-params', 'ep.', 'best@epoch', 'status']),
    lines: runs.map((run) =>
      row([
        when(run.description.startedAt),
        experimentOf(run),
        run.description.config.sizes.join(','),
        hyper(run),
        String(run.epochs),
        best(run),
        status(run),
      ]),
    ),
  };
}

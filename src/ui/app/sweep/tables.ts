// The sweep's results as text (pure): trials ranked by best held-out accuracy, settings ranked by
// their mean over seeds, and the `netdash train` command line that reproduces a trial.
import { summarize } from '../../../core/analysis/statistics.js';
import { percent, plain, seconds } from '../format.js';
import { TRAIN_FLAGS, argKey, type FlagSpec } from '../trainOptions.js';
import { rankAccuracy, type TrialDone } from './events.js';
import { canonical, type TrialArgs } from './params.js';

/** Columns padded to their widest cell; the first row is the header. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function paramsCell(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([flag, value]) =>
    typeof value === 'boolean'
      ? value
        ? flag
        : `no-${flag}`
      : `${flag}=${Array.isArray(value) ? value.join(',') : typeof value === 'number' ? plain(value) : String(value)}`,
  );
  return parts.length > 0 ? parts.join(' ') : '(base)';
}

/** Best held-out accuracy first; ties by fewer epochs to the best, then by trial number. */
export function ranked(trials: readonly TrialDone[]): TrialDone[] {
  return [...trials].sort((a, b) => rankAccuracy(b) - rankAccuracy(a) || a.bestEpoch - b.bestEpoch || a.trial - b.trial);
}

export function trialsTable(trials: readonly TrialDone[]): string {
  const header = ['#', 'trial', 'params', 'seed', 'best acc', 'epoch', 'epochs', 'final acc', 'stop', 'time'];
  const rows = ranked(trials).map((t, i) => [
    String(i + 1),
    String(t.trial),
    paramsCell(t.params),
    String(t.seed),
    percent(t.best.validationAccuracy),
    String(t.bestEpoch),
    String(t.epochs),
    percent(t.final.validationAccuracy),
    t.reason,
    seconds(t.seconds),
  ]);
  return formatTable([header, ...rows]);
}

export interface Setting {
  params: Record<string, unknown>;
  trials: TrialDone[];
  mean: number;
  sd: number;
}

/** Trials grouped by params (the seeds of one setting), best mean first. */
export function settings(trials: readonly TrialDone[]): Setting[] {
  const groups = new Map<string, TrialDone[]>();
  for (const trial of trials) {
    const key = canonical(trial.params);
    groups.set(key, [...(groups.get(key) ?? []), trial]);
  }
  const all = [...groups.values()].map((group) => {
    const summary = summarize(group.map(rankAccuracy));
    return { params: group[0]!.params, trials: group, mean: summary.mean, sd: summary.sd };
  });
  return all.sort((a, b) => b.mean - a.mean || a.trials[0]!.trial - b.trials[0]!.trial);
}

export function settingsTable(all: readonly Setting[]): string {
  const header = ['#', 'params', 'seeds', 'mean best acc', '± sd', 'min', 'max'];
  const rows = all.map((s, i) => {
    const accuracies = s.trials.map(rankAccuracy);
    return [
      String(i + 1),
      paramsCell(s.params),
      String(s.trials.length),
      percent(s.mean),
      Number.isFinite(s.sd) ? percent(s.sd) : '–',
      percent(Math.min(...accuracies)),
      percent(Math.max(...accuracies)),
    ];
  });
  return formatTable([header, ...rows]);
}

/** The winner: the best trial of the best setting (with one seed, simply the best trial). */
export function winner(trials: readonly TrialDone[]): TrialDone | undefined {
  const best = settings(trials)[0];
  return best ? ranked(best.trials)[0] : undefined;
}

const quote = (text: string) => (/^[\w.,:/=+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`);

/** `netdash train …` with a trial's flags, in the order `train --help` lists them. */
export function commandLine(args: TrialArgs, dataDir?: string): string {
  const words = ['netdash', 'train'];
  for (const spec of TRAIN_FLAGS as readonly FlagSpec[]) {
    const value = spec.flag === 'data-dir' ? dataDir : args[argKey(spec)];
    if (value === undefined) continue;
    if (typeof value === 'boolean') words.push(value ? `--${spec.flag}` : `--no-${spec.flag}`);
    else if (Array.isArray(value)) words.push(`--${spec.flag}`, quote(value.join(',')));
    else words.push(`--${spec.flag}`, quote(value));
  }
  return words.join(' ');
}

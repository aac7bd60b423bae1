// The text of `netdash runs`: the list, one run's summary and per-epoch table, and the side-by-side
// comparison with its curves as one asciichart (or CSV). Pure functions of the runs read.
import asciichart from 'asciichart';
import type { TrainConfig } from '../../core/types.js';
import { METRIC_COLUMNS, type MetricRow } from '../../data/runs.js';
import { MISSING, duration, percent, plain, short } from '../app/format.js';
import type { RunDetails, RunInfo } from '../app/runsIndex.js';

/** Columns padded to their widest cell, separated by two spaces. */
export function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** "2025-01-31 14:05" in local time. */
function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return MISSING;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The hyper-parameters that differ from plain SGD: "η 0.5 m 10 λ 5 μ 0.9 p 0.5". */
export function hyperText(c: TrainConfig): string {
  const parts = [`η ${plain(c.eta)}`, `m ${c.batchSize}`];
  if (c.lambda > 0) parts.push(`λ ${plain(c.lambda)}`);
  if (c.l1 > 0) parts.push(`L1 ${plain(c.l1)}`);
  if (c.momentum > 0) parts.push(`μ ${plain(c.momentum)}`);
  if (c.dropout > 0) parts.push(`dropout ${plain(c.dropout)}`);
  if (c.schedule) parts.push('schedule');
  else if (c.patience !== undefined) parts.push(`patience ${c.patience}`);
  return parts.join(' ');
}

const experimentOf = (run: RunInfo) =>
  run.description.experiment ? `${run.description.experiment.id}/${run.description.experiment.variant}` : 'custom';
const bestText = (run: RunInfo) =>
  run.bestAccuracy === undefined ? MISSING : `${percent(run.bestAccuracy)}${run.bestEpoch ? ` @${run.bestEpoch}` : ''}`;
const statusText = (run: RunInfo) => (run.damage.length > 0 ? `${run.status} (damaged)` : run.status);

export function listText(runs: readonly RunInfo[]): string {
  const header = ['started', 'run', 'experiment', 'sizes', 'hyper-parameters', 'epochs', 'best held-out', 'status'];
  const rows = runs.map((run) => {
    const c = run.description.config;
    return [
      when(run.description.startedAt),
      run.name,
      experimentOf(run),
      c.sizes.join(','),
      hyperText(c),
      `${run.epochs}/${c.epochs}`,
      bestText(run),
      statusText(run),
    ];
  });
  return `${table([header, ...rows])}\n`;
}

/** A run as JSON for scripts (`runs --json`, `runs show --json`). */
export function runJson(run: RunInfo): Record<string, unknown> {
  const d = run.description;
  return {
    name: run.name,
    dir: run.dir,
    startedAt: d.startedAt,
    ...(d.endedAt !== undefined && { endedAt: d.endedAt }),
    source: d.source,
    ...(d.experiment && { experiment: d.experiment }),
    config: d.config,
    data: d.data,
    engine: d.engine,
    epochs: run.epochs,
    ...(run.bestAccuracy !== undefined && { bestAccuracy: run.bestAccuracy }),
    ...(run.bestEpoch !== undefined && { bestEpoch: run.bestEpoch }),
    status: run.status,
    ...(d.stopMessage !== undefined && { stopMessage: d.stopMessage }),
    ...(d.result && { result: d.result }),
    damage: run.damage,
    resumable: run.hasCheckpoint && ['aborted', 'interrupted', 'completed'].includes(run.status),
    resumes: d.resumes,
  };
}

const cell = (row: MetricRow, column: (typeof METRIC_COLUMNS)[number]) => {
  const value = row[column];
  if (column.endsWith('Accuracy')) return percent(value);
  if (column.endsWith('Seconds')) return value === undefined ? MISSING : value.toFixed(2);
  return short(value);
};

const EPOCH_COLUMNS = [
  ['trainingCost', 'train cost'],
  ['trainingAccuracy', 'train acc'],
  ['validationCost', 'held-out cost'],
  ['validationAccuracy', 'held-out acc'],
  ['learningRate', 'η'],
  ['trainSeconds', 'train s'],
  ['evalSeconds', 'eval s'],
] as const;

export function showText(run: RunDetails): string {
  const d = run.description;
  const lines = [
    `run ${run.name}  ${statusText(run)}${d.stopMessage ? ` (${d.stopMessage})` : ''}`,
    `folder ${run.dir}`,
    `started ${when(d.startedAt)}${d.endedAt ? `, ended ${when(d.endedAt)}` : ''}${d.result ? ` after ${duration(d.result.seconds)}` : ''}  by netdash ${d.netdashVersion} (${d.source})`,
    `experiment ${experimentOf(run)}  sizes ${d.config.sizes.join(',')}  ${d.config.cost}  ${hyperText(d.config)}  seed ${d.config.seed}`,
    `data ${d.data.dir ?? 'embedded MNIST'}: ${d.data.trainingSize} training${d.data.expand ? ' (expanded)' : ''}, ${d.data.validationSize} ${d.data.heldOut} monitored  engine ${d.engine}`,
    `epochs ${run.epochs}/${d.config.epochs}  best held-out ${bestText(run)}` +
      (d.result?.testAccuracy !== undefined ? `  test ${percent(d.result.testAccuracy)}` : ''),
  ];
  for (const resume of d.resumes) lines.push(`continued after epoch ${resume.afterEpoch} at ${when(resume.at)}`);
  for (const damage of run.damage) lines.push(`damaged: ${damage}`);
  const shown = EPOCH_COLUMNS.filter(([column]) => run.rows.some((row) => row[column] !== undefined));
  const rows = run.rows.map((row) => [String(row.epoch), ...shown.map(([column]) => cell(row, column))]);
  if (rows.length > 0) lines.push('', table([['epoch', ...shown.map(([, name]) => name)], ...rows]));
  return `${lines.join('\n')}\n`;
}

/** The metric the comparison plots: held-out accuracy when any run has it, else held-out cost, else training cost. */
function plottedMetric(runs: readonly RunDetails[]): {
  column: 'validationAccuracy' | 'validationCost' | 'trainingCost';
  name: string;
} {
  const has = (column: keyof MetricRow) => runs.some((run) => run.rows.some((row) => row[column] !== undefined));
  if (has('validationAccuracy')) return { column: 'validationAccuracy', name: 'held-out accuracy (%)' };
  if (has('validationCost')) return { column: 'validationCost', name: 'held-out cost' };
  return { column: 'trainingCost', name: 'training cost' };
}

const COLORS = [asciichart.blue, asciichart.red, asciichart.green, asciichart.magenta, asciichart.cyan, asciichart.yellow];
const MARKS = ['■', '●', '▲', '◆', '★', '✚'];

/** Each series sampled down to at most `width` points (every k-th epoch, the last one kept). */
function sampled(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const step = (values.length - 1) / (width - 1);
  return Array.from({ length: width }, (_, i) => values[Math.round(i * step)]!);
}

export function compareText(runs: readonly RunDetails[], options: { color: boolean; width: number }): string {
  const label = (i: number) => `#${i + 1}`;
  const field = (name: string, value: (run: RunDetails) => string) => [name, ...runs.map(value)];
  const rows = [
    ['', ...runs.map((_, i) => label(i))],
    field('run', (r) => r.name),
    field('experiment', experimentOf),
    field('sizes', (r) => r.description.config.sizes.join(',')),
    field('cost', (r) => r.description.config.cost),
    field('hyper-parameters', (r) => hyperText(r.description.config)),
    field('training images', (r) => String(r.description.data.trainingSize)),
    field('epochs', (r) => `${r.epochs}/${r.description.config.epochs}`),
    field('best held-out', bestText),
    field('final held-out', (r) => percent(r.rows.at(-1)?.validationAccuracy ?? r.description.result?.final.validationAccuracy)),
    field('status', statusText),
  ];
  const metric = plottedMetric(runs);
  const width = Math.max(10, options.width - 12);
  const series = runs.map((run) => {
    const values = run.rows.map((row) => row[metric.column]).filter((v): v is number => v !== undefined && Number.isFinite(v));
    return sampled(
      values.map((v) => (metric.column === 'validationAccuracy' ? v * 100 : v)),
      width,
    );
  });
  const plotted = series.filter((s) => s.length > 0);
  let chart = '';
  if (plotted.length > 0) {
    const colors = options.color ? runs.map((_, i) => COLORS[i % COLORS.length]!) : undefined;
    chart = asciichart.plot(
      series.map((s) => (s.length > 0 ? s : [Number.NaN])),
      { height: 12, ...(colors && { colors }), format: (v: number) => short(v).padStart(8) },
    );
    const legend = runs
      .map((run, i) => {
        const mark = options.color ? `${COLORS[i % COLORS.length]}${MARKS[i % MARKS.length]}${asciichart.reset} ` : '';
        return `${mark}${label(i)} ${run.name}`;
      })
      .join('   ');
    const notes = [
      series.some((s, i) => s.length < (runs[i]?.rows.length ?? 0)) ? 'sampled' : '',
      options.color || plotted.length < 2 ? '' : 'one colour per run in a terminal; --csv for the numbers',
    ].filter(Boolean);
    chart = `\n${metric.name} by epoch${notes.length > 0 ? ` (${notes.join('; ')})` : ''}\n${chart}\n${legend}\n`;
  }
  return `${table(rows)}\n${chart}`;
}

/** Long-format CSV: one line per run and epoch, the columns of metrics.csv after the run's name. */
export function compareCsv(runs: readonly RunDetails[]): string {
  const lines = [['run', ...METRIC_COLUMNS].join(',')];
  for (const run of runs) {
    for (const row of run.rows) {
      lines.push([run.name, ...METRIC_COLUMNS.map((column) => (row[column] === undefined ? '' : String(row[column])))].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

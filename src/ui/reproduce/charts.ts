// One chart per experiment: our curves (each seed faint, their mean solid) over the book's recorded
// curves (dashed) and its stated number (dotted).
import type { Experiment } from '../../core/experiments.js';
import { fixed, percent } from '../app/format.js';
import type { ReportRow, RunSummary } from './report.js';
import { renderSvgChart, type ChartSeries, type ChartSpec, type ReferenceLine } from './svgChart.js';

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];

const METRIC_NAMES: Record<RunSummary['metric'], string> = {
  trainingCost: 'training cost',
  trainingAccuracy: 'training accuracy',
  validationCost: 'held-out cost',
  validationAccuracy: 'held-out accuracy',
  neuronCost: 'cost of the neuron',
};

function epochAxis(length: number, fromZero: boolean): number[] {
  return Array.from({ length }, (_, i) => (fromZero ? i : i + 1));
}

function yLabelOf(experiment: Experiment, run: RunSummary): string {
  if (run.metric !== 'validationAccuracy') return METRIC_NAMES[run.metric];
  const heldOut = experiment.runs.find((r) => r.label === run.label)?.heldOut ?? 'validation';
  return `${heldOut} accuracy`;
}

function epochSeries(run: RunSummary, color: string): ChartSeries[] {
  const fromZero = run.metric === 'neuronCost';
  const series: ChartSeries[] = [];
  if (run.seedCurves.length > 1) {
    run.seedCurves.forEach((curve, i) =>
      series.push({
        label: `ours: ${run.label}, seed ${i + 1}`,
        x: epochAxis(curve.length, fromZero),
        y: curve,
        color,
        faint: true,
      }),
    );
  }
  const seeds = run.seedCurves.length;
  series.push({
    label: `ours: ${run.label}${seeds > 1 ? ` (mean of ${seeds} seeds)` : ''}`,
    x: epochAxis(run.meanCurve.length, fromZero),
    y: run.meanCurve,
    color,
  });
  if (run.book) {
    series.push({ label: run.book.label, x: epochAxis(run.book.values.length, false), y: run.book.values, color, dashed: true });
  }
  return series;
}

function moreDataSpec(row: ReportRow): Pick<ChartSpec, 'series' | 'xLabel' | 'xLog'> {
  const sizes = row.runs.map((run) => run.trainingSize ?? 50_000);
  return {
    xLabel: 'training-set size N (log scale)',
    xLog: true,
    series: [
      {
        label: `ours: validation accuracy after training (mean of ${row.runs[0]?.final.n ?? 0} seed(s))`,
        x: sizes,
        y: row.runs.map((r) => r.final.mean),
        color: PALETTE[0]!,
        dots: true,
      },
      {
        label: 'book: more_data.json',
        x: sizes,
        y: row.runs.map((r) => r.bookValue ?? Number.NaN),
        color: PALETTE[0]!,
        dashed: true,
        dots: true,
      },
    ],
  };
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** The chart of one experiment from its rows (several rows when it has several booked runs). */
export function experimentChart(experiment: Experiment, rows: readonly ReportRow[], quick: boolean): string {
  const runs = rows.flatMap((row) => row.runs);
  const first = runs[0];
  const unit = first?.unit ?? 'accuracy';
  const referenceLines: ReferenceLine[] = [];
  let body: Pick<ChartSpec, 'series' | 'xLabel' | 'xLog'>;
  if (rows[0]?.rule === 'more-data') {
    body = moreDataSpec(rows[0]);
  } else {
    body = {
      xLabel: 'epoch',
      series: runs.flatMap((run, i) => epochSeries(run, PALETTE[i % PALETTE.length]!)),
    };
    runs.forEach((run, i) => {
      if (run.bookValue !== undefined) {
        referenceLines.push({
          y: run.bookValue,
          label: `book: ${percent(run.bookValue)} (${run.label}, stated)`,
          color: PALETTE[i % PALETTE.length]!,
        });
      }
    });
  }
  const verdicts = rows.map((row) => row.verdict.status).join(', ');
  return renderSvgChart({
    title: `${experiment.title}${quick ? ' — QUICK RUN' : ''}`,
    subtitle: truncate(`verdict: ${verdicts} · ${experiment.description}`, 120),
    yLabel: first ? yLabelOf(experiment, first) : '',
    referenceLines,
    formatY: unit === 'accuracy' ? (v) => percent(v, 1) : (v) => fixed(v, 2),
    ...body,
  });
}

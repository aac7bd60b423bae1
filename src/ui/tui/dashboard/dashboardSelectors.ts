// Read-only views of the dashboard state for the components: which charts a view shows and
// with which series (own runs, the book's curves, earlier runs of the session), the ETA, and
// the more-data bars. Pure, so the components only lay text out.
import type { HeldOut } from '../../../core/experiments.js';
import { bookAccuracyForSize, bookSeriesFor } from '../../../data/bookRuns.js';
import type { ChartSpec, PlotSeries } from '../charts/chartPlot.js';
import { MAX_COMPARED_RUNS, compareColor, runColor } from '../charts/colors.js';
import { PACES, isRunning, type DashboardState } from './dashboardReducer.js';
import { hasValues, isAccuracy, isTraining, metricLabel, type Metric, type MetricSeries } from './metrics.js';

/** A finished run kept for the session, overlaid by `c`. */
export interface SessionRun {
  planId: number;
  label: string;
  heldOut: HeldOut;
  series: MetricSeries;
}

/** How many epochs `z` keeps on screen. */
export const LAST_EPOCHS = 50;

const COST: readonly Metric[] = ['trainingCost', 'validationCost'];
const ACCURACY: readonly Metric[] = ['trainingAccuracy', 'validationAccuracy'];

export interface ChartGroup {
  title: string;
  metrics: readonly Metric[];
}

/** The chart views: 1 cost, 2 accuracy, 3 both, 4 one chart per series. */
export type ChartViewId = 'cost' | 'accuracy' | 'both' | 'all';

export function chartGroups(view: ChartViewId): ChartGroup[] {
  switch (view) {
    case 'cost':
      return [{ title: 'cost', metrics: COST }];
    case 'accuracy':
      return [{ title: 'accuracy %', metrics: ACCURACY }];
    case 'both':
      return [
        { title: 'cost', metrics: COST },
        { title: 'accuracy %', metrics: ACCURACY },
      ];
    case 'all':
      return (['trainingCost', 'validationCost', 'trainingAccuracy', 'validationAccuracy'] as const).map((metric) => ({
        title: '',
        metrics: [metric],
      }));
  }
}

/** The smallest span an accuracy chart shows, in percentage points: noise of a few tenths stays small. */
export const ACCURACY_MIN_SPAN = 2;

/** The smallest span a cost chart shows: a quarter of the largest cost on it (at least 0.01). */
export function costMinSpan(seriesList: readonly (readonly number[])[]): number {
  let largest = 0;
  for (const values of seriesList)
    for (const value of values) if (Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
  return Math.max(0.01, largest * 0.25);
}

const asShown = (metric: Metric, values: readonly number[]) => (isAccuracy(metric) ? values.map((v) => v * 100) : values);

const setOf = (metric: Metric) => (isTraining(metric) ? 'training' : 'validation');

/** The earlier runs of the session that `c` overlays: not this plan's own, the most recent few. */
export function comparedRuns(session: readonly SessionRun[], planId: number): SessionRun[] {
  return session.filter((run) => run.planId !== planId).slice(-MAX_COMPARED_RUNS);
}

/** The part of the state the charts read: the dashboard memoizes them on exactly these fields. */
export type ChartState = Pick<DashboardState, 'runs' | 'current' | 'showBook' | 'compare' | 'bestEpoch' | 'heldOut' | 'logScale'>;

function chartSpec(state: ChartState, compared: readonly SessionRun[], title: string, metrics: readonly Metric[]): ChartSpec {
  const ownRuns = state.runs.slice(0, state.current + 1);
  const several = state.runs.length > 1;
  const ownLength = Math.max(0, ...ownRuns.flatMap((run) => metrics.map((m) => run.series[m].length)));
  const book: PlotSeries[] = [];
  const earlier: PlotSeries[] = [];
  const current: PlotSeries[] = [];

  ownRuns.forEach((run, index) => {
    const prefix = several ? `${run.label}: ` : '';
    for (const metric of metrics) {
      const values = run.series[metric];
      if (!hasValues(values)) continue;
      (index === state.current ? current : earlier).push({
        key: `run${index}-${metric}`,
        label: `${prefix}${metricLabel(metric, state.heldOut)}`,
        color: runColor(index, setOf(metric)),
        style: isTraining(metric) ? 'heavy' : 'solid',
        values: asShown(metric, values),
        showStats: index === state.current,
      });
    }
    if (!state.showBook) return;
    for (const curve of bookSeriesFor(run.bookCurve)) {
      if (!metrics.includes(curve.metric)) continue;
      book.push({
        key: `book${index}-${curve.metric}`,
        // Short: one curve per run in multi-run figures, one per metric otherwise.
        label: several ? `book ${run.label}` : `book ${metricLabel(curve.metric, state.heldOut)}`,
        color: runColor(index, setOf(curve.metric), true),
        style: 'dotted',
        // Only as far as this session's runs got, so the live curve is not squeezed.
        values: asShown(curve.metric, curve.values.slice(0, ownLength)),
        showStats: false,
      });
    }
  });

  const others: PlotSeries[] = [];
  if (state.compare) {
    compared.forEach((run, slot) => {
      // One series per earlier run: the held-out one where it was measured.
      const metric =
        metrics.find((m) => !isTraining(m) && hasValues(run.series[m])) ?? metrics.find((m) => hasValues(run.series[m]));
      if (!metric) return;
      others.push({
        key: `compare${run.planId}-${slot}-${metric}`,
        label: `${shorten(run.label, COMPARED_LABEL)}: ${metricLabel(metric, run.heldOut)}`,
        color: compareColor(slot),
        style: 'dashed',
        values: asShown(metric, run.series[metric]),
        showStats: false,
      });
    });
  }

  const accuracy = metrics.every(isAccuracy);
  // Drawn in this order, so the live run ends up on top.
  const series = [...book, ...others, ...earlier, ...current];
  const halvings = state.runs[state.current]?.etaChanges ?? [];
  return {
    key: metrics.join('+'),
    title: title || metricLabel(metrics[0]!, state.heldOut),
    unit: accuracy ? '%' : '',
    bounds: accuracy
      ? { lower: 0, upper: 100, minSpan: ACCURACY_MIN_SPAN }
      : { lower: 0, minSpan: costMinSpan(series.map((s) => s.values)) },
    log: !accuracy && state.logScale,
    series,
    origin: 1,
    markerIndex: state.bestEpoch > 0 ? state.bestEpoch - 1 : undefined,
    // ½ under the epoch after which the schedule halved η.
    marks: halvings.map((epoch) => ({ index: epoch - 1, glyph: '½' })),
    emptyNote:
      ownLength > 0
        ? `not measured in this run${metrics.some(isTraining) ? ' (settings: train cost / train acc.)' : ''}`
        : undefined,
  };
}

/** The charts of a view, each with its series. */
export function chartSpecs(state: ChartState, compared: readonly SessionRun[], groups: readonly ChartGroup[]): ChartSpec[] {
  return groups.map((group) => chartSpec(state, compared, group.title, group.metrics));
}

/** Characters of an earlier run's name in a legend, so the compare legend fits one line. */
const COMPARED_LABEL = 28;

export function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** Seconds until the current run ends, from the measured speed and the chosen pace; undefined before it is known. */
export function etaSeconds(state: DashboardState): number | undefined {
  const { progress, config } = state;
  if (!progress || !config || !(progress.examplesPerSecond > 0)) return undefined;
  const remainingExamples = Math.max(0, state.trainingSize - progress.batch * config.batchSize);
  const inEpoch = remainingExamples / progress.examplesPerSecond;
  const measured = state.epoch > 0 ? state.epochSeconds / state.epoch : state.trainingSize / progress.examplesPerSecond;
  // A slowed run waits after each epoch until its pace allows the next one.
  const perEpoch = Math.max(measured, 1 / (PACES[state.pace] ?? Number.POSITIVE_INFINITY));
  return inEpoch + Math.max(0, config.epochs - progress.epoch) * perEpoch;
}

export interface SizeBar {
  trainingSize: number;
  /** Held-out accuracy (fraction) once the run is done. */
  accuracy?: number;
  book?: number;
  state: 'done' | 'running' | 'waiting';
}

/** The more-data experiment: final accuracy of each training-set size, with the book's. */
export function sizeBars(state: DashboardState): SizeBar[] {
  return state.runs.map((run, index) => ({
    trainingSize: run.trainingSize,
    accuracy: run.finalAccuracy ?? run.done?.best.validationAccuracy,
    book: bookAccuracyForSize(run.bookCurve),
    state: run.done ? 'done' : index === state.current && isRunning(state) ? 'running' : 'waiting',
  }));
}

/** Whether the book has a curve for any run of this dashboard (so `b` can say when it has none). */
export function hasBookData(state: Pick<DashboardState, 'runs'>): boolean {
  return state.runs.some((run) => bookSeriesFor(run.bookCurve).length > 0 || bookAccuracyForSize(run.bookCurve) !== undefined);
}

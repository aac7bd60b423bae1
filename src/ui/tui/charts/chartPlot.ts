// Lays out one chart in a given box: legend lines, the asciichart plot and the x-axis line, so
// that the whole thing never exceeds `width` × `height`. Pure (asciichart only builds strings).
import asciichart from 'asciichart';
import {
  fitToColumns,
  fillGaps,
  legendText,
  packLines,
  seriesStats,
  visibleWindow,
  xAxisLine,
  yLabelFormatter,
  zoomRange,
} from './chartData.js';
import { chartColor, type SeriesColor } from './colors.js';
import { short } from '../../app/format.js';

export interface PlotSeries {
  /** Stable identity (for React keys and tests). */
  key: string;
  label: string;
  color: SeriesColor;
  /** values[i] is the x value origin + i; non-finite = not measured. */
  values: readonly number[];
  /** Show current / min / max in the legend (the live run's series). */
  showStats: boolean;
}

export interface ChartSpec {
  key: string;
  title: string;
  unit: '' | '%';
  series: PlotSeries[];
  /** x value of index 0 (1 = epoch 1). */
  origin: number;
  /** Index marked ▲ on the x axis (the best epoch). */
  markerIndex?: number;
  /** y-range limits, e.g. 0–100 for percents. */
  bounds?: { lower?: number; upper?: number };
  xName?: string;
  /** Shown when no series has a value yet. */
  emptyNote?: string;
}

export interface LegendItem {
  text: string;
  /** Undefined for the chart's title. */
  color?: SeriesColor;
}

export interface DrawnChart {
  legend: LegendItem[][];
  /** asciichart's lines (with ANSI colours); empty when there is nothing to draw. */
  plot: string[];
  axis: string;
  /** Shown instead of the plot when there is nothing to draw. */
  note?: string;
}

/** Characters of the y labels, including one space before the axis. */
export const Y_LABEL_WIDTH = 9;
/** Characters of "── " before each legend entry. */
export const LEGEND_SWATCH = 3;

/** Columns left for data points in a chart `width` wide: the labels, then one point per column
 * starting on the axis, then asciichart's trailing blank cell. */
export function plotColumns(width: number): number {
  return Math.max(1, width - Y_LABEL_WIDTH - 1);
}

function legendOf(spec: ChartSpec, width: number): LegendItem[][] {
  const format = spec.unit === '%' ? (v: number) => v.toFixed(2) : short;
  const items: LegendItem[] = [
    { text: spec.title },
    ...spec.series.map((s) => ({
      text: legendText(s.label, s.showStats ? seriesStats(s.values) : undefined, format),
      color: s.color,
    })),
  ];
  const widths = items.map((item) => item.text.length + (item.color ? LEGEND_SWATCH : 0));
  return packLines(widths, width).map((line) => line.map((index) => items[index]!));
}

export function drawChart(spec: ChartSpec, box: { width: number; height: number; lastN?: number }): DrawnChart {
  let legend = legendOf(spec, box.width);
  // Keep at least three plot lines: drop legend lines first.
  while (legend.length > 1 && box.height - legend.length - 1 < 3) legend = legend.slice(0, -1);
  const plotLines = box.height - legend.length - 1;

  const length = Math.max(0, ...spec.series.map((s) => s.values.length));
  const window = visibleWindow(length, box.lastN);
  const columns = plotColumns(box.width);
  const drawable = window
    ? spec.series
        .map((s) => ({ series: s, values: fillGaps(fitToColumns(s.values, window, columns)) }))
        .filter((d): d is { series: PlotSeries; values: number[] } => d.values !== undefined)
    : [];
  const range = zoomRange(
    drawable.map((d) => d.values),
    spec.bounds,
  );
  if (!window || !range || drawable.length === 0) {
    return { legend, plot: [], axis: '', note: spec.emptyNote ?? 'waiting for the first epoch…' };
  }
  if (plotLines < 2) return { legend, plot: [], axis: '', note: 'enlarge the terminal to see this chart' };

  const rows = plotLines - 1;
  const plot = asciichart
    .plot(
      drawable.map((d) => d.values),
      {
        min: range.min,
        max: range.max,
        height: rows,
        offset: 2,
        colors: drawable.map((d) => chartColor(d.series.color)),
        format: yLabelFormatter(range, rows, Y_LABEL_WIDTH, spec.unit),
      },
    )
    .split('\n');
  const axis = xAxisLine({
    window,
    columns,
    origin: spec.origin,
    labelWidth: Y_LABEL_WIDTH,
    markerIndex: spec.markerIndex,
    name: spec.xName ?? 'epoch',
  });
  return { legend, plot, axis };
}

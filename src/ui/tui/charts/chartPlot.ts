// Lays out one chart in a given box: legend lines, the plot and the x-axis line, so that the
// whole thing never exceeds `width` × `height`. Pure. The plot follows asciichart's line drawing,
// but per series, so each can have its own line style (the book's curves dotted, earlier runs
// dashed) and colours can be left out entirely (NO_COLOR).
import {
  fitToColumns,
  fillGaps,
  legendText,
  niceRange,
  packLines,
  seriesStats,
  visibleWindow,
  xAxisLine,
  yLabelFormatter,
  zoomRange,
  type RangeOptions,
} from './chartData.js';
import { ansiColor, type SeriesColor } from './colors.js';
import { short } from '../../app/format.js';

/** How a series' line is drawn: the live runs solid, the book's curves dotted, earlier runs dashed. */
export type LineStyle = 'solid' | 'heavy' | 'dotted' | 'dashed';

export interface PlotSeries {
  /** Stable identity (for React keys and tests). */
  key: string;
  label: string;
  color: SeriesColor;
  style?: LineStyle;
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
  /** More marks on the x axis (½ where η was halved). */
  marks?: readonly { index: number; glyph: string }[];
  /** y-range limits and the smallest span shown. */
  bounds?: RangeOptions;
  /** Values on a log₁₀ scale (cost with `l`); values ≤ 0 are skipped. */
  log?: boolean;
  xName?: string;
  /** Shown when no series has a value yet. */
  emptyNote?: string;
}

export interface LegendItem {
  text: string;
  /** Undefined for the chart's title. */
  color?: SeriesColor;
  style?: LineStyle;
}

export interface DrawnChart {
  legend: LegendItem[][];
  /** The plot's lines (with ANSI colours unless colours are off); empty when there is nothing to draw. */
  plot: string[];
  axis: string;
  /** Shown instead of the plot when there is nothing to draw. */
  note?: string;
}

/** Characters of the y labels, including one space before the axis. */
export const Y_LABEL_WIDTH = 9;
/** Characters of the swatch ("── ") before each legend entry. */
export const LEGEND_SWATCH = 3;

// asciichart's symbols: flat, down-arriving, up-arriving, down-leaving, up-leaving, vertical.
const SYMBOLS: Readonly<Record<LineStyle, readonly string[]>> = {
  solid: ['─', '╰', '╭', '╮', '╯', '│'],
  heavy: ['━', '┗', '┏', '┓', '┛', '┃'],
  dotted: ['┄', '╰', '╭', '╮', '╯', '┆'],
  dashed: ['╌', '╰', '╭', '╮', '╯', '╎'],
};

/** The legend's sample of a line style. */
export function swatch(style: LineStyle = 'solid'): string {
  return `${SYMBOLS[style][0]!.repeat(2)} `;
}

/** Columns left for data points in a chart `width` wide: the labels, then one point per column. */
export function plotColumns(width: number): number {
  return Math.max(1, width - Y_LABEL_WIDTH - 1);
}

function legendOf(spec: ChartSpec, width: number): LegendItem[][] {
  const format = spec.unit === '%' ? (v: number) => v.toFixed(2) : short;
  const title = spec.log ? `${spec.title} (log scale)` : spec.title;
  const items: LegendItem[] = [
    { text: title },
    ...spec.series.map((s) => ({
      text: legendText(s.label, s.showStats ? seriesStats(s.values) : undefined, format),
      color: s.color,
      style: s.style,
    })),
  ];
  const widths = items.map((item) => item.text.length + (item.color ? LEGEND_SWATCH : 0));
  return packLines(widths, width).map((line) => line.map((index) => items[index]!));
}

interface Cell {
  char: string;
  color?: SeriesColor;
  /** Index of the series drawn here last. */
  layer?: number;
  /** Another series was drawn here before. */
  overlap?: boolean;
}

/** Drawn where two or more series run flat through the same cell, so no line silently hides another. */
export const OVERLAP_GLYPH = '═';
const FLATS = new Set(Object.values(SYMBOLS).map((symbols) => symbols[0]));

/** The plot's rows (top first) as cells: the series drawn in order, later ones on top. */
function plotCells(
  layers: readonly { values: number[]; style: LineStyle; color: SeriesColor }[],
  min: number,
  max: number,
  rows: number,
): Cell[][] {
  const width = Math.max(...layers.map((layer) => layer.values.length));
  const grid: Cell[][] = Array.from({ length: rows + 1 }, () => Array.from({ length: width }, () => ({ char: ' ' })));
  const ratio = max > min ? rows / (max - min) : 1;
  const level = (value: number) => Math.min(rows, Math.max(0, Math.round((value - min) * ratio)));
  let layer = 0;
  const put = (y: number, x: number, char: string, color: SeriesColor) => {
    const before = grid[rows - y]![x]!;
    const overlap = before.overlap || (before.layer !== undefined && before.layer !== layer);
    grid[rows - y]![x] = { char, color, layer, overlap };
  };
  for (const [index, { values, style, color }] of layers.entries()) {
    layer = index;
    const [flat, downArrive, upArrive, downLeave, upLeave, vertical] = SYMBOLS[style] as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (values.length === 1) put(level(values[0]!), 0, flat, color);
    for (let x = 0; x < values.length - 1; x++) {
      const y0 = level(values[x]!);
      const y1 = level(values[x + 1]!);
      if (y0 === y1) {
        put(y0, x, flat, color);
        continue;
      }
      put(y1, x, y0 > y1 ? downArrive : upArrive, color);
      put(y0, x, y0 > y1 ? downLeave : upLeave, color);
      for (let y = Math.min(y0, y1) + 1; y < Math.max(y0, y1); y++) put(y, x, vertical, color);
    }
  }
  for (const row of grid) for (const cell of row) if (cell.overlap && FLATS.has(cell.char)) cell.char = OVERLAP_GLYPH;
  return grid;
}

/** A row of cells as text, each run of one colour wrapped in its ANSI code (none without colour). */
function rowText(cells: readonly Cell[], color: boolean): string {
  let text = '';
  let open: SeriesColor | undefined;
  for (const cell of cells) {
    const wanted = color && cell.char !== ' ' ? cell.color : undefined;
    if (wanted !== open) {
      if (open) text += '\u001B[39m';
      if (wanted) text += ansiColor(wanted);
      open = wanted;
    }
    text += cell.char;
  }
  return open ? `${text}\u001B[39m` : text;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Show only the last N points (`z`). */
  lastN?: number;
  /** Colour codes in the plot; false under NO_COLOR. */
  color?: boolean;
}

export function drawChart(spec: ChartSpec, box: ChartBox): DrawnChart {
  let legend = legendOf(spec, box.width);
  // Keep at least three plot lines: drop legend lines first.
  while (legend.length > 1 && box.height - legend.length - 1 < 3) legend = legend.slice(0, -1);
  const plotLines = box.height - legend.length - 1;

  const length = Math.max(0, ...spec.series.map((s) => s.values.length));
  const window = visibleWindow(length, box.lastN);
  const columns = plotColumns(box.width);
  const scaled = (values: readonly number[]) => (spec.log ? values.map((v) => (v > 0 ? Math.log10(v) : Number.NaN)) : values);
  const drawable = window
    ? spec.series
        .map((s) => ({ series: s, values: fillGaps(fitToColumns(scaled(s.values), window, columns)) }))
        .filter((d): d is { series: PlotSeries; values: number[] } => d.values !== undefined)
    : [];
  const bounds: RangeOptions = spec.log ? { minSpan: 0.5 } : (spec.bounds ?? {});
  const zoomed = zoomRange(
    drawable.map((d) => d.values),
    bounds,
  );
  if (!window || !zoomed || drawable.length === 0) {
    return { legend, plot: [], axis: '', note: spec.emptyNote ?? 'waiting for the first epoch…' };
  }
  if (plotLines < 2) return { legend, plot: [], axis: '', note: 'enlarge the terminal to see this chart' };

  const rows = plotLines - 1;
  const range = niceRange(zoomed, rows, bounds);
  const label = spec.log
    ? (value: number) =>
        `${short(10 ** value)
          .slice(0, Y_LABEL_WIDTH - 1)
          .padStart(Y_LABEL_WIDTH - 1)} `
    : yLabelFormatter(range, rows, Y_LABEL_WIDTH, spec.unit);
  const cells = plotCells(
    drawable.map((d) => ({ values: d.values, style: d.series.style ?? 'solid', color: d.series.color })),
    range.min,
    range.max,
    rows,
  );
  const plot = cells.map(
    (row, r) => `${label(range.max - (r * (range.max - range.min)) / rows)}┤${rowText(row, box.color ?? true)}`,
  );
  const axis = xAxisLine({
    window,
    columns,
    origin: spec.origin,
    labelWidth: Y_LABEL_WIDTH + 1,
    markerIndex: spec.markerIndex,
    marks: spec.marks,
    name: spec.xName ?? 'epoch',
  });
  return { legend, plot, axis };
}

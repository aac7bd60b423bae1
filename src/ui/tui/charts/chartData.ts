// Pure helpers that turn per-epoch series into what asciichart can draw and the text around it:
// a window of epochs, fitting it to the available columns, gap filling (asciichart throws on
// NaN, ±Infinity and empty series), a y-range zoomed to the data, axis labels and legend packing.
// A series is an array whose index i is the x value `origin + i` (epoch i + 1 for training runs).
// Short windows are stretched over the width, long ones squeezed by averaging.

/** Indices of the series shown, inclusive. */
export interface XWindow {
  first: number;
  last: number;
}

export interface YRange {
  min: number;
  max: number;
}

export interface SeriesStats {
  min: number;
  max: number;
  /** The last finite value. */
  current: number;
}

/** All indices of a series of `length`, or only the last `lastN`; undefined when empty. */
export function visibleWindow(length: number, lastN?: number): XWindow | undefined {
  if (length <= 0) return undefined;
  const first = lastN !== undefined && lastN > 0 && length > lastN ? length - lastN : 0;
  return { first, last: length - 1 };
}

/**
 * Columns per index: a short window is stretched to use the width (1, 2, … columns per index),
 * a long one gets 1 and is squeezed by averaging.
 */
export function stretchOf(window: XWindow, columns: number): number {
  const span = window.last - window.first + 1;
  if (span <= 1 || span > columns) return 1;
  return Math.max(1, Math.floor((columns - 1) / (span - 1)));
}

/** Columns the window takes on screen. */
export function columnCount(window: XWindow, columns: number): number {
  const span = window.last - window.first + 1;
  if (span > columns) return Math.max(1, columns);
  return (span - 1) * stretchOf(window, columns) + 1;
}

/** The column index `index` falls in. */
export function columnOf(index: number, window: XWindow, columns: number): number {
  const span = window.last - window.first + 1;
  const offset = index - window.first;
  return span <= columns ? offset * stretchOf(window, columns) : Math.floor((offset * columns) / span);
}

/**
 * The window of `values` fitted to `columns`. Squeezed: each column is the mean of the finite
 * values in it. Stretched: each index at its column, straight lines between neighbours. NaN
 * where nothing was measured. The result ends at the column of the series' last index in the
 * window, so a shorter series stays shorter; [] when the series has no index in the window.
 */
export function fitToColumns(values: readonly number[], window: XWindow, columns: number): number[] {
  const end = Math.min(values.length - 1, window.last);
  if (end < window.first) return [];
  const count = columnOf(end, window, columns) + 1;
  const stretch = stretchOf(window, columns);
  if (window.last - window.first + 1 <= columns) {
    const fitted = new Array<number>(count).fill(Number.NaN);
    for (let i = window.first; i <= end; i++) {
      const from = values[i]!;
      const column = columnOf(i, window, columns);
      fitted[column] = from;
      const to = values[i + 1];
      if (i === end || to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) continue;
      for (let step = 1; step < stretch; step++) fitted[column + step] = from + ((to - from) * step) / stretch;
    }
    return fitted;
  }
  const sums = new Float64Array(count);
  const counts = new Uint32Array(count);
  for (let i = window.first; i <= end; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) continue;
    const column = columnOf(i, window, columns);
    sums[column]! += value;
    counts[column]! += 1;
  }
  return Array.from(sums, (sum, column) => (counts[column]! > 0 ? sum / counts[column]! : Number.NaN));
}

/**
 * A series asciichart can draw: trailing non-finite points are dropped, inner ones repeat the
 * previous value and leading ones take the first finite value. Undefined when nothing is finite.
 */
export function fillGaps(values: readonly number[]): number[] | undefined {
  let end = values.length - 1;
  while (end >= 0 && !Number.isFinite(values[end]!)) end--;
  if (end < 0) return undefined;
  const firstFinite = values.find((v) => Number.isFinite(v))!;
  const filled: number[] = [];
  let previous = firstFinite;
  for (let i = 0; i <= end; i++) {
    const value = values[i]!;
    if (Number.isFinite(value)) previous = value;
    filled.push(previous);
  }
  return filled;
}

/** Min, max and last of the finite values; undefined when there are none. */
export function seriesStats(values: readonly number[]): SeriesStats | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let current: number | undefined;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
    current = value;
  }
  return current === undefined ? undefined : { min, max, current };
}

/**
 * The y-range of the finite values of all series (zoomed to the data, not to 0–100%), widened when
 * flat so asciichart still has rows to draw, and kept inside `bounds` (e.g. 0–100 for percents).
 */
export function zoomRange(
  seriesList: readonly (readonly number[])[],
  bounds: { lower?: number; upper?: number } = {},
): YRange | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const values of seriesList) {
    for (const value of values) {
      if (!Number.isFinite(value)) continue;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  if (min > max) return undefined;
  if (max - min < 1e-9 * Math.max(1, Math.abs(max))) {
    const pad = max !== 0 ? Math.abs(max) * 0.05 : 1;
    min -= pad;
    max += pad;
  }
  const { lower, upper } = bounds;
  if (lower !== undefined && min < lower) {
    max = Math.min(upper ?? Number.POSITIVE_INFINITY, max + (lower - min));
    min = lower;
  }
  if (upper !== undefined && max > upper) {
    min = Math.max(lower ?? Number.NEGATIVE_INFINITY, min - (max - upper));
    max = upper;
  }
  return { min, max };
}

/**
 * Y-axis labels of exactly `width` characters (right-aligned, one trailing space), with enough
 * decimals that neighbouring rows of a `rows`-row plot get different labels.
 */
export function yLabelFormatter(range: YRange, rows: number, width: number, unit = ''): (value: number) => string {
  const step = (range.max - range.min) / Math.max(1, rows);
  // One decimal more than the step needs, so rounded neighbours still read evenly spaced.
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)) + 1);
  const room = width - 1;
  return (value: number) => {
    let text = `${value.toFixed(decimals)}${unit}`;
    if (text.length > room) text = `${value.toPrecision(Math.max(1, room - unit.length - 5))}${unit}`;
    if (text.length > room) text = `${value.toExponential(0)}${unit}`;
    return `${text.slice(0, room).padStart(room)} `;
  };
}

/** A "nice" step (1, 2 or 5 × 10^k) of at least `minimum`. */
export function niceStep(minimum: number): number {
  if (!(minimum > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(minimum));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= minimum) return factor * power;
  }
  return 10 * power;
}

export interface XAxisOptions {
  window: XWindow;
  /** Columns available for the plot (as given to fitToColumns). */
  columns: number;
  /** The x value of index 0: 1 for epochs of a training run, 0 for the neuron's starting point. */
  origin: number;
  /** Width of the y-label area; the plot's first column is at this position. */
  labelWidth: number;
  /** Index to mark with ▲ (the best epoch). */
  markerIndex?: number;
  /** Written right-aligned in the label area. */
  name?: string;
}

/**
 * The line under a plot: x values at their columns (first, last and multiples of a nice step,
 * never overlapping) and ▲ at the marked index. Column c of the plot is character labelWidth + c.
 */
export function xAxisLine(options: XAxisOptions): string {
  const { window, columns, origin, labelWidth, markerIndex, name = '' } = options;
  const count = columnCount(window, columns);
  const cells: string[] = new Array(labelWidth + count).fill(' ');
  const taken: boolean[] = new Array(cells.length).fill(false);
  const head = name.slice(0, Math.max(0, labelWidth - 1)).padStart(labelWidth - 1);
  for (let i = 0; i < head.length; i++) cells[i] = head[i]!;

  let markerAt = -1;
  const place = (text: string, start: number): boolean => {
    const end = start + text.length - 1;
    if (start < labelWidth || end >= cells.length) return false;
    // Keep one blank between neighbours; a label may touch the marker ("1▲", "▲30").
    for (let c = Math.max(labelWidth, start - 1); c <= Math.min(cells.length - 1, end + 1); c++) {
      const touching = c === start - 1 || c === end + 1;
      if (taken[c] && !(touching && c === markerAt)) return false;
    }
    for (let i = 0; i < text.length; i++) {
      cells[start + i] = text[i]!;
      taken[start + i] = true;
    }
    return true;
  };
  const columnOfIndex = (index: number) => labelWidth + columnOf(index, window, columns);

  if (markerIndex !== undefined && markerIndex >= window.first && markerIndex <= window.last) {
    markerAt = columnOfIndex(markerIndex);
    place('▲', markerAt);
  }
  const label = (index: number) => String(origin + index);
  const firstText = label(window.first);
  const firstAt = columnOfIndex(window.first);
  if (!place(firstText, firstAt) && markerAt === firstAt) place(firstText, firstAt + 1);
  const lastText = label(window.last);
  const lastAt = columnOfIndex(window.last);
  if (!place(lastText, Math.max(labelWidth, lastAt - lastText.length + 1)) && markerAt === lastAt) {
    place(lastText, lastAt - lastText.length);
  }

  const span = window.last - window.first + 1;
  const columnsPerIndex = count / span;
  const widest = lastText.length + 2;
  const step = niceStep(widest / columnsPerIndex);
  const firstValue = origin + window.first;
  for (let value = Math.ceil(firstValue / step) * step; value <= origin + window.last; value += step) {
    place(String(value), columnOfIndex(value - origin));
  }
  return cells.join('').trimEnd();
}

/**
 * Items packed into lines of at most `width` characters with `gap` spaces between them, in order;
 * returns the indices of the items on each line (an item wider than a line gets a line of its own).
 */
export function packLines(itemWidths: readonly number[], width: number, gap = 2): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let used = 0;
  itemWidths.forEach((itemWidth, index) => {
    const needed = line.length === 0 ? itemWidth : used + gap + itemWidth;
    if (line.length > 0 && needed > width) {
      lines.push(line);
      line = [index];
      used = itemWidth;
    } else {
      line.push(index);
      used = needed;
    }
  });
  if (line.length > 0) lines.push(line);
  return lines;
}

/** "test acc. 81.30 (12.00–82.90)": current value, then (min–max), in the caller's format. */
export function legendText(label: string, stats: SeriesStats | undefined, format: (value: number) => string): string {
  if (!stats) return label;
  return `${label} ${format(stats.current)} (${format(stats.min)}–${format(stats.max)})`;
}

/** Length of a bar for `value` on a scale from `lower` (empty) to `upper` (full `width`). */
export function barLength(value: number, lower: number, upper: number, width: number): number {
  if (!Number.isFinite(value) || upper <= lower) return 0;
  const fraction = (value - lower) / (upper - lower);
  return Math.round(Math.min(1, Math.max(0, fraction)) * width);
}

/** The lower end of a bar scale: the smallest value rounded down to a multiple of `step`. */
export function barScaleLower(values: readonly number[], step: number, ceiling: number): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return 0;
  const lower = Math.floor(Math.min(...finite) / step) * step;
  return Math.min(lower, ceiling - step);
}

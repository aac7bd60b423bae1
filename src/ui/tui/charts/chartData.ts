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

/** Columns the window takes on screen: all of them once it has two points (short runs are stretched). */
export function columnCount(window: XWindow, columns: number): number {
  const span = window.last - window.first + 1;
  return span <= 1 ? 1 : Math.max(1, columns);
}

/** The column index `index` falls in: spread over the width (stretched) or averaged (squeezed). */
export function columnOf(index: number, window: XWindow, columns: number): number {
  const span = window.last - window.first + 1;
  const offset = index - window.first;
  if (span <= 1) return 0;
  return span <= columns ? Math.round((offset * (columns - 1)) / (span - 1)) : Math.floor((offset * columns) / span);
}

/**
 * The window of `values` fitted to `columns`. Squeezed: each column is the mean of the finite
 * values in it. Stretched: the points spread over the full width, straight lines between
 * neighbours. NaN where nothing was measured. The result ends at the column of the series' last
 * index in the window, so a shorter series stays shorter; [] when it has no index in the window.
 */
export function fitToColumns(values: readonly number[], window: XWindow, columns: number): number[] {
  const end = Math.min(values.length - 1, window.last);
  if (end < window.first) return [];
  const count = columnOf(end, window, columns) + 1;
  const span = window.last - window.first + 1;
  if (span <= columns) {
    const perColumn = span <= 1 ? 0 : (span - 1) / (columns - 1);
    return Array.from({ length: count }, (_, column) => {
      const at = window.first + column * perColumn;
      const below = Math.floor(at + 1e-9);
      const from = values[below]!;
      const fraction = at - below;
      if (fraction < 1e-9) return from;
      const to = values[below + 1];
      if (to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) return fraction < 0.5 ? from : (to ?? Number.NaN);
      return from + (to - from) * fraction;
    });
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

export interface RangeOptions {
  /** Limits the range may not cross (0–100 for percents, 0 for costs). */
  lower?: number;
  upper?: number;
  /**
   * The smallest span shown, so that noise looks like noise: a 0.03 wobble of cost must not fill a
   * 32-row chart. Each quantity has its own (see dashboardSelectors.ts).
   */
  minSpan?: number;
}

/**
 * The y-range of the finite values of all series (zoomed to the data, not to 0–100%), widened to
 * at least `minSpan` (and when flat, so there are rows to draw), kept inside the bounds.
 */
export function zoomRange(seriesList: readonly (readonly number[])[], bounds: RangeOptions = {}): YRange | undefined {
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
  const flatPad = max !== 0 ? Math.abs(max) * 0.05 : 1;
  const wanted = Math.max(bounds.minSpan ?? 0, max - min < 1e-9 * Math.max(1, Math.abs(max)) ? 2 * flatPad : 0);
  if (max - min < wanted) {
    const middle = (max + min) / 2;
    min = middle - wanted / 2;
    max = middle + wanted / 2;
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

/** Row steps of a y axis: round enough to read (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k), fine enough not to waste rows. */
const ROW_STEP_FACTORS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

export function niceRowStep(minimum: number): number {
  if (!(minimum > 0) || !Number.isFinite(minimum)) return 1;
  const power = 10 ** Math.floor(Math.log10(minimum));
  for (const factor of ROW_STEP_FACTORS) {
    if (factor * power >= minimum * (1 - 1e-9)) return factor * power;
  }
  return 10 * power;
}

/**
 * A range of exactly `rows` steps of a nice size that holds `range`, so every row of the plot sits
 * on a round value (96.5, 97.0, 97.5) and the labels read evenly; kept inside the bounds when it can.
 */
export function niceRange(range: YRange, rows: number, bounds: RangeOptions = {}): YRange & { step: number } {
  const steps = Math.max(1, rows);
  let step = niceRowStep((range.max - range.min) / steps);
  for (let tries = 0; tries < 16; tries++) {
    let min = Math.floor(range.min / step + 1e-9) * step;
    if (bounds.upper !== undefined && min + step * steps > bounds.upper)
      min = Math.max(bounds.lower ?? -Infinity, bounds.upper - step * steps);
    if (min + step * steps >= range.max - step * 1e-9) return { min, max: min + step * steps, step };
    step = niceRowStep(step * 1.01);
  }
  return { ...range, step: (range.max - range.min) / steps };
}

/** Decimals that write a multiple of `step` exactly (2.5 → 1, 0.02 → 2, 5 → 0). */
export function decimalsOf(step: number): number {
  for (let decimals = 0; decimals < 8; decimals++) {
    if (Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) < 1e-6) return decimals;
  }
  return 8;
}

/**
 * Y-axis labels of exactly `width` characters (right-aligned, one trailing space), with the
 * decimals of the row step (so neighbouring rows never read the same), or the step's own decimals
 * plus one when the range is not on nice steps.
 */
export function yLabelFormatter(range: YRange, rows: number, width: number, unit = ''): (value: number) => string {
  const step = (range.max - range.min) / Math.max(1, rows);
  const exact = decimalsOf(step);
  const decimals = exact < 8 ? exact : step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)) + 1);
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
  /** More marks under the axis, e.g. ½ where the schedule halved η. */
  marks?: readonly { index: number; glyph: string }[];
  /** Written right-aligned in the label area. */
  name?: string;
}

/**
 * The line under a plot: x values at their columns (first, last and multiples of a nice step,
 * never overlapping) and ▲ at the marked index. Column c of the plot is character labelWidth + c.
 */
export function xAxisLine(options: XAxisOptions): string {
  const { window, columns, origin, labelWidth, markerIndex, marks = [], name = '' } = options;
  const count = columnCount(window, columns);
  const cells: string[] = new Array(labelWidth + count).fill(' ');
  const taken: boolean[] = new Array(cells.length).fill(false);
  const head = name.slice(0, Math.max(0, labelWidth - 1)).padStart(labelWidth - 1);
  for (let i = 0; i < head.length; i++) cells[i] = head[i]!;

  let markerAt = -1;
  const markAt = new Set<number>();
  const place = (text: string, start: number): boolean => {
    const end = start + text.length - 1;
    if (start < labelWidth || end >= cells.length) return false;
    // Keep one blank between neighbours; a label may touch the marker ("1▲", "▲30").
    for (let c = Math.max(labelWidth, start - 1); c <= Math.min(cells.length - 1, end + 1); c++) {
      const touching = c === start - 1 || c === end + 1;
      if (taken[c] && !(touching && (c === markerAt || markAt.has(c)))) return false;
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
  for (const mark of marks) {
    if (mark.index < window.first || mark.index > window.last) continue;
    const at = columnOfIndex(mark.index);
    if (at === markerAt || taken[at]) continue;
    cells[at] = mark.glyph;
    taken[at] = true;
    markAt.add(at);
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

import { describe, expect, it } from 'vitest';
import {
  barLength,
  barScaleLower,
  columnCount,
  columnOf,
  fillGaps,
  fitToColumns,
  legendText,
  niceStep,
  packLines,
  seriesStats,
  visibleWindow,
  xAxisLine,
  yLabelFormatter,
  zoomRange,
} from '../../../src/ui/tui/charts/chartData.js';

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

describe('windows and columns', () => {
  it('shows everything, or only the last N points', () => {
    expect(visibleWindow(0)).toBeUndefined();
    expect(visibleWindow(30)).toEqual({ first: 0, last: 29 });
    expect(visibleWindow(400, 50)).toEqual({ first: 350, last: 399 });
    expect(visibleWindow(20, 50)).toEqual({ first: 0, last: 19 });
  });

  it('stretches a short window over the width, evenly', () => {
    const window = { first: 0, last: 2 };
    expect([0, 1, 2].map((i) => columnOf(i, window, 69))).toEqual([0, 34, 68]);
    expect(columnCount(window, 69)).toBe(69);
  });

  it('squeezes a long window into exactly the available columns, in order', () => {
    const window = { first: 0, last: 399 };
    const columns = range(400, 0).map((i) => columnOf(i, window, 50));
    expect(columns[0]).toBe(0);
    expect(columns.at(-1)).toBe(49);
    expect(new Set(columns).size).toBe(50);
    expect(columns.every((c, i) => i === 0 || c >= columns[i - 1]!)).toBe(true);
    expect(columnCount(window, 50)).toBe(50);
  });
});

describe('fitToColumns', () => {
  it('averages the points falling in one column when squeezed', () => {
    const fitted = fitToColumns(range(400), { first: 0, last: 399 }, 50);
    expect(fitted).toHaveLength(50);
    expect(fitted[0]).toBeCloseTo(4.5); // mean of 1..8
    expect(fitted[49]).toBeCloseTo(396.5); // mean of 393..400
  });

  it('skips non-finite values and leaves NaN where a column has nothing measured', () => {
    const values = [1, Number.NaN, Number.POSITIVE_INFINITY, 3, Number.NaN, Number.NaN];
    const fitted = fitToColumns(values, { first: 0, last: 5 }, 3);
    expect(fitted).toHaveLength(3);
    expect(fitted[0]).toBe(1);
    expect(fitted[1]).toBe(3);
    expect(fitted[2]).toBeNaN();
  });

  it('draws straight lines between points when stretched', () => {
    const fitted = fitToColumns([0, 10], { first: 0, last: 1 }, 11);
    expect(fitted).toHaveLength(11);
    expect(fitted[5]).toBeCloseTo(5);
    expect(fitted[10]).toBe(10);
  });

  it('keeps a shorter series shorter, and gives [] outside the window', () => {
    const window = { first: 0, last: 9 };
    expect(fitToColumns([1, 2, 3], window, 10)).toHaveLength(3);
    expect(fitToColumns([1, 2, 3], { first: 5, last: 9 }, 10)).toEqual([]);
  });
});

describe('fillGaps (asciichart throws on NaN)', () => {
  it('repeats the previous value inside, takes the first for leading gaps, drops trailing ones', () => {
    expect(fillGaps([Number.NaN, 2, Number.NaN, Number.NEGATIVE_INFINITY, 5, Number.NaN])).toEqual([2, 2, 2, 2, 5]);
  });

  it('gives undefined when nothing is finite', () => {
    expect(fillGaps([])).toBeUndefined();
    expect(fillGaps([Number.NaN, Number.POSITIVE_INFINITY])).toBeUndefined();
  });
});

describe('zoomRange', () => {
  it('zooms accuracies to the data, not to 0–100%', () => {
    expect(
      zoomRange(
        [
          [90.7, 93.8],
          [92.1, Number.NaN],
        ],
        { lower: 0, upper: 100 },
      ),
    ).toEqual({ min: 90.7, max: 93.8 });
  });

  it('widens a flat series and keeps it inside the bounds', () => {
    const flat = zoomRange([[100, 100]], { lower: 0, upper: 100 })!;
    expect(flat.max).toBe(100);
    expect(flat.min).toBeLessThan(100);
    const zero = zoomRange([[0, 0]], { lower: 0 })!;
    expect(zero.min).toBe(0);
    expect(zero.max).toBeGreaterThan(0);
  });

  it('gives undefined without finite values', () => {
    expect(zoomRange([[Number.NaN], []])).toBeUndefined();
  });
});

describe('axis labels', () => {
  it('y labels have exactly the requested width and differ between neighbouring rows', () => {
    const yRange = { min: 0.4169, max: 0.5973 };
    const rows = 6;
    const format = yLabelFormatter(yRange, rows, 9);
    const labels = range(rows + 1, 0).map((row) => format(yRange.max - (row * (yRange.max - yRange.min)) / rows));
    expect(labels.every((label) => label.length === 9 && label.endsWith(' '))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    expect(yLabelFormatter({ min: 53, max: 100 }, 6, 9, '%')(100)).toBe('    100% ');
    expect(yLabelFormatter({ min: 0, max: 1e9 }, 5, 9)(123456789)).toHaveLength(9);
  });

  it('niceStep picks 1, 2 or 5 times a power of ten', () => {
    expect([0.5, 1, 3, 7, 12, 45, 160].map(niceStep)).toEqual([1, 1, 5, 10, 20, 50, 200]);
  });

  it('x labels sit at the columns of their epochs, never overlap, with ▲ at the marked epoch', () => {
    const window = { first: 0, last: 399 };
    const columns = 60;
    const labelWidth = 9;
    const line = xAxisLine({ window, columns, origin: 1, labelWidth, markerIndex: 199, name: 'epoch' });
    expect(line.startsWith('   epoch 1')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(labelWidth + columns);
    expect(line.indexOf('▲')).toBe(labelWidth + columnOf(199, window, columns));
    // Every number is the epoch of the column it starts at (or, for the last, ends at).
    for (const match of line.slice(labelWidth).matchAll(/\d+/g)) {
      const epoch = Number(match[0]);
      const start = match.index!;
      const end = start + match[0].length - 1;
      const at = columnOf(epoch - 1, window, columns);
      expect(at === start || at === end).toBe(true);
    }
    expect(line).toMatch(/ 1 /);
    expect(line.trimEnd().endsWith('400')).toBe(true);
  });

  it('labels every epoch of a short, stretched run', () => {
    const line = xAxisLine({ window: { first: 0, last: 2 }, columns: 60, origin: 1, labelWidth: 9 });
    expect(line.slice(9).trim().split(/\s+/)).toEqual(['1', '2', '3']);
  });

  it('keeps the first and last labels next to a marker that falls on them', () => {
    const short = xAxisLine({ window: { first: 0, last: 2 }, columns: 60, origin: 1, labelWidth: 9, markerIndex: 2 });
    expect(short.slice(9).trim().split(/\s+/)).toEqual(['1', '2', '3▲']);
    const long = xAxisLine({ window: { first: 0, last: 399 }, columns: 60, origin: 1, labelWidth: 9, markerIndex: 0 });
    expect(long.slice(9).startsWith('▲1 ')).toBe(true);
  });

  it('starts at the origin (epoch 0 for the neuron demo)', () => {
    const line = xAxisLine({ window: { first: 0, last: 300 }, columns: 60, origin: 0, labelWidth: 9 });
    expect(line.slice(9).trim().split(/\s+/)[0]).toBe('0');
    expect(line.trimEnd().endsWith('300')).toBe(true);
  });
});

describe('legend and bars', () => {
  it('seriesStats uses finite values only; current is the last one', () => {
    expect(seriesStats([0.5, Number.NaN, 0.2, 0.9, Number.POSITIVE_INFINITY])).toEqual({ min: 0.2, max: 0.9, current: 0.9 });
    expect(seriesStats([Number.NaN])).toBeUndefined();
  });

  it('legendText shows current, then (min–max)', () => {
    const text = legendText('test acc.', { min: 53.47, max: 81.43, current: 81.39 }, (v) => v.toFixed(2));
    expect(text).toBe('test acc. 81.39 (53.47–81.43)');
    expect(legendText('book', undefined, String)).toBe('book');
  });

  it('packLines fills lines in order without exceeding the width', () => {
    expect(packLines([10, 10, 10, 30], 24)).toEqual([[0, 1], [2], [3]]);
    expect(packLines([50], 20)).toEqual([[0]]);
  });

  it('barLength scales between the ends and clamps', () => {
    expect(barLength(0.9, 0.8, 1, 20)).toBe(10);
    expect(barLength(0.5, 0.8, 1, 20)).toBe(0);
    expect(barLength(1.2, 0.8, 1, 20)).toBe(20);
    expect(barLength(Number.NaN, 0, 1, 20)).toBe(0);
    expect(barScaleLower([0.6909, 0.9597, Number.NaN], 0.1, 1)).toBeCloseTo(0.6);
  });
});

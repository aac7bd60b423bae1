import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { columnOf } from '../../../src/ui/tui/charts/chartData.js';
import { drawChart, plotColumns, Y_LABEL_WIDTH, type ChartSpec } from '../../../src/ui/tui/charts/chartPlot.js';

function spec(series: number[][], overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    key: 'test',
    title: 'cost',
    unit: '',
    origin: 1,
    series: series.map((values, i) => ({ key: `s${i}`, label: `series ${i}`, color: 'blue', values, showStats: i === 0 })),
    ...overrides,
  };
}

function lines(drawn: ReturnType<typeof drawChart>): string[] {
  return [
    ...drawn.legend.map((line) => line.map((item) => (item.color ? `── ${item.text}` : item.text)).join('  ')),
    ...(drawn.note !== undefined ? [drawn.note] : drawn.plot.map((line) => stripVTControlCharacters(line))),
    ...(drawn.axis ? [drawn.axis] : []),
  ];
}

describe('drawChart', () => {
  it('fits the box: never wider or taller than asked, at any size and length', () => {
    const long = Array.from({ length: 400 }, (_, i) => 2 * Math.exp(-i / 50) + (i % 7) * 0.01);
    for (const [width, height] of [
      [79, 8],
      [79, 17],
      [39, 7],
      [120, 20],
    ] as const) {
      for (const values of [long, long.slice(0, 3), long.slice(0, 1)]) {
        const drawn = drawChart(spec([values, values.map((v) => v * 1.5)]), { width, height });
        const all = lines(drawn);
        expect(all.length).toBeLessThanOrEqual(height);
        for (const line of all.slice(drawn.legend.length)) expect(line.length).toBeLessThanOrEqual(width);
      }
    }
  });

  it('draws a rising series from the bottom-left to the top-right, on the data range', () => {
    const drawn = drawChart(spec([[1, 2, 3, 4, 5]]), { width: 50, height: 8 });
    const plot = drawn.plot.map((line) => stripVTControlCharacters(line));
    expect(plot).toHaveLength(8 - drawn.legend.length - 1);
    expect(plot[0]!.trimStart().startsWith('5.0')).toBe(true);
    expect(plot.at(-1)!.trimStart().startsWith('1.0')).toBe(true);
    // The last point is in the last column on the top row; the first on the axis in the bottom row.
    const lastColumn = Y_LABEL_WIDTH + columnOf(4, { first: 0, last: 4 }, plotColumns(50));
    expect(lastColumn).toBeGreaterThan(Y_LABEL_WIDTH + plotColumns(50) - 5); // stretched over the width
    expect(plot[0]!.trimEnd().length - 1).toBe(lastColumn);
    expect(plot.at(-1)![Y_LABEL_WIDTH]).toBe('┼');
  });

  it('skips NaN and ±Infinity instead of passing them to asciichart (which throws)', () => {
    const values = [Number.NaN, 0.5, Number.POSITIVE_INFINITY, 0.4, Number.NaN];
    expect(() => drawChart(spec([values, [Number.NaN, Number.NaN]]), { width: 60, height: 10 })).not.toThrow();
    const drawn = drawChart(spec([values]), { width: 60, height: 10 });
    expect(drawn.plot.length).toBeGreaterThan(0);
  });

  it('says so instead of drawing when there is no data yet', () => {
    const drawn = drawChart(spec([[], [Number.NaN]], { emptyNote: 'not measured' }), { width: 60, height: 10 });
    expect(drawn.plot).toEqual([]);
    expect(drawn.note).toBe('not measured');
  });

  it('puts the legend with min / max / current in the first lines, title first', () => {
    const drawn = drawChart(spec([[0.9, 0.5, 0.7]]), { width: 80, height: 10 });
    expect(drawn.legend[0]![0]!.text).toBe('cost');
    expect(drawn.legend.flat()[1]!.text).toBe('series 0 0.7 (0.5–0.9)');
  });

  it('zooms to the last N epochs with z', () => {
    const values = Array.from({ length: 400 }, (_, i) => i);
    const drawn = drawChart(spec([values]), { width: 80, height: 10, lastN: 50 });
    const plot = drawn.plot.map((line) => stripVTControlCharacters(line));
    expect(plot[0]!.trimStart().startsWith('399')).toBe(true);
    expect(drawn.axis).toMatch(/^\s+epoch 351\b/);
    expect(drawn.axis.trimEnd().endsWith('400')).toBe(true);
  });
});

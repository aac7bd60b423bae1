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

  it('draws a rising series from the bottom-left to the top-right, on round row values', () => {
    const drawn = drawChart(spec([[1, 2, 3, 4, 5]]), { width: 50, height: 8 });
    const plot = drawn.plot.map((line) => stripVTControlCharacters(line));
    expect(plot).toHaveLength(8 - drawn.legend.length - 1);
    const labels = plot.map((line) => Number(line.slice(0, Y_LABEL_WIDTH)));
    // Rows on a nice step that holds the data: top ≥ 5, bottom ≤ 1, evenly spaced.
    expect(labels[0]).toBeGreaterThanOrEqual(5);
    expect(labels.at(-1)).toBeLessThanOrEqual(1);
    const steps = labels.slice(1).map((label, i) => labels[i]! - label);
    expect(new Set(steps.map((step) => step.toFixed(6))).size).toBe(1);
    // The first point in the first data column of the bottom row, the last near the right of the top row.
    const firstData = Y_LABEL_WIDTH + 1;
    expect(plot.at(-1)![firstData]).not.toBe(' ');
    const lastColumn = firstData + columnOf(4, { first: 0, last: 4 }, plotColumns(50));
    expect(lastColumn).toBe(firstData + plotColumns(50) - 1); // stretched over the whole width
    const rowOfFive = plot[labels.indexOf(5)]!;
    expect(rowOfFive.trimEnd().length).toBeGreaterThan(lastColumn - 3);
  });

  it('draws the book dotted and earlier runs dashed, without colour codes when colour is off', () => {
    const styled = spec([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
    styled.series[1]!.style = 'dotted';
    styled.series[2]!.style = 'dashed';
    const coloured = drawChart(styled, { width: 40, height: 12 });
    expect(coloured.plot.join('\n')).toContain('\u001B[34m');
    const plain = drawChart(styled, { width: 40, height: 12, color: false });
    const text = plain.plot.join('\n');
    expect(text).not.toContain('\u001B');
    for (const char of ['─', '┄', '╌']) expect(text).toContain(char);
  });

  it('marks cells where lines overlap instead of letting one hide another', () => {
    const drawn = drawChart(
      spec([
        [1, 1, 1, 3],
        [1, 1, 1, 1],
        [5, 5, 5, 5],
      ]),
      { width: 40, height: 12, color: false },
    );
    const text = drawn.plot.join('\n');
    expect(text).toContain('═');
    // The series alone on its row keeps its own line.
    expect(drawn.plot.some((line) => line.includes('─') && !line.includes('═'))).toBe(true);
  });

  it('tells ticks apart with the decimals of the row step, and spans at least minSpan', () => {
    const noisy = [0.5, 0.51, 0.505, 0.52, 0.515];
    const drawn = drawChart(spec([noisy], { bounds: { lower: 0, minSpan: 0.2 } }), { width: 60, height: 12 });
    const labels = drawn.plot.map((line) => stripVTControlCharacters(line).slice(0, Y_LABEL_WIDTH).trim());
    expect(new Set(labels).size).toBe(labels.length);
    expect(Number(labels[0]) - Number(labels.at(-1))).toBeGreaterThanOrEqual(0.2 - 1e-9);
    const accuracy = drawChart(spec([[96.1, 96.4, 97.2]], { unit: '%', bounds: { lower: 0, upper: 100, minSpan: 2 } }), {
      width: 79,
      height: 6,
    });
    const percents = accuracy.plot.map((line) => stripVTControlCharacters(line).slice(0, Y_LABEL_WIDTH).trim());
    expect(new Set(percents).size).toBe(percents.length);
    expect(percents.every((label) => /^\d+(\.\d+)?%$/.test(label))).toBe(true);
  });

  it('draws cost on a log scale with l and marks η halvings with ½', () => {
    const cost = [2, 0.5, 0.1, 0.05, 0.02];
    const drawn = drawChart(spec([cost], { log: true, marks: [{ index: 2, glyph: '½' }], markerIndex: 4 }), {
      width: 60,
      height: 10,
    });
    expect(drawn.legend[0]![0]!.text).toBe('cost (log scale)');
    const top = Number(stripVTControlCharacters(drawn.plot[0]!).slice(0, Y_LABEL_WIDTH));
    const bottom = Number(stripVTControlCharacters(drawn.plot.at(-1)!).slice(0, Y_LABEL_WIDTH));
    expect(top).toBeGreaterThanOrEqual(2 - 1e-9);
    expect(bottom).toBeLessThanOrEqual(0.02 + 1e-9);
    expect(drawn.axis).toContain('½');
    expect(drawn.axis).toContain('▲');
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
    const top = Number(plot[0]!.slice(0, Y_LABEL_WIDTH));
    const bottom = Number(plot.at(-1)!.slice(0, Y_LABEL_WIDTH));
    expect(top).toBeGreaterThanOrEqual(399);
    expect(bottom).toBeLessThanOrEqual(350);
    expect(bottom).toBeGreaterThan(300);
    expect(drawn.axis).toMatch(/^\s+epoch 351\b/);
    expect(drawn.axis.trimEnd().endsWith('400')).toBe(true);
  });
});

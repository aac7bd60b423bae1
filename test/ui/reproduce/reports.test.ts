import { describe, expect, it } from 'vitest';
import { findExperiment } from '../../../src/core/experiments.js';
import { experimentChart } from '../../../src/ui/reproduce/charts.js';
import { CSV_COLUMNS, csvReport } from '../../../src/ui/reproduce/csv.js';
import { TABLE_COLUMNS, markdownReport, markdownTable } from '../../../src/ui/reproduce/markdown.js';
import type { Report, ReportRow } from '../../../src/ui/reproduce/report.js';
import { summarize } from '../../../src/core/analysis/statistics.js';
import { escapeXml, niceTicks, renderSvgChart } from '../../../src/ui/reproduce/svgChart.js';
import { NO_VERDICT, accuracyVerdict } from '../../../src/core/analysis/verdicts.js';
import { verdictText } from '../../../src/ui/reproduce/verdictText.js';

const row: ReportRow = {
  experiment: 'l2-full',
  title: 'L2 regularization on 50,000 images',
  run: 'λ = 5',
  rule: 'accuracy',
  bookFigure: '96.49% on the test set, best epoch (regularized_full.json)',
  bookAccuracy: 0.9649,
  runs: [
    {
      label: 'λ = 5',
      metric: 'validationAccuracy',
      unit: 'accuracy',
      best: summarize([0.9601, 0.9612, 0.959]),
      bestEpochs: [2, 2, 2],
      final: summarize([0.9598, 0.9611, 0.958]),
      seedCurves: [
        [0.95, 0.9601],
        [0.951, 0.9612],
        [0.949, 0.959],
      ],
      meanCurve: [0.95, 0.9601],
      bookValue: 0.9649,
    },
  ],
  difference: 0.9601 - 0.9649,
  tolerance: 0.005,
  largestGap: { label: 'λ = 5', unit: 'accuracy', axis: 'epoch', gap: { at: 1, ours: 0.95, book: 0.9401, gap: 0.0099 } },
  verdict: verdictText(accuracyVerdict({ book: 0.9649, oursMean: 0.9601, tolerance: 0.005 })),
  seeds: [1, 2, 3],
  notes: ['a note with | a pipe'],
  seconds: 30,
};

const report: Report = {
  quick: true,
  quickNote: 'QUICK RUN — test',
  seedsPerRun: 3,
  jobs: 2,
  engines: ['wasm'],
  startedAt: '2025-01-01T00:00:00.000Z',
  seconds: 65,
  notes: ['general note'],
  rows: [row],
  passed: 0,
  missed: 1,
};

describe('report writers', () => {
  it('Markdown: the columns, one line per row, pipes escaped, the quick label and the checks', () => {
    const table = markdownTable([row]).split('\n');
    expect(table[0]).toBe(`| ${TABLE_COLUMNS.join(' | ')} |`);
    expect(table).toHaveLength(3);
    const cells = table[2]!.split(' | ');
    expect(cells[0]).toBe('| l2-full (λ = 5)');
    expect(cells[2]).toBe('96.01 ± 0.11%');
    expect(cells[4]).toBe('−0.48 pp');
    expect(cells[5]).toBe('+0.99 pp at epoch 1 (λ = 5)');
    expect(cells[6]).toBe('pass |');
    const text = markdownReport(report);
    expect(text).toContain('> **QUICK RUN — test**');
    expect(text).toContain('- l2-full (λ = 5): a note with | a pipe');
    expect(text).toMatch(/l2-full \(λ = 5\): holds: within ±0\.5 pp/);
  });

  it('Markdown: a row without a book figure shows the one missing-value glyph, an en dash', () => {
    const unjudged: ReportRow = {
      ...row,
      bookFigure: '–',
      bookAccuracy: undefined,
      difference: undefined,
      largestGap: undefined,
      verdict: verdictText(NO_VERDICT),
      runs: [{ ...row.runs[0]!, best: summarize([]), final: summarize([Number.NaN, Number.NaN]) }],
    };
    const cells = markdownTable([unjudged]).split('\n')[2]!.split(' | ');
    expect(cells.slice(1)).toEqual(['–', '–', '–', '–', '–', '– (no book figure) |']);
    expect(markdownReport({ ...report, engines: [], rows: [unjudged] })).toContain('engine: – ·');
  });

  it('CSV: a header and one quoted line per run', () => {
    const lines = csvReport(report).trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"96.49% on the test set, best epoch (regularized_full.json)"');
    expect(lines[1]!.endsWith(',true')).toBe(true);
  });

  it('SVG: self-contained, one polyline per series, text escaped', () => {
    const svg = renderSvgChart({
      title: 'a < b & c',
      xLabel: 'epoch',
      yLabel: 'accuracy',
      series: [
        { label: 'ours', x: [1, 2, 3], y: [0.9, 0.95, 0.96], color: '#000' },
        { label: 'book', x: [1, 2, 3], y: [0.91, 0.94, 0.97], color: '#000', dashed: true },
      ],
      referenceLines: [{ y: 0.9549, label: 'book 95.49%', color: '#f00' }],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="7 4"');
    expect(svg).toContain('a &lt; b &amp; c');
    expect(svg).not.toMatch(/href=|<script/);
    expect(escapeXml('"x"')).toBe('&quot;x&quot;');
  });

  it('chart of an experiment: every seed, their mean, and the book', () => {
    const svg = experimentChart(findExperiment('l2-full')!, [row], true);
    // 3 seeds + mean; l2-full's book curve comes from the run summary (absent here), the stated number as a line.
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toContain('QUICK RUN');
    expect(svg).toContain('book: 96.49%');
  });

  it('ticks are round numbers spanning the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.93, 0.97, 4)).toEqual([0.93, 0.94, 0.95, 0.96, 0.97]);
  });
});

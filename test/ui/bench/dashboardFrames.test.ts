// The dashboard's frame time in the bench report (measured in src/ui/tui, handed in by src/ui/main.ts).
import { describe, expect, it } from 'vitest';
import { formatBenchMarkdown, formatBenchReport } from '../../../src/ui/bench/format.js';
import type { BenchReport } from '../../../src/ui/bench/runBench.js';
import { BENCH_SETTINGS } from '../../../src/ui/bench/workloads.js';

const report: BenchReport = {
  date: '2026-01-02T03:04:05.000Z',
  node: 'v20.20.2',
  cpu: 'Test CPU',
  cores: 2,
  platform: 'linux x64',
  commit: 'abc1234',
  engineRequested: 'auto',
  settings: BENCH_SETTINGS,
  workloads: [],
  peakRssBytes: 200 * 1024 ** 2,
  dashboardFrames: [
    {
      size: '80×24',
      columns: 80,
      rows: 24,
      epochs: 400,
      view: 4,
      keyFrameMs: { median: 4.25, p95: 6 },
      epochFrameMs: { median: 7.5, p95: 9.04 },
    },
    {
      size: '200×60',
      columns: 200,
      rows: 60,
      epochs: 400,
      view: 4,
      keyFrameMs: { median: 30, p95: 41 },
      epochFrameMs: { median: 35.55, p95: 50 },
    },
  ],
};

describe('bench: the dashboard frame time', () => {
  it('is in the text, Markdown and JSON reports', () => {
    const text = formatBenchReport(report);
    expect(text).toContain('dashboard frame 80×24 (400 epochs, view 4): key 4.3 ms (p95 6.0), new epoch 7.5 ms (p95 9.0)');
    expect(text).toContain('dashboard frame 200×60 (400 epochs, view 4): key 30.0 ms');
    const markdown = formatBenchMarkdown(report);
    expect(markdown).toContain('| 200×60 | 30.0 / 41.0 | 35.5 / 50.0 |');
    expect(JSON.parse(JSON.stringify(report)).dashboardFrames[1].epochFrameMs.median).toBe(35.55);
  });
});

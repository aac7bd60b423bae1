// The bench's line on what recording the held-out predictions costs (measured by `npm run bench`).
import { describe, expect, it } from 'vitest';
import { formatBenchMarkdown, formatBenchReport } from '../../../src/ui/bench/format.js';
import type { BenchReport } from '../../../src/ui/bench/runBench.js';
import { BENCH_SETTINGS } from '../../../src/ui/bench/workloads.js';

function reportWith(overhead: number): BenchReport {
  const epochSeconds = 1.2;
  return {
    date: '2026-01-02T03:04:05.000Z',
    node: 'v20.20.2',
    cpu: 'Test CPU',
    cores: 2,
    platform: 'linux x64',
    commit: 'abc1234',
    engineRequested: 'auto',
    settings: BENCH_SETTINGS,
    workloads: [],
    predictionsOverhead: {
      workload: '[784,30,10] batch 10',
      epochSeconds,
      plainEvalSeconds: 0.1,
      recordingEvalSeconds: 0.1 + overhead * epochSeconds,
      overhead,
      withinBudget: overhead <= 0.05,
    },
    peakRssBytes: 100 * 1024 ** 2,
  };
}

describe('the predictions-overhead line', () => {
  it('within the budget', () => {
    const text = formatBenchReport(reportWith(0.012));
    expect(text).toContain(
      'held-out predictions recorded (inspection views): +1.2% per epoch on [784,30,10] batch 10 (evaluation 0.1000 s → 0.1144 s of a 1.200 s epoch) — within the 5% budget',
    );
    expect(formatBenchMarkdown(reportWith(0.012))).toContain('+1.2% per epoch on [784,30,10] batch 10');
  });

  it('over it, and a negative difference (noise)', () => {
    expect(formatBenchReport(reportWith(0.08))).toContain(
      '+8.0% per epoch on [784,30,10] batch 10 (evaluation 0.1000 s → 0.1960 s of a 1.200 s epoch) — OVER the 5% budget',
    );
    expect(formatBenchReport(reportWith(-0.004))).toContain('−0.4% per epoch');
  });
});

// The benchmark's arithmetic and flags (its timings are measured by `npm run bench`, not tested).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/ui/app/errors.js';
import { formatBenchMarkdown, formatBenchReport } from '../../../src/ui/bench/format.js';
import { benchOptions } from '../../../src/ui/bench/command.js';
import { median } from '../../../src/ui/bench/measure.js';
import type { BenchReport } from '../../../src/ui/bench/runBench.js';
import { BENCH_SETTINGS, flopsPerExample } from '../../../src/ui/bench/workloads.js';

describe('bench', () => {
  it('counts forward, hidden-delta and weight-gradient multiply-adds as 2 FLOP each', () => {
    // [784, 30, 10]: forward 784·30 + 30·10 = 23,820, weight gradients the same, δ of the hidden layer 30·10.
    expect(flopsPerExample([784, 30, 10])).toBe(2 * (23_820 + 23_820 + 300));
    // No hidden layer: no hidden delta.
    expect(flopsPerExample([784, 10])).toBe(2 * 2 * 7840);
    expect(flopsPerExample([784, 100, 30, 10])).toBe(2 * (2 * (78_400 + 3000 + 300) + 3000 + 300));
  });

  it('takes the median of the measured epochs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('validates its flags with one-line usage errors', () => {
    expect(benchOptions({})).toEqual({ engine: 'auto', epochs: 3, format: 'text', memoryCheck: true });
    expect(benchOptions({ epochs: '5', engine: 'typescript', json: true, memory: false })).toEqual({
      engine: 'typescript',
      epochs: 5,
      format: 'json',
      memoryCheck: false,
    });
    expect(() => benchOptions({ epochs: '0' })).toThrow(UsageError);
    expect(() => benchOptions({ epochs: '2.5' })).toThrow(/--epochs: got 2.5; must be a whole number/);
    expect(() => benchOptions({ engine: 'gpu' })).toThrow(/--engine: got gpu; must be one of auto, typescript, wasm/);
    expect(() => benchOptions({ json: true, markdown: true })).toThrow(UsageError);
  });

  it('prints every workload with its figures, and the memory check against the 1 GB limit', () => {
    const report: BenchReport = {
      date: '2026-01-02T03:04:05.000Z',
      node: 'v20.20.2',
      cpu: 'Test CPU',
      cores: 2,
      platform: 'linux x64',
      commit: 'abc1234',
      engineRequested: 'auto',
      settings: BENCH_SETTINGS,
      workloads: [
        {
          sizes: [784, 30, 10],
          batchSize: 10,
          engine: 'wasm',
          epochs: 3,
          trainSecondsPerEpoch: 0.125,
          evalSeconds: 0.0123,
          examplesPerSecond: 400_000,
          gflops: 38.35,
          trainSeconds: [0.125, 0.12, 0.13],
          evalSecondsAll: [0.0123, 0.0123, 0.0123],
          validationAccuracy: 0.9512,
        },
      ],
      peakRssBytes: 200 * 1024 ** 2,
      memoryCheck: {
        images: 250_000,
        loadSeconds: 0.3,
        trainSeconds: 0.6,
        engine: 'wasm',
        peakRssBytes: 1100 * 1024 ** 2,
        limitBytes: 1024 ** 3,
        withinLimit: false,
      },
    };
    const text = formatBenchReport(report);
    expect(text).toMatch(/\[784,30,10\]\s+10\s+0\.125\s+0\.0123\s+400,000\s+38\.4\s+95\.12%/);
    expect(text).toContain('peak RSS 200 MB');
    expect(text).toContain('peak RSS 1100 MB — OVER 1024 MB');
    const markdown = formatBenchMarkdown(report);
    expect(markdown).toContain('Measured 2026-01-02 on Test CPU (2 cores), Node v20.20.2, commit abc1234');
    expect(markdown).toContain('| [784, 30, 10] | 10 | wasm | 0.125 | 0.012 | 400,000 | 38.4 |');
  });
});

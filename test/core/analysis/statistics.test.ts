import { describe, expect, it } from 'vitest';
import { mean, meanCurve, peak, sampleSd, summarize, trough } from '../../../src/core/analysis/statistics.js';

describe('mean and standard deviation over seeds', () => {
  it('computes the mean and the sample (n − 1) standard deviation', () => {
    // Σ(x − 5)² = 32 over 8 values: sample variance 32 / 7.
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    expect(sampleSd(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('has no standard deviation for a single seed and no mean for none', () => {
    expect(sampleSd([0.95])).toBeNaN();
    expect(mean([])).toBeNaN();
    const one = summarize([0.95]);
    expect(one).toMatchObject({ mean: 0.95, n: 1, min: 0.95, max: 0.95 });
    expect(one.sd).toBeNaN();
  });

  it('summarizes three seeds', () => {
    const summary = summarize([0.951, 0.955, 0.953]);
    expect(summary.mean).toBeCloseTo(0.953, 12);
    expect(summary.sd).toBeCloseTo(0.002, 12);
    expect(summary.n).toBe(3);
    expect([summary.min, summary.max]).toEqual([0.951, 0.955]);
  });

  it('averages curves epoch by epoch over the epochs every seed reached', () => {
    expect(
      meanCurve([
        [1, 2, 3],
        [3, 4],
        [2, 3, 9, 9],
      ]),
    ).toEqual([2, 3]);
    expect(meanCurve([])).toEqual([]);
  });

  it('finds the best epoch, 1-based, first on ties', () => {
    expect(peak([0.5, 0.9, 0.7, 0.9])).toEqual({ value: 0.9, epoch: 2 });
    expect(trough([0.5, 0.2, 0.3])).toEqual({ value: 0.2, epoch: 2 });
    expect(peak([])).toBeUndefined();
  });
});

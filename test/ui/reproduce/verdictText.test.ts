import { describe, expect, it } from 'vitest';
import {
  NO_VERDICT,
  accuracyVerdict,
  initializationVerdict,
  learningRateVerdict,
  moreDataVerdict,
  slowdownVerdict,
} from '../../../src/core/analysis/verdicts.js';
import { verdictText } from '../../../src/ui/reproduce/verdictText.js';

describe('verdicts in words', () => {
  it('an accuracy row: the rule with the tolerance and the book, the detail with our mean and the difference', () => {
    const missed = verdictText(accuracyVerdict({ book: 0.9549, oursMean: 0.948, tolerance: 0.005 }));
    expect(missed.status).toBe('miss');
    expect(missed.checks).toEqual([
      { rule: "within ±0.5 pp of the book's 95.49%", ok: false, detail: 'mean 94.80% is −0.69 pp from it' },
    ]);
    expect(missed.summary).toBe("within ±0.5 pp of the book's 95.49%: mean 94.80% is −0.69 pp from it");
    expect(verdictText(accuracyVerdict({ book: 0.9549, oursMean: 0.9589, tolerance: 0.005 })).summary).toBe('as the book');
  });

  it('names only the failed checks in the summary, with each seed where training did not reach 100%', () => {
    const verdict = verdictText(
      accuracyVerdict({ book: 0.8227, oursMean: 0.825, tolerance: 0.015, trainingPeaks: [1, 0.994, 1] }),
    );
    expect(verdict.checks.map((check) => check.ok)).toEqual([true, false]);
    expect(verdict.summary).toBe('training accuracy reaches 100%: peak training accuracy per seed 100.0%, 99.4%, 100.0%');
    expect(
      verdictText(accuracyVerdict({ book: 0.8227, oursMean: 0.825, tolerance: 0.015, trainingPeaks: [] })).checks[1]!.detail,
    ).toBe('not measured');
  });

  it('shows a missing number as the one en-dash glyph', () => {
    const verdict = verdictText(accuracyVerdict({ book: 0.9, oursMean: Number.NaN, tolerance: 0.015 }));
    expect(verdict.checks[0]!.detail).toBe('mean – is – from it');
  });

  it('says when there is nothing to compare with', () => {
    expect(verdictText(NO_VERDICT)).toEqual({ status: 'none', checks: [], summary: 'no book figure to compare with' });
  });

  it('the learning-rate rules name the epochs and the numbers', () => {
    const medium = [0.5, 0.3, 0.25, 0.24, 0.235, 0.232];
    const slow = [0.6, 0.55, 0.5, 0.46, 0.43, 0.4];
    const fast = [0.4, 1.2, 0.9, 1.3, 1.0, 1.4];
    const verdict = verdictText(learningRateVerdict({ slow, medium, fast }));
    expect(verdict.checks.map((check) => check.detail)).toEqual([
      'not lowest at epoch 1',
      'falls 0.260 to epoch 4, then 0.008',
      '0.600 → 0.400, largest rise 0.0%',
      'not above at epoch 1; second-half mean 1.233 vs 0.430 (2.87×)',
      'rises in 3 of 5 steps',
    ]);
    expect(verdict.checks[0]!.rule).toBe('η = 0.25 has the lowest cost in the first 5 epochs');
    expect(verdictText(learningRateVerdict({ slow: [1], medium: [1], fast: [1] })).summary).toBe(
      'at least two epochs of all three runs: 1 epoch(s)',
    );
  });

  it('the initialization, more-data and slowdown rules', () => {
    const init = verdictText(initializationVerdict({ default: [0.9, 0.95], large: [0.91, 0.94] }));
    expect(init.checks.map((check) => `${check.rule} (${check.detail})`)).toEqual([
      'default init ahead in the first 2 epochs (not ahead at epoch 1; epoch 1: 90.00% vs 91.00%)',
      'default init at least as good at the end (epoch 2: 95.00% vs 94.00%)',
    ]);
    expect(verdictText(moreDataVerdict([0.8, 0.79, 0.9], [100, 200, 500])).checks[0]!.detail).toBe(
      'falls at 100 → 200: 80.00% → 79.00%',
    );
    expect(verdictText(moreDataVerdict([0.8, 0.9], [100, 200])).checks[0]!.detail).toBe('80.00% → 90.00%');
    const quadratic = [1, 0.99, 0.98, 0.5, 0.1];
    const crossEntropy = [1, 0.5, 0.3, 0.2, 0.1];
    const slowdown = verdictText(slowdownVerdict({ saturatedQuadratic: quadratic, crossEntropy }, 2));
    expect(slowdown.checks.map((check) => check.detail)).toEqual([
      'cost 1.000 → 0.980 by epoch 2 (2% of its fall)',
      'fastest fall at epoch 3',
      'fastest fall at epoch 1',
    ]);
    expect(slowdown.status).toBe('pass');
  });
});

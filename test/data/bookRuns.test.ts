import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../src/core/experiments.js';
import { bookAccuracyForSize, bookSeriesFor, primaryBookSeries } from '../../src/data/bookRuns.js';

describe('bookSeriesFor', () => {
  it("gives the overfitting run's test accuracy (peak 82.27%) as the held-out series", () => {
    const series = bookSeriesFor({ figure: 'overfitting', series: 'testAccuracy' });
    const accuracy = series.find((s) => s.metric === 'validationAccuracy')!;
    expect(accuracy.values).toHaveLength(400);
    expect(Math.max(...accuracy.values)).toBeCloseTo(0.8227);
    const training = series.find((s) => s.metric === 'trainingAccuracy')!;
    expect(Math.max(...training.values)).toBe(1);
  });

  it('picks one η of multiple_eta and one init of weight_initialization', () => {
    const eta = bookSeriesFor({ figure: 'multiple_eta', series: '1' });
    expect(eta.map((s) => s.metric)).toEqual(['trainingCost']);
    expect(eta[0]!.label).toContain('η = 0.25');
    expect(eta[0]!.values[0]).toBeCloseTo(0.495, 3);
    const large = bookSeriesFor({ figure: 'weight_initialization_30', series: 'large' });
    expect(large.map((s) => [s.metric, s.values.length])).toEqual([['validationAccuracy', 30]]);
    expect(large[0]!.label).toContain('large');
  });

  it('finds a curve for every preset run that names one, except the by-size figure', () => {
    for (const experiment of EXPERIMENTS) {
      for (const run of experiment.runs) {
        if (!run.bookCurve || run.bookCurve.figure === 'more_data') continue;
        expect(bookSeriesFor(run.bookCurve).length, `${experiment.id} ${run.label}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives nothing for unknown figures or series', () => {
    expect(bookSeriesFor(undefined)).toEqual([]);
    expect(bookSeriesFor({ figure: 'nope', series: 'x' })).toEqual([]);
    expect(bookSeriesFor({ figure: 'multiple_eta', series: '7' })).toEqual([]);
  });
});

describe('bookAccuracyForSize', () => {
  it('reads the more-data figure by training-set size', () => {
    expect(bookAccuracyForSize({ figure: 'more_data', series: '100' })).toBeCloseTo(0.6909);
    expect(bookAccuracyForSize({ figure: 'more_data', series: '50000' })).toBeCloseTo(0.9597);
    expect(bookAccuracyForSize({ figure: 'more_data', series: '123' })).toBeUndefined();
    expect(bookAccuracyForSize({ figure: 'overfitting', series: 'testAccuracy' })).toBeUndefined();
  });
});

describe('primaryBookSeries', () => {
  it('is the series the reference names, else the first of the run', () => {
    expect(primaryBookSeries({ figure: 'overfitting', series: 'testAccuracy' })).toMatchObject({
      metric: 'validationAccuracy',
      bookMetric: 'testAccuracy',
    });
    expect(primaryBookSeries({ figure: 'multiple_eta', series: '2' })?.label).toContain('η = 2.5');
    expect(primaryBookSeries({ figure: 'weight_initialization_30', series: 'default' })?.label).toContain('default');
    expect(primaryBookSeries({ figure: 'more_data', series: '100' })).toBeUndefined();
  });
});

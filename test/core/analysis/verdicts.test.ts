import { describe, expect, it } from 'vitest';
import { bookCurves, MORE_DATA_SIZES } from '../../../src/data/bookFigures.js';
import {
  FULL_DATA_TOLERANCE,
  SMALL_DATA_TOLERANCE,
  accuracyVerdict,
  initializationVerdict,
  learningRateVerdict,
  moreDataVerdict,
  slowdownVerdict,
  toleranceFor,
} from '../../../src/core/analysis/verdicts.js';

function bookSeries(figure: Parameters<typeof bookCurves>[0], labelPrefix: string): number[] {
  const curve = bookCurves(figure).find((c) => c.label.startsWith(labelPrefix));
  if (!curve) throw new Error(`no ${labelPrefix} in ${figure}`);
  return curve.values;
}

describe('accuracy rows', () => {
  it('uses ±0.5 pp for full-data rows and ±1.5 pp for the 1,000-image rows', () => {
    expect(toleranceFor(undefined)).toBe(0.005);
    expect(toleranceFor(50_000)).toBe(FULL_DATA_TOLERANCE);
    expect(toleranceFor(1000)).toBe(0.015);
    expect(SMALL_DATA_TOLERANCE).toBe(0.015);
  });

  it('passes within the tolerance, on either side, and at its edge', () => {
    expect(accuracyVerdict({ book: 0.9549, oursMean: 0.9589, tolerance: 0.005 }).status).toBe('pass');
    expect(accuracyVerdict({ book: 0.9549, oursMean: 0.9509, tolerance: 0.005 }).status).toBe('pass');
    expect(accuracyVerdict({ book: 0.9549, oursMean: 0.9599, tolerance: 0.005 }).status).toBe('pass');
  });

  it('misses outside the tolerance and keeps by how much', () => {
    const verdict = accuracyVerdict({ book: 0.9549, oursMean: 0.948, tolerance: 0.005 });
    expect(verdict.status).toBe('miss');
    expect(verdict.checks[0]).toMatchObject({
      kind: 'accuracy',
      ok: false,
      book: 0.9549,
      oursMean: 0.948,
      difference: expect.closeTo(-0.0069, 10),
    });
    expect(accuracyVerdict({ book: 0.8227, oursMean: 0.84, tolerance: 0.015 }).status).toBe('miss');
    expect(accuracyVerdict({ book: 0.8227, oursMean: 0.836, tolerance: 0.015 }).status).toBe('pass');
    expect(accuracyVerdict({ book: 0.9, oursMean: Number.NaN, tolerance: 0.015 }).status).toBe('miss');
  });

  it('requires every seed to reach 100% training accuracy where the book did', () => {
    const base = { book: 0.8227, oursMean: 0.825, tolerance: 0.015 };
    expect(accuracyVerdict({ ...base, trainingPeaks: [1, 1, 1] }).status).toBe('pass');
    const short = accuracyVerdict({ ...base, trainingPeaks: [1, 0.999, 1] });
    expect(short.status).toBe('miss');
    expect(short.checks.map((c) => [c.kind, c.ok])).toEqual([
      ['accuracy', true],
      ['trainingReachesAll', false],
    ]);
    expect(accuracyVerdict({ ...base, trainingPeaks: [] }).status).toBe('miss');
  });
});

describe('learning rates η = 0.025, 0.25, 2.5 (training cost)', () => {
  const book = {
    slow: bookSeries('multiple_eta', 'η = 0.025:'),
    medium: bookSeries('multiple_eta', 'η = 0.25:'),
    fast: bookSeries('multiple_eta', 'η = 2.5:'),
  };

  it("holds on the book's own curves", () => {
    const verdict = learningRateVerdict(book);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.status).toBe('pass');
  });

  it('misses when 0.25 is not the lowest early (0.025 and 0.25 swapped)', () => {
    const verdict = learningRateVerdict({ ...book, slow: book.medium, medium: book.slow });
    expect(verdict.status).toBe('miss');
    expect(verdict.checks[0]).toMatchObject({ kind: 'mediumLowestEarly', ok: false, early: 5 });
  });

  it('is a miss, not a crash, with fewer than two epochs', () => {
    expect(learningRateVerdict({ slow: [1], medium: [0.5], fast: [2] }).checks).toEqual([
      { kind: 'learningRateEpochs', ok: false, epochs: 1 },
    ]);
  });

  it('misses when 0.25 keeps falling instead of levelling off', () => {
    const falling = Array.from({ length: 30 }, (_, i) => 0.49 - 0.012 * i);
    const verdict = learningRateVerdict({
      slow: book.slow.map((v) => v + 0.5),
      medium: falling,
      fast: book.fast.map((v) => v + 1),
    });
    expect(verdict.checks.find((c) => c.kind === 'mediumLevelsOff')?.ok).toBe(false);
  });

  it('misses when 0.025 is bumpy or when 2.5 comes down to the others', () => {
    const bumpy = book.slow.map((v, i) => (i === 10 ? v * 1.1 : v));
    expect(learningRateVerdict({ ...book, slow: bumpy }).checks.find((c) => c.kind === 'slowFallsSmoothly')?.ok).toBe(false);
    const tame = book.medium.map((v) => v * 1.1);
    const verdict = learningRateVerdict({ ...book, fast: tame });
    expect(verdict.checks.find((c) => c.kind === 'fastStaysAbove')?.ok).toBe(false);
    expect(verdict.checks.find((c) => c.kind === 'fastOscillates')?.ok).toBe(true);
  });

  it('misses when 2.5 falls smoothly', () => {
    const smooth = Array.from({ length: 30 }, (_, i) => 2 - 0.01 * i);
    expect(learningRateVerdict({ ...book, fast: smooth }).checks.find((c) => c.kind === 'fastOscillates')).toMatchObject({
      ok: false,
      rises: 0,
      steps: 29,
    });
  });
});

describe('weight initialization (validation accuracy)', () => {
  const book = {
    default: bookSeries('weight_initialization_30', 'default'),
    large: bookSeries('weight_initialization_30', 'large'),
  };

  it("holds on the book's own curves", () => {
    expect(initializationVerdict(book).status).toBe('pass');
  });

  it('misses when large init is ahead early', () => {
    const verdict = initializationVerdict({ default: book.large, large: book.default });
    expect(verdict.status).toBe('miss');
    expect(verdict.checks[0]).toMatchObject({ kind: 'defaultAheadEarly', ok: false, behindAt: [1, 2, 3, 4, 5] });
  });

  it('misses when default init ends behind', () => {
    const endsBehind = book.default.map((v, i) => (i === book.default.length - 1 ? book.large.at(-1)! - 0.001 : v));
    const verdict = initializationVerdict({ default: endsBehind, large: book.large });
    expect(verdict.checks.map((c) => c.ok)).toEqual([true, false]);
  });
});

describe('more training data', () => {
  const book = bookCurves('more_data')[0]!.values;

  it("holds on the book's own numbers", () => {
    expect(moreDataVerdict(book, MORE_DATA_SIZES).status).toBe('pass');
  });

  it('misses on a dip and names where', () => {
    const dipped = [...book];
    dipped[4] = dipped[3]! - 0.01;
    const verdict = moreDataVerdict(dipped, MORE_DATA_SIZES);
    expect(verdict.status).toBe('miss');
    expect(verdict.checks[0]).toMatchObject({ kind: 'moreDataRises', ok: false, falls: [{ fromSize: 1000, toSize: 2000 }] });
  });

  it("lets a fall within the seeds' noise pass, but not a larger one", () => {
    const accuracies = [0.9, 0.95, 0.948];
    expect(moreDataVerdict(accuracies, [100, 200, 500], [0.001, 0.001, 0.003]).status).toBe('pass');
    expect(moreDataVerdict(accuracies, [100, 200, 500], [0.001, 0.001, 0.001]).status).toBe('miss');
    expect(moreDataVerdict(accuracies, [100, 200, 500], [Number.NaN, Number.NaN, Number.NaN]).status).toBe('miss');
  });

  it('misses on a flat line and on a single size', () => {
    expect(moreDataVerdict([0.9, 0.9, 0.9], [100, 200, 500]).status).toBe('miss');
    expect(moreDataVerdict([0.9], [100]).status).toBe('miss');
  });
});

describe('single-neuron learning slowdown (cost per epoch, entry 0 = start)', () => {
  // Flat for 200 epochs, then a fast fall: the book's quadratic neuron from w = b = 2.
  const flatThenFalls = Array.from({ length: 301 }, (_, e) =>
    e < 200 ? 0.48 - 0.0001 * e : 0.46 - 0.45 * (1 - Math.exp(-(e - 200) / 20)),
  );
  // Fastest at the start, slowing down: the cross-entropy neuron.
  const fastFirst = Array.from({ length: 301 }, (_, e) => 4 * Math.exp(-e / 100));

  it('passes when the quadratic is flat then falls and the cross-entropy falls fastest first', () => {
    expect(slowdownVerdict({ saturatedQuadratic: flatThenFalls, crossEntropy: fastFirst }).status).toBe('pass');
  });

  it('misses when the quadratic learns from the start', () => {
    const verdict = slowdownVerdict({ saturatedQuadratic: fastFirst, crossEntropy: fastFirst });
    expect(verdict.status).toBe('miss');
    expect(verdict.checks.slice(0, 2).map((c) => c.ok)).toEqual([false, false]);
  });

  it('misses when the cross-entropy starts slowly', () => {
    const verdict = slowdownVerdict({ saturatedQuadratic: flatThenFalls, crossEntropy: flatThenFalls });
    expect(verdict.checks[2]!.ok).toBe(false);
  });

  it('misses when the run is shorter than the flat stretch', () => {
    expect(slowdownVerdict({ saturatedQuadratic: flatThenFalls.slice(0, 100), crossEntropy: fastFirst }).status).toBe('miss');
  });
});

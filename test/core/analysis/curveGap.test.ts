import { describe, expect, it } from 'vitest';
import { largestGap, largestOf } from '../../../src/core/analysis/curveGap.js';

describe('largest per-epoch gap to the book', () => {
  it('finds the epoch with the largest absolute difference and keeps its sign', () => {
    const gap = largestGap([0.9, 0.93, 0.95, 0.96], [0.91, 0.96, 0.955, 0.958]);
    expect(gap?.at).toBe(2);
    expect(gap?.gap).toBeCloseTo(-0.03, 12);
    expect(gap?.ours).toBe(0.93);
    expect(gap?.book).toBe(0.96);
  });

  it('compares only the epochs both curves have', () => {
    // Ours stops after 2 epochs (a quick run); the book's later, larger differences do not count.
    const gap = largestGap([0.5, 0.6], [0.52, 0.55, 0.99, 0.99]);
    expect(gap?.at).toBe(2);
    expect(gap?.gap).toBeCloseTo(0.05, 12);
  });

  it('names points by the given x (training-set sizes)', () => {
    const gap = largestGap([0.7, 0.8, 0.9], [0.69, 0.85, 0.91], [100, 200, 500]);
    expect(gap?.at).toBe(200);
  });

  it('skips non-finite points and has no gap without common points', () => {
    expect(largestGap([Number.NaN, 0.5], [0.1, 0.45])?.at).toBe(2);
    expect(largestGap([], [0.5])).toBeUndefined();
  });

  it('picks the largest of several runs', () => {
    const a = { name: 'a', gap: { at: 1, ours: 0, book: 0.1, gap: -0.1 } };
    const b = { name: 'b', gap: { at: 3, ours: 0.5, book: 0.3, gap: 0.2 } };
    expect(largestOf([a, b])?.name).toBe('b');
    expect(largestOf([])).toBeUndefined();
  });
});

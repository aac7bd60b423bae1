// Early stopping and the learning-rate schedule on scripted metric sequences (no network).
import { describe, expect, it } from 'vitest';
import { BestTracker, EarlyStopping, PlateauSchedule } from '../../src/core/callbacks.js';

function feed<T>(observer: { observe(v: number): T }, values: number[]): T[] {
  return values.map((v) => observer.observe(v));
}

describe('EarlyStopping', () => {
  it('stops after `patience` epochs without improvement and remembers the best epoch', () => {
    const decisions = feed(new EarlyStopping({ direction: 'max', patience: 3 }), [0.5, 0.6, 0.7, 0.69, 0.7, 0.65, 0.8]);
    expect(decisions.map((d) => d.stop)).toEqual([false, false, false, false, false, true, false]);
    expect(decisions[5]).toMatchObject({ best: 0.7, bestEpoch: 3, epochsSinceImprovement: 3 });
  });

  it('counts a change within minDelta as no improvement', () => {
    const decisions = feed(new EarlyStopping({ direction: 'max', patience: 2, minDelta: 0.01 }), [0.9, 0.905, 0.909]);
    expect(decisions.map((d) => d.improved)).toEqual([true, false, false]);
    expect(decisions[2]!.stop).toBe(true);
  });

  it('watches a cost downwards', () => {
    const decisions = feed(new EarlyStopping({ direction: 'min', patience: 2 }), [1.0, 0.8, 0.9, 0.7, 0.75, 0.71]);
    expect(decisions.map((d) => d.bestEpoch)).toEqual([1, 2, 2, 4, 4, 4]);
    expect(decisions.at(-1)!.stop).toBe(true);
  });

  it('never takes NaN as an improvement', () => {
    const decisions = feed(new EarlyStopping({ direction: 'min', patience: 2 }), [1, Number.NaN, Number.NaN]);
    expect(decisions.map((d) => d.improved)).toEqual([true, false, false]);
    expect(decisions[2]!.stop).toBe(true);
  });

  it('rejects a patience below 1', () => {
    expect(() => new EarlyStopping({ direction: 'max', patience: 0 })).toThrow(/patience/);
  });
});

describe('PlateauSchedule', () => {
  it('halves η at each plateau of `patience` epochs and restarts the count', () => {
    const schedule = new PlateauSchedule({ direction: 'max', patience: 2, eta: 0.8 });
    const decisions = feed(schedule, [0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6]);
    expect(decisions.map((d) => d.eta)).toEqual([0.8, 0.8, 0.4, 0.4, 0.2, 0.2, 0.2]);
    expect(decisions.map((d) => d.changed)).toEqual([false, false, true, false, true, false, false]);
  });

  it('stops once η falls below η₀/128 (after the eighth halving)', () => {
    const schedule = new PlateauSchedule({ direction: 'max', patience: 1, eta: 1 });
    const decisions = feed(schedule, Array.from({ length: 9 }, () => 0.5));
    const halvings = decisions.filter((d) => d.changed);
    expect(halvings.map((d) => d.eta)).toEqual([1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
    expect(decisions.map((d) => d.stop).lastIndexOf(false)).toBe(7);
    expect(decisions[8]!.stop).toBe(true);
  });
});

describe('BestTracker', () => {
  it('reports improvements by more than minDelta only', () => {
    const tracker = new BestTracker('max', 0.1);
    expect(feed(tracker, [1, 1.05, 1.2]).map((s) => s.improved)).toEqual([true, false, true]);
  });
});

import { describe, expect, it } from 'vitest';
import { INITIAL_SOFTMAX, activations, softmaxReducer } from '../../../src/ui/tui/softmax/softmaxModel.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('softmax explorer model', () => {
  it('gives positive activations that sum to 1, largest for the largest z', () => {
    const a = activations(INITIAL_SOFTMAX);
    expect(sum(a)).toBeCloseTo(1, 12);
    expect(a.every((v) => v > 0)).toBe(true);
    expect(a.indexOf(Math.max(...a))).toBe(INITIAL_SOFTMAX.z.indexOf(Math.max(...INITIAL_SOFTMAX.z)));
  });

  it('raising z4 raises a4 and lowers every other activation', () => {
    const before = activations(INITIAL_SOFTMAX);
    const after = activations(softmaxReducer(INITIAL_SOFTMAX, { type: 'nudge', direction: 1, big: true }));
    expect(after[3]).toBeGreaterThan(before[3]!);
    for (const j of [0, 1, 2]) expect(after[j]).toBeLessThan(before[j]!);
    expect(sum(after)).toBeCloseTo(1, 12);
  });

  it('a large sharpness c approaches the maximum (one-hot on the largest z)', () => {
    let state = INITIAL_SOFTMAX;
    for (let i = 0; i < 20; i++) state = softmaxReducer(state, { type: 'sharpness', direction: 1 });
    expect(state.c).toBe(128);
    const a = activations(state);
    expect(a[2]).toBeGreaterThan(0.999);
  });

  it('keeps z within its slider and wraps the selection', () => {
    let state = INITIAL_SOFTMAX;
    for (let i = 0; i < 10; i++) state = softmaxReducer(state, { type: 'nudge', direction: 1, big: true });
    expect(state.z[3]).toBe(5);
    expect(softmaxReducer(state, { type: 'select', direction: 1 }).selected).toBe(0);
    expect(softmaxReducer(state, { type: 'reset' })).toEqual(INITIAL_SOFTMAX);
  });
});

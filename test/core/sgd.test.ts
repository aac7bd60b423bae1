// The update rules of the chapter, checked on one weight at a time.
import { describe, expect, it } from 'vitest';
import { penaltiesOf } from '../../src/core/regularizers.js';
import { SgdOptimizer } from '../../src/core/sgd.js';

function step(
  w: number[],
  gradSum: number[],
  m: number,
  settings: { eta: number; lambda?: number; l1?: number; momentum?: number; n: number },
  optimizer = new SgdOptimizer(),
) {
  const params = { weights: [Float64Array.from(w)], biases: [Float64Array.of(1)] };
  const grads = { weights: [Float64Array.from(gradSum)], biases: [Float64Array.of(2)] };
  optimizer.step(params, grads, m, {
    eta: settings.eta,
    momentum: settings.momentum ?? 0,
    penalties: penaltiesOf({ lambda: settings.lambda ?? 0, l1: settings.l1 ?? 0 }),
    trainingSize: settings.n,
  });
  return { w: Array.from(params.weights[0]!), b: params.biases[0]![0]! };
}

describe('SGD update', () => {
  it('L2: w → (1 − ηλ/n)w − (η/m)Σ∂C/∂w; biases are not decayed', () => {
    const eta = 0.5,
      lambda = 5,
      n = 1000,
      m = 10;
    const { w, b } = step([0.8, -0.4], [3, 1], m, { eta, lambda, n });
    expect(w[0]).toBeCloseTo((1 - (eta * lambda) / n) * 0.8 - (eta / m) * 3, 14);
    expect(w[1]).toBeCloseTo((1 - (eta * lambda) / n) * -0.4 - (eta / m) * 1, 14);
    expect(b).toBeCloseTo(1 - (eta / m) * 2, 14);
  });

  it('L1: w → w − (ηλ/n)sgn(w) − (η/m)Σ∂C/∂w, with sgn(0) = 0', () => {
    const eta = 0.5,
      lambda = 2,
      n = 100,
      m = 4;
    const { w } = step([0.3, -0.3, 0], [0, 0, 0], m, { eta, l1: lambda, n });
    expect(w).toEqual([0.3 - (eta * lambda) / n, -0.3 + (eta * lambda) / n, 0]);
  });

  it('momentum: v → μv − η∇C, w → w + v, velocity carried between steps', () => {
    const optimizer = new SgdOptimizer();
    const first = step([1], [1], 1, { eta: 0.1, momentum: 0.9, n: 1 }, optimizer);
    expect(first.w[0]).toBeCloseTo(1 - 0.1, 14);
    // Same optimizer, a new step with the same gradient: v = 0.9·(−0.1) − 0.1.
    const params = { weights: [Float64Array.of(0.9)], biases: [Float64Array.of(1)] };
    optimizer.step(params, { weights: [Float64Array.of(1)], biases: [Float64Array.of(0)] }, 1, {
      eta: 0.1,
      momentum: 0.9,
      penalties: [],
      trainingSize: 1,
    });
    expect(params.weights[0]![0]).toBeCloseTo(0.9 + (0.9 * -0.1 - 0.1), 14);
  });
});

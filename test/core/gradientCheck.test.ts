// Backpropagation against finite differences, for every cost and regularizer.
import { describe, expect, it } from 'vitest';
import { COSTS } from '../../src/core/costs.js';
import { Network, type Gradients } from '../../src/core/network.js';
import { penaltiesOf, penaltyCost } from '../../src/core/regularizers.js';
import { Rng } from '../../src/core/rng.js';
import type { CostName } from '../../src/core/types.js';

const sizes = [5, 4, 3, 3];
const m = 4;

function problem(costName: CostName) {
  const rng = new Rng(7);
  const net = new Network(sizes, COSTS[costName]).initialize('default', rng);
  const x = Float64Array.from({ length: m * sizes[0]! }, () => rng.next());
  const y = new Float64Array(m * 3);
  for (let i = 0; i < m; i++) y[i * 3 + (i % 3)] = 1;
  return { net, x, y };
}

/** Total cost of the batch: Σ_x C_x + n·(regularization term), matching how SGD scales gradients. */
function batchCost(net: Network, x: Float64Array, y: Float64Array, lambda: number, l1: number, n: number): number {
  const { a, z } = net.feedforward(x, m);
  let sum = 0;
  for (let i = 0; i < m; i++) sum += net.cost.value(a, z, y, i * 3, 3);
  return sum / m + penaltyCost(penaltiesOf({ lambda, l1 }), net.weights, n);
}

function analyticGradient(net: Network, x: Float64Array, y: Float64Array, lambda: number, l1: number, n: number): Gradients {
  const grads = net.zeroGradients();
  net.backprop(x, y, m, grads);
  for (const g of [...grads.weights, ...grads.biases]) for (let i = 0; i < g.length; i++) g[i]! /= m;
  for (const { regularizer, lambda: strength } of penaltiesOf({ lambda, l1 })) {
    net.weights.forEach((w, l) => regularizer.addGradient(w, grads.weights[l]!, strength / n));
  }
  return grads;
}

describe.each<CostName>(['quadratic', 'cross-entropy', 'log-likelihood'])('gradient check: %s', (costName) => {
  it.each([
    { label: 'no regularization', lambda: 0, l1: 0 },
    { label: 'L2', lambda: 0.7, l1: 0 },
    { label: 'L1', lambda: 0, l1: 0.7 },
  ])('$label: backprop equals finite differences', ({ lambda, l1 }) => {
    const { net, x, y } = problem(costName);
    const n = 3;
    const grads = analyticGradient(net, x, y, lambda, l1, n);
    const h = 1e-6;
    let checked = 0;
    for (const kind of ['weights', 'biases'] as const) {
      net[kind].forEach((params, l) => {
        for (let i = 0; i < params.length; i++) {
          const original = params[i]!;
          params[i] = original + h;
          const plus = batchCost(net, x, y, lambda, l1, n);
          params[i] = original - h;
          const minus = batchCost(net, x, y, lambda, l1, n);
          params[i] = original;
          const numeric = (plus - minus) / (2 * h);
          const analytic = grads[kind][l]![i]!;
          expect(Math.abs(numeric - analytic)).toBeLessThan(1e-6 + 1e-5 * Math.abs(numeric));
          checked++;
        }
      });
    }
    expect(checked).toBe(5 * 4 + 4 * 3 + 3 * 3 + 4 + 3 + 3);
  });
});

describe('costs', () => {
  it('cross-entropy stays finite when the output saturates at the target (network2.py needs nan_to_num)', () => {
    const a = Float64Array.of(1, 0);
    const z = Float64Array.of(800, -800);
    const y = Float64Array.of(1, 0);
    const value = COSTS['cross-entropy'].value(a, z, y, 0, 2);
    expect(Number.isNaN(value)).toBe(false);
    expect(value).toBeCloseTo(0, 12);
  });

  it('log-likelihood is −ln a_y of the softmax and stays finite for huge z', () => {
    const z = Float64Array.of(1, 2, 3);
    const exp = [...z].map(Math.exp);
    const sum = exp.reduce((s, v) => s + v, 0);
    const a = Float64Array.from(exp, (v) => v / sum);
    const y = Float64Array.of(0, 1, 0);
    expect(COSTS['log-likelihood'].value(a, z, y, 0, 3)).toBeCloseTo(-Math.log(exp[1]! / sum), 12);
    const huge = Float64Array.of(1000, -1000, 0);
    expect(Number.isFinite(COSTS['log-likelihood'].value(a, huge, y, 0, 3))).toBe(true);
  });

  it('softmax outputs of a network sum to 1', () => {
    const { net, x } = problem('log-likelihood');
    const { a } = net.feedforward(x, m);
    for (let i = 0; i < m; i++) expect(a[i * 3]! + a[i * 3 + 1]! + a[i * 3 + 2]!).toBeCloseTo(1, 12);
  });
});

describe('dropout', () => {
  it('backprop through a fixed dropout mask equals finite differences of the masked network', () => {
    const { net, x, y } = problem('cross-entropy');
    const mask = () => ({ p: 0.5, rng: new Rng(99) }); // same seed → same mask on every pass
    const cost = () => {
      const { a, z } = net.feedforward(x, m, mask());
      let sum = 0;
      for (let i = 0; i < m; i++) sum += net.cost.value(a, z, y, i * 3, 3);
      return sum;
    };
    const grads = net.zeroGradients();
    net.backprop(x, y, m, grads, mask());
    const h = 1e-6;
    let zeroRows = 0;
    net.weights.forEach((w, l) => {
      for (let i = 0; i < w.length; i++) {
        const original = w[i]!;
        w[i] = original + h;
        const plus = cost();
        w[i] = original - h;
        const minus = cost();
        w[i] = original;
        expect(Math.abs((plus - minus) / (2 * h) - grads.weights[l]![i]!)).toBeLessThan(1e-6);
        if (l === 0 && grads.weights[0]![i] === 0) zeroRows++;
      }
    });
    // Some hidden neurons were dropped for every example of the batch or at least some weights saw no gradient.
    expect(zeroRows).toBeGreaterThan(0);
  });

  it('evaluation uses the full network: kept activations are scaled by 1/(1 − p), so the mean is unchanged', () => {
    const net = new Network([50, 400, 1], COSTS['cross-entropy']).initialize('large', new Rng(1));
    const x = new Float64Array(50).fill(0.5);
    const bias = net.biases[1]![0]!;
    const full = net.feedforward(x, 1).z[0]! - bias; // the part dropout acts on
    expect(Math.abs(full)).toBeGreaterThan(3);
    let sum = 0;
    const trials = 400;
    const rng = new Rng(5);
    for (let t = 0; t < trials; t++) sum += net.feedforward(x, 1, { p: 0.5, rng }).z[0]! - bias;
    // Without the rescaling the mean would be half of `full`.
    expect(Math.abs(sum / trials - full)).toBeLessThan(0.15 * Math.abs(full));
  });
});

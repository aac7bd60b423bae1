// Cost functions as strategy objects, like network2.py's QuadraticCost / CrossEntropyCost:
// `value` is C_x for one example and `delta` its output error δᴸ = ∂C_x/∂zᴸ.
// Each works on one row (offset, n) of batch-major arrays; the cost decides the output activation.
import { logSumExpRow, softplus } from './activations.js';

export type OutputActivation = 'sigmoid' | 'softmax';

export interface Cost {
  readonly name: CostName;
  /** The class name network2.py writes in a saved file. */
  readonly bookName: string;
  readonly output: OutputActivation;
  value(a: Float64Array, z: Float64Array, y: Float64Array, offset: number, n: number): number;
  delta(a: Float64Array, z: Float64Array, y: Float64Array, offset: number, n: number, out: Float64Array): void;
}

/** C = ½‖a − y‖², δ = (a − y)σ'(z). Learns slowly when a sigmoid output saturates. */
export const quadraticCost: Cost = {
  name: 'quadratic',
  bookName: 'QuadraticCost',
  output: 'sigmoid',
  value(a, _z, y, offset, n) {
    let sum = 0;
    for (let j = offset; j < offset + n; j++) sum += (a[j]! - y[j]!) ** 2;
    return 0.5 * sum;
  },
  delta(a, _z, y, offset, n, out) {
    for (let j = offset; j < offset + n; j++) {
      const aj = a[j]!;
      out[j] = (aj - y[j]!) * aj * (1 - aj);
    }
  },
};

/**
 * C = −Σ [y ln a + (1 − y) ln(1 − a)], δ = a − y.
 * Computed from z as y·softplus(−z) + (1 − y)·softplus(z), which is the same quantity but stays
 * finite where a rounds to 0 or 1 (network2.py needs nan_to_num for that).
 */
export const crossEntropyCost: Cost = {
  name: 'cross-entropy',
  bookName: 'CrossEntropyCost',
  output: 'sigmoid',
  value(_a, z, y, offset, n) {
    let sum = 0;
    for (let j = offset; j < offset + n; j++) {
      const yj = y[j]!;
      const zj = z[j]!;
      if (yj !== 0) sum += yj * softplus(-zj);
      if (yj !== 1) sum += (1 - yj) * softplus(zj);
    }
    return sum;
  },
  delta(a, _z, y, offset, n, out) {
    for (let j = offset; j < offset + n; j++) out[j] = a[j]! - y[j]!;
  },
};

/** Softmax output with C = −ln a_y (log-likelihood), δ = a − y. Value via log-sum-exp: never NaN. */
export const logLikelihoodCost: Cost = {
  name: 'log-likelihood',
  bookName: 'LogLikelihoodCost',
  output: 'softmax',
  value(_a, z, y, offset, n) {
    const lse = logSumExpRow(z, offset, n);
    let sum = 0;
    for (let j = offset; j < offset + n; j++) {
      const yj = y[j]!;
      if (yj !== 0) sum += yj * (lse - z[j]!);
    }
    return sum;
  },
  delta(a, _z, y, offset, n, out) {
    for (let j = offset; j < offset + n; j++) out[j] = a[j]! - y[j]!;
  },
};

/** Every cost by its name; the one list of cost names (flags, settings, validation, model files). */
export const COSTS = {
  quadratic: quadraticCost,
  'cross-entropy': crossEntropyCost,
  'log-likelihood': logLikelihoodCost,
} satisfies Record<string, Cost>;

export type CostName = keyof typeof COSTS;

export const COST_NAMES = Object.keys(COSTS) as readonly CostName[];

export function costByBookName(bookName: string): Cost | undefined {
  return Object.values(COSTS).find((cost) => cost.bookName === bookName);
}

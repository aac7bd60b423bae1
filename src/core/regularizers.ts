// Weight penalties as strategy objects: `value` is the term added to the cost and `addGradient`
// adds its derivative. Biases are never regularized, as in the book.

export interface Regularizer {
  readonly name: 'L2' | 'L1';
  /** Σ over one weight array of the unscaled penalty: ½w² for L2, |w| for L1. */
  value(weights: Float64Array): number;
  /** grad += coefficient · ∂penalty/∂w, where coefficient = λ/n. */
  addGradient(weights: Float64Array, grad: Float64Array, coefficient: number): void;
}

/** C = C₀ + (λ/2n)Σw²: weight decay w → (1 − ηλ/n)w. */
export const l2: Regularizer = {
  name: 'L2',
  value(weights) {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += weights[i]! * weights[i]!;
    return 0.5 * sum;
  },
  addGradient(weights, grad, coefficient) {
    for (let i = 0; i < weights.length; i++) grad[i]! += coefficient * weights[i]!;
  },
};

/** C = C₀ + (λ/n)Σ|w|: constant shrink w → w − (ηλ/n)sgn(w), with sgn(0) = 0. */
export const l1: Regularizer = {
  name: 'L1',
  value(weights) {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += Math.abs(weights[i]!);
    return sum;
  },
  addGradient(weights, grad, coefficient) {
    for (let i = 0; i < weights.length; i++) grad[i]! += coefficient * Math.sign(weights[i]!);
  },
};

/** A regularizer with its strength λ. */
export interface Penalty {
  regularizer: Regularizer;
  lambda: number;
}

/** The active penalties of a config (both L2 and L1 may be on at once). */
export function penaltiesOf(config: { lambda: number; l1: number }): Penalty[] {
  const penalties: Penalty[] = [];
  if (config.lambda > 0) penalties.push({ regularizer: l2, lambda: config.lambda });
  if (config.l1 > 0) penalties.push({ regularizer: l1, lambda: config.l1 });
  return penalties;
}

/** The regularization term of the cost over a set of n examples: Σ (λ/n)·penalty(w). */
export function penaltyCost(penalties: Penalty[], weights: Float64Array[], n: number): number {
  let total = 0;
  for (const { regularizer, lambda } of penalties) {
    for (const w of weights) total += (lambda / n) * regularizer.value(w);
  }
  return total;
}

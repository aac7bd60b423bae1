// The parameter update of mini-batch stochastic gradient descent, with the chapter's
// regularizers and optional momentum: g = (1/m)Σ∇C_x + Σ_reg (λ/n)·∂penalty/∂w, then
// plain:    w → w − η·g
// momentum: v → μv − η·g, w → w + v
import type { Gradients } from './network.js';
import type { Penalty } from './regularizers.js';

export interface StepSettings {
  eta: number;
  /** Momentum coefficient μ; 0 = plain SGD. */
  momentum: number;
  penalties: Penalty[];
  /** Size n of the whole training set, which scales the regularization term. */
  trainingSize: number;
}

export class SgdOptimizer {
  private velocity: Gradients | undefined;

  /** Updates parameters in place from gradient sums over a batch of m examples (grads are overwritten). */
  step(parameters: Gradients, gradientSums: Gradients, m: number, settings: StepSettings): void {
    const { eta, momentum, penalties, trainingSize } = settings;
    for (let l = 0; l < parameters.weights.length; l++) {
      const w = parameters.weights[l]!;
      const g = gradientSums.weights[l]!;
      for (let i = 0; i < g.length; i++) g[i]! /= m;
      for (const { regularizer, lambda } of penalties) regularizer.addGradient(w, g, lambda / trainingSize);
      this.apply(w, g, eta, momentum, l, 'weights');

      const b = parameters.biases[l]!;
      const gb = gradientSums.biases[l]!;
      for (let i = 0; i < gb.length; i++) gb[i]! /= m;
      this.apply(b, gb, eta, momentum, l, 'biases');
    }
  }

  /** Copies of the momentum velocities (undefined before the first momentum step), for checkpoints. */
  exportVelocity(): Gradients | undefined {
    const v = this.velocity;
    return v && { weights: v.weights.map((w) => w.slice()), biases: v.biases.map((b) => b.slice()) };
  }

  /** Continues with these velocities (copied); undefined forgets them, as reset(). */
  importVelocity(velocity: Gradients | undefined): void {
    this.velocity = velocity && {
      weights: velocity.weights.map((w) => w.slice()),
      biases: velocity.biases.map((b) => b.slice()),
    };
  }

  /** Forget the velocity (after weights are replaced from outside). */
  reset(): void {
    this.velocity = undefined;
  }

  private apply(p: Float64Array, g: Float64Array, eta: number, mu: number, l: number, kind: keyof Gradients): void {
    if (mu === 0) {
      for (let i = 0; i < p.length; i++) p[i]! -= eta * g[i]!;
      return;
    }
    const v = this.velocityFor(l, kind, p.length);
    for (let i = 0; i < p.length; i++) {
      v[i] = mu * v[i]! - eta * g[i]!;
      p[i]! += v[i]!;
    }
  }

  private velocityFor(l: number, kind: keyof Gradients, length: number): Float64Array {
    this.velocity ??= { weights: [], biases: [] };
    const list = this.velocity[kind];
    list[l] ??= new Float64Array(length);
    return list[l]!;
  }
}

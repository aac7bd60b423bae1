// The chapter's opening toy: one sigmoid neuron, input 1, target 0, trained by gradient descent.
// With the quadratic cost and a saturated start (w = b = 2) it barely learns for ~150 epochs;
// the cross-entropy cost has no σ'(z) factor in its gradient and learns fastest when most wrong.
import { sigmoid } from './activations.js';
import { COSTS } from './costs.js';
import type { CostName } from './types.js';

export interface SingleNeuronConfig {
  label: string;
  cost: Extract<CostName, 'quadratic' | 'cross-entropy'>;
  w: number;
  b: number;
  eta: number;
  epochs: number;
  /** The book's example: input 1, desired output 0. */
  input?: number;
  target?: number;
}

export interface SingleNeuronStep {
  epoch: number;
  output: number;
  cost: number;
  w: number;
  b: number;
}

/** Runs the neuron for `epochs` steps; entry 0 is the starting point, entry k is after k steps. */
export function runSingleNeuron(config: SingleNeuronConfig): SingleNeuronStep[] {
  return Array.from(singleNeuronSteps(config));
}

/** The same steps one at a time, in constant memory, for runs too long to keep (a streaming CLI). */
export function* singleNeuronSteps(config: SingleNeuronConfig): Generator<SingleNeuronStep> {
  const cost = COSTS[config.cost];
  const x = config.input ?? 1;
  const y = Float64Array.of(config.target ?? 0);
  const z = new Float64Array(1);
  const a = new Float64Array(1);
  const delta = new Float64Array(1);
  let { w, b } = config;
  for (let epoch = 0; epoch <= config.epochs; epoch++) {
    z[0] = w * x + b;
    a[0] = sigmoid(z[0]);
    yield { epoch, output: a[0], cost: cost.value(a, z, y, 0, 1), w, b };
    if (epoch === config.epochs) break;
    cost.delta(a, z, y, 0, 1, delta);
    w -= config.eta * delta[0]! * x;
    b -= config.eta * delta[0]!;
  }
}

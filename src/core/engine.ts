// The compute engine behind the trainer: it runs SGD over mini-batches and evaluates data sets.
// The trainer owns the loop and control; an engine owns only arithmetic. ReferenceEngine is the
// readable TypeScript implementation; faster engines implement the same interface and must
// produce the same weights within float tolerance.
import { argmax, fillBatch, identityOrder } from './batches.js';
import type { Gradients } from './network.js';
import { Network } from './network.js';
import { SgdOptimizer, type StepSettings } from './sgd.js';
import type { Rng } from './rng.js';
import type { Examples, Predictions } from './types.js';

export interface TrainSettings extends StepSettings {
  batchSize: number;
  /** Probability of dropping a hidden neuron (0 = off). */
  dropout: number;
}

export interface Evaluation {
  /** Σ_x C_x over the set, without regularization (NaN when not requested). */
  costSum: number;
  correct: number;
  total: number;
}

/** A numeric array in an engine's own precision. */
export type StateArray = Float32Array | Float64Array;

/**
 * What an engine needs to continue training exactly where it stopped: its parameters in its own
 * precision and its momentum velocities, as named arrays — `w<l>` (row-major sizes[l+1] × sizes[l]),
 * `b<l>`, and when momentum has run `vw<l>`, `vb<l>` — plus named numbers. Plain data (checkpoints).
 */
export interface EngineState {
  engine: string;
  arrays: Record<string, StateArray>;
  numbers: Record<string, number>;
}

/** Thrown by importState when a state does not fit this engine or network. */
export class EngineStateError extends Error {
  override name = 'EngineStateError';
}

/** The array `name` of a state with `length` elements of the given type, or an EngineStateError. */
export function stateArray<T extends StateArray>(
  state: EngineState,
  name: string,
  length: number,
  type: new (n: number) => T,
): T {
  const array = state.arrays[name];
  if (!(array instanceof type) || array.length !== length) {
    throw new EngineStateError(`engine state: ${name} must be ${length} values of ${type.name}`);
  }
  return array;
}

export interface TrainingEngine {
  readonly name: string;
  /** SGD over the examples order[from..to), taken batchSize at a time (the last batch may be smaller). */
  train(examples: Examples, order: Uint32Array, from: number, to: number, settings: TrainSettings): void;
  /** Correct count and summed cost; with `into` (sized for the set), also each example's prediction. */
  evaluate(examples: Examples, withCost: boolean, into?: Predictions): Evaluation;
  /** Copies the engine's parameters into its network (the network is current after this). */
  pull(): void;
  /** Reloads the parameters from the network after they were replaced (e.g. best weights restored). */
  push(): void;
  /** The state to continue from exactly (checkpoints); between mini-batches only. */
  exportState?(): EngineState;
  /** Continues from an exported state of the same engine and network sizes; the network is current afterwards. */
  importState?(state: EngineState): void;
}

const EVAL_CHUNK = 500;

/** Plain TypeScript engine working directly on the network's arrays. */
export class ReferenceEngine implements TrainingEngine {
  readonly name = 'typescript';
  private readonly optimizer = new SgdOptimizer();
  private readonly grads: Gradients;
  private x = new Float64Array(0);
  private y = new Float64Array(0);

  constructor(
    private readonly network: Network,
    private readonly dropoutRng: Rng,
  ) {
    this.grads = network.zeroGradients();
  }

  train(examples: Examples, order: Uint32Array, from: number, to: number, settings: TrainSettings): void {
    const net = this.network;
    const classes = net.outputSize;
    const dropout = settings.dropout > 0 ? { p: settings.dropout, rng: this.dropoutRng } : undefined;
    for (let start = from; start < to; start += settings.batchSize) {
      const m = Math.min(settings.batchSize, to - start);
      this.ensureBatch(m, examples.inputSize, classes);
      fillBatch(examples, order, start, m, classes, this.x, this.y);
      net.backprop(this.x, this.y, m, this.grads, dropout);
      this.optimizer.step(net, this.grads, m, settings);
    }
  }

  evaluate(examples: Examples, withCost: boolean, into?: Predictions): Evaluation {
    return evaluateNetwork(this.network, examples, withCost, into);
  }

  pull(): void {}

  push(): void {
    this.optimizer.reset();
  }

  exportState(): EngineState {
    const arrays: Record<string, StateArray> = {};
    this.network.weights.forEach((w, l) => (arrays[`w${l}`] = w.slice()));
    this.network.biases.forEach((b, l) => (arrays[`b${l}`] = b.slice()));
    Object.assign(arrays, velocityArrays(this.velocity()));
    return { engine: this.name, arrays, numbers: {} };
  }

  /** The momentum velocities (copies), undefined before the first momentum step. */
  velocity(): Gradients | undefined {
    return this.optimizer.exportVelocity();
  }

  importVelocity(velocity: Gradients | undefined): void {
    this.optimizer.importVelocity(velocity);
  }

  importState(state: EngineState): void {
    if (state.engine !== this.name) throw new EngineStateError(`engine state of ${state.engine}, not ${this.name}`);
    const net = this.network;
    net.weights.forEach((w, l) => w.set(stateArray(state, `w${l}`, w.length, Float64Array)));
    net.biases.forEach((b, l) => b.set(stateArray(state, `b${l}`, b.length, Float64Array)));
    this.importVelocity(velocityFrom(state, net));
  }

  private ensureBatch(m: number, inputSize: number, classes: number): void {
    if (this.x.length < m * inputSize) this.x = new Float64Array(m * inputSize);
    if (this.y.length < m * classes) this.y = new Float64Array(m * classes);
  }
}

/** The SGD velocities as state arrays vw<l>, vb<l> (none before the first momentum step). */
export function velocityArrays(velocity: Gradients | undefined, prefix = ''): Record<string, Float64Array> {
  const arrays: Record<string, Float64Array> = {};
  velocity?.weights.forEach((w, l) => (arrays[`${prefix}vw${l}`] = w));
  velocity?.biases.forEach((b, l) => (arrays[`${prefix}vb${l}`] = b));
  return arrays;
}

/** The velocities of a state saved by velocityArrays, or undefined when it holds none. */
export function velocityFrom(state: EngineState, network: Network, prefix = ''): Gradients | undefined {
  if (state.arrays[`${prefix}vw0`] === undefined) return undefined;
  return {
    weights: network.weights.map((w, l) => stateArray(state, `${prefix}vw${l}`, w.length, Float64Array)),
    biases: network.biases.map((b, l) => stateArray(state, `${prefix}vb${l}`, b.length, Float64Array)),
  };
}

/** Correct predictions and summed cost of a network over a data set, in matrix chunks; `into` receives the predictions. */
export function evaluateNetwork(network: Network, examples: Examples, withCost: boolean, into?: Predictions): Evaluation {
  const classes = network.outputSize;
  const chunk = Math.min(EVAL_CHUNK, Math.max(1, examples.count));
  const x = new Float64Array(chunk * examples.inputSize);
  const y = new Float64Array(chunk * classes);
  const identity = identityOrder(examples.count);
  let correct = 0;
  let costSum = withCost ? 0 : Number.NaN;
  for (let start = 0; start < examples.count; start += chunk) {
    const m = Math.min(chunk, examples.count - start);
    fillBatch(examples, identity, start, m, classes, x, y);
    const { a, z } = network.feedforward(x, m);
    for (let i = 0; i < m; i++) {
      const predicted = argmax(a, i * classes, classes);
      if (predicted === examples.labels[start + i]) correct++;
      if (withCost) costSum += network.cost.value(a, z, y, i * classes, classes);
      if (into) recordPrediction(into, start + i, predicted, a, i * classes);
    }
  }
  return { costSum, correct, total: examples.count };
}

/** Writes example `index`'s prediction and (when kept) its outputs, read from row[offset..]. */
function recordPrediction(into: Predictions, index: number, predicted: number, row: Float64Array, offset: number): void {
  into.predicted[index] = predicted;
  into.confidence[index] = row[offset + predicted]!;
  const { outputs, classes } = into;
  if (outputs) for (let j = 0; j < classes; j++) outputs[index * classes + j] = row[offset + j]!;
}

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

  private ensureBatch(m: number, inputSize: number, classes: number): void {
    if (this.x.length < m * inputSize) this.x = new Float64Array(m * inputSize);
    if (this.y.length < m * classes) this.y = new Float64Array(m * classes);
  }
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

// The fast training engine: the same SGD as ReferenceEngine, in float32 WebAssembly SIMD
// (assembly/). Parameters live in kernel memory between calls; pull() and push() move them to and
// from the network. Data sets are packed into kernel memory once (residentData.ts), so a
// mini-batch costs only its indices; the first layer reads and updates only the weight rows of
// each image's nonzero pixels. Its L2 weight decay is kept as one scale factor c of the whole
// matrix (W0 = c·W0ₛ: decay multiplies c, the gradient step is divided by c), so rows a batch does
// not touch cost nothing; L1 and momentum, which change every weight each step, take a full pass.
// Dropout masks are drawn here, from the engine's Rng in the reference engine's order, so both
// engines drop the same neurons.
import {
  EngineStateError,
  ReferenceEngine,
  velocityArrays,
  velocityFrom,
  type EngineState,
  type Evaluation,
  type TrainingEngine,
  type TrainSettings,
} from '../engine.js';
import type { Network } from '../network.js';
import type { Rng } from '../rng.js';
import type { CostName, Examples, Predictions } from '../types.js';
import { KernelMemory } from './kernelMemory.js';
import { instantiateKernel, type Kernel } from './kernelModule.js';
import { FLOAT_BYTES, placeParameters, placeWorkspace, type LayerLayout, type Workspace } from './layout.js';
import { readParameters, writeParameters } from './parameters.js';
import { PredictionBuffers } from './predictionBuffers.js';
import { ResidentSets, type ResidentSet } from './residentData.js';
import { exportLayers, importLayers } from './stateArrays.js';
import { coefficientsOf, type StepCoefficients } from './stepCoefficients.js';

/** Larger mini-batches are trained by the reference engine (the workspace grows with the batch). */
export const WASM_MAX_BATCH = 4096;
/** Examples per kernel call when evaluating; also the smallest workspace. */
const EVAL_CHUNK = 1000;
/** The kernel's numbering of the costs (assembly/costs.ts). */
const COST_KINDS: Record<CostName, number> = { quadratic: 0, 'cross-entropy': 1, 'log-likelihood': 2 };
/** Below this, the first layer's scale factor is folded back into its weights. */
const MIN_FIRST_LAYER_SCALE = 0.5;

export class WasmEngine implements TrainingEngine {
  readonly name = 'wasm';
  private readonly kernel: Kernel;
  private readonly memory: KernelMemory;
  private readonly layers: LayerLayout[];
  private workspace: Workspace;
  private readonly data: ResidentSets;
  /** 256 f32: byte → byte/255. */
  private readonly byteTable: number;
  /** Example indices of the current call (i32). */
  private indices = 0;
  private indicesCapacity = 0;
  private readonly predictions: PredictionBuffers;
  /** c in W0 = c·W0ₛ (see the top of this file). */
  private firstLayerScale = 1;
  private readonly softmax: boolean;
  /** The cost as assembly/costs.ts numbers it. */
  private readonly costKind: number;
  /** Trains mini-batches above WASM_MAX_BATCH on the network's own arrays. */
  private reference: ReferenceEngine | undefined;

  constructor(
    private readonly network: Network,
    private readonly dropoutRng: Rng,
  ) {
    this.kernel = instantiateKernel();
    this.memory = new KernelMemory(this.kernel);
    this.softmax = network.cost.output === 'softmax';
    this.costKind = COST_KINDS[network.cost.name];
    this.byteTable = this.memory.take(256 * FLOAT_BYTES);
    for (let v = 0; v < 256; v++) this.memory.floats[this.byteTable / FLOAT_BYTES + v] = v / 255;
    this.layers = placeParameters(network.sizes, this.memory);
    this.workspace = placeWorkspace(this.layers, EVAL_CHUNK, this.memory);
    this.data = new ResidentSets(this.kernel, this.memory);
    this.predictions = new PredictionBuffers(this.kernel, this.memory);
    this.push();
  }

  train(examples: Examples, order: Uint32Array, from: number, to: number, settings: TrainSettings): void {
    const m = settings.batchSize;
    if (m > WASM_MAX_BATCH) return this.trainOnReference(examples, order, from, to, settings);
    if (m > this.workspace.capacity) this.workspace = placeWorkspace(this.layers, m, this.memory);
    const set = this.data.of(examples);
    const indices = this.indicesFor(to - from);
    this.memory.ints.set(order.subarray(from, to), indices / 4);
    const step = coefficientsOf(settings);
    const dropout = settings.dropout > 0 && this.layers.length > 1;
    for (let start = from; start < to; start += m) {
      const count = Math.min(m, to - start);
      const batch = indices + (start - from) * 4;
      if (dropout) this.drawDropoutMasks(count, settings.dropout);
      this.forward(set, batch, count, dropout, Math.min(m, to - start - count));
      this.backwardAndUpdate(set, batch, count, dropout, step);
    }
  }

  evaluate(examples: Examples, withCost: boolean, into?: Predictions): Evaluation {
    const set = this.data.of(examples);
    const chunk = this.workspace.capacity;
    const indices = this.indicesFor(chunk);
    if (into) this.predictions.reserve(chunk);
    const output = this.layers[this.layers.length - 1]!;
    let correct = 0;
    let costSum = withCost ? 0 : Number.NaN;
    for (let start = 0; start < examples.count; start += chunk) {
      const count = Math.min(chunk, examples.count - start);
      const ints = this.memory.ints;
      for (let i = 0; i < count; i++) ints[indices / 4 + i] = start + i;
      this.forward(set, indices, count, false);
      if (into) {
        correct += this.predictions.predict(output, count, indices, set.labels, into, start);
      } else {
        correct += this.kernel.countCorrect(output.s, count, output.nOut, output.outRowBytes, indices, set.labels);
      }
      if (withCost) {
        costSum += this.kernel.costSum(
          output.z,
          output.s,
          count,
          output.nOut,
          output.outRowBytes,
          indices,
          set.labels,
          this.costKind,
        );
      }
    }
    return { costSum, correct, total: examples.count };
  }

  pull(): void {
    this.foldFirstLayerScale();
    readParameters(this.network, this.layers, this.memory.floats);
  }

  push(): void {
    writeParameters(this.network, this.layers, this.memory.floats);
    this.firstLayerScale = 1;
    this.reference?.push();
  }

  /** The float32 parameters and velocities as the kernel holds them (the first layer's scale c apart). */
  exportState(): EngineState {
    const arrays = exportLayers(this.layers, this.memory.floats);
    // Batches above WASM_MAX_BATCH train on the reference engine, with its own float64 velocities.
    Object.assign(arrays, velocityArrays(this.reference?.velocity(), 'reference.'));
    return { engine: this.name, arrays, numbers: { firstLayerScale: this.firstLayerScale } };
  }

  importState(state: EngineState): void {
    if (state.engine !== this.name) throw new EngineStateError(`engine state of ${state.engine}, not ${this.name}`);
    const scale = state.numbers.firstLayerScale ?? 1;
    if (!(scale > 0 && Number.isFinite(scale))) throw new EngineStateError(`engine state: firstLayerScale ${scale}`);
    importLayers(this.layers, this.memory.floats, state);
    this.firstLayerScale = scale;
    // The network mirrors the true weights; the kernel keeps W0ₛ and c as they were (no fold).
    readParameters(this.network, this.layers, this.memory.floats);
    if (scale !== 1) this.network.weights[0]!.forEach((w, i, all) => (all[i] = w * scale));
    const velocity = velocityFrom(state, this.network, 'reference.');
    if (velocity) {
      this.reference ??= new ReferenceEngine(this.network, this.dropoutRng);
      this.reference.importVelocity(velocity);
    }
  }

  private indicesFor(count: number): number {
    if (count > this.indicesCapacity) {
      this.indicesCapacity = Math.max(count, 2 * this.indicesCapacity);
      this.indices = this.memory.take(this.indicesCapacity * 4);
    }
    return this.indices;
  }

  /** Dropout scales of each hidden neuron and example, drawn in the reference engine's order. */
  private drawDropoutMasks(count: number, p: number): void {
    const keptScale = 1 / (1 - p);
    const { dropoutRng } = this;
    const floats = this.memory.floats;
    for (const layer of this.layers.slice(0, -1)) {
      const base = layer.mask / FLOAT_BYTES;
      const stride = layer.outVectors * 4;
      for (let i = 0; i < count; i++) {
        for (let j = 0; j < layer.nOut; j++) floats[base + i * stride + j] = dropoutRng.next() < p ? 0 : keptScale;
      }
    }
  }

  /** Feeds the examples at `indices` forward; every layer's z and σ(z) are left in the workspace. */
  private forward(set: ResidentSet, indices: number, count: number, dropout: boolean, ahead = 0): void {
    const { kernel, layers, workspace } = this;
    const first = layers[0]!;
    kernel.unpackBatch(
      count,
      indices,
      set.starts,
      this.byteTable,
      first.outRowBytes,
      workspace.pairs,
      workspace.pairStarts,
      ahead,
    );
    kernel.forwardSparse(
      count,
      workspace.pairStarts,
      first.weights,
      first.outRowBytes,
      first.outVectors,
      this.firstLayerScale,
      first.biases,
      first.z,
    );
    this.activate(0, count, dropout);
    for (let l = 1; l < layers.length; l++) {
      const layer = layers[l]!;
      const input = this.activationsOf(l - 1, dropout);
      kernel.forwardDense(
        count,
        input,
        layer.inRowBytes,
        layer.inVectors,
        layer.weights,
        layer.nOut,
        layer.biases,
        layer.z,
        layer.outRowBytes,
      );
      this.activate(l, count, dropout);
    }
  }

  private activate(l: number, count: number, dropout: boolean): void {
    const { kernel } = this;
    const layer = this.layers[l]!;
    const isOutput = l === this.layers.length - 1;
    if (isOutput && this.softmax) kernel.softmaxRows(layer.z, layer.s, count, layer.nOut, layer.outRowBytes);
    else kernel.sigmoidRows(layer.z, layer.s, count, layer.nOut, layer.outRowBytes);
    if (!isOutput && dropout) kernel.applyMask(layer.s, layer.mask, layer.a, count * layer.outVectors);
  }

  /** What layer l feeds forward: σ(z), or σ(z) times the dropout scales on hidden layers. */
  private activationsOf(l: number, dropout: boolean): number {
    const layer = this.layers[l]!;
    return dropout && l < this.layers.length - 1 ? layer.a : layer.s;
  }

  /** Backpropagation and the SGD step of every layer, from the top down. */
  private backwardAndUpdate(set: ResidentSet, indices: number, count: number, dropout: boolean, step: StepCoefficients): void {
    const { kernel, layers } = this;
    const scale = -step.eta / count;
    const output = layers[layers.length - 1]!;
    kernel.outputDelta(
      output.s,
      count,
      output.nOut,
      output.outRowBytes,
      indices,
      set.labels,
      this.costKind === COST_KINDS.quadratic ? 1 : 0,
      output.delta,
    );
    for (let l = layers.length - 1; l >= 1; l--) {
      const layer = layers[l]!;
      const previous = layers[l - 1]!;
      // δ of the layer below uses this layer's weights before their update.
      kernel.backDelta(
        count,
        layer.delta,
        layer.outRowBytes,
        layer.nOut,
        layer.weights,
        layer.inRowBytes,
        layer.inVectors,
        previous.s,
        dropout ? previous.mask : 0,
        previous.delta,
      );
      kernel.updateDense(
        count,
        layer.delta,
        layer.outRowBytes,
        layer.nOut,
        this.activationsOf(l - 1, dropout),
        layer.inRowBytes,
        layer.inVectors,
        layer.weights,
        layer.weightVelocity,
        scale,
        step.l2,
        step.l1,
        step.mu,
        step.general,
      );
      this.stepBiases(layer, count, scale, step.mu);
    }
    const first = layers[0]!;
    const weightVectors = first.nIn * first.outVectors;
    // The scale trick needs a decay factor well above 0 (always so with sane η, λ and n).
    if (step.general || 1 + step.l2 <= MIN_FIRST_LAYER_SCALE) {
      this.foldFirstLayerScale();
      // The gradient buffer is zero: stepParameters clears it as it consumes it.
      kernel.accumulateSparse(
        count,
        this.workspace.pairStarts,
        first.delta,
        1,
        first.weightGradient,
        first.outRowBytes,
        first.outVectors,
      );
      kernel.stepParameters(
        first.weights,
        first.weightVelocity,
        first.weightGradient,
        weightVectors,
        scale,
        step.l2,
        step.l1,
        step.mu,
        1,
      );
    } else {
      // W0 = c·W0ₛ: the decay (1 − ηλ/n) goes into c, the step −(η/m)Σ x·δ into W0ₛ divided by c.
      this.firstLayerScale *= 1 + step.l2;
      const coef = scale / this.firstLayerScale;
      kernel.accumulateSparse(
        count,
        this.workspace.pairStarts,
        first.delta,
        coef,
        first.weights,
        first.outRowBytes,
        first.outVectors,
      );
      if (this.firstLayerScale < MIN_FIRST_LAYER_SCALE) this.foldFirstLayerScale();
    }
    this.stepBiases(first, count, scale, step.mu);
  }

  /** Makes the stored first-layer weights the true ones again (c = 1). */
  private foldFirstLayerScale(): void {
    if (this.firstLayerScale === 1) return;
    const first = this.layers[0]!;
    this.kernel.scaleVectors(first.weights, first.nIn * first.outVectors, this.firstLayerScale);
    this.firstLayerScale = 1;
  }

  /** Biases are never regularized: only the gradient and momentum. */
  private stepBiases(layer: LayerLayout, count: number, scale: number, mu: number): void {
    const { kernel } = this;
    kernel.sumRows(layer.delta, count, layer.outRowBytes, layer.outVectors, layer.biasGradient);
    kernel.stepParameters(
      layer.biases,
      layer.biasVelocity,
      layer.biasGradient,
      layer.outVectors,
      scale,
      0,
      0,
      mu,
      mu !== 0 ? 1 : 0,
    );
  }

  private trainOnReference(examples: Examples, order: Uint32Array, from: number, to: number, settings: TrainSettings): void {
    this.pull();
    this.reference ??= new ReferenceEngine(this.network, this.dropoutRng);
    this.reference.train(examples, order, from, to, settings);
    writeParameters(this.network, this.layers, this.memory.floats);
  }
}

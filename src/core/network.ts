// A fully connected network of sigmoid neurons (softmax output for the log-likelihood cost),
// processing a whole mini-batch as one matrix: rows are examples, so every inner loop runs over
// contiguous memory. This is the readable reference implementation of the math.
import { sigmoidRange, softmaxRow } from './activations.js';
import type { Cost } from './costs.js';
import type { Rng } from './rng.js';
import type { InitName } from './types.js';

/** Per-layer gradients, same shapes as the network's weights and biases. */
export interface Gradients {
  weights: Float64Array[];
  biases: Float64Array[];
}

/** Dropout of hidden neurons: each is kept with probability 1 − p and scaled by 1/(1 − p). */
export interface DropoutSettings {
  p: number;
  rng: Rng;
}

/** Buffers for one batch size, reused across batches to keep the hot loop allocation-free. */
interface Workspace {
  m: number;
  /** Weighted inputs z per layer (m × sizes[l+1]). */
  zs: Float64Array[];
  /** Sigmoid (or softmax) of z per layer. */
  sigmoids: Float64Array[];
  /** Activations fed forward: the sigmoids, times the dropout scale on hidden layers. */
  activations: Float64Array[];
  /** Dropout scale per hidden neuron and example (0 or 1/(1 − p)). */
  dropoutScales: Float64Array[];
  deltas: Float64Array[];
}

/**
 * The most weights and biases netdash trains: about 600 MB while training (the parameters in double
 * and single precision, gradients, momentum and the best and last good copies). [784, 10000, 10] has
 * 7.95 million; a larger network is refused before anything is allocated.
 */
export const MAX_PARAMETERS = 10_000_000;

/** Weights and biases of a network with these layer sizes (exact for any finite sizes). */
export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += sizes[l - 1]! * sizes[l]! + sizes[l]!;
  return count;
}

export class Network {
  readonly sizes: readonly number[];
  readonly cost: Cost;
  /** weights[l] is sizes[l+1] × sizes[l], row-major: row j holds the weights into neuron j. */
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
  private workspace: Workspace | undefined;

  constructor(sizes: readonly number[], cost: Cost) {
    if (sizes.length < 2) throw new RangeError('a network needs at least an input and an output layer');
    this.sizes = [...sizes];
    this.cost = cost;
    this.weights = [];
    this.biases = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      this.weights.push(new Float64Array(sizes[l + 1]! * sizes[l]!));
      this.biases.push(new Float64Array(sizes[l + 1]!));
    }
  }

  /**
   * The book's initializers. default: weights N(0, 1/n_in), biases N(0, 1);
   * large: weights and biases N(0, 1) (network2.py's large_weight_initializer).
   */
  initialize(init: InitName, rng: Rng): this {
    for (let l = 0; l < this.weights.length; l++) {
      const scale = init === 'default' ? 1 / Math.sqrt(this.sizes[l]!) : 1;
      const w = this.weights[l]!;
      const b = this.biases[l]!;
      for (let i = 0; i < b.length; i++) b[i] = rng.gaussian();
      for (let i = 0; i < w.length; i++) w[i] = rng.gaussian() * scale;
    }
    return this;
  }

  get layers(): number {
    return this.weights.length;
  }

  get inputSize(): number {
    return this.sizes[0]!;
  }

  get outputSize(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /** A new gradient holder of the right shapes, zero-filled. */
  zeroGradients(): Gradients {
    return {
      weights: this.weights.map((w) => new Float64Array(w.length)),
      biases: this.biases.map((b) => new Float64Array(b.length)),
    };
  }

  /** A deep copy of the parameters (for "best weights" snapshots). */
  snapshot(): Gradients {
    return { weights: this.weights.map((w) => w.slice()), biases: this.biases.map((b) => b.slice()) };
  }

  restore(parameters: Gradients): void {
    parameters.weights.forEach((w, l) => this.weights[l]!.set(w));
    parameters.biases.forEach((b, l) => this.biases[l]!.set(b));
  }

  hasFiniteParameters(): boolean {
    for (const array of [...this.weights, ...this.biases]) {
      for (let i = 0; i < array.length; i++) if (!Number.isFinite(array[i]!)) return false;
    }
    return true;
  }

  /**
   * Feeds m examples (x: m × sizes[0]) forward. Returns the output activations and weighted inputs
   * (m × outputSize views into reused buffers: copy them to keep them past the next call).
   */
  feedforward(x: Float64Array, m: number, dropout?: DropoutSettings): { a: Float64Array; z: Float64Array } {
    const ws = this.workspaceFor(m);
    let input = x;
    for (let l = 0; l < this.layers; l++) {
      const nIn = this.sizes[l]!;
      const nOut = this.sizes[l + 1]!;
      const w = this.weights[l]!;
      const b = this.biases[l]!;
      const z = ws.zs[l]!;
      for (let i = 0; i < m; i++) {
        const xOffset = i * nIn;
        const zOffset = i * nOut;
        for (let j = 0; j < nOut; j++) {
          const wOffset = j * nIn;
          let sum = b[j]!;
          for (let k = 0; k < nIn; k++) sum += w[wOffset + k]! * input[xOffset + k]!;
          z[zOffset + j] = sum;
        }
      }
      const s = ws.sigmoids[l]!;
      const isOutput = l === this.layers - 1;
      if (isOutput && this.cost.output === 'softmax') {
        for (let i = 0; i < m; i++) softmaxRow(z, s, i * nOut, nOut);
      } else {
        sigmoidRange(z, s, 0, m * nOut);
      }
      const a = ws.activations[l]!;
      if (!isOutput && dropout && dropout.p > 0) {
        const scales = ws.dropoutScales[l]!;
        const keptScale = 1 / (1 - dropout.p);
        for (let i = 0; i < m * nOut; i++) {
          scales[i] = dropout.rng.next() < dropout.p ? 0 : keptScale;
          a[i] = s[i]! * scales[i]!;
        }
      } else {
        a.set(s.subarray(0, m * nOut));
      }
      input = a;
    }
    return { a: ws.activations[this.layers - 1]!, z: ws.zs[this.layers - 1]! };
  }

  /**
   * Backpropagation over a mini-batch: sets grads to Σ_x ∂C_x/∂w and Σ_x ∂C_x/∂b (sums, not means;
   * regularization is the optimizer's job). x is m × sizes[0], y is m × outputSize.
   */
  backprop(x: Float64Array, y: Float64Array, m: number, grads: Gradients, dropout?: DropoutSettings): void {
    const useDropout = dropout !== undefined && dropout.p > 0;
    const ws = this.workspaceFor(m);
    const { a: output, z: zOut } = this.feedforward(x, m, dropout);
    const L = this.layers - 1;
    const nOutput = this.outputSize;
    let delta = ws.deltas[L]!;
    for (let i = 0; i < m; i++) this.cost.delta(output, zOut, y, i * nOutput, nOutput, delta);

    for (let l = L; l >= 0; l--) {
      const nIn = this.sizes[l]!;
      const nOut = this.sizes[l + 1]!;
      const input = l === 0 ? x : ws.activations[l - 1]!;
      const gw = grads.weights[l]!;
      const gb = grads.biases[l]!;
      gw.fill(0);
      gb.fill(0);
      // ∂C/∂w_jk = Σ_i δ_ij · a_ik: one axpy of an input row into a weight row per (i, j).
      for (let i = 0; i < m; i++) {
        const inOffset = i * nIn;
        for (let j = 0; j < nOut; j++) {
          const d = delta[i * nOut + j]!;
          gb[j]! += d;
          if (d === 0) continue;
          const gOffset = j * nIn;
          for (let k = 0; k < nIn; k++) gw[gOffset + k]! += d * input[inOffset + k]!;
        }
      }
      if (l === 0) break;
      // δ^{l-1} = (Wᵀ δ^l) ⊙ σ'(z^{l-1}) ⊙ dropout scale.
      const w = this.weights[l]!;
      const previous = ws.deltas[l - 1]!;
      const s = ws.sigmoids[l - 1]!;
      previous.fill(0, 0, m * nIn);
      for (let i = 0; i < m; i++) {
        const pOffset = i * nIn;
        for (let j = 0; j < nOut; j++) {
          const d = delta[i * nOut + j]!;
          if (d === 0) continue;
          const wOffset = j * nIn;
          for (let k = 0; k < nIn; k++) previous[pOffset + k]! += d * w[wOffset + k]!;
        }
      }
      const scales = ws.dropoutScales[l - 1]!;
      for (let i = 0; i < m * nIn; i++) {
        const sk = s[i]!;
        previous[i]! *= sk * (1 - sk) * (useDropout ? scales[i]! : 1);
      }
      delta = previous;
    }
  }

  private workspaceFor(m: number): Workspace {
    if (this.workspace && this.workspace.m >= m) return this.workspace;
    const perLayer = () => this.sizes.slice(1).map((n) => new Float64Array(m * n));
    const sigmoids = perLayer();
    this.workspace = {
      m,
      zs: perLayer(),
      sigmoids,
      // Without dropout the activations are the sigmoids: a separate buffer keeps dropout simple.
      activations: perLayer(),
      dropoutScales: perLayer(),
      deltas: perLayer(),
    };
    return this.workspace;
  }
}

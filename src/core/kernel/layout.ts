// Where the network's buffers live in kernel memory. Rows are padded to whole four-float vectors
// (padding stays zero). The first layer's weights are stored transposed, one row per input pixel
// (see assembly/sparseLayer.ts); later layers are row-major nOut × inputs. Parameters are placed
// once; the per-example workspace is placed again (elsewhere) when a larger batch needs it.
import type { KernelMemory } from './kernelMemory.js';

export const FLOAT_BYTES = 4;
export const VECTOR_BYTES = 16;

export interface LayerLayout {
  nIn: number;
  nOut: number;
  /** Vectors per padded input row and output row. */
  inVectors: number;
  outVectors: number;
  inRowBytes: number;
  outRowBytes: number;
  /** Layer 0: W0ᵀ (nIn × outRowBytes); later: W (nOut × inRowBytes). */
  weights: number;
  weightVelocity: number;
  /** Gradient sums of W0 for L1 and momentum, zero between batches (first layer only; later layers update from registers). */
  weightGradient: number;
  biases: number;
  biasVelocity: number;
  biasGradient: number;
  /** Per-example rows (capacity × outRowBytes): weighted input, σ(z), dropout-scaled σ, δ, dropout scales. */
  z: number;
  s: number;
  a: number;
  delta: number;
  mask: number;
}

export interface Workspace {
  capacity: number;
  /** The batch's nonzero pixels unpacked (see unpackBatch): 8 bytes each, and capacity + 1 starts. */
  pairs: number;
  pairStarts: number;
}

const vectorsFor = (n: number) => Math.ceil(n / 4);

/** Places the parameters, momentum velocities and gradient buffers of a network of `sizes`. */
export function placeParameters(sizes: readonly number[], memory: KernelMemory): LayerLayout[] {
  const layers: LayerLayout[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nIn = sizes[l]!;
    const nOut = sizes[l + 1]!;
    const inVectors = vectorsFor(nIn);
    const outVectors = vectorsFor(nOut);
    const inRowBytes = inVectors * VECTOR_BYTES;
    const outRowBytes = outVectors * VECTOR_BYTES;
    const weightBytes = l === 0 ? nIn * outRowBytes : nOut * inRowBytes;
    layers.push({
      nIn,
      nOut,
      inVectors,
      outVectors,
      inRowBytes,
      outRowBytes,
      weights: memory.take(weightBytes),
      weightVelocity: memory.take(weightBytes),
      weightGradient: l === 0 ? memory.take(weightBytes) : 0,
      biases: memory.take(outRowBytes),
      biasVelocity: memory.take(outRowBytes),
      biasGradient: memory.take(outRowBytes),
      z: 0,
      s: 0,
      a: 0,
      delta: 0,
      mask: 0,
    });
  }
  return layers;
}

/** Places the per-example rows of every layer for batches of up to `capacity` examples. */
export function placeWorkspace(layers: LayerLayout[], capacity: number, memory: KernelMemory): Workspace {
  for (const layer of layers) {
    const rows = capacity * layer.outRowBytes;
    layer.z = memory.take(rows);
    layer.s = memory.take(rows);
    layer.a = memory.take(rows);
    layer.delta = memory.take(rows);
    layer.mask = memory.take(rows);
  }
  const inputSize = layers[0]!.nIn;
  return {
    capacity,
    pairs: memory.take(capacity * inputSize * 8),
    pairStarts: memory.take((capacity + 1) * 4),
  };
}

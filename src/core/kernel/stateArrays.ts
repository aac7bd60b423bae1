// The kernel's parameter and velocity buffers as row-major float32 arrays and back, for checkpoints:
// the values exactly as the kernel holds them (first layer transposed in memory, rows padded to
// whole vectors; the padding stays zero).
import { stateArray, type EngineState, type StateArray } from '../engine.js';
import { FLOAT_BYTES, type LayerLayout } from './layout.js';

/** w<l>, b<l>, vw<l>, vb<l> of every layer, copied out of kernel memory. */
export function exportLayers(layers: readonly LayerLayout[], f32: Float32Array): Record<string, StateArray> {
  const arrays: Record<string, StateArray> = {};
  layers.forEach((layer, l) => {
    arrays[`w${l}`] = readMatrix(layer, l, f32, layer.weights);
    arrays[`b${l}`] = readVector(layer, f32, layer.biases);
    arrays[`vw${l}`] = readMatrix(layer, l, f32, layer.weightVelocity);
    arrays[`vb${l}`] = readVector(layer, f32, layer.biasVelocity);
  });
  return arrays;
}

/** Writes a state's w<l>, b<l>, vw<l>, vb<l> into kernel memory (an EngineStateError when one does not fit). */
export function importLayers(layers: readonly LayerLayout[], f32: Float32Array, state: EngineState): void {
  layers.forEach((layer, l) => {
    const size = layer.nIn * layer.nOut;
    writeMatrix(layer, l, f32, layer.weights, stateArray(state, `w${l}`, size, Float32Array));
    writeVector(layer, f32, layer.biases, stateArray(state, `b${l}`, layer.nOut, Float32Array));
    writeMatrix(layer, l, f32, layer.weightVelocity, stateArray(state, `vw${l}`, size, Float32Array));
    writeVector(layer, f32, layer.biasVelocity, stateArray(state, `vb${l}`, layer.nOut, Float32Array));
  });
}

/** A weight-shaped buffer of layer l (at byte offset `at`) as row-major nOut × nIn float32. */
export function readMatrix(layer: LayerLayout, l: number, f32: Float32Array, at: number): Float32Array {
  const { nIn, nOut } = layer;
  const base = at / FLOAT_BYTES;
  const out = new Float32Array(nOut * nIn);
  if (l === 0) {
    const stride = layer.outVectors * 4;
    for (let k = 0; k < nIn; k++) for (let j = 0; j < nOut; j++) out[j * nIn + k] = f32[base + k * stride + j]!;
  } else {
    const stride = layer.inVectors * 4;
    for (let j = 0; j < nOut; j++) out.set(f32.subarray(base + j * stride, base + j * stride + nIn), j * nIn);
  }
  return out;
}

/** Writes row-major nOut × nIn values into a weight-shaped buffer of layer l, padding zeroed. */
export function writeMatrix(layer: LayerLayout, l: number, f32: Float32Array, at: number, values: Float32Array): void {
  const { nIn, nOut } = layer;
  const base = at / FLOAT_BYTES;
  if (l === 0) {
    const stride = layer.outVectors * 4;
    f32.fill(0, base, base + nIn * stride);
    for (let k = 0; k < nIn; k++) for (let j = 0; j < nOut; j++) f32[base + k * stride + j] = values[j * nIn + k]!;
  } else {
    const stride = layer.inVectors * 4;
    f32.fill(0, base, base + nOut * stride);
    for (let j = 0; j < nOut; j++) f32.set(values.subarray(j * nIn, (j + 1) * nIn), base + j * stride);
  }
}

/** A bias-shaped buffer (at byte offset `at`) as nOut float32. */
export function readVector(layer: LayerLayout, f32: Float32Array, at: number): Float32Array {
  const base = at / FLOAT_BYTES;
  return f32.slice(base, base + layer.nOut);
}

export function writeVector(layer: LayerLayout, f32: Float32Array, at: number, values: Float32Array): void {
  const base = at / FLOAT_BYTES;
  f32.fill(0, base, base + layer.outVectors * 4);
  f32.set(values, base);
}

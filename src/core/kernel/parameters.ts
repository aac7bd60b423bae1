// Copies parameters between the network (float64, weights row-major nOut × nIn) and the kernel's
// float32 layout (first layer transposed, rows padded to whole vectors).
import type { Network } from '../network.js';
import { FLOAT_BYTES, type LayerLayout } from './layout.js';

/** Writes the network's parameters into kernel memory and zeroes the momentum velocities. */
export function writeParameters(network: Network, layers: LayerLayout[], f32: Float32Array): void {
  layers.forEach((layer, l) => {
    const w = network.weights[l]!;
    const { nIn, nOut } = layer;
    const base = layer.weights / FLOAT_BYTES;
    const weightFloats = l === 0 ? nIn * layer.outVectors * 4 : nOut * layer.inVectors * 4;
    f32.fill(0, base, base + weightFloats);
    if (l === 0) {
      const stride = layer.outVectors * 4;
      for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) f32[base + k * stride + j] = w[j * nIn + k]!;
    } else {
      const stride = layer.inVectors * 4;
      for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) f32[base + j * stride + k] = w[j * nIn + k]!;
    }
    const biasBase = layer.biases / FLOAT_BYTES;
    f32.fill(0, biasBase, biasBase + layer.outVectors * 4);
    f32.set(network.biases[l]!, biasBase);
    const velocity = layer.weightVelocity / FLOAT_BYTES;
    f32.fill(0, velocity, velocity + weightFloats);
    const biasVelocity = layer.biasVelocity / FLOAT_BYTES;
    f32.fill(0, biasVelocity, biasVelocity + layer.outVectors * 4);
  });
}

/** Copies the kernel's parameters back into the network. */
export function readParameters(network: Network, layers: LayerLayout[], f32: Float32Array): void {
  layers.forEach((layer, l) => {
    const w = network.weights[l]!;
    const { nIn, nOut } = layer;
    const base = layer.weights / FLOAT_BYTES;
    if (l === 0) {
      const stride = layer.outVectors * 4;
      for (let k = 0; k < nIn; k++) for (let j = 0; j < nOut; j++) w[j * nIn + k] = f32[base + k * stride + j]!;
    } else {
      const stride = layer.inVectors * 4;
      for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) w[j * nIn + k] = f32[base + j * stride + k]!;
    }
    const b = network.biases[l]!;
    const biasBase = layer.biases / FLOAT_BYTES;
    for (let j = 0; j < nOut; j++) b[j] = f32[biasBase + j]!;
  });
}

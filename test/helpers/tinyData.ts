// Small synthetic labelled sets (random pixels, labels from a fixed rule), so training tests run in
// milliseconds without MNIST; seeded, so every run sees the same bytes.
import { Rng } from '../../src/core/rng.js';
import type { Examples } from '../../src/core/types.js';

export function tinyExamples(count: number, inputSize = 20, classes = 3, seed = 1): Examples {
  const rng = new Rng(seed);
  const pixels = new Uint8Array(count * inputSize);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = 0; k < inputSize; k++) {
      // About half the pixels are zero, as in MNIST (the wasm engine reads only nonzero ones).
      const value = rng.next() < 0.5 ? 0 : Math.floor(rng.next() * 256);
      pixels[i * inputSize + k] = value;
      sum += k < inputSize / 2 ? value : -value;
    }
    labels[i] = Math.abs(Math.floor(sum / 200)) % classes;
  }
  return { count, inputSize, pixels, labels };
}

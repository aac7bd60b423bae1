// Turns byte images into the float matrices the network consumes. Pixels stay bytes in memory
// and are scaled by 1/255 only here, one mini-batch at a time.
import type { Examples } from './types.js';

const BYTE_TO_UNIT = Float64Array.from({ length: 256 }, (_, v) => v / 255);

/** Writes examples order[from..from+m) into x (m × inputSize) and one-hot targets into y (m × classes). */
export function fillBatch(
  examples: Examples,
  order: ArrayLike<number>,
  from: number,
  m: number,
  classes: number,
  x: Float64Array,
  y: Float64Array,
): void {
  const n = examples.inputSize;
  const pixels = examples.pixels;
  y.fill(0, 0, m * classes);
  for (let i = 0; i < m; i++) {
    const index = order[from + i]!;
    const source = index * n;
    const target = i * n;
    for (let k = 0; k < n; k++) x[target + k] = BYTE_TO_UNIT[pixels[source + k]!]!;
    y[i * classes + examples.labels[index]!] = 1;
  }
}

/** 0, 1, …, count − 1. */
export function identityOrder(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

/** Index of the largest of row[offset..offset+n). */
export function argmax(row: Float64Array, offset: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (row[offset + j]! > row[offset + best]!) best = j;
  return best;
}

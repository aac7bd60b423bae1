// Elementwise activation functions, written over array ranges so hot loops avoid per-call overhead.

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** log(1 + e^x) without overflow: the building block of a cross-entropy that never yields NaN. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** out[i] = σ(z[i]) for i in [from, to). */
export function sigmoidRange(z: Float64Array, out: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = 1 / (1 + Math.exp(-z[i]!));
}

/** Softmax of z[offset..offset+n) into out, shifted by the max so exp never overflows. */
export function softmaxRow(z: Float64Array, out: Float64Array, offset: number, n: number): void {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, z[offset + j]!);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const e = Math.exp(z[offset + j]! - max);
    out[offset + j] = e;
    sum += e;
  }
  for (let j = 0; j < n; j++) out[offset + j]! /= sum;
}

/** log Σ exp(z) over one row, computed stably. */
export function logSumExpRow(z: Float64Array, offset: number, n: number): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, z[offset + j]!);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp(z[offset + j]! - max);
  return max + Math.log(sum);
}

// Activations, dropout and the output layer: sigmoid and softmax rows, the cost's output error
// δᴸ, prediction counting and the predictions themselves. Rows are padded to whole vectors; padding lanes stay zero so they
// never leak into the next layer's sums or gradients.
import { expv, laneMask, lanesSum, sigmoidPrimev, sigmoidv } from './simdMath';

/** s = σ(z) over `count` rows of n values. */
export function sigmoidRows(z: usize, s: usize, count: i32, n: i32, rowBytes: i32): void {
  const whole = n >> 2;
  const tail = laneMask(n & 3);
  for (let i = 0; i < count; i++) {
    const zRow = z + <usize>(i * rowBytes);
    const sRow = s + <usize>(i * rowBytes);
    for (let v = 0; v < whole; v++) {
      const o = <usize>v << 4;
      v128.store(sRow + o, sigmoidv(v128.load(zRow + o)));
    }
    if (n & 3) {
      const o = <usize>whole << 4;
      v128.store(sRow + o, v128.and(sigmoidv(v128.load(zRow + o)), tail));
    }
  }
}

/** s = softmax(z) per row, shifted by the row's maximum so exp never overflows. */
export function softmaxRows(z: usize, s: usize, count: i32, n: i32, rowBytes: i32): void {
  const vectors = (n + 3) >> 2;
  for (let i = 0; i < count; i++) {
    const zRow = z + <usize>(i * rowBytes);
    const sRow = s + <usize>(i * rowBytes);
    let max = load<f32>(zRow);
    for (let j = 1; j < n; j++) max = Mathf.max(max, load<f32>(zRow + (<usize>j << 2)));
    const shift = f32x4.splat(max);
    let total = f32x4.splat(0);
    for (let v = 0; v < vectors; v++) {
      const o = <usize>v << 4;
      const e = v128.and(expv(f32x4.sub(v128.load(zRow + o), shift)), laneMask(n - (v << 2)));
      v128.store(sRow + o, e);
      total = f32x4.add(total, e);
    }
    const sum = f32x4.splat(lanesSum(total));
    for (let v = 0; v < vectors; v++) {
      const o = <usize>v << 4;
      v128.store(sRow + o, f32x4.div(v128.load(sRow + o), sum));
    }
  }
}

/** a = s ⊙ mask over `vectors` vectors (dropout: mask lanes are 0 or 1/(1 − p)). */
export function applyMask(s: usize, mask: usize, a: usize, vectors: i32): void {
  for (let v = 0; v < vectors; v++) {
    const o = <usize>v << 4;
    v128.store(a + o, f32x4.mul(v128.load(s + o), v128.load(mask + o)));
  }
}

/**
 * δᴸ = a − y for cross-entropy and log-likelihood, (a − y)·σ'(z) for the quadratic cost; y is the
 * one-hot vector of the example's label labels[indices[i]] (one byte per image).
 */
export function outputDelta(
  a: usize,
  count: i32,
  n: i32,
  rowBytes: i32,
  indices: usize,
  labels: usize,
  quadratic: bool,
  delta: usize,
): void {
  const vectors = (n + 3) >> 2;
  for (let i = 0; i < count; i++) {
    const aRow = a + <usize>(i * rowBytes);
    const dRow = delta + <usize>(i * rowBytes);
    memory.copy(dRow, aRow, <usize>rowBytes);
    const label = <i32>load<u8>(labels + <usize>load<i32>(indices + (<usize>i << 2)));
    // A label outside the outputs (rejected when data is loaded) must not write past the row.
    if (label < n) {
      const target = dRow + (<usize>label << 2);
      store<f32>(target, load<f32>(target) - 1);
    }
    if (!quadratic) continue;
    for (let v = 0; v < vectors; v++) {
      const o = <usize>v << 4;
      v128.store(dRow + o, f32x4.mul(v128.load(dRow + o), sigmoidPrimev(v128.load(aRow + o))));
    }
  }
}

/** How many rows have their largest value (first one on ties) at the label labels[indices[i]]. */
export function countCorrect(a: usize, count: i32, n: i32, rowBytes: i32, indices: usize, labels: usize): i32 {
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const row = a + <usize>(i * rowBytes);
    let best = 0;
    let bestValue = load<f32>(row);
    for (let j = 1; j < n; j++) {
      const value = load<f32>(row + (<usize>j << 2));
      if (value > bestValue) {
        best = j;
        bestValue = value;
      }
    }
    if (best == <i32>load<u8>(labels + <usize>load<i32>(indices + (<usize>i << 2)))) correct++;
  }
  return correct;
}

/**
 * countCorrect that also writes each row's prediction: the class (one byte) to predicted + i and its
 * activation (f32) to confidence + 4i.
 */
export function predictRows(
  a: usize,
  count: i32,
  n: i32,
  rowBytes: i32,
  indices: usize,
  labels: usize,
  predicted: usize,
  confidence: usize,
): i32 {
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const row = a + <usize>(i * rowBytes);
    let best = 0;
    let bestValue = load<f32>(row);
    for (let j = 1; j < n; j++) {
      const value = load<f32>(row + (<usize>j << 2));
      if (value > bestValue) {
        best = j;
        bestValue = value;
      }
    }
    store<u8>(predicted + <usize>i, <u8>best);
    store<f32>(confidence + (<usize>i << 2), bestValue);
    if (best == <i32>load<u8>(labels + <usize>load<i32>(indices + (<usize>i << 2)))) correct++;
  }
  return correct;
}

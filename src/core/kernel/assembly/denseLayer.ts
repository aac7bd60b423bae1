// Layers after the first: small dense matrices W (nOut × inputs, row-major, each row padded to
// whole vectors) against a batch of activation rows. Every inner loop runs over one padded row.
import { lanesSum, sigmoidPrimev } from './simdMath';
import { decayStep, momentumStep } from './update';

/** z[i][j] = b[j] + W[j]·a_i; the padding lanes of each z row are set to zero. */
export function forwardDense(
  count: i32,
  input: usize,
  inRowBytes: i32,
  inVectors: i32,
  weights: usize,
  nOut: i32,
  bias: usize,
  z: usize,
  outRowBytes: i32,
): void {
  const zero = f32x4.splat(0);
  for (let i = 0; i < count; i++) {
    const aRow = input + <usize>(i * inRowBytes);
    const zRow = z + <usize>(i * outRowBytes);
    // With nOut a multiple of 4 there is no padding vector (the next row, or the next buffer, starts there).
    if (nOut & 3) v128.store(zRow + <usize>((nOut & ~3) << 2), zero);
    for (let j = 0; j < nOut; j++) {
      const wRow = weights + <usize>(j * inRowBytes);
      let acc0 = zero;
      let acc1 = zero;
      let v = 0;
      for (; v + 2 <= inVectors; v += 2) {
        const o = <usize>v << 4;
        acc0 = f32x4.add(acc0, f32x4.mul(v128.load(aRow + o), v128.load(wRow + o)));
        acc1 = f32x4.add(acc1, f32x4.mul(v128.load(aRow + o, 16), v128.load(wRow + o, 16)));
      }
      if (v < inVectors) {
        const o = <usize>v << 4;
        acc0 = f32x4.add(acc0, f32x4.mul(v128.load(aRow + o), v128.load(wRow + o)));
      }
      store<f32>(zRow + (<usize>j << 2), load<f32>(bias + (<usize>j << 2)) + lanesSum(f32x4.add(acc0, acc1)));
    }
  }
}

/**
 * δ^{l−1}_i = (Wᵀ δ^l_i) ⊙ σ'(z^{l−1}_i) ⊙ dropout scale, from the old weights W (before their
 * update). sPrev holds σ(z^{l−1}); mask is 0 when dropout is off. Four vectors of δ^{l−1} stay in
 * registers while the rows of W are walked.
 */
export function backDelta(
  count: i32,
  delta: usize,
  outRowBytes: i32,
  nOut: i32,
  weights: usize,
  inRowBytes: i32,
  inVectors: i32,
  sPrev: usize,
  mask: usize,
  prevDelta: usize,
): void {
  const zero = f32x4.splat(0);
  for (let i = 0; i < count; i++) {
    const dRow = delta + <usize>(i * outRowBytes);
    const row = <usize>(i * inRowBytes);
    let v = 0;
    for (; v + 4 <= inVectors; v += 4) {
      const o = <usize>v << 4;
      let p0 = zero, p1 = zero, p2 = zero, p3 = zero;
      for (let j = 0; j < nOut; j++) {
        const d = v128.load32_splat(dRow + (<usize>j << 2));
        const w = weights + <usize>(j * inRowBytes) + o;
        p0 = f32x4.add(p0, f32x4.mul(d, v128.load(w, 0)));
        p1 = f32x4.add(p1, f32x4.mul(d, v128.load(w, 16)));
        p2 = f32x4.add(p2, f32x4.mul(d, v128.load(w, 32)));
        p3 = f32x4.add(p3, f32x4.mul(d, v128.load(w, 48)));
      }
      const at = row + o;
      storeDelta(prevDelta + at, p0, sPrev + at, mask, mask + at);
      storeDelta(prevDelta + at + 16, p1, sPrev + at + 16, mask, mask + at + 16);
      storeDelta(prevDelta + at + 32, p2, sPrev + at + 32, mask, mask + at + 32);
      storeDelta(prevDelta + at + 48, p3, sPrev + at + 48, mask, mask + at + 48);
    }
    for (; v < inVectors; v++) {
      const o = <usize>v << 4;
      let p0 = zero;
      for (let j = 0; j < nOut; j++) {
        p0 = f32x4.add(p0, f32x4.mul(v128.load32_splat(dRow + (<usize>j << 2)), v128.load(weights + <usize>(j * inRowBytes) + o)));
      }
      const at = row + o;
      storeDelta(prevDelta + at, p0, sPrev + at, mask, mask + at);
    }
  }
}

@inline function storeDelta(out: usize, sum: v128, s: usize, mask: usize, m: usize): void {
  let factor = sigmoidPrimev(v128.load(s));
  if (mask != 0) factor = f32x4.mul(factor, v128.load(m));
  v128.store(out, f32x4.mul(sum, factor));
}

/**
 * The gradient step of W straight from the batch: g = Σ_i δ_ij·a_i for each row j, four vectors
 * at a time in registers, then the SGD rule of update.ts (scale = −η/m). No gradient buffer.
 */
export function updateDense(
  count: i32,
  delta: usize,
  outRowBytes: i32,
  nOut: i32,
  input: usize,
  inRowBytes: i32,
  inVectors: i32,
  weights: usize,
  velocity: usize,
  scale: f32,
  l2: f32,
  l1: f32,
  mu: f32,
  general: bool,
): void {
  const zero = f32x4.splat(0);
  const scaleV = f32x4.splat(scale);
  const decayV = f32x4.splat(1 + l2);
  const l2V = f32x4.splat(l2);
  const l1V = f32x4.splat(l1);
  const muV = f32x4.splat(mu);
  for (let j = 0; j < nOut; j++) {
    const dColumn = delta + (<usize>j << 2);
    const wRow = weights + <usize>(j * inRowBytes);
    const vRow = velocity + <usize>(j * inRowBytes);
    let v = 0;
    for (; v + 4 <= inVectors; v += 4) {
      const o = <usize>v << 4;
      let g0 = zero, g1 = zero, g2 = zero, g3 = zero;
      for (let i = 0; i < count; i++) {
        const d = v128.load32_splat(dColumn + <usize>(i * outRowBytes));
        const a = input + <usize>(i * inRowBytes) + o;
        g0 = f32x4.add(g0, f32x4.mul(d, v128.load(a, 0)));
        g1 = f32x4.add(g1, f32x4.mul(d, v128.load(a, 16)));
        g2 = f32x4.add(g2, f32x4.mul(d, v128.load(a, 32)));
        g3 = f32x4.add(g3, f32x4.mul(d, v128.load(a, 48)));
      }
      const w = wRow + o;
      const vel = vRow + o;
      if (general) {
        momentumStep(w, vel, f32x4.mul(g0, scaleV), l2V, l1V, muV);
        momentumStep(w + 16, vel + 16, f32x4.mul(g1, scaleV), l2V, l1V, muV);
        momentumStep(w + 32, vel + 32, f32x4.mul(g2, scaleV), l2V, l1V, muV);
        momentumStep(w + 48, vel + 48, f32x4.mul(g3, scaleV), l2V, l1V, muV);
      } else {
        decayStep(w, f32x4.mul(g0, scaleV), decayV);
        decayStep(w + 16, f32x4.mul(g1, scaleV), decayV);
        decayStep(w + 32, f32x4.mul(g2, scaleV), decayV);
        decayStep(w + 48, f32x4.mul(g3, scaleV), decayV);
      }
    }
    for (; v < inVectors; v++) {
      const o = <usize>v << 4;
      let g0 = zero;
      for (let i = 0; i < count; i++) {
        g0 = f32x4.add(g0, f32x4.mul(v128.load32_splat(dColumn + <usize>(i * outRowBytes)), v128.load(input + <usize>(i * inRowBytes) + o)));
      }
      if (general) momentumStep(wRow + o, vRow + o, f32x4.mul(g0, scaleV), l2V, l1V, muV);
      else decayStep(wRow + o, f32x4.mul(g0, scaleV), decayV);
    }
  }
}

/** out = Σ_i rows_i: the bias gradient sums of a layer. */
export function sumRows(rows: usize, count: i32, rowBytes: i32, vectors: i32, out: usize): void {
  memory.fill(out, 0, <usize>rowBytes);
  for (let i = 0; i < count; i++) {
    const row = rows + <usize>(i * rowBytes);
    for (let v = 0; v < vectors; v++) {
      const o = <usize>v << 4;
      v128.store(out + o, f32x4.add(v128.load(out + o), v128.load(row + o)));
    }
  }
}

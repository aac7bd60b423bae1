// The cost C_x of each evaluated example, summed, as src/core/costs.ts defines it (from z, so the
// cross-entropy and the log-likelihood never become NaN):
//   quadratic       ½‖a − y‖²
//   cross-entropy   Σ_j softplus(z_j) − z_label       (= Σ y·softplus(−z) + (1 − y)·softplus(z))
//   log-likelihood  log Σ_j e^{z_j} − z_label
// Each example's cost is computed in four-lane f32 and the sum kept in f64.
import { expv, laneMask, lanesSum } from './simdMath';

export const QUADRATIC = 0;
export const CROSS_ENTROPY = 1;
export const LOG_LIKELIHOOD = 2;

/** log(1 + t) for t ∈ [0, 1]: 2·atanh(s) with s = t/(2 + t) ≤ 1/3, seven odd terms (error < 2e−8). */
@inline function log1pUnit(t: v128): v128 {
  const s = f32x4.div(t, f32x4.add(f32x4.splat(2.0), t));
  const s2 = f32x4.mul(s, s);
  let p = f32x4.splat(1.0 / 13.0);
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(1.0 / 11.0));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(1.0 / 9.0));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(1.0 / 7.0));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(1.0 / 5.0));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(1.0 / 3.0));
  p = f32x4.add(f32x4.mul(p, s2), f32x4.splat(1.0));
  return f32x4.mul(f32x4.mul(s, p), f32x4.splat(2.0));
}

/** softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^−|z|), never overflowing. */
@inline function softplusv(z: v128): v128 {
  return f32x4.add(f32x4.pmax(z, f32x4.splat(0)), log1pUnit(expv(f32x4.neg(f32x4.abs(z)))));
}

/** Σ C_x over `count` rows of n outputs (z: weighted inputs, a: activations); labels[indices[i]]. */
export function costSum(
  z: usize,
  a: usize,
  count: i32,
  n: i32,
  rowBytes: i32,
  indices: usize,
  labels: usize,
  kind: i32,
): f64 {
  const vectors = (n + 3) >> 2;
  let total: f64 = 0;
  for (let i = 0; i < count; i++) {
    const label = <i32>load<u8>(labels + <usize>load<i32>(indices + (<usize>i << 2)));
    const zRow = z + <usize>(i * rowBytes);
    const aRow = a + <usize>(i * rowBytes);
    let lanes = f32x4.splat(0);
    let cost: f32 = 0;
    if (kind == QUADRATIC) {
      // Padding lanes of a are zero; the label's term is corrected below.
      for (let v = 0; v < vectors; v++) {
        const av = v128.load(aRow + (<usize>v << 4));
        lanes = f32x4.add(lanes, f32x4.mul(av, av));
      }
      const aLabel = label < n ? load<f32>(aRow + (<usize>label << 2)) : 0;
      cost = 0.5 * (lanesSum(lanes) - aLabel * aLabel + (aLabel - 1) * (aLabel - 1));
    } else if (kind == CROSS_ENTROPY) {
      for (let v = 0; v < vectors; v++) {
        const sp = softplusv(v128.load(zRow + (<usize>v << 4)));
        lanes = f32x4.add(lanes, v128.and(sp, laneMask(n - (v << 2))));
      }
      cost = lanesSum(lanes) - (label < n ? load<f32>(zRow + (<usize>label << 2)) : 0);
    } else {
      let max = load<f32>(zRow);
      for (let j = 1; j < n; j++) max = Mathf.max(max, load<f32>(zRow + (<usize>j << 2)));
      const shift = f32x4.splat(max);
      for (let v = 0; v < vectors; v++) {
        const e = expv(f32x4.sub(v128.load(zRow + (<usize>v << 4)), shift));
        lanes = f32x4.add(lanes, v128.and(e, laneMask(n - (v << 2))));
      }
      const lse = <f64>max + Math.log(<f64>lanesSum(lanes));
      total += lse - <f64>(label < n ? load<f32>(zRow + (<usize>label << 2)) : 0);
      continue;
    }
    total += <f64>cost;
  }
  return total;
}

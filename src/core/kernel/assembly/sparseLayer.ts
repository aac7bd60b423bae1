// The first layer, whose input is an image of mostly zero pixels (about 80% on MNIST). Its
// weights are stored transposed, one row of outputs per input pixel (W0ᵀ: inputs × hidden, the
// hidden side padded to whole vectors), so only the rows of an image's nonzero pixels are read:
//   forward:  z_i = b + c · Σ_{k: x_ik ≠ 0} x_ik · W0ᵀ[k]
//   update:   W0ᵀ[k] += coef · x_ik · δ_i   for every nonzero pixel k of every example i
// c is a scale factor of the whole matrix: the engine applies the L2 weight decay to it instead
// of to every weight (see wasmEngine.ts), so a mini-batch touches only the rows it uses.
// A batch's images are first unpacked (unpackBatch) from the packed lists of dataset.ts into
// pairs (row offset k·rowBytes: i32, pixel value: f32), which every block of every pass reuses.
// Blocks are 4 vectors wide: V8 then keeps every value in a register (8 wide spills).
import { KEY_BITS, KEY_MASK } from './dataset';

/** Bytes of one unpacked pixel: its weight row offset and its value. */
const PAIR = 8;

/**
 * Unpacks the images indices[0..count) (image j's packed entries lie at imageStarts[j]..
 * imageStarts[j + 1]) into pairs from address `pairs` on; pairStarts[i] receives the address of
 * example i's first pair and pairStarts[count] the end. `table` maps a byte to byte/255.
 * The next `ahead` images (indices[count..]) are touched so that they are in cache for the next
 * batch: shuffled images are scattered over the set, and the loads of one image depend on each
 * other (index → start → entries), so they would otherwise wait on memory one after another.
 * Returns a value of the touched data, only so that the touching loads are not optimized away.
 */
export function unpackBatch(
  count: i32,
  indices: usize,
  imageStarts: usize,
  table: usize,
  rowBytes: i32,
  pairs: usize,
  pairStarts: usize,
  ahead: i32,
): i32 {
  let touched: i32 = 0;
  for (let i = count; i < count + ahead; i++) {
    const image = imageStarts + (<usize>load<i32>(indices + (<usize>i << 2)) << 2);
    const to = <usize>load<i32>(image, 4);
    for (let p = <usize>load<i32>(image); p < to; p += 64) touched ^= load<i32>(p);
  }
  let out = pairs;
  for (let i = 0; i < count; i++) {
    store<i32>(pairStarts + (<usize>i << 2), <i32>out);
    const image = imageStarts + (<usize>load<i32>(indices + (<usize>i << 2)) << 2);
    const to = <usize>load<i32>(image, 4);
    for (let p = <usize>load<i32>(image); p < to; p += 4, out += PAIR) {
      const entry = load<i32>(p);
      store<i32>(out, (entry & KEY_MASK) * rowBytes);
      store<f32>(out, load<f32>(table + (<usize>(entry >>> KEY_BITS) << 2)), 4);
    }
  }
  store<i32>(pairStarts + (<usize>count << 2), <i32>out);
  return touched;
}

@inline function pairsFrom(pairStarts: usize, i: i32): usize {
  return <usize>load<i32>(pairStarts + (<usize>i << 2));
}

/** z_i = b + c·Σ x_ik·W0ᵀ[k] for the unpacked examples 0..count. z rows share W0ᵀ's row stride. */
export function forwardSparse(
  count: i32,
  pairStarts: usize,
  weights: usize,
  rowBytes: i32,
  vectors: i32,
  c: f32,
  bias: usize,
  z: usize,
): void {
  const scale = f32x4.splat(c);
  for (let i = 0; i < count; i++) {
    const from = pairsFrom(pairStarts, i);
    const to = pairsFrom(pairStarts, i + 1);
    const zRow = z + <usize>(i * rowBytes);
    let v = 0;
    for (; v + 4 <= vectors; v += 4) {
      const o = <usize>v << 4;
      forward4(from, to, weights + o, scale, bias + o, zRow + o);
    }
    for (; v < vectors; v++) {
      const o = <usize>v << 4;
      forward1(from, to, weights + o, scale, bias + o, zRow + o);
    }
  }
}

@inline function forward4(p: usize, to: usize, w: usize, c: v128, bias: usize, out: usize): void {
  const zero = f32x4.splat(0);
  let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
  // Two pixels per step: half the loop overhead, and two independent products per sum.
  for (; p + 2 * PAIR <= to; p += 2 * PAIR) {
    const r0 = w + <usize>load<i32>(p);
    const x0 = v128.load32_splat(p, 4);
    const r1 = w + <usize>load<i32>(p, PAIR);
    const x1 = v128.load32_splat(p, PAIR + 4);
    a0 = f32x4.add(a0, f32x4.add(f32x4.mul(x0, v128.load(r0, 0)), f32x4.mul(x1, v128.load(r1, 0))));
    a1 = f32x4.add(a1, f32x4.add(f32x4.mul(x0, v128.load(r0, 16)), f32x4.mul(x1, v128.load(r1, 16))));
    a2 = f32x4.add(a2, f32x4.add(f32x4.mul(x0, v128.load(r0, 32)), f32x4.mul(x1, v128.load(r1, 32))));
    a3 = f32x4.add(a3, f32x4.add(f32x4.mul(x0, v128.load(r0, 48)), f32x4.mul(x1, v128.load(r1, 48))));
  }
  if (p < to) {
    const row = w + <usize>load<i32>(p);
    const x = v128.load32_splat(p, 4);
    a0 = f32x4.add(a0, f32x4.mul(x, v128.load(row, 0)));
    a1 = f32x4.add(a1, f32x4.mul(x, v128.load(row, 16)));
    a2 = f32x4.add(a2, f32x4.mul(x, v128.load(row, 32)));
    a3 = f32x4.add(a3, f32x4.mul(x, v128.load(row, 48)));
  }
  v128.store(out, f32x4.add(v128.load(bias, 0), f32x4.mul(a0, c)), 0);
  v128.store(out, f32x4.add(v128.load(bias, 16), f32x4.mul(a1, c)), 16);
  v128.store(out, f32x4.add(v128.load(bias, 32), f32x4.mul(a2, c)), 32);
  v128.store(out, f32x4.add(v128.load(bias, 48), f32x4.mul(a3, c)), 48);
}

@inline function forward1(p: usize, to: usize, w: usize, c: v128, bias: usize, out: usize): void {
  let a0 = f32x4.splat(0);
  for (; p < to; p += PAIR) {
    a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(p, 4), v128.load(w + <usize>load<i32>(p))));
  }
  v128.store(out, f32x4.add(v128.load(bias), f32x4.mul(a0, c)));
}

/**
 * target[k] += coef·x_ik·δ_i over the nonzero pixels k of the unpacked examples 0..count: the
 * gradient step of W0ᵀ straight into the weights (coef = −η/(m·c)), or gradient sums into a
 * buffer. δ rows and target rows both have the stride rowBytes.
 */
export function accumulateSparse(
  count: i32,
  pairStarts: usize,
  delta: usize,
  coef: f32,
  target: usize,
  rowBytes: i32,
  vectors: i32,
): void {
  const factor = f32x4.splat(coef);
  for (let i = 0; i < count; i++) {
    const from = pairsFrom(pairStarts, i);
    const to = pairsFrom(pairStarts, i + 1);
    const dRow = delta + <usize>(i * rowBytes);
    let v = 0;
    for (; v + 4 <= vectors; v += 4) {
      const o = <usize>v << 4;
      axpy4(from, to, target + o, dRow + o, factor);
    }
    for (; v < vectors; v++) {
      const o = <usize>v << 4;
      const d = f32x4.mul(v128.load(dRow + o), factor);
      for (let p = from; p < to; p += PAIR) {
        const row = target + o + <usize>load<i32>(p);
        v128.store(row, f32x4.add(v128.load(row), f32x4.mul(v128.load32_splat(p, 4), d)));
      }
    }
  }
}

@inline function axpy4(p: usize, to: usize, target: usize, dRow: usize, factor: v128): void {
  const d0 = f32x4.mul(v128.load(dRow, 0), factor);
  const d1 = f32x4.mul(v128.load(dRow, 16), factor);
  const d2 = f32x4.mul(v128.load(dRow, 32), factor);
  const d3 = f32x4.mul(v128.load(dRow, 48), factor);
  // An image lists each pixel once, so the two rows of a step are distinct.
  for (; p + 2 * PAIR <= to; p += 2 * PAIR) {
    const r0 = target + <usize>load<i32>(p);
    const x0 = v128.load32_splat(p, 4);
    const r1 = target + <usize>load<i32>(p, PAIR);
    const x1 = v128.load32_splat(p, PAIR + 4);
    v128.store(r0, f32x4.add(v128.load(r0, 0), f32x4.mul(x0, d0)), 0);
    v128.store(r0, f32x4.add(v128.load(r0, 16), f32x4.mul(x0, d1)), 16);
    v128.store(r0, f32x4.add(v128.load(r0, 32), f32x4.mul(x0, d2)), 32);
    v128.store(r0, f32x4.add(v128.load(r0, 48), f32x4.mul(x0, d3)), 48);
    v128.store(r1, f32x4.add(v128.load(r1, 0), f32x4.mul(x1, d0)), 0);
    v128.store(r1, f32x4.add(v128.load(r1, 16), f32x4.mul(x1, d1)), 16);
    v128.store(r1, f32x4.add(v128.load(r1, 32), f32x4.mul(x1, d2)), 32);
    v128.store(r1, f32x4.add(v128.load(r1, 48), f32x4.mul(x1, d3)), 48);
  }
  if (p < to) {
    const row = target + <usize>load<i32>(p);
    const x = v128.load32_splat(p, 4);
    v128.store(row, f32x4.add(v128.load(row, 0), f32x4.mul(x, d0)), 0);
    v128.store(row, f32x4.add(v128.load(row, 16), f32x4.mul(x, d1)), 16);
    v128.store(row, f32x4.add(v128.load(row, 32), f32x4.mul(x, d2)), 32);
    v128.store(row, f32x4.add(v128.load(row, 48), f32x4.mul(x, d3)), 48);
  }
}

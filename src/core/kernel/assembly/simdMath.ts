// Four-lane f32 math the kernel needs but WebAssembly lacks: exp, the logistic sigmoid and its
// derivative. exp is the Cephes expf polynomial (about 1 ulp on the reduced range), so the
// kernel agrees with the float64 reference far inside float32 tolerance.

@inline export function expv(x: v128): v128 {
  // pmin/pmax are single instructions (min/max with NaN and ±0 rules are eight); |x| ≤ 87 keeps
  // 2^n and 1/(1 + e^x) normal floats.
  x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(87.0)), f32x4.splat(-87.0));
  // x = n·ln2 + r with |r| ≤ ln2/2. Adding 1.5·2^23 rounds x·log2(e) to the integer n and leaves
  // n in the low mantissa bits, so 2^n is those bits shifted into the exponent.
  const magic = f32x4.splat(12582912.0);
  const t = f32x4.add(f32x4.mul(x, f32x4.splat(1.44269504088896341)), magic);
  const n = f32x4.sub(t, magic);
  // ln2 in two parts so that r stays exact.
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1.0));
  const twoToN = i32x4.add(i32x4.shl(t, 23), i32x4.splat(0x3f800000));
  return f32x4.mul(p, twoToN);
}

/** σ(z) = 1/(1 + e^−z); for z < −87, σ stays at about 1.6e−38 instead of becoming a (slow) denormal. */
@inline export function sigmoidv(z: v128): v128 {
  const one = f32x4.splat(1.0);
  return f32x4.div(one, f32x4.add(one, expv(f32x4.neg(z))));
}

/** σ'(z) from s = σ(z): s(1 − s). */
@inline export function sigmoidPrimev(s: v128): v128 {
  return f32x4.mul(s, f32x4.sub(f32x4.splat(1.0), s));
}

/** All-ones lanes for the first `valid` lanes (1..4) of a vector, zero for the rest. */
@inline export function laneMask(valid: i32): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(valid));
}

/** Sum of the four lanes. */
@inline export function lanesSum(v: v128): f32 {
  return (
    f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3))
  );
}

// SGD parameter updates with the regularizers and momentum fused in, so each parameter is read
// and written once per mini-batch. g arrives already scaled by −η/m; the penalty coefficients
// are premultiplied by the learning rate:
//   step = g + l2·w + l1·sgn(w)          l2 = −ηλ/n, l1 = −ηλ₁/n
//   plain SGD: w ← w + step              momentum: v ← μv + step, w ← w + v
// With neither L1 nor momentum, the step is the book's weight decay w ← (1 − ηλ/n)w − (η/m)Σ∇C.

/** w ← decay·w + g, decay = 1 + l2. */
@inline export function decayStep(p: usize, g: v128, decay: v128): void {
  v128.store(p, f32x4.add(f32x4.mul(v128.load(p), decay), g));
}

/** The full rule with L1 and momentum; `pv` is the velocity of the same parameters. */
@inline export function momentumStep(p: usize, pv: usize, g: v128, l2: v128, l1: v128, mu: v128): void {
  const w = v128.load(p);
  const zero = f32x4.splat(0.0);
  const one = f32x4.splat(1.0);
  const sign = f32x4.sub(v128.and(f32x4.gt(w, zero), one), v128.and(f32x4.lt(w, zero), one));
  const step = f32x4.add(g, f32x4.add(f32x4.mul(w, l2), f32x4.mul(sign, l1)));
  const v = f32x4.add(f32x4.mul(v128.load(pv), mu), step);
  v128.store(pv, v);
  v128.store(p, f32x4.add(w, v));
}

/**
 * Updates `vectors` consecutive four-lane groups of parameters p from gradient sums g (velocity pv),
 * scale = −η/m. `general` selects the L1/momentum rule; otherwise plain decay. g is zeroed as it
 * is consumed, ready to accumulate the next batch's sums.
 */
export function stepParameters(
  p: usize,
  pv: usize,
  g: usize,
  vectors: i32,
  scale: f32,
  l2: f32,
  l1: f32,
  mu: f32,
  general: bool,
): void {
  const scaleV = f32x4.splat(scale);
  if (!general) {
    const decay = f32x4.splat(1 + l2);
    for (let v = 0; v < vectors; v++) {
      const o = <usize>v << 4;
      decayStep(p + o, f32x4.mul(v128.load(g + o), scaleV), decay);
      v128.store(g + o, f32x4.splat(0));
    }
    return;
  }
  const l2V = f32x4.splat(l2);
  const l1V = f32x4.splat(l1);
  const muV = f32x4.splat(mu);
  for (let v = 0; v < vectors; v++) {
    const o = <usize>v << 4;
    momentumStep(p + o, pv + o, f32x4.mul(v128.load(g + o), scaleV), l2V, l1V, muV);
    v128.store(g + o, f32x4.splat(0));
  }
}

/** p ← factor·p over `vectors` vectors (folds the first layer's scale back into its weights). */
export function scaleVectors(p: usize, vectors: i32, factor: f32): void {
  const f = f32x4.splat(factor);
  for (let v = 0; v < vectors; v++) {
    const o = <usize>v << 4;
    v128.store(p + o, f32x4.mul(v128.load(p + o), f));
  }
}

// A small seeded generator so that a seed gives identical weights, shuffles and dropout masks
// on every run and every machine (Math.random cannot be seeded).

/** Everything a generator needs to continue its sequence exactly (for checkpoints). */
export interface RngState {
  /** The 32-bit mulberry32 state. */
  state: number;
  /** The second Box–Muller draw not yet handed out, or null. */
  spareGaussian: number | null;
}

/** mulberry32: 32-bit state, fast, good enough for initialization and shuffling. */
export class Rng {
  private state: number;
  private spareGaussian: number | undefined;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator's state: setState(getState()) continues the same sequence. */
  getState(): RngState {
    return { state: this.state, spareGaussian: this.spareGaussian ?? null };
  }

  setState(saved: RngState): void {
    if (!Number.isInteger(saved.state) || saved.state < 0 || saved.state > 0xffffffff) {
      throw new RangeError(`rng state must be a 32-bit unsigned integer, got ${saved.state}`);
    }
    this.state = saved.state;
    this.spareGaussian = saved.spareGaussian ?? undefined;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal N(0, 1), Box–Muller (polar form avoided so the draw count is fixed). */
  gaussian(): number {
    if (this.spareGaussian !== undefined) {
      const g = this.spareGaussian;
      this.spareGaussian = undefined;
      return g;
    }
    const u = 1 - this.next(); // (0, 1]: log(u) is finite
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareGaussian = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle(values: Uint32Array): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = values[i]!;
      values[i] = values[j]!;
      values[j] = tmp;
    }
  }
}

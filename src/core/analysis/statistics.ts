// Mean ± standard deviation over seeds. The book reports one run; the spread over seeds shows how
// much of a difference to the book is noise.

export interface Summary {
  mean: number;
  /** Sample standard deviation (n − 1); NaN for fewer than two values. */
  sd: number;
  n: number;
  min: number;
  max: number;
  values: number[];
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (divides by n − 1), NaN below two values. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

export function summarize(values: readonly number[]): Summary {
  return {
    mean: mean(values),
    sd: sampleSd(values),
    n: values.length,
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    values: [...values],
  };
}

/** Per-epoch mean of several curves, over the epochs all of them reached (a diverged run is shorter). */
export function meanCurve(curves: readonly (readonly number[])[]): number[] {
  if (curves.length === 0) return [];
  const length = Math.min(...curves.map((curve) => curve.length));
  return Array.from({ length }, (_, i) => mean(curves.map((curve) => curve[i]!)));
}

/** Largest value and its 1-based epoch (the first one on ties); undefined for an empty curve. */
export function peak(curve: readonly number[]): { value: number; epoch: number } | undefined {
  let best: { value: number; epoch: number } | undefined;
  curve.forEach((value, i) => {
    if (!best || value > best.value) best = { value, epoch: i + 1 };
  });
  return best;
}

/** Smallest value and its 1-based epoch (for costs). */
export function trough(curve: readonly number[]): { value: number; epoch: number } | undefined {
  const negated = peak(curve.map((v) => -v));
  return negated && { value: -negated.value, epoch: negated.epoch };
}

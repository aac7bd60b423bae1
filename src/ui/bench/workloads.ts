// The benchmark's reference workloads (issue 5): the chapter's network2.py runs on the 50,000
// training images with cross-entropy, η = 0.5, λ = 5, at mini-batch 10 and 100.

export interface Workload {
  sizes: number[];
  batchSize: number;
}

export const WORKLOADS: readonly Workload[] = [
  { sizes: [784, 30, 10], batchSize: 10 },
  { sizes: [784, 100, 10], batchSize: 10 },
  { sizes: [784, 30, 10], batchSize: 100 },
  { sizes: [784, 100, 10], batchSize: 100 },
];

export const BENCH_SETTINGS = {
  cost: 'cross-entropy',
  eta: 0.5,
  lambda: 5,
  trainingSize: 50_000,
  validationSize: 10_000,
} as const;

/**
 * Floating-point operations of one training example in a dense implementation: the forward pass,
 * the hidden deltas (δ back through every layer but the first) and the weight gradients, counting
 * each multiply-add as 2. This is the figure GFLOP/s refers to, whatever the engine skips.
 */
export function flopsPerExample(sizes: readonly number[]): number {
  let multiplyAdds = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const weights = sizes[l]! * sizes[l + 1]!;
    multiplyAdds += 2 * weights; // forward + weight gradient
    if (l > 0) multiplyAdds += weights; // δ of layer l from layer l + 1
  }
  return 2 * multiplyAdds;
}

export function workloadName(workload: Workload): string {
  return `[${workload.sizes.join(',')}] batch ${workload.batchSize}`;
}

// The SGD settings of a train() call as the kernel takes them: premultiplied by η (see
// assembly/update.ts), with the penalties of the config summed by kind.
import type { TrainSettings } from '../engine.js';

export interface StepCoefficients {
  eta: number;
  /** −ηλ/n of the L2 penalty (the weight decay is 1 + l2). */
  l2: number;
  /** −ηλ₁/n of the L1 penalty. */
  l1: number;
  /** Momentum μ. */
  mu: number;
  /** 1 when L1 or momentum needs the full update rule (every weight changes every step). */
  general: number;
}

export function coefficientsOf(settings: TrainSettings): StepCoefficients {
  const { eta, momentum, penalties, trainingSize } = settings;
  let lambda2 = 0;
  let lambda1 = 0;
  for (const { regularizer, lambda } of penalties) {
    if (regularizer.name === 'L2') lambda2 += lambda;
    else lambda1 += lambda;
  }
  return {
    eta,
    l2: (-eta * lambda2) / trainingSize,
    l1: (-eta * lambda1) / trainingSize,
    mu: momentum,
    general: momentum !== 0 || lambda1 !== 0 ? 1 : 0,
  };
}

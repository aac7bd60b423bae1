// What the look-inside views (confusion, misclassified, hidden neurons, per-digit bars) read: the
// held-out set, its predictions from the latest epoch's evaluation (the same pass that measures
// accuracy; no second one) and, only while view 9 is shown, a copy of the first hidden layer's
// weights. Pure helpers; the state lives in DashboardState.inspect.
import type { MisclassifiedOrder } from '../../../core/analysis/confusion.js';
import type { Network } from '../../../core/network.js';
import type { Examples, Predictions } from '../../../core/types.js';
import { colorModeOf, type ColorMode } from '../../app/colorMode.js';

export interface HiddenWeights {
  /** Epochs completed when they were copied. */
  epoch: number;
  inputs: number;
  neurons: number;
  /** neurons × inputs, row-major (row j: the weights into neuron j). */
  weights: Float64Array;
}

export interface InspectState {
  heldOutSet?: Examples;
  predictions?: Predictions;
  /** The epoch whose evaluation gave `predictions` (0: the end-of-run evaluation). */
  predictionsEpoch: number;
  hidden?: HiddenWeights;
  order: MisclassifiedOrder;
  /** First item shown, per view id (← →). */
  offsets: Readonly<Record<string, number>>;
}

export const INITIAL_INSPECT: InspectState = { predictionsEpoch: 0, order: 'confidence', offsets: {} };

/** A copy of the first hidden layer's incoming weights; undefined for a network without hidden layers. */
export function hiddenWeightsOf(network: Network, epoch: number): HiddenWeights | undefined {
  if (network.sizes.length < 3) return undefined;
  return { epoch, inputs: network.sizes[0]!, neurons: network.sizes[1]!, weights: network.weights[0]!.slice() };
}

/** Colour codes for the digit pictures: the terminal's depth, or none (NO_COLOR). */
export function artMode(color: boolean): ColorMode {
  return color ? colorModeOf({ isTTY: true }) : 'mono';
}

/** A side × side image at half the size (each 2 × 2 block averaged), for short terminals. */
export function halfSize(values: ArrayLike<number>, side = 28): Float64Array {
  const half = Math.floor(side / 2);
  const out = new Float64Array(half * half);
  for (let y = 0; y < half; y++)
    for (let x = 0; x < half; x++) {
      const at = 2 * y * side + 2 * x;
      out[y * half + x] = (values[at]! + values[at + 1]! + values[at + side]! + values[at + side + 1]!) / 4;
    }
  return out;
}

/** The 99th percentile of |weight|: one outlier does not dim every neuron. */
export function layerScale(weights: ArrayLike<number>): number {
  const sorted = Float64Array.from(weights, Math.abs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/** Misclassified examples in the latest predictions (for the ← → limit). */
export function mistakeCount(inspect: InspectState): number {
  const { predictions, heldOutSet } = inspect;
  if (!predictions || !heldOutSet) return 0;
  let wrong = 0;
  for (let i = 0; i < predictions.predicted.length; i++) if (predictions.predicted[i] !== heldOutSet.labels[i]) wrong++;
  return wrong;
}

/** Whether the predictions belong to the held-out set (a new run may have started in between). */
export function predictionsReady(
  inspect: InspectState,
): inspect is InspectState & { heldOutSet: Examples; predictions: Predictions } {
  return !!inspect.predictions && !!inspect.heldOutSet && inspect.predictions.predicted.length === inspect.heldOutSet.count;
}

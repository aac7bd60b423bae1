// Room for an evaluation's predictions, and views of part of it: engines write each example's
// prediction where it belongs, so a set evaluated in slices fills one record without copying.
import type { PredictionRequest, Predictions } from './types.js';

/** Empty predictions for `count` examples of `classes` outputs. */
export function makePredictions(count: number, classes: number, request: PredictionRequest): Predictions {
  return {
    classes,
    predicted: new Uint8Array(count),
    confidence: new Float32Array(count),
    ...(request.outputs ? { outputs: new Float32Array(count * classes) } : {}),
  };
}

/** The predictions of examples from..to, sharing memory with `all`. */
export function slicePredictions(all: Predictions, from: number, to: number): Predictions {
  const { classes } = all;
  return {
    classes,
    predicted: all.predicted.subarray(from, to),
    confidence: all.confidence.subarray(from, to),
    ...(all.outputs ? { outputs: all.outputs.subarray(from * classes, to * classes) } : {}),
  };
}

/** Example i's output activations (a view), or undefined when the outputs were not recorded. */
export function outputsOf(predictions: Predictions, i: number): Float32Array | undefined {
  const { outputs, classes } = predictions;
  return outputs?.subarray(i * classes, (i + 1) * classes);
}

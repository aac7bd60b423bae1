// The predictions of an evaluation chunk in kernel memory (assembly/outputs.ts predictRows writes
// them), copied out into the caller's Predictions: one byte and one float per example, plus the
// output rows when all outputs are asked for.
import type { Predictions } from '../types.js';
import type { KernelMemory } from './kernelMemory.js';
import type { Kernel } from './kernelModule.js';
import { FLOAT_BYTES, type LayerLayout } from './layout.js';

export class PredictionBuffers {
  /** Predicted class (u8) and its activation (f32) per example; 0 until first reserved. */
  private predicted = 0;
  private confidence = 0;
  private capacity = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly memory: KernelMemory,
  ) {}

  /** Room for chunks of up to `count` examples. */
  reserve(count: number): void {
    if (count <= this.capacity) return;
    this.capacity = count;
    this.predicted = this.memory.take(count);
    this.confidence = this.memory.take(count * FLOAT_BYTES);
  }

  /**
   * The correct count of a chunk whose outputs are in output.s (labels[indices[i]]), its predictions
   * copied into `into` from example `start` on.
   */
  predict(output: LayerLayout, count: number, indices: number, labels: number, into: Predictions, start: number): number {
    const { nOut, outRowBytes } = output;
    const { predicted: p, confidence: c } = this;
    const correct = this.kernel.predictRows(output.s, count, nOut, outRowBytes, indices, labels, p, c);
    const { bytes, floats } = this.memory;
    into.predicted.set(bytes.subarray(p, p + count), start);
    into.confidence.set(floats.subarray(c / FLOAT_BYTES, c / FLOAT_BYTES + count), start);
    const { outputs, classes } = into;
    if (outputs) {
      // Element by element: a subarray per row would cost more than the copy.
      const rowFloats = outRowBytes / FLOAT_BYTES;
      for (let i = 0, row = output.s / FLOAT_BYTES, at = start * classes; i < count; i++, row += rowFloats) {
        for (let j = 0; j < classes; j++) outputs[at++] = floats[row + j]!;
      }
    }
    return correct;
  }
}

// Long computations split so the event loop stays free: a UI on the same thread repaints and
// reads keys between slices.
import type { Evaluation, TrainingEngine } from './engine.js';
import type { Examples } from './types.js';

export const now = () => performance.now();
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Images evaluated between two chances to yield (a multiple of the engines' 500-image chunks). */
const EVAL_SLICE = 500;

/**
 * engine.evaluate over slices of the set, yielding every ~yieldEveryMs: evaluating 10,000 images
 * takes about a second, too long for a UI on the same thread to leave keys unanswered.
 * Adds the milliseconds spent outside the yields to clock.busy.
 */
export async function evaluateInSlices(
  engine: TrainingEngine,
  examples: Examples,
  withCost: boolean,
  yieldEveryMs: number,
  clock: { busy: number },
): Promise<Evaluation> {
  let costSum = withCost ? 0 : Number.NaN;
  let correct = 0;
  let total = 0;
  let sliceStart = now();
  for (let start = 0; start < examples.count; start += EVAL_SLICE) {
    const end = Math.min(examples.count, start + EVAL_SLICE);
    const slice: Examples = {
      count: end - start,
      inputSize: examples.inputSize,
      pixels: examples.pixels.subarray(start * examples.inputSize, end * examples.inputSize),
      labels: examples.labels.subarray(start, end),
    };
    const result = engine.evaluate(slice, withCost);
    costSum += result.costSum;
    correct += result.correct;
    total += result.total;
    const current = now();
    if (current - sliceStart >= yieldEveryMs) {
      clock.busy += current - sliceStart;
      await yieldToEventLoop();
      sliceStart = now();
    }
  }
  clock.busy += now() - sliceStart;
  return { costSum, correct, total };
}

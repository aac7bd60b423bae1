// Long computations split so the event loop stays free: a UI on the same thread repaints and
// reads keys between slices.
import type { Evaluation, TrainSettings, TrainingEngine } from './engine.js';
import { slicePredictions } from './predictions.js';
import type { Examples, Predictions } from './types.js';

export const now = () => performance.now();
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Images evaluated between two chances to yield (a multiple of the engines' 500-image chunks). */
const EVAL_SLICE = 500;

/**
 * engine.evaluate over slices of the set, yielding every ~yieldEveryMs: evaluating 10,000 images
 * takes about a second, too long for a UI on the same thread to leave keys unanswered.
 * Adds the milliseconds spent outside the yields to clock.busy. `into` (sized for the whole set)
 * receives the predictions.
 */
export async function evaluateInSlices(
  engine: TrainingEngine,
  examples: Examples,
  withCost: boolean,
  yieldEveryMs: number,
  clock: { busy: number },
  into?: Predictions,
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
    const result = engine.evaluate(slice, withCost, into && slicePredictions(into, start, end));
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

export interface TrainingPass {
  order: Uint32Array;
  batches: number;
  settings: TrainSettings;
  yieldEveryMs: number;
  /** Smallest interval between two onProgress calls (the last batch is always reported). */
  progressEveryMs: number;
  onProgress(batch: number, examplesPerSecond: number): void;
  /** While the run is paused: a promise that resolves on resume. */
  pausedUntil(): Promise<void> | undefined;
  signal: AbortSignal | undefined;
}

/**
 * One epoch of engine.train over the shuffled mini-batches, in chunks grown until one takes ~10 ms,
 * yielding every ~yieldEveryMs and waiting there while paused. Returns the wall seconds spent
 * outside yields and pauses, or undefined when aborted.
 */
export async function trainInSlices(engine: TrainingEngine, training: Examples, pass: TrainingPass): Promise<number | undefined> {
  const { batches, settings, signal } = pass;
  let busy = 0;
  let sliceStart = now();
  let lastProgress = sliceStart;
  let chunkBatches = 1;
  for (let done = 0; done < batches;) {
    const t = now();
    const take = Math.min(chunkBatches, batches - done);
    const from = done * settings.batchSize;
    engine.train(training, pass.order, from, Math.min(training.count, from + take * settings.batchSize), settings);
    done += take;
    const elapsed = now() - t;
    if (elapsed < 5) chunkBatches *= 2;
    else if (elapsed > 20 && chunkBatches > 1) chunkBatches = Math.max(1, chunkBatches >> 1);

    const current = now();
    if (current - lastProgress >= pass.progressEveryMs && done < batches) {
      lastProgress = current;
      const seconds = (busy + current - sliceStart) / 1000;
      pass.onProgress(done, (done * settings.batchSize) / Math.max(seconds, 1e-9));
    }
    if (current - sliceStart >= pass.yieldEveryMs || pass.pausedUntil() || signal?.aborted) {
      busy += current - sliceStart;
      await yieldToEventLoop();
      for (let paused = pass.pausedUntil(); paused && !signal?.aborted; paused = pass.pausedUntil()) await paused;
      if (signal?.aborted) return undefined;
      sliceStart = now();
    }
  }
  busy += now() - sliceStart;
  pass.onProgress(batches, training.count / (busy / 1000));
  return busy / 1000;
}

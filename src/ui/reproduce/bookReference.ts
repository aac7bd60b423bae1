// The book's recorded data a reproduced run is compared with (see src/data/bookRuns.ts).
import type { ExperimentRun } from '../../core/experiments.js';
import {
  bookAccuracyForSize,
  bookSeriesFor,
  primaryBookSeries,
  type BookRunSeries,
  type RunMetric,
} from '../../data/bookRuns.js';

export type CurveMetric = RunMetric;
export type BookRunCurve = BookRunSeries;

/** The book's per-epoch curve a run is compared with; undefined when it has none. */
export function bookCurveForRun(run: ExperimentRun): BookRunCurve | undefined {
  return primaryBookSeries(run.bookCurve);
}

/** The book's training-accuracy curve of a run (the 1,000-image runs record one), if any. */
export function bookTrainingAccuracy(run: ExperimentRun): number[] | undefined {
  return bookSeriesFor(run.bookCurve).find((s) => s.metric === 'trainingAccuracy')?.values;
}

/** The book's final validation accuracy for a more-data run (series = training-set size). */
export function bookMoreDataAccuracy(run: ExperimentRun): number | undefined {
  return run.bookCurve?.figure === 'more_data' ? bookAccuracyForSize(run.bookCurve) : undefined;
}

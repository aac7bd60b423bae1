// The book's recorded curves for a preset run (its `bookCurve` reference), named with the run's
// metrics: the book's test or validation set is the run's held-out set, which the trainer monitors
// as "validation". Shared by the dashboard's overlay and `netdash reproduce`.
import type { BookCurveRef } from '../core/experiments.js';
import type { EpochMetrics } from '../core/types.js';
import {
  BOOK_FIGURE_NAMES,
  MORE_DATA_SIZES,
  bookCurves,
  type BookCurve,
  type BookFigureName,
  type BookMetric,
} from './bookFigures.js';

export type RunMetric = keyof Required<EpochMetrics>;

export interface BookRunSeries {
  figure: BookFigureName;
  /** The run's metric this curve is compared with. */
  metric: RunMetric;
  /** The metric as the book recorded it (testAccuracy where the book monitored the test set). */
  bookMetric: BookMetric;
  label: string;
  /** values[i] = epoch i + 1. */
  values: number[];
}

const RUN_METRIC: Record<BookMetric, RunMetric> = {
  trainingCost: 'trainingCost',
  trainingAccuracy: 'trainingAccuracy',
  validationCost: 'validationCost',
  validationAccuracy: 'validationAccuracy',
  testCost: 'validationCost',
  testAccuracy: 'validationAccuracy',
};

/** multiple_eta's series "0", "1", "2" are its three η, in the figure's order. */
const ETA_PREFIXES = ['η = 0.025', 'η = 0.25', 'η = 2.5'];

function isFigure(name: string): name is BookFigureName {
  return (BOOK_FIGURE_NAMES as string[]).includes(name);
}

/** Which of a figure's curves belong to the referenced series. */
function curvesOf(figure: BookFigureName, series: string): BookCurve[] {
  const curves = bookCurves(figure);
  switch (figure) {
    case 'multiple_eta': {
      const prefix = ETA_PREFIXES[Number(series)];
      return prefix === undefined ? [] : curves.filter((c) => c.label.startsWith(`${prefix}:`));
    }
    case 'weight_initialization_30':
    case 'weight_initialization_100':
      return curves.filter((c) => c.label.startsWith(`${series} initialization`));
    case 'more_data':
    case 'more_data_svm':
      return [];
    default:
      // One run per figure: all its curves (e.g. test and training accuracy of the overfitting run).
      return curves;
  }
}

/** The book's per-epoch curves for a run; [] when it has none. */
export function bookSeriesFor(ref: BookCurveRef | undefined): BookRunSeries[] {
  if (!ref || !isFigure(ref.figure)) return [];
  const figure = ref.figure;
  return curvesOf(figure, ref.series)
    .filter((curve) => curve.xAxis === 'epoch')
    .map((curve) => ({
      figure,
      metric: RUN_METRIC[curve.metric],
      bookMetric: curve.metric,
      label: `book ${curve.label}`,
      values: curve.values,
    }));
}

/** The one curve a run is scored against: the series its reference names (e.g. testAccuracy), else the first. */
export function primaryBookSeries(ref: BookCurveRef | undefined): BookRunSeries | undefined {
  const series = bookSeriesFor(ref);
  return series.find((s) => s.bookMetric === ref?.series) ?? series[0];
}

/** The book's final validation accuracy for a more-data run (series = training-set size). */
export function bookAccuracyForSize(ref: BookCurveRef | undefined): number | undefined {
  if (!ref || (ref.figure !== 'more_data' && ref.figure !== 'more_data_svm')) return undefined;
  const index = MORE_DATA_SIZES.indexOf(Number(ref.series));
  if (index < 0) return undefined;
  return bookCurves(ref.figure)[0]?.values[index];
}

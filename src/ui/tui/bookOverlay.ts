// Finds the book's recorded curves for a preset run (its `bookCurve` reference), named with the
// dashboard's metrics: the book's test or validation set is the run's held-out ("validation") set.
import type { BookCurveRef } from '../../core/experiments.js';
import {
  BOOK_FIGURE_NAMES,
  MORE_DATA_SIZES,
  bookCurves,
  type BookCurve,
  type BookFigureName,
} from '../../data/bookFigures.js';
import type { Metric } from './metrics.js';

export interface BookSeries {
  metric: Metric;
  label: string;
  /** values[i] = epoch i + 1. */
  values: number[];
}

const METRIC_OF: Record<BookCurve['metric'], Metric> = {
  trainingCost: 'trainingCost',
  trainingAccuracy: 'trainingAccuracy',
  validationCost: 'validationCost',
  validationAccuracy: 'validationAccuracy',
  testCost: 'validationCost',
  testAccuracy: 'validationAccuracy',
};

function isFigure(name: string): name is BookFigureName {
  return (BOOK_FIGURE_NAMES as string[]).includes(name);
}

/** Which of a figure's curves belong to the referenced series. */
function curvesOf(figure: BookFigureName, series: string): BookCurve[] {
  const curves = bookCurves(figure);
  switch (figure) {
    case 'multiple_eta': {
      // Series "0", "1", "2" are the figure's three η, in its order.
      const prefixes = ['η = 0.025', 'η = 0.25', 'η = 2.5'];
      const prefix = prefixes[Number(series)];
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
export function bookSeriesFor(ref: BookCurveRef | undefined): BookSeries[] {
  if (!ref || !isFigure(ref.figure)) return [];
  return curvesOf(ref.figure, ref.series)
    .filter((curve) => curve.xAxis === 'epoch')
    .map((curve) => ({ metric: METRIC_OF[curve.metric], label: `book ${curve.label}`, values: curve.values }));
}

/** The book's final validation accuracy for a more-data run (series = training-set size). */
export function bookAccuracyForSize(ref: BookCurveRef | undefined): number | undefined {
  if (!ref || (ref.figure !== 'more_data' && ref.figure !== 'more_data_svm')) return undefined;
  const index = MORE_DATA_SIZES.indexOf(Number(ref.series));
  if (index < 0) return undefined;
  return bookCurves(ref.figure)[0]?.values[index];
}

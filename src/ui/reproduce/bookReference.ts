// The book's recorded data for a preset run, in our metric names: the book's test or validation set
// is the run's held-out set, which the trainer monitors as "validation".
import type { ExperimentRun } from '../../core/experiments.js';
import { BOOK_FIGURE_NAMES, MORE_DATA_SIZES, bookCurves, type BookCurve, type BookFigureName } from '../../data/bookFigures.js';

export type CurveMetric = 'trainingCost' | 'trainingAccuracy' | 'validationCost' | 'validationAccuracy';

export interface BookRunCurve {
  figure: BookFigureName;
  metric: CurveMetric;
  label: string;
  /** values[i] = epoch i + 1. */
  values: number[];
}

const OUR_METRIC: Record<BookCurve['metric'], CurveMetric> = {
  trainingCost: 'trainingCost',
  trainingAccuracy: 'trainingAccuracy',
  validationCost: 'validationCost',
  validationAccuracy: 'validationAccuracy',
  testCost: 'validationCost',
  testAccuracy: 'validationAccuracy',
};

/** multiple_eta's series "0", "1", "2", in the figure's order. */
const ETA_PREFIXES = ['η = 0.025', 'η = 0.25', 'η = 2.5'];

function isFigure(name: string): name is BookFigureName {
  return (BOOK_FIGURE_NAMES as string[]).includes(name);
}

function toRunCurve(figure: BookFigureName, curve: BookCurve | undefined): BookRunCurve | undefined {
  return curve && { figure, metric: OUR_METRIC[curve.metric], label: `book: ${curve.label}`, values: curve.values };
}

/** The book's per-epoch curve a run is compared with; undefined when it has none. */
export function bookCurveForRun(run: ExperimentRun): BookRunCurve | undefined {
  const ref = run.bookCurve;
  if (!ref || !isFigure(ref.figure)) return undefined;
  const curves = bookCurves(ref.figure).filter((curve) => curve.xAxis === 'epoch');
  switch (ref.figure) {
    case 'multiple_eta': {
      const prefix = ETA_PREFIXES[Number(ref.series)];
      return toRunCurve(ref.figure, curves.find((c) => prefix !== undefined && c.label.startsWith(`${prefix}:`) && c.metric === 'trainingCost'));
    }
    case 'weight_initialization_30':
    case 'weight_initialization_100':
      return toRunCurve(ref.figure, curves.find((c) => c.label.startsWith(`${ref.series} initialization`)));
    case 'more_data':
    case 'more_data_svm':
      return undefined;
    default:
      // One run per figure; the series names the metric (e.g. testAccuracy).
      return toRunCurve(ref.figure, curves.find((c) => c.metric === ref.series));
  }
}

/** The book's training-accuracy curve of a single-run figure (the 1,000-image runs), if recorded. */
export function bookTrainingAccuracy(run: ExperimentRun): number[] | undefined {
  const ref = run.bookCurve;
  if (!ref || !isFigure(ref.figure)) return undefined;
  if (['multiple_eta', 'weight_initialization_30', 'weight_initialization_100', 'more_data', 'more_data_svm'].includes(ref.figure)) {
    return undefined;
  }
  return bookCurves(ref.figure).find((c) => c.metric === 'trainingAccuracy')?.values;
}

/** The book's final validation accuracy for a more-data run (series = training-set size). */
export function bookMoreDataAccuracy(run: ExperimentRun): number | undefined {
  const ref = run.bookCurve;
  if (!ref || ref.figure !== 'more_data') return undefined;
  const index = MORE_DATA_SIZES.indexOf(Number(ref.series));
  return index < 0 ? undefined : bookCurves('more_data')[0]?.values[index];
}

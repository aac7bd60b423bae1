// The book's recorded chapter-3 curves (see book-figures/README.md), typed and turned into plot
// series. Imported as JSON modules so tsc copies them to dist/ and both layouts find them.

import moreData from './book-figures/more_data.json' with { type: 'json' };
import moreDataSvm from './book-figures/more_data_svm.json' with { type: 'json' };
import multipleEta from './book-figures/multiple_eta.json' with { type: 'json' };
import overfitting from './book-figures/overfitting.json' with { type: 'json' };
import overfittingFull from './book-figures/overfitting_full.json' with { type: 'json' };
import regularized from './book-figures/regularized.json' with { type: 'json' };
import regularizedFull from './book-figures/regularized_full.json' with { type: 'json' };
import weightInit100 from './book-figures/weight_initialization_100.json' with { type: 'json' };
import weightInit30 from './book-figures/weight_initialization_30.json' with { type: 'json' };

/**
 * network2.py's monitoring lists: [evaluation cost, evaluation accuracy, training cost, training
 * accuracy]; accuracies are counts of correct images, unmonitored lists are empty.
 */
export type Network2Curves = readonly [readonly number[], readonly number[], readonly number[], readonly number[]];

export interface WeightInitializationFigure {
  readonly default_weight_initialization: Network2Curves;
  readonly large_weight_initialization: Network2Curves;
}

export interface BookFigureData {
  readonly overfitting: Network2Curves;
  readonly regularized: Network2Curves;
  readonly overfitting_full: Network2Curves;
  readonly regularized_full: Network2Curves;
  /** η = 0.025, 0.25, 2.5, in that order; training cost only. */
  readonly multiple_eta: readonly [Network2Curves, Network2Curves, Network2Curves];
  readonly weight_initialization_30: WeightInitializationFigure;
  readonly weight_initialization_100: WeightInitializationFigure;
  /** Validation accuracy in percent for each of MORE_DATA_SIZES. */
  readonly more_data: readonly number[];
  readonly more_data_svm: readonly number[];
}

export type BookFigureName = keyof BookFigureData;

export type BookMetric =
  'trainingCost' | 'trainingAccuracy' | 'validationCost' | 'validationAccuracy' | 'testCost' | 'testAccuracy';

/** One plottable series. Accuracies are fractions 0..1; costs as recorded (L2 term included). */
export interface BookCurve {
  label: string;
  metric: BookMetric;
  /** What `x` counts: 1-based epochs, or training-set sizes for the more-data figures. */
  xAxis: 'epoch' | 'trainingSize';
  x: number[];
  values: number[];
}

/** Training-set sizes N of more_data / more_data_svm. */
export const MORE_DATA_SIZES: readonly number[] = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

/** Images in the book's validation and test sets, the denominator of their accuracies. */
const EVALUATION_SIZE = 10_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// Frozen because the same objects are handed to every caller.
const FIGURES: BookFigureData = deepFreeze({
  overfitting: overfitting as unknown as Network2Curves,
  regularized: regularized as unknown as Network2Curves,
  overfitting_full: overfittingFull as unknown as Network2Curves,
  regularized_full: regularizedFull as unknown as Network2Curves,
  multiple_eta: multipleEta as unknown as BookFigureData['multiple_eta'],
  weight_initialization_30: weightInit30 as unknown as WeightInitializationFigure,
  weight_initialization_100: weightInit100 as unknown as WeightInitializationFigure,
  more_data: moreData,
  more_data_svm: moreDataSvm,
});

export const BOOK_FIGURE_NAMES = Object.keys(FIGURES) as BookFigureName[];

/** One-line description of each run, for legends and reports. */
export const BOOK_FIGURE_TITLES: Readonly<Record<BookFigureName, string>> = {
  overfitting: '[784,30,10], 1,000 images, 400 epochs, η=0.5, λ=0',
  regularized: '[784,30,10], 1,000 images, 400 epochs, η=0.5, λ=0.1',
  overfitting_full: '[784,30,10], 50,000 images, 30 epochs, η=0.5, λ=0',
  regularized_full: '[784,30,10], 50,000 images, 30 epochs, η=0.5, λ=5.0',
  multiple_eta: '[784,30,10], 50,000 images, 30 epochs, λ=5.0, three learning rates',
  weight_initialization_30: '[784,30,10], 30 epochs, η=0.1, λ=5.0, default vs large initialization',
  weight_initialization_100: '[784,100,10], 30 epochs, η=0.1, λ=5.0, default vs large initialization',
  more_data: '[784,30,10] validation accuracy against training-set size',
  more_data_svm: 'SVM (scikit-learn defaults) validation accuracy against training-set size',
};

/** The book's recorded data for a figure, as parsed from its JSON (read-only). */
export function bookFigure<N extends BookFigureName>(name: N): BookFigureData[N] {
  return FIGURES[name];
}

function epochs(length: number): number[] {
  return Array.from({ length }, (_, i) => i + 1);
}

/**
 * network2 lists → named series, skipping empty ones. `evaluatedOn` is the set passed as
 * evaluation_data; `trainingSize` converts training-accuracy counts to fractions.
 */
function network2Series(
  curves: Network2Curves,
  evaluatedOn: 'validation' | 'test',
  trainingSize: number,
  labelPrefix: string,
): BookCurve[] {
  const [evalCost, evalAccuracy, trainCost, trainAccuracy] = curves;
  const parts: { list: readonly number[]; metric: BookMetric; name: string; divisor: number }[] = [
    { list: evalCost, metric: `${evaluatedOn}Cost`, name: `${evaluatedOn} cost`, divisor: 1 },
    { list: evalAccuracy, metric: `${evaluatedOn}Accuracy`, name: `${evaluatedOn} accuracy`, divisor: EVALUATION_SIZE },
    { list: trainCost, metric: 'trainingCost', name: 'training cost', divisor: 1 },
    { list: trainAccuracy, metric: 'trainingAccuracy', name: 'training accuracy', divisor: trainingSize },
  ];
  return parts
    .filter((part) => part.list.length > 0)
    .map((part) => ({
      label: labelPrefix ? `${labelPrefix}: ${part.name}` : part.name,
      metric: part.metric,
      xAxis: 'epoch',
      x: epochs(part.list.length),
      values: part.list.map((v) => v / part.divisor),
    }));
}

function moreDataSeries(percentages: readonly number[], label: string): BookCurve[] {
  return [
    {
      label,
      metric: 'validationAccuracy',
      xAxis: 'trainingSize',
      x: [...MORE_DATA_SIZES],
      values: percentages.map((p) => p / 100),
    },
  ];
}

/** A figure's data as plottable series (fresh arrays each call, free to modify). */
export function bookCurves(name: BookFigureName): BookCurve[] {
  switch (name) {
    case 'overfitting':
    case 'regularized':
      return network2Series(FIGURES[name], 'test', 1_000, '');
    case 'overfitting_full':
    case 'regularized_full':
      return network2Series(FIGURES[name], 'test', 50_000, '');
    case 'multiple_eta': {
      const etas = [0.025, 0.25, 2.5];
      return FIGURES.multiple_eta.flatMap((curves, i) => network2Series(curves, 'test', 50_000, `η = ${etas[i]}`));
    }
    case 'weight_initialization_30':
    case 'weight_initialization_100': {
      const figure = FIGURES[name];
      return [
        ...network2Series(figure.default_weight_initialization, 'validation', 50_000, 'default initialization'),
        ...network2Series(figure.large_weight_initialization, 'validation', 50_000, 'large initialization'),
      ];
    }
    case 'more_data':
      return moreDataSeries(FIGURES.more_data, 'network [784,30,10]');
    case 'more_data_svm':
      return moreDataSeries(FIGURES.more_data_svm, 'SVM');
  }
}

// What a network gets wrong, from an evaluation's predictions: the confusion matrix (rows: true
// class, columns: predicted), per-class recall and precision, the most confused pairs and the
// misclassified examples. Pure functions over labels and predictions.
import type { Predictions } from '../types.js';

/** counts[label][prediction]: how many examples of class `label` were read as `prediction`. */
export type ConfusionMatrix = number[][];

/** The confusion matrix of `count` examples (classes × classes). */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ConfusionMatrix {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < predicted.length; i++) {
    const row = matrix[labels[i]!];
    const column = predicted[i]!;
    if (row && column < classes) row[column]!++;
  }
  return matrix;
}

export interface ClassScore {
  digit: number;
  /** Examples of this class. */
  count: number;
  /** Of them, read right. */
  correct: number;
  /** Examples read as this class, right or wrong. */
  predicted: number;
  /** correct / count: the class's accuracy (NaN when it has no examples). */
  recall: number;
  /** correct / predicted: how often a reading of this class is right (NaN when never predicted). */
  precision: number;
}

/** Recall and precision of every class. */
export function perDigit(matrix: ConfusionMatrix): ClassScore[] {
  return matrix.map((row, digit) => {
    const count = row.reduce((sum, n) => sum + n, 0);
    const correct = row[digit] ?? 0;
    const predicted = matrix.reduce((sum, r) => sum + (r[digit] ?? 0), 0);
    return {
      digit,
      count,
      correct,
      predicted,
      recall: count > 0 ? correct / count : Number.NaN,
      precision: predicted > 0 ? correct / predicted : Number.NaN,
    };
  });
}

/** Correct examples: the diagonal's sum. */
export function correctCount(matrix: ConfusionMatrix): number {
  return matrix.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
}

export interface ConfusedPair {
  label: number;
  prediction: number;
  count: number;
}

/** The off-diagonal cells with counts, largest first (ties: by label, then prediction), at most `limit`. */
export function mostConfused(matrix: ConfusionMatrix, limit = Infinity): ConfusedPair[] {
  const pairs: ConfusedPair[] = [];
  matrix.forEach((row, label) =>
    row.forEach((count, prediction) => {
      if (prediction !== label && count > 0) pairs.push({ label, prediction, count });
    }),
  );
  pairs.sort((a, b) => b.count - a.count || a.label - b.label || a.prediction - b.prediction);
  return pairs.slice(0, limit);
}

export interface Misclassified {
  /** Index of the example in the evaluated set. */
  index: number;
  label: number;
  prediction: number;
  /** The predicted class's output activation. */
  confidence: number;
}

/** 'confidence': surest mistakes first; 'digit': by true digit, the surest first within each. */
export const MISCLASSIFIED_ORDERS = ['confidence', 'digit'] as const;
export type MisclassifiedOrder = (typeof MISCLASSIFIED_ORDERS)[number];

/** The examples read wrong, in `order` (ties by index). */
export function misclassified(
  labels: ArrayLike<number>,
  predictions: Predictions,
  order: MisclassifiedOrder = 'confidence',
): Misclassified[] {
  const wrong: Misclassified[] = [];
  const { predicted, confidence } = predictions;
  for (let index = 0; index < predicted.length; index++) {
    const label = labels[index]!;
    if (predicted[index] !== label) {
      wrong.push({ index, label, prediction: predicted[index]!, confidence: confidence[index]! });
    }
  }
  const byConfidence = (a: Misclassified, b: Misclassified) => b.confidence - a.confidence || a.index - b.index;
  wrong.sort(order === 'digit' ? (a, b) => a.label - b.label || byConfidence(a, b) : byConfidence);
  return wrong;
}

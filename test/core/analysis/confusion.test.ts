import { describe, expect, it } from 'vitest';
import { confusionMatrix, correctCount, misclassified, mostConfused, perDigit } from '../../../src/core/analysis/confusion.js';
import { makeConfig } from '../../../src/core/config.js';
import { makePredictions } from '../../../src/core/predictions.js';
import { Trainer } from '../../../src/core/trainer.js';
import type { Predictions } from '../../../src/core/types.js';
import { loadDatasets } from '../../../src/data/load.js';

/** Predictions of given classes and confidences (outputs not kept). */
function predictionsOf(predicted: number[], confidence: number[]): Predictions {
  const p = makePredictions(predicted.length, 10, { outputs: false });
  p.predicted.set(predicted);
  p.confidence.set(confidence);
  return p;
}

describe('the confusion matrix of a trained network', () => {
  it("sums to the set's size, and its diagonal is evaluate's correct count", async () => {
    const data = loadDatasets({ trainingSize: 1000, validationSize: 1000 });
    const trainer = new Trainer(makeConfig({ sizes: [784, 20, 10], epochs: 2, seed: 5 }), {
      training: data.training,
      validation: data.validation,
    });
    await trainer.run();
    const { correct, total, predictions } = trainer.evaluate(data.test, false, { outputs: false });
    const matrix = confusionMatrix(data.test.labels, predictions!.predicted, 10);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(total);
    expect(correctCount(matrix)).toBe(correct);
    expect(correct).toBeGreaterThan(5000); // trained: the diagonal dominates
    // Rows are true digits: each row sums to that digit's count in the set.
    for (let digit = 0; digit < 10; digit++) {
      const count = data.test.labels.filter((label) => label === digit).length;
      expect(matrix[digit]!.reduce((a, b) => a + b, 0)).toBe(count);
    }
    const scores = perDigit(matrix);
    expect(scores.reduce((sum, s) => sum + s.correct, 0)).toBe(correct);
    expect(misclassified(data.test.labels, predictions!)).toHaveLength(total - correct);
  });
});

describe('on a hand-made set', () => {
  // Labels:     4 4 4 4 9 9 7 1
  // Predicted:  4 9 9 4 9 4 1 1
  const labels = [4, 4, 4, 4, 9, 9, 7, 1];
  const predictions = predictionsOf([4, 9, 9, 4, 9, 4, 1, 1], [0.9, 0.6, 0.8, 0.7, 0.95, 0.5, 0.99, 0.4]);
  const matrix = confusionMatrix(labels, predictions.predicted, 10);

  it('rows are true digits, columns predictions', () => {
    expect(matrix[4]![9]).toBe(2);
    expect(matrix[9]![4]).toBe(1);
    expect(matrix[4]![4]).toBe(2);
    expect(matrix[7]![1]).toBe(1);
  });

  it('recall and precision per digit (NaN where undefined)', () => {
    const scores = perDigit(matrix);
    expect(scores[4]).toEqual({ digit: 4, count: 4, correct: 2, predicted: 3, recall: 0.5, precision: 2 / 3 });
    expect(scores[1]).toMatchObject({ count: 1, predicted: 2, recall: 1, precision: 0.5 });
    expect(scores[7]!.precision).toBeNaN(); // never predicted
    expect(scores[0]!.recall).toBeNaN(); // no zeros in the set
  });

  it('the most confused pairs, largest first, ties by label', () => {
    expect(mostConfused(matrix)).toEqual([
      { label: 4, prediction: 9, count: 2 },
      { label: 7, prediction: 1, count: 1 },
      { label: 9, prediction: 4, count: 1 },
    ]);
    expect(mostConfused(matrix, 1)).toHaveLength(1);
  });

  it('misclassified examples by confidence or by digit', () => {
    expect(misclassified(labels, predictions).map((m) => m.index)).toEqual([6, 2, 1, 5]);
    expect(misclassified(labels, predictions, 'digit').map((m) => m.index)).toEqual([2, 1, 6, 5]);
    expect(misclassified(labels, predictions)[0]).toEqual({
      index: 6,
      label: 7,
      prediction: 1,
      confidence: expect.closeTo(0.99, 6),
    });
  });
});

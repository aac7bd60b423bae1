import { describe, expect, it } from 'vitest';
import { BOOK_FIGURE_NAMES, bookCurves, bookFigure, MORE_DATA_SIZES } from '../../src/data/bookFigures.js';

function curve(name: Parameters<typeof bookCurves>[0], metric: string, label?: string) {
  const found = bookCurves(name).find((c) => c.metric === metric && (label === undefined || c.label.startsWith(label)));
  if (!found) throw new Error(`no ${metric} curve in ${name}`);
  return found;
}

describe('bookFigure', () => {
  it('has the raw network2 lists', () => {
    const overfitting = bookFigure('overfitting');
    expect(overfitting.map((list) => list.length)).toEqual([400, 400, 400, 400]);
    expect(Math.max(...overfitting[1])).toBe(8227);
    expect(Object.isFrozen(overfitting[1])).toBe(true);
    expect(bookFigure('more_data')).toHaveLength(9);
    expect(bookFigure('weight_initialization_100').default_weight_initialization[1]).toHaveLength(30);
  });

  it('knows all nine figures', () => {
    expect(BOOK_FIGURE_NAMES).toHaveLength(9);
    for (const name of BOOK_FIGURE_NAMES) expect(bookCurves(name).length).toBeGreaterThan(0);
  });
});

describe('bookCurves', () => {
  it('overfitting peaks at 82.27% test accuracy and reaches 100% training accuracy', () => {
    const test = curve('overfitting', 'testAccuracy');
    expect(test.values).toHaveLength(400);
    expect(Math.max(...test.values)).toBe(0.8227);
    expect(Math.max(...curve('overfitting', 'trainingAccuracy').values)).toBe(1);
    expect(test.x[0]).toBe(1);
    expect(test.x[399]).toBe(400);
  });

  it('regularized peaks at 87.1% at epoch 384', () => {
    const test = curve('regularized', 'testAccuracy');
    const peak = Math.max(...test.values);
    expect(peak).toBe(0.871);
    expect(test.x[test.values.indexOf(peak)]).toBe(384);
  });

  it('full-set runs convert training accuracy out of 50,000', () => {
    expect(Math.max(...curve('overfitting_full', 'trainingAccuracy').values)).toBeCloseTo(48932 / 50000, 12);
    expect(Math.max(...curve('regularized_full', 'testAccuracy').values)).toBeCloseTo(0.9649, 12);
  });

  it('multiple_eta has three training-cost series of 30 values', () => {
    const curves = bookCurves('multiple_eta');
    expect(curves).toHaveLength(3);
    expect(curves.map((c) => c.label)).toEqual(['η = 0.025: training cost', 'η = 0.25: training cost', 'η = 2.5: training cost']);
    for (const c of curves) {
      expect(c.metric).toBe('trainingCost');
      expect(c.values).toHaveLength(30);
    }
    expect(curves[0]!.values[0]).toBeCloseTo(0.8781, 4);
  });

  it('weight initialization is validation accuracy, default vs large', () => {
    expect(Math.max(...curve('weight_initialization_100', 'validationAccuracy', 'default').values)).toBe(0.9781);
    expect(Math.max(...curve('weight_initialization_100', 'validationAccuracy', 'large').values)).toBe(0.9755);
  });

  it('more_data is against training-set size, as fractions', () => {
    const network = curve('more_data', 'validationAccuracy');
    expect(network.xAxis).toBe('trainingSize');
    expect(network.x).toEqual([...MORE_DATA_SIZES]);
    expect(network.values[8]).toBeCloseTo(0.9597, 12);
    expect(curve('more_data_svm', 'validationAccuracy').values[0]).toBeCloseTo(0.2507, 12);
  });

  it('returns fresh arrays the caller may modify', () => {
    curve('overfitting', 'testAccuracy').values[0] = 99;
    expect(curve('overfitting', 'testAccuracy').values[0]).toBeLessThan(1);
  });
});

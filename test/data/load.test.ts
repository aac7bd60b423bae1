import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/errors.js';
import { loadDatasets } from '../../src/data/load.js';
import { embeddedMnistDir } from '../../src/data/mnist.js';

describe('loadDatasets', () => {
  it('defaults to the embedded set and the book split', () => {
    const data = loadDatasets();
    console.log(`loadDatasets (defaults): ${data.loadSeconds.toFixed(3)} s`);
    expect(data.source).toBe(embeddedMnistDir());
    expect([data.training.count, data.validation.count, data.test.count]).toEqual([50_000, 10_000, 10_000]);
    expect(data.loadSeconds).toBeGreaterThan(0);
  });

  it('expands only the training part, after taking the subset', () => {
    const plain = loadDatasets({ trainingSize: 1000, validationSize: 100 });
    const data = loadDatasets({ trainingSize: 1000, validationSize: 100, expand: true, rotationsDegrees: [-5, 5] });
    expect(data.training.count).toBe(7000);
    expect(data.validation.count).toBe(100);
    expect(data.test.count).toBe(10_000);
    // Original image i sits at 7i, followed by its copies with the same label.
    expect(Array.from(data.training.labels.subarray(7 * 999, 7 * 1000))).toEqual(new Array(7).fill(plain.training.labels[999]));
    expect(
      Buffer.compare(
        data.training.pixels.subarray(7 * 784 * 3, 7 * 784 * 3 + 784),
        plain.training.pixels.subarray(784 * 3, 784 * 4),
      ),
    ).toBe(0);
  });

  it('refuses rotations without expansion', () => {
    expect(() => loadDatasets({ rotationsDegrees: [10] })).toThrow(DataError);
  });
});

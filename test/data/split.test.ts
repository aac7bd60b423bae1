import { beforeAll, describe, expect, it } from 'vitest';
import type { Examples } from '../../src/core/types.js';
import { DataError } from '../../src/data/errors.js';
import { loadMnist, type MnistSets } from '../../src/data/mnist.js';
import { SplitSizeError, bookSplit, subset } from '../../src/data/split.js';

function tiny(count: number, inputSize = 4): Examples {
  return {
    count,
    inputSize,
    pixels: Uint8Array.from({ length: count * inputSize }, (_, k) => k % 256),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  };
}

describe('subset', () => {
  it('returns zero-copy views of the chosen range', () => {
    const examples = tiny(10);
    const part = subset(examples, 2, 5);
    expect(part.count).toBe(3);
    expect(Array.from(part.pixels)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(Array.from(part.labels)).toEqual([2, 3, 4]);
    expect(part.pixels.buffer).toBe(examples.pixels.buffer);
    examples.pixels[8] = 200;
    expect(part.pixels[0]).toBe(200);
  });

  it('rejects out-of-range bounds with a DataError', () => {
    expect(() => subset(tiny(10), 5, 11)).toThrow(DataError);
    expect(() => subset(tiny(10), 6, 5)).toThrow('(split): subset 6..5 out of range');
    expect(() => subset(tiny(10), 0.5, 2)).toThrow(DataError);
  });
});

describe('bookSplit on the embedded set', () => {
  let raw: MnistSets;
  beforeAll(() => {
    raw = loadMnist();
  });

  it('is 50,000 / 10,000 / 10,000', () => {
    const { training, validation, test } = bookSplit(raw);
    expect([training.count, validation.count, test.count]).toEqual([50_000, 10_000, 10_000]);
    expect(training.pixels.length).toBe(50_000 * 784);
    expect(validation.labels.length).toBe(10_000);
    expect(test).toBe(raw.test);
  });

  it('starts validation at training image 50,000', () => {
    const { training, validation } = bookSplit(raw);
    const image50000 = raw.train.pixels.subarray(50_000 * 784, 50_001 * 784);
    expect(Buffer.compare(validation.pixels.subarray(0, 784), image50000)).toBe(0);
    expect(validation.labels[0]).toBe(raw.train.labels[50_000]);
    expect(Buffer.compare(validation.pixels.subarray(-784), raw.train.pixels.subarray(-784))).toBe(0);
    expect(Buffer.compare(training.pixels.subarray(-784), raw.train.pixels.subarray(49_999 * 784, 50_000 * 784))).toBe(0);
  });

  it('takes the first trainingSize / validationSize images', () => {
    const { training, validation } = bookSplit(raw, { trainingSize: 1000, validationSize: 500 });
    expect(training.count).toBe(1000);
    expect(training.pixels.length).toBe(1000 * 784);
    expect(Array.from(training.labels.subarray(0, 5))).toEqual(Array.from(raw.train.labels.subarray(0, 5)));
    expect(validation.count).toBe(500);
    expect(validation.labels[499]).toBe(raw.train.labels[50_499]);
  });

  it('rejects sizes out of range', () => {
    expect(() => bookSplit(raw, { trainingSize: 0 })).toThrow(
      '(split): trainingSize 0 out of range; expected an integer 1..50000',
    );
    expect(() => bookSplit(raw, { trainingSize: 50_001 })).toThrow(DataError);
    expect(() => bookSplit(raw, { validationSize: 10_001 })).toThrow(DataError);
  });

  it('says which option, the value and the range as data, for callers to word', () => {
    const fields = (options: Parameters<typeof bookSplit>[1]) => {
      try {
        bookSplit(raw, options);
      } catch (error) {
        expect(error).toBeInstanceOf(SplitSizeError);
        const { option, value, min, max } = error as SplitSizeError;
        return { option, value, min, max };
      }
      throw new Error('expected a SplitSizeError');
    };
    expect(fields({ trainingSize: 50_001 })).toEqual({ option: 'trainingSize', value: 50_001, min: 1, max: 50_000 });
    expect(fields({ validationSize: 10_001 })).toEqual({ option: 'validationSize', value: 10_001, min: 1, max: 10_000 });
  });
});

describe('bookSplit on a small folder', () => {
  it('splits proportionally: validation is the last sixth', () => {
    const raw = { train: tiny(12), test: tiny(4) };
    const { training, validation } = bookSplit(raw);
    expect(training.count).toBe(10);
    expect(validation.count).toBe(2);
    expect(Array.from(validation.labels)).toEqual([0, 1]); // images 10 and 11
  });

  it('rejects an empty training set', () => {
    expect(() => bookSplit({ train: tiny(0), test: tiny(1) })).toThrow(DataError);
  });
});

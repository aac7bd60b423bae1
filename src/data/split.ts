// The book's training / validation / test split, as zero-copy views.

import type { Examples } from '../core/types.js';
import { DataError } from './errors.js';

const SPLIT = '(split)';

export interface BookSplit {
  training: Examples;
  validation: Examples;
  test: Examples;
}

export interface BookSplitOptions {
  /** Use only the first N training images (e.g. 1,000 for the overfitting experiments). */
  trainingSize?: number;
  /** Use only the first N validation images (quick runs); 0 = no validation set. */
  validationSize?: number;
}

/** Examples `start` (inclusive) to `end` (exclusive); views into the same memory, nothing copied. */
export function subset(examples: Examples, start: number, end: number): Examples {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > examples.count) {
    throw new DataError(SPLIT, `subset ${start}..${end} out of range; expected integers 0 ≤ start ≤ end ≤ ${examples.count}`);
  }
  const { inputSize } = examples;
  return {
    count: end - start,
    inputSize,
    pixels: examples.pixels.subarray(start * inputSize, end * inputSize),
    labels: examples.labels.subarray(start, end),
  };
}

/** A subset size the data cannot give; `option`, `min` and `max` let a caller name it in its own words. */
export class SplitSizeError extends DataError {
  constructor(
    readonly option: keyof BookSplitOptions,
    readonly value: number,
    readonly min: number,
    readonly max: number,
  ) {
    super(SPLIT, `${option} ${value} out of range; expected an integer ${min}..${max}`);
  }
}

function checkSize(option: keyof BookSplitOptions, value: number, min: number, available: number): void {
  if (!Number.isInteger(value) || value < min || value > available) throw new SplitSizeError(option, value, min, available);
}

/**
 * The book's split: training = first 50,000 training images, validation = last 10,000, test = the
 * test set. It is computed as validation = the last round(count / 6) training images, which is the
 * book's 50,000 / 10,000 for the standard 60,000 and splits smaller custom folders proportionally.
 */
export function bookSplit(raw: { train: Examples; test: Examples }, options: BookSplitOptions = {}): BookSplit {
  const validationStart = raw.train.count - Math.round(raw.train.count / 6);
  if (validationStart < 1) {
    throw new DataError(SPLIT, `${raw.train.count} training images leave none for training; expected at least 1`);
  }
  const validationAvailable = raw.train.count - validationStart;

  const trainingSize = options.trainingSize ?? validationStart;
  checkSize('trainingSize', trainingSize, 1, validationStart);
  const validationSize = options.validationSize ?? validationAvailable;
  checkSize('validationSize', validationSize, 1, validationAvailable);

  return {
    training: subset(raw.train, 0, trainingSize),
    validation: subset(raw.train, validationStart, validationStart + validationSize),
    test: raw.test,
  };
}

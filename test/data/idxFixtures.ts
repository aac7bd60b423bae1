// Hand-made IDX buffers and temp folders for the data-layer tests.
import { expect } from 'vitest';
import { DataError } from '../../src/data/errors.js';

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

function header(magic: number, dims: number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return bytes;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** An IDX images file; pixel j of image i is (i * 7 + j) mod 256 unless `pixels` is given. */
export function idxImages(count: number, rows: number, cols: number, pixels?: Uint8Array): Uint8Array {
  const data =
    pixels ??
    Uint8Array.from({ length: count * rows * cols }, (_, k) => {
      const i = Math.floor(k / (rows * cols));
      return (i * 7 + (k % (rows * cols))) % 256;
    });
  return concat(header(2051, [count, rows, cols]), data);
}

export function idxLabels(labels: number[]): Uint8Array {
  return concat(header(2049, [labels.length]), Uint8Array.from(labels));
}

export interface TempDir {
  path: string;
  write(name: string, bytes: Uint8Array, gzip?: boolean): string;
  remove(): void;
}

export function makeTempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'netdash-data-test-'));
  return {
    path,
    write(name, bytes, gzip = false) {
      const file = join(path, name);
      writeFileSync(file, gzip ? gzipSync(bytes) : bytes);
      return file;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Writes a complete tiny MNIST-format folder: `trainCount` / `testCount` images of side×side. */
export function writeTinyMnist(dir: TempDir, trainCount = 12, testCount = 4, side = 28, gzip = false): void {
  const suffix = gzip ? '.gz' : '';
  const labels = (n: number) => Array.from({ length: n }, (_, i) => i % 10);
  dir.write(`train-images-idx3-ubyte${suffix}`, idxImages(trainCount, side, side), gzip);
  dir.write(`train-labels-idx1-ubyte${suffix}`, idxLabels(labels(trainCount)), gzip);
  dir.write(`t10k-images-idx3-ubyte${suffix}`, idxImages(testCount, side, side), gzip);
  dir.write(`t10k-labels-idx1-ubyte${suffix}`, idxLabels(labels(testCount)), gzip);
}

/** Runs fn and returns the DataError it throws; fails the test when it throws nothing or something else. */
export function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError, nothing was thrown');
}

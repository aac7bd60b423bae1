// Preparing a digit as MNIST's were made: synthetic digits shifted, scaled, inverted, on a big
// canvas, and on noisy paper, land where MNIST would have them.
import { beforeAll, describe, expect, it } from 'vitest';
import { centreOfMass, shapeLikeMnist, type InkImage } from '../../src/data/digitShaping.js';
import type { GreyImage } from '../../src/data/images.js';
import { loadDatasets } from '../../src/data/load.js';
import { Rng } from '../../src/core/rng.js';

let digits: Uint8Array[];
beforeAll(() => {
  const { test } = loadDatasets({ trainingSize: 100, validationSize: 100 });
  digits = [0, 2, 4, 11].map((i) => test.pixels.slice(i * 784, (i + 1) * 784));
});

/** An MNIST digit (ink 255) as a picture: scaled `k`× (nearest), at (left, top) on a width × height canvas. */
function picture(
  digit: Uint8Array,
  o: { k: number; left: number; top: number; width: number; height: number; dark: boolean },
): GreyImage {
  const grey = new Float32Array(o.width * o.height).fill(o.dark ? 255 : 0);
  for (let y = 0; y < 28 * o.k; y++) {
    for (let x = 0; x < 28 * o.k; x++) {
      const ink = digit[Math.floor(y / o.k) * 28 + Math.floor(x / o.k)]!;
      grey[(o.top + y) * o.width + o.left + x] = o.dark ? 255 - ink : ink;
    }
  }
  return { width: o.width, height: o.height, grey };
}

const asInk = (pixels: Uint8Array): InkImage => ({ width: 28, height: 28, ink: Float32Array.from(pixels, (v) => v / 255) });

function inkBox(pixels: Uint8Array): { width: number; height: number } {
  let [left, right, top, bottom] = [28, -1, 28, -1];
  pixels.forEach((v, i) => {
    if (v === 0) return;
    [left, right, top, bottom] = [
      Math.min(left, i % 28),
      Math.max(right, i % 28),
      Math.min(top, i / 28),
      Math.max(bottom, i / 28),
    ];
  });
  return { width: right - left + 1, height: Math.floor(bottom) - Math.floor(top) + 1 };
}

function largestDifference(a: Uint8Array, b: Uint8Array): number {
  return a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);
}

/** Pearson correlation of two images. */
function correlation(a: Uint8Array, b: Uint8Array): number {
  const mean = (v: Uint8Array) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** The best correlation of a with b moved by up to one pixel (a centre of mass near x.5 may round either way). */
function nearlyAligned(a: Uint8Array, b: Uint8Array): number {
  let best = -1;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const moved = new Uint8Array(784);
      for (let y = 0; y < 28; y++) {
        for (let x = 0; x < 28; x++) {
          const [sx, sy] = [x - dx, y - dy];
          if (sx >= 0 && sy >= 0 && sx < 28 && sy < 28) moved[y * 28 + x] = b[sy * 28 + sx]!;
        }
      }
      best = Math.max(best, correlation(a, moved));
    }
  }
  return best;
}

describe('shapeLikeMnist', () => {
  it("leaves MNIST's own digits where they are: fitted to 20 pixels, centre of mass at (14, 14)", () => {
    for (const digit of digits) {
      const shaped = shapeLikeMnist(picture(digit, { k: 1, left: 0, top: 0, width: 28, height: 28, dark: false }))!;
      expect(shaped.polarity).toBe('light-on-dark');
      const box = inkBox(shaped.pixels);
      expect(Math.max(box.width, box.height)).toBe(20);
      const centre = centreOfMass(asInk(shaped.pixels));
      expect(Math.abs(centre.x - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(centre.y - 14)).toBeLessThanOrEqual(0.5);
      expect(correlation(shaped.pixels, digit)).toBeGreaterThan(0.9);
    }
  });

  it('shifted, scaled, inverted and on a big canvas: the same 28 × 28 image', () => {
    const variants = [
      { k: 1, left: 37, top: 5, width: 90, height: 60, dark: false }, // shifted on a larger field
      { k: 3, left: 0, top: 0, width: 84, height: 84, dark: false }, // scaled up
      { k: 1, left: 0, top: 0, width: 28, height: 28, dark: true }, // dark ink on white paper
      { k: 7, left: 201, top: 33, width: 640, height: 480, dark: true }, // all of it
    ];
    for (const digit of digits) {
      const reference = shapeLikeMnist(picture(digit, { k: 1, left: 0, top: 0, width: 28, height: 28, dark: false }))!.pixels;
      for (const variant of variants) {
        const shaped = shapeLikeMnist(picture(digit, variant))!;
        expect(shaped.polarity).toBe(variant.dark ? 'dark-on-light' : 'light-on-dark');
        expect(largestDifference(shaped.pixels, reference)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('a photo-like picture (uneven grey paper, noise, specks of dust) comes out like the clean digit', () => {
    const rng = new Rng(9);
    for (const digit of digits) {
      const clean = shapeLikeMnist(picture(digit, { k: 1, left: 0, top: 0, width: 28, height: 28, dark: false }))!.pixels;
      const width = 400;
      const height = 300;
      const drawn = picture(digit, { k: 9, left: 130, top: 20, width, height, dark: true });
      const grey = drawn.grey.map((v, i) => {
        const paper = 170 + (40 * (i % width)) / width + 16 * (rng.next() - 0.5); // light from the right, grain
        return paper - ((255 - v) / 255) * (paper - 50); // ink 50 where the digit is full
      });
      for (const [x, y] of [
        [20, 250],
        [380, 10],
      ]) {
        for (let d = 0; d < 4; d++) grey[(y! + (d >> 1)) * width + x! + (d & 1)] = 40; // 2 × 2 specks
      }
      const shaped = shapeLikeMnist({ width, height, grey })!;
      expect(shaped.polarity).toBe('dark-on-light');
      const box = inkBox(shaped.pixels);
      expect(Math.max(box.width, box.height)).toBe(20);
      const centre = centreOfMass(asInk(shaped.pixels));
      expect(Math.hypot(centre.x - 14, centre.y - 14)).toBeLessThanOrEqual(0.75);
      expect(nearlyAligned(shaped.pixels, clean)).toBeGreaterThan(0.95);
    }
  });

  it('a wide or tall stroke keeps its aspect ratio', () => {
    const grey = new Float32Array(200 * 100).fill(255);
    for (let y = 40; y < 50; y++) for (let x = 20; x < 180; x++) grey[y * 200 + x] = 0; // 160 × 10 bar
    const box = inkBox(shapeLikeMnist({ width: 200, height: 100, grey })!.pixels);
    expect(box).toEqual({ width: 20, height: expect.any(Number) });
    expect(box.height).toBeLessThanOrEqual(2);
  });

  it('a blank page has no digit', () => {
    expect(shapeLikeMnist({ width: 50, height: 40, grey: new Float32Array(2000).fill(230) })).toBeUndefined();
    const faint = Float32Array.from({ length: 2000 }, (_, i) => 230 - (i % 7)); // grain, no ink
    expect(shapeLikeMnist({ width: 50, height: 40, grey: faint })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Examples } from '../../src/core/types.js';
import { DataError } from '../../src/data/errors.js';
import { expandByShifts } from '../../src/data/expand.js';

const SIDE = 28;
const SIZE = SIDE * SIDE;

/** Images each with one lit pixel at (x, y) of the given value. */
function litImages(points: { x: number; y: number; value?: number; label: number }[]): Examples {
  const pixels = new Uint8Array(points.length * SIZE);
  points.forEach(({ x, y, value }, i) => {
    pixels[i * SIZE + y * SIDE + x] = value ?? 255;
  });
  return { count: points.length, inputSize: SIZE, pixels, labels: Uint8Array.from(points.map((p) => p.label)) };
}

/** Every non-zero pixel of image `index` as [x, y, value]. */
function litPixels(examples: Examples, index: number): [number, number, number][] {
  const lit: [number, number, number][] = [];
  const image = examples.pixels.subarray(index * SIZE, (index + 1) * SIZE);
  image.forEach((value, k) => {
    if (value !== 0) lit.push([k % SIDE, Math.floor(k / SIDE), value]);
  });
  return lit;
}

describe('expandByShifts', () => {
  it('appends the four one-pixel shifts after each original', () => {
    const expanded = expandByShifts(litImages([{ x: 10, y: 7, value: 200, label: 3 }]));
    expect(expanded.count).toBe(5);
    expect(expanded.inputSize).toBe(SIZE);
    expect(litPixels(expanded, 0)).toEqual([[10, 7, 200]]); // original
    expect(litPixels(expanded, 1)).toEqual([[10, 6, 200]]); // up
    expect(litPixels(expanded, 2)).toEqual([[10, 8, 200]]); // down
    expect(litPixels(expanded, 3)).toEqual([[9, 7, 200]]); // left
    expect(litPixels(expanded, 4)).toEqual([[11, 7, 200]]); // right
    expect(Array.from(expanded.labels)).toEqual([3, 3, 3, 3, 3]);
  });

  it('drops a border pixel shifted out and fills edges with zeros (no wrap-around)', () => {
    // Lit at the right edge of row 5: shifting left keeps it, shifting right must not wrap it
    // into row 6 column 0.
    const right = expandByShifts(litImages([{ x: 27, y: 5, label: 1 }]));
    expect(litPixels(right, 3)).toEqual([[26, 5, 255]]);
    expect(litPixels(right, 4)).toEqual([]);
    // Lit at the left edge: shifting left must not wrap it into row 4 column 27.
    const left = expandByShifts(litImages([{ x: 0, y: 5, label: 1 }]));
    expect(litPixels(left, 3)).toEqual([]);
    expect(litPixels(left, 4)).toEqual([[1, 5, 255]]);
    const top = expandByShifts(litImages([{ x: 4, y: 0, label: 1 }]));
    expect(litPixels(top, 1)).toEqual([]);
    expect(litPixels(top, 2)).toEqual([[4, 1, 255]]);
    const bottom = expandByShifts(litImages([{ x: 4, y: 27, label: 1 }]));
    expect(litPixels(bottom, 1)).toEqual([[4, 26, 255]]);
    expect(litPixels(bottom, 2)).toEqual([]);
  });

  it('multiplies the count by five and repeats labels in order', () => {
    const source = litImages([
      { x: 1, y: 1, label: 7 },
      { x: 2, y: 2, label: 0 },
      { x: 3, y: 3, label: 9 },
    ]);
    const expanded = expandByShifts(source);
    expect(expanded.count).toBe(15);
    expect(expanded.pixels.length).toBe(15 * SIZE);
    expect(Array.from(expanded.labels)).toEqual([7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 9, 9, 9, 9, 9]);
    expect(litPixels(expanded, 5)).toEqual([[2, 2, 255]]); // second original
    expect(litPixels(expanded, 14)).toEqual([[4, 3, 255]]); // third, shifted right
  });

  it('adds one rotated copy per angle; 0° is the identity', () => {
    const source: Examples = {
      count: 1,
      inputSize: SIZE,
      pixels: Uint8Array.from({ length: SIZE }, (_, k) => (k * 37) % 256),
      labels: Uint8Array.of(4),
    };
    const expanded = expandByShifts(source, { rotationsDegrees: [0, 12] });
    expect(expanded.count).toBe(7);
    expect(Array.from(expanded.labels)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(Array.from(expanded.pixels.subarray(5 * SIZE, 6 * SIZE))).toEqual(Array.from(source.pixels));
    expect(Array.from(expanded.pixels.subarray(6 * SIZE, 7 * SIZE))).not.toEqual(Array.from(source.pixels));
  });

  it('rotates counter-clockwise on screen about the centre, zero-filling', () => {
    // About centre (13.5, 13.5), 90° maps (20, 10) to (10, 7) exactly.
    const expanded = expandByShifts(litImages([{ x: 20, y: 10, label: 2 }]), { rotationsDegrees: [90, -90] });
    expect(litPixels(expanded, 5)).toEqual([[10, 7, 255]]);
    expect(litPixels(expanded, 6)).toEqual([[17, 20, 255]]);
  });

  it('keeps a small rotation of a centred blob near the centre with its mass', () => {
    const pixels = new Uint8Array(SIZE);
    for (let y = 12; y < 16; y++) for (let x = 12; x < 16; x++) pixels[y * SIDE + x] = 100;
    const expanded = expandByShifts({ count: 1, inputSize: SIZE, pixels, labels: Uint8Array.of(0) }, { rotationsDegrees: [10] });
    const rotated = litPixels(expanded, 5);
    const mass = rotated.reduce((sum, [, , v]) => sum + v, 0);
    expect(Math.abs(mass - 1600) / 1600).toBeLessThan(0.05);
    for (const [x, y] of rotated) {
      expect(Math.hypot(x - 13.5, y - 13.5)).toBeLessThan(3.5);
    }
  });

  it('rejects non-square images and non-numeric angles', () => {
    const notSquare: Examples = { count: 1, inputSize: 30, pixels: new Uint8Array(30), labels: Uint8Array.of(0) };
    expect(() => expandByShifts(notSquare)).toThrow(DataError);
    expect(() => expandByShifts(litImages([{ x: 1, y: 1, label: 0 }]), { rotationsDegrees: [Number.NaN] })).toThrow(DataError);
  });
});

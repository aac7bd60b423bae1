// Artificial expansion of the training data (chapter 3, "Artificially expanding the training data"):
// each image plus copies shifted by one pixel, and optionally slightly rotated copies.

import type { Examples } from '../core/types.js';
import { DataError } from './errors.js';

const EXPAND = '(expand)';
/** Copies per original without rotations: itself, up, down, left, right. */
const SHIFT_VARIANTS = 5;

export interface ExpandOptions {
  /** Extra rotated copies, one per angle; degrees, positive = counter-clockwise on screen. */
  rotationsDegrees?: number[];
}

/**
 * Bilinear sampling table for one rotation about the image centre. For each output pixel that
 * sees any of the source image: its index, four source indices and four weights summing to 2^16.
 */
interface RotationTable {
  outputs: Int32Array;
  sources: Int32Array;
  weights: Int32Array;
}

function rotationTable(side: number, degrees: number): RotationTable {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const centre = (side - 1) / 2;
  const outputs: number[] = [];
  const sources: number[] = [];
  const weights: number[] = [];
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const dx = x - centre;
      const dy = y - centre;
      // Inverse mapping: where in the source this output pixel comes from (y grows downwards).
      const sx = centre + dx * cos - dy * sin;
      const sy = centre + dx * sin + dy * cos;
      let x0 = Math.floor(sx);
      let y0 = Math.floor(sy);
      // Weights in 1/256ths; rounding also absorbs cos(90°) ≈ 6e-17 so right angles stay exact.
      let wx = Math.round((sx - x0) * 256);
      let wy = Math.round((sy - y0) * 256);
      if (wx === 256) {
        x0 += 1;
        wx = 0;
      }
      if (wy === 256) {
        y0 += 1;
        wy = 0;
      }
      const corners: [number, number, number][] = [
        [x0, y0, (256 - wx) * (256 - wy)],
        [x0 + 1, y0, wx * (256 - wy)],
        [x0, y0 + 1, (256 - wx) * wy],
        [x0 + 1, y0 + 1, wx * wy],
      ];
      let seen = false;
      const cornerSources: number[] = [];
      const cornerWeights: number[] = [];
      for (const [cx, cy, weight] of corners) {
        const inside = weight > 0 && cx >= 0 && cx < side && cy >= 0 && cy < side;
        seen ||= inside;
        // Outside corners read pixel 0 with weight 0: the zero fill.
        cornerSources.push(inside ? cy * side + cx : 0);
        cornerWeights.push(inside ? weight : 0);
      }
      if (!seen) continue;
      outputs.push(y * side + x);
      sources.push(...cornerSources);
      weights.push(...cornerWeights);
    }
  }
  return { outputs: Int32Array.from(outputs), sources: Int32Array.from(sources), weights: Int32Array.from(weights) };
}

function rotateInto(out: Uint8Array, dst: number, pixels: Uint8Array, src: number, table: RotationTable): void {
  const { outputs, sources, weights } = table;
  for (let k = 0, j = 0; k < outputs.length; k++, j += 4) {
    const sum =
      weights[j]! * pixels[src + sources[j]!]! +
      weights[j + 1]! * pixels[src + sources[j + 1]!]! +
      weights[j + 2]! * pixels[src + sources[j + 2]!]! +
      weights[j + 3]! * pixels[src + sources[j + 3]!]!;
    out[dst + outputs[k]!] = (sum + 32768) >>> 16;
  }
}

/** The side of a square image of `inputSize` pixels; DataError when it is not square. */
export function squareSide(inputSize: number): number {
  const side = Math.round(Math.sqrt(inputSize));
  if (side < 1 || side * side !== inputSize) {
    throw new DataError(EXPAND, `images of ${inputSize} inputs are not square; expected side × side pixels`);
  }
  return side;
}

/**
 * Each original image followed by copies shifted one pixel up, down, left and right (zero-filled
 * edges), then one rotated copy per angle of `rotationsDegrees` (bilinear, about the centre, zero
 * fill). 50,000 images become 250,000 without rotations. Labels are repeated to match.
 */
export function expandByShifts(examples: Examples, options: ExpandOptions = {}): Examples {
  const { count, inputSize: size, pixels, labels } = examples;
  const side = squareSide(size);
  const angles = options.rotationsDegrees ?? [];
  for (const angle of angles) {
    if (!Number.isFinite(angle)) {
      throw new DataError(EXPAND, `rotation ${angle} is not a number of degrees`);
    }
  }
  const tables = angles.map((angle) => rotationTable(side, angle));
  const variants = SHIFT_VARIANTS + tables.length;
  const out = new Uint8Array(count * variants * size); // zeroed: the fill for shifted-in edges
  const outLabels = new Uint8Array(count * variants);

  for (let i = 0; i < count; i++) {
    const src = i * size;
    let dst = i * variants * size;
    out.set(pixels.subarray(src, src + size), dst); // original
    dst += size;
    out.set(pixels.subarray(src + side, src + size), dst); // up: row r takes row r+1
    dst += size;
    out.set(pixels.subarray(src, src + size - side), dst + side); // down: row r+1 takes row r
    dst += size;
    // Left: the whole image moved one byte earlier, then the last column (which wrapped in from
    // the next row) cleared. One memcpy instead of a copy per row.
    out.set(pixels.subarray(src + 1, src + size), dst);
    for (let r = side - 1; r < size; r += side) out[dst + r] = 0;
    dst += size;
    // Right: the same one byte later, first column cleared.
    out.set(pixels.subarray(src, src + size - 1), dst + 1);
    for (let r = 0; r < size; r += side) out[dst + r] = 0;
    dst += size;
    for (const table of tables) {
      rotateInto(out, dst, pixels, src, table);
      dst += size;
    }
    outLabels.fill(labels[i]!, i * variants, (i + 1) * variants);
  }
  return { count: count * variants, inputSize: size, pixels: out, labels: outLabels };
}

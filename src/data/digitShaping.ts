// An image of a handwritten digit prepared as MNIST's digits were made: grey levels with ink as
// high values (dark ink on light paper or the reverse), the paper's noise removed, cropped to the
// ink, scaled to fit 20 × 20 keeping the aspect ratio (area averaging, which makes the grey edges),
// and placed in 28 × 28 so that the centre of mass sits where MNIST's does. Pure functions.
import type { GreyImage } from './images.js';

export const MNIST_SIDE = 28;
/** MNIST's digits fit a 20 × 20 box inside the 28 × 28 field. */
export const DIGIT_BOX = 20;
/** Less contrast than this (of 255) between ink and paper is a blank image. */
const MIN_CONTRAST = 24;
/** Separate blots holding less than this share of the ink (specks of dust) are removed. */
const SPECK_SHARE = 0.02;

/** Ink 0..1 per pixel (1: the darkest stroke), row-major. */
export interface InkImage {
  width: number;
  height: number;
  ink: Float32Array;
}

export type Polarity = 'dark-on-light' | 'light-on-dark';

export interface ShapedDigit {
  /** 28 × 28 bytes, ink 255, as an MNIST image. */
  pixels: Uint8Array;
  polarity: Polarity;
}

/** The digit as MNIST would have it, or undefined when the image holds no ink. */
export function shapeLikeMnist(image: GreyImage): ShapedDigit | undefined {
  const found = inkOf(image);
  if (!found) return undefined;
  const cropped = cropToInk(removeSpecks(found.image, SPECK_SHARE));
  if (!cropped) return undefined;
  const fitted = stretchToFull(fitInBox(cropped, DIGIT_BOX));
  return { pixels: toBytes(placeByCentreOfMass(fitted, MNIST_SIDE)), polarity: found.polarity };
}

/**
 * Ink from grey levels: the paper is the median of the border pixels; the ink is whichever side of
 * it (darker or lighter) deviates more in total. Scaled so the strongest ink is 1, with the paper's
 * own noise (up to the 99th percentile of the border, at most half the ink/paper threshold) cut off.
 */
export function inkOf(image: GreyImage): { image: InkImage; polarity: Polarity } | undefined {
  const { width, height, grey } = image;
  const paper = median(borderValues(image));
  let darker = 0;
  let lighter = 0;
  for (const v of grey) {
    if (v < paper) darker += paper - v;
    else lighter += v - paper;
  }
  const polarity: Polarity = darker >= lighter ? 'dark-on-light' : 'light-on-dark';
  const ink = new Float32Array(grey.length);
  let peak = 0;
  for (let i = 0; i < grey.length; i++) {
    const value = Math.max(0, polarity === 'dark-on-light' ? paper - grey[i]! : grey[i]! - paper);
    ink[i] = value;
    peak = Math.max(peak, value);
  }
  if (peak < MIN_CONTRAST) return undefined;
  for (let i = 0; i < ink.length; i++) ink[i]! /= peak;
  const floor = noiseFloor({ width, height, ink });
  for (let i = 0; i < ink.length; i++) ink[i] = ink[i]! <= floor ? 0 : (ink[i]! - floor) / (1 - floor);
  return { image: { width, height, ink }, polarity };
}

function borderValues({ width, height, grey }: GreyImage): Float32Array {
  const values: number[] = [];
  for (let x = 0; x < width; x++) values.push(grey[x]!, grey[(height - 1) * width + x]!);
  for (let y = 1; y + 1 < height; y++) values.push(grey[y * width]!, grey[y * width + width - 1]!);
  return Float32Array.from(values);
}

function median(values: Float32Array): number {
  const sorted = values.slice().sort();
  return sorted[sorted.length >> 1] ?? 0;
}

/** Otsu's threshold of ink values 0..1 (256 bins): the split that best separates paper from ink. */
export function otsuThreshold(ink: Float32Array): number {
  const bins = new Float64Array(256);
  for (const v of ink) bins[Math.min(255, Math.round(v * 255))]!++;
  let sum = 0;
  for (let b = 0; b < 256; b++) sum += b * bins[b]!;
  let below = 0;
  let belowSum = 0;
  let best = 0;
  let bestVariance = -1;
  for (let b = 0; b < 255; b++) {
    below += bins[b]!;
    belowSum += b * bins[b]!;
    const above = ink.length - below;
    if (below === 0 || above === 0) continue;
    const difference = belowSum / below - (sum - belowSum) / above;
    const variance = below * above * difference * difference;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = b;
    }
  }
  return (best + 0.5) / 255;
}

/** The paper's noise level: the 99th percentile of the ink at the border (paper), at most half of Otsu's threshold. */
function noiseFloor(image: InkImage): number {
  const border = borderValues({ width: image.width, height: image.height, grey: image.ink }).sort();
  const percentile = border[Math.floor(0.99 * (border.length - 1))] ?? 0;
  return Math.min(percentile, otsuThreshold(image.ink) / 2);
}

/**
 * Removes the blots (8-connected groups of inked pixels) that hold less than `share` of all the
 * ink: dust and specks on a photo, not the strokes of a digit.
 */
export function removeSpecks(image: InkImage, share: number): InkImage {
  const { width, height } = image;
  const ink = image.ink.slice();
  const total = ink.reduce((a, b) => a + b, 0);
  const group = new Int32Array(ink.length).fill(-1);
  const stack: number[] = [];
  const members: number[] = [];
  for (let seed = 0; seed < ink.length; seed++) {
    if (ink[seed] === 0 || group[seed] !== -1) continue;
    group[seed] = seed;
    stack.push(seed);
    members.length = 0;
    let mass = 0;
    while (stack.length > 0) {
      const at = stack.pop()!;
      members.push(at);
      mass += ink[at]!;
      const x = at % width;
      const y = (at - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const next = ny * width + nx;
          if (ink[next] !== 0 && group[next] === -1) {
            group[next] = seed;
            stack.push(next);
          }
        }
      }
    }
    if (mass < share * total) for (const at of members) ink[at] = 0;
  }
  return { width, height, ink };
}

/** The ink's bounding box, or undefined when there is no ink. */
export function cropToInk(image: InkImage): InkImage | undefined {
  const { width, height, ink } = image;
  let [left, right, top, bottom] = [width, -1, height, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] === 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return undefined;
  const w = right - left + 1;
  const h = bottom - top + 1;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) out.set(ink.subarray((top + y) * width + left, (top + y) * width + left + w), y * w);
  return { width: w, height: h, ink: out };
}

/** Scaled (area averaging) so the longer side is `box` pixels, keeping the aspect ratio. */
export function fitInBox(image: InkImage, box: number): InkImage {
  const scale = box / Math.max(image.width, image.height);
  const width = Math.max(1, Math.min(box, Math.round(image.width * scale)));
  const height = Math.max(1, Math.min(box, Math.round(image.height * scale)));
  return resize(image, width, height);
}

/** Area-averaging resize: each output pixel is the mean of the input area it covers. */
export function resize(image: InkImage, width: number, height: number): InkImage {
  const across = areaWeights(image.width, width);
  const down = areaWeights(image.height, height);
  const rows = new Float32Array(width * image.height);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (const [i, w] of across[x]!) v += w * image.ink[y * image.width + i]!;
      rows[y * width + x] = v;
    }
  }
  const ink = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (const [i, w] of down[y]!) for (let x = 0; x < width; x++) ink[y * width + x]! += w * rows[i * width + x]!;
  }
  return { width, height, ink };
}

/** For each of `to` output pixels, the input pixels it covers and their weights (summing to 1). */
function areaWeights(from: number, to: number): [number, number][][] {
  const step = from / to;
  return Array.from({ length: to }, (_, j) => {
    const start = j * step;
    const end = (j + 1) * step;
    const weights: [number, number][] = [];
    for (let i = Math.floor(start); i < Math.min(from, Math.ceil(end)); i++) {
      const overlap = Math.min(end, i + 1) - Math.max(start, i);
      if (overlap > 1e-9) weights.push([i, overlap / step]);
    }
    return weights;
  });
}

/** Every MNIST digit's strongest pixel is 255: thin strokes that averaged out faint are brought back up. */
function stretchToFull(image: InkImage): InkImage {
  const peak = image.ink.reduce((a, b) => Math.max(a, b), 0);
  return peak > 0 ? { ...image, ink: image.ink.map((v) => v / peak) } : image;
}

/** The centre of mass (x, y) in pixel indices. */
export function centreOfMass(image: InkImage): { x: number; y: number } {
  let mass = 0;
  let x = 0;
  let y = 0;
  for (let row = 0; row < image.height; row++) {
    for (let column = 0; column < image.width; column++) {
      const v = image.ink[row * image.width + column]!;
      mass += v;
      x += v * column;
      y += v * row;
    }
  }
  return mass > 0 ? { x: x / mass, y: y / mass } : { x: (image.width - 1) / 2, y: (image.height - 1) / 2 };
}

/**
 * The image placed in a side × side field, shifted by whole pixels so that its centre of mass lands
 * on pixel index side/2: where MNIST's are (14.0, 14.0 on average over the test set, every digit within half a pixel).
 */
export function placeByCentreOfMass(image: InkImage, side: number): InkImage {
  const centre = centreOfMass(image);
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const left = clamp(Math.round(side / 2 - centre.x), side - image.width);
  const top = clamp(Math.round(side / 2 - centre.y), side - image.height);
  const ink = new Float32Array(side * side);
  for (let y = 0; y < image.height; y++) {
    ink.set(image.ink.subarray(y * image.width, (y + 1) * image.width), (top + y) * side + left);
  }
  return { width: side, height: side, ink };
}

function toBytes(image: InkImage): Uint8Array {
  return Uint8Array.from(image.ink, (v) => Math.round(Math.max(0, Math.min(1, v)) * 255));
}

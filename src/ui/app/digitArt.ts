// Pictures in text, shared by the command line and the dashboard: a 28 × 28 image as 28 columns ×
// 14 rows of half blocks (▀: the upper pixel in the foreground colour, the lower one in the
// background), grey for an image and a diverging blue/red scale for a neuron's weights; without
// colour, one shade character per pair of pixels. Also the ten outputs as a bar chart. Pure.
import { colorCode, RESET, stripColor, type ColorMode } from './colorMode.js';

const UPPER_HALF = '▀';
/** Shades of ink, none to full (monochrome). */
const SHADES = [' ', '░', '▒', '▓', '█'];
/** Shades of negative weight, none to full (monochrome: distinct from the positive ones). */
const NEGATIVE_SHADES = [' ', '.', '-', '=', '#'];

type Rgb = readonly [number, number, number];

/** Pixels as text: `colorOf` gives a pixel's colour, `shadeOf` the character of a pair in monochrome. */
function drawHalfBlocks(
  width: number,
  height: number,
  mode: ColorMode,
  colorOf: (i: number) => Rgb,
  shadeOf: (upper: number, lower: number | undefined) => string,
): string[] {
  const lines: string[] = [];
  for (let y = 0; y < height; y += 2) {
    let line = '';
    for (let x = 0; x < width; x++) {
      const upper = y * width + x;
      const lower = y + 1 < height ? upper + width : undefined;
      if (mode === 'mono') line += shadeOf(upper, lower);
      else {
        const below: Rgb = lower === undefined ? [0, 0, 0] : colorOf(lower);
        line += `${colorCode(mode, colorOf(upper), 'fg')}${colorCode(mode, below, 'bg')}${UPPER_HALF}`;
      }
    }
    lines.push(mode === 'mono' ? line : line + RESET);
  }
  return lines;
}

function shade(level: number, shades: readonly string[]): string {
  const clamped = Math.max(0, Math.min(1, level));
  return shades[Math.min(shades.length - 1, Math.round(clamped * (shades.length - 1)))]!;
}

/** A byte image (ink 255, as MNIST) drawn as light ink on black: `side / 2` lines of `side` characters. */
export function drawDigit(pixels: ArrayLike<number>, mode: ColorMode, side = 28): string[] {
  const level = (i: number) => pixels[i]! / 255;
  return drawHalfBlocks(
    side,
    side,
    mode,
    (i) => {
      const v = pixels[i]!;
      return [v, v, v];
    },
    (upper, lower) => shade((level(upper) + (lower === undefined ? 0 : level(lower))) / 2, SHADES),
  );
}

/** The scale of drawWeights: the largest |weight| (so the strongest weight is full colour). */
export function weightScale(weights: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < weights.length; i++) largest = Math.max(largest, Math.abs(weights[i]!));
  return largest;
}

const POSITIVE: Rgb = [255, 120, 60];
const NEGATIVE: Rgb = [70, 140, 255];

/**
 * A neuron's incoming weights as a side × side image on a diverging scale: positive red, negative
 * blue, zero black, full colour at ±scale (default: this neuron's largest |weight|). Monochrome:
 * ░▒▓█ for positive, .-=# for negative.
 */
export function drawWeights(weights: ArrayLike<number>, mode: ColorMode, scale = weightScale(weights), side = 28): string[] {
  const level = (i: number) => (scale > 0 ? weights[i]! / scale : 0);
  const colorOf = (i: number): Rgb => {
    const v = Math.max(-1, Math.min(1, level(i)));
    const [r, g, b] = v >= 0 ? POSITIVE : NEGATIVE;
    const t = Math.abs(v);
    return [r * t, g * t, b * t];
  };
  return drawHalfBlocks(side, side, mode, colorOf, (upper, lower) => {
    const mean = (level(upper) + (lower === undefined ? 0 : level(lower))) / 2;
    return mean >= 0 ? shade(mean, SHADES) : shade(-mean, NEGATIVE_SHADES);
  });
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `fraction` (0..1) of `width` cells, in eighths of a cell, padded to the width. */
export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)) * width * 8);
  const text = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
  return text.padEnd(width);
}

export interface ActivationMarks {
  /** The predicted class (marked ◀). */
  prediction?: number;
  /** The true class (marked "true"). */
  label?: number;
  /** Bar cells for an output of 1 [default 20]. */
  width?: number;
}

/** The output activations as one bar per class: "7 ████████████████▌    0.873 ◀". */
export function drawActivations(outputs: ArrayLike<number>, marks: ActivationMarks = {}): string[] {
  const width = marks.width ?? 20;
  return Array.from({ length: outputs.length }, (_, j) => {
    const value = outputs[j]!;
    const tags = [j === marks.prediction ? '◀' : '', j === marks.label ? 'true' : ''].filter(Boolean).join(' ');
    return `${j} ${bar(value, width)} ${value.toFixed(3)}${tags ? ` ${tags}` : ''}`;
  });
}

/** Blocks of lines set side by side, `perRow` at a time, `gap` spaces apart; a shorter block is padded to its width. */
export function sideBySide(blocks: readonly string[][], perRow: number, gap = 2): string[] {
  const lines: string[] = [];
  const widthOf = (line: string) => [...stripColor(line)].length;
  const step = Math.max(1, perRow);
  for (let first = 0; first < blocks.length; first += step) {
    const row = blocks.slice(first, first + step);
    const widths = row.map((block) => Math.max(0, ...block.map(widthOf)));
    const height = Math.max(...row.map((block) => block.length));
    for (let y = 0; y < height; y++) {
      const cells = row.map((block, i) => {
        const line = block[y] ?? '';
        return i === row.length - 1 ? line : line + ' '.repeat(widths[i]! - widthOf(line));
      });
      lines.push(cells.join(' '.repeat(gap)));
    }
    if (first + step < blocks.length) lines.push('');
  }
  return lines;
}

/** How many blocks `blockWidth` wide fit in `columns`, at least one. */
export function blocksPerRow(columns: number, blockWidth = 28, gap = 2): number {
  return Math.max(1, Math.floor((columns + gap) / (blockWidth + gap)));
}

// The confusion matrix as a shaded text table (rows: true digit, columns: predicted), with each
// digit's recall at the end of its row and precision under its column, and the confused pairs in
// words. Shared by `netdash inspect` and the dashboard. Pure.
import type { ConfusedPair, ConfusionMatrix } from '../../core/analysis/confusion.js';
import { perDigit } from '../../core/analysis/confusion.js';
import { colorCode, RESET, type ColorMode } from './colorMode.js';
import { percent } from './format.js';

const CELL = 6;
const HEAD = 10;
/** Shades of an off-diagonal cell without colour, none to the most confused. */
const SHADES = [' ', '░', '▒', '▓', '█'];

/** A share as at most five characters: "97.1%", "100%", "–". */
const shortPercent = (fraction: number) => (fraction >= 0.9995 ? '100%' : percent(fraction, 1));

/** "4 read as 9: 23" */
export function pairText(pair: ConfusedPair): string {
  return `${pair.label} read as ${pair.prediction}: ${pair.count}`;
}

/**
 * The table, one string per line. Off-diagonal cells are shaded by their share of the row, relative
 * to the largest such share (red; a shade character after the count without colour); diagonal cells
 * by the digit's recall (green).
 */
export function drawConfusion(matrix: ConfusionMatrix, mode: ColorMode): string[] {
  const scores = perDigit(matrix);
  const share = (label: number, prediction: number) => {
    const count = scores[label]!.count;
    return count > 0 ? matrix[label]![prediction]! / count : 0;
  };
  let largestMistake = 0;
  matrix.forEach((row, label) =>
    row.forEach((_, p) => p !== label && (largestMistake = Math.max(largestMistake, share(label, p)))),
  );
  const cell = (label: number, prediction: number): string => {
    const count = String(matrix[label]![prediction]!);
    const diagonal = label === prediction;
    const level = diagonal ? share(label, prediction) : largestMistake > 0 ? share(label, prediction) / largestMistake : 0;
    if (mode === 'mono') {
      const mark = diagonal || level === 0 ? ' ' : SHADES[Math.max(1, Math.round(level * (SHADES.length - 1)))]!;
      return `${count.padStart(CELL - 1)}${mark}`;
    }
    const background: [number, number, number] = diagonal ? [0, 110 * level, 40 * level] : [160 * level, 20 * level, 20 * level];
    return `${colorCode(mode, background, 'bg')}${count.padStart(CELL - 1)} ${RESET}`;
  };
  const columns = matrix.map((_, p) => String(p).padStart(CELL - 1) + ' ').join('');
  const lines = [`${'true\\read'.padEnd(HEAD)}${columns}  recall`];
  matrix.forEach((row, label) => {
    const cells = row.map((_, p) => cell(label, p)).join('');
    lines.push(
      `${String(label)
        .padStart(HEAD - 2)
        .padEnd(HEAD)}${cells}  ${shortPercent(scores[label]!.recall)}`,
    );
  });
  lines.push(`${'precision'.padEnd(HEAD)}${scores.map((s) => shortPercent(s.precision).padStart(CELL - 1) + ' ').join('')}`);
  return lines;
}

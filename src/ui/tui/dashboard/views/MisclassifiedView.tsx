// View 8: the held-out digits the network reads wrong, drawn as it sees them, each with its true
// label, the prediction, the confidence and the ten outputs as bars; ← → move through them, `o`
// sorts by confidence (surest mistakes first) or by true digit. As many as fit; a short terminal
// gets them at half size.
import { Text } from 'ink';
import { useMemo } from 'react';
import { misclassified, type Misclassified } from '../../../../core/analysis/confusion.js';
import { outputsOf } from '../../../../core/predictions.js';
import type { Examples, Predictions } from '../../../../core/types.js';
import type { ColorMode } from '../../../app/colorMode.js';
import { blocksPerRow, drawActivations, drawDigit, sideBySide } from '../../../app/digitArt.js';
import { count } from '../../../app/format.js';
import { useColor } from '../../charts/colors.js';
import { artMode, halfSize, predictionsReady } from '../inspect.js';
import { CaptionedLines, Waiting } from './inspectCommon.js';
import type { DashboardView, ViewProps } from './view.js';

const SIDE = 28;
const INFO_WIDTH = 26;
const BAR_WIDTH = 10;

/** One mistake: its picture (full or half size) beside its numbers. */
export function mistakeBlock(
  mistake: Misclassified,
  position: number,
  set: Examples,
  predictions: Predictions,
  mode: ColorMode,
  half: boolean,
): string[] {
  const pixels = set.pixels.subarray(mistake.index * set.inputSize, (mistake.index + 1) * set.inputSize);
  const picture =
    set.inputSize === SIDE * SIDE ? (half ? drawDigit(halfSize(pixels), mode, SIDE / 2) : drawDigit(pixels, mode)) : [];
  const outputs = outputsOf(predictions, mistake.index);
  const info = [
    `#${position} · example ${count(mistake.index)}`,
    `true ${mistake.label} · read as ${mistake.prediction}`,
    `confidence ${mistake.confidence.toFixed(3)}`,
    ...(outputs ? drawActivations(outputs, { prediction: mistake.prediction, label: mistake.label, width: BAR_WIDTH }) : []),
  ];
  const width = picture.length > 0 ? (half ? SIDE / 2 : SIDE) : 0;
  const rows = Math.max(picture.length, info.length);
  return Array.from({ length: rows }, (_, y) => {
    const left = picture[y] ?? ' '.repeat(width);
    return `${width > 0 ? `${left}  ` : ''}${(info[y] ?? '').padEnd(INFO_WIDTH)}`;
  });
}

function MisclassifiedBody({ state, width, height }: ViewProps) {
  const color = useColor();
  const { inspect } = state;
  const { predictions, heldOutSet, order } = inspect;
  const mistakes = useMemo(
    () =>
      predictions && heldOutSet && predictions.predicted.length === heldOutSet.count
        ? misclassified(heldOutSet.labels, predictions, order)
        : [],
    [predictions, heldOutSet, order],
  );
  if (!predictionsReady(inspect)) return <Waiting state={state} />;
  if (mistakes.length === 0) return <Text color="green">no held-out digit is read wrong</Text>;
  // Full size needs 14 lines (+ the caption); below that, half size (7 lines, 13 with the bars).
  const half = height < SIDE / 2 + 1;
  const blockWidth = (half ? SIDE / 2 : SIDE) + 2 + INFO_WIDTH;
  const blockHeight = half ? 13 : SIDE / 2;
  const perRow = blocksPerRow(width, blockWidth, 2);
  const rows = Math.max(1, Math.floor(height / (blockHeight + 1)));
  const shown = perRow * rows;
  const first = Math.min(inspect.offsets.misclassified ?? 0, Math.max(0, mistakes.length - 1));
  const mode = artMode(color);
  const blocks = mistakes
    .slice(first, first + shown)
    .map((mistake, i) => mistakeBlock(mistake, first + i + 1, inspect.heldOutSet, inspect.predictions, mode, half));
  const last = first + blocks.length;
  const caption = `${first + 1}–${last} of ${count(mistakes.length)} misclassified, by ${order} · ← → move · o sorts by ${order === 'confidence' ? 'digit' : 'confidence'}`;
  return <CaptionedLines caption={caption} lines={sideBySide(blocks, perRow)} height={height} />;
}

export const MISCLASSIFIED_VIEW: DashboardView = {
  id: 'misclassified',
  key: '8',
  name: 'misclassified',
  help: 'held-out digits read wrong: picture, true label, prediction, confidence, the ten outputs (← → move, o sorts)',
  Body: MisclassifiedBody,
};

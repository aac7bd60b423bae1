// What the look-inside views (7–0) share: the confusion matrix of the latest held-out predictions
// (computed once per epoch, whichever of them asks), their caption and the line shown before the
// first epoch's evaluation.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import {
  confusionMatrix,
  correctCount,
  perDigit,
  type ClassScore,
  type ConfusionMatrix,
} from '../../../../core/analysis/confusion.js';
import { count, percent } from '../../../app/format.js';
import type { DashboardState } from '../dashboardReducer.js';
import { INITIAL_INSPECT, predictionsReady, type InspectState } from '../inspect.js';

export interface Confusion {
  matrix: ConfusionMatrix;
  scores: ClassScore[];
  correct: number;
  total: number;
}

export function confusionOf(inspect: InspectState): Confusion | undefined {
  if (!predictionsReady(inspect)) return undefined;
  const matrix = confusionMatrix(inspect.heldOutSet.labels, inspect.predictions.predicted, inspect.predictions.classes);
  return { matrix, scores: perDigit(matrix), correct: correctCount(matrix), total: inspect.heldOutSet.count };
}

export function useConfusion(inspect: InspectState): Confusion | undefined {
  const { predictions, heldOutSet } = inspect;
  return useMemo(() => confusionOf({ ...INITIAL_INSPECT, predictions, heldOutSet }), [predictions, heldOutSet]);
}

/** "validation set after epoch 3: 9,512 of 10,000 right (95.12%)" */
export function captionOf(state: DashboardState, confusion: Confusion): string {
  const when = state.inspect.predictionsEpoch > 0 ? `after epoch ${state.inspect.predictionsEpoch}` : 'at the end';
  const { correct, total } = confusion;
  return `${state.heldOut} set ${when}: ${count(correct)} of ${count(total)} right (${percent(correct / Math.max(1, total))})`;
}

export function Waiting({ state }: { state: DashboardState }) {
  const text =
    state.phase === 'failed' || (state.phase !== 'loading' && state.phase !== 'training')
      ? 'no held-out evaluation in this run'
      : "appears after the first epoch's held-out evaluation";
  return <Text dimColor>{text}</Text>;
}

/** A caption over picture lines (digits, neurons), cut to the view's height. */
export function CaptionedLines({ caption, lines, height }: { caption: string; lines: readonly string[]; height: number }) {
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">{caption}</Text>
      {lines.slice(0, height - 1).map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}

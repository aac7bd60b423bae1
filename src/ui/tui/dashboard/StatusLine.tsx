// One line of where the run stands: epoch, η, current and best held-out accuracy, patience.
import { Box, Text } from 'ink';
import type { DashboardState } from './dashboardReducer.js';
import { count, percent, plain, short } from '../../app/format.js';

export function statusText(state: DashboardState): string {
  const parts: string[] = [];
  if (state.runs.length > 1) parts.push(`run ${state.current + 1}/${state.runs.length}`);
  const run = state.runs[state.current];
  if (state.phase === 'loading') {
    parts.push(`loading MNIST${run ? ` (${count(run.trainingSize)} training images)` : ''}…`);
    return parts.join(' · ');
  }
  const config = state.config;
  parts.push(`epoch ${state.epoch}/${config?.epochs ?? run?.epochsPlanned ?? '?'}`);
  if (state.learningRate !== undefined) parts.push(`η ${plain(state.learningRate)}`);
  const last = state.epoch - 1;
  const accuracy = run?.series.validationAccuracy[last];
  const cost = run?.series.validationCost[last];
  const byCost = config?.monitor === 'val-cost';
  if (!byCost && accuracy !== undefined && Number.isFinite(accuracy)) {
    parts.push(`${state.heldOut} ${percent(accuracy)}`);
    if (state.bestEpoch > 0) parts.push(`best ${percent(state.bestMetrics.validationAccuracy)} @${state.bestEpoch}`);
  } else if (cost !== undefined && Number.isFinite(cost)) {
    parts.push(`${state.heldOut} cost ${short(cost)}`);
    if (state.bestEpoch > 0) parts.push(`best ${short(state.bestMetrics.validationCost)} @${state.bestEpoch}`);
  }
  if (state.bestEpoch > 0) {
    const patience = config?.patience;
    parts.push(`no gain ${state.epochsSinceImprovement}${patience !== undefined ? `/${patience}` : ''}`);
  }
  return parts.join(' · ');
}

/** Lines the status takes at this width: it wraps to a second line rather than lose its last items. */
export function statusHeight(state: DashboardState, width: number): number {
  return Math.min(2, Math.max(1, Math.ceil(statusText(state).length / Math.max(1, width))));
}

export function StatusLine({ state, width }: { state: DashboardState; width: number }) {
  return (
    <Box height={statusHeight(state, width)} overflow="hidden">
      <Text wrap="wrap">{statusText(state)}</Text>
    </Box>
  );
}

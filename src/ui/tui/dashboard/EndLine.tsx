// Shown in place of the progress bar once training is over: why it stopped, the best epoch and
// the saved file.
import { Text } from 'ink';
import type { StopReason } from '../../../core/types.js';
import type { DashboardState } from './dashboardReducer.js';
import { duration, percent } from '../../app/format.js';

const REASONS: Readonly<Record<StopReason, string>> = {
  completed: 'completed',
  'early-stop': 'early stop',
  schedule: 'η fell below η₀/128',
  diverged: 'diverged (non-finite values), kept the last good weights',
  aborted: 'stopped',
};

export function endText(state: DashboardState): string {
  const run = state.runs[state.current];
  const done = run?.done;
  // The error itself is shown in the chart area.
  if (state.phase === 'failed') return 'failed';
  const parts: string[] = [];
  if (!done) parts.push(state.phase === 'stopped' ? 'stopped before the first epoch' : 'finished');
  else {
    parts.push(`${REASONS[done.reason]} after ${done.epochs} epochs (${duration(done.seconds)})`);
    const best = done.best.validationAccuracy ?? run.finalAccuracy;
    if (best !== undefined) parts.push(`best ${percent(best)}${done.bestEpoch > 0 ? ` at epoch ${done.bestEpoch}` : ''}`);
  }
  parts.push(state.savedFile ? `saved ${state.savedFile}` : 'w saves');
  return parts.join(' · ');
}

export function EndLine({ state }: { state: DashboardState }) {
  return (
    <Text wrap="truncate" color={state.phase === 'failed' ? 'red' : 'green'}>
      {endText(state)}
    </Text>
  );
}

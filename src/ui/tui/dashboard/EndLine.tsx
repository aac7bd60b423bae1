// Shown in place of the progress bar once training is over: why it stopped, the best epoch and
// the saved file; for several runs, the result of every run.
import { Text } from 'ink';
import type { StopReason } from '../../../core/types.js';
import type { DashboardState, RunRecord } from './dashboardReducer.js';
import { duration, percent, short } from '../../app/format.js';

const REASONS: Readonly<Record<StopReason, string>> = {
  completed: 'completed',
  'early-stop': 'early stop',
  schedule: 'η fell below η₀/128',
  diverged: 'diverged (non-finite values), kept the last good weights',
  aborted: 'stopped',
};

/** A run's result in a few characters: best held-out accuracy and its epoch, or its last cost. */
function bestOf(run: RunRecord): string | undefined {
  const done = run.done;
  const best = done?.best.validationAccuracy ?? run.finalAccuracy;
  if (best !== undefined) return `${percent(best)}${done && done.bestEpoch > 0 ? ` @${done.bestEpoch}` : ''}`;
  const last = (values: readonly number[]) => [...values].reverse().find((value) => Number.isFinite(value));
  const cost = last(run.series.validationCost);
  if (cost !== undefined) return `cost ${short(cost)}`;
  const trainingCost = last(run.series.trainingCost);
  return trainingCost === undefined ? undefined : `training cost ${short(trainingCost)}`;
}

export function endText(state: DashboardState): string {
  const run = state.runs[state.current];
  const done = run?.done;
  // The error itself is shown in the chart area.
  if (state.phase === 'failed') return 'failed';
  const parts: string[] = [];
  if (state.runs.length > 1) {
    const finished = state.runs.filter((r) => r.done && r.done.epochs > 0);
    parts.push(
      `${finished.length} of ${state.runs.length} runs ${state.phase === 'stopped' ? 'done, then stopped' : 'finished'}`,
    );
    for (const r of state.runs) {
      if (!r.done) continue;
      parts.push(
        `${r.label}: ${bestOf(r) ?? REASONS[r.done.reason]}${r.done.reason === 'completed' ? '' : ` (${REASONS[r.done.reason]})`}`,
      );
    }
  } else if (!done) parts.push(state.phase === 'stopped' ? 'stopped before the first epoch' : 'finished');
  else {
    parts.push(`${REASONS[done.reason]} after ${done.epochs} epochs (${duration(done.seconds)})`);
    const best = done.best.validationAccuracy ?? run.finalAccuracy;
    if (best !== undefined) parts.push(`best ${percent(best)}${done.bestEpoch > 0 ? ` at epoch ${done.bestEpoch}` : ''}`);
  }
  parts.push(state.savedFile ? `saved ${state.savedFile}` : 'w saves');
  return parts.join(' · ');
}

/** Lines the end text takes at `width` (it wraps, up to three). */
export function endLines(state: DashboardState, width: number): number {
  return Math.min(3, Math.max(1, Math.ceil(endText(state).length / Math.max(1, width - 8))));
}

export function EndLine({ state }: { state: DashboardState }) {
  return (
    <Text wrap="wrap" color={state.phase === 'failed' ? 'red' : 'green'}>
      {endText(state)}
    </Text>
  );
}

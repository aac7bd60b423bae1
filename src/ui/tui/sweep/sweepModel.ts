// The live sweep screen's state, pure: the preset's grid (editable text), the trials as the sweep's
// events report them, and what the grid view shades. Kept apart from the drawing so it is testable.
import type { SweepEvent } from '../../app/sweep/events.js';

export type TrialState = 'queued' | 'running' | 'done' | 'failed';

export interface TrialRow {
  key: string;
  trial: number;
  eta: string;
  lambda: string;
  state: TrialState;
  /** Held-out accuracy of each epoch so far, in %. */
  accuracy: number[];
  /** Best held-out accuracy, in % (when done or while running). */
  best?: number;
}

/** The preset: η × λ on a few thousand images, a few epochs. */
export const PRESET_GRID = { eta: '0.1,0.5,2', lambda: '0,1,5' };

export function trialRows(trials: readonly { index: number; key: string; params: Record<string, unknown> }[]): TrialRow[] {
  return trials.map((t) => ({
    key: t.key,
    trial: t.index + 1,
    eta: String(t.params.eta ?? ''),
    lambda: String(t.params.lambda ?? ''),
    state: 'queued',
    accuracy: [],
  }));
}

/** The rows after one event of the sweep. */
export function applyEvent(rows: readonly TrialRow[], event: SweepEvent): readonly TrialRow[] {
  if (event.type !== 'trial-start' && event.type !== 'trial-epoch' && event.type !== 'trial-done') return rows;
  return rows.map((row) => {
    if (row.key !== event.key) return row;
    if (event.type === 'trial-start') return { ...row, state: 'running', accuracy: [] };
    if (event.type === 'trial-epoch') {
      const value = (event.metrics.validationAccuracy ?? NaN) * 100;
      const accuracy = [...row.accuracy, value];
      return { ...row, accuracy, best: Math.max(row.best ?? -Infinity, Number.isFinite(value) ? value : -Infinity) };
    }
    const best = (event.best.validationAccuracy ?? NaN) * 100;
    return { ...row, state: event.reason === 'diverged' ? 'failed' : 'done', best: Number.isFinite(best) ? best : undefined };
  });
}

/** The trials with the highest best accuracy, at most n. */
export function bestRows(rows: readonly TrialRow[], n: number): TrialRow[] {
  return rows
    .filter((row) => row.best !== undefined && Number.isFinite(row.best))
    .sort((a, b) => b.best! - a.best!)
    .slice(0, n);
}

const SHADES = ['░', '▒', '▓', '█'];

/** A cell of the η × λ grid: the accuracy's shade among the finished trials ('·' not yet). */
export function shade(value: number | undefined, low: number, high: number): string {
  if (value === undefined || !Number.isFinite(value)) return '·';
  const t = high > low ? (value - low) / (high - low) : 1;
  return SHADES[Math.min(SHADES.length - 1, Math.max(0, Math.floor(t * SHADES.length)))]!;
}

/** The grid's values, as the text field holds them. */
export function gridValues(text: string): string[] {
  return text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

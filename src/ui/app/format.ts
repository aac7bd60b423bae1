// Number formats of the human-readable output.
import type { EpochMetrics } from '../../core/types.js';

export function percent(fraction: number | undefined): string {
  return fraction === undefined ? '–' : `${(fraction * 100).toFixed(2)}%`;
}

/** Four significant digits, without trailing zeros: 0.4123, 1.5, 12.35. */
export function short(value: number | undefined): string {
  if (value === undefined) return '–';
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/** "0.04s" below a second (quick runs), "12.3s" above. */
export function seconds(value: number): string {
  return `${value.toFixed(value < 1 ? 2 : 1)}s`;
}

/**
 * The metrics that were computed, e.g. "train cost 0.05  val acc 93.12%  val cost 0.412";
 * `setName` names the held-out set ("val", or "test" when the test set is monitored).
 */
export function metricsText(metrics: EpochMetrics, setName: string): string {
  const parts: string[] = [];
  if (metrics.trainingCost !== undefined) parts.push(`train cost ${short(metrics.trainingCost)}`);
  if (metrics.trainingAccuracy !== undefined) parts.push(`train acc ${percent(metrics.trainingAccuracy)}`);
  if (metrics.validationAccuracy !== undefined) parts.push(`${setName} acc ${percent(metrics.validationAccuracy)}`);
  if (metrics.validationCost !== undefined) parts.push(`${setName} cost ${short(metrics.validationCost)}`);
  return parts.join('  ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// Number formatting shared by the table, the CSV and the charts.
import type { Summary } from '../../core/analysis/statistics.js';

export type Unit = 'accuracy' | 'cost';

/** 0.9549 → "95.49%". */
export function percent(fraction: number, digits = 2): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '—';
}

/** A signed difference of accuracies in percentage points: "+0.13 pp", "−1.20 pp". */
export function points(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${fraction >= 0 ? '+' : '−'}${Math.abs(fraction * 100).toFixed(2)} pp`;
}

export function signed(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
}

export function valueText(value: number, unit: Unit): string {
  return unit === 'accuracy' ? percent(value) : Number.isFinite(value) ? value.toFixed(3) : '—';
}

/** "95.62 ± 0.11%" (accuracy) or "0.352 ± 0.004" (cost); one value: "95.62% (1 seed)". */
export function meanSd(summary: Summary, unit: Unit): string {
  if (summary.n === 0) return '—';
  if (unit === 'accuracy') {
    if (!Number.isFinite(summary.sd)) return `${percent(summary.mean)}${summary.n === 1 ? ' (1 seed)' : ''}`;
    return `${(summary.mean * 100).toFixed(2)} ± ${(summary.sd * 100).toFixed(2)}%`;
  }
  if (!Number.isFinite(summary.sd)) return `${summary.mean.toFixed(3)}${summary.n === 1 ? ' (1 seed)' : ''}`;
  return `${summary.mean.toFixed(3)} ± ${summary.sd.toFixed(3)}`;
}

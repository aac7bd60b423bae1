// Number formats of every front end's text (CLI, dashboard, reproduce reports, bench), so the
// same number reads the same everywhere. Anything missing or not finite is MISSING.
import type { EpochMetrics } from '../../core/types.js';

/** Shown for a value that is undefined, NaN or infinite. */
export const MISSING = '–';

const finite = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

/** Fraction as a percentage: 0.9549 → "95.49%" (digits after the point). */
export function percent(fraction: number | undefined, digits = 2): string {
  return finite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : MISSING;
}

/** A signed difference of fractions in percentage points: "+0.13 pp", "−1.20 pp" (typographic minus). */
export function points(fraction: number | undefined, digits = 2): string {
  return finite(fraction) ? `${fraction >= 0 ? '+' : '−'}${Math.abs(fraction * 100).toFixed(digits)} pp` : MISSING;
}

/** A signed value with fixed decimals: "+0.013", "−1.200". */
export function signed(value: number | undefined, digits = 3): string {
  return finite(value) ? `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}` : MISSING;
}

/** Fixed decimals: 0.35214 → "0.352". */
export function fixed(value: number | undefined, digits = 3): string {
  return finite(value) ? value.toFixed(digits) : MISSING;
}

/** Four significant digits without trailing zeros (0.4123, 1.5, 12.35, 1234); an exponent below 0.001 and from 100,000 on. */
export function short(value: number | undefined): string {
  if (!finite(value)) return MISSING;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** A number as people type it (η, λ): 0.5, 0.025, 5, 0.00001 (six significant digits, float noise dropped). */
export function plain(value: number | undefined): string {
  return finite(value) ? String(Number(value.toPrecision(6))) : MISSING;
}

/** Rounded, with thousands separators: 50000 → "50,000". */
export function count(value: number | undefined): string {
  return finite(value) ? Math.round(value).toLocaleString('en-US') : MISSING;
}

/** "0.04s" below a second (quick runs), "12.3s" above. */
export function seconds(value: number | undefined): string {
  return finite(value) ? `${value.toFixed(value < 1 ? 2 : 1)}s` : MISSING;
}

/** A duration for people: "45s", "3m05s", "1h02m" (seconds dropped past an hour). */
export function duration(totalSeconds: number | undefined): string {
  if (!finite(totalSeconds) || totalSeconds < 0) return MISSING;
  const s = Math.round(totalSeconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** "1 epoch", "3 epochs". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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

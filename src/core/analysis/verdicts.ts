// The acceptance rules of issue 6, as pure functions of our numbers (mean over seeds) and the
// book's. Nothing here knows about a particular row's expected value: the same rule and the same
// tolerance apply to every row of its kind.

export type VerdictStatus = 'pass' | 'miss' | 'none';

export interface Check {
  /** What the book says, as a short rule. */
  rule: string;
  ok: boolean;
  /** Our numbers behind the outcome. */
  detail: string;
}

export interface Verdict {
  status: VerdictStatus;
  checks: Check[];
  /** One line: why it missed, or that every check holds. */
  summary: string;
}

/** Full-data rows: within ±0.5 percentage point of the book on the mean of the seeds. */
export const FULL_DATA_TOLERANCE = 0.005;
/** Rows trained on the first 1,000 images: within ±1.5 points. */
export const SMALL_DATA_TOLERANCE = 0.015;
/** "Early" in the qualitative rules: the first five epochs (or fewer in a shorter run). */
export const EARLY_EPOCHS = 5;
/** The quadratic cost from w = b = 2 stays nearly flat for about this many epochs in the book. */
export const SLOWDOWN_FLAT_EPOCHS = 150;

const EPSILON = 1e-12;
const pct = (fraction: number, digits = 2) => `${(fraction * 100).toFixed(digits)}%`;
const pp = (fraction: number) => `${fraction >= 0 ? '+' : '−'}${Math.abs(fraction * 100).toFixed(2)} pp`;
const num = (value: number) => value.toFixed(3);

export function verdictOf(checks: Check[]): Verdict {
  if (checks.length === 0) return { status: 'none', checks, summary: 'no book figure to compare with' };
  const failed = checks.filter((check) => !check.ok);
  return failed.length === 0
    ? { status: 'pass', checks, summary: 'as the book' }
    : { status: 'miss', checks, summary: failed.map((check) => `${check.rule}: ${check.detail}`).join('; ') };
}

export const NO_VERDICT: Verdict = verdictOf([]);

/** The tolerance of a row from its training-set size (undefined = all 50,000 images). */
export function toleranceFor(trainingSize: number | undefined): number {
  return trainingSize === undefined || trainingSize >= 50_000 ? FULL_DATA_TOLERANCE : SMALL_DATA_TOLERANCE;
}

export function accuracyCheck(book: number, oursMean: number, tolerance: number): Check {
  const difference = oursMean - book;
  return {
    rule: `within ±${(tolerance * 100).toFixed(1)} pp of the book's ${pct(book)}`,
    ok: Number.isFinite(difference) && Math.abs(difference) <= tolerance + EPSILON,
    detail: `mean ${pct(oursMean)} is ${pp(difference)} from it`,
  };
}

/** Every seed's training accuracy reached 100% (the book's 1,000-image runs memorize the set). */
export function trainingReachesAllCheck(trainingPeaks: readonly number[]): Check {
  const short = trainingPeaks.filter((value) => !(value >= 1 - EPSILON));
  return {
    rule: 'training accuracy reaches 100%',
    ok: trainingPeaks.length > 0 && short.length === 0,
    detail:
      trainingPeaks.length === 0
        ? 'not measured'
        : `peak training accuracy per seed ${trainingPeaks.map((value) => pct(value, 1)).join(', ')}`,
  };
}

export function accuracyVerdict(input: {
  book: number;
  oursMean: number;
  tolerance: number;
  /** Each seed's peak training accuracy, when the book's run reached 100%. */
  trainingPeaks?: readonly number[];
}): Verdict {
  const checks = [accuracyCheck(input.book, input.oursMean, input.tolerance)];
  if (input.trainingPeaks) checks.push(trainingReachesAllCheck(input.trainingPeaks));
  return verdictOf(checks);
}

function rises(curve: readonly number[]): number {
  let count = 0;
  for (let i = 1; i < curve.length; i++) if (curve[i]! > curve[i - 1]!) count++;
  return count;
}

function meanOf(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

/**
 * The three learning rates' training cost per epoch (mean over seeds): 0.25 falls fastest early
 * and then levels off; 0.025 falls slowly and smoothly; 2.5 oscillates and stays far above both.
 */
export function learningRateVerdict(cost: { slow: readonly number[]; medium: readonly number[]; fast: readonly number[] }): Verdict {
  const n = Math.min(cost.slow.length, cost.medium.length, cost.fast.length);
  const slow = cost.slow.slice(0, n);
  const medium = cost.medium.slice(0, n);
  const fast = cost.fast.slice(0, n);
  if (n < 2) return verdictOf([{ rule: 'at least two epochs of all three runs', ok: false, detail: `${n} epoch(s)` }]);
  const early = Math.min(EARLY_EPOCHS, n);
  const notLowest = Array.from({ length: early }, (_, i) => i).filter((i) => !(medium[i]! < slow[i]! && medium[i]! < fast[i]!));

  const mid = Math.floor(n / 2);
  const firstFall = medium[0]! - medium[mid]!;
  const secondChange = medium[mid]! - medium[n - 1]!;

  let largestRise = 0;
  for (let i = 1; i < n; i++) largestRise = Math.max(largestRise, (slow[i]! - slow[i - 1]!) / slow[i - 1]!);

  const higherOther = Array.from({ length: n }, (_, i) => Math.max(slow[i]!, medium[i]!));
  const notAbove = Array.from({ length: n }, (_, i) => i).filter((i) => !(fast[i]! > higherOther[i]!));
  const fastLate = meanOf(fast.slice(mid));
  const othersLate = meanOf(higherOther.slice(mid));
  const fastRises = rises(fast);

  return verdictOf([
    {
      rule: `η = 0.25 has the lowest cost in the first ${early} epochs`,
      ok: notLowest.length === 0,
      detail: notLowest.length === 0 ? 'lowest at each' : `not lowest at epoch ${notLowest.map((i) => i + 1).join(', ')}`,
    },
    {
      rule: 'η = 0.25 then levels off (second half changes by at most a third of the first half’s fall)',
      ok: firstFall > 0 && Math.abs(secondChange) <= firstFall / 3 + EPSILON,
      detail: `falls ${num(firstFall)} to epoch ${mid + 1}, then ${num(secondChange)}`,
    },
    {
      rule: 'η = 0.025 falls smoothly (ends lower, never rises by more than 1%)',
      ok: slow[n - 1]! < slow[0]! && largestRise <= 0.01 + EPSILON,
      detail: `${num(slow[0]!)} → ${num(slow[n - 1]!)}, largest rise ${(largestRise * 100).toFixed(1)}%`,
    },
    {
      rule: 'η = 2.5 stays above both at every epoch, ≥ 1.5× the higher in the second half',
      ok: notAbove.length === 0 && fastLate >= 1.5 * othersLate - EPSILON,
      detail:
        (notAbove.length ? `not above at epoch ${notAbove.map((i) => i + 1).join(', ')}; ` : '') +
        `second-half mean ${num(fastLate)} vs ${num(othersLate)} (${(fastLate / othersLate).toFixed(2)}×)`,
    },
    {
      rule: 'η = 2.5 oscillates (rises in at least a quarter of its epoch-to-epoch steps)',
      ok: fastRises >= (n - 1) / 4 - EPSILON,
      detail: `rises in ${fastRises} of ${n - 1} steps`,
    },
  ]);
}

/** Default initialization ahead in the first epochs and at least as good at the end (validation accuracy). */
export function initializationVerdict(accuracy: { default: readonly number[]; large: readonly number[] }): Verdict {
  const n = Math.min(accuracy.default.length, accuracy.large.length);
  if (n < 1) return verdictOf([{ rule: 'at least one epoch of both runs', ok: false, detail: 'no epochs' }]);
  const early = Math.min(EARLY_EPOCHS, n);
  const behind = Array.from({ length: early }, (_, i) => i).filter((i) => !(accuracy.default[i]! > accuracy.large[i]!));
  const lastDefault = accuracy.default[n - 1]!;
  const lastLarge = accuracy.large[n - 1]!;
  return verdictOf([
    {
      rule: `default init ahead in the first ${early} epochs`,
      ok: behind.length === 0,
      detail:
        (behind.length ? `not ahead at epoch ${behind.map((i) => i + 1).join(', ')}; ` : '') +
        `epoch 1: ${pct(accuracy.default[0]!)} vs ${pct(accuracy.large[0]!)}`,
    },
    {
      rule: 'default init at least as good at the end',
      ok: lastDefault >= lastLarge,
      detail: `epoch ${n}: ${pct(lastDefault)} vs ${pct(lastLarge)}`,
    },
  ]);
}

/**
 * Validation accuracy (mean over seeds), ordered by growing training-set size, ends higher than it
 * starts and never falls between neighbouring sizes by more than the seeds' noise: the larger of
 * the two sizes' standard deviations (`spreads`; any fall counts when it is unknown, e.g. one seed).
 */
export function moreDataVerdict(accuracies: readonly number[], sizes: readonly number[], spreads: readonly number[] = []): Verdict {
  const allowance = (i: number) => {
    const noise = Math.max(spreads[i - 1] ?? Number.NaN, spreads[i] ?? Number.NaN);
    return Number.isFinite(noise) ? noise : 0;
  };
  const falls = accuracies
    .map((value, i) => ({ value, i }))
    .filter(({ value, i }) => i > 0 && value < accuracies[i - 1]! - allowance(i) - EPSILON)
    .map(({ i }) => `${sizes[i - 1]} → ${sizes[i]}: ${pct(accuracies[i - 1]!)} → ${pct(accuracies[i]!)}`);
  const n = accuracies.length;
  return verdictOf([
    {
      rule: "validation accuracy rises with the training-set size (no fall beyond the seeds' standard deviation)",
      ok: n >= 2 && falls.length === 0 && accuracies[n - 1]! > accuracies[0]!,
      detail: n < 2 ? `${n} size(s)` : falls.length ? `falls at ${falls.join(', ')}` : `${pct(accuracies[0]!)} → ${pct(accuracies[n - 1]!)}`,
    },
  ]);
}

/** Index of the largest one-step fall of a cost curve (1-based step: curve[k−1] → curve[k]). */
function fastestFall(costs: readonly number[]): { step: number; fall: number } {
  let best = { step: 0, fall: Number.NEGATIVE_INFINITY };
  for (let k = 1; k < costs.length; k++) {
    const fall = costs[k - 1]! - costs[k]!;
    if (fall > best.fall) best = { step: k, fall };
  }
  return best;
}

/**
 * The single neuron (costs indexed by epoch, entry 0 = the start): the quadratic cost from the
 * saturated start loses at most a quarter of its fall in the first ~150 epochs and falls fastest
 * only after them; the cross-entropy falls fastest at the start.
 */
export function slowdownVerdict(
  costs: { saturatedQuadratic: readonly number[]; crossEntropy: readonly number[] },
  flatEpochs = SLOWDOWN_FLAT_EPOCHS,
): Verdict {
  const quadratic = costs.saturatedQuadratic;
  const totalFall = quadratic[0]! - Math.min(...quadratic);
  const flatIndex = Math.min(flatEpochs, quadratic.length - 1);
  const earlyFall = quadratic[0]! - quadratic[flatIndex]!;
  const quadraticFastest = fastestFall(quadratic);
  const crossEntropyFastest = fastestFall(costs.crossEntropy);
  const share = totalFall > 0 ? earlyFall / totalFall : Number.NaN;
  return verdictOf([
    {
      rule: `quadratic from w = b = 2 nearly flat for ${flatEpochs} epochs (at most a quarter of its fall)`,
      ok: quadratic.length > flatEpochs && totalFall > 0 && earlyFall <= totalFall / 4 + EPSILON,
      detail: `cost ${num(quadratic[0]!)} → ${num(quadratic[flatIndex]!)} by epoch ${flatIndex} (${(share * 100).toFixed(0)}% of its fall)`,
    },
    {
      rule: `quadratic from w = b = 2 falls fastest only after epoch ${flatEpochs}`,
      ok: quadraticFastest.step > flatEpochs,
      detail: `fastest fall at epoch ${quadraticFastest.step}`,
    },
    {
      rule: 'cross-entropy from w = b = 2 falls fastest at the start',
      ok: crossEntropyFastest.step === 1,
      detail: `fastest fall at epoch ${crossEntropyFastest.step}`,
    },
  ]);
}

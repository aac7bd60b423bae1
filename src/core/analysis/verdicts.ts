// The acceptance rules of issue 6, as pure decisions on our numbers (mean over seeds) and the
// book's; the report puts them in words. Nothing here knows about a particular row's expected
// value: the same rule and the same tolerance apply to every row of its kind.

export type VerdictStatus = 'pass' | 'miss' | 'none';

/**
 * One rule's outcome and the numbers behind it. Epochs are 1-based. The words (the rule as the
 * book states it, the numbers as text) are the report's: src/ui/reproduce/verdictText.ts.
 */
export type Check =
  | { kind: 'accuracy'; ok: boolean; book: number; oursMean: number; tolerance: number; difference: number }
  | { kind: 'trainingReachesAll'; ok: boolean; trainingPeaks: readonly number[] }
  | { kind: 'learningRateEpochs'; ok: boolean; epochs: number }
  | { kind: 'mediumLowestEarly'; ok: boolean; early: number; notLowestAt: number[] }
  | { kind: 'mediumLevelsOff'; ok: boolean; firstFall: number; midEpoch: number; secondChange: number }
  | { kind: 'slowFallsSmoothly'; ok: boolean; first: number; last: number; largestRise: number }
  | { kind: 'fastStaysAbove'; ok: boolean; notAboveAt: number[]; fastLate: number; othersLate: number }
  | { kind: 'fastOscillates'; ok: boolean; rises: number; steps: number }
  | { kind: 'initializationEpochs'; ok: boolean }
  | { kind: 'defaultAheadEarly'; ok: boolean; early: number; behindAt: number[]; firstDefault: number; firstLarge: number }
  | { kind: 'defaultAtLeastAsGood'; ok: boolean; epoch: number; lastDefault: number; lastLarge: number }
  | { kind: 'moreDataRises'; ok: boolean; sizes: number; falls: SizeFall[]; first: number; last: number }
  | { kind: 'quadraticFlat'; ok: boolean; flatEpochs: number; start: number; flatIndex: number; atFlat: number; share: number }
  | { kind: 'quadraticFastestLate'; ok: boolean; flatEpochs: number; fastestAt: number }
  | { kind: 'crossEntropyFastestFirst'; ok: boolean; fastestAt: number };

/** A fall of accuracy between neighbouring training-set sizes. */
export interface SizeFall {
  fromSize: number;
  toSize: number;
  from: number;
  to: number;
}

export interface Verdict {
  status: VerdictStatus;
  checks: Check[];
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

export function verdictOf(checks: Check[]): Verdict {
  if (checks.length === 0) return { status: 'none', checks };
  return { status: checks.every((check) => check.ok) ? 'pass' : 'miss', checks };
}

export const NO_VERDICT: Verdict = verdictOf([]);

/** The tolerance of a row from its training-set size (undefined = all 50,000 images). */
export function toleranceFor(trainingSize: number | undefined): number {
  return trainingSize === undefined || trainingSize >= 50_000 ? FULL_DATA_TOLERANCE : SMALL_DATA_TOLERANCE;
}

export function accuracyCheck(book: number, oursMean: number, tolerance: number): Check {
  const difference = oursMean - book;
  return {
    kind: 'accuracy',
    ok: Number.isFinite(difference) && Math.abs(difference) <= tolerance + EPSILON,
    book,
    oursMean,
    tolerance,
    difference,
  };
}

/** Every seed's training accuracy reached 100% (the book's 1,000-image runs memorize the set). */
export function trainingReachesAllCheck(trainingPeaks: readonly number[]): Check {
  const short = trainingPeaks.filter((value) => !(value >= 1 - EPSILON));
  return { kind: 'trainingReachesAll', ok: trainingPeaks.length > 0 && short.length === 0, trainingPeaks };
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

/** The 1-based epochs among the first `count` where `holds` fails. */
function epochsWhereNot(count: number, holds: (i: number) => boolean): number[] {
  return Array.from({ length: count }, (_, i) => i)
    .filter((i) => !holds(i))
    .map((i) => i + 1);
}

/**
 * The three learning rates' training cost per epoch (mean over seeds): 0.25 falls fastest early
 * and then levels off; 0.025 falls slowly and smoothly; 2.5 oscillates and stays far above both.
 */
export function learningRateVerdict(cost: {
  slow: readonly number[];
  medium: readonly number[];
  fast: readonly number[];
}): Verdict {
  const n = Math.min(cost.slow.length, cost.medium.length, cost.fast.length);
  const slow = cost.slow.slice(0, n);
  const medium = cost.medium.slice(0, n);
  const fast = cost.fast.slice(0, n);
  if (n < 2) return verdictOf([{ kind: 'learningRateEpochs', ok: false, epochs: n }]);
  const early = Math.min(EARLY_EPOCHS, n);
  const notLowestAt = epochsWhereNot(early, (i) => medium[i]! < slow[i]! && medium[i]! < fast[i]!);

  const mid = Math.floor(n / 2);
  const firstFall = medium[0]! - medium[mid]!;
  const secondChange = medium[mid]! - medium[n - 1]!;

  let largestRise = 0;
  for (let i = 1; i < n; i++) largestRise = Math.max(largestRise, (slow[i]! - slow[i - 1]!) / slow[i - 1]!);

  const higherOther = Array.from({ length: n }, (_, i) => Math.max(slow[i]!, medium[i]!));
  const notAboveAt = epochsWhereNot(n, (i) => fast[i]! > higherOther[i]!);
  const fastLate = meanOf(fast.slice(mid));
  const othersLate = meanOf(higherOther.slice(mid));
  const fastRises = rises(fast);

  return verdictOf([
    { kind: 'mediumLowestEarly', ok: notLowestAt.length === 0, early, notLowestAt },
    {
      kind: 'mediumLevelsOff',
      ok: firstFall > 0 && Math.abs(secondChange) <= firstFall / 3 + EPSILON,
      firstFall,
      midEpoch: mid + 1,
      secondChange,
    },
    {
      kind: 'slowFallsSmoothly',
      ok: slow[n - 1]! < slow[0]! && largestRise <= 0.01 + EPSILON,
      first: slow[0]!,
      last: slow[n - 1]!,
      largestRise,
    },
    {
      kind: 'fastStaysAbove',
      ok: notAboveAt.length === 0 && fastLate >= 1.5 * othersLate - EPSILON,
      notAboveAt,
      fastLate,
      othersLate,
    },
    { kind: 'fastOscillates', ok: fastRises >= (n - 1) / 4 - EPSILON, rises: fastRises, steps: n - 1 },
  ]);
}

/** Default initialization ahead in the first epochs and at least as good at the end (validation accuracy). */
export function initializationVerdict(accuracy: { default: readonly number[]; large: readonly number[] }): Verdict {
  const n = Math.min(accuracy.default.length, accuracy.large.length);
  if (n < 1) return verdictOf([{ kind: 'initializationEpochs', ok: false }]);
  const early = Math.min(EARLY_EPOCHS, n);
  const behindAt = epochsWhereNot(early, (i) => accuracy.default[i]! > accuracy.large[i]!);
  const lastDefault = accuracy.default[n - 1]!;
  const lastLarge = accuracy.large[n - 1]!;
  return verdictOf([
    {
      kind: 'defaultAheadEarly',
      ok: behindAt.length === 0,
      early,
      behindAt,
      firstDefault: accuracy.default[0]!,
      firstLarge: accuracy.large[0]!,
    },
    { kind: 'defaultAtLeastAsGood', ok: lastDefault >= lastLarge, epoch: n, lastDefault, lastLarge },
  ]);
}

/**
 * Validation accuracy (mean over seeds), ordered by growing training-set size, ends higher than it
 * starts and never falls between neighbouring sizes by more than the seeds' noise: the larger of
 * the two sizes' standard deviations (`spreads`; any fall counts when it is unknown, e.g. one seed).
 */
export function moreDataVerdict(
  accuracies: readonly number[],
  sizes: readonly number[],
  spreads: readonly number[] = [],
): Verdict {
  const allowance = (i: number) => {
    const noise = Math.max(spreads[i - 1] ?? Number.NaN, spreads[i] ?? Number.NaN);
    return Number.isFinite(noise) ? noise : 0;
  };
  const falls: SizeFall[] = accuracies
    .map((value, i) => ({ value, i }))
    .filter(({ value, i }) => i > 0 && value < accuracies[i - 1]! - allowance(i) - EPSILON)
    .map(({ i }) => ({ fromSize: sizes[i - 1]!, toSize: sizes[i]!, from: accuracies[i - 1]!, to: accuracies[i]! }));
  const n = accuracies.length;
  return verdictOf([
    {
      kind: 'moreDataRises',
      ok: n >= 2 && falls.length === 0 && accuracies[n - 1]! > accuracies[0]!,
      sizes: n,
      falls,
      first: accuracies[0] ?? Number.NaN,
      last: accuracies[n - 1] ?? Number.NaN,
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
  return verdictOf([
    {
      kind: 'quadraticFlat',
      ok: quadratic.length > flatEpochs && totalFall > 0 && earlyFall <= totalFall / 4 + EPSILON,
      flatEpochs,
      start: quadratic[0]!,
      flatIndex,
      atFlat: quadratic[flatIndex]!,
      share: totalFall > 0 ? earlyFall / totalFall : Number.NaN,
    },
    { kind: 'quadraticFastestLate', ok: quadraticFastest.step > flatEpochs, flatEpochs, fastestAt: quadraticFastest.step },
    { kind: 'crossEntropyFastestFirst', ok: crossEntropyFastest.step === 1, fastestAt: crossEntropyFastest.step },
  ]);
}

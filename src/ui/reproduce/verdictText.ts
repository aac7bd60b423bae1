// The verdicts in words: each rule as the book states it and the numbers behind its outcome.
// The decisions themselves are made on numbers in src/core/analysis/verdicts.ts.
import type { Check, Verdict, VerdictStatus } from '../../core/analysis/verdicts.js';
import { fixed, percent, points } from '../app/format.js';

export interface CheckText {
  /** What the book says, as a short rule. */
  rule: string;
  ok: boolean;
  /** Our numbers behind the outcome. */
  detail: string;
}

export interface VerdictText {
  status: VerdictStatus;
  checks: CheckText[];
  /** One line: why it missed, or that every check holds. */
  summary: string;
}

const epochList = (epochs: readonly number[]) => epochs.join(', ');

function words(check: Check): { rule: string; detail: string } {
  switch (check.kind) {
    case 'accuracy':
      return {
        rule: `within ±${fixed(check.tolerance * 100, 1)} pp of the book's ${percent(check.book)}`,
        detail: `mean ${percent(check.oursMean)} is ${points(check.difference)} from it`,
      };
    case 'trainingReachesAll':
      return {
        rule: 'training accuracy reaches 100%',
        detail:
          check.trainingPeaks.length === 0
            ? 'not measured'
            : `peak training accuracy per seed ${check.trainingPeaks.map((value) => percent(value, 1)).join(', ')}`,
      };
    case 'learningRateEpochs':
      return { rule: 'at least two epochs of all three runs', detail: `${check.epochs} epoch(s)` };
    case 'mediumLowestEarly':
      return {
        rule: `η = 0.25 has the lowest cost in the first ${check.early} epochs`,
        detail: check.notLowestAt.length === 0 ? 'lowest at each' : `not lowest at epoch ${epochList(check.notLowestAt)}`,
      };
    case 'mediumLevelsOff':
      return {
        rule: 'η = 0.25 then levels off (second half changes by at most a third of the first half’s fall)',
        detail: `falls ${fixed(check.firstFall)} to epoch ${check.midEpoch}, then ${fixed(check.secondChange)}`,
      };
    case 'slowFallsSmoothly':
      return {
        rule: 'η = 0.025 falls smoothly (ends lower, never rises by more than 1%)',
        detail: `${fixed(check.first)} → ${fixed(check.last)}, largest rise ${percent(check.largestRise, 1)}`,
      };
    case 'fastStaysAbove':
      return {
        rule: 'η = 2.5 stays above both at every epoch, ≥ 1.5× the higher in the second half',
        detail:
          (check.notAboveAt.length ? `not above at epoch ${epochList(check.notAboveAt)}; ` : '') +
          `second-half mean ${fixed(check.fastLate)} vs ${fixed(check.othersLate)} (${fixed(check.fastLate / check.othersLate, 2)}×)`,
      };
    case 'fastOscillates':
      return {
        rule: 'η = 2.5 oscillates (rises in at least a quarter of its epoch-to-epoch steps)',
        detail: `rises in ${check.rises} of ${check.steps} steps`,
      };
    case 'initializationEpochs':
      return { rule: 'at least one epoch of both runs', detail: 'no epochs' };
    case 'defaultAheadEarly':
      return {
        rule: `default init ahead in the first ${check.early} epochs`,
        detail:
          (check.behindAt.length ? `not ahead at epoch ${epochList(check.behindAt)}; ` : '') +
          `epoch 1: ${percent(check.firstDefault)} vs ${percent(check.firstLarge)}`,
      };
    case 'defaultAtLeastAsGood':
      return {
        rule: 'default init at least as good at the end',
        detail: `epoch ${check.epoch}: ${percent(check.lastDefault)} vs ${percent(check.lastLarge)}`,
      };
    case 'moreDataRises': {
      const falls = check.falls.map((fall) => `${fall.fromSize} → ${fall.toSize}: ${percent(fall.from)} → ${percent(fall.to)}`);
      return {
        rule: "validation accuracy rises with the training-set size (no fall beyond the seeds' standard deviation)",
        detail:
          check.sizes < 2
            ? `${check.sizes} size(s)`
            : falls.length
              ? `falls at ${falls.join(', ')}`
              : `${percent(check.first)} → ${percent(check.last)}`,
      };
    }
    case 'quadraticFlat':
      return {
        rule: `quadratic from w = b = 2 nearly flat for ${check.flatEpochs} epochs (at most a quarter of its fall)`,
        detail: `cost ${fixed(check.start)} → ${fixed(check.atFlat)} by epoch ${check.flatIndex} (${percent(check.share, 0)} of its fall)`,
      };
    case 'quadraticFastestLate':
      return {
        rule: `quadratic from w = b = 2 falls fastest only after epoch ${check.flatEpochs}`,
        detail: `fastest fall at epoch ${check.fastestAt}`,
      };
    case 'crossEntropyFastestFirst':
      return {
        rule: 'cross-entropy from w = b = 2 falls fastest at the start',
        detail: `fastest fall at epoch ${check.fastestAt}`,
      };
  }
}

export function checkText(check: Check): CheckText {
  const { rule, detail } = words(check);
  return { rule, ok: check.ok, detail };
}

/** The verdict as the report shows it: every check in words and a one-line summary. */
export function verdictText(verdict: Verdict): VerdictText {
  const checks = verdict.checks.map(checkText);
  const failed = checks.filter((check) => !check.ok);
  const summary =
    verdict.status === 'none'
      ? 'no book figure to compare with'
      : failed.length === 0
        ? 'as the book'
        : failed.map((check) => `${check.rule}: ${check.detail}`).join('; ');
  return { status: verdict.status, checks, summary };
}

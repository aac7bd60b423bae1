// The sweep's event stream: what `--json` prints (one object per line) and what a live view (the
// dashboard) subscribes to. Trials are named by their 1-based number and their params; a trial's
// metrics are those of `train`'s done line. `trial-epoch` is for live views only (not in --json).
import type { EpochMetrics, StopReason } from '../../../core/types.js';
import { jsonParams, type Params } from './params.js';
import type { Trial } from './planner.js';
import type { TrialOutcome } from './trialTask.js';

export interface TrialId {
  trial: number;
  key: string;
  params: Record<string, unknown>;
  seed: number;
}

export interface TrialDone extends TrialId {
  type: 'trial-done';
  reason: StopReason;
  best: EpochMetrics;
  final: EpochMetrics;
  bestEpoch: number;
  epochs: number;
  seconds: number;
  runDir: string | null;
  engine: string;
}

export type SweepEvent =
  | {
      type: 'sweep-start';
      version: string;
      id: string;
      strategy: 'grid' | 'book';
      /** Planned trials (the book strategy plans step by step: 0 here). */
      trials: number;
      jobs: number;
      /** The queue's URL with any password masked, when the trials run through Redis. */
      queue?: string;
      /** The base flags every trial shares. */
      base: Record<string, unknown>;
      seed: number;
    }
  | { type: 'step-start'; step: number; name: string; explanation: string }
  | ({ type: 'trial-start'; step?: number } & TrialId)
  | { type: 'trial-epoch'; trial: number; key: string; epoch: number; metrics: EpochMetrics }
  | (TrialDone & { step?: number })
  | {
      type: 'step-done';
      step: number;
      name: string;
      decision: string;
      chosen: Record<string, unknown>;
      /** The evidence behind the decision: a header row, then one row per setting. */
      evidence: string[][];
    }
  | {
      type: 'sweep-done';
      trials: number;
      /** The winning trial (best held-out accuracy; with --seeds, of the best mean). */
      best: TrialDone | null;
      /** `netdash train …` reproducing the winner. */
      command: string;
      /** --strategy book: the recommended flags. */
      recommended?: Record<string, unknown>;
      seconds: number;
    };

export type SweepListener = (event: SweepEvent) => void;

export function trialId(trial: Trial): TrialId {
  return { trial: trial.index, key: trial.key, params: jsonParams(trial.params), seed: trial.seed };
}

export function trialDone(trial: Trial, outcome: TrialOutcome): TrialDone {
  return {
    type: 'trial-done',
    ...trialId(trial),
    reason: outcome.reason,
    best: outcome.best,
    final: outcome.final,
    bestEpoch: outcome.bestEpoch,
    epochs: outcome.epochs,
    seconds: outcome.seconds,
    runDir: outcome.runDir,
    engine: outcome.engine,
  };
}

/** The held-out accuracy a trial is ranked by (−1 when it has none, e.g. diverged at once). */
export function rankAccuracy(outcome: { best: EpochMetrics }): number {
  const accuracy = outcome.best.validationAccuracy;
  return accuracy !== undefined && Number.isFinite(accuracy) ? accuracy : -1;
}

export type { Params };

// A sweep's trials as they run: numbered in the order they are first asked for, run in batches by
// a TrialRunner, each result kept by trial key and reported as events.
import type { EpochMetrics } from '../../../core/types.js';
import { trialDone, trialId, type SweepListener, type TrialDone } from './events.js';
import type { Params } from './params.js';
import { makeTrials, type SweepPlan, type Trial } from './planner.js';
import type { TrialRunner } from './runner.js';

/**
 * Runs batches of trials and numbers them in order; shared by the grid sweep and the book
 * strategy. A trial asked for again (same flags and seed) is not run again: its result is reused.
 */
export class SweepSession {
  readonly done: TrialDone[] = [];
  private readonly trials = new Map<string, Trial>();
  private readonly results = new Map<string, TrialDone>();
  private readonly histories = new Map<string, EpochMetrics[]>();
  private nextIndex = 1;

  constructor(
    readonly plan: SweepPlan,
    private readonly runner: TrialRunner,
    readonly emit: SweepListener,
    private readonly signal: AbortSignal,
  ) {}

  /** Trials for these params (× --seeds), checked as `train` checks, numbered after the earlier ones. */
  trialsFor(paramsList: readonly Params[]): Trial[] {
    return this.adopt(makeTrials(this.plan.base, paramsList, this.plan.spec.seeds, this.plan.sweepSeed));
  }

  /** Planned trials, numbered in this session (known ones keep their number). */
  adopt(trials: readonly Trial[]): Trial[] {
    return trials.map((trial) => {
      const known = this.trials.get(trial.key);
      if (known) return known;
      const numbered = { ...trial, index: this.nextIndex++ };
      this.trials.set(trial.key, numbered);
      return numbered;
    });
  }

  async runBatch(trials: readonly Trial[], step?: number): Promise<TrialDone[]> {
    const fresh = trials.filter((trial) => !this.results.has(trial.key));
    await this.runner.run(
      fresh,
      {
        onStart: (trial) => this.emit({ type: 'trial-start', ...(step !== undefined && { step }), ...trialId(trial) }),
        onProgress: (trial, { epoch, metrics }) =>
          this.emit({ type: 'trial-epoch', trial: trial.index, key: trial.key, epoch, metrics }),
        onDone: (trial, outcome) => {
          if (this.results.has(trial.key)) return;
          const done = trialDone(trial, outcome);
          this.results.set(trial.key, done);
          this.histories.set(trial.key, outcome.history);
          this.done.push(done);
          this.emit({ ...done, ...(step !== undefined && { step }) });
        },
      },
      this.signal,
    );
    // In plan order, whatever order they finished in.
    return trials.map((trial) => this.results.get(trial.key)).filter((done) => done !== undefined);
  }

  /** Every epoch's metrics of a finished trial. */
  historyOf(key: string): EpochMetrics[] {
    return this.histories.get(key) ?? [];
  }

  /** The trial's full flags, for its command line. */
  argsOf(done: TrialDone): Trial['args'] | undefined {
    return this.trials.get(done.key)?.args;
  }
}

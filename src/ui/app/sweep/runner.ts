// Where trials run: on this machine's worker threads (the shared pool) or through a Redis queue
// (queue/client.ts). Both take a batch of trials and report each one's start, epochs and outcome.
import { runTasks, type TaskModule } from '../workerPool.js';
import type { Trial } from './planner.js';
import type { EpochMetrics } from '../../../core/types.js';
import type { TrialEvent, TrialInput, TrialOutcome } from './trialTask.js';

/** A running trial's progress: an epoch ended. */
export interface TrialProgress {
  epoch: number;
  metrics: EpochMetrics;
}

export interface TrialHooks {
  onStart(trial: Trial): void;
  onProgress(trial: Trial, progress: TrialProgress): void;
  onDone(trial: Trial, outcome: TrialOutcome): void;
}

export interface TrialRunner {
  /** How many trials run at once (local slots; for a queue, unknown: 0). */
  readonly jobs: number;
  /** Runs the batch; resolves when every trial has an outcome, rejects on the first failed trial. */
  run(trials: readonly Trial[], hooks: TrialHooks, signal: AbortSignal): Promise<Map<string, TrialOutcome>>;
  close(): Promise<void>;
}

export const TRIAL_TASK: TaskModule<TrialInput, TrialOutcome, TrialEvent> = {
  url: new URL('./trialTask.js', import.meta.url),
  load: () => import('./trialTask.js'),
};

/** A rough size of a trial, so the pool starts the largest first. */
function work(trial: Trial): number {
  const number = (value: unknown, fallback: number) =>
    typeof value === 'string' && Number(value) > 0 ? Number(value) : fallback;
  return number(trial.args.epochs, 30) * number(trial.args.trainSize, 50_000);
}

export function localRunner(jobs: number, dataDir: string | undefined, runsDir?: string): TrialRunner {
  return {
    jobs,
    run: (trials, hooks, signal) => {
      const byKey = new Map(trials.map((trial) => [trial.key, trial]));
      const tasks = trials.map((trial) => ({
        key: trial.key,
        input: { key: trial.key, args: trial.args, dataDir, runsDir },
        work: work(trial),
      }));
      return runTasks(
        TRIAL_TASK,
        tasks,
        jobs,
        {
          onStart: (task) => hooks.onStart(byKey.get(task.key)!),
          onEvent: (task, event) => {
            if (event.type === 'epoch') hooks.onProgress(byKey.get(task.key)!, { epoch: event.epoch, metrics: event.metrics });
          },
          onOutcome: (task, outcome) => hooks.onDone(byKey.get(task.key)!, outcome),
        },
        signal,
      );
    },
    close: async () => {},
  };
}

// Runs reproduce's tasks (preset runs × seeds) on the shared worker pool (src/ui/app/workerPool.ts):
// in this thread one after another, or one run per core on worker threads (runWorker.ts).
import type { TrainerEvent } from '../../core/types.js';
import { runTasks as runPoolTasks, type TaskModule } from '../app/workerPool.js';
import type { RunTask } from './plan.js';
import type { RunOutcome } from './runTask.js';

export { effectiveJobs } from '../app/workerPool.js';

const REPRODUCE_TASK: TaskModule<RunTask, RunOutcome, TrainerEvent> = {
  url: new URL('./runWorker.js', import.meta.url),
  load: () => import('./runWorker.js'),
};

export interface RunCallbacks {
  onStart?: (task: RunTask) => void;
  onEvent?: (task: RunTask, event: TrainerEvent) => void;
  onOutcome?: (task: RunTask, outcome: RunOutcome) => void;
}

/**
 * Runs every task, longest first, at most `jobs` at a time. Resolves with the outcomes by task
 * key; rejects with the first failure.
 */
export function runTasks(
  tasks: readonly RunTask[],
  jobs: number,
  callbacks: RunCallbacks = {},
): Promise<Map<string, RunOutcome>> {
  return runPoolTasks(
    REPRODUCE_TASK,
    tasks.map((task) => ({ key: task.key, input: task, work: task.work })),
    jobs,
    {
      onStart: (task) => callbacks.onStart?.(task.input),
      onEvent: (task, event) => callbacks.onEvent?.(task.input, event),
      onOutcome: (task, outcome) => callbacks.onOutcome?.(task.input, outcome),
    },
  );
}

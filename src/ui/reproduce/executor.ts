// Runs the plan's tasks: in this thread one after another, or on a pool of worker threads (one run
// per core; each run is seeded, so the results do not depend on which worker ran what, or when).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrainerEvent } from '../../core/types.js';
import { DataError } from '../../data/errors.js';
import type { RunTask } from './plan.js';
import { DataCache, executeRun, type RunOutcome } from './runTask.js';

export type WorkerReply =
  | { kind: 'event'; key: string; event: TrainerEvent }
  | { kind: 'outcome'; key: string; outcome: RunOutcome }
  | { kind: 'error'; key: string; message: string; name: string; dataError: boolean; file?: string };

export interface RunCallbacks {
  onStart?: (task: RunTask) => void;
  onEvent?: (task: RunTask, event: TrainerEvent) => void;
  onOutcome?: (task: RunTask, outcome: RunOutcome) => void;
}

/** One slot that runs a task at a time. */
interface Slot {
  run(task: RunTask, onEvent: (event: TrainerEvent) => void, signal: AbortSignal): Promise<RunOutcome>;
  close(): Promise<void>;
}

function inProcessSlot(): Slot {
  const data = new DataCache();
  return {
    run: (task, onEvent, signal) => executeRun(task, data, onEvent, signal),
    close: async () => {},
  };
}

/** The compiled worker script; absent when running from TypeScript sources (e.g. under vitest). */
function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./runWorker.js', import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(path) ? path : undefined;
}

function workerSlot(script: string): Slot {
  // Node flags are inherited, except those that only make sense for the main script.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
  const worker = new Worker(script, { execArgv });
  worker.unref();
  let pending:
    { key: string; onEvent: (e: TrainerEvent) => void; resolve: (o: RunOutcome) => void; reject: (e: Error) => void } | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (reply: WorkerReply) => {
    if (!pending || reply.key !== pending.key) return;
    if (reply.kind === 'event') pending.onEvent(reply.event);
    else if (reply.kind === 'outcome') {
      pending.resolve(reply.outcome);
      pending = undefined;
    } else {
      // DataError's message already starts with its file; rebuild it so callers classify it alike.
      const problem =
        reply.file && reply.message.startsWith(`${reply.file}: `) ? reply.message.slice(reply.file.length + 2) : reply.message;
      const error = reply.dataError ? new DataError(reply.file ?? '(data)', problem) : new Error(reply.message);
      error.name = reply.name;
      fail(error);
    }
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`worker thread exited (code ${code})`)));
  return {
    run: (task, onEvent, signal) => {
      const onAbort = () => void worker.terminate();
      return new Promise<RunOutcome>((resolve, reject) => {
        pending = { key: task.key, onEvent, resolve, reject };
        if (signal.aborted) return fail(new Error('aborted'));
        signal.addEventListener('abort', onAbort, { once: true });
        worker.ref();
        worker.postMessage(task);
      }).finally(() => {
        signal.removeEventListener('abort', onAbort);
        worker.unref();
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** How many runs can go at once here: worker threads need the compiled scripts. */
export function effectiveJobs(requested: number): number {
  return requested > 1 && workerScript() ? requested : 1;
}

/**
 * Runs every task, longest first (so that parallel slots finish together), at most `jobs` at a
 * time. Resolves with the outcomes by task key; rejects with the first failure.
 */
export async function runTasks(
  tasks: readonly RunTask[],
  jobs: number,
  callbacks: RunCallbacks = {},
): Promise<Map<string, RunOutcome>> {
  const script = workerScript();
  const slotCount = Math.max(1, Math.min(effectiveJobs(jobs), tasks.length));
  const slots = Array.from({ length: slotCount }, () => (slotCount > 1 && script ? workerSlot(script) : inProcessSlot()));
  const queue = [...tasks].sort((a, b) => b.work - a.work);
  const outcomes = new Map<string, RunOutcome>();
  const abort = new AbortController();
  let failure: unknown;
  const drive = async (slot: Slot) => {
    for (let task = queue.shift(); task && failure === undefined; task = queue.shift()) {
      callbacks.onStart?.(task);
      const current = task;
      try {
        const outcome = await slot.run(current, (event) => callbacks.onEvent?.(current, event), abort.signal);
        if (failure !== undefined) break;
        outcomes.set(current.key, outcome);
        callbacks.onOutcome?.(current, outcome);
      } catch (error) {
        // The first failure is the one to report; stop the other slots' runs too.
        failure ??= error;
        abort.abort();
      }
    }
  };
  try {
    await Promise.all(slots.map(drive));
  } finally {
    await Promise.all(slots.map((slot) => slot.close()));
  }
  if (failure !== undefined) throw failure;
  return outcomes;
}

// Runs tasks on a pool of worker threads (one task per thread at a time), or in this thread when
// the compiled worker entry is absent (TypeScript sources under vitest) or one slot is enough.
// A task module exports `runTask(input, emit, signal)`; the pool knows nothing else about it, so
// reproduce's runs and sweep trials share it. Tasks are seeded by their front end, so results do
// not depend on which slot ran what, or when.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DataError } from '../../data/errors.js';
import { UsageError } from './errors.js';

/** What a task module exports: one task's work, its progress sent through `emit`. */
export type TaskRunner<I, O, E> = (input: I, emit: (event: E) => void, signal: AbortSignal) => Promise<O>;

/** A task module: its compiled URL (for worker threads) and a loader (for this thread). */
export interface TaskModule<I, O, E> {
  /** `new URL('./myTask.js', import.meta.url)`: the module a worker thread imports. */
  url: URL;
  /** `() => import('./myTask.js')`: the same module in this thread. */
  load: () => Promise<{ runTask: TaskRunner<I, O, E> }>;
}

/** Messages between the pool and a worker thread (see poolWorker.ts). */
export type PoolRequest = { key: string; input: unknown };
export type PoolReply =
  | { kind: 'event'; key: string; event: unknown }
  | { kind: 'outcome'; key: string; outcome: unknown }
  | { kind: 'error'; key: string; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  /** DataError's file; its message starts with it. */
  file?: string;
  kind: 'data' | 'usage' | 'other';
}

export function serializeError(error: unknown): SerializedError {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : 'Error';
  if (error instanceof DataError) return { name, message, file: error.file, kind: 'data' };
  return { name, message, kind: error instanceof UsageError ? 'usage' : 'other' };
}

/** The error again, of a class callers classify alike (DataError, UsageError → exit 2). */
export function deserializeError(error: SerializedError): Error {
  let rebuilt: Error;
  if (error.kind === 'data') {
    const file = error.file ?? '(data)';
    const problem = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
    rebuilt = new DataError(file, problem);
  } else rebuilt = error.kind === 'usage' ? new UsageError(error.message) : new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/** The compiled worker entry; absent when running from TypeScript sources (e.g. under vitest). */
function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./poolWorker.js', import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(path) ? path : undefined;
}

/** How many tasks can go at once here: worker threads need the compiled scripts. */
export function effectiveJobs(requested: number): number {
  return requested > 1 && workerScript() ? requested : 1;
}

interface Slot {
  run(key: string, input: unknown, onEvent: (event: unknown) => void, signal: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
}

function inProcessSlot(module: TaskModule<unknown, unknown, unknown>): Slot {
  return {
    run: async (_key, input, onEvent, signal) => (await module.load()).runTask(input, onEvent, signal),
    close: async () => {},
  };
}

type Pending = { key: string; onEvent: (e: unknown) => void; resolve: (o: unknown) => void; reject: (e: Error) => void };

function workerSlot(script: string, moduleUrl: URL): Slot {
  // Node flags are inherited, except those that only make sense for the main script.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
  let worker: Worker | undefined;
  let pending: Pending | undefined;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  const start = (): Worker => {
    const started = new Worker(script, { execArgv, workerData: { module: moduleUrl.href } });
    started.unref();
    started.on('message', (reply: PoolReply) => {
      if (!pending || reply.key !== pending.key) return;
      if (reply.kind === 'event') pending.onEvent(reply.event);
      else if (reply.kind === 'outcome') {
        pending.resolve(reply.outcome);
        pending = undefined;
      } else fail(deserializeError(reply.error));
    });
    started.on('error', (error) => fail(error));
    started.on('exit', (code) => {
      // A terminated or crashed thread is replaced on the next task.
      if (worker === started) worker = undefined;
      fail(new Error(`worker thread exited (code ${code})`));
    });
    return started;
  };
  return {
    run: (key, input, onEvent, signal) => {
      const thread = (worker ??= start());
      const onAbort = () => void thread.terminate();
      return new Promise<unknown>((resolve, reject) => {
        pending = { key, onEvent, resolve, reject };
        if (signal.aborted) return fail(new Error('aborted'));
        signal.addEventListener('abort', onAbort, { once: true });
        thread.ref();
        thread.postMessage({ key, input } satisfies PoolRequest);
      }).finally(() => {
        signal.removeEventListener('abort', onAbort);
        thread.unref();
      });
    },
    close: async () => {
      await worker?.terminate();
    },
  };
}

/**
 * A fixed number of slots; `run` waits for a free one. Worker threads when there is more than one
 * slot and the compiled entry exists, else this thread.
 */
export class WorkerPool<I, O, E> {
  readonly size: number;
  private readonly free: Slot[];
  private readonly all: Slot[];
  private readonly waiting: ((slot: Slot) => void)[] = [];

  constructor(module: TaskModule<I, O, E>, requestedSize: number) {
    const script = workerScript();
    this.size = Math.max(1, effectiveJobs(requestedSize));
    const anyModule = module as unknown as TaskModule<unknown, unknown, unknown>;
    this.all = Array.from({ length: this.size }, () =>
      this.size > 1 && script ? workerSlot(script, module.url) : inProcessSlot(anyModule),
    );
    this.free = [...this.all];
  }

  async run(key: string, input: I, onEvent: (event: E) => void, signal: AbortSignal): Promise<O> {
    const slot = this.free.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    try {
      return (await slot.run(key, input, onEvent as (event: unknown) => void, signal)) as O;
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((slot) => slot.close()));
  }
}

export interface PoolTask<I> {
  key: string;
  input: I;
  /** Estimated work: the largest tasks start first, so parallel slots finish together. */
  work?: number;
}

export interface PoolCallbacks<I, O, E> {
  onStart?: (task: PoolTask<I>) => void;
  onEvent?: (task: PoolTask<I>, event: E) => void;
  onOutcome?: (task: PoolTask<I>, outcome: O) => void;
}

/**
 * Runs every task, largest first, at most `jobs` at a time. Resolves with the outcomes by key;
 * rejects with the first failure (stopping the other slots' tasks), or when `signal` aborts.
 */
export async function runTasks<I, O, E>(
  module: TaskModule<I, O, E>,
  tasks: readonly PoolTask<I>[],
  jobs: number,
  callbacks: PoolCallbacks<I, O, E> = {},
  signal?: AbortSignal,
): Promise<Map<string, O>> {
  const pool = new WorkerPool(module, Math.min(jobs, Math.max(1, tasks.length)));
  const queue = [...tasks].sort((a, b) => (b.work ?? 0) - (a.work ?? 0));
  const outcomes = new Map<string, O>();
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort();
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  let failure: unknown;
  const drive = async () => {
    for (let task = queue.shift(); task && failure === undefined && !abort.signal.aborted; task = queue.shift()) {
      const current = task;
      callbacks.onStart?.(current);
      try {
        const outcome = await pool.run(current.key, current.input, (event) => callbacks.onEvent?.(current, event), abort.signal);
        if (failure !== undefined) break;
        outcomes.set(current.key, outcome);
        callbacks.onOutcome?.(current, outcome);
      } catch (error) {
        // The first failure is the one to report; stop the other slots' tasks too.
        failure ??= error;
        abort.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: pool.size }, drive));
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
    await pool.close();
  }
  if (failure !== undefined) throw failure;
  return outcomes;
}

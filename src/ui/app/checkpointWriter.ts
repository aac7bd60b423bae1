// Writes a run's checkpoints without holding up training: on a worker thread when the compiled
// worker script is there (the built CLI), else on this thread (tests running the TypeScript
// sources). Sending costs the training thread little: the engine's arrays are transferred (so a
// checkpoint listener after the recorder finds them detached), the best weights sent only when new.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrainerCheckpoint } from '../../core/checkpoint.js';
import { DataError } from '../../data/errors.js';
import { writeCheckpoint, type CheckpointWriteOptions } from '../../data/runsCheckpoint.js';

export interface CheckpointJob {
  id: number;
  path: string;
  checkpoint: TrainerCheckpoint;
  options: CheckpointWriteOptions;
  /** The best weights are those of the previous job (not sent again: they change only on an improvement). */
  sameBest?: boolean;
}

export interface CheckpointReply {
  id: number;
  /** The DataError's message (`<file>: <problem>`), when the write failed. */
  error?: string;
}

export type WriteCheckpoint = (path: string, checkpoint: TrainerCheckpoint, options: CheckpointWriteOptions) => Promise<void>;

function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./checkpointWorker.js', import.meta.url));
  return import.meta.url.endsWith('.js') && existsSync(path) ? path : undefined;
}

/** A writer of checkpoints; close() ends its worker. */
export function checkpointWriter(): { write: WriteCheckpoint; close: () => Promise<void> } {
  const script = workerScript();
  if (!script) {
    return {
      write: async (path, checkpoint, options) => writeCheckpoint(path, checkpoint, options),
      close: async () => {},
    };
  }
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
  const worker = new Worker(script, { execArgv });
  worker.unref();
  const pending = new Map<number, { path: string; resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let lastBest: TrainerCheckpoint['bestWeights'];
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(new DataError(job.path, `cannot write: ${error.message}`));
    pending.clear();
  };
  worker.on('message', (reply: CheckpointReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.error === undefined) job.resolve();
    else
      job.reject(
        new DataError(job.path, reply.error.startsWith(`${job.path}: `) ? reply.error.slice(job.path.length + 2) : reply.error),
      );
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`checkpoint writer exited (code ${code})`)));
  return {
    write: (path, checkpoint, options) =>
      new Promise<void>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { path, resolve, reject });
        worker.ref();
        // The engine's arrays are the checkpoint's own copies: transferred, not copied again.
        const transfer = Object.values(checkpoint.engine.arrays).map((array) => array.buffer as ArrayBuffer);
        const sameBest = checkpoint.bestWeights !== undefined && checkpoint.bestWeights === lastBest;
        lastBest = checkpoint.bestWeights;
        const sent: TrainerCheckpoint = sameBest ? { ...checkpoint, bestWeights: undefined } : checkpoint;
        worker.postMessage({ id, path, checkpoint: sent, options, sameBest } satisfies CheckpointJob, transfer);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

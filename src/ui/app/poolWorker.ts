// Worker-thread entry of the pool (workerPool.ts): imports the task module named in workerData,
// runs the tasks the main thread sends, one at a time, and posts back their events and outcome.
// Module-level state of the task module (a data cache) lives as long as the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError, type PoolReply, type PoolRequest, type TaskRunner } from './workerPool.js';

const port = parentPort;
if (!port) throw new Error('poolWorker.js must be started as a worker thread');
const moduleUrl = (workerData as { module: string }).module;
const { runTask } = (await import(moduleUrl)) as { runTask: TaskRunner<unknown, unknown, unknown> };
// A worker is stopped by terminating its thread; tasks here are never aborted from inside.
const never = new AbortController().signal;

port.on('message', ({ key, input }: PoolRequest) => {
  const reply = (message: PoolReply) => port.postMessage(message);
  runTask(input, (event) => reply({ kind: 'event', key, event }), never).then(
    (outcome) => reply({ kind: 'outcome', key, outcome }),
    (error: unknown) => reply({ kind: 'error', key, error: serializeError(error) }),
  );
});

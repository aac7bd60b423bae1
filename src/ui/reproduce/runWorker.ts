// Worker-thread entry: runs the tasks the main thread sends, one at a time, and posts back their
// events and outcome. Each worker keeps its own data cache.
import { parentPort } from 'node:worker_threads';
import { DataError } from '../../data/errors.js';
import type { RunTask } from './plan.js';
import { DataCache, executeRun } from './runTask.js';
import type { WorkerReply } from './executor.js';

const port = parentPort;
if (!port) throw new Error('runWorker.js must be started as a worker thread');
const data = new DataCache();

port.on('message', (task: RunTask) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  executeRun(task, data, (event) => {
    // Batch events are progress only; epochs carry everything the report needs.
    reply({ kind: 'event', key: task.key, event });
  }).then(
    (outcome) => reply({ kind: 'outcome', key: task.key, outcome }),
    (error: unknown) =>
      reply({
        kind: 'error',
        key: task.key,
        message: error instanceof Error ? error.message : String(error),
        name: error instanceof Error ? error.name : 'Error',
        dataError: error instanceof DataError,
        file: error instanceof DataError ? error.file : undefined,
      }),
  );
});

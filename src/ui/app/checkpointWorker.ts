// Worker-thread entry of CheckpointWriter: writes each checkpoint it is sent (atomically, on this
// thread, so the training thread never waits for the disk) and answers with its id and any error.
import { parentPort } from 'node:worker_threads';
import { writeCheckpoint } from '../../data/runsCheckpoint.js';
import type { CheckpointJob, CheckpointReply } from './checkpointWriter.js';

const port = parentPort;
if (!port) throw new Error('checkpointWorker.js must be started as a worker thread');
let best: CheckpointJob['checkpoint']['bestWeights'];
port.on('message', (job: CheckpointJob) => {
  let reply: CheckpointReply;
  if (job.sameBest) job.checkpoint.bestWeights = best;
  else best = job.checkpoint.bestWeights;
  try {
    writeCheckpoint(job.path, job.checkpoint, job.options);
    reply = { id: job.id };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

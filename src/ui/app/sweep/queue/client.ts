// `sweep --queue URL`: the trials go onto a BullMQ queue in Redis instead of local threads, and
// `netdash worker`s anywhere run them. Job ids are deterministic (sweep id + trial key), so running
// the same sweep again adds nothing that exists and only waits for what is not finished. Results
// are read from one Redis hash written once per trial (HSETNX by the worker), so a trial retried
// after a worker died is counted exactly once; progress comes through BullMQ's queue events.
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { UsageError } from '../../errors.js';
import { paramsText } from '../params.js';
import type { Trial } from '../planner.js';
import type { TrialHooks, TrialProgress, TrialRunner } from '../runner.js';
import type { TrialOutcome } from '../trialTask.js';
import {
  KEY_PREFIX,
  QUEUE_NAME,
  RESULTS_TTL_SECONDS,
  checkReachable,
  parseQueueUrl,
  resultsKey,
  type QueueTarget,
} from './connection.js';
import { jobId, trialJob } from './jobs.js';

/** What a worker records per trial. */
export type StoredResult = { ok: true; outcome: TrialOutcome } | { ok: false; reason: string };

const POLL_MS = 250;
const STATE_EVERY_POLLS = 8;

/** Several attempts for a worker that fails unexpectedly; a bad job fails at once (UnrecoverableError). */
export const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'fixed', delay: 1000 },
  removeOnComplete: { age: RESULTS_TTL_SECONDS },
  removeOnFail: { age: RESULTS_TTL_SECONDS },
} as const;

export async function connectQueue(url: string, sweepId: string): Promise<{ runner: TrialRunner; maskedUrl: string }> {
  const target = parseQueueUrl(url);
  await checkReachable(target);
  return { runner: queueRunner(target, sweepId), maskedUrl: target.shown };
}

function queueRunner(target: QueueTarget, sweepId: string): TrialRunner {
  const connection = { ...target.options, maxRetriesPerRequest: null } as ConnectionOptions;
  const queue = new Queue(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
  const events = new QueueEvents(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
  const results = new Redis({ ...target.options, maxRetriesPerRequest: 2 });
  let connectionError: string | undefined;
  const onError = (error: Error) => (connectionError = target.mask(error.message));
  queue.on('error', onError);
  events.on('error', onError);
  results.on('error', onError);
  const ready = Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);

  const run = async (trials: readonly Trial[], hooks: TrialHooks, signal: AbortSignal) => {
    await ready;
    const byJob = new Map(trials.map((trial) => [jobId(sweepId, trial.key), trial]));
    const pending = new Map(trials.map((trial) => [trial.key, trial]));
    const started = new Set<string>();
    const outcomes = new Map<string, TrialOutcome>();
    const start = (trial: Trial) => {
      if (started.has(trial.key)) return;
      started.add(trial.key);
      hooks.onStart(trial);
    };
    const onActive = ({ jobId: id }: { jobId: string }) => {
      const trial = byJob.get(id);
      if (trial && pending.has(trial.key)) start(trial);
    };
    const onProgress = ({ jobId: id, data }: { jobId: string; data: unknown }) => {
      const trial = byJob.get(id);
      if (!trial || !pending.has(trial.key) || typeof data !== 'object' || data === null) return;
      start(trial);
      hooks.onProgress(trial, data as TrialProgress);
    };
    events.on('active', onActive);
    events.on('progress', onProgress);
    try {
      await queue.addBulk(
        trials.map((trial) => ({
          name: 'trial',
          data: trialJob(sweepId, trial),
          opts: { jobId: jobId(sweepId, trial.key), ...JOB_OPTIONS },
        })),
      );
      // Trials that failed in an earlier run of this sweep get another chance.
      for (const trial of trials) {
        const job = await queue.getJob(jobId(sweepId, trial.key));
        if (job && (await job.getState()) === 'failed') await job.retry('failed');
      }
      for (let poll = 0; pending.size > 0; poll++) {
        if (signal.aborted) throw new Error('aborted');
        const keys = [...pending.keys()];
        const stored = await results.hmget(resultsKey(sweepId), ...keys);
        stored.forEach((text, i) => {
          if (text === null) return;
          const trial = pending.get(keys[i]!)!;
          const result = JSON.parse(text) as StoredResult;
          if (!result.ok)
            throw new UsageError(`trial ${trial.index} (${paramsText(trial.params)}) failed on a worker: ${result.reason}`);
          pending.delete(trial.key);
          start(trial);
          outcomes.set(trial.key, result.outcome);
          hooks.onDone(trial, result.outcome);
        });
        if (poll % STATE_EVERY_POLLS === STATE_EVERY_POLLS - 1) await checkFailed(queue, sweepId, [...pending.values()], results);
        if (pending.size > 0) await sleep(POLL_MS, signal);
      }
      return outcomes;
    } catch (error) {
      if (connectionError && !(error instanceof UsageError) && !signal.aborted) {
        throw new Error(`the queue at ${target.shown} failed: ${connectionError}`);
      }
      throw error;
    } finally {
      events.off('active', onActive);
      events.off('progress', onProgress);
    }
  };

  return {
    jobs: 0,
    run,
    close: async () => {
      await Promise.allSettled([queue.close(), events.close()]);
      results.disconnect();
    },
  };
}

/** A job BullMQ gave up on (e.g. stalled too often) without a recorded result. */
async function checkFailed(queue: Queue, sweepId: string, trials: readonly Trial[], results: Redis): Promise<void> {
  for (const trial of trials) {
    const job = await queue.getJob(jobId(sweepId, trial.key));
    if (!job || (await job.getState()) !== 'failed') continue;
    // The result may have landed just now.
    if ((await results.hexists(resultsKey(sweepId), trial.key)) === 1) continue;
    throw new Error(`trial ${trial.index} (${paramsText(trial.params)}) failed on a worker: ${job.failedReason}`);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

// `netdash worker --queue URL`: takes trials off the sweep queue and runs them on this machine's
// worker threads (the shared pool), up to --concurrency at once. Each job is read as untrusted
// input (jobs.ts); a bad one fails with its reason and the worker goes on. A result is written
// once (HSETNX) before the job completes, so a job retried after this worker died mid-trial — its
// lock expires and another worker takes it — is still counted once.
import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { percent } from '../../format.js';
import { WorkerPool } from '../../workerPool.js';
import { paramsText } from '../params.js';
import { TRIAL_TASK } from '../runner.js';
import type { TrialOutcome } from '../trialTask.js';
import type { StoredResult } from './client.js';
import { KEY_PREFIX, QUEUE_NAME, RESULTS_TTL_SECONDS, checkReachable, parseQueueUrl, resultsKey } from './connection.js';
import { BadJob, readJob } from './jobs.js';

export interface WorkerOptions {
  url: string;
  concurrency: number;
  /** This machine's data and runs folders: jobs never carry paths. */
  dataDir?: string;
  runsDir?: string;
  /** How long a job's lock lasts without renewal; a dead worker's trial is retried after about this long. */
  lockSeconds: number;
  /** One line per event (started, finished, refused), passwords masked. */
  log: (line: string) => void;
}

export interface RunningWorker {
  shown: string;
  /** Stops taking jobs; `force` abandons running trials (their locks expire and others retry them). */
  close(force?: boolean): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const target = parseQueueUrl(options.url);
  await checkReachable(target);
  const pool = new WorkerPool(TRIAL_TASK, options.concurrency);
  const results = new Redis({ ...target.options, maxRetriesPerRequest: 2 });
  results.on('error', () => {});
  const abort = new AbortController();

  const record = async (sweepId: string, key: string, result: StoredResult): Promise<void> => {
    const name = resultsKey(sweepId);
    await results.hsetnx(name, key, JSON.stringify(result));
    await results.expire(name, RESULTS_TTL_SECONDS);
  };

  const process = async (job: Job): Promise<{ key: string }> => {
    let trial;
    try {
      trial = readJob(job.data);
    } catch (error) {
      if (!(error instanceof BadJob)) throw error;
      options.log(`refused job ${String(job.id).slice(0, 40)}: ${target.mask(error.message)}`);
      if (error.sweepId && error.key) await record(error.sweepId, error.key, { ok: false, reason: error.message });
      throw new UnrecoverableError(error.message);
    }
    const done = await results.hget(resultsKey(trial.sweepId), trial.key);
    // Finished already (by a worker that died before completing the job): not run, not counted again.
    if (done !== null) return { key: trial.key };
    options.log(`trial ${trial.trial} of sweep ${trial.sweepId}: ${paramsText(argsParams(trial.args))}`);
    let outcome: TrialOutcome;
    try {
      outcome = await pool.run(
        trial.key,
        { key: trial.key, args: trial.args, dataDir: options.dataDir, runsDir: options.runsDir },
        (event) => {
          if (event.type === 'epoch') void job.updateProgress({ epoch: event.epoch, metrics: event.metrics }).catch(() => {});
        },
        abort.signal,
      );
    } catch (error) {
      if (abort.signal.aborted) throw error;
      // A trial this worker's data cannot hold (e.g. --train-size beyond its folder) fails for good.
      const reason = target.mask(error instanceof Error ? error.message : String(error));
      if (error instanceof Error && ['UsageError', 'RequestError', 'DataError'].includes(error.name)) {
        options.log(`trial ${trial.trial} refused: ${reason}`);
        await record(trial.sweepId, trial.key, { ok: false, reason });
        throw new UnrecoverableError(reason);
      }
      throw error;
    }
    await record(trial.sweepId, trial.key, { ok: true, outcome });
    options.log(`trial ${trial.trial} done: best ${percent(outcome.best.validationAccuracy)} (epoch ${outcome.bestEpoch})`);
    return { key: trial.key };
  };

  const lockDuration = options.lockSeconds * 1000;
  const worker = new Worker(QUEUE_NAME, process, {
    connection: { ...target.options, maxRetriesPerRequest: null } as ConnectionOptions,
    prefix: KEY_PREFIX,
    concurrency: pool.size,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 5,
  });
  worker.on('error', (error) => options.log(`queue error: ${target.mask(error.message)}`));
  await worker.waitUntilReady();
  return {
    shown: target.shown,
    close: async (force = false) => {
      if (force) abort.abort();
      await worker.close(force);
      await pool.close();
      results.disconnect();
    },
  };
}

/** A job's flags as flag → value, for the log line. */
function argsParams(args: Record<string, unknown>): Record<string, string | boolean> {
  const params: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(args)) {
    const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    params[flag] = typeof value === 'boolean' ? value : Array.isArray(value) ? value.join(',') : String(value);
  }
  return params;
}

// The figure behind `sweep --jobs`: six equal trials on the shared worker pool, one at a time and
// two at a time (the data loaded in each slot by a warm-up first, so only training is timed).
import type { EngineKind } from '../../core/engines.js';
import { WorkerPool, type TaskModule } from '../app/workerPool.js';
import type { EqualTrial } from './trialWorker.js';

export const PARALLEL_TRIALS = 6;
const TRIAL: Omit<EqualTrial, 'engine'> = { trainingSize: 50_000, epochs: 4 };

const TASK: TaskModule<EqualTrial, number, never> = {
  url: new URL('./trialWorker.js', import.meta.url),
  load: () => import('./trialWorker.js'),
};

export interface ParallelTrialsResult {
  trials: number;
  trainingSize: number;
  epochs: number;
  /** Wall seconds of all trials with --jobs 1 and --jobs 2 (2 only when worker threads are available). */
  secondsJobs1: number;
  secondsJobs2?: number;
  /** secondsJobs2 / secondsJobs1: at most 1/1.6 = 0.625 on two cores. */
  ratio?: number;
}

async function timeTrials(jobs: number, engine: EngineKind): Promise<number | undefined> {
  const pool = new WorkerPool(TASK, jobs);
  if (pool.size !== jobs) {
    await pool.close();
    return undefined;
  }
  const signal = new AbortController().signal;
  try {
    const warmUp = { ...TRIAL, engine, epochs: 1 };
    await Promise.all(Array.from({ length: jobs }, (_, i) => pool.run(`warm-${i}`, warmUp, () => {}, signal)));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PARALLEL_TRIALS }, (_, i) => pool.run(`trial-${i}`, { ...TRIAL, engine }, () => {}, signal)),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await pool.close();
  }
}

export async function measureParallelTrials(engine: EngineKind): Promise<ParallelTrialsResult> {
  const secondsJobs1 = (await timeTrials(1, engine))!;
  const secondsJobs2 = await timeTrials(2, engine);
  return {
    trials: PARALLEL_TRIALS,
    ...TRIAL,
    secondsJobs1,
    ...(secondsJobs2 !== undefined && { secondsJobs2, ratio: secondsJobs2 / secondsJobs1 }),
  };
}

// Reproduce's task module for the shared worker pool (src/ui/app/workerPool.ts): one preset run ×
// seed, headless, through runTask.ts. Loaded in each worker thread (or in this one), each with its
// own data cache.
import type { TrainerEvent } from '../../core/types.js';
import type { TaskRunner } from '../app/workerPool.js';
import type { RunTask } from './plan.js';
import { DataCache, executeRun, type RunOutcome } from './runTask.js';

const data = new DataCache();

export const runTask: TaskRunner<RunTask, RunOutcome, TrainerEvent> = (task, emit, signal) =>
  executeRun(task, data, emit, signal);

// Tiny recorded runs on synthetic data, in-process: a Trainer with a RunRecorder, as `netdash train`
// builds them, for the tests of listing, comparing, resuming and removing runs.
import { makeConfig } from '../../src/core/config.js';
import { selectEngine } from '../../src/core/engines.js';
import { Trainer, type TrainerCheckpoint } from '../../src/core/trainer.js';
import type { DoneEvent, TrainConfig, TrainerEvent } from '../../src/core/types.js';
import type { RunDescription } from '../../src/data/runs.js';
import { RunRecorder, type RecordOptions } from '../../src/ui/app/runsRecorder.js';
import { tinyExamples } from './tinyData.js';

export const TINY_DATA = { training: tinyExamples(90, 20, 3, 1), validation: tinyExamples(40, 20, 3, 2) };

export const TINY_CONFIG: TrainConfig = makeConfig({
  sizes: [20, 9, 3],
  epochs: 6,
  batchSize: 7,
  eta: 0.8,
  momentum: 0.6,
  dropout: 0.3,
  lambda: 0.5,
  seed: 7,
});

export interface Recorded {
  recorder: RunRecorder;
  trainer: Trainer;
  done: DoneEvent;
  events: TrainerEvent[];
  finishError: string | undefined;
}

/** Trains and records one run; `abortAfter` stops it during the epoch after that one. */
export async function recordRun(
  runsDir: string,
  options: {
    config?: Partial<TrainConfig>;
    abortAfter?: number;
    resume?: { dir: string; checkpoint: TrainerCheckpoint; description: RunDescription };
    writeCheckpoint?: RecordOptions['writeCheckpoint'];
  } = {},
): Promise<Recorded> {
  const config = { ...TINY_CONFIG, ...options.config };
  const trainer = new Trainer(config, TINY_DATA, {
    engine: selectEngine('typescript'),
    yieldEveryMs: 0,
    batchEventEveryMs: 0,
    ...(options.resume && { resume: options.resume.checkpoint }),
  });
  const controller = new AbortController();
  const recorder = new RunRecorder({
    runsDir,
    source: 'test',
    trainer,
    context: {
      version: '0.0.0-test',
      heldOut: 'validation',
      testSize: 0,
      engine: trainer.engineName,
      dataDir: '(synthetic)',
      loadSeconds: 0,
    },
    data: { dir: null, trainingSize: 90, validationSize: 40, expand: false, heldOut: 'validation', testSize: 0 },
    stop: () => controller.abort(),
    ...(options.resume && {
      resume: { dir: options.resume.dir, description: options.resume.description, afterEpoch: options.resume.checkpoint.epoch },
    }),
    ...(options.writeCheckpoint && { writeCheckpoint: options.writeCheckpoint }),
  });
  const events: TrainerEvent[] = [];
  trainer.on((event) => {
    events.push(event);
    if (event.type === 'batch' && options.abortAfter !== undefined && event.epoch > options.abortAfter) controller.abort();
  });
  const done = await trainer.run(controller.signal);
  const finishError = await recorder.finish({ done });
  return { recorder, trainer, done, events, finishError };
}

/** A recorded epoch without its timings (which differ between any two runs). */
export function withoutTimes<T extends object>(line: T): Omit<T, 'trainSeconds' | 'evalSeconds'> {
  const copy = { ...line } as Record<string, unknown>;
  delete copy.trainSeconds;
  delete copy.evalSeconds;
  return copy as Omit<T, 'trainSeconds' | 'evalSeconds'>;
}

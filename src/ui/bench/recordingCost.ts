// What recording a run costs (issue 12: at most 2% on [784,30,10]): the first workload trained with a
// RunRecorder into a temporary runs folder; the seconds the training thread spends on it after each
// epoch (event lines, metrics row, the checkpoint's copies; the checkpoint file itself is written on
// libuv's thread pool while the next epoch trains) against the epoch's training and evaluation seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConfig } from '../../core/config.js';
import { selectEngine, type EngineKind } from '../../core/engines.js';
import { Trainer } from '../../core/trainer.js';
import type { Datasets } from '../../data/load.js';
import { RunRecorder } from '../app/runsRecorder.js';
import { packageVersion } from '../app/version.js';
import { median } from './measure.js';
import { BENCH_SETTINGS, WORKLOADS, type Workload } from './workloads.js';

/** The largest share of an epoch recording may take. */
export const RECORDING_LIMIT = 0.02;

export interface RecordingCost {
  sizes: number[];
  batchSize: number;
  epochs: number;
  /** Median seconds of an epoch's training pass plus evaluation. */
  epochSeconds: number;
  /** Median seconds the training thread spends recording an epoch. */
  recordSeconds: number;
  /** recordSeconds / epochSeconds. */
  fraction: number;
  withinLimit: boolean;
}

export async function measureRecordingCost(
  datasets: Datasets,
  engine: EngineKind,
  epochs: number,
  workload: Workload = WORKLOADS[0]!,
): Promise<RecordingCost> {
  const config = makeConfig({
    sizes: workload.sizes,
    batchSize: workload.batchSize,
    cost: BENCH_SETTINGS.cost,
    eta: BENCH_SETTINGS.eta,
    lambda: BENCH_SETTINGS.lambda,
    epochs: epochs + 1,
  });
  const trainer = new Trainer(
    config,
    { training: datasets.training, validation: datasets.validation },
    { engine: selectEngine(engine) },
  );
  const runsDir = mkdtempSync(join(tmpdir(), 'netdash-bench-runs-'));
  const epochSeconds: number[] = [];
  const recordSeconds: number[] = [];
  // Subscribed before the recorder: from here to the end of its checkpoint listener, the training
  // thread does the recorder's work (lines, the checkpoint's copies) and the callbacks (microseconds).
  let epochEnded = 0;
  trainer.on((event) => {
    if (event.type !== 'epoch') return;
    epochEnded = performance.now();
    if (event.epoch > 1) epochSeconds.push(event.trainSeconds + event.evalSeconds);
  });
  try {
    const recorder = new RunRecorder({
      runsDir,
      source: 'bench',
      trainer,
      context: {
        version: packageVersion(),
        heldOut: 'validation',
        testSize: datasets.test.count,
        engine: trainer.engineName,
        dataDir: datasets.source,
        loadSeconds: datasets.loadSeconds,
      },
      data: {
        dir: null,
        trainingSize: datasets.training.count,
        validationSize: datasets.validation.count,
        expand: false,
        heldOut: 'validation',
        testSize: datasets.test.count,
      },
      stop: () => {},
    });
    trainer.onCheckpoint((checkpoint) => {
      // Checkpoint listeners run in order: the recorder's (added first) is done with this epoch.
      if (checkpoint.epoch > 1) recordSeconds.push((performance.now() - epochEnded) / 1000);
    });
    const done = await trainer.run();
    await recorder.finish({ done });
    if (recorder.failure !== undefined) throw new Error(`recording failed: ${recorder.failure}`);
    const epoch = median(epochSeconds);
    const record = median(recordSeconds);
    return {
      sizes: [...workload.sizes],
      batchSize: workload.batchSize,
      epochs,
      epochSeconds: epoch,
      recordSeconds: record,
      fraction: record / epoch,
      withinLimit: record / epoch <= RECORDING_LIMIT,
    };
  } finally {
    rmSync(runsDir, { recursive: true, force: true });
  }
}

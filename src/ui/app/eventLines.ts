// The trainer's events as the JSON objects `train --json` prints, one a line (NDJSON). One source for
// the command line's stream and a recorded run's events.ndjson, so both are the same lines.
import type { HeldOut } from '../../core/experiments.js';
import type { DoneEvent, EpochEvent, LearningRateEvent, StartEvent, TrainerEvent } from '../../core/types.js';
import type { PreparedRun } from './runSetup.js';

/** Facts about the run that the trainer's events do not carry. */
export interface RunContext {
  version: string;
  experiment?: { id: string; run: string; variant: number };
  /** The set monitored as "validation". */
  heldOut: HeldOut;
  testSize: number;
  engine: string;
  dataDir: string;
  loadSeconds: number;
  loadedFrom?: string;
  /** The folder the run is recorded in (absent with --no-record). */
  runDir?: string;
  /** The run continues a recorded one after this epoch (train --resume). */
  resumedAfter?: number;
}

/** What a prepared run tells its start line beyond the trainer's events (add the experiment, runDir, …). */
export function preparedContext(prepared: PreparedRun, version: string): RunContext {
  const { datasets } = prepared;
  return {
    version,
    heldOut: prepared.heldOutName,
    testSize: datasets.test.count,
    engine: prepared.trainer.engineName,
    dataDir: datasets.source,
    loadSeconds: datasets.loadSeconds,
  };
}

export interface RunSummary {
  done: DoneEvent;
  testAccuracy?: number;
  saved?: string;
}

export function startLine(event: StartEvent, c: RunContext): Record<string, unknown> {
  return {
    type: 'start',
    version: c.version,
    ...(c.experiment && { experiment: c.experiment }),
    config: event.config,
    trainingSize: event.trainingSize,
    validationSize: event.validationSize,
    heldOut: c.heldOut,
    testSize: c.testSize,
    batchesPerEpoch: event.batchesPerEpoch,
    engine: c.engine,
    dataDir: c.dataDir,
    loadSeconds: c.loadSeconds,
    ...(c.loadedFrom !== undefined && { loadedFrom: c.loadedFrom }),
    ...(c.runDir !== undefined && { runDir: c.runDir }),
    ...(c.resumedAfter !== undefined && { resumedAfter: c.resumedAfter }),
  };
}

export function epochLine(event: EpochEvent): Record<string, unknown> {
  return {
    type: 'epoch',
    epoch: event.epoch,
    ...event.metrics,
    learningRate: event.learningRate,
    trainSeconds: event.trainSeconds,
    evalSeconds: event.evalSeconds,
    bestEpoch: event.bestEpoch,
    epochsSinceImprovement: event.epochsSinceImprovement,
  };
}

export function lrLine(event: LearningRateEvent): Record<string, unknown> {
  return { type: 'lr', epoch: event.epoch, from: event.from, to: event.to };
}

export function doneLine({ done, testAccuracy, saved }: RunSummary): Record<string, unknown> {
  return {
    type: 'done',
    reason: done.reason,
    epochs: done.epochs,
    bestEpoch: done.bestEpoch,
    best: done.best,
    final: done.final,
    ...(testAccuracy !== undefined && { testAccuracy }),
    ...(saved !== undefined && { saved }),
    seconds: done.seconds,
  };
}

/** The line of a start, epoch or lr event; undefined for the others (batch progress, evaluation, done). */
export function eventLine(event: TrainerEvent, context: RunContext): Record<string, unknown> | undefined {
  switch (event.type) {
    case 'start':
      return startLine(event, context);
    case 'epoch':
      return epochLine(event);
    case 'lr':
      return lrLine(event);
    default:
      return undefined;
  }
}

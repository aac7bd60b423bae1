// What a train run reports, whatever the format: the trainer's events as they happen, then one
// summary once the test accuracy and the saved file are known.
import type { HeldOut } from '../../../core/experiments.js';
import type { DoneEvent, TrainerEvent } from '../../../core/types.js';

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
}

export interface RunSummary {
  done: DoneEvent;
  testAccuracy?: number;
  saved?: string;
}

export interface RunReporter {
  /** Every trainer event; 'done' is ignored here and reported by finish(). */
  onEvent(event: TrainerEvent): void;
  finish(summary: RunSummary): void;
}

/** Where output goes: stdout for results, stderr for messages (tests can pass buffers). */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

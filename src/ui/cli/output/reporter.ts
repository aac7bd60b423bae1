// What a train run reports, whatever the format: the trainer's events as they happen, then one
// summary once the test accuracy and the saved file are known.
import type { TrainerEvent } from '../../../core/types.js';
import type { RunSummary } from '../../app/eventLines.js';

export type { RunContext, RunSummary } from '../../app/eventLines.js';

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

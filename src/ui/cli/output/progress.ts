// A one-line progress indicator on stderr for interactive terminals only (never in pipes or with
// --json): "epoch 3/30  45%  12,300 img/s", redrawn in place and erased before each result line.
import type { BatchEvent } from '../../../core/types.js';
import { count } from '../../app/format.js';

/** Erases the current line: an ANSI sequence, or spaces where the terminal says it has none (TERM=dumb). */
function eraseLine(): string {
  return process.env.TERM === 'dumb' ? `\r${' '.repeat(79)}\r` : '\r\x1b[2K';
}

export class TtyProgress {
  private shown = false;

  constructor(
    private readonly stderr: NodeJS.WritableStream,
    private readonly epochs: number,
  ) {}

  update(event: BatchEvent): void {
    const percent = Math.floor((100 * event.batch) / event.batches);
    this.stderr.write(`${eraseLine()}epoch ${event.epoch}/${this.epochs}  ${percent}%  ${count(event.examplesPerSecond)} img/s`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stderr.write(eraseLine());
    this.shown = false;
  }
}

// Progress on stderr: which experiment, run, seed and epoch, elapsed time and ETA. On a terminal
// one line is rewritten in place; in a pipe or log, lines are printed at run starts and ends and at
// most every few seconds in between.
import type { TrainerEvent } from '../../core/types.js';
import { duration } from '../app/format.js';
import type { RunTask } from './plan.js';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Seconds left if the rest goes at the speed so far; undefined before any work is done. */
export function estimateRemainingSeconds(doneWork: number, totalWork: number, elapsedSeconds: number): number | undefined {
  if (!(doneWork > 0) || !(elapsedSeconds > 0)) return undefined;
  return (Math.max(0, totalWork - doneWork) * elapsedSeconds) / doneWork;
}

interface Active {
  task: RunTask;
  label: string;
  /** Fraction of the run's epochs done. */
  fraction: number;
  epoch: number;
}

export class ProgressReporter {
  private readonly started: number;
  private readonly active = new Map<string, Active>();
  private finishedWork = 0;
  private finishedRuns = 0;
  private lastLine = 0;
  private lineOpen = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly totalWork: number,
    private readonly totalRuns: number,
    private readonly prefix: string,
    private readonly now: () => number = () => performance.now(),
    private readonly pipeIntervalMs = 5000,
  ) {
    this.started = now();
  }

  /** A line of its own (e.g. an experiment that needs no training). */
  message(text: string): void {
    this.clearLine();
    this.stream.write(`${this.prefix}${text}\n`);
  }

  runStarted(task: RunTask, label: string): void {
    this.active.set(task.key, { task, label, fraction: 0, epoch: 0 });
    this.show(task.key, true);
  }

  event(task: RunTask, event: TrainerEvent): void {
    const active = this.active.get(task.key);
    if (!active) return;
    if (event.type === 'epoch') {
      active.epoch = event.epoch;
      active.fraction = event.epoch / task.epochs;
    } else if (event.type === 'batch') {
      active.fraction = (event.epoch - 1 + event.batch / event.batches) / task.epochs;
      active.epoch = event.epoch - 1;
    } else return;
    this.show(task.key, false);
  }

  runFinished(task: RunTask, summary: string): void {
    const active = this.active.get(task.key);
    this.active.delete(task.key);
    this.finishedWork += task.work;
    this.finishedRuns++;
    this.clearLine();
    this.stream.write(
      `${this.prefix}done ${this.finishedRuns}/${this.totalRuns}: ${active?.label ?? task.key} — ${summary} · ${this.timing()}\n`,
    );
  }

  close(): void {
    this.clearLine();
  }

  private doneWork(): number {
    let work = this.finishedWork;
    for (const active of this.active.values()) work += Math.min(1, active.fraction) * active.task.work;
    return work;
  }

  private timing(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const remaining = estimateRemainingSeconds(this.doneWork(), this.totalWork, elapsed);
    return `${duration(elapsed)} elapsed · ETA ${remaining === undefined ? '…' : duration(remaining)}`;
  }

  private show(key: string, force: boolean): void {
    const active = this.active.get(key);
    if (!active) return;
    const t = this.now();
    const interval = this.stream.isTTY ? 100 : this.pipeIntervalMs;
    if (!force && t - this.lastLine < interval) return;
    this.lastLine = t;
    const percent = Math.round((100 * this.doneWork()) / Math.max(1, this.totalWork));
    const line =
      `${this.prefix}run ${this.finishedRuns + 1}/${this.totalRuns} · ${active.label} · ` +
      `epoch ${active.epoch}/${active.task.epochs} · ${percent}% · ${this.timing()}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${line}`);
      this.lineOpen = true;
    } else {
      this.stream.write(`${line}\n`);
    }
  }

  private clearLine(): void {
    if (this.lineOpen) this.stream.write('\r\x1b[2K');
    this.lineOpen = false;
  }
}

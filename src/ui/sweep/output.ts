// What the sweep prints: with --json every event but trial-epoch as one NDJSON line on stdout;
// otherwise a line per finished trial, the book strategy's explanations, and at the end the ranked
// table and the winner's command line. A progress line is redrawn on stderr when it is a terminal.
import { duration, percent } from '../app/format.js';
import type { SweepEvent, TrialDone } from '../app/sweep/events.js';
import { formatTable, paramsCell, settings, settingsTable, trialsTable } from '../app/sweep/tables.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const eraseLine = () => (process.env.TERM === 'dumb' ? `\r${' '.repeat(79)}\r` : '\r\x1b[2K');

export class SweepOutput {
  private readonly done: TrialDone[] = [];
  private readonly running = new Map<number, string>();
  private planned = 0;
  private started = Date.now();
  private progressShown = false;

  constructor(
    private readonly io: Io,
    private readonly json: boolean,
  ) {}

  readonly onEvent = (event: SweepEvent): void => {
    this.track(event);
    this.clearProgress();
    if (this.json) {
      if (event.type !== 'trial-epoch') this.io.stdout.write(`${JSON.stringify(event)}\n`);
    } else this.writeText(event);
    this.showProgress();
  };

  private track(event: SweepEvent): void {
    if (event.type === 'sweep-start') {
      this.planned = event.trials;
      this.started = Date.now();
    } else if (event.type === 'trial-start') {
      this.running.set(event.trial, paramsCell(event.params));
      this.planned = Math.max(this.planned, event.trial);
    } else if (event.type === 'trial-epoch') {
      this.running.set(event.trial, `${this.running.get(event.trial)?.split(' · ')[0] ?? ''} · epoch ${event.epoch}`);
    } else if (event.type === 'trial-done') {
      this.running.delete(event.trial);
      this.done.push(event);
    }
  }

  private writeText(event: SweepEvent): void {
    const out = (text: string): void => void this.io.stdout.write(`${text}\n`);
    switch (event.type) {
      case 'sweep-start':
        return out(
          `sweep ${event.id}: ${event.strategy === 'book' ? "the chapter's recipe" : `${event.trials} trials`}` +
            (event.queue ? ` on the queue ${event.queue}` : `, ${event.jobs} at a time`),
        );
      case 'step-start':
        return out(`\nStep ${event.step}: ${event.name}\n${event.explanation}`);
      case 'trial-done':
        return out(
          `trial ${event.trial}  ${paramsCell(event.params)}  seed ${event.seed}: best ${percent(event.best.validationAccuracy)}` +
            ` (epoch ${event.bestEpoch} of ${event.epochs}, ${event.reason})`,
        );
      case 'step-done':
        return out(`${formatTable(event.evidence)}\n→ ${event.decision}`);
      case 'sweep-done':
        return this.writeSummary(event);
      default:
        return;
    }
  }

  private writeSummary(event: Extract<SweepEvent, { type: 'sweep-done' }>): void {
    const out = (text: string): void => void this.io.stdout.write(`${text}\n`);
    if (this.done.length === 0) return out('\nno trials ran');
    out(`\nTrials by best held-out accuracy (${this.done.length}, ${duration(event.seconds)}):`);
    out(trialsTable(this.done));
    const bySetting = settings(this.done);
    if (bySetting.length < this.done.length) {
      out('\nSettings by mean best accuracy over their seeds:');
      out(settingsTable(bySetting));
    }
    if (event.recommended) out(`\nRecommended: ${paramsCell(event.recommended)}`);
    if (event.best) out(`\nWinner: trial ${event.best.trial}, best ${percent(event.best.best.validationAccuracy)}. To run it:`);
    out(`  ${event.command}`);
  }

  private showProgress(): void {
    if (!this.io.stderr.isTTY) return;
    const best = this.done.reduce<TrialDone | undefined>(
      (top, t) => ((t.best.validationAccuracy ?? -1) > (top?.best.validationAccuracy ?? -1) ? t : top),
      undefined,
    );
    const running = [...this.running.entries()].map(([trial, text]) => `#${trial} ${text}`).join(', ');
    const line =
      `sweep: ${this.done.length}/${this.planned || '?'} done` +
      (running ? ` · running ${running}` : '') +
      (best ? ` · best ${percent(best.best.validationAccuracy)} (#${best.trial})` : '') +
      ` · ${duration((Date.now() - this.started) / 1000)}`;
    const width = (this.io.stderr as { columns?: number }).columns ?? 100;
    this.io.stderr.write(`${eraseLine()}${line.slice(0, width - 1)}`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (!this.progressShown) return;
    this.io.stderr.write(eraseLine());
    this.progressShown = false;
  }
}

import { describe, expect, it } from 'vitest';
import type { RunTask } from '../../../src/ui/reproduce/plan.js';
import { ProgressReporter, estimateRemainingSeconds } from '../../../src/ui/reproduce/progress.js';

describe('progress and ETA', () => {
  it('extrapolates the remaining time from the work done so far', () => {
    expect(estimateRemainingSeconds(25, 100, 10)).toBe(30);
    expect(estimateRemainingSeconds(100, 100, 10)).toBe(0);
    expect(estimateRemainingSeconds(0, 100, 10)).toBeUndefined();
  });

  it('tells the experiment, run, epoch and ETA on a pipe, without terminal codes', () => {
    let clock = 0;
    const lines: string[] = [];
    const stream = { write: (text: string) => lines.push(text), isTTY: false };
    const task = { key: 'eta-run1-seed1', epochs: 4, work: 100 } as RunTask;
    const other = { key: 'eta-run2-seed1', epochs: 4, work: 100 } as RunTask;
    const progress = new ProgressReporter(stream, 200, 2, 'reproduce ', () => clock, 0);
    progress.runStarted(task, 'eta · η = 0.25 · seed 1/1');
    clock = 10_000;
    progress.event(task, {
      type: 'epoch',
      epoch: 2,
      metrics: {},
      learningRate: 0.25,
      trainSeconds: 1,
      evalSeconds: 0,
      bestEpoch: 0,
      bestMetrics: {},
      epochsSinceImprovement: 0,
    });
    // Half of one of two equal runs in 10 s: 30 s left.
    expect(lines.at(-1)).toBe('reproduce run 1/2 · eta · η = 0.25 · seed 1/1 · epoch 2/4 · 25% · 10s elapsed · ETA 30s\n');
    progress.runFinished(task, 'done');
    progress.runStarted(other, 'eta · η = 2.5 · seed 1/1');
    expect(lines.at(-2)).toMatch(/^reproduce done 1\/2: eta · η = 0.25 · seed 1\/1 — done · 10s elapsed · ETA 10s\n$/);
    expect(lines.join('')).not.toContain('\x1b');
  });

  it('rewrites one line on a terminal and clears it before other output', () => {
    const written: string[] = [];
    const progress = new ProgressReporter({ write: (t: string) => written.push(t), isTTY: true }, 10, 1, '', () => 0);
    progress.runStarted({ key: 'k', epochs: 1, work: 10 } as RunTask, 'x');
    expect(written.at(-1)).toMatch(/^\r\x1b\[2Krun 1\/1 · x/);
    progress.message('hello');
    expect(written.slice(-2)).toEqual(['\r\x1b[2K', 'hello\n']);
  });
});

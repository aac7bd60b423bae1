// Sweeps in this process on tiny data: the event stream, the ranking and the winner's command,
// results independent of the other trials, and the book strategy's steps. The pure rules of the
// book strategy on plain numbers.
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { configureYargs } from '../../../src/ui/app/yargsSetup.js';
import type { SweepEvent, TrialDone } from '../../../src/ui/app/sweep/events.js';
import { planSweep } from '../../../src/ui/app/sweep/planner.js';
import { localRunner } from '../../../src/ui/app/sweep/runner.js';
import { costFalls, nextLambda, thresholdDecade } from '../../../src/ui/app/sweep/strategy.js';
import { readSweepSpec, sweepBuilder, type SweepArgs } from '../../../src/ui/app/sweep/sweepOptions.js';
import { runSweep } from '../../../src/ui/app/sweep/sweepRun.js';

const TINY = ['--train-size', '200', '--validation-size', '200', '--epochs', '2'];

async function sweep(argv: string[]): Promise<SweepEvent[]> {
  const all = ['sweep', ...argv];
  const args = configureYargs(yargs(all), all).command('sweep', 'sweep', sweepBuilder).parseSync() as SweepArgs;
  const plan = planSweep(args, readSweepSpec(args));
  const events: SweepEvent[] = [];
  await runSweep(plan, localRunner(1, undefined), (event) => events.push(event), new AbortController().signal, {
    version: 'test',
  });
  return events;
}

const done = (events: SweepEvent[]) => events.filter((e): e is TrialDone => e.type === 'trial-done');

describe('a local sweep', () => {
  it('streams start, each trial and done, and names the best trial with its command line', async () => {
    const events = await sweep([...TINY, '--grid', 'eta=0.05,3', '--grid', 'lambda=0,1']);
    expect(events[0]).toMatchObject({ type: 'sweep-start', trials: 4, strategy: 'grid' });
    expect(events.filter((e) => e.type === 'trial-start')).toHaveLength(4);
    expect(events.filter((e) => e.type === 'trial-epoch')).toHaveLength(8);
    const trials = done(events);
    expect(trials.map((t) => t.trial).sort()).toEqual([1, 2, 3, 4]);
    for (const t of trials) {
      expect(t).toMatchObject({ epochs: 2, runDir: null, params: { eta: expect.any(Number), lambda: expect.any(Number) } });
      expect(t.best.validationAccuracy).toBeGreaterThan(0);
    }
    const last = events.at(-1)!;
    if (last.type !== 'sweep-done') throw new Error('no sweep-done');
    const top = Math.max(...trials.map((t) => t.best.validationAccuracy!));
    expect(last.best?.best.validationAccuracy).toBe(top);
    expect(last.command).toContain(`--seed ${last.best!.seed}`);
    expect(last.command).toMatch(/^netdash train .*--train-size 200/);
  });

  it('gives a trial the same result whatever else the sweep runs', async () => {
    const alone = done(await sweep([...TINY, '--grid', 'eta=0.5']));
    const among = done(await sweep([...TINY, '--grid', 'eta=2,0.5']));
    const same = among.find((t) => t.params.eta === 0.5)!;
    expect(same.seed).toBe(alone[0]!.seed);
    expect(same.best).toEqual(alone[0]!.best);
    expect(same.final).toEqual(alone[0]!.final);
  });

  it('runs the book strategy step by step and recommends what it tried', async () => {
    const events = await sweep(['--strategy', 'book', '--train-size', '100', '--validation-size', '100', '--epochs', '3']);
    expect(events.filter((e) => e.type === 'step-start').map((e) => (e as { step: number }).step)).toEqual([1, 2, 3]);
    const steps = events.filter((e) => e.type === 'step-done');
    expect(steps.every((s) => s.type === 'step-done' && s.evidence.length > 1)).toBe(true);
    const last = events.at(-1)!;
    if (last.type !== 'sweep-done' || !last.recommended) throw new Error('no recommendation');
    const { eta, lambda } = last.recommended as { eta: number; lambda: number };
    expect(last.best?.params).toMatchObject({ eta, lambda });
    // The probes tried η by factors of 10, then halving: half the threshold is recommended.
    const probed = done(events).filter((t) => t.epochs === 3 && t.params['monitor-training'] === true);
    expect(probed.map((t) => t.params.eta)).toEqual(expect.arrayContaining([0.001, 0.01, 0.1, 1, 10, 100]));
    expect(probed.some((t) => Math.abs((t.params.eta as number) - eta * 2) < 1e-9)).toBe(true);
  });
});

describe('the book strategy rules', () => {
  it.each([
    [[3, 2, 1], true],
    [[3, 3, 1], false],
    [[3, 4, 2], false],
    [[3, Number.NaN, 1], false],
    [[3], false],
  ])('the training cost %j falls: %s', (costs, falls) => expect(costFalls(costs)).toBe(falls));

  it('finds the threshold decade: the last η before the cost stops falling', () => {
    expect(thresholdDecade([0.01, 0.1, 1, 10], [true, true, false, false])).toEqual({ eta: 0.1, upper: 1 });
    expect(thresholdDecade([0.01, 0.1, 1], [true, true, true])).toEqual({ eta: 1 });
    expect(thresholdDecade([0.01, 0.1], [false, false])).toEqual({ eta: 0.01, upper: 0.01 });
  });

  it('searches λ by factors of 10 beyond the best edge only', () => {
    expect(nextLambda([0, 0.1, 1, 10], 10)).toBe(100);
    expect(nextLambda([0, 0.1, 1, 10], 1)).toBeUndefined();
    expect(nextLambda([0, 0.1, 1, 10], 0.1)).toBeCloseTo(0.01);
    expect(nextLambda([0, 0.01, 0.1, 1, 10], 0)).toBeCloseTo(0.001);
  });
});

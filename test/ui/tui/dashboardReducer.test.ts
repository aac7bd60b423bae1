import { describe, expect, it } from 'vitest';
import { dashboardReducer, initialDashboardState, isRunning } from '../../../src/ui/tui/dashboard/dashboardReducer.js';
import { epochEvent, planOf, startEvent } from './fixtures.js';

const plan = planOf([
  { label: 'a', config: { epochs: 30 } },
  { label: 'b', config: { epochs: 30 } },
]);

describe('dashboardReducer', () => {
  it('starts loading the first run, showing both charts, nothing toggled, at full speed', () => {
    const state = initialDashboardState(plan);
    expect(state.phase).toBe('loading');
    expect(state.runs.map((r) => r.label)).toEqual(['a', 'b']);
    expect(state.runs[0]!.epochsPlanned).toBe(30);
    expect([state.view, state.showBook, state.compare, state.logScale, state.lastEpochsOnly, state.pace]).toEqual([
      'both',
      false,
      false,
      false,
      false,
      0,
    ]);
    expect(initialDashboardState({ ...plan, bySize: true }).view).toBe('bars');
  });

  it('appends epochs to the run series, NaN for what was not measured', () => {
    let state = initialDashboardState(plan);
    state = dashboardReducer(state, {
      type: 'events',
      run: 0,
      events: [
        startEvent({ epochs: 30 }),
        { type: 'batch', epoch: 1, batch: 50, batches: 100, examplesPerSecond: 5000 },
        epochEvent(1, { validationAccuracy: 0.9, validationCost: 0.5 }),
        epochEvent(2, { validationAccuracy: 0.92, validationCost: 0.4 }),
      ],
    });
    expect(state.phase).toBe('training');
    expect(state.epoch).toBe(2);
    expect(state.bestEpoch).toBe(2);
    expect(state.epochSeconds).toBeCloseTo(3);
    expect(state.runs[0]!.series.validationAccuracy).toEqual([0.9, 0.92]);
    expect(state.runs[0]!.series.trainingCost.every(Number.isNaN)).toBe(true);
    expect(state.runs[0]!.series.trainingCost).toHaveLength(2);
    expect(state.runs[1]!.series.validationAccuracy).toEqual([]);

    state = dashboardReducer(state, {
      type: 'events',
      run: 0,
      events: [epochEvent(3, { validationAccuracy: 0.91 }, { epoch: 2, metrics: {} })],
    });
    expect(state.runs[0]!.series.validationAccuracy).toEqual([0.9, 0.92, 0.91]);
    expect(state.epochsSinceImprovement).toBe(1);
  });

  it('records the done event and moves on to the next run', () => {
    let state = initialDashboardState(plan);
    const done = { type: 'done', reason: 'completed', epochs: 1, bestEpoch: 1, best: {}, final: {}, seconds: 1 } as const;
    state = dashboardReducer(state, { type: 'events', run: 0, events: [startEvent(), epochEvent(1, { trainingCost: 1 }), done] });
    expect(state.runs[0]!.done).toEqual(done);
    expect(state.progress).toBeUndefined();
    state = dashboardReducer(state, { type: 'loading', run: 1 });
    expect(state.current).toBe(1);
    state = dashboardReducer(state, { type: 'events', run: 1, events: [startEvent()] });
    expect([state.current, state.epoch, state.bestEpoch]).toEqual([1, 0, 0]);
    expect(state.runs[0]!.series.trainingCost).toEqual([1]);
  });

  it('shows a notice when η is halved', () => {
    const state = dashboardReducer(initialDashboardState(plan), {
      type: 'events',
      run: 0,
      events: [startEvent(), { type: 'lr', epoch: 12, from: 0.5, to: 0.25 }],
    });
    expect(state.learningRate).toBe(0.25);
    expect(state.notice?.text).toContain('0.5 → 0.25');
    expect(state.runs[0]!.etaChanges).toEqual([12]);
    expect(dashboardReducer(state, { type: 'clearNotice' }).notice).toBeUndefined();
  });

  it('switches views (from the top of a scrolled one) and toggles options', () => {
    let state = dashboardReducer(initialDashboardState(plan), { type: 'scroll', by: 3, limit: 10 });
    expect(state.scroll).toBe(3);
    expect(dashboardReducer(state, { type: 'scroll', by: 50, limit: 10 }).scroll).toBe(9);
    expect(dashboardReducer(state, { type: 'scroll', by: -50, limit: 10 }).scroll).toBe(0);
    state = dashboardReducer(state, { type: 'view', view: 'cost' });
    expect([state.view, state.scroll]).toEqual(['cost', 0]);
    for (const option of ['showBook', 'compare', 'lastEpochsOnly', 'logScale'] as const) {
      const on = dashboardReducer(state, { type: 'toggle', option });
      expect(on[option]).toBe(true);
      expect(dashboardReducer(on, { type: 'toggle', option })[option]).toBe(false);
    }
  });

  it('pauses only while running; finishing or failing ends the run state', () => {
    let state = dashboardReducer(initialDashboardState(plan), { type: 'events', run: 0, events: [startEvent()] });
    state = dashboardReducer(state, { type: 'paused', paused: true });
    expect(state.paused).toBe(true);
    const stopped = dashboardReducer(state, { type: 'allDone', stopped: true });
    expect([stopped.phase, stopped.paused, isRunning(stopped)]).toEqual(['stopped', false, false]);
    expect(dashboardReducer(stopped, { type: 'paused', paused: true }).paused).toBe(false);
    const failed = dashboardReducer(state, { type: 'failed', message: 'data: no such file' });
    expect([failed.phase, failed.error]).toEqual(['failed', 'data: no such file']);
  });

  it('remembers the saved file and the accuracy measured after a run', () => {
    let state = dashboardReducer(initialDashboardState(plan), { type: 'saved', file: 'net.json' });
    expect(state.savedFile).toBe('net.json');
    expect(state.notice?.text).toContain('net.json');
    state = dashboardReducer(state, {
      type: 'events',
      run: 1,
      events: [{ type: 'evaluation', accuracy: 0.8, correct: 80, total: 100, cost: 0.5 }],
    });
    expect(state.runs[1]!.finalAccuracy).toBe(0.8);
  });
});

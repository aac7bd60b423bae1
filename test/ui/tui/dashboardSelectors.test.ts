import { PACES } from '../../../src/ui/tui/dashboard/dashboardReducer.js';
import { describe, expect, it } from 'vitest';
import { dashboardReducer, initialDashboardState, type DashboardState } from '../../../src/ui/tui/dashboard/dashboardReducer.js';
import {
  ACCURACY_MIN_SPAN,
  chartGroups,
  chartSpecs as specsOf,
  comparedRuns,
  costMinSpan,
  etaSeconds,
  sizeBars,
  type ChartViewId,
  type SessionRun,
} from '../../../src/ui/tui/dashboard/dashboardSelectors.js';
import { EMPTY_SERIES } from '../../../src/ui/tui/dashboard/metrics.js';
import { epochEvent, planOf, startEvent } from './fixtures.js';

const chartSpecs = (state: DashboardState, compared: readonly SessionRun[]) =>
  specsOf(state, compared, chartGroups(state.view as ChartViewId));

function trained(epochs: number, extra: Partial<DashboardState> = {}): DashboardState {
  const plan = planOf([
    { label: 'λ = 0', config: { epochs: 400 }, bookCurve: { figure: 'overfitting', series: 'testAccuracy' } },
  ]);
  const events = [
    startEvent({ epochs: 400 }),
    ...Array.from({ length: epochs }, (_, i) =>
      epochEvent(i + 1, { trainingCost: 1 / (i + 1), validationCost: 1, validationAccuracy: 0.5 + i / 100 }),
    ),
  ];
  return { ...dashboardReducer(initialDashboardState(plan), { type: 'events', run: 0, events }), ...extra };
}

describe('chartSpecs', () => {
  it('gives each view its charts: 1 cost, 2 accuracy, 3 both, 4 one per series', () => {
    const titles = (view: ChartViewId) => chartSpecs(trained(5, { view }), []).map((spec) => spec.title);
    expect(titles('cost')).toEqual(['cost']);
    expect(titles('accuracy')).toEqual(['accuracy %']);
    expect(titles('both')).toEqual(['cost', 'accuracy %']);
    expect(titles('all')).toEqual(['training cost', 'validation cost', 'training acc.', 'validation acc.']);
  });

  it('gives each quantity a minimum span, a log scale for cost with l, and marks η halvings', () => {
    const state = dashboardReducer(trained(5, { logScale: true }), {
      type: 'events',
      run: 0,
      events: [{ type: 'lr', epoch: 3, from: 0.5, to: 0.25 }],
    });
    const [cost, accuracy] = chartSpecs(state, []);
    expect(accuracy!.bounds?.minSpan).toBe(ACCURACY_MIN_SPAN);
    expect(accuracy!.log).toBe(false);
    expect(cost!.log).toBe(true);
    // The largest cost on the chart is 1 (training cost of epoch 1 and the held-out cost).
    expect(cost!.bounds?.minSpan).toBeCloseTo(0.25);
    expect(costMinSpan([[0.02, 0.021]])).toBe(0.01);
    expect(cost!.marks).toEqual([{ index: 2, glyph: '½' }]);
  });

  it('plots accuracies in percent within 0–100 and marks the best epoch', () => {
    const [, accuracy] = chartSpecs(trained(5), []);
    expect(accuracy!.unit).toBe('%');
    expect(accuracy!.bounds).toMatchObject({ lower: 0, upper: 100 });
    expect(accuracy!.series.map((s) => s.label)).toEqual(['validation acc.']);
    expect(accuracy!.series[0]!.values[4]).toBeCloseTo(54);
    expect(accuracy!.markerIndex).toBe(4);
  });

  it("overlays the book's curves only with b, cut to the epochs run so far", () => {
    expect(chartSpecs(trained(5), [])[1]!.series).toHaveLength(1);
    const [cost, accuracy] = chartSpecs(trained(5, { showBook: true }), []);
    const book = accuracy!.series.filter((s) => s.key.startsWith('book'));
    expect(book.map((s) => s.label).sort()).toEqual(['book training acc.', 'book validation acc.']);
    expect(book.every((s) => s.style === 'dotted')).toBe(true);
    expect(book.every((s) => s.values.length === 5 && !s.showStats)).toBe(true);
    expect(cost!.series.filter((s) => s.key.startsWith('book'))).toHaveLength(2);
    // The live run is drawn last (on top).
    expect(accuracy!.series.at(-1)!.key).toBe('run0-validationAccuracy');
  });

  it('overlays earlier runs of the session with c, one series each, not the own plan', () => {
    const session: SessionRun[] = [
      { planId: 1, label: 'own', heldOut: 'validation', series: { ...EMPTY_SERIES, validationAccuracy: [0.1] } },
      {
        planId: 7,
        label: 'quadratic',
        heldOut: 'test',
        series: { ...EMPTY_SERIES, validationAccuracy: [0.8, 0.9], trainingAccuracy: [0.9, 1] },
      },
    ];
    const compared = comparedRuns(session, 1);
    expect(compared.map((r) => r.label)).toEqual(['quadratic']);
    expect(chartSpecs(trained(3), compared)[1]!.series).toHaveLength(1);
    const accuracy = chartSpecs(trained(3, { compare: true }), compared)[1]!;
    const overlay = accuracy.series.find((s) => s.key.startsWith('compare'))!;
    expect(overlay.label).toBe('quadratic: test acc.');
    expect(overlay.style).toBe('dashed');
    expect(overlay.values).toEqual([80, 90]);
  });

  it('says a series was not measured once epochs have run', () => {
    const specs = chartSpecs(trained(2, { view: 'all' }), []);
    expect(specs[2]!.series).toEqual([]);
    expect(specs[2]!.emptyNote).toContain('not measured');
    expect(chartSpecs(trained(0, { view: 'all' }), [])[2]!.emptyNote).toBeUndefined();
  });
});

describe('etaSeconds', () => {
  it('adds the rest of this epoch and the remaining epochs at the measured pace', () => {
    const state = trained(2, { progress: { epoch: 3, batch: 50, batches: 100, examplesPerSecond: 1000 } });
    // 500 images left at 1000/s, then 397 epochs at 1.5 s each.
    expect(etaSeconds(state)).toBeCloseTo(0.5 + 397 * 1.5);
    expect(etaSeconds(trained(2))).toBeUndefined();
  });

  it('counts the chosen pace when a run is slowed below its measured speed', () => {
    const progress = { epoch: 3, batch: 50, batches: 100, examplesPerSecond: 1000 };
    const halfEpochPerSecond = PACES.indexOf(0.5);
    // 1.5 s measured per epoch, but one epoch every 2 s at this pace.
    expect(etaSeconds(trained(2, { progress, pace: halfEpochPerSecond }))).toBeCloseTo(0.5 + 397 * 2);
    // A pace faster than the measured speed changes nothing.
    expect(etaSeconds(trained(2, { progress, pace: PACES.indexOf(10) }))).toBeCloseTo(0.5 + 397 * 1.5);
  });
});

describe('sizeBars', () => {
  it("lists each training-set size with its accuracy and the book's", () => {
    const plan = planOf(
      [100, 1000].map((n) => ({ label: `N = ${n}`, trainingSize: n, bookCurve: { figure: 'more_data', series: String(n) } })),
      { bySize: true },
    );
    let state = initialDashboardState(plan);
    state = dashboardReducer(state, { type: 'events', run: 0, events: [startEvent()] });
    state = dashboardReducer(state, {
      type: 'events',
      run: 0,
      events: [
        { type: 'evaluation', accuracy: 0.7, correct: 70, total: 100, cost: 0.5 },
        { type: 'done', reason: 'completed', epochs: 1, bestEpoch: 1, best: {}, final: {}, seconds: 1 },
      ],
    });
    state = dashboardReducer(state, { type: 'loading', run: 1 });
    const bars = sizeBars(state);
    expect(bars.map((bar) => [bar.trainingSize, bar.accuracy, bar.state])).toEqual([
      [100, 0.7, 'done'],
      [1000, undefined, 'running'],
    ]);
    expect(bars[0]!.book).toBeCloseTo(0.6909);
    expect(bars[1]!.book).toBeCloseTo(0.8885);
  });
});

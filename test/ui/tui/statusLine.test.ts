import { describe, expect, it } from 'vitest';
import { dashboardReducer, initialDashboardState } from '../../../src/ui/tui/dashboard/dashboardReducer.js';
import { statusHeight, statusText } from '../../../src/ui/tui/dashboard/StatusLine.js';
import { epochEvent, planOf, startEvent } from './fixtures.js';

/** Three runs, the second one 399 epochs into 400 with a patience: every item of the status line present. */
function busyState() {
  const plan = planOf([{ label: 'a' }, { label: 'b', config: { epochs: 400, patience: 10 } }, { label: 'c' }]);
  const events = [
    startEvent({ epochs: 400, patience: 10, eta: 0.00390625 }),
    ...Array.from({ length: 399 }, (_, i) => epochEvent(i + 1, { validationCost: 1, validationAccuracy: 0.9 + i / 10_000 })),
  ];
  return dashboardReducer(initialDashboardState(plan), { type: 'events', run: 1, events });
}

describe('the status line', () => {
  it('keeps its last item at 80 columns by wrapping to a second line', () => {
    const state = busyState();
    const text = statusText(state);
    expect(text).toMatch(/^run 2\/3 · epoch 399\/400 · η .* · no gain \d+\/10$/);
    expect(text.length).toBeGreaterThan(76);
    expect(statusHeight(state, 76)).toBe(2);
    expect(statusHeight(state, 200)).toBe(1);
  });
});

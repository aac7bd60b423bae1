// Views 7–0 (confusion, misclassified, hidden neurons, per digit) drawn from a hand-made state, their
// keys (← → o), NO_COLOR, 80 × 24; and once through the whole app on tiny MNIST.
import { render } from 'ink-testing-library';
import { useReducer } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { makePredictions } from '../../../src/core/predictions.js';
import type { Examples } from '../../../src/core/types.js';
import { stripColor } from '../../../src/ui/app/colorMode.js';
import { ColorContext } from '../../../src/ui/tui/charts/colors.js';
import { KeyLayer } from '../../../src/ui/tui/input/KeyLayer.js';
import { DashboardBody } from '../../../src/ui/tui/dashboard/Dashboard.js';
import { dashboardBindings } from '../../../src/ui/tui/dashboard/dashboardKeys.js';
import { dashboardReducer, initialDashboardState, type DashboardState } from '../../../src/ui/tui/dashboard/dashboardReducer.js';
import { press, settle, waitFor, waitForText } from '../../helpers/waitFor.js';
import { TINY, startApp, startRun, type Ui } from './appHarness.js';
import { epochEvent, planOf, startEvent } from './fixtures.js';

const PIXELS = 784;
const NEURONS = 12;

/** 20 examples: label i % 10; examples 4 and 14 (fours) read as 9, example 7 read as 1. */
function lookState(view: string): DashboardState {
  const count = 20;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const pixels = new Uint8Array(count * PIXELS);
  // A vertical bar in every image, so the pictures are not blank.
  for (let i = 0; i < count; i++) for (let y = 4; y < 24; y++) pixels[i * PIXELS + y * 28 + 14] = 255;
  const set: Examples = { count, inputSize: PIXELS, pixels, labels };
  const predictions = makePredictions(count, 10, { outputs: true });
  const wrong: Record<number, [number, number]> = { 4: [9, 0.9], 14: [9, 0.6], 7: [1, 0.75] };
  for (let i = 0; i < count; i++) {
    const [predicted, confidence] = wrong[i] ?? [labels[i]!, 0.8];
    predictions.predicted[i] = predicted;
    predictions.confidence[i] = confidence;
    predictions.outputs![i * 10 + predicted] = confidence;
  }
  const weights = Float64Array.from({ length: NEURONS * PIXELS }, (_, k) => Math.sin(k / 7));
  let state = initialDashboardState(planOf([{ label: 'run', config: { sizes: [PIXELS, NEURONS, 10] } }]));
  state = dashboardReducer(state, { type: 'inspect', change: { heldOutSet: set } });
  const epoch = { ...epochEvent(3, { validationAccuracy: 0.85 }), predictions };
  state = dashboardReducer(state, { type: 'events', run: 0, events: [startEvent({ sizes: [PIXELS, NEURONS, 10] }), epoch] });
  state = dashboardReducer(state, {
    type: 'inspect',
    change: { hidden: { epoch: 3, inputs: PIXELS, neurons: NEURONS, weights } },
  });
  return { ...state, view };
}

const noControls = { togglePause() {}, stop() {}, save() {}, setPace() {} };

function Harness({ initial }: { initial: DashboardState }) {
  const [state, dispatch] = useReducer(dashboardReducer, initial);
  const bindings = dashboardBindings({ state, dispatch, controls: noControls, hasBook: false, hasCompared: false, onBack() {} });
  return <DashboardBody state={state} compared={[]} bindings={bindings} />;
}

let uis: Ui[] = [];
afterEach(() => {
  uis.forEach((ui) => ui.unmount());
  uis = [];
});

/** Renders the dashboard (keys and all) on a terminal of columns × 24. */
async function show(view: string | DashboardState, { color = false, columns = 80 } = {}): Promise<Ui> {
  const ui = render(
    <ColorContext.Provider value={color}>
      <KeyLayer onInterrupt={() => {}}>
        <Harness initial={typeof view === 'string' ? lookState(view) : view} />
      </KeyLayer>
    </ColorContext.Provider>,
  );
  uis.push(ui);
  // ink-testing-library's terminal is 100 columns; the size hook listens for resizes once mounted.
  await settle();
  Object.defineProperty(ui.stdout, 'columns', { value: columns });
  ui.stdout.emit('resize');
  await settle();
  return ui;
}

function fits(frame: string, columns: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(24);
  for (const line of lines) expect([...stripColor(line)].length).toBeLessThanOrEqual(columns);
}

describe('look-inside views', () => {
  it('7: the confusion matrix with recall, precision and the most confused pair, in 80 × 24', async () => {
    const ui = await show('confusion');
    const frame = await waitForText(ui.lastFrame, 'most confused: 4 read as 9: 2 · 7 read as 1: 1');
    expect(frame).toContain('view 7: confusion');
    expect(frame).toContain('17 of 20 right (85.00%)');
    // Row 4: no four read right, two read as 9; recall 0 of 2.
    expect(frame).toMatch(/^ +4 +0 +0 +0 +0 +0 +0 +0 +0 +0 +2. +0\.0+%/m);
    expect(frame).toMatch(/^precision/m);
    expect(frame).toContain('0-9 view');
    fits(frame, 80);
  });

  it('0: one accuracy bar per digit, the weakest marked', async () => {
    const ui = await show('digits');
    const frame = await waitForText(ui.lastFrame, 'accuracy per digit');
    expect(frame).toMatch(/^4 .* 0\.00% +0 of 2 ◀ weakest$/m);
    expect(frame).toMatch(/^0 +█+ +100\.00% +2 of 2$/m);
    fits(frame, 80);
  });

  it('8: the misclassified digits drawn with label, prediction, confidence and outputs; → moves, o sorts', async () => {
    const ui = await show('misclassified');
    let frame = await waitForText(ui.lastFrame, '1–1 of 3 misclassified, by confidence');
    expect(frame).toContain('true 4 · read as 9');
    expect(frame).toContain('confidence 0.900');
    expect(frame).toMatch(/9 █{9} +0\.900 ◀/);
    expect(frame).toMatch(/4 +0\.000 true/);
    // The image's vertical bar (full ink), in the picture's middle column, without colour.
    expect(frame).toMatch(/^ {14}█ {15}confidence/m);
    expect(frame).toContain('← → move');
    fits(frame, 80);

    await press(ui.stdin, '\u001B[C');
    frame = await waitForText(ui.lastFrame, '2–2 of 3');
    expect(frame).toContain('true 7 · read as 1');
    await press(ui.stdin, '\u001B[C\u001B[C\u001B[C');
    frame = await waitForText(ui.lastFrame, '3–3 of 3');
    expect(frame).toContain('confidence 0.600');

    await press(ui.stdin, 'o');
    frame = await waitForText(ui.lastFrame, '1–1 of 3 misclassified, by digit');
    // By true digit: the fours (surest first), then the seven.
    expect(frame).toContain('true 4 · read as 9');
    await press(ui.stdin, '\u001B[C\u001B[C');
    await waitForText(ui.lastFrame, 'true 7 · read as 1');
  });

  it('9: the hidden neurons as a grid on one scale, more of them on a wider terminal', async () => {
    const narrow = await show('neurons');
    let frame = await waitForText(narrow.lastFrame, 'hidden layer 1: 1–');
    const shown = (text: string) => Number(/hidden layer 1: 1–(\d+) of 12/.exec(text)?.[1]);
    expect(frame).toContain('░▒▓█ +, .-=# −');
    expect(frame).toMatch(/#1 +#2/);
    expect(frame).toMatch(/[#=]/);
    fits(frame, 80);
    // Two full-size pictures would fit in 80 columns; half size shows more of them.
    expect(shown(frame)).toBeGreaterThan(4);
    expect(frame).toMatch(/^#1 {14}#2 {14}#3/m);
    const wide = await show('neurons', { columns: 120 });
    frame = await waitForText(wide.lastFrame, /^#1 {28}#2 {28}#3 {28}#4/m);
    expect(shown(frame)).toBe(4);
    fits(frame, 120);
  });

  it('draws colour codes with colour and none under NO_COLOR', async () => {
    for (const view of ['confusion', 'misclassified', 'neurons']) {
      const mono = await show(view);
      await waitForText(mono.lastFrame, view === 'neurons' ? 'hidden layer' : view === 'confusion' ? 'recall' : 'misclassified,');
      expect(mono.lastFrame()).not.toMatch(/\x1b\[[34]8;/);
      const colored = await show(view, { color: true });
      await waitFor(() => /\x1b\[[34]8;/.test(colored.lastFrame() ?? ''), { describe: () => colored.lastFrame() ?? '' });
    }
  });

  it('says why a key does nothing elsewhere, and that the views wait for the first epoch', async () => {
    const ui = await show('both');
    await press(ui.stdin, 'o');
    await waitForText(ui.lastFrame, 'o: only view 8 sorts');
    const empty = await show({ ...initialDashboardState(planOf([{ label: 'run' }])), view: 'confusion' });
    await waitForText(empty.lastFrame, "appears after the first epoch's held-out evaluation");
  });
});

describe('look-inside views in the app', () => {
  it('fill from the run itself: every epoch hands the held-out predictions to views 7–0', async () => {
    const ui = await startApp(TINY);
    uis.push(ui);
    await startRun(ui, 'Cross-entropy on MNIST, 30 hidden neurons');
    await waitForText(ui.lastFrame, 'finished');
    await press(ui.stdin, '7');
    let frame = await waitForText(ui.lastFrame, 'view 7: confusion');
    const right = /(validation|test) set after epoch 2: ([\d,]+) of [\d,]+ right \(([\d.]+)%\)/.exec(frame);
    expect(right, frame).not.toBeNull();
    // The same evaluation as the status line's accuracy.
    expect(frame).toContain(`${right![1]} ${right![3]}%`);
    await press(ui.stdin, '8');
    frame = await waitForText(ui.lastFrame, /of [\d,]+ misclassified/);
    expect(frame).toMatch(/true \d · read as \d/);
    await press(ui.stdin, '9');
    await waitForText(ui.lastFrame, /hidden layer 1: 1–\d+ of 30/);
    await press(ui.stdin, '0');
    await waitForText(ui.lastFrame, 'accuracy per digit');
  });
});

describe('the look-inside state', () => {
  it('keeps the latest epoch predictions and forgets them when the next run starts', () => {
    const state = lookState('confusion');
    expect(state.inspect.predictionsEpoch).toBe(3);
    expect(state.inspect.predictions?.predicted[4]).toBe(9);
    const next = dashboardReducer(state, { type: 'events', run: 0, events: [startEvent()] });
    expect(next.inspect.predictions).toBeUndefined();
    expect(next.inspect.hidden).toBeUndefined();
    expect(next.inspect.heldOutSet).toBe(state.inspect.heldOutSet);
  });
});

// Every key of a chunk read at once (fast typing, key repeat, a paste, a busy machine) acts, in
// order, on every screen: the key layer's promise, checked through the whole App.
import { afterEach, describe, expect, it } from 'vitest';
import { DOWN, ENTER, TINY, openSettings, startApp, startRun, type Ui } from './appHarness.js';
import { press, waitForText } from '../../helpers/waitFor.js';

let ui: Ui | undefined;
afterEach(() => ui?.unmount());

const SOFTMAX = 'Softmax output with the log-likelihood cost';

describe('the key layer', () => {
  it('moves the menu three rows for three Down sequences in one write', async () => {
    ui = await startApp();
    await press(ui.stdin, DOWN + DOWN + DOWN);
    await waitForText(ui.lastFrame, `❯ ${SOFTMAX}`);
  });

  it("switches the dashboard's view twice for `12` in one write", async () => {
    ui = await startApp();
    await startRun(ui, SOFTMAX);
    await waitForText(ui.lastFrame, 'finished');
    const before = ui.frames.length;
    await press(ui.stdin, '12');
    await waitForText(ui.lastFrame, 'view 2: accuracy');
    expect(ui.frames.slice(before).some((frame) => frame.includes('view 1: cost'))).toBe(true);
  });

  it('types a pasted number whole, and "-1", Backspace ×2, "0.5" in one write gives 0.5', async () => {
    ui = await startApp();
    await openSettings(ui, SOFTMAX);
    await press(ui.stdin, DOWN + DOWN + DOWN);
    await waitForText(ui.lastFrame, '❯ η (eta)');
    await press(ui.stdin, '0.25');
    await waitForText(ui.lastFrame, /❯ η \(eta\) +0\.25▏/);
    await press(ui.stdin, DOWN + '\u001B[A');
    await waitForText(ui.lastFrame, /❯ η \(eta\) +0\.25 /);
    await press(ui.stdin, '-1\u007F\u007F0.5');
    const frame = await waitForText(ui.lastFrame, /❯ η \(eta\) +0\.5▏/);
    expect(frame).not.toContain('must be');
  });

  it('gives the keys after an Enter to the screen the Enter opened', async () => {
    ui = await startApp();
    await press(ui.stdin, `${DOWN}${DOWN}${DOWN}${ENTER}?`);
    const frame = await waitForText(ui.lastFrame, 'Keys on this screen');
    expect(frame).toContain(`${SOFTMAX} · settings`);
    expect(frame).toContain('start training (once there are no problems)');
  });

  it('asks before leaving a run that is still training; n keeps it, y leaves', async () => {
    ui = await startApp({ dataOptions: { trainingSize: 2000, validationSize: 300 }, presetOverrides: { epochs: 400 } });
    await startRun(ui, SOFTMAX);
    await waitForText(ui.lastFrame, /epoch [1-9]\d*\/400/);
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, 'Stop training and go back to the menu?');
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'cancelled');
    expect(ui.lastFrame()).toContain(`netdash › ${SOFTMAX}`);
    await press(ui.stdin, '\u001By');
    await waitForText(ui.lastFrame, '↑↓ choose');
  });
});

describe('per-run settings of a multi-run preset', () => {
  const ETA = 'Choosing η: 0.025, 0.25, 2.5';

  it("shows each run's value of a * field, edits one run alone or all on purpose, and labels runs by what they use", async () => {
    ui = await startApp(TINY);
    await openSettings(ui, ETA);
    await press(ui.stdin, DOWN + DOWN + DOWN);
    let frame = await waitForText(ui.lastFrame, /❯ η \(eta\)\* +0\.025 · 0\.25 · 2\.5/);
    expect(frame).toContain('editing all 3 runs');
    expect(frame).toContain('differs per run');

    await press(ui.stdin, ']');
    await waitForText(ui.lastFrame, 'editing run 1/3 only');
    await press(ui.stdin, '0.1');
    frame = await waitForText(ui.lastFrame, 'Enter trains 3 runs one after the other: η (eta)=0.1 · η = 0.25 · η = 2.5');

    await press(ui.stdin, '[');
    await waitForText(ui.lastFrame, /❯ η \(eta\)\* +0\.1 · 0\.25 · 2\.5/);
    await press(ui.stdin, '0.2');
    frame = await waitForText(ui.lastFrame, 'one value for all runs now (0.2)');
    expect(frame).toContain('η (eta)=0.2 · η (eta)=0.2 · η (eta)=0.2');
    await press(ui.stdin, 'd');
    await waitForText(ui.lastFrame, /❯ η \(eta\)\* +0\.025 · 0\.25 · 2\.5/);
  });
});

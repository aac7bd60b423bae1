// What every screen shares: `?` help listing the screen's own keys, Esc closing it before leaving,
// a word for keys that do nothing, and no colour codes at all when colour is off (NO_COLOR).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareInkEnvironment } from '../../../src/ui/tui/terminal.js';
import { DOWN, ENTER, HOME, TINY, highlight, openSettings, startApp, startRun, type Ui } from './appHarness.js';
import { press, waitFor, waitForText } from '../../helpers/waitFor.js';

let ui: Ui | undefined;
afterEach(() => ui?.unmount());

const ESC = '\u001B';
const SOFTMAX = 'Softmax output with the log-likelihood cost';

/** Opens the help, checks it lists `keys` and not `others`, closes it with Esc and checks the screen stayed. */
async function checkHelp(screen: string, keys: readonly string[], others: readonly string[]): Promise<void> {
  await press(ui!.stdin, '?');
  const help = await waitForText(ui!.lastFrame, 'Keys on this screen');
  for (const text of keys) expect(help, `${screen}: ${text}`).toContain(text);
  for (const text of others) expect(help, `${screen}: not ${text}`).not.toContain(text);
  await press(ui!.stdin, ESC);
  await waitFor(() => !(ui!.lastFrame() ?? '').includes('Keys on this screen'));
  expect(ui!.lastFrame(), screen).toContain(screen);
  await press(ui!.stdin, 'x');
  await waitForText(ui!.lastFrame, 'x does nothing here · ? lists the keys');
}

describe('help on every screen', () => {
  it('menu, settings, dashboard: each lists only its own keys, and Esc closes the help first', async () => {
    ui = await startApp();
    await checkHelp('chapter 3', ['choose an experiment', 'quit netdash'], ['pause', 'start training']);
    await openSettings(ui, SOFTMAX);
    await checkHelp('· settings', ['start training', 'move between the fields'], ['pause', 'quit netdash (also Esc)']);
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'finished');
    await checkHelp(
      `netdash › ${SOFTMAX}`,
      ['pause / resume', 'slower / faster', "every epoch's numbers"],
      ['choose an experiment'],
    );
    // Keys that do nothing in a view say so.
    await press(ui.stdin, '6');
    await waitForText(ui.lastFrame, '6: bars are for the more-data experiment');
    await press(ui.stdin, 'p');
    await waitForText(ui.lastFrame, 'p: training is over');
  });

  it('neuron settings, neuron demo and the softmax explorer', async () => {
    ui = await startApp();
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'Learning slowdown of one neuron · settings');
    await checkHelp('· settings', ['start the demo', 'change the cost'], ['restart the replay']);
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'Learning slowdown of one neuron · epoch');
    await checkHelp('· epoch', ['pause / resume the replay', 'restart the replay', 'speeds'], ['start the demo']);
    await press(ui.stdin, 'q');
    await highlight(ui, 'Softmax explorer');
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'softmax explorer');
    await checkHelp('softmax explorer', ['sharpness c', 'choose an input z'], ['pause']);
  });
});

describe('the menu', () => {
  it('says how many entries are above and below, and never wraps around', async () => {
    ui = await startApp();
    let frame = ui.lastFrame() ?? '';
    expect(frame).toMatch(/↓ \d+ more below/);
    expect(frame).not.toContain('more above');
    await press(ui.stdin, '\u001B[F');
    frame = await waitForText(ui.lastFrame, '❯ Hyper-parameter sweep (η × λ)');
    expect(frame).toMatch(/↑ \d+ more above/);
    expect(frame).not.toContain('more below');
    await press(ui.stdin, DOWN);
    await waitForText(ui.lastFrame, 'already at the last entry');
    expect(ui.lastFrame()).toContain('❯ Hyper-parameter sweep (η × λ)');
    await press(ui.stdin, HOME);
    await waitForText(ui.lastFrame, '❯ Learning slowdown');
  });
});

describe('colour', () => {
  it('draws the charts with colour codes, and none at all when colour is off', async () => {
    ui = await startApp({ ...TINY, color: false });
    await startRun(ui, SOFTMAX);
    await waitForText(ui.lastFrame, 'finished');
    expect(ui.lastFrame()).not.toContain('\u001B[');
    ui.unmount();
    ui = await startApp(TINY);
    await startRun(ui, SOFTMAX);
    await waitForText(ui.lastFrame, 'finished');
    expect(ui.lastFrame()).toContain('\u001B[');
  });

  it('NO_COLOR or FORCE_COLOR=0 turn colour off (and Ink gets FORCE_COLOR=0); CI is hidden from Ink', () => {
    const noColor: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: 'true', CONTINUOUS_INTEGRATION: '1' };
    expect(prepareInkEnvironment(noColor)).toEqual({ color: false });
    expect(noColor).toEqual({ NO_COLOR: '1', FORCE_COLOR: '0', NODE_ENV: 'production' });
    expect(prepareInkEnvironment({ FORCE_COLOR: '0' })).toEqual({ color: false });
    expect(prepareInkEnvironment({ NO_COLOR: '' })).toEqual({ color: true });
    expect(prepareInkEnvironment({ TERM: 'xterm' })).toEqual({ color: true });
  });

  it('prepares the environment without loading React or Ink first (they read it once, when loaded)', () => {
    // A React loaded before NODE_ENV=production would not match Ink's production reconciler.
    const source = readFileSync(new URL('../../../src/ui/tui/terminal.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import /m);
  });
});

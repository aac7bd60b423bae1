// Drives the whole App through ink-testing-library on real (embedded) MNIST, kept tiny.
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../../src/ui/tui/App.js';
import { press, waitFor, waitForText } from '../../helpers/waitFor.js';

export const DOWN = '\u001B[B';
export const ENTER = '\r';
export const UP = '\u001B[A';
export const HOME = '\u001B[H';
export const PAGE_DOWN = '\u001B[6~';

export type Ui = ReturnType<typeof render>;

export const TINY: AppProps = { dataOptions: { trainingSize: 300, validationSize: 300 }, presetOverrides: { epochs: 2 } };

export async function startApp(props: AppProps = TINY): Promise<Ui> {
  const ui = render(<App {...props} />);
  await waitForText(ui.lastFrame, '❯ Learning slowdown');
  return ui;
}

/** Moves the menu's highlight to the entry with this title (from the top: the list does not wrap). */
export async function highlight(ui: Ui, title: string): Promise<void> {
  if (!(ui.lastFrame() ?? '').includes('❯ Learning slowdown')) {
    await press(ui.stdin, HOME);
    await waitForText(ui.lastFrame, '❯ Learning slowdown');
  }
  for (let i = 0; i < 30; i++) {
    const frame = ui.lastFrame() ?? '';
    if (frame.includes(`❯ ${title}`)) return;
    const before = frame;
    await press(ui.stdin, DOWN);
    await waitFor(() => ui.lastFrame() !== before);
  }
  throw new Error(`menu entry not found: ${title}`);
}

/** Opens an experiment's settings from the menu. */
export async function openSettings(ui: Ui, title: string): Promise<void> {
  await highlight(ui, title);
  await press(ui.stdin, ENTER);
  await waitForText(ui.lastFrame, `${title} · settings`);
}

/** Opens an experiment and starts it with the settings as they are; waits for the dashboard. */
export async function startRun(ui: Ui, title: string): Promise<void> {
  await openSettings(ui, title);
  await press(ui.stdin, ENTER);
  await waitForText(ui.lastFrame, `netdash › ${title}`);
}

export function firstLine(ui: Ui): string {
  return (ui.lastFrame() ?? '').split('\n')[0] ?? '';
}

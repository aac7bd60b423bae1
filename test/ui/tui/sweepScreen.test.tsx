// The live sweep screen through the whole App on tiny data: edit the λ values, start, watch every
// trial finish with its grid cell shaded, and q back to the menu.
import { afterEach, describe, expect, it } from 'vitest';
import { ENTER, highlight, startApp, type Ui } from './appHarness.js';
import { press, waitForText } from '../../helpers/waitFor.js';

let ui: Ui | undefined;
afterEach(() => ui?.unmount());

const BACKSPACE = '\u007F';

describe('the sweep screen', () => {
  it('runs an edited η × λ grid live: table, shaded grid, best curves', async () => {
    ui = await startApp();
    await highlight(ui, 'Hyper-parameter sweep');
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'λ (lambda) 0,1,5');
    // Edit the grid: η 0.1,0.5,2 → 0.1,0.5 ; λ 0,1,5 → 0,1.
    await press(ui.stdin, BACKSPACE);
    await press(ui.stdin, BACKSPACE);
    await waitForText(ui.lastFrame, 'η (eta)    0.1,0.5');
    await press(ui.stdin, '\u001B[B');
    await press(ui.stdin, BACKSPACE);
    await press(ui.stdin, BACKSPACE);
    await waitForText(ui.lastFrame, 'λ (lambda) 0,1▏');
    await press(ui.stdin, ENTER);
    const done = await waitForText(ui.lastFrame, 'finished', 60_000);
    expect(done.match(/✓/g)).toHaveLength(4);
    expect(done).toMatch(/0\.5 +[░▒▓█]{5} [░▒▓█]{5}/);
    expect(done).toContain('held-out accuracy of the best trials');
    for (const line of done.split('\n')) expect(line.replace(/\u001B\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(100);
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, 'chapter 3');
  }, 90_000);
});

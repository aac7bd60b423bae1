import { afterEach, describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../../src/core/experiments.js';
import { DOWN, startApp, type Ui } from './appHarness.js';
import { press, waitFor, waitForText } from '../../helpers/waitFor.js';

let ui: Ui | undefined;
afterEach(() => ui?.unmount());

describe('menu', () => {
  it('lists every experiment of the chapter in its group, plus Custom… and the softmax explorer', async () => {
    ui = await startApp();
    const seen = new Set<string>();
    // The list scrolls at 24 rows: walk it once around and collect what was on screen.
    const entries = EXPERIMENTS.length + 2;
    for (let i = 0; i < entries; i++) {
      for (const line of (ui.lastFrame() ?? '').split('\n')) seen.add(line.replace(/^❯ /, '').trim());
      const before = ui.lastFrame();
      await press(ui.stdin, DOWN);
      await waitFor(() => ui!.lastFrame() !== before);
    }
    for (const experiment of EXPERIMENTS) {
      expect(seen, experiment.title).toContain(experiment.title);
      expect(seen, experiment.group).toContain(experiment.group);
    }
    expect(seen).toContain('Custom…');
    expect(seen).toContain('Softmax explorer');
  });

  it("shows the highlighted experiment's description and the book's result", async () => {
    ui = await startApp();
    await press(ui.stdin, DOWN);
    const frame = await waitForText(ui.lastFrame, '❯ Cross-entropy on MNIST, 30 hidden neurons');
    expect(frame).toContain('book: 95.49% test accuracy');
    expect(frame).toContain('[784,30,10], large init, η=0.5');
  });

  it('keeps the whole screen shorter than the terminal', async () => {
    ui = await startApp();
    expect((ui.lastFrame() ?? '').split('\n').length).toBeLessThan(24);
  });
});

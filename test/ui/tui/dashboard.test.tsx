import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNetwork } from '../../../src/data/modelFile.js';
import { ENTER, PAGE_DOWN, TINY, firstLine, highlight, openSettings, startApp, startRun, type Ui } from './appHarness.js';
import { press, waitFor, waitForText } from '../../helpers/waitFor.js';

let ui: Ui | undefined;
afterEach(() => ui?.unmount());

const SOFTMAX = 'Softmax output with the log-likelihood cost';

describe('dashboard', () => {
  it('trains a tiny run to the end and draws its charts, with epoch axis, legend and status', async () => {
    ui = await startApp();
    await startRun(ui, SOFTMAX);
    const frame = await waitForText(ui.lastFrame, 'finished');
    expect(frame).toMatch(/epoch 2\/2 · η 0\.5 · validation \d+\.\d\d% · best/);
    expect(frame).toContain('completed after 2 epochs');
    expect(frame).toMatch(/── validation cost [\d.]+ \([\d.]+–[\d.]+\)/);
    expect(frame).toMatch(/── validation acc\. [\d.]+ \(/);
    expect(frame).toMatch(/epoch 1 +(2|▲)/);
    expect(frame).toContain('┤');
    for (const key of ['p pause', 's stop', 'w save', 'c compare', 'b book', '? help', 'q menu']) expect(frame).toContain(key);
    expect(frame.split('\n').length).toBeLessThan(24);
  });

  it('switches views with 1–4, shows help with ?, and returns to the menu with q', async () => {
    ui = await startApp();
    await startRun(ui, SOFTMAX);
    await waitForText(ui.lastFrame, 'finished');

    await press(ui.stdin, '1');
    let frame = await waitForText(ui.lastFrame, 'view 1: cost');
    expect(frame).toContain('validation cost');
    expect(frame).not.toContain('accuracy %');

    await press(ui.stdin, '2');
    frame = await waitForText(ui.lastFrame, 'view 2: accuracy');
    expect(frame).toContain('accuracy %');
    expect(frame).not.toMatch(/^cost/m);

    await press(ui.stdin, '3');
    frame = await waitForText(ui.lastFrame, 'view 3: both');
    expect(frame).toMatch(/^cost/m);
    expect(frame).toMatch(/^accuracy %/m);

    await press(ui.stdin, '4');
    frame = await waitForText(ui.lastFrame, 'view 4: all four');
    for (const title of ['training cost', 'validation cost', 'training acc.', 'validation acc.']) expect(frame).toContain(title);
    expect(frame).toContain('not measured in this run');

    await press(ui.stdin, '?');
    frame = await waitForText(ui.lastFrame, 'Keys on this screen');
    expect(frame).toContain('stop now; the network keeps its best weights');
    // The help is longer than a page (views 7–0 and their keys): two pages down.
    await press(ui.stdin, PAGE_DOWN + PAGE_DOWN);
    await waitForText(ui.lastFrame, 'Reading the charts');
    await press(ui.stdin, '\u001B');
    await waitFor(() => !(ui!.lastFrame() ?? '').includes('Reading the charts'));
    // Esc closed the help, it did not leave the dashboard.
    expect(ui.lastFrame()).toContain('view 4: all four');

    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, `❯ ${SOFTMAX}`);
    expect(ui.lastFrame()).toContain('↑↓ choose');
  });

  it('pauses and resumes with p, stops with s, and leaves with q while training', async () => {
    // Long enough to still be training when the keys arrive (~0.1 s an epoch).
    ui = await startApp({ dataOptions: { trainingSize: 2000, validationSize: 300 }, presetOverrides: { epochs: 400 } });
    await startRun(ui, SOFTMAX);
    await waitForText(ui.lastFrame, /epoch [1-9]\d*\/400/);
    await press(ui.stdin, 'p');
    await waitFor(() => firstLine(ui!).includes('PAUSED'), { describe: () => ui!.lastFrame() ?? '' });
    const epochWhilePaused = () => Number(/epoch (\d+)\/400/.exec(ui!.lastFrame() ?? '')?.[1]);
    const pausedAt = epochWhilePaused();
    await press(ui.stdin, 'p');
    const frame = { describe: () => ui!.lastFrame() ?? '' };
    await waitFor(() => firstLine(ui!).includes('training'), frame);
    await waitFor(() => epochWhilePaused() > pausedAt, frame);
    await press(ui.stdin, 's');
    const end = await waitForText(ui.lastFrame, 'stopped after');
    expect(firstLine(ui)).toContain('stopped');
    expect(end).toMatch(/best \d+\.\d\d% at epoch \d+/);
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, '↑↓ choose');
  });

  it('saves the network with w in the book format', async () => {
    const saveDir = mkdtempSync(join(tmpdir(), 'netdash-tui-'));
    try {
      ui = await startApp({ ...TINY, saveDir });
      await startRun(ui, SOFTMAX);
      await waitForText(ui.lastFrame, 'finished');
      await press(ui.stdin, 'w');
      await waitForText(ui.lastFrame, 'saved the network to');
      const [file] = readdirSync(saveDir);
      expect(file).toMatch(/^netdash-softmax-.*\.json$/);
      const network = loadNetwork(join(saveDir, file!));
      expect(network.sizes).toEqual([784, 30, 10]);
      expect(ui.lastFrame()).toContain(`saved the network to ${join(saveDir, file!)}`);
    } finally {
      rmSync(saveDir, { recursive: true, force: true });
    }
  });

  it("overlays the book's curve with b and an earlier run of the session with c", async () => {
    ui = await startApp();
    await startRun(ui, 'Overfitting on 1,000 images');
    await waitForText(ui.lastFrame, 'finished');
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'book test acc.');
    await press(ui.stdin, 'c');
    await waitForText(ui.lastFrame, 'no earlier runs in this session');
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, '↑↓ choose');

    await startRun(ui, SOFTMAX);
    await waitForText(ui.lastFrame, 'finished');
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'the book recorded no curve for this experiment');
    await press(ui.stdin, 'c');
    const frame = await waitForText(ui.lastFrame, 'Overfitting on 1,000 images: test acc.');
    expect(frame).toContain('Overfitting on 1,000 images: test cost');
  });

  it('runs the runs of a preset one after the other on one chart', async () => {
    ui = await startApp({ ...TINY, presetOverrides: { epochs: 1 } });
    await startRun(ui, 'Default vs large weight initialization');
    const frame = await waitForText(ui.lastFrame, 'finished', 30_000);
    expect(frame).toContain('run 2/2');
    expect(frame).toContain('default init: validation acc.');
    expect(frame).toContain('large init: validation acc.');
  });

  it('shows the more-data runs as accuracy against training-set size', async () => {
    ui = await startApp({ ...TINY, presetOverrides: { epochs: 1 } });
    await startRun(ui, 'More training data');
    const frame = await waitForText(ui.lastFrame, 'finished', 40_000);
    expect(frame).toContain('held-out accuracy by training-set size');
    for (const n of ['N=100', 'N=200', 'N=300']) expect(frame).toContain(n);
    // Every size has its accuracy once all runs are done.
    expect(frame.match(/^N=\S+ .*\d+\.\d\d%$/gm)).toHaveLength(9);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'book 69.09%');
  }, 60_000);

  it('shows a data error in words and stays usable', async () => {
    ui = await startApp({ ...TINY, dataDir: '/nonexistent/mnist' });
    await startRun(ui, SOFTMAX);
    const frame = await waitForText(ui.lastFrame, 'failed');
    expect(frame).toContain('/nonexistent/mnist');
    expect(frame).not.toContain('finished');
    expect(frame).not.toMatch(/at .*\.js:\d+/);
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, '↑↓ choose');
  });
});

describe('settings', () => {
  it('shows problems inline and does not start until they are fixed', async () => {
    ui = await startApp();
    await openSettings(ui, SOFTMAX);
    // Down to η, type a bad value.
    for (const field of ['cost', 'init', 'η (eta)']) {
      await press(ui.stdin, '\u001B[B');
      await waitForText(ui.lastFrame, `❯ ${field}`);
    }
    await press(ui.stdin, '-');
    await press(ui.stdin, '1');
    await waitForText(ui.lastFrame, 'η (eta): got -1; must be a number > 0');
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'fix the problems above to start');
    expect(ui.lastFrame()).toContain('· settings');
    await press(ui.stdin, '\u007F');
    await press(ui.stdin, '\u007F');
    await press(ui.stdin, '0');
    await press(ui.stdin, '.');
    await press(ui.stdin, '2');
    await waitFor(() => !(ui!.lastFrame() ?? '').includes('must be'));
    expect(ui.lastFrame()).toMatch(/❯ η \(eta\) +0\.2/);
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, /epoch \d+\/2 · η 0\.2/);
  });

  it('cycles choices with the arrows and goes back with Esc', async () => {
    ui = await startApp();
    await openSettings(ui, SOFTMAX);
    await press(ui.stdin, '\u001B[B');
    await waitForText(ui.lastFrame, '❯ cost');
    await press(ui.stdin, '\u001B[D');
    await waitForText(ui.lastFrame, /❯ cost +cross-entropy/);
    await press(ui.stdin, '\u001B');
    await waitForText(ui.lastFrame, '↑↓ choose');
  });
});

describe('other screens', () => {
  it('replays the single-neuron slowdown and jumps to the end', async () => {
    ui = await startApp();
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'Learning slowdown of one neuron · settings');
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'Learning slowdown of one neuron · epoch');
    await press(ui.stdin, 'e');
    const frame = await waitForText(ui.lastFrame, 'epoch 300/300');
    expect(frame).toContain('quadratic, w=2 b=2, η=0.15');
    expect(frame).toContain('the speeds are not comparable');
    expect(frame).toContain('finished');
    expect(frame).toContain('output a (target 0)');
    expect(frame).toMatch(/epoch 0 .* 300/);
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, '↑↓ choose');
  });

  it('explores softmax: activations sum to 1 and follow z with the arrows', async () => {
    ui = await startApp();
    await highlight(ui, 'Softmax explorer');
    await press(ui.stdin, ENTER);
    let frame = await waitForText(ui.lastFrame, 'sum of the activations: 1.0000');
    const a4 = () => Number(/a₄ (\d\.\d{4})/.exec(ui!.lastFrame() ?? '')?.[1]);
    const before = a4();
    expect(frame).toContain('z₄  0.50');
    await press(ui.stdin, '\u001B[C');
    frame = await waitForText(ui.lastFrame, 'z₄  0.60');
    expect(a4()).toBeGreaterThan(before);
    expect(frame).toContain('sum of the activations: 1.0000');
    await press(ui.stdin, '>');
    await waitForText(ui.lastFrame, 'sharpness c = 2');
  });
});

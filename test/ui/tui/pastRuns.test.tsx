// The Past runs screen and the dashboard's recording, on tiny runs of the embedded MNIST recorded
// into temporary runs folders by the dashboard's own recorder.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadNetwork } from '../../../src/data/modelFile.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../../src/core/config.js';
import { listRuns, readRunInfo } from '../../../src/ui/app/runsIndex.js';
import type { RunRequest } from '../../../src/ui/app/runRequest.js';
import { prepareRun } from '../../../src/ui/app/runSetup.js';
import { recordDashboardRun } from '../../../src/ui/tui/dashboard/recordRun.js';
import { press, waitFor, waitForText } from '../../helpers/waitFor.js';
import { ENTER, TINY, highlight, startApp, startRun, type Ui } from './appHarness.js';

const DOWN = '\u001B[B';
const UP = '\u001B[A';
let ui: Ui | undefined;
const folders: string[] = [];

function tempRunsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netdash-pastruns-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  ui?.unmount();
  ui = undefined;
});

/** Trains and records a tiny run as the dashboard does; `abortAfter` stops it after that epoch. */
async function recordTiny(runsDir: string, experiment: string, options: { eta: number; epochs: number; abortAfter?: number }) {
  const request: RunRequest = {
    config: makeConfig({ sizes: [784, 10, 10], epochs: options.epochs, eta: options.eta, seed: 3 }),
    heldOut: 'validation',
    trainingSize: 200,
    validationSize: 100,
    expand: false,
  };
  const prepared = prepareRun(request);
  const controller = new AbortController();
  const recorder = recordDashboardRun(
    { runsDir, experiment: { id: experiment, run: experiment, variant: 0 }, request },
    prepared,
    () => controller.abort(),
  );
  prepared.trainer.on((event) => {
    if (event.type === 'epoch' && event.epoch === options.abortAfter) controller.abort();
  });
  const done = await prepared.trainer.run(controller.signal);
  await recorder.finish({ done });
  return recorder.dir;
}

let runsDir = '';
let aborted = '';

beforeAll(async () => {
  runsDir = tempRunsDir();
  await recordTiny(runsDir, 'custom', { eta: 0.5, epochs: 2 });
  await recordTiny(runsDir, 'eta', { eta: 3, epochs: 3 });
  aborted = await recordTiny(runsDir, 'custom', { eta: 0.1, epochs: 3, abortAfter: 1 });
  // A foreign folder and a damaged description: skipped with a warning, never a crash.
  mkdirSync(join(runsDir, 'holiday-photos'));
  mkdirSync(join(runsDir, 'broken-run'));
  writeFileSync(join(runsDir, 'broken-run', 'run.json'), '{"format": "netdash-run", ');
}, 60_000);

afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function openPastRuns(dir: string, saveDir?: string): Promise<Ui> {
  const app = await startApp({ ...TINY, runsDir: dir, saveDir });
  await highlight(app, 'Past runs');
  await press(app.stdin, ENTER);
  await waitForText(app.lastFrame, 'netdash › past runs');
  return app;
}

const rowsOf = (frame: string) => frame.split('\n').filter((line) => /^.?\s*[❯ ] [●○] /.test(line.replace(/^│/, '')));

async function highlightRow(app: Ui, text: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const line = (app.lastFrame() ?? '').split('\n').find((l) => l.includes('❯ '));
    if (line?.includes(text)) return;
    const before = app.lastFrame();
    await press(app.stdin, i < 6 ? DOWN : UP);
    await waitFor(() => app.lastFrame() !== before, { timeoutMs: 400 }).catch(() => undefined);
  }
  throw new Error(`no row with ${text} in\n${app.lastFrame() ?? ''}`);
}

describe('Past runs', () => {
  it('lists the recorded runs, skips foreign folders, sorts and filters by experiment', async () => {
    ui = await openPastRuns(runsDir);
    let frame = ui.lastFrame() ?? '';
    expect(frame).toContain('3 of 3 runs');
    expect(frame).toContain('1 resumable');
    expect(frame).toMatch(/skipped .*broken-run/);
    expect(rowsOf(frame)).toHaveLength(3);
    expect(frame).toContain('aborted');
    expect(frame).toContain('784,10,10');

    // Sorted by best accuracy: the first row holds the highest.
    await press(ui.stdin, 's');
    frame = await waitForText(ui.lastFrame, 'sort: best accuracy');
    const best = Math.max(...listRuns(runsDir).runs.map((run) => run.bestAccuracy ?? 0));
    expect(rowsOf(frame)[0]).toContain(`${(best * 100).toFixed(2)}%`);

    // Filtered: custom, then eta, then all.
    await press(ui.stdin, 'e');
    frame = await waitForText(ui.lastFrame, 'exp.: custom');
    expect(frame).toContain('2 of 3 runs');
    expect(rowsOf(frame).every((row) => row.includes('custom'))).toBe(true);
    await press(ui.stdin, 'e');
    frame = await waitForText(ui.lastFrame, 'exp.: eta');
    expect(rowsOf(frame)).toHaveLength(1);
    await press(ui.stdin, 'e');
    await waitForText(ui.lastFrame, 'exp.: all');
  });

  it('overlays the selected runs on the charts, each in the legend', async () => {
    ui = await openPastRuns(runsDir);
    await highlightRow(ui, 'eta');
    await press(ui.stdin, ' ');
    await waitForText(ui.lastFrame, '1 selected');
    await highlightRow(ui, 'aborted');
    await press(ui.stdin, ' ');
    await waitForText(ui.lastFrame, '2 selected');
    await press(ui.stdin, ENTER);
    const frame = await waitForText(ui.lastFrame, '2 recorded runs');
    await waitForText(ui.lastFrame, 'finished');
    expect(ui.lastFrame()).toMatch(/eta /);
    expect(ui.lastFrame()).toMatch(/custom /);
    expect(frame).not.toContain('training ·');
  });

  it('reopens a finished run with its views, and resumes a stopped one to its end', async () => {
    const saveDir = mkdtempSync(join(tmpdir(), 'netdash-pastruns-save-'));
    ui = await openPastRuns(runsDir, saveDir);
    await highlightRow(ui, 'eta');
    await press(ui.stdin, 'o');
    await waitForText(ui.lastFrame, '(recorded)');
    await waitForText(ui.lastFrame, 'finished');
    await press(ui.stdin, '2');
    await waitFor(() => /view 2/.test(ui?.lastFrame() ?? ''));
    // `w` on a reopened run saves a copy of its recorded best network.
    await press(ui.stdin, 'w');
    await waitFor(() => readdirSync(saveDir).length === 1);
    expect(loadNetwork(join(saveDir, readdirSync(saveDir)[0]!)).sizes).toEqual([784, 10, 10]);
    rmSync(saveDir, { recursive: true, force: true });
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, 'netdash › past runs');

    // A completed run does not resume; the stopped one continues in its own folder.
    await press(ui.stdin, 'r');
    await waitForText(ui.lastFrame, 'only an interrupted or stopped run continues');
    await highlightRow(ui, 'aborted');
    await press(ui.stdin, 'r');
    await waitForText(ui.lastFrame, '(recorded)');
    await waitForText(ui.lastFrame, 'finished', 20_000);
    await waitFor(() => readRunInfo(aborted).status === 'completed');
    expect(readRunInfo(aborted).epochs).toBe(3);
    expect(readRunInfo(aborted).description.resumes).toHaveLength(1);
  });

  it('says so when recording is off, and an empty folder lists nothing', async () => {
    ui = await openPastRuns(tempRunsDir());
    await waitForText(ui.lastFrame, 'No recorded runs yet');
    ui.unmount();
    ui = await startApp(TINY);
    await highlight(ui, 'Past runs');
    await press(ui.stdin, ENTER);
    await waitForText(ui.lastFrame, 'recording is off');
  });
});

describe('recording from the dashboard', () => {
  it('records each run, and `c` compares the recorded runs of the experiment', async () => {
    const dir = tempRunsDir();
    ui = await startApp({ ...TINY, runsDir: dir });
    await startRun(ui, 'Overfitting on 1,000 images');
    await waitForText(ui.lastFrame, 'finished');
    await waitFor(() => listRuns(dir).runs[0]?.status === 'completed');
    const [run] = listRuns(dir).runs;
    expect(run?.description.source).toBe('dashboard');
    expect(run?.epochs).toBe(2);
    ui.unmount();
    // A new dashboard (a new process) compares with it.
    ui = await startApp({ ...TINY, runsDir: dir });
    await startRun(ui, 'Overfitting on 1,000 images');
    await waitForText(ui.lastFrame, 'finished');
    await press(ui.stdin, 'c');
    await waitForText(ui.lastFrame, /on: .*compare/);
  });
});

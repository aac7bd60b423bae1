// The dashboard's frame time, for `netdash bench`: how long one frame takes to compute and write
// (React render, Ink layout, the frame's text) at a given terminal size, with a 400-epoch run in
// view 4 (all four series). Two kinds of frame: a key's (the charts' data unchanged: memoised)
// and an epoch's (new data: every chart redrawn). src/ui/main.ts hands this to the bench command,
// which may not import the dashboard itself. Loaded through frameTime.ts.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { makeConfig } from '../../../core/config.js';
import type { EpochEvent, TrainerEvent } from '../../../core/types.js';
import { ColorContext } from '../charts/colors.js';
import { DashboardBody } from '../dashboard/Dashboard.js';
import { dashboardReducer, initialDashboardState, type DashboardState } from '../dashboard/dashboardReducer.js';

export interface FrameTimes {
  /** "80×24". */
  size: string;
  columns: number;
  rows: number;
  epochs: number;
  view: number;
  /** A key's frame: the charts' data unchanged. */
  keyFrameMs: { median: number; p95: number };
  /** An epoch's frame: one more epoch in every chart. */
  epochFrameMs: { median: number; p95: number };
}

const EPOCHS = 400;
const FRAMES = 60;

class FakeTerminal extends EventEmitter {
  bytes = 0;
  isTTY = false;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (text: string) => {
    this.bytes += text.length;
    return true;
  };
}

function epochEvent(epoch: number): EpochEvent {
  const wobble = Math.sin(epoch * 1.7) * 0.002;
  const metrics = {
    trainingCost: 0.02 + 0.5 * Math.exp(-epoch / 30) + wobble,
    trainingAccuracy: Math.min(1, 0.9 + 0.1 * (1 - Math.exp(-epoch / 40))),
    validationCost: 0.35 + epoch / 2000 + wobble,
    validationAccuracy: 0.8 + 0.03 * (1 - Math.exp(-epoch / 20)) + wobble,
  };
  return {
    type: 'epoch',
    epoch,
    metrics,
    learningRate: 0.5,
    trainSeconds: 0.02,
    evalSeconds: 0.01,
    bestEpoch: epoch,
    bestMetrics: metrics,
    epochsSinceImprovement: 0,
  };
}

/** A 400-epoch run (the overfitting experiment's shape) after `epochs` epochs, in view 4. */
function stateAfter(epochs: number): DashboardState {
  const config = makeConfig({ epochs: EPOCHS, monitorTrainingCost: true, monitorTrainingAccuracy: true });
  const plan = {
    id: 1,
    experimentId: 'bench',
    title: 'Overfitting on 1,000 images',
    heldOut: 'test' as const,
    bySize: false,
    runs: [{ label: 'bench', request: { config, heldOut: 'test' as const }, trainingSize: 1000 }],
  };
  const events: TrainerEvent[] = [
    { type: 'start', config, trainingSize: 1000, validationSize: 10_000, batchesPerEpoch: 100 },
    ...Array.from({ length: epochs }, (_, i) => epochEvent(i + 1)),
  ];
  const state = dashboardReducer(initialDashboardState(plan), { type: 'events', run: 0, events });
  return { ...state, view: 'all', progress: { epoch: epochs + 1, batch: 50, batches: 100, examplesPerSecond: 40_000 } };
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const summary = (values: readonly number[]) => ({ median: percentile(values, 0.5), p95: percentile(values, 0.95) });

/** Frame times at one size: `frames` frames of each kind after a warm-up. */
export function measureFrames(columns: number, rows: number, frames = FRAMES): FrameTimes {
  const terminal = new FakeTerminal(columns, rows);
  const stdin = new EventEmitter() as unknown as NodeJS.ReadStream;
  const frame = (state: DashboardState) => (
    <ColorContext.Provider value={true}>
      <DashboardBody state={state} compared={[]} bindings={[]} />
    </ColorContext.Provider>
  );
  const base = stateAfter(EPOCHS - frames - 1);
  // Debug mode writes every frame at once, so a frame's time is the rerender call's.
  const instance = render(frame(base), {
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin,
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  const time = (state: DashboardState) => {
    const start = performance.now();
    instance.rerender(frame(state));
    return performance.now() - start;
  };
  try {
    const growing = Array.from({ length: frames + 1 }, (_, i) => stateAfter(EPOCHS - frames + i));
    for (let i = 0; i < Math.min(10, frames); i++) time(growing[i % 2]!);
    const epochFrames = growing.slice(1).map((state) => time(state));
    const full = growing.at(-1)!;
    const keyFrames = Array.from({ length: frames }, (_, i) =>
      time(i % 2 === 0 ? { ...full, notice: { text: 'a key was pressed', tone: 'info' } } : { ...full, notice: undefined }),
    );
    return {
      size: `${columns}×${rows}`,
      columns,
      rows,
      epochs: EPOCHS,
      view: 4,
      keyFrameMs: summary(keyFrames),
      epochFrameMs: summary(epochFrames),
    };
  } finally {
    instance.unmount();
  }
}

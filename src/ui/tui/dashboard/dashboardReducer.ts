// The dashboard's state, changed only by this pure reducer: trainer events (delivered in batches
// by useTrainer) and the user's keys (views, toggles, pause). Components only read it.
import type { BookCurveRef, HeldOut } from '../../../core/experiments.js';
import type { DoneEvent, EpochEvent, EpochMetrics, TrainConfig, TrainerEvent } from '../../../core/types.js';
import { EMPTY_SERIES, appendEpochs, type MetricSeries } from './metrics.js';
import { INITIAL_INSPECT, type InspectState } from './inspect.js';
import type { RunPlan } from '../settings/runPlan.js';

/** Speeds a run can be slowed to, in epochs per second (`-` slower, `+` faster); the first is full speed. */
export const PACES: readonly number[] = [Number.POSITIVE_INFINITY, 10, 4, 2, 1, 0.5];

export interface RunRecord {
  label: string;
  series: MetricSeries;
  epochsPlanned: number;
  trainingSize: number;
  bookCurve?: BookCurveRef;
  done?: DoneEvent;
  /** Held-out accuracy after the run, measured once when it was not monitored per epoch (the 'evaluation' event). */
  finalAccuracy?: number;
  /** η and wall seconds of each epoch (index = epoch - 1), for the table. */
  etas: readonly number[];
  seconds: readonly number[];
  /** Epochs after which a callback changed η (the schedule's halvings). */
  etaChanges: readonly number[];
}

export interface Progress {
  epoch: number;
  batch: number;
  batches: number;
  examplesPerSecond: number;
}

export type Phase = 'loading' | 'training' | 'finished' | 'stopped' | 'failed';

export type Toggle = 'lastEpochsOnly' | 'showBook' | 'compare' | 'logScale';

export interface DashboardState {
  title: string;
  heldOut: HeldOut;
  runs: RunRecord[];
  /** Index of the run being trained (the last one once all are done). */
  current: number;
  bySize: boolean;
  phase: Phase;
  paused: boolean;
  config?: TrainConfig;
  trainingSize: number;
  validationSize: number;
  progress?: Progress;
  /** Epochs completed in the current run. */
  epoch: number;
  learningRate?: number;
  bestEpoch: number;
  bestMetrics: EpochMetrics;
  epochsSinceImprovement: number;
  /** Wall seconds of the current run's completed epochs (training + monitoring). */
  epochSeconds: number;
  /** Id of the shown view (views.ts). */
  view: string;
  lastEpochsOnly: boolean;
  showBook: boolean;
  compare: boolean;
  /** Cost charts on a log scale. */
  logScale: boolean;
  /** Rows a scrollable view is scrolled up from its end (0 follows the newest). */
  scroll: number;
  /** Index into PACES. */
  pace: number;
  notice?: { text: string; tone: 'info' | 'error' };
  savedFile?: string;
  error?: string;
  /** What views 7–0 show (inspect.ts). */
  inspect: InspectState;
}

export type DashboardAction =
  | { type: 'loading'; run: number }
  | { type: 'events'; run: number; events: readonly TrainerEvent[] }
  | { type: 'allDone'; stopped: boolean }
  | { type: 'failed'; message: string }
  | { type: 'paused'; paused: boolean }
  | { type: 'view'; view: string }
  | { type: 'toggle'; option: Toggle }
  | { type: 'scroll'; by: number; limit: number }
  | { type: 'pace'; pace: number }
  | { type: 'notice'; text: string; tone: 'info' | 'error' }
  | { type: 'clearNotice' }
  | { type: 'saved'; file: string }
  | { type: 'inspect'; change: Partial<InspectState> };

export function initialDashboardState(plan: RunPlan): DashboardState {
  return {
    title: plan.title,
    heldOut: plan.heldOut,
    runs: plan.runs.map((run) => ({
      label: run.label,
      series: EMPTY_SERIES,
      epochsPlanned: run.request.config.epochs,
      trainingSize: run.trainingSize,
      bookCurve: run.bookCurve,
      etas: [],
      seconds: [],
      etaChanges: [],
    })),
    current: 0,
    bySize: plan.bySize,
    phase: 'loading',
    paused: false,
    trainingSize: 0,
    validationSize: 0,
    epoch: 0,
    bestEpoch: 0,
    bestMetrics: {},
    epochsSinceImprovement: 0,
    epochSeconds: 0,
    view: plan.bySize ? 'bars' : 'both',
    lastEpochsOnly: false,
    showBook: false,
    compare: false,
    logScale: false,
    scroll: 0,
    pace: 0,
    inspect: INITIAL_INSPECT,
  };
}

function updateRun(runs: RunRecord[], index: number, change: Partial<RunRecord>): RunRecord[] {
  return runs.map((run, i) => (i === index ? { ...run, ...change } : run));
}

/** Applies a batch of one run's trainer events in order. */
function applyEvents(state: DashboardState, run: number, events: readonly TrainerEvent[]): DashboardState {
  let next: DashboardState = state;
  const epochs: EpochEvent[] = [];
  let done: DoneEvent | undefined;
  let finalAccuracy: number | undefined;
  const etaChanges: number[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'start':
        next = {
          ...next,
          current: run,
          phase: 'training',
          config: event.config,
          trainingSize: event.trainingSize,
          validationSize: event.validationSize,
          progress: { epoch: 1, batch: 0, batches: event.batchesPerEpoch, examplesPerSecond: 0 },
          epoch: 0,
          learningRate: event.config.eta,
          bestEpoch: 0,
          bestMetrics: {},
          epochsSinceImprovement: 0,
          epochSeconds: 0,
          inspect: { ...next.inspect, predictions: undefined, hidden: undefined, offsets: {} },
        };
        break;
      case 'batch':
        next = { ...next, progress: { ...event } };
        break;
      case 'epoch':
        epochs.push(event);
        next = {
          ...next,
          epoch: event.epoch,
          learningRate: event.learningRate,
          bestEpoch: event.bestEpoch,
          bestMetrics: event.bestMetrics,
          epochsSinceImprovement: event.epochsSinceImprovement,
          epochSeconds: next.epochSeconds + event.trainSeconds + event.evalSeconds,
        };
        if (event.predictions)
          next = { ...next, inspect: { ...next.inspect, predictions: event.predictions, predictionsEpoch: event.epoch } };
        break;
      case 'lr':
        etaChanges.push(event.epoch);
        next = {
          ...next,
          learningRate: event.to,
          notice: { text: `η halved after epoch ${event.epoch}: ${event.from} → ${event.to}`, tone: 'info' },
        };
        break;
      case 'evaluation':
        finalAccuracy = event.accuracy;
        if (event.predictions)
          next = { ...next, inspect: { ...next.inspect, predictions: event.predictions, predictionsEpoch: 0 } };
        break;
      case 'done':
        done = event;
        next = { ...next, progress: undefined };
        break;
    }
  }
  const record = next.runs[run];
  if (!record) return next;
  const series = appendEpochs(record.series, epochs);
  if (series === record.series && !done && finalAccuracy === undefined && etaChanges.length === 0) return next;
  const change: Partial<RunRecord> = {
    series,
    ...(done ? { done } : {}),
    ...(finalAccuracy !== undefined ? { finalAccuracy } : {}),
  };
  if (epochs.length > 0) {
    change.etas = placed(record.etas, epochs, (event) => event.learningRate);
    change.seconds = placed(record.seconds, epochs, (event) => event.trainSeconds + event.evalSeconds);
  }
  if (etaChanges.length > 0) change.etaChanges = [...record.etaChanges, ...etaChanges];
  return { ...next, runs: updateRun(next.runs, run, change) };
}

/** Values of the epochs at their epoch's index. */
function placed(values: readonly number[], epochs: readonly EpochEvent[], value: (event: EpochEvent) => number): number[] {
  const next = [...values];
  for (const event of epochs) {
    while (next.length < event.epoch - 1) next.push(Number.NaN);
    next[event.epoch - 1] = value(event);
  }
  return next;
}

export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'loading':
      return { ...state, phase: 'loading', current: action.run, progress: undefined, epoch: 0 };
    case 'events':
      return applyEvents(state, action.run, action.events);
    case 'allDone':
      return { ...state, phase: action.stopped ? 'stopped' : 'finished', paused: false, progress: undefined };
    case 'failed':
      return { ...state, phase: 'failed', paused: false, progress: undefined, error: action.message };
    case 'paused':
      if (state.phase !== 'training' && state.phase !== 'loading') return state;
      return { ...state, paused: action.paused };
    case 'view':
      return { ...state, view: action.view, scroll: 0 };
    case 'scroll':
      return { ...state, scroll: Math.min(Math.max(0, action.limit - 1), Math.max(0, state.scroll + action.by)) };
    case 'pace':
      return { ...state, pace: Math.min(PACES.length - 1, Math.max(0, action.pace)) };
    case 'toggle':
      return { ...state, [action.option]: !state[action.option] };
    case 'notice':
      return { ...state, notice: { text: action.text, tone: action.tone } };
    case 'clearNotice':
      return state.notice ? { ...state, notice: undefined } : state;
    case 'saved':
      return { ...state, savedFile: action.file, notice: { text: `saved the network to ${action.file}`, tone: 'info' } };
    case 'inspect':
      return { ...state, inspect: { ...state.inspect, ...action.change } };
  }
}

/** Whether training is still going on (keys p and s apply). */
export function isRunning(state: DashboardState): boolean {
  return state.phase === 'loading' || state.phase === 'training';
}

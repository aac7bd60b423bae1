// Runs a plan's trainers one after the other and feeds their events to the dashboard reducer.
// Events are buffered and handed to React at most every UI_FLUSH_MS, so a run of thousands of
// tiny epochs does not re-render thousands of times; the trainer yields every ~50 ms, which is
// when these timers, key presses and Ink's throttled repaints get their turn.
import { isAbsolute, join, relative, sep } from 'node:path';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Trainer } from '../../../core/trainer.js';
import type { TrainerEvent } from '../../../core/types.js';
import type { Datasets } from '../../../data/load.js';
import { loadNetwork, saveNetwork } from '../../../data/modelFile.js';
import { RUN_FILES } from '../../../data/runs.js';
import { firstLine } from '../../app/errors.js';
import { hiddenWeightsOf } from './inspect.js';
import { prepareResume } from '../../app/runsResume.js';
import { dashboardReducer, initialDashboardState, type DashboardAction, type DashboardState } from './dashboardReducer.js';
import type { SessionRun } from './dashboardSelectors.js';
import { recordDashboardRun } from './recordRun.js';
import { prepareDashboardRun, type RunPlan } from '../settings/runPlan.js';

const UI_FLUSH_MS = 200;
/** Lets "loading…" reach the screen before the synchronous data load blocks the thread. */
const LOADING_PAINT_MS = 120;

export interface TrainerControls {
  togglePause(): void;
  /** Ends the run now; the trainer keeps the best weights. Later runs of the plan are skipped. */
  stop(): void;
  /** Saves the current network in the book's JSON format. */
  save(): void;
  /** At most this many epochs per second (Infinity: full speed). */
  setPace(epochsPerSecond: number): void;
}

export interface UseTrainerOptions {
  /** Folder for `w`; defaults to the working directory. */
  saveDir?: string;
  /** Runs folder to record each run in (docs/runs.md); undefined records nothing. */
  runsDir?: string;
  /** Called once for each run that ends with at least one epoch. */
  onRunFinished?: (run: SessionRun) => void;
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

function timestamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

export function useTrainer(
  plan: RunPlan,
  options: UseTrainerOptions = {},
): { state: DashboardState; dispatch: (action: DashboardAction) => void; controls: TrainerControls } {
  const [state, dispatch] = useReducer(dashboardReducer, plan, initialDashboardState);
  const trainerRef = useRef<Trainer | undefined>(undefined);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const pausedRef = useRef(false);
  const stoppedRef = useRef(false);
  // Pacing: after an epoch the trainer is held until 1 / pace seconds have passed since the
  // previous one started; the user's own pause is kept apart so either can end without the other.
  const paceRef = useRef(Number.POSITIVE_INFINITY);
  const pacing = useRef<{ timer?: NodeJS.Timeout; since: number }>({ since: 0 });
  // The hidden layer's weights are copied only while view 9 shows them.
  const neuronsShown = useRef(false);
  const epochRef = useRef(0);
  const runsDir = options.runsDir;

  useEffect(() => {
    const abort = new AbortController();
    abortRef.current = abort;
    let unsubscribe = () => {};
    let buffered: TrainerEvent[] = [];
    let bufferedRun = 0;
    let flushTimer: NodeJS.Timeout | undefined;
    let mounted = true;

    const flush = () => {
      clearTimeout(flushTimer);
      flushTimer = undefined;
      if (buffered.length === 0 || !mounted) return;
      const events = buffered;
      buffered = [];
      dispatch({ type: 'events', run: bufferedRun, events });
    };
    const hold = (trainer: Trainer) => {
      const now = Date.now();
      const wait = 1000 / paceRef.current - (now - pacing.current.since);
      if (!(wait > 0)) {
        pacing.current.since = now;
        return;
      }
      trainer.pause();
      pacing.current.timer = setTimeout(() => {
        pacing.current = { since: Date.now() };
        if (!pausedRef.current) trainer.resume();
      }, wait);
    };
    const listenerFor = (run: number, trainer: Trainer) => (event: TrainerEvent) => {
      bufferedRun = run;
      buffered.push(event);
      if (event.type === 'start') pacing.current.since = Date.now();
      const paced = Number.isFinite(paceRef.current);
      if (event.type === 'epoch' && paced) hold(trainer);
      if (event.type === 'epoch' || event.type === 'start') epochRef.current = event.type === 'epoch' ? event.epoch : 0;
      if ((event.type === 'epoch' || event.type === 'done') && neuronsShown.current)
        dispatch({ type: 'inspect', change: { hidden: hiddenWeightsOf(trainer.currentNetwork(), epochRef.current) } });
      if (event.type === 'done' || event.type === 'start' || (event.type === 'epoch' && paced)) flush();
      else flushTimer ??= setTimeout(flush, UI_FLUSH_MS);
    };

    const trainAll = async () => {
      let datasets: Datasets | undefined;
      let datasetsKey = '';
      for (const [index, run] of plan.runs.entries()) {
        if (abort.signal.aborted) break;
        if (run.replay) dispatch({ type: 'events', run: index, events: run.replay });
        if (run.replay && !run.resume) continue;
        dispatch({ type: 'loading', run: index });
        await delay(LOADING_PAINT_MS, abort.signal);
        if (abort.signal.aborted) break;
        const { trainingSize, validationSize, expand, dataDir } = run.request;
        const key = JSON.stringify([trainingSize, validationSize, expand, dataDir]);
        const prepared = run.resume
          ? prepareResume(run.resume, { predictions: { outputs: true } })
          : prepareDashboardRun(run.request, key === datasetsKey ? datasets : undefined);
        datasets = prepared.datasets;
        datasetsKey = run.resume ? '' : key;
        trainerRef.current = prepared.trainer;
        dispatch({ type: 'inspect', change: { heldOutSet: prepared.heldOut } });
        if (pausedRef.current) prepared.trainer.pause();
        unsubscribe = prepared.trainer.on(listenerFor(index, prepared.trainer));
        const target = { runsDir: runsDir!, experiment: { id: plan.experimentId, run: run.label, variant: index }, ...run };
        const recorder = runsDir === undefined ? undefined : recordDashboardRun(target, prepared, () => abort.abort());
        const done = await prepared.trainer.run(abort.signal);
        unsubscribe();
        flush();
        const problem = (await recorder?.finish({ done })) ?? recorder?.failure;
        if (problem !== undefined && mounted) dispatch({ type: 'notice', text: `recording failed: ${problem}`, tone: 'error' });
      }
      if (mounted) dispatch({ type: 'allDone', stopped: stoppedRef.current });
    };
    trainAll().catch((error: unknown) => {
      if (mounted) dispatch({ type: 'failed', message: firstLine(error) });
    });

    return () => {
      mounted = false;
      clearTimeout(flushTimer);
      clearTimeout(pacing.current.timer);
      unsubscribe();
      abort.abort();
    };
  }, [plan, runsDir]);

  useEffect(() => {
    neuronsShown.current = state.view === 'neurons';
    const trainer = trainerRef.current;
    if (neuronsShown.current && trainer)
      dispatch({ type: 'inspect', change: { hidden: hiddenWeightsOf(trainer.currentNetwork(), epochRef.current) } });
  }, [state.view]);

  // Hand each finished run to the session once (for `c` in later dashboards).
  const reported = useRef(new Set<number>());
  const onRunFinished = options.onRunFinished;
  useEffect(() => {
    state.runs.forEach((run, index) => {
      if (!run.done || run.done.epochs === 0 || reported.current.has(index)) return;
      reported.current.add(index);
      const label = plan.runs.length > 1 ? `${plan.title} (${run.label})` : plan.title;
      onRunFinished?.({ planId: plan.id, label, heldOut: state.heldOut, series: run.series });
    });
  }, [state.runs, state.heldOut, plan, onRunFinished]);

  const togglePause = useCallback(() => {
    pausedRef.current = !pausedRef.current;
    if (pausedRef.current) trainerRef.current?.pause();
    // While the pace holds the trainer, its timer resumes it.
    else if (!pacing.current.timer || !Number.isFinite(paceRef.current)) trainerRef.current?.resume();
    dispatch({ type: 'paused', paused: pausedRef.current });
  }, []);

  const setPace = useCallback((epochsPerSecond: number) => {
    paceRef.current = epochsPerSecond;
    if (Number.isFinite(epochsPerSecond)) return;
    // Back to full speed: end a hold now.
    clearTimeout(pacing.current.timer);
    pacing.current = { since: Date.now() };
    if (!pausedRef.current) trainerRef.current?.resume();
  }, []);

  const stop = useCallback(() => {
    stoppedRef.current = true;
    pausedRef.current = false;
    abortRef.current?.abort();
  }, []);

  const saveDir = options.saveDir;
  const current = state.current;
  const save = useCallback(() => {
    const trainer = trainerRef.current;
    // A reopened recorded run trains nothing here: its saved best network is the one to copy.
    const recordedDir = plan.runs[current]?.recordedDir;
    if (!trainer && recordedDir === undefined) {
      dispatch({ type: 'notice', text: 'nothing to save yet: the network is still being set up', tone: 'error' });
      return;
    }
    const file = join(saveDir ?? process.cwd(), `netdash-${plan.experimentId}-${timestamp()}.json`);
    try {
      saveNetwork(file, trainer ? trainer.currentNetwork() : loadNetwork(join(recordedDir!, RUN_FILES.network)));
      const shown = relative(process.cwd(), file);
      // The path as typed from here: ./netdash-….json in the working folder, absolute elsewhere.
      dispatch({ type: 'saved', file: shown.startsWith('..') || isAbsolute(shown) ? file : `.${sep}${shown}` });
    } catch (error) {
      dispatch({ type: 'notice', text: `could not save: ${firstLine(error)}`, tone: 'error' });
    }
  }, [plan, saveDir, current]);

  const controls = useMemo(() => ({ togglePause, stop, save, setPace }), [togglePause, stop, save, setPace]);
  return { state, dispatch, controls };
}

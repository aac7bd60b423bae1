// The training screen: header (experiment, state, view, what is switched on), status, progress
// (or the end line), the chosen view, a notice line and the keys. DashboardBody draws a state
// and is all the frame-time benchmark renders; Dashboard adds the trainer and the keys.
import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { ScreenFrame, frameWidth } from '../frame/ScreenFrame.js';
import type { KeyBinding } from '../input/keyMap.js';
import type { ScreenDefinition, ScreenProps } from '../screen.js';
import type { RunPlan } from '../settings/runPlan.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { dashboardBindings, paceText } from './dashboardKeys.js';
import { isRunning, type DashboardState } from './dashboardReducer.js';
import { comparedRuns, etaSeconds, hasBookData, LAST_EPOCHS, type SessionRun } from './dashboardSelectors.js';
import { EndLine, endLines } from './EndLine.js';
import { ProgressBar } from './ProgressBar.js';
import { StatusLine, statusHeight } from './StatusLine.js';
import { recordedToCompare } from '../runs/recordedRuns.js';
import { useTrainer } from './useTrainer.js';
import { viewById } from './views/index.js';
import type { HelpRow } from '../input/keyMap.js';

const PHASE_BADGE = {
  loading: { text: 'loading…', color: 'yellow' },
  training: { text: 'training', color: 'cyan' },
  finished: { text: 'finished', color: 'green' },
  stopped: { text: 'stopped', color: 'yellow' },
  failed: { text: 'failed', color: 'red' },
} as const;

/** How long a notice (saved file, η halved, …) stays on screen. */
const NOTICE_MS = 8000;

const HELP_NOTES: readonly HelpRow[] = [
  { label: '', text: 'Reading the charts', heading: true },
  { label: '▲', text: 'on the epoch axis: the best epoch of the monitored metric' },
  { label: '½', text: 'on the epoch axis: the schedule halved η after this epoch' },
  { label: '━ ─', text: 'training series heavy, held-out series thin; one colour pair per run' },
  { label: '┄ ╌', text: "the book's curves dotted (b), earlier runs of the session dashed (c)" },
  { label: '═', text: 'two or more lines run through the same cells' },
  { label: '', text: `legend: current value of this run's series, then (min–max); z keeps ${LAST_EPOCHS} epochs` },
  { label: '', text: 'cost charts span at least a quarter of their largest value, accuracy 2 points' },
];

/** What is switched on, for the header: "book, compare". */
export function togglesOn(state: DashboardState): string[] {
  return [
    state.lastEpochsOnly && `last ${LAST_EPOCHS}`,
    state.showBook && 'book',
    state.compare && 'compare',
    state.logScale && 'log',
  ].filter((text): text is string => typeof text === 'string');
}

export interface DashboardBodyProps {
  state: DashboardState;
  compared: readonly SessionRun[];
  bindings: readonly KeyBinding[];
}

export function DashboardBody({ state, compared, bindings }: DashboardBodyProps) {
  const { columns } = useTerminalSize();
  const width = frameWidth(columns);
  const running = isRunning(state);
  const view = viewById(state.view);
  const run = state.runs[state.current];
  const badge = state.paused ? { text: 'PAUSED', color: 'yellow' as const } : PHASE_BADGE[state.phase];
  const on = togglesOn(state);
  const pace = running && state.pace > 0 ? ` · ${paceText(state.pace)}` : '';
  const status = {
    text: `${badge.text}${pace} · view ${view.key}: ${view.name}${on.length > 0 ? ` · on: ${on.join(', ')}` : ''}`,
    color: badge.color,
  };
  const endHeight = running ? 1 : endLines(state, width);
  const top = (
    <>
      <StatusLine state={state} width={width} />
      {running && state.progress ? (
        <ProgressBar progress={state.progress} etaSeconds={etaSeconds(state)} width={width} />
      ) : running ? (
        <Text dimColor>preparing…</Text>
      ) : (
        <Box height={endHeight} overflow="hidden">
          <EndLine state={state} />
        </Box>
      )}
    </>
  );
  return (
    <ScreenFrame
      title={`netdash › ${state.title}${state.runs.length > 1 && run ? ` · ${run.label}` : ''}`}
      status={status}
      bindings={bindings}
      helpNotes={HELP_NOTES}
      notice={state.notice}
      top={top}
      topLines={statusHeight(state, width) + endHeight}
    >
      {({ width: areaWidth, height }) =>
        state.phase === 'failed' ? (
          <>
            <Text color="red" wrap="wrap">
              {state.error}
            </Text>
            <Text dimColor>q goes back to the menu.</Text>
          </>
        ) : (
          <view.Body state={state} compared={compared} width={areaWidth} height={height} />
        )
      }
    </ScreenFrame>
  );
}

function Dashboard({ params, ctx }: ScreenProps<{ plan: RunPlan }>) {
  const { plan } = params;
  const { state, dispatch, controls } = useTrainer(plan, {
    saveDir: ctx.saveDir,
    runsDir: ctx.runsDir,
    onRunFinished: ctx.addSessionRun,
  });
  // With a runs folder, `c` compares the latest recorded runs of this experiment (as they were when
  // this dashboard opened, so its own runs are not among them); else this session's runs.
  const recorded = useMemo(() => (plan.overlay ? undefined : recordedToCompare(ctx.runsDir, plan)), [ctx.runsDir, plan]);
  const compared = useMemo(
    () => plan.overlay ?? recorded ?? comparedRuns(ctx.session, plan.id),
    [plan.overlay, recorded, ctx.session, plan.id],
  );
  // Overlaid recorded runs (Past runs, Enter) are on the charts from the start.
  useEffect(() => {
    if (plan.overlay && plan.overlay.length > 0) dispatch({ type: 'toggle', option: 'compare' });
  }, [plan.overlay, dispatch]);
  const hasBook = useMemo(() => hasBookData({ runs: state.runs }), [state.runs]);

  useEffect(() => {
    if (!state.notice) return;
    const timer = setTimeout(() => dispatch({ type: 'clearNotice' }), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [state.notice, dispatch]);

  const bindings = dashboardBindings({
    state,
    dispatch,
    controls,
    hasBook,
    hasCompared: compared.length > 0,
    onBack: () => ctx.nav.back(),
  });
  return <DashboardBody state={state} compared={compared} bindings={bindings} />;
}

export const dashboardScreen: ScreenDefinition<{ plan: RunPlan }> = { id: 'dashboard', Component: Dashboard };

// The training screen: header, status, progress, the charts of the chosen view (or help), a
// notice line and the keys. Every line is counted so the live area stays below the terminal's
// height (Ink clears the whole screen each frame otherwise).
import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { ChartGrid } from '../charts/ChartGrid.js';
import { VIEW_NAMES, isRunning } from './dashboardReducer.js';
import {
  LAST_EPOCHS,
  chartSpecs,
  comparedRuns,
  etaSeconds,
  hasBookData,
  sizeBars,
  type SessionRun,
} from './dashboardSelectors.js';
import { EndLine } from './EndLine.js';
import { Footer, footerLines, type KeyHint } from './Footer.js';
import { Help } from './Help.js';
import { ProgressBar } from './ProgressBar.js';
import type { RunPlan } from '../settings/runPlan.js';
import { SizeBars } from './SizeBars.js';
import { StatusLine } from './StatusLine.js';
import { useDashboardKeys } from '../input/useDashboardKeys.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { useTrainer } from './useTrainer.js';

export interface DashboardProps {
  plan: RunPlan;
  session: readonly SessionRun[];
  onRunFinished: (run: SessionRun) => void;
  onBack: () => void;
  saveDir?: string;
}

const PHASE_BADGE = {
  loading: { text: 'loading…', color: 'yellow' },
  training: { text: 'training', color: 'cyan' },
  finished: { text: 'finished', color: 'green' },
  stopped: { text: 'stopped', color: 'yellow' },
  failed: { text: 'failed', color: 'red' },
} as const;

/** How long a notice (saved file, η halved, …) stays on screen. */
const NOTICE_MS = 8000;

/** Header, status and progress lines above the charts. */
const FIXED_LINES = 3;

export function Dashboard({ plan, session, onRunFinished, onBack, saveDir }: DashboardProps) {
  const { columns, rows } = useTerminalSize();
  const { state, dispatch, controls } = useTrainer(plan, { saveDir, onRunFinished });
  const compared = useMemo(() => comparedRuns(session, plan.id), [session, plan.id]);
  const hasBook = useMemo(() => hasBookData({ runs: state.runs }), [state.runs]);
  useDashboardKeys({ state, dispatch, controls, hasBook, hasCompared: compared.length > 0, onBack });

  useEffect(() => {
    if (!state.notice) return;
    const timer = setTimeout(() => dispatch({ type: 'clearNotice' }), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [state.notice, dispatch]);

  // Keep off the last column: some terminals wrap a line that fills it.
  const width = Math.max(20, columns - 1);
  const running = isRunning(state);
  const hints: KeyHint[] = [
    { key: 'p', action: state.paused ? 'resume' : 'pause' },
    { key: 's', action: 'stop' },
    { key: 'w', action: 'save' },
    { key: 'c', action: 'compare', active: state.compare },
    { key: 'b', action: 'book', active: state.showBook },
    { key: 'z', action: `last ${LAST_EPOCHS}`, active: state.lastEpochsOnly },
    { key: '1-4', action: 'view' },
    { key: '?', action: 'help' },
    { key: 'q', action: 'menu' },
  ];
  const footerHeight = footerLines(hints, width).length;
  const noticeHeight = state.notice ? 1 : 0;
  // One line spare: a live area as tall as the terminal makes Ink clear the screen every frame.
  const areaHeight = Math.max(3, rows - 1 - FIXED_LINES - noticeHeight - footerHeight);

  const { runs, current, view, showBook, compare, bestEpoch, heldOut } = state;
  const specs = useMemo(
    () => chartSpecs({ runs, current, view, showBook, compare, bestEpoch, heldOut }, compared),
    // Not on batch progress: charts change only with epochs and the view options.
    [runs, current, view, showBook, compare, bestEpoch, heldOut, compared],
  );
  const badge = state.paused ? { text: 'PAUSED', color: 'yellow' as const } : PHASE_BADGE[state.phase];
  const run = state.runs[state.current];

  let area;
  if (state.help) area = <Help height={areaHeight} />;
  else if (state.phase === 'failed') {
    area = (
      <Box height={areaHeight} flexDirection="column">
        <Text color="red">{state.error}</Text>
        <Text dimColor>q goes back to the menu.</Text>
      </Box>
    );
  } else if (state.bySize) {
    area = <SizeBars bars={sizeBars(state)} showBook={state.showBook} width={width} height={areaHeight} />;
  } else {
    area = <ChartGrid specs={specs} width={width} height={areaHeight} lastN={state.lastEpochsOnly ? LAST_EPOCHS : undefined} />;
  }

  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Box flexShrink={1}>
          <Text wrap="truncate" bold>
            {`netdash › ${state.title}${state.runs.length > 1 && run ? ` · ${run.label}` : ''}`}
          </Text>
        </Box>
        <Box flexShrink={0}>
          <Text color={badge.color} bold>
            {` ${badge.text} · ${state.bySize ? 'by size' : `view ${state.view}: ${VIEW_NAMES[state.view]}`}`}
          </Text>
        </Box>
      </Box>
      <StatusLine state={state} />
      {running && state.progress ? (
        <ProgressBar progress={state.progress} etaSeconds={etaSeconds(state)} width={width} />
      ) : running ? (
        <Text dimColor>preparing…</Text>
      ) : (
        <EndLine state={state} />
      )}
      {area}
      {state.notice && (
        <Text wrap="truncate" color={state.notice.tone === 'error' ? 'red' : 'yellow'}>
          {state.notice.text}
        </Text>
      )}
      <Footer hints={hints} width={width} />
    </Box>
  );
}

// Past runs: the recorded runs (docs/runs.md) as a table, sortable and filterable by experiment.
// Space selects runs, Enter overlays them on the dashboard's charts, o reopens one with all its
// views, r continues an interrupted or stopped run in the dashboard (exactly, in its own folder).
import { Text } from 'ink';
import { useMemo, useState } from 'react';
import { firstLine } from '../../app/errors.js';
import { listRuns, readRunDetails, type RunInfo } from '../../app/runsIndex.js';
import { planResume } from '../../app/runsResume.js';
import { dashboardScreen } from '../dashboard/Dashboard.js';
import { ScreenFrame } from '../frame/ScreenFrame.js';
import type { KeyBinding } from '../input/keyMap.js';
import { route, type ScreenDefinition, type ScreenProps } from '../screen.js';
import type { RunPlan } from '../settings/runPlan.js';
import { MAX_OVERLAID, overlayPlan, reopenPlan, resumePlan } from './recordedRuns.js';
import { INITIAL_TABLE, nextExperiment, nextSort, shownRuns, tableLines, toggled, type RunsTableState } from './runsTable.js';

interface Listing {
  runs: RunInfo[];
  warnings: string[];
  error?: string;
}

function load(runsDir: string | undefined): Listing {
  if (runsDir === undefined) return { runs: [], warnings: [], error: 'recording is off (--no-record): no runs folder' };
  try {
    return listRuns(runsDir);
  } catch (error) {
    return { runs: [], warnings: [], error: firstLine(error) };
  }
}

/** Why `r` cannot continue the run, or undefined when it can (checked again, fully, when pressed). */
function resumeProblem(run: RunInfo | undefined): string | undefined {
  if (!run) return 'no run highlighted';
  if (run.status !== 'interrupted' && run.status !== 'aborted')
    return `the run is ${run.status}; only an interrupted or stopped run continues`;
  if (!run.hasCheckpoint) return 'the run has no checkpoint (stopped before its first epoch ended)';
  return undefined;
}

function PastRuns({ ctx }: ScreenProps<undefined>) {
  const listing = useMemo(() => load(ctx.runsDir), [ctx.runsDir]);
  const [table, setTable] = useState<RunsTableState>(
    () => (ctx.memory.get('past-runs') as RunsTableState | undefined) ?? INITIAL_TABLE,
  );
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'error' }>();
  const update = (change: (state: RunsTableState) => RunsTableState) =>
    setTable((state) => {
      const next = change(state);
      ctx.memory.set('past-runs', next);
      return next;
    });
  const shown = shownRuns(listing.runs, table);
  const cursorIndex = Math.max(
    0,
    shown.findIndex((run) => run.dir === table.cursor),
  );
  const current = shown[cursorIndex];
  const open = (makePlan: () => RunPlan) => {
    try {
      ctx.nav.open(route(dashboardScreen, { plan: makePlan() }));
    } catch (error) {
      setNotice({ text: firstLine(error), tone: 'error' });
    }
  };
  const chosen = table.selected.length > 0 ? table.selected : current ? [current.dir] : [];
  const canResume = resumeProblem(current);
  const empty = shown.length === 0 ? 'no recorded runs here' : undefined;

  const bindings: KeyBinding[] = [
    {
      keys: ['up', 'down'],
      label: '↑↓',
      help: 'highlight a run',
      run: (k) =>
        update((s) => ({
          ...s,
          cursor: shown[Math.min(shown.length - 1, Math.max(0, cursorIndex + (k.name === 'up' ? -1 : 1)))]?.dir,
        })),
    },
    {
      keys: ['space'],
      label: 'Space',
      help: 'select or unselect the highlighted run (any number)',
      hint: 'select',
      unavailable: empty,
      run: () => current && update((s) => ({ ...s, selected: toggled(s.selected, current.dir) })),
    },
    {
      keys: ['return'],
      label: 'Enter',
      help: `overlay the selected runs (else the highlighted one) on the charts, each its own colour (first ${MAX_OVERLAID})`,
      hint: 'overlay',
      unavailable: empty,
      run: () => open(() => overlayPlan(chosen.slice(0, MAX_OVERLAID).map(readRunDetails))),
    },
    {
      keys: ['o'],
      label: 'o',
      help: 'reopen the highlighted run in the dashboard, with all its views',
      hint: 'reopen',
      unavailable: empty,
      run: () => current && open(() => reopenPlan(readRunDetails(current.dir))),
    },
    {
      keys: ['r'],
      label: 'r',
      help: 'resume the highlighted interrupted or stopped run in the dashboard, in its own folder',
      hint: 'resume',
      unavailable: canResume,
      run: () => current && open(() => resumePlan(readRunDetails(current.dir), planResume(current.dir, { what: 'resume' }))),
    },
    {
      keys: ['s'],
      label: 's',
      help: 'sort by the next column: newest, best accuracy, experiment, epochs',
      hint: `sort: ${table.sort}`,
      run: () => update((s) => ({ ...s, sort: nextSort(s.sort) })),
    },
    {
      keys: ['e'],
      label: 'e',
      help: 'show only one experiment (cycles through them, then all)',
      hint: `exp.: ${table.experiment ?? 'all'}`,
      run: () => update((s) => ({ ...s, experiment: nextExperiment(listing.runs, s.experiment), cursor: undefined })),
    },
    { keys: ['q', 'escape'], label: 'q', help: 'back to the menu (also Esc)', hint: 'back', run: () => ctx.nav.back() },
  ];
  const resumable = listing.runs.filter((run) => resumeProblem(run) === undefined).length;
  const status = listing.error
    ? { text: 'no runs folder', color: 'red' }
    : {
        text: `${shown.length} of ${listing.runs.length} runs · ${table.selected.length} selected${resumable > 0 ? ` · ${resumable} resumable (r)` : ''}`,
      };
  const warning =
    listing.warnings.length > 0
      ? {
          text: `${listing.warnings[0]}${listing.warnings.length > 1 ? ` (+${listing.warnings.length - 1})` : ''}`,
          tone: 'error' as const,
        }
      : undefined;

  return (
    <ScreenFrame
      title={`netdash › past runs${ctx.runsDir ? ` · ${ctx.runsDir}` : ''}`}
      status={status}
      bindings={bindings}
      notice={notice ?? warning}
    >
      {({ width, height }) => {
        if (listing.error)
          return (
            <Text color="red" wrap="wrap">
              {listing.error}
            </Text>
          );
        if (shown.length === 0)
          return <Text dimColor>No recorded runs yet: runs from the dashboard and `netdash train` are recorded here.</Text>;
        const { head, lines } = tableLines(shown, width - 4);
        const rows = Math.max(1, height - 1);
        const first = Math.min(Math.max(0, cursorIndex - rows + 1), Math.max(0, shown.length - rows));
        return (
          <>
            <Text bold wrap="truncate">{`    ${head}`}</Text>
            {lines.slice(first, first + rows).map((line, i) => {
              const run = shown[first + i]!;
              const here = first + i === cursorIndex;
              const selected = table.selected.includes(run.dir);
              return (
                <Text key={run.dir} wrap="truncate" color={here ? 'cyan' : undefined} dimColor={run.damage.length > 0 && !here}>
                  {`${here ? '❯' : ' '} ${selected ? '●' : '○'} ${line}`}
                </Text>
              );
            })}
          </>
        );
      }}
    </ScreenFrame>
  );
}

export const pastRunsScreen: ScreenDefinition<undefined> = { id: 'past-runs', Component: PastRuns };

// The dashboard's key map: views (from views/index.ts), toggles, pause, stop, save, speed, scroll
// and back. Pure: it turns the state and the trainer's controls into bindings; ScreenFrame reads
// the keys, the help and the footer from them.
import { count } from '../../app/format.js';
import type { KeyBinding } from '../input/keyMap.js';
import { PACES, isRunning, type DashboardAction, type DashboardState } from './dashboardReducer.js';
import { LAST_EPOCHS } from './dashboardSelectors.js';
import { inspectBindings } from './inspectKeys.js';
import type { TrainerControls } from './useTrainer.js';
import { DASHBOARD_VIEWS, viewById } from './views/index.js';

export interface DashboardKeyContext {
  state: DashboardState;
  dispatch: (action: DashboardAction) => void;
  controls: TrainerControls;
  /** Whether the book has a curve for this experiment. */
  hasBook: boolean;
  /** Whether the session has earlier runs to compare with. */
  hasCompared: boolean;
  onBack: () => void;
}

/** "full speed", "1 epoch/s", "1 epoch every 2 s". */
export function paceText(pace: number): string {
  const perSecond = PACES[pace] ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(perSecond)) return 'full speed';
  if (perSecond >= 1) return `${count(perSecond)} epoch${perSecond === 1 ? '' : 's'}/s`;
  return `1 epoch every ${count(1 / perSecond)} s`;
}

export function dashboardBindings({
  state,
  dispatch,
  controls,
  hasBook,
  hasCompared,
  onBack,
}: DashboardKeyContext): KeyBinding[] {
  const running = isRunning(state);
  const over = running ? undefined : 'training is over';
  const view = viewById(state.view);
  const notCharts = view.charts ? undefined : `only the chart views (1–4) have it`;
  const views: KeyBinding[] = DASHBOARD_VIEWS.map((candidate, index) => ({
    keys: [candidate.key],
    label: candidate.key,
    help: candidate.help,
    hint: index === 0 ? 'view' : undefined,
    // 1-9 then 0, as on the keyboard: "0-9".
    hintLabel: DASHBOARD_VIEWS.at(-1)!.key === '0' ? '0-9' : `${DASHBOARD_VIEWS[0]!.key}-${DASHBOARD_VIEWS.at(-1)!.key}`,
    unavailable: candidate.unavailable?.(state),
    run: () => dispatch({ type: 'view', view: candidate.id }),
  }));
  const rows = state.runs.slice(0, state.current + 1).reduce((total, run) => total + run.etas.length, 0);
  const scroll = (by: number) => () => dispatch({ type: 'scroll', by, limit: rows });
  const noScroll = view.scrollable ? undefined : 'nothing scrolls in this view (5 is the table)';
  return [
    {
      keys: ['p'],
      label: 'p',
      help: 'pause / resume',
      hint: state.paused ? 'resume' : 'pause',
      unavailable: over,
      run: () => controls.togglePause(),
    },
    {
      keys: ['s'],
      label: 's',
      help: 'stop now; the network keeps its best weights',
      hint: 'stop',
      unavailable: over,
      run: () => controls.stop(),
    },
    {
      keys: ['w'],
      label: 'w',
      help: "save the network (network2.py's JSON format) in the working folder",
      hint: 'save',
      run: () => controls.save(),
    },
    {
      keys: ['-', '+', '='],
      label: '- +',
      help: `slower / faster: ${PACES.map((_, i) => paceText(i)).join(', ')}`,
      hint: paceText(state.pace),
      active: state.pace > 0,
      unavailable: over,
      run: (key) => {
        const next = state.pace + (key.text === '-' ? 1 : -1);
        if (next < 0) dispatch({ type: 'notice', text: 'already at full speed', tone: 'info' });
        else if (next >= PACES.length)
          dispatch({ type: 'notice', text: `already the slowest: ${paceText(state.pace)}`, tone: 'info' });
        else {
          dispatch({ type: 'pace', pace: next });
          controls.setPace(PACES[next]!);
        }
      },
    },
    ...views,
    ...inspectBindings(state, dispatch),
    {
      keys: ['z'],
      label: 'z',
      help: `only the last ${LAST_EPOCHS} epochs, and back`,
      hint: `last ${LAST_EPOCHS}`,
      active: state.lastEpochsOnly,
      unavailable: notCharts,
      run: () => dispatch({ type: 'toggle', option: 'lastEpochsOnly' }),
    },
    {
      keys: ['b'],
      label: 'b',
      help: "the book's recorded curve (dotted, lighter shade)",
      hint: 'book',
      active: state.showBook,
      unavailable: hasBook
        ? view.id === 'table'
          ? 'the table has no book column'
          : undefined
        : 'the book recorded no curve for this experiment',
      run: () => dispatch({ type: 'toggle', option: 'showBook' }),
    },
    {
      keys: ['c'],
      label: 'c',
      help: 'earlier runs of this session (dashed)',
      hint: 'compare',
      active: state.compare,
      unavailable:
        !hasCompared && !state.compare
          ? 'no earlier runs in this session yet: finish a run, then start another'
          : (notCharts ?? undefined),
      run: () => dispatch({ type: 'toggle', option: 'compare' }),
    },
    {
      keys: ['l'],
      label: 'l',
      help: 'cost on a log scale, and back',
      hint: 'log',
      active: state.logScale,
      unavailable: notCharts ?? (view.id === 'accuracy' ? 'view 2 has no cost chart' : undefined),
      run: () => dispatch({ type: 'toggle', option: 'logScale' }),
    },
    {
      keys: ['up', 'down', 'k', 'j', 'pageup', 'pagedown', 'home', 'end'],
      label: '↑↓ PgUp PgDn',
      help: 'scroll the table a row or a page (also k / j); Home: the first epoch, End: follow the newest',
      unavailable: noScroll,
      run: (key) => {
        const by = { up: 1, k: 1, down: -1, j: -1, pageup: 10, pagedown: -10, home: rows, end: -rows }[key.name] ?? 0;
        scroll(by)();
      },
    },
    {
      keys: ['q', 'escape'],
      label: 'q',
      help: running ? 'back to the menu (also Esc); asks first, as it stops the run' : 'back to the menu (also Esc)',
      hint: 'menu',
      confirm: running ? 'Stop training and go back to the menu?' : undefined,
      run: () => onBack(),
    },
  ];
}

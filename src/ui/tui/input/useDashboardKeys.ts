// The dashboard's keys. Only active when stdin supports raw mode (never on a pipe).
import { useInput, useStdin } from 'ink';
import { isRunning, type DashboardAction, type DashboardState, type View } from '../dashboard/dashboardReducer.js';
import type { TrainerControls } from '../dashboard/useTrainer.js';

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

export function useDashboardKeys({ state, dispatch, controls, hasBook, hasCompared, onBack }: DashboardKeyContext): void {
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (state.help && (key.escape || input === '?')) {
        dispatch({ type: 'toggle', option: 'help' });
        return;
      }
      if (input === 'q' || key.escape) {
        onBack();
        return;
      }
      switch (input) {
        case '1':
        case '2':
        case '3':
        case '4':
          dispatch({ type: 'view', view: Number(input) as View });
          return;
        case '?':
          dispatch({ type: 'toggle', option: 'help' });
          return;
        case 'p':
          if (isRunning(state)) controls.togglePause();
          return;
        case 's':
          if (isRunning(state)) controls.stop();
          return;
        case 'w':
          controls.save();
          return;
        case 'z':
          dispatch({ type: 'toggle', option: 'lastEpochsOnly' });
          return;
        case 'b':
          if (!hasBook) dispatch({ type: 'notice', text: 'the book recorded no curve for this experiment', tone: 'info' });
          else dispatch({ type: 'toggle', option: 'showBook' });
          return;
        case 'c':
          if (!hasCompared && !state.compare) {
            dispatch({
              type: 'notice',
              text: 'no earlier runs in this session yet: finish a run, then start another',
              tone: 'info',
            });
          } else dispatch({ type: 'toggle', option: 'compare' });
          return;
      }
    },
    { isActive: Boolean(isRawModeSupported) },
  );
}

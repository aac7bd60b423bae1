// Keys of the look-inside views: ← → move through the misclassified digits (8) or the hidden
// neurons (9), `o` sorts the misclassified digits by confidence or by true digit.
import type { KeyBinding } from '../input/keyMap.js';
import type { DashboardAction, DashboardState } from './dashboardReducer.js';
import { mistakeCount } from './inspect.js';

export function inspectBindings(state: DashboardState, dispatch: (action: DashboardAction) => void): KeyBinding[] {
  const { inspect, view } = state;
  const paged = view === 'misclassified' || view === 'neurons';
  const items = () => (view === 'neurons' ? (inspect.hidden?.neurons ?? 0) : mistakeCount(inspect));
  return [
    {
      keys: ['left', 'right'],
      label: '← →',
      help: 'the previous / next misclassified digit (8) or hidden neuron (9)',
      hint: paged ? 'move' : undefined,
      unavailable: paged ? undefined : 'only views 8 and 9 move',
      run: (key) => {
        const by = key.name === 'left' ? -1 : 1;
        const offset = Math.max(0, Math.min(items() - 1, (inspect.offsets[view] ?? 0) + by));
        dispatch({ type: 'inspect', change: { offsets: { ...inspect.offsets, [view]: offset } } });
      },
    },
    {
      keys: ['o'],
      label: 'o',
      help: 'misclassified digits: sorted by confidence (surest mistakes first) or by true digit',
      hint: view === 'misclassified' ? `by ${inspect.order === 'confidence' ? 'digit' : 'confidence'}` : undefined,
      unavailable: view === 'misclassified' ? undefined : 'only view 8 sorts',
      run: () =>
        dispatch({
          type: 'inspect',
          change: {
            order: inspect.order === 'confidence' ? 'digit' : 'confidence',
            offsets: { ...inspect.offsets, misclassified: 0 },
          },
        }),
    },
  ];
}

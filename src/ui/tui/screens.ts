// The screens listed in the menu besides the chapter's experiments (which open their settings).
// Adding a screen: one file exporting a ScreenDefinition, plus one line here.
import { route, type MenuListing } from './screen.js';
import { pastRunsScreen } from './runs/PastRuns.js';
import { softmaxScreen } from './softmax/SoftmaxExplorer.js';
import { sweepScreen } from './sweep/SweepScreen.js';

export const MENU_SCREENS: readonly MenuListing[] = [
  {
    key: 'past-runs',
    title: 'Past runs',
    description:
      'The recorded runs: sort, filter by experiment, overlay several on the charts, reopen one, or resume an interrupted one.',
    open: () => route(pastRunsScreen, undefined),
  },
  {
    key: 'softmax-explorer',
    title: 'Softmax explorer',
    description: 'Change four weighted inputs z₁…z₄ and the sharpness c; see their softmax activations, which always sum to 1.',
    open: () => route(softmaxScreen, undefined),
  },
  {
    key: 'sweep',
    title: 'Hyper-parameter sweep (η × λ)',
    description:
      'Try every η × λ of a small grid on a few thousand images; watch the trials, the grid shaded by accuracy and the best curves.',
    open: () => route(sweepScreen, undefined),
  },
];

// What a dashboard view is: a key, a name, a line of help, when it cannot show a plan, and the
// component that draws the chart area. Adding a view (a confusion matrix, …) is one file that
// exports a DashboardView plus one line in views/index.ts; its key, help and header follow.
import type { ComponentType } from 'react';
import type { DashboardState } from '../dashboardReducer.js';
import type { SessionRun } from '../dashboardSelectors.js';

export interface ViewProps {
  state: DashboardState;
  /** Earlier runs of the session that `c` overlays. */
  compared: readonly SessionRun[];
  width: number;
  height: number;
}

export interface DashboardView {
  id: string;
  /** The key that shows it (a digit). */
  key: string;
  /** Shown in the header: "view 3: both". */
  name: string;
  /** One line for the `?` help. */
  help: string;
  /** Why the view cannot show this dashboard's runs (said when its key is pressed); undefined when it can. */
  unavailable?: (state: DashboardState) => string | undefined;
  /** ↑↓ PgUp PgDn Home End scroll it (through DashboardState.scroll). */
  scrollable?: boolean;
  /** Whether `l` (log scale) and `z` (last epochs) change it. */
  charts?: boolean;
  Body: ComponentType<ViewProps>;
}

// View 6, only for the more-data experiment: final held-out accuracy against training-set size.
import { SizeBars } from '../SizeBars.js';
import { sizeBars } from '../dashboardSelectors.js';
import type { DashboardView, ViewProps } from './view.js';

function BarsBody({ state, width, height }: ViewProps) {
  return <SizeBars bars={sizeBars(state)} showBook={state.showBook} width={width} height={height} />;
}

export const BARS_VIEW: DashboardView = {
  id: 'bars',
  key: '6',
  name: 'by size',
  help: 'held-out accuracy against training-set size (the more-data experiment)',
  unavailable: (state) => (state.bySize ? undefined : 'bars are for the more-data experiment; this one has curves (1–4)'),
  Body: BarsBody,
};

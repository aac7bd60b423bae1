// The dashboard's views, in key order. Add a view here (one line) after writing its file.
import { BARS_VIEW } from './BarsView.js';
import { CHART_VIEWS } from './chartViews.js';
import { CONFUSION_VIEW, DIGIT_BARS_VIEW } from './ConfusionView.js';
import { MISCLASSIFIED_VIEW } from './MisclassifiedView.js';
import { NEURONS_VIEW } from './NeuronsView.js';
import { TABLE_VIEW } from './TableView.js';
import type { DashboardView } from './view.js';

export const DASHBOARD_VIEWS: readonly DashboardView[] = [
  ...CHART_VIEWS,
  TABLE_VIEW,
  BARS_VIEW,
  CONFUSION_VIEW,
  MISCLASSIFIED_VIEW,
  NEURONS_VIEW,
  DIGIT_BARS_VIEW,
];

export function viewById(id: string): DashboardView {
  return DASHBOARD_VIEWS.find((view) => view.id === id) ?? DASHBOARD_VIEWS[0]!;
}

export type { DashboardView, ViewProps } from './view.js';

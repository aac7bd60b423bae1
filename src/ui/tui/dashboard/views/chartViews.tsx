// The chart views 1–4: cost, accuracy, both, and all four series one chart each.
import { useMemo } from 'react';
import { ChartGrid } from '../../charts/ChartGrid.js';
import { LAST_EPOCHS, chartGroups, chartSpecs, type ChartGroup, type ChartViewId } from '../dashboardSelectors.js';
import type { DashboardView, ViewProps } from './view.js';

function ChartsBody({ state, compared, width, height, groups }: ViewProps & { groups: readonly ChartGroup[] }) {
  const { runs, current, showBook, compare, bestEpoch, heldOut, logScale } = state;
  const specs = useMemo(
    () => chartSpecs({ runs, current, showBook, compare, bestEpoch, heldOut, logScale }, compared, groups),
    // Not on batch progress: charts change only with epochs and the view options.
    [runs, current, showBook, compare, bestEpoch, heldOut, logScale, compared, groups],
  );
  return <ChartGrid specs={specs} width={width} height={height} lastN={state.lastEpochsOnly ? LAST_EPOCHS : undefined} />;
}

const bySizeOnly = (state: ViewProps['state']) =>
  state.bySize ? 'the more-data runs are shown as bars (6) and as a table (5), not as curves' : undefined;

function chartView(id: ChartViewId, key: string, name: string, help: string): DashboardView {
  const groups = chartGroups(id);
  return {
    id,
    key,
    name,
    help,
    charts: true,
    unavailable: bySizeOnly,
    Body: (props: ViewProps) => <ChartsBody {...props} groups={groups} />,
  };
}

export const CHART_VIEWS: readonly DashboardView[] = [
  chartView('cost', '1', 'cost', 'cost: training and held-out cost on one chart (l: log scale)'),
  chartView('accuracy', '2', 'accuracy', 'accuracy: zoomed to the data (at least 2 points of %)'),
  chartView('both', '3', 'both', 'cost and accuracy'),
  chartView('all', '4', 'all four', 'all four series, one chart each'),
];

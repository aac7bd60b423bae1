// Places the current view's charts: one chart fills the area, two are stacked (or side by side
// on wide terminals), four make a 2 × 2 grid. Memoised: unchanged specs redraw nothing.
import { Box } from 'ink';
import { memo } from 'react';
import { Chart } from './Chart.js';
import type { ChartSpec } from './chartPlot.js';

export interface ChartGridProps {
  specs: readonly ChartSpec[];
  width: number;
  height: number;
  lastN?: number;
}

/** Width from which two charts go side by side instead of stacked. */
const SIDE_BY_SIDE_WIDTH = 110;

export const ChartGrid = memo(function ChartGrid({ specs, width, height, lastN }: ChartGridProps) {
  const sideBySide = specs.length === 4 || (specs.length === 2 && width >= SIDE_BY_SIDE_WIDTH);
  const perRow = sideBySide ? 2 : 1;
  const rows: ChartSpec[][] = [];
  for (let i = 0; i < specs.length; i += perRow) rows.push(specs.slice(i, i + perRow));
  const rowHeight = Math.floor(height / Math.max(1, rows.length));
  const chartWidth = perRow === 2 ? Math.floor((width - 2) / 2) : width;
  return (
    <Box flexDirection="column" height={height}>
      {rows.map((row) => (
        <Box key={row.map((spec) => spec.key).join('|')} flexDirection="row" height={rowHeight}>
          {row.map((spec, index) => (
            <Box key={spec.key} marginLeft={index > 0 ? 2 : 0}>
              <Chart spec={spec} width={chartWidth} height={rowHeight} lastN={lastN} />
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
});

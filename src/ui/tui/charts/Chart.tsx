// One chart in a box of width × height: legend, plot, epoch axis with the best-epoch ▲. The
// drawing is memoised on its inputs: a key or a progress update redraws no chart.
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import { drawChart, type ChartSpec } from './chartPlot.js';
import { useColor } from './colors.js';
import { Legend } from './Legend.js';

export interface ChartProps {
  spec: ChartSpec;
  width: number;
  height: number;
  /** Show only the last N points (`z`). */
  lastN?: number;
}

export const Chart = memo(function Chart({ spec, width, height, lastN }: ChartProps) {
  const color = useColor();
  const drawn = useMemo(() => drawChart(spec, { width, height, lastN, color }), [spec, width, height, lastN, color]);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Legend lines={drawn.legend} />
      {drawn.note !== undefined ? (
        <Text dimColor wrap="truncate">
          {drawn.note}
        </Text>
      ) : (
        drawn.plot.map((line, index) => (
          <Text key={index} wrap="truncate">
            {line}
          </Text>
        ))
      )}
      {drawn.axis !== '' && (
        <Text dimColor wrap="truncate">
          {drawn.axis}
        </Text>
      )}
    </Box>
  );
});

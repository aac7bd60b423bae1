// One chart in a box of width × height: legend, asciichart plot, epoch axis with the best-epoch ▲.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { drawChart, type ChartSpec } from './chartPlot.js';
import { Legend } from './Legend.js';

export interface ChartProps {
  spec: ChartSpec;
  width: number;
  height: number;
  /** Show only the last N points (`z`). */
  lastN?: number;
}

export function Chart({ spec, width, height, lastN }: ChartProps) {
  const drawn = useMemo(() => drawChart(spec, { width, height, lastN }), [spec, width, height, lastN]);
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
}

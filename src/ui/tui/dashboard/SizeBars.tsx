// The more-data experiment: one bar per training-set size with the held-out accuracy it reached,
// and the book's value beside it (`b`). The bars start at a round percentage below the lowest
// value so that differences of a few percent are visible.
import { Box, Text } from 'ink';
import { barLength, barScaleLower } from '../charts/chartData.js';
import type { SizeBar } from './dashboardSelectors.js';
import { count, percent } from '../../app/format.js';

export interface SizeBarsProps {
  bars: readonly SizeBar[];
  showBook: boolean;
  width: number;
  height: number;
}

export function SizeBars({ bars, showBook, width, height }: SizeBarsProps) {
  const values = bars.flatMap((bar) => [bar.accuracy ?? Number.NaN, showBook ? (bar.book ?? Number.NaN) : Number.NaN]);
  const lower = barScaleLower(values, 0.1, 1);
  const labelWidth = Math.max(...bars.map((bar) => count(bar.trainingSize).length)) + 4;
  const tailWidth = showBook ? 22 : 9;
  const barWidth = Math.max(5, width - labelWidth - tailWidth - 2);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold wrap="truncate">
        held-out accuracy by training-set size (bars from {percent(lower, 0)} to 100%)
      </Text>
      {/* Keyed by the run's place in the plan (fixed for the dashboard's life): sizes can repeat when the training set is capped. */}
      {bars.slice(0, Math.max(0, height - 1)).map((bar, run) => {
        const filled = bar.accuracy === undefined ? 0 : barLength(bar.accuracy, lower, 1, barWidth);
        const bookAt =
          showBook && bar.book !== undefined ? Math.min(barWidth - 1, barLength(bar.book, lower, 1, barWidth)) : undefined;
        const cells = Array.from({ length: barWidth }, (_, i) => (i < filled ? '█' : '·'));
        const status = bar.state === 'running' ? 'training…' : bar.state === 'waiting' ? '' : percent(bar.accuracy);
        return (
          <Text key={run} wrap="truncate">
            {`N=${count(bar.trainingSize)}`.padEnd(labelWidth)}
            <Text color="green">{cells.slice(0, bookAt ?? barWidth).join('')}</Text>
            {bookAt !== undefined && <Text color="yellow">|</Text>}
            {bookAt !== undefined && <Text color="green">{cells.slice(bookAt + 1).join('')}</Text>}
            {` ${status.padStart(9)}`}
            {showBook && bar.book !== undefined ? <Text color="yellow">{`  book ${percent(bar.book)}`}</Text> : ''}
          </Text>
        );
      })}
    </Box>
  );
}

// The `?` overlay: what each key does and how to read the charts; cut to the height it is given.
import { Box, Text } from 'ink';
import { LAST_EPOCHS } from './dashboardSelectors.js';

const LINES: readonly [string, string][] = [
  ['', 'Keys'],
  ['1', 'cost: training and held-out cost on one chart'],
  ['2', 'accuracy: zoomed to the range of the data, not 0–100%'],
  ['3', 'cost and accuracy         4  all four series, one chart each'],
  ['z', `only the last ${LAST_EPOCHS} epochs (long runs are otherwise averaged to fit the width)`],
  ['b', "the book's recorded curve of this experiment, in a lighter shade"],
  ['c', 'earlier runs of this session (grey), e.g. quadratic vs cross-entropy'],
  ['p', 'pause / resume            s  stop now, keeping the best weights'],
  ['w', "save the network (network2.py's JSON format) in the working folder"],
  ['q', 'back to the menu (also Esc)   Ctrl-C  quit netdash'],
  ['', 'Reading the charts'],
  ['▲', 'on the epoch axis: the best epoch of the monitored metric'],
  ['', 'legend: the current value of each series of this run, then (min–max)'],
  ['', 'several runs of one experiment share a chart, one colour pair per run'],
  ['?', 'or Esc closes this help'],
];

export function Help({ height }: { height: number }) {
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {LINES.slice(0, Math.max(1, height)).map(([key, text], index) =>
        key === '' && (text === 'Keys' || text === 'Reading the charts') ? (
          <Text key={index} bold>
            {text}
          </Text>
        ) : (
          <Text key={index} wrap="truncate">
            {'  '}
            <Text bold color="cyan">
              {key.padEnd(2)}
            </Text>
            {text}
          </Text>
        ),
      )}
    </Box>
  );
}

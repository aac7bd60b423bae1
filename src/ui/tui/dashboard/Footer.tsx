// The keys, always visible, packed into as few lines as the width allows.
import { Box, Text } from 'ink';
import { packLines } from '../charts/chartData.js';

export interface KeyHint {
  key: string;
  action: string;
  /** A toggle that is on: its action is highlighted. */
  active?: boolean;
}

export function footerLines(hints: readonly KeyHint[], width: number): KeyHint[][] {
  const widths = hints.map((hint) => hint.key.length + 1 + hint.action.length);
  return packLines(widths, width).map((line) => line.map((index) => hints[index]!));
}

export function Footer({ hints, width }: { hints: readonly KeyHint[]; width: number }) {
  return (
    <Box flexDirection="column">
      {footerLines(hints, width).map((line, lineIndex) => (
        <Text key={lineIndex} wrap="truncate">
          {line.map((hint, index) => (
            <Text key={hint.key}>
              {index > 0 ? '  ' : ''}
              <Text bold color="cyan">
                {hint.key}
              </Text>{' '}
              {hint.active ? (
                <Text color="yellow" bold>
                  {hint.action}
                </Text>
              ) : (
                <Text dimColor>{hint.action}</Text>
              )}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}

// Catches an error thrown while rendering, shows it in words and lets runTui unmount Ink, which
// restores the terminal (raw mode off, cursor back) instead of leaving it in a broken state.
import { Box, Text } from 'ink';
import { Component, type ReactNode } from 'react';
import { firstLine } from '../app/errors.js';

export interface ErrorBoundaryProps {
  children: ReactNode;
  onError: (error: Error) => void;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    this.props.onError(error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Box flexDirection="column">
        <Text color="red" bold>
          netdash stopped because of an internal error:
        </Text>
        <Text color="red">{firstLine(error)}</Text>
        <Text dimColor>The terminal has been restored. `netdash train` runs the same experiments without the dashboard.</Text>
      </Box>
    );
  }
}

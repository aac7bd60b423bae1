// Progress inside the epoch: a bar of mini-batches, the speed and the time left in this run.
import { Text } from 'ink';
import type { Progress } from './dashboardReducer.js';
import { count, duration } from '../../app/format.js';

export interface ProgressBarProps {
  progress: Progress;
  etaSeconds?: number;
  width: number;
}

export function ProgressBar({ progress, etaSeconds, width }: ProgressBarProps) {
  const { batch, batches, examplesPerSecond } = progress;
  const speed = examplesPerSecond > 0 ? `${count(examplesPerSecond)} img/s` : 'measuring…';
  const text = ` ${count(batch)}/${count(batches)} batches · ${speed} · ETA ${duration(etaSeconds)}`;
  const barWidth = Math.max(5, width - text.length - 2);
  const filled = batches > 0 ? Math.round((Math.min(batch, batches) / batches) * barWidth) : 0;
  return (
    <Text wrap="truncate">
      [<Text color="cyan">{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>]{text}
    </Text>
  );
}

// The learning-slowdown demo: one sigmoid neuron learning to output 0 from three starting points,
// replayed epoch by epoch. The steps are computed by the core's runSingleNeuron up front.
import { Box, Text, useInput, useStdin } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { Experiment } from '../../../core/experiments.js';
import { runSingleNeuron } from '../../../core/singleNeuron.js';
import { ChartGrid } from '../charts/ChartGrid.js';
import { neuronChartSpecs, type NeuronView as View } from './neuronCharts.js';
import { useTerminalSize } from '../useTerminalSize.js';

const TICK_MS = 60;
const EPOCHS_PER_TICK = 3;

export function NeuronView({ experiment, onBack }: { experiment: Experiment; onBack: () => void }) {
  const runs = useMemo(
    () => (experiment.neuron ?? []).map((config) => ({ config, steps: runSingleNeuron(config) })),
    [experiment],
  );
  const total = Math.max(0, ...runs.map((run) => run.steps.length - 1));
  const [shown, setShown] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [view, setView] = useState<View>(3);

  useEffect(() => {
    if (!playing || shown >= total) return;
    const timer = setTimeout(() => setShown((s) => Math.min(total, s + EPOCHS_PER_TICK)), TICK_MS);
    return () => clearTimeout(timer);
  }, [playing, shown, total]);

  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (input === 'q' || key.escape) onBack();
      else if (input === ' ' || input === 'p') setPlaying((p) => !p);
      else if (input === 'r') {
        setShown(0);
        setPlaying(true);
      } else if (input === 'e') setShown(total);
      else if (input === '1' || input === '2' || input === '3') setView(Number(input) as View);
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  const { columns, rows } = useTerminalSize();
  const width = Math.max(40, columns - 1);
  const specs = useMemo(() => neuronChartSpecs(runs, shown, view), [runs, shown, view]);
  const status = runs
    .map((run) => {
      const step = run.steps[Math.min(shown, run.steps.length - 1)]!;
      return `${run.config.label}: a=${step.output.toFixed(3)}`;
    })
    .join(' · ');
  return (
    <Box flexDirection="column" width={width}>
      <Text
        bold
        wrap="truncate"
      >{`netdash › ${experiment.title} · epoch ${shown}/${total}${playing && shown < total ? '' : ' (paused)'}`}</Text>
      <Text dimColor wrap="truncate">
        {status}
      </Text>
      <ChartGrid specs={specs} width={width} height={Math.max(6, rows - 1 - 4)} />
      <Text color="yellow" wrap="truncate">
        {experiment.bookSummary ? `book: ${experiment.bookSummary}` : ' '}
      </Text>
      <Text dimColor wrap="truncate">
        1 output · 2 cost · 3 both · space pause · r restart · e jump to the end · q back
      </Text>
    </Box>
  );
}

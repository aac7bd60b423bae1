// The learning-slowdown demo: one sigmoid neuron learning to output 0 from several starting
// points, replayed epoch by epoch. The steps are computed by the core's runSingleNeuron up front.
import { Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { Experiment } from '../../../core/experiments.js';
import { runSingleNeuron, type SingleNeuronConfig } from '../../../core/singleNeuron.js';
import { count, plain } from '../../app/format.js';
import { ChartGrid } from '../charts/ChartGrid.js';
import { ScreenFrame } from '../frame/ScreenFrame.js';
import type { HelpRow, KeyBinding } from '../input/keyMap.js';
import type { ScreenDefinition, ScreenProps } from '../screen.js';
import { neuronChartSpecs, type NeuronView as View } from './neuronCharts.js';

const TICK_MS = 60;
/** Replay speeds in epochs per second (`-` slower, `+` faster). */
export const NEURON_SPEEDS: readonly number[] = [500, 200, 50, 20, 5, 1];
const DEFAULT_SPEED = 2;
const VIEW_NAMES: Readonly<Record<View, string>> = { 1: 'output', 2: 'cost', 3: 'both' };

const HELP_NOTES: readonly HelpRow[] = [
  { label: '', text: 'Reading the demo', heading: true },
  { label: '', text: 'each run has its own η: compare the shapes of the curves, not their speeds' },
  { label: '─ ━ ╌', text: 'runs 1, 2, 3: each its own line style and colour' },
  { label: '═', text: 'two or more runs pass through the same cells (their values are in the line above the charts)' },
];

interface Params {
  experiment: Experiment;
  /** The runs from the settings screen; the experiment's own by default. */
  runs?: readonly SingleNeuronConfig[];
}

function NeuronDemo({ params, ctx }: ScreenProps<Params>) {
  const { experiment } = params;
  const runs = useMemo(
    () => (params.runs ?? experiment.neuron ?? []).map((config) => ({ config, steps: runSingleNeuron(config) })),
    [params.runs, experiment],
  );
  const total = Math.max(0, ...runs.map((run) => run.steps.length - 1));
  const [shown, setShown] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [view, setView] = useState<View>(3);
  const [speed, setSpeed] = useState(DEFAULT_SPEED);
  const finished = shown >= total;

  useEffect(() => {
    if (!playing || shown >= total) return;
    const perSecond = NEURON_SPEEDS[speed]!;
    const step = Math.max(1, Math.round((perSecond * TICK_MS) / 1000));
    const wait = Math.max(TICK_MS, Math.round((1000 * step) / perSecond));
    const timer = setTimeout(() => setShown((s) => Math.min(total, s + step)), wait);
    return () => clearTimeout(timer);
  }, [playing, shown, total, speed]);

  const speedText = `${count(NEURON_SPEEDS[speed])} epochs/s`;
  const bindings: KeyBinding[] = [
    {
      keys: ['p'],
      label: 'p',
      help: 'pause / resume the replay',
      hint: playing && !finished ? 'pause' : 'resume',
      unavailable: finished ? 'the replay has finished: r restarts it' : undefined,
      run: () => setPlaying((p) => !p),
    },
    {
      keys: ['-', '+', '='],
      label: '- +',
      help: `slower / faster: ${NEURON_SPEEDS.join(', ')} epochs per second`,
      hint: speedText,
      run: (k) => setSpeed((s) => Math.min(NEURON_SPEEDS.length - 1, Math.max(0, s + (k.text === '-' ? 1 : -1)))),
    },
    ...([1, 2, 3] as const).map((key) => ({
      keys: [String(key)],
      label: String(key),
      help: { 1: 'the output a of each run', 2: 'the cost of each run', 3: 'output and cost' }[key],
      hint: key === 1 ? 'view' : undefined,
      hintLabel: '1-3',
      run: () => setView(key),
    })),
    { keys: ['r'], label: 'r', help: 'restart the replay', hint: 'restart', run: () => (setShown(0), setPlaying(true)) },
    {
      keys: ['e'],
      label: 'e',
      help: 'jump to the end',
      hint: 'end',
      unavailable: finished ? 'already at the end' : undefined,
      run: () => setShown(total),
    },
    { keys: ['q', 'escape'], label: 'q', help: 'back to the menu (also Esc)', hint: 'back', run: () => ctx.nav.back() },
  ];

  const specs = useMemo(() => neuronChartSpecs(runs, shown, view), [runs, shown, view]);
  const etas = [...new Set(runs.map((run) => plain(run.config.eta)))];
  const state = finished
    ? { text: 'finished', color: 'green' }
    : playing
      ? { text: `playing · ${speedText}`, color: 'cyan' }
      : { text: 'PAUSED', color: 'yellow' };
  const values = runs
    .map((run, index) => {
      const step = run.steps[Math.min(shown, run.steps.length - 1)]!;
      return `${index + 1} ${run.config.label}: a=${step.output.toFixed(3)} C=${step.cost.toFixed(3)}`;
    })
    .join(' · ');
  const top = (
    <>
      <Text wrap="wrap">{values}</Text>
      <Text color="yellow" wrap="truncate">
        {etas.length > 1
          ? `η differs (${etas.join(', ')}): the speeds are not comparable, only the shapes`
          : experiment.bookSummary
            ? `book: ${experiment.bookSummary}`
            : ' '}
      </Text>
    </>
  );
  return (
    <ScreenFrame
      title={`netdash › ${experiment.title} · epoch ${shown}/${total}`}
      status={{ ...state, text: `${state.text} · ${view} ${VIEW_NAMES[view]}` }}
      bindings={bindings}
      helpNotes={HELP_NOTES}
      top={top}
      topLines={3}
    >
      {({ width, height }) => <ChartGrid specs={specs} width={width} height={height} />}
    </ScreenFrame>
  );
}

export const neuronScreen: ScreenDefinition<Params> = { id: 'neuron', Component: NeuronDemo };

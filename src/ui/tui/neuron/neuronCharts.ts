// Charts of the learning-slowdown demo: the neuron's output and cost per epoch for each of the
// experiment's starting points, the first `shown` epochs of each (for the animation).
import type { SingleNeuronConfig, SingleNeuronStep } from '../../../core/singleNeuron.js';
import type { ChartSpec, LineStyle } from '../charts/chartPlot.js';
import { runColor } from '../charts/colors.js';

export interface NeuronRun {
  config: SingleNeuronConfig;
  steps: readonly SingleNeuronStep[];
}

export type NeuronView = 1 | 2 | 3;

/** One line style per starting point, so lines that overlap stay apart. */
const STYLES: readonly LineStyle[] = ['solid', 'heavy', 'dashed'];

function spec(runs: readonly NeuronRun[], shown: number, quantity: 'output' | 'cost'): ChartSpec {
  return {
    key: quantity,
    title: quantity === 'output' ? 'output a (target 0)' : 'cost',
    unit: '',
    bounds: quantity === 'output' ? { lower: 0, upper: 1, minSpan: 0.2 } : { lower: 0, minSpan: 0.1 },
    origin: 0,
    xName: 'epoch',
    series: runs.map((run, index) => ({
      key: `${quantity}-${index}`,
      label: `${index + 1} ${run.config.label}`,
      // One colour per starting point (the training colour of run slots 0, 1, 2).
      color: runColor(index, 'training'),
      style: STYLES[index % STYLES.length],
      values: run.steps.slice(0, shown + 1).map((step) => step[quantity]),
      showStats: false,
    })),
  };
}

export function neuronChartSpecs(runs: readonly NeuronRun[], shown: number, view: NeuronView): ChartSpec[] {
  if (view === 1) return [spec(runs, shown, 'output')];
  if (view === 2) return [spec(runs, shown, 'cost')];
  return [spec(runs, shown, 'output'), spec(runs, shown, 'cost')];
}

// View 9: what the first hidden layer looks for: each neuron's 784 incoming weights as a 28 × 28
// picture on a diverging scale (red positive, blue negative; monochrome ░▒▓█ and .-=#), one scale
// for the whole layer so L2's small smooth weights, L1's sparse ones and a large initialisation's
// noise compare. A grid of as many as fit (half size on a short terminal); ← → move through them.
import { Text } from 'ink';
import { useMemo } from 'react';
import { blocksPerRow, drawWeights, sideBySide } from '../../../app/digitArt.js';
import { short } from '../../../app/format.js';
import { useColor } from '../../charts/colors.js';
import type { DashboardState } from '../dashboardReducer.js';
import { artMode, halfSize, layerScale } from '../inspect.js';
import { CaptionedLines } from './inspectCommon.js';
import type { DashboardView, ViewProps } from './view.js';

const SIDE = 28;
const MIN_FULL = 4;

/** Rows of blocks without a blank line between them (each block starts with its label). */
function gridLines(blocks: readonly string[][], perRow: number): string[] {
  const lines: string[] = [];
  for (let first = 0; first < blocks.length; first += perRow)
    lines.push(...sideBySide(blocks.slice(first, first + perRow), perRow));
  return lines;
}

function NeuronsBody({ state, width, height }: ViewProps) {
  const color = useColor();
  const { hidden } = state.inspect;
  const scale = useMemo(() => (hidden ? layerScale(hidden.weights) : 0), [hidden]);
  if (!hidden) return <Text dimColor>the weights appear after the first epoch</Text>;
  if (hidden.inputs !== SIDE * SIDE) return <Text dimColor>{`the inputs are not 28 × 28 pixels (${hidden.inputs})`}</Text>;
  // Full size when at least MIN_FULL neurons fit, else half size (more of them, less detail).
  const fit = (side: number) => {
    const perRow = blocksPerRow(width, side, 2);
    const rows = Math.floor((height - 1) / (side / 2 + 1));
    return { side, perRow, rows, count: perRow * rows };
  };
  const full = fit(SIDE);
  const { side, perRow, rows } = full.count >= MIN_FULL ? full : fit(SIDE / 2);
  const half = side < SIDE;
  const first = Math.min(state.inspect.offsets.neurons ?? 0, hidden.neurons - 1);
  const last = Math.min(hidden.neurons, first + perRow * Math.max(1, rows));
  const mode = artMode(color);
  const blocks: string[][] = [];
  for (let j = first; j < last; j++) {
    const weights = hidden.weights.subarray(j * hidden.inputs, (j + 1) * hidden.inputs);
    const picture = drawWeights(half ? halfSize(weights) : weights, mode, scale, side);
    blocks.push([`#${j + 1}`.padEnd(side), ...picture]);
  }
  const legend = mode === 'mono' ? '░▒▓█ +, .-=# −' : 'red +, blue −';
  const caption = `hidden layer 1: ${first + 1}–${last} of ${hidden.neurons} · ${legend}, full at ±${short(scale)} · epoch ${hidden.epoch} · ← →`;
  return <CaptionedLines caption={caption} lines={gridLines(blocks, perRow)} height={height} />;
}

const noHiddenLayer = (state: DashboardState) =>
  state.config && state.config.sizes.length < 3 ? 'this network has no hidden layer' : undefined;

export const NEURONS_VIEW: DashboardView = {
  id: 'neurons',
  key: '9',
  name: 'hidden neurons',
  help: "the first hidden layer's incoming weights, one 28 × 28 picture per neuron (← → move)",
  unavailable: noHiddenLayer,
  Body: NeuronsBody,
};

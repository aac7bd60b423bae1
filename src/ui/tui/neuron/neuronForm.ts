// The neuron demo's settings as pure functions: each starting point's cost, w, b and η, and the
// epochs they all run, held as the text the user edits and parsed back with one-line problems.
import type { SingleNeuronConfig } from '../../../core/singleNeuron.js';
import { plain } from '../../app/format.js';

export type NeuronColumn = 'cost' | 'w' | 'b' | 'eta';
export const NEURON_COLUMNS: readonly NeuronColumn[] = ['cost', 'w', 'b', 'eta'];
export const COLUMN_TITLES: Readonly<Record<NeuronColumn, string>> = { cost: 'cost', w: 'w', b: 'b', eta: 'η' };
const COSTS = ['quadratic', 'cross-entropy'] as const;
export const MAX_NEURON_EPOCHS = 100_000;

export type NeuronRow = Readonly<Record<NeuronColumn, string>>;

export interface NeuronForm {
  rows: readonly NeuronRow[];
  epochs: string;
}

export function neuronForm(configs: readonly SingleNeuronConfig[]): NeuronForm {
  return {
    rows: configs.map((config) => ({ cost: config.cost, w: plain(config.w), b: plain(config.b), eta: plain(config.eta) })),
    epochs: String(configs[0]?.epochs ?? 300),
  };
}

/** A run's name from the values it uses. */
export function neuronLabel(config: Pick<SingleNeuronConfig, 'cost' | 'w' | 'b' | 'eta'>): string {
  return `${config.cost}, w=${plain(config.w)} b=${plain(config.b)}, η=${plain(config.eta)}`;
}

export function cycleCost(row: NeuronRow, direction: 1 | -1): NeuronRow {
  const index = COSTS.indexOf(row.cost as (typeof COSTS)[number]);
  return { ...row, cost: COSTS[(index + direction + COSTS.length) % COSTS.length]! };
}

/** The runs the form describes, or the problems, one line each: field, value, what is allowed. */
export function parseNeuronForm(form: NeuronForm): { configs?: SingleNeuronConfig[]; problems: string[] } {
  const problems: string[] = [];
  const epochs = Number(form.epochs.trim());
  if (form.epochs.trim() === '' || !Number.isInteger(epochs) || epochs < 1 || epochs > MAX_NEURON_EPOCHS) {
    problems.push(`epochs: got "${form.epochs}"; must be a whole number 1 … ${MAX_NEURON_EPOCHS.toLocaleString('en-US')}`);
  }
  const configs = form.rows.map((row, index) => {
    const number = (column: 'w' | 'b' | 'eta', positive: boolean) => {
      const text = row[column].trim();
      const value = Number(text);
      if (text === '' || !Number.isFinite(value) || (positive && !(value > 0))) {
        problems.push(
          `run ${index + 1} ${COLUMN_TITLES[column]}: got "${row[column]}"; must be a number${positive ? ' > 0' : ''}`,
        );
      }
      return value;
    };
    const values = {
      cost: row.cost as SingleNeuronConfig['cost'],
      w: number('w', false),
      b: number('b', false),
      eta: number('eta', true),
    };
    return { ...values, label: neuronLabel(values), epochs };
  });
  return problems.length > 0 ? { problems } : { configs, problems };
}

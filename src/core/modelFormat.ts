// The book's network2.py save format, so networks move between netdash and the book's code:
// {"sizes": [...], "weights": [layer][row][col], "biases": [layer][row][0], "cost": "CrossEntropyCost"}.
// Pure conversion and validation; reading and writing files is the data layer's job.
import { costByBookName, COSTS } from './costs.js';
import { MAX_PARAMETERS, Network, parameterCount } from './network.js';

export interface BookNetworkJson {
  sizes: number[];
  weights: number[][][];
  biases: number[][][];
  cost: string;
}

/** A saved network file that cannot be loaded; the message says what is wrong. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

export function toBookJson(network: Network): BookNetworkJson {
  const sizes = [...network.sizes];
  return {
    sizes,
    weights: network.weights.map((w, l) => {
      const rows = sizes[l + 1]!;
      const cols = sizes[l]!;
      return Array.from({ length: rows }, (_, j) => Array.from(w.subarray(j * cols, (j + 1) * cols)));
    }),
    biases: network.biases.map((b) => Array.from(b, (value) => [value])),
    cost: network.cost.bookName,
  };
}

/**
 * The largest weight or bias read. The engines compute in single precision (up to 3.4e38): with
 * |w| ≤ 1e15 no weighted input of up to 65,535 inputs can overflow, so every cost stays finite.
 */
const MAX_MAGNITUDE = 1e15;
const MAGNITUDE_RULE = 'netdash computes in single precision and takes values within ±1e15';

/** Builds a network from parsed JSON, checking every shape and number. */
export function fromBookJson(data: unknown): Network {
  const fail = (what: string): never => {
    throw new ModelFormatError(what);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    fail('expected a JSON object with sizes, weights, biases and cost');
  const { sizes, weights, biases, cost } = data as Record<string, unknown>;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n >= 1)) {
    fail('"sizes" must be a list of at least two whole numbers ≥ 1');
  }
  const layerSizes = sizes as number[];
  const costObject = typeof cost === 'string' ? costByBookName(cost) : undefined;
  if (!costObject) {
    const known = Object.values(COSTS)
      .map((c) => c.bookName)
      .join(', ');
    fail(`unknown "cost" ${JSON.stringify(cost)}; expected one of ${known}`);
  }
  const parameters = parameterCount(layerSizes);
  if (parameters > MAX_PARAMETERS) {
    fail(
      `"sizes" ${layerSizes.join(',')} make ${parameters.toExponential(2)} weights and biases; at most ${MAX_PARAMETERS.toLocaleString('en-US')} allowed`,
    );
  }
  const layers = layerSizes.length - 1;
  if (!Array.isArray(weights) || weights.length !== layers)
    fail(`"weights" must hold ${layers} layers for sizes ${layerSizes.join(',')}`);
  if (!Array.isArray(biases) || biases.length !== layers)
    fail(`"biases" must hold ${layers} layers for sizes ${layerSizes.join(',')}`);

  const network = new Network(layerSizes, costObject!);
  for (let l = 0; l < layers; l++) {
    const rows = layerSizes[l + 1]!;
    const cols = layerSizes[l]!;
    const w = (weights as unknown[])[l];
    const b = (biases as unknown[])[l];
    if (!Array.isArray(w) || w.length !== rows) fail(`weights of layer ${l + 1} must have ${rows} rows`);
    if (!Array.isArray(b) || b.length !== rows) fail(`biases of layer ${l + 1} must have ${rows} rows`);
    for (let j = 0; j < rows; j++) {
      const row = (w as unknown[])[j];
      if (!Array.isArray(row) || row.length !== cols) fail(`weights of layer ${l + 1}, row ${j} must have ${cols} numbers`);
      for (let k = 0; k < cols; k++) {
        const value = (row as unknown[])[k];
        if (typeof value !== 'number' || !Number.isFinite(value))
          fail(`weights of layer ${l + 1}, row ${j}, column ${k} is not a finite number`);
        if (Math.abs(value as number) > MAX_MAGNITUDE)
          fail(`weights of layer ${l + 1}, row ${j}, column ${k} is ${value}; ${MAGNITUDE_RULE}`);
        network.weights[l]![j * cols + k] = value as number;
      }
      const cell = (b as unknown[])[j];
      const value = Array.isArray(cell) && cell.length === 1 ? cell[0] : undefined;
      if (typeof value !== 'number' || !Number.isFinite(value))
        fail(`biases of layer ${l + 1}, row ${j} must be a one-element list holding a finite number`);
      if (Math.abs(value as number) > MAX_MAGNITUDE) fail(`biases of layer ${l + 1}, row ${j} is ${value}; ${MAGNITUDE_RULE}`);
      network.biases[l]![j] = value as number;
    }
  }
  return network;
}

export function serializeNetwork(network: Network): string {
  return JSON.stringify(toBookJson(network));
}

export function parseNetwork(text: string): Network {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ModelFormatError(`not valid JSON (${(error as Error).message})`);
  }
  return fromBookJson(data);
}

// Save/load in network2.py's JSON format, both ways, and rejection of malformed files.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COSTS } from '../../src/core/costs.js';
import { fromBookJson, parseNetwork, serializeNetwork } from '../../src/core/modelFormat.js';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { loadNetwork, saveNetwork } from '../../src/data/modelFile.js';
import { DataError } from '../../src/data/errors.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netdash-model-'));

describe('network2.py JSON format', () => {
  it('round-trips a network exactly through a file', () => {
    const net = new Network([6, 4, 3], COSTS['cross-entropy']).initialize('default', new Rng(3));
    const dir = tempDir();
    const path = join(dir, 'net.json');
    saveNetwork(path, net);
    const loaded = loadNetwork(path);
    expect(loaded.sizes).toEqual([6, 4, 3]);
    expect(loaded.cost.name).toBe('cross-entropy');
    loaded.weights.forEach((w, l) => expect(Array.from(w)).toEqual(Array.from(net.weights[l]!)));
    loaded.biases.forEach((b, l) => expect(Array.from(b)).toEqual(Array.from(net.biases[l]!)));
    expect(readdirSync(dir)).toEqual(['net.json']); // no temp file left behind
  });

  it('reads a file laid out as network2.py writes it: weights rows × columns, biases as one-element rows', () => {
    const text = JSON.stringify({
      sizes: [2, 3, 1],
      weights: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [[0.5, -0.5, 0.25]],
      ],
      biases: [[[0.1], [0.2], [0.3]], [[-1]]],
      cost: 'QuadraticCost',
    });
    const net = parseNetwork(text);
    expect(net.cost.name).toBe('quadratic');
    expect(Array.from(net.weights[0]!)).toEqual([1, 2, 3, 4, 5, 6]); // row j holds the weights into neuron j
    expect(Array.from(net.biases[0]!)).toEqual([0.1, 0.2, 0.3]);
    // Feedforward matches σ(w·a + b) computed by hand for input (1, 0).
    const sigma = (z: number) => 1 / (1 + Math.exp(-z));
    const hidden = [sigma(1 + 0.1), sigma(3 + 0.2), sigma(5 + 0.3)];
    const expected = sigma(0.5 * hidden[0]! - 0.5 * hidden[1]! + 0.25 * hidden[2]! - 1);
    expect(net.feedforward(Float64Array.of(1, 0), 1).a[0]).toBeCloseTo(expected, 12);
    // And writes it back in the same layout.
    expect(JSON.parse(serializeNetwork(net))).toEqual(JSON.parse(text));
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['unknown cost', JSON.stringify({ sizes: [1, 1], weights: [[[1]]], biases: [[[0]]], cost: 'HingeCost' }), /unknown "cost"/],
    [
      'wrong number of layers',
      JSON.stringify({ sizes: [1, 1], weights: [], biases: [[[0]]], cost: 'QuadraticCost' }),
      /"weights" must hold 1 layers/,
    ],
    [
      'wrong row length',
      JSON.stringify({ sizes: [2, 1], weights: [[[1]]], biases: [[[0]]], cost: 'QuadraticCost' }),
      /row 0 must have 2 numbers/,
    ],
    [
      'a string weight',
      JSON.stringify({ sizes: [1, 1], weights: [[['x']]], biases: [[[0]]], cost: 'QuadraticCost' }),
      /not a finite number/,
    ],
    [
      'bias not a one-element list',
      JSON.stringify({ sizes: [1, 1], weights: [[[1]]], biases: [[0]], cost: 'QuadraticCost' }),
      /one-element list/,
    ],
    ['bad sizes', JSON.stringify({ sizes: [784], weights: [], biases: [], cost: 'QuadraticCost' }), /"sizes"/],
    [
      'a weight beyond single precision',
      '{"sizes":[1,1],"weights":[[[1e39]]],"biases":[[[0]]],"cost":"QuadraticCost"}',
      /column 0 is 1e\+39; netdash computes in single precision and takes values within ±1e15/,
    ],
    [
      'a weight that would overflow a weighted input',
      '{"sizes":[1,1],"weights":[[[1e37]]],"biases":[[[0]]],"cost":"QuadraticCost"}',
      /is 1e\+37; .*±1e15/,
    ],
    [
      'a huge bias',
      '{"sizes":[1,1],"weights":[[[1]]],"biases":[[[-2e15]]],"cost":"QuadraticCost"}',
      /biases of layer 1, row 0 is -2000000000000000/,
    ],
    [
      'sizes too large to allocate',
      JSON.stringify({ sizes: [784, 1e9, 10], weights: [], biases: [], cost: 'QuadraticCost' }),
      /make 7\.95e\+11 weights and biases; at most 10,000,000 allowed/,
    ],
  ])('rejects %s with a clear message', (_label, text, message) => {
    expect(() => parseNetwork(text)).toThrow(message);
  });

  it('a malformed file on disk becomes a one-line DataError naming the file', () => {
    const path = join(tempDir(), 'bad.json');
    writeFileSync(path, JSON.stringify({ sizes: [1, 1], weights: [[[1]]], biases: [[[0]]], cost: 'Nope' }));
    expect(() => loadNetwork(path)).toThrow(DataError);
    expect(() => loadNetwork(path)).toThrow(new RegExp(`^${path}: not a network2.py network file`));
    expect(() => loadNetwork(join(tempDir(), 'missing.json'))).toThrow(/file not found/);
  });

  it('rejects a plain object missing everything', () => {
    expect(() => fromBookJson([])).toThrow(/JSON object/);
  });
});

// The WebAssembly engine against the TypeScript reference: the same mini-batches must give the
// same weights (within float32 tolerance) and the same evaluations, for every cost, regularizer,
// momentum and dropout (whose masks both engines draw from the same Rng stream).
import { beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/core/config.js';
import { COSTS } from '../../src/core/costs.js';
import { ReferenceEngine, type TrainingEngine, type TrainSettings } from '../../src/core/engine.js';
import { selectEngine, wasmEngineSupports } from '../../src/core/engines.js';
import { kernelAvailable } from '../../src/core/kernel/kernelModule.js';
import { WASM_MAX_BATCH, WasmEngine } from '../../src/core/kernel/wasmEngine.js';
import { Network } from '../../src/core/network.js';
import { penaltiesOf } from '../../src/core/regularizers.js';
import { Rng } from '../../src/core/rng.js';
import { Trainer } from '../../src/core/trainer.js';
import type { CostName, Examples } from '../../src/core/types.js';
import { loadDatasets, type Datasets } from '../../src/data/load.js';

const RELATIVE = 1e-4;
const ABSOLUTE = 1e-5;

interface Case {
  name: string;
  cost: CostName;
  eta?: number;
  lambda?: number;
  l1?: number;
  momentum?: number;
  dropout?: number;
}

const CASES: Case[] = [
  { name: 'cross-entropy + L2', cost: 'cross-entropy', lambda: 5 },
  { name: 'cross-entropy, no regularization', cost: 'cross-entropy' },
  { name: 'quadratic', cost: 'quadratic', eta: 3, lambda: 1 },
  { name: 'softmax + log-likelihood', cost: 'log-likelihood', lambda: 2 },
  { name: 'L1', cost: 'cross-entropy', l1: 3 },
  { name: 'momentum + L2', cost: 'cross-entropy', momentum: 0.6, lambda: 2 },
  { name: 'dropout + L2', cost: 'cross-entropy', dropout: 0.3, lambda: 1 },
  { name: 'everything at once', cost: 'log-likelihood', lambda: 1, l1: 0.5, momentum: 0.4, dropout: 0.2 },
];

/** Random byte images with about half the pixels zero, like (denser than) MNIST. */
function syntheticExamples(count: number, inputSize: number, classes: number, seed: number): Examples {
  const rng = new Rng(seed);
  const pixels = new Uint8Array(count * inputSize);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.next() < 0.5 ? 0 : 1 + Math.floor(rng.next() * 255);
  const labels = Uint8Array.from({ length: count }, () => Math.floor(rng.next() * classes));
  return { count, inputSize, pixels, labels };
}

function settingsOf(c: Case, batchSize: number, trainingSize: number): TrainSettings {
  return {
    eta: c.eta ?? 0.5,
    momentum: c.momentum ?? 0,
    penalties: penaltiesOf({ lambda: c.lambda ?? 0, l1: c.l1 ?? 0 }),
    trainingSize,
    batchSize,
    dropout: c.dropout ?? 0,
  };
}

function twoNetworks(sizes: number[], cost: CostName): [Network, Network] {
  const make = () => new Network(sizes, COSTS[cost]).initialize('default', new Rng(7));
  return [make(), make()];
}

/** Largest violation of |a − b| ≤ ABSOLUTE + RELATIVE·|a| over all parameters (≤ 0 means equal). */
function worstMismatch(a: Network, b: Network): number {
  let worst = -Infinity;
  const pairs = [...a.weights.map((w, l) => [w, b.weights[l]!]), ...a.biases.map((v, l) => [v, b.biases[l]!])];
  for (const [x, y] of pairs) {
    for (let i = 0; i < x!.length; i++)
      worst = Math.max(worst, Math.abs(x![i]! - y![i]!) - (ABSOLUTE + RELATIVE * Math.abs(x![i]!)));
  }
  return worst;
}

/** Trains both engines over the same order in several calls (the last batch of a call is partial). */
function trainBoth(
  engines: TrainingEngine[],
  examples: Examples,
  settings: TrainSettings,
  order: Uint32Array,
  cuts: number[],
): void {
  for (const engine of engines) {
    for (let i = 0; i + 1 < cuts.length; i++) engine.train(examples, order, cuts[i]!, cuts[i + 1]!, settings);
    engine.pull();
  }
}

function shuffledOrder(count: number, seed: number): Uint32Array {
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  new Rng(seed).shuffle(order);
  return order;
}

describe.runIf(kernelAvailable())('WasmEngine against ReferenceEngine', () => {
  describe('on synthetic data, with padding everywhere ([20, 7, 6, 3]: no size a multiple of 4)', () => {
    const examples = syntheticExamples(120, 20, 3, 1);
    for (const c of CASES) {
      it(`${c.name}: same weights and evaluations`, () => {
        const [a, b] = twoNetworks([20, 7, 6, 3], c.cost);
        const reference = new ReferenceEngine(a, new Rng(3));
        const wasm = new WasmEngine(b, new Rng(3));
        const settings = settingsOf(c, 8, examples.count);
        trainBoth([reference, wasm], examples, settings, shuffledOrder(examples.count, 2), [0, 37, 100, 120]);
        expect(worstMismatch(a, b)).toBeLessThanOrEqual(0);
        const expected = reference.evaluate(examples, true);
        const actual = wasm.evaluate(examples, true);
        expect(actual.correct).toBe(expected.correct);
        expect(actual.total).toBe(expected.total);
        expect(Math.abs(actual.costSum - expected.costSum)).toBeLessThanOrEqual(RELATIVE * Math.abs(expected.costSum));
      });
    }
  });

  describe('on 300 MNIST images, [784, 30, 10], mini-batch 10', () => {
    let data: Datasets;
    beforeAll(() => {
      data = loadDatasets({ trainingSize: 300, validationSize: 500 });
    });
    for (const c of CASES) {
      it(`${c.name}: same weights and validation counts`, () => {
        const [a, b] = twoNetworks([784, 30, 10], c.cost);
        const reference = new ReferenceEngine(a, new Rng(5));
        const wasm = new WasmEngine(b, new Rng(5));
        const settings = settingsOf(c, 10, 300);
        trainBoth([reference, wasm], data.training, settings, shuffledOrder(300, 4), [0, 155, 300]);
        expect(worstMismatch(a, b)).toBeLessThanOrEqual(0);
        expect(wasm.evaluate(data.validation, false).correct).toBe(reference.evaluate(data.validation, false).correct);
      });
    }
  });

  it('layers whose sizes are multiples of 4 (no padding), with a batch filling the whole workspace', () => {
    const examples = syntheticExamples(1000, 20, 4, 15);
    const [a, b] = twoNetworks([20, 16, 8, 4], 'cross-entropy');
    const settings = settingsOf({ name: 'no padding', cost: 'cross-entropy', lambda: 1 }, 1000, examples.count);
    const [reference, wasm] = [new ReferenceEngine(a, new Rng(1)), new WasmEngine(b, new Rng(1))];
    trainBoth([reference, wasm], examples, settings, shuffledOrder(examples.count, 6), [0, 1000]);
    expect(worstMismatch(a, b)).toBeLessThanOrEqual(0);
    expect(wasm.evaluate(examples, true).costSum).toBeCloseTo(reference.evaluate(examples, true).costSum, 2);
  });

  it("folds the first layer's weight-decay scale back without changing the result (strong decay)", () => {
    const examples = syntheticExamples(100, 20, 3, 11);
    const [a, b] = twoNetworks([20, 7, 3], 'cross-entropy');
    // 1 − ηλ/n = 0.75 per batch: the scale drops below ½ after three batches and is folded.
    const settings = settingsOf({ name: 'decay', cost: 'cross-entropy', lambda: 50 }, 10, 100);
    trainBoth(
      [new ReferenceEngine(a, new Rng(1)), new WasmEngine(b, new Rng(1))],
      examples,
      settings,
      shuffledOrder(100, 1),
      [0, 100],
    );
    expect(worstMismatch(a, b)).toBeLessThanOrEqual(0);
  });

  it('push() replaces the weights and restarts momentum, as in the reference', () => {
    const examples = syntheticExamples(80, 20, 3, 12);
    const [a, b] = twoNetworks([20, 7, 3], 'cross-entropy');
    const reference = new ReferenceEngine(a, new Rng(1));
    const wasm = new WasmEngine(b, new Rng(1));
    const settings = settingsOf({ name: 'momentum', cost: 'cross-entropy', momentum: 0.9 }, 10, 80);
    const order = shuffledOrder(80, 3);
    trainBoth([reference, wasm], examples, settings, order, [0, 80]);
    // Replace the weights in both networks (as restoring the best epoch does) and continue.
    for (const [network, engine] of [
      [a, reference],
      [b, wasm],
    ] as const) {
      network.weights[0]!.fill(0.01);
      engine.push();
    }
    trainBoth([reference, wasm], examples, settings, order, [0, 80]);
    expect(worstMismatch(a, b)).toBeLessThanOrEqual(0);
  });

  it(`hands mini-batches above ${WASM_MAX_BATCH} to the reference arithmetic`, () => {
    const examples = syntheticExamples(WASM_MAX_BATCH + 100, 12, 2, 13);
    const [a, b] = twoNetworks([12, 5, 2], 'cross-entropy');
    const settings = settingsOf({ name: 'big batch', cost: 'cross-entropy', lambda: 1 }, WASM_MAX_BATCH + 50, examples.count);
    const order = shuffledOrder(examples.count, 5);
    trainBoth([new ReferenceEngine(a, new Rng(1)), new WasmEngine(b, new Rng(1))], examples, settings, order, [
      0,
      examples.count,
    ]);
    expect(worstMismatch(a, b)).toBeLessThanOrEqual(0);
  });

  it('evaluates slices of a set (as the trainer does) exactly like the whole set', () => {
    const examples = syntheticExamples(300, 20, 3, 14);
    const [, b] = twoNetworks([20, 7, 3], 'log-likelihood');
    const wasm = new WasmEngine(b, new Rng(1));
    const whole = wasm.evaluate(examples, true);
    let correct = 0;
    let costSum = 0;
    for (const [from, to] of [
      [0, 120],
      [120, 121],
      [121, 300],
    ] as const) {
      const slice: Examples = {
        count: to - from,
        inputSize: 20,
        pixels: examples.pixels.subarray(from * 20, to * 20),
        labels: examples.labels.subarray(from, to),
      };
      const part = wasm.evaluate(slice, true);
      correct += part.correct;
      costSum += part.costSum;
    }
    expect(correct).toBe(whole.correct);
    expect(costSum).toBeCloseTo(whole.costSum, 6);
    // A slice whose labels do not line up with its pixels is a different set, not a slice.
    const shifted: Examples = {
      count: 100,
      inputSize: 20,
      pixels: examples.pixels.subarray(0, 2000),
      labels: examples.labels.subarray(1, 101),
    };
    const reference = new ReferenceEngine(b, new Rng(1));
    wasm.pull();
    expect(wasm.evaluate(shifted, false).correct).toBe(reference.evaluate(shifted, false).correct);
  });

  it("'auto' picks the wasm engine here, and the reference for networks the kernel cannot take", () => {
    const small = new Network([20, 7, 3], COSTS['cross-entropy']);
    expect(selectEngine('auto')(small, new Rng(1)).name).toBe('wasm');
    const wide = new Network([70_000, 2], COSTS['cross-entropy']);
    expect(wasmEngineSupports(wide)).toBe(false);
    expect(selectEngine('auto')(wide, new Rng(1)).name).toBe('typescript');
    expect(() => selectEngine('wasm')(wide, new Rng(1))).toThrow(/at most 65535 inputs/);
  });

  it('a Trainer run with the wasm engine reaches the accuracy of the TypeScript engine on 2,000 images', async () => {
    const data = loadDatasets({ trainingSize: 2000, validationSize: 1000 });
    const config = makeConfig({ sizes: [784, 30, 10], epochs: 2, lambda: 5, seed: 3 });
    const run = async (kind: 'wasm' | 'typescript') => {
      const trainer = new Trainer(
        config,
        { training: data.training, validation: data.validation },
        { engine: selectEngine(kind) },
      );
      expect(trainer.engineName).toBe(kind);
      return trainer.run();
    };
    const [wasm, typescript] = [await run('wasm'), await run('typescript')];
    expect(typescript.final.validationAccuracy).toBeGreaterThan(0.8);
    expect(Math.abs(wasm.final.validationAccuracy! - typescript.final.validationAccuracy!)).toBeLessThanOrEqual(0.005);
    expect(wasm.final.validationCost).toBeCloseTo(typescript.final.validationCost!, 3);
  });
});

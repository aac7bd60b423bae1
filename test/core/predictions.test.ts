// The held-out evaluation hands out its predictions (class, confidence, outputs) in both engines,
// without a second pass; the trainer passes them on with each epoch when asked to.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/core/config.js';
import { COSTS } from '../../src/core/costs.js';
import { ReferenceEngine, type TrainSettings } from '../../src/core/engine.js';
import { kernelAvailable } from '../../src/core/kernel/kernelModule.js';
import { WasmEngine } from '../../src/core/kernel/wasmEngine.js';
import { Network } from '../../src/core/network.js';
import { makePredictions, outputsOf } from '../../src/core/predictions.js';
import { penaltiesOf } from '../../src/core/regularizers.js';
import { Rng } from '../../src/core/rng.js';
import { Trainer } from '../../src/core/trainer.js';
import type { CostName, EpochEvent, EvaluationEvent, Examples, Predictions } from '../../src/core/types.js';
import { loadDatasets, type Datasets } from '../../src/data/load.js';

let data: Datasets;
beforeAll(() => {
  data = loadDatasets({ trainingSize: 1000, validationSize: 1200 });
});

/** A [784, 20, 10] network trained one epoch on the 1,000 images, with both engines' results. */
function trainedNetwork(cost: CostName): Network {
  const network = new Network([784, 20, 10], COSTS[cost]).initialize('default', new Rng(3));
  const engine = new ReferenceEngine(network, new Rng(4));
  const settings: TrainSettings = {
    eta: 0.5,
    momentum: 0,
    penalties: penaltiesOf({ lambda: 1, l1: 0 }),
    trainingSize: 1000,
    batchSize: 10,
    dropout: 0,
  };
  const order = Uint32Array.from({ length: 1000 }, (_, i) => i);
  engine.train(data.training, order, 0, 1000, settings);
  return network;
}

function correctOf(predictions: Predictions, examples: Examples): number {
  let correct = 0;
  for (let i = 0; i < examples.count; i++) if (predictions.predicted[i] === examples.labels[i]) correct++;
  return correct;
}

function largestOf(row: Float32Array): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j;
  return best;
}

describe('evaluate(…, into): the predictions of the same pass', () => {
  it('the reference engine: the counted correct are the predictions that match, each the largest output', () => {
    const network = trainedNetwork('cross-entropy');
    const into = makePredictions(data.validation.count, 10, { outputs: true });
    const result = new ReferenceEngine(network, new Rng(1)).evaluate(data.validation, true, into);
    expect(result.correct).toBeGreaterThan(600); // trained: far above chance, so the check below means something
    expect(correctOf(into, data.validation)).toBe(result.correct);
    for (let i = 0; i < data.validation.count; i++) {
      const row = outputsOf(into, i)!;
      expect(into.predicted[i]).toBe(largestOf(row));
      expect(into.confidence[i]).toBe(row[into.predicted[i]!]);
    }
    // Asking for predictions changes nothing else.
    const plain = new ReferenceEngine(network, new Rng(1)).evaluate(data.validation, true);
    expect(plain).toEqual(result);
  });

  describe.runIf(kernelAvailable())('both engines return identical predictions', () => {
    for (const cost of ['cross-entropy', 'log-likelihood'] as const) {
      it(`${cost}: same classes, confidences within float32 tolerance, outputs too`, () => {
        const network = trainedNetwork(cost);
        const reference = makePredictions(data.validation.count, 10, { outputs: true });
        const wasm = makePredictions(data.validation.count, 10, { outputs: true });
        const expected = new ReferenceEngine(network, new Rng(1)).evaluate(data.validation, false, reference);
        const engine = new WasmEngine(network, new Rng(1));
        const actual = engine.evaluate(data.validation, false, wasm);
        expect(actual.correct).toBe(expected.correct);
        expect([...wasm.predicted]).toEqual([...reference.predicted]);
        for (let i = 0; i < wasm.confidence.length; i++) expect(wasm.confidence[i]).toBeCloseTo(reference.confidence[i]!, 4);
        for (let i = 0; i < wasm.outputs!.length; i++) expect(wasm.outputs![i]).toBeCloseTo(reference.outputs![i]!, 4);
        // Without outputs, and with the 1,200 images in two kernel chunks of 1,000: the same classes.
        const lean = makePredictions(data.validation.count, 10, { outputs: false });
        expect(engine.evaluate(data.validation, false, lean).correct).toBe(expected.correct);
        expect(lean.outputs).toBeUndefined();
        expect([...lean.predicted]).toEqual([...reference.predicted]);
      });
    }
  });
});

describe('the trainer hands the held-out predictions out with each epoch, when asked', () => {
  const config = makeConfig({ sizes: [784, 15, 10], epochs: 2, seed: 2, monitorValidationAccuracy: true });

  async function epochsOf(trainer: Trainer): Promise<EpochEvent[]> {
    const epochs: EpochEvent[] = [];
    trainer.on((event) => event.type === 'epoch' && epochs.push(event));
    await trainer.run();
    return epochs;
  }

  it('off by default: no predictions in the events', async () => {
    const epochs = await epochsOf(new Trainer(config, { training: data.training, validation: data.validation }));
    expect(epochs).toHaveLength(2);
    expect(epochs.every((e) => e.predictions === undefined)).toBe(true);
  });

  for (const engine of kernelAvailable() ? ['typescript', 'wasm'] : ['typescript']) {
    it(`on (${engine} engine): each epoch's predictions agree with its validation accuracy`, async () => {
      const factory = engine === 'wasm' ? (n: Network, r: Rng) => new WasmEngine(n, r) : undefined;
      const trainer = new Trainer(
        config,
        { training: data.training, validation: data.validation },
        { predictions: { outputs: true }, ...(factory ? { engine: factory } : {}) },
      );
      const epochs = await epochsOf(trainer);
      expect(epochs).toHaveLength(2);
      for (const epoch of epochs) {
        const p = epoch.predictions!;
        expect(p.predicted).toHaveLength(data.validation.count);
        expect(p.outputs).toHaveLength(data.validation.count * 10);
        expect(correctOf(p, data.validation) / data.validation.count).toBe(epoch.metrics.validationAccuracy);
      }
      // A fresh record each epoch: a view may keep the last one while the next is computed.
      expect(epochs[0]!.predictions!.predicted).not.toBe(epochs[1]!.predictions!.predicted);
    });
  }

  it('evaluates the held-out set for them even when no held-out metric is monitored', async () => {
    const quiet = makeConfig({ ...config, monitorValidationAccuracy: false, monitorValidationCost: false });
    const trainer = new Trainer(
      quiet,
      { training: data.training, validation: data.validation },
      { predictions: { outputs: false } },
    );
    const events: (EpochEvent | EvaluationEvent)[] = [];
    trainer.on((event) => (event.type === 'epoch' || event.type === 'evaluation') && events.push(event));
    await trainer.run();
    const [first, , end] = events;
    expect(first!.type).toBe('epoch');
    expect((first as EpochEvent).metrics.validationAccuracy).toBeUndefined();
    expect(first!.predictions!.predicted).toHaveLength(data.validation.count);
    expect(first!.predictions!.outputs).toBeUndefined();
    // The end-of-run evaluation carries them too, counted the same way.
    expect(end!.type).toBe('evaluation');
    expect(correctOf(end!.predictions!, data.validation)).toBe((end as EvaluationEvent).correct);
  });

  it('Trainer.evaluate hands them out on request', () => {
    const trainer = new Trainer(config, { training: data.training, validation: data.validation });
    const plain = trainer.evaluate(data.validation);
    const withPredictions = trainer.evaluate(data.validation, true, { outputs: false });
    expect(plain.predictions).toBeUndefined();
    expect(correctOf(withPredictions.predictions!, data.validation)).toBe(plain.correct);
  });
});

// The trainer's control logic with a scripted engine: which epoch is best, when it stops, which
// weights it keeps. The engine writes the epoch number into the weights so we can tell them apart.
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/core/config.js';
import type { Evaluation, TrainingEngine } from '../../src/core/engine.js';
import type { Network } from '../../src/core/network.js';
import type { TrainingCallback } from '../../src/core/callbacks.js';
import { Trainer } from '../../src/core/trainer.js';
import type { Examples, TrainConfig, TrainerEvent } from '../../src/core/types.js';

const tiny: Examples = { count: 10, inputSize: 2, pixels: new Uint8Array(20), labels: new Uint8Array(10) };

/** Validation accuracies (as counts out of 100) to report after each epoch; NaN weights on request. */
function scriptedEngine(accuracies: number[], options: { nanAtEpoch?: number } = {}) {
  let epoch = 0;
  return (network: Network): TrainingEngine => ({
    name: 'scripted',
    train(_examples, _order, from) {
      if (from === 0) epoch++;
      network.weights[0]!.fill(epoch === options.nanAtEpoch ? Number.NaN : epoch);
    },
    evaluate(): Evaluation {
      return { costSum: 1, correct: accuracies[epoch - 1] ?? 0, total: 100 };
    },
    pull() {},
    push() {},
  });
}

async function run(accuracies: number[], overrides: Partial<TrainConfig>, options: { nanAtEpoch?: number } = {}) {
  const config = makeConfig({ sizes: [2, 2], batchSize: 5, ...overrides });
  const trainer = new Trainer(config, { training: tiny, validation: tiny }, { engine: scriptedEngine(accuracies, options) });
  const events: TrainerEvent[] = [];
  trainer.on((e) => events.push(e));
  const done = await trainer.run();
  return { done, events, weight: trainer.network.weights[0]![0] };
}

describe('trainer control', () => {
  it('emits start, then one epoch event per epoch, then done, with the best epoch tracked', async () => {
    const { done, events } = await run([50, 70, 60], { epochs: 3 });
    const types = events.filter((e) => e.type !== 'batch').map((e) => e.type);
    expect(types).toEqual(['start', 'epoch', 'epoch', 'epoch', 'done']);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(epochs.map((e) => e.bestEpoch)).toEqual([1, 2, 2]);
    expect(epochs.map((e) => e.epochsSinceImprovement)).toEqual([0, 0, 1]);
    expect(done).toMatchObject({ reason: 'completed', epochs: 3, bestEpoch: 2 });
    expect(done.best.validationAccuracy).toBe(0.7);
    expect(done.final.validationAccuracy).toBe(0.6);
  });

  it('stops early after `patience` epochs without improvement and restores the best weights', async () => {
    const { done, weight } = await run([50, 80, 79, 80, 70, 90], { epochs: 6, patience: 3 });
    expect(done).toMatchObject({ reason: 'early-stop', epochs: 5, bestEpoch: 2 });
    expect(weight).toBe(2);
  });

  it('keeps the final weights when restoreBestWeights is off', async () => {
    const { weight } = await run([50, 80, 79], { epochs: 3, restoreBestWeights: false });
    expect(weight).toBe(3);
  });

  it('minDelta: an improvement smaller than minDelta does not reset the patience', async () => {
    const { done } = await run([50, 50.5, 51, 51.4], { epochs: 4, patience: 3, minDelta: 0.02 });
    expect(done).toMatchObject({ reason: 'early-stop', bestEpoch: 1, epochs: 4 });
  });

  it('monitors the validation cost downwards when asked', async () => {
    const config = makeConfig({ sizes: [2, 2], batchSize: 5, epochs: 4, monitor: 'val-cost', patience: 2 });
    const costs = [3, 2, 2.5, 2.6];
    let epoch = 0;
    const engine = (network: Network): TrainingEngine => ({
      name: 'scripted-cost',
      train(_e, _o, from) {
        if (from === 0) epoch++;
        network.weights[0]!.fill(epoch);
      },
      evaluate: (examples) => ({ costSum: costs[epoch - 1]! * examples.count, correct: 0, total: examples.count }),
      pull() {},
      push() {},
    });
    const done = await new Trainer(config, { training: tiny, validation: tiny }, { engine }).run();
    expect(done).toMatchObject({ reason: 'early-stop', bestEpoch: 2, epochs: 4 });
    expect(done.best.validationCost).toBe(2);
  });

  it('schedule: halves η on each plateau, emits lr events, stops once η < η₀/128', async () => {
    const { done, events } = await run(
      Array.from({ length: 40 }, () => 50),
      { epochs: 40, patience: 2, schedule: true, eta: 1 },
    );
    const changes = events.filter((e) => e.type === 'lr');
    expect(changes.map((e) => e.to)).toEqual([0.5, 0.25, 0.125, 1 / 16, 1 / 32, 1 / 64, 1 / 128]);
    expect(done.reason).toBe('schedule');
    expect(done.epochs).toBe(1 + 8 * 2);
    const etas = events.filter((e) => e.type === 'epoch').map((e) => e.learningRate);
    expect(etas.slice(0, 4)).toEqual([1, 1, 1, 0.5]);
  });

  it('schedule: the epoch events show the patience window restarting at each halving, then the lr event', async () => {
    const accuracies = [50, 60, 55, 55, 61, 58, 58, 58, 58, 58, 58, 58];
    const { done, events, weight } = await run(accuracies, { epochs: 12, patience: 2, schedule: true, eta: 1 });
    const epochs = events.filter((e) => e.type === 'epoch');
    // At a halving the event still shows the full window (2); the epoch after it starts again at 1.
    expect(epochs.map((e) => e.epochsSinceImprovement)).toEqual([0, 0, 1, 2, 0, 1, 2, 1, 2, 1, 2, 1]);
    expect(epochs.map((e) => e.bestEpoch)).toEqual([1, 2, 2, 2, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(epochs.map((e) => e.learningRate)).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125, 1 / 16]);
    const lr = events.filter((e) => e.type === 'lr');
    expect(lr.map((e) => [e.epoch, e.from, e.to])).toEqual([
      [4, 1, 0.5],
      [7, 0.5, 0.25],
      [9, 0.25, 0.125],
      [11, 0.125, 1 / 16],
    ]);
    // Each lr event comes right after the epoch event of the same epoch.
    const sequence = events.filter((e) => e.type === 'epoch' || e.type === 'lr').map((e) => `${e.type}${e.epoch}`);
    expect(sequence.slice(2, 7)).toEqual(['epoch3', 'epoch4', 'lr4', 'epoch5', 'epoch6']);
    expect(done).toMatchObject({ reason: 'completed', epochs: 12, bestEpoch: 5 });
    expect(weight).toBe(5);
  });

  it('divergence: non-finite weights stop the run with "diverged" and keep the last good weights', async () => {
    const { done, weight, events } = await run([50, 60, 70, 80], { epochs: 4 }, { nanAtEpoch: 3 });
    expect(done).toMatchObject({ reason: 'diverged', epochs: 3 });
    expect(weight).toBe(2);
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(2);
  });

  it('evalSeconds counts the evaluation, not the time other tasks take at its yields', async () => {
    // 5,000 validation images are evaluated in ten slices; with yieldEveryMs 0 the trainer yields after
    // each, and a busy task takes 10 ms of every turn of the event loop.
    const validation: Examples = { count: 5000, inputSize: 2, pixels: new Uint8Array(10_000), labels: new Uint8Array(5000) };
    const config = makeConfig({ sizes: [2, 2], batchSize: 5, epochs: 1 });
    const trainer = new Trainer(config, { training: tiny, validation }, { engine: scriptedEngine([50]), yieldEveryMs: 0 });
    let evalSeconds = Number.NaN;
    trainer.on((e) => {
      if (e.type === 'epoch') evalSeconds = e.evalSeconds;
    });
    let busy = true;
    const hog = () => {
      const until = performance.now() + 10;
      while (performance.now() < until);
      if (busy) setImmediate(hog);
    };
    setImmediate(hog);
    const started = performance.now();
    await trainer.run();
    busy = false;
    expect(performance.now() - started).toBeGreaterThan(100);
    expect(evalSeconds).toBeLessThan(0.05);
  });

  it('aborts at the next yield when the signal fires and reports "aborted"', async () => {
    const controller = new AbortController();
    const config = makeConfig({ sizes: [2, 2], batchSize: 5, epochs: 50 });
    const trainer = new Trainer(config, { training: tiny, validation: tiny }, { engine: scriptedEngine([]) });
    trainer.on((e) => {
      if (e.type === 'epoch' && e.epoch === 2) controller.abort();
    });
    const done = await trainer.run(controller.signal);
    expect(done.reason).toBe('aborted');
    expect(done.epochs).toBe(2);
  });

  it('without per-epoch held-out monitoring, measures the held-out set once at the end (an evaluation event, done.final)', async () => {
    const { done, events } = await run([40, 60, 70], {
      epochs: 3,
      monitorValidationAccuracy: false,
      monitorValidationCost: false,
    });
    expect(events.filter((e) => e.type === 'epoch').every((e) => e.type === 'epoch' && Object.keys(e.metrics).length === 0)).toBe(
      true,
    );
    expect(events.filter((e) => e.type !== 'batch').map((e) => e.type)).toEqual([
      'start',
      'epoch',
      'epoch',
      'epoch',
      'evaluation',
      'done',
    ]);
    expect(events.find((e) => e.type === 'evaluation')).toEqual({
      type: 'evaluation',
      accuracy: 0.7,
      correct: 70,
      total: 100,
      cost: 0.1,
    });
    expect(done.final).toEqual({ validationAccuracy: 0.7, validationCost: 0.1 });
    expect(done.best.validationAccuracy).toBe(0.7);
    expect(done.bestEpoch).toBe(3);
  });

  it('no evaluation event when the held-out set was monitored per epoch, or the run diverged', async () => {
    const monitored = await run([40, 60, 70], { epochs: 3 });
    const diverged = await run(
      [40, 60, 70],
      { epochs: 3, monitorValidationAccuracy: false, monitorValidationCost: false },
      { nanAtEpoch: 2 },
    );
    expect(monitored.events.some((e) => e.type === 'evaluation')).toBe(false);
    expect(diverged.done.reason).toBe('diverged');
    expect(diverged.events.some((e) => e.type === 'evaluation')).toBe(false);
  });

  it('extra callbacks from the options run after the configured ones and use the same two levers', async () => {
    const config = makeConfig({ sizes: [2, 2], batchSize: 5, epochs: 10 });
    const seen: string[] = [];
    const target: TrainingCallback = {
      onTrainBegin: () => seen.push('begin'),
      onEpochEnd(epoch, metrics, control) {
        seen.push(`${epoch}: η ${control.eta}`);
        if (epoch === 2) control.setEta(control.eta / 10);
        if ((metrics.validationAccuracy ?? 0) >= 0.7) control.stop('early-stop');
      },
      onTrainEnd: (reason) => seen.push(`end ${reason}`),
    };
    const trainer = new Trainer(
      config,
      { training: tiny, validation: tiny },
      { engine: scriptedEngine([50, 60, 65, 72, 40]), callbacks: [target] },
    );
    const events: TrainerEvent[] = [];
    trainer.on((e) => events.push(e));
    const done = await trainer.run();
    expect(done).toMatchObject({ reason: 'early-stop', epochs: 4, bestEpoch: 4 });
    expect(seen).toEqual(['begin', '1: η 0.5', '2: η 0.5', '3: η 0.05', '4: η 0.05', 'end early-stop']);
    expect(events.filter((e) => e.type === 'lr')).toEqual([{ type: 'lr', epoch: 2, from: 0.5, to: 0.05 }]);
  });

  it('patience without a held-out set does not stop the run', async () => {
    const config = makeConfig({ sizes: [2, 2], batchSize: 5, epochs: 4, patience: 1 });
    const done = await new Trainer(config, { training: tiny }, { engine: scriptedEngine([50, 50, 50, 50]) }).run();
    expect(done).toMatchObject({ reason: 'completed', epochs: 4 });
  });
});

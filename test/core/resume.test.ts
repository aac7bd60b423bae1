// Exact resume: a run interrupted after epoch k and continued from its checkpoint ends with the
// same weights and per-epoch metrics, bit for bit, as the same run left alone — with momentum,
// dropout, L2, the schedule and best-weight restoring on, on both engines.
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/core/config.js';
import { selectEngine, wasmEngineAvailable } from '../../src/core/engines.js';
import { Rng } from '../../src/core/rng.js';
import { Trainer, type TrainerCheckpoint } from '../../src/core/trainer.js';
import type { EpochEvent, TrainConfig, TrainerEvent } from '../../src/core/types.js';
import { tinyExamples } from '../helpers/tinyData.js';

const data = { training: tinyExamples(90, 20, 3, 1), validation: tinyExamples(40, 20, 3, 2) };

const config: TrainConfig = makeConfig({
  sizes: [20, 9, 3],
  epochs: 8,
  batchSize: 7,
  eta: 0.8,
  momentum: 0.6,
  dropout: 0.3,
  lambda: 0.5,
  patience: 2,
  schedule: true,
  monitorTrainingCost: true,
  seed: 7,
});

const weightsOf = (trainer: Trainer) => trainer.currentNetwork().weights.map((w) => Array.from(w));
const epochs = (events: TrainerEvent[]) =>
  events
    .filter((e): e is EpochEvent => e.type === 'epoch')
    .map((e) => ({
      epoch: e.epoch,
      metrics: e.metrics,
      eta: e.learningRate,
      best: e.bestEpoch,
      since: e.epochsSinceImprovement,
    }));

async function whole(engine: 'typescript' | 'wasm') {
  const trainer = new Trainer(config, data, { engine: selectEngine(engine) });
  const events: TrainerEvent[] = [];
  trainer.on((e) => events.push(e));
  const done = await trainer.run();
  return { done, events, weights: weightsOf(trainer) };
}

/** Runs until `k` epochs are done and the next one has started, then aborts; returns the last checkpoint. */
async function interrupted(engine: 'typescript' | 'wasm', k: number) {
  const trainer = new Trainer(config, data, { engine: selectEngine(engine), yieldEveryMs: 0, batchEventEveryMs: 0 });
  const controller = new AbortController();
  const events: TrainerEvent[] = [];
  let checkpoint: TrainerCheckpoint | undefined;
  trainer.onCheckpoint((c) => (checkpoint = c));
  trainer.on((e) => {
    events.push(e);
    if (e.type === 'batch' && e.epoch === k + 1) controller.abort();
  });
  const done = await trainer.run(controller.signal);
  expect(done.reason).toBe('aborted');
  expect(checkpoint?.epoch).toBe(k);
  return { checkpoint: checkpoint!, events };
}

async function resumed(engine: 'typescript' | 'wasm', checkpoint: TrainerCheckpoint) {
  const trainer = new Trainer(config, data, { engine: selectEngine(engine), resume: checkpoint });
  const events: TrainerEvent[] = [];
  trainer.on((e) => events.push(e));
  const done = await trainer.run();
  return { done, events, weights: weightsOf(trainer) };
}

const engines = wasmEngineAvailable() ? (['typescript', 'wasm'] as const) : (['typescript'] as const);

describe.each(engines)('exact resume (%s engine)', (engine) => {
  it.each([1, 4])('interrupted during epoch %i + 1, continued from the checkpoint: the same run, bit for bit', async (k) => {
    const reference = await whole(engine);
    // The run must exercise what is resumed: an η change and a best epoch before the end.
    expect(reference.events.some((e) => e.type === 'lr')).toBe(true);
    const first = await interrupted(engine, k);
    const second = await resumed(engine, first.checkpoint);
    expect(second.weights).toEqual(reference.weights);
    expect([...epochs(first.events).slice(0, k), ...epochs(second.events)]).toEqual(epochs(reference.events));
    expect(second.done.reason).toBe(reference.done.reason);
    expect(second.done.bestEpoch).toBe(reference.done.bestEpoch);
    expect(second.done.best).toEqual(reference.done.best);
    expect(second.done.epochs).toBe(reference.done.epochs);
  });

  it('a checkpoint is plain data: taking one does not change the run', async () => {
    const trainer = new Trainer(config, data, { engine: selectEngine(engine) });
    const taken: number[] = [];
    trainer.onCheckpoint((c) => taken.push(c.epoch));
    await trainer.run();
    expect(weightsOf(trainer)).toEqual((await whole(engine)).weights);
    expect(taken.length).toBeGreaterThan(0);
  });
});

describe('checkpoint state', () => {
  it('a generator continues its sequence from getState', () => {
    const a = new Rng(99);
    a.gaussian();
    const saved = a.getState();
    const b = new Rng(1);
    b.setState(saved);
    expect([a.gaussian(), a.next(), a.gaussian()]).toEqual([b.gaussian(), b.next(), b.gaussian()]);
    expect(() => b.setState({ state: -1, spareGaussian: null })).toThrow(RangeError);
  });

  it('an engine refuses the state of another engine', async () => {
    if (!wasmEngineAvailable()) return;
    const { checkpoint } = await interrupted('wasm', 1);
    expect(() => new Trainer(config, data, { engine: selectEngine('typescript'), resume: checkpoint })).toThrow(
      /engine state of wasm/,
    );
  });
});

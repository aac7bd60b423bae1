// Real training on embedded MNIST: accuracy, determinism, pause/resume, and a free event loop.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../../src/core/config.js';
import { Trainer } from '../../src/core/trainer.js';
import type { TrainConfig, TrainerEvent } from '../../src/core/types.js';
import { loadDatasets, type Datasets } from '../../src/data/load.js';

let data: Datasets;
beforeAll(() => {
  data = loadDatasets({ trainingSize: 10_000 });
});

const small = () => ({
  training: { ...data.training, count: 1000 },
  validation: { ...data.validation, count: 1000 },
});

async function train(overrides: Partial<TrainConfig>, examples = small()) {
  const trainer = new Trainer(makeConfig(overrides), examples);
  const events: TrainerEvent[] = [];
  trainer.on((e) => events.push(e));
  const done = await trainer.run();
  return { trainer, done, events };
}

describe('training on MNIST', () => {
  it('[784, 30, 10] on the first 10,000 images reaches ≥ 85% validation accuracy in one epoch', async () => {
    const { done } = await train({ epochs: 1 }, { training: data.training, validation: data.validation });
    expect(done.final.validationAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('is deterministic: a seed gives identical weights and metrics; another seed does not', async () => {
    const config = { epochs: 2, lambda: 1, dropout: 0.2, momentum: 0.5, seed: 42 };
    const a = await train(config);
    const b = await train(config);
    const c = await train({ ...config, seed: 43 });
    expect(Array.from(a.trainer.network.weights[0]!)).toEqual(Array.from(b.trainer.network.weights[0]!));
    expect(a.done.final).toEqual(b.done.final);
    expect(Array.from(a.trainer.network.weights[0]!)).not.toEqual(Array.from(c.trainer.network.weights[0]!));
  });

  it('monitors each metric only when switched on; costs include the L2 term', async () => {
    const { events } = await train({
      epochs: 1,
      lambda: 5,
      monitorTrainingCost: true,
      monitorTrainingAccuracy: true,
      monitorValidationCost: false,
    });
    const epoch = events.find((e) => e.type === 'epoch');
    expect(epoch?.type === 'epoch' && Object.keys(epoch.metrics).sort()).toEqual([
      'trainingAccuracy',
      'trainingCost',
      'validationAccuracy',
    ]);
    const none = await train({ epochs: 1, monitorValidationAccuracy: false, monitorValidationCost: false });
    const bare = none.events.find((e) => e.type === 'epoch');
    expect(bare?.type === 'epoch' && bare.metrics).toEqual({});
  });

  it('the quadratic cost, softmax + log-likelihood, L1 and dropout all learn', async () => {
    for (const overrides of [
      { cost: 'quadratic' as const, eta: 3 },
      { cost: 'log-likelihood' as const },
      { l1: 1 },
      { dropout: 0.3 },
    ]) {
      const { done } = await train({ epochs: 2, ...overrides });
      expect(done.best.validationAccuracy, JSON.stringify(overrides)).toBeGreaterThan(0.7);
    }
  });

  it('an absurd η overflows the weights: the run stops as "diverged" with the last good (finite) weights', async () => {
    const { done, trainer, events } = await train({ epochs: 3, eta: 1e308 });
    expect(done.reason).toBe('diverged');
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(done.epochs - 1);
    expect(trainer.network.hasFiniteParameters()).toBe(true);
  });

  it('leaves the event loop free while training (a timer keeps firing) and can pause and resume', async () => {
    const trainer = new Trainer(makeConfig({ epochs: 2 }), { training: data.training, validation: small().validation });
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    let pausedAtEpoch1 = false;
    let epochsDuringPause = 0;
    trainer.on((e) => {
      if (e.type === 'batch' && e.epoch === 1 && !pausedAtEpoch1) {
        pausedAtEpoch1 = true;
        trainer.pause();
        const ticksAtPause = ticks;
        // Resume only after the timer has fired several times while paused.
        const waitForTicks = setInterval(() => {
          if (ticks >= ticksAtPause + 10) {
            clearInterval(waitForTicks);
            trainer.resume();
          }
        }, 1);
      }
      if (e.type === 'epoch' && trainer.paused) epochsDuringPause++;
    });
    const done = await trainer.run();
    clearInterval(timer);
    expect(pausedAtEpoch1).toBe(true);
    expect(epochsDuringPause).toBe(0);
    expect(done.reason).toBe('completed');
    expect(ticks).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(250);
  });
});

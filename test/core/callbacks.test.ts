// Early stopping, the learning-rate schedule and best-weight keeping on scripted metric sequences:
// no network, a fake control, as Keras and tfjs-layers test their callbacks.
import { describe, expect, it } from 'vitest';
import {
  BestTracker,
  BestWeights,
  CallbackList,
  EarlyStopping,
  PlateauSchedule,
  callbacksFor,
  monitoredValue,
  trackerFor,
  type CallbackStopReason,
  type TrainingCallback,
} from '../../src/core/callbacks.js';

interface Step {
  improved: boolean;
  best: number;
  bestEpoch: number;
  epochsSinceImprovement: number;
  stop?: CallbackStopReason;
  /** η after this epoch's requests were applied. */
  eta: number;
  changed: boolean;
}

/** Feeds the tracker one value per epoch and then the callbacks, as the trainer does; keeps going after a stop. */
function drive(tracker: BestTracker, callbacks: TrainingCallback[], values: number[], eta = 1): Step[] {
  const list = new CallbackList(callbacks);
  return values.map((value, index) => {
    const state = tracker.observe(value);
    const requests = list.epochEnd(index + 1, { validationAccuracy: value }, eta);
    if (requests.eta !== undefined) eta = requests.eta;
    return { ...state, stop: requests.stop, eta, changed: requests.eta !== undefined };
  });
}

const earlyStopping = (direction: 'max' | 'min', patience: number, minDelta = 0) => {
  const tracker = new BestTracker(direction, minDelta);
  return { tracker, callbacks: [new EarlyStopping(tracker, patience)] };
};

describe('EarlyStopping', () => {
  it('stops after `patience` epochs without improvement and remembers the best epoch', () => {
    const { tracker, callbacks } = earlyStopping('max', 3);
    const steps = drive(tracker, callbacks, [0.5, 0.6, 0.7, 0.69, 0.7, 0.65, 0.8]);
    expect(steps.map((s) => s.stop ?? false)).toEqual([false, false, false, false, false, 'early-stop', false]);
    expect(steps[5]).toMatchObject({ best: 0.7, bestEpoch: 3, epochsSinceImprovement: 3 });
  });

  it('counts a change within minDelta as no improvement', () => {
    const { tracker, callbacks } = earlyStopping('max', 2, 0.01);
    const steps = drive(tracker, callbacks, [0.9, 0.905, 0.909]);
    expect(steps.map((s) => s.improved)).toEqual([true, false, false]);
    expect(steps[2]!.stop).toBe('early-stop');
  });

  it('watches a cost downwards', () => {
    const { tracker, callbacks } = earlyStopping('min', 2);
    const steps = drive(tracker, callbacks, [1.0, 0.8, 0.9, 0.7, 0.75, 0.71]);
    expect(steps.map((s) => s.bestEpoch)).toEqual([1, 2, 2, 4, 4, 4]);
    expect(steps.map((s) => s.stop)).toEqual([undefined, undefined, undefined, undefined, undefined, 'early-stop']);
  });

  it('never takes NaN as an improvement', () => {
    const { tracker, callbacks } = earlyStopping('min', 2);
    const steps = drive(tracker, callbacks, [1, Number.NaN, Number.NaN]);
    expect(steps.map((s) => s.improved)).toEqual([true, false, false]);
    expect(steps[2]!.stop).toBe('early-stop');
  });

  it('rejects a patience below 1', () => {
    expect(() => new EarlyStopping(new BestTracker('max'), 0)).toThrow(/patience/);
    expect(() => new EarlyStopping(new BestTracker('max'), 1.5)).toThrow(/patience/);
  });
});

describe('PlateauSchedule', () => {
  const schedule = (patience: number, eta: number) => {
    const tracker = new BestTracker('max');
    return { tracker, callbacks: [new PlateauSchedule(tracker, { patience, eta })] };
  };

  it('halves η at each plateau of `patience` epochs and restarts the count', () => {
    const { tracker, callbacks } = schedule(2, 0.8);
    const steps = drive(tracker, callbacks, [0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6], 0.8);
    expect(steps.map((s) => s.eta)).toEqual([0.8, 0.8, 0.4, 0.4, 0.2, 0.2, 0.2]);
    expect(steps.map((s) => s.changed)).toEqual([false, false, true, false, true, false, false]);
    // The state observed at a halving shows the full window; the shared tracker then starts again.
    expect(steps.map((s) => s.epochsSinceImprovement)).toEqual([0, 1, 2, 1, 2, 0, 1]);
    expect(tracker.current).toMatchObject({ bestEpoch: 6, epochsSinceImprovement: 1 });
  });

  it('stops, instead of an eighth halving, once η would fall below η₀/128', () => {
    const { tracker, callbacks } = schedule(1, 1);
    const steps = drive(
      tracker,
      callbacks,
      Array.from({ length: 9 }, () => 0.5),
      1,
    );
    expect(steps.filter((s) => s.changed).map((s) => s.eta)).toEqual([1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128]);
    expect(steps.map((s) => s.stop).lastIndexOf(undefined)).toBe(7);
    expect(steps[8]).toMatchObject({ stop: 'schedule', eta: 1 / 128, changed: false });
  });

  it('halves the η it is given, so another callback’s change counts', () => {
    const { tracker, callbacks } = schedule(1, 1);
    const steps = drive(tracker, callbacks, [0.5, 0.5], 0.3);
    expect(steps[1]!.eta).toBeCloseTo(0.15);
  });

  it('rejects a patience below 1 and an η₀ that is not positive', () => {
    expect(() => new PlateauSchedule(new BestTracker('max'), { patience: 0, eta: 1 })).toThrow(/patience/);
    expect(() => new PlateauSchedule(new BestTracker('max'), { patience: 2, eta: 0 })).toThrow(/eta/);
  });
});

describe('BestWeights', () => {
  /** "Parameters" are the epoch number the fake store holds. */
  function keeper(values: number[], reason: 'completed' | 'diverged' | 'early-stop') {
    const tracker = new BestTracker('max');
    let parameters = 0;
    const store = { snapshot: () => parameters, restore: (saved: number) => (parameters = saved) };
    const callback = new BestWeights(tracker, store);
    values.forEach((value, index) => {
      parameters = index + 1;
      tracker.observe(value);
      callback.onEpochEnd();
    });
    callback.onTrainEnd(reason);
    return parameters;
  }

  it('restores the best epoch’s parameters when the run ends', () => {
    expect(keeper([0.5, 0.8, 0.7, 0.75], 'completed')).toBe(2);
    expect(keeper([0.5, 0.8, 0.7, 0.9, 0.6], 'early-stop')).toBe(4);
  });

  it('keeps the current parameters after a divergence, or when nothing ever improved', () => {
    expect(keeper([0.5, 0.8, 0.7], 'diverged')).toBe(3);
    expect(keeper([Number.NaN, Number.NaN], 'completed')).toBe(2);
  });
});

describe('BestTracker', () => {
  it('reports improvements by more than minDelta only', () => {
    const tracker = new BestTracker('max', 0.1);
    expect([1, 1.05, 1.2].map((v) => tracker.observe(v).improved)).toEqual([true, false, true]);
  });

  it('follows the run’s monitored metric: accuracy upwards, cost downwards', () => {
    expect(trackerFor('val-accuracy', 0).direction).toBe('max');
    expect(trackerFor('val-cost', 0.01)).toMatchObject({ direction: 'min', minDelta: 0.01 });
    expect(monitoredValue({ validationAccuracy: 0.9, validationCost: 0.3 }, 'val-cost')).toBe(0.3);
    expect(monitoredValue({ validationCost: 0.3 }, 'val-accuracy')).toBeNaN();
  });
});

describe('CallbackList', () => {
  const stopper = (reason: CallbackStopReason): TrainingCallback => ({ onEpochEnd: (_e, _m, control) => control.stop(reason) });
  const setter = (eta: number): TrainingCallback => ({ onEpochEnd: (_e, _m, control) => control.setEta(eta) });

  it('a stop wins over an η change; the first stop request wins', () => {
    expect(new CallbackList([setter(0.5), stopper('schedule'), stopper('early-stop')]).epochEnd(1, {}, 1)).toEqual({
      stop: 'schedule',
    });
    expect(new CallbackList([setter(0.5)]).epochEnd(1, {}, 1)).toEqual({ eta: 0.5 });
    expect(new CallbackList([setter(1)]).epochEnd(1, {}, 1)).toEqual({});
  });

  it('passes the epoch, the metrics and the current η, and calls begin and end hooks in order', () => {
    const calls: string[] = [];
    const spy = (name: string): TrainingCallback => ({
      onTrainBegin: () => calls.push(`${name} begin`),
      onEpochEnd: (epoch, metrics, control) => calls.push(`${name} ${epoch} ${metrics.validationAccuracy} η ${control.eta}`),
      onTrainEnd: (reason) => calls.push(`${name} end ${reason}`),
    });
    const list = new CallbackList([spy('a'), spy('b')]);
    list.trainBegin();
    list.epochEnd(3, { validationAccuracy: 0.7 }, 0.25);
    list.trainEnd('completed');
    expect(calls).toEqual(['a begin', 'b begin', 'a 3 0.7 η 0.25', 'b 3 0.7 η 0.25', 'a end completed', 'b end completed']);
  });

  it('rejects an η that is not a positive finite number', () => {
    expect(() => new CallbackList([setter(0)]).epochEnd(1, {}, 1)).toThrow(/eta/);
    expect(() => new CallbackList([setter(Number.NaN)]).epochEnd(1, {}, 1)).toThrow(/eta/);
  });
});

describe('callbacksFor (what a run config asks for)', () => {
  const store = { snapshot: () => 0, restore: () => {} };
  const names = (config: { patience?: number; schedule: boolean; restoreBestWeights: boolean }, heldOut = true) =>
    callbacksFor({ eta: 1, ...config }, new BestTracker('max'), { heldOut, parameters: store }).map((c) => c.constructor.name);

  it.each([
    [{ schedule: false, restoreBestWeights: false }, true, []],
    [{ patience: 3, schedule: false, restoreBestWeights: false }, true, ['EarlyStopping']],
    [{ patience: 3, schedule: true, restoreBestWeights: true }, true, ['PlateauSchedule', 'BestWeights']],
    [{ patience: 3, schedule: false, restoreBestWeights: true }, false, ['BestWeights']],
    [{ schedule: false, restoreBestWeights: true }, true, ['BestWeights']],
  ])('%j with a held-out set: %s → %j', (config, heldOut, expected) => {
    expect(names(config, heldOut)).toEqual(expected);
  });
});

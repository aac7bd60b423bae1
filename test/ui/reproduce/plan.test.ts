import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { EXPERIMENTS, findExperiment } from '../../../src/core/experiments.js';
import { QUICK, buildPlan, defaultExperimentIds, estimateWork, ruleOf } from '../../../src/ui/reproduce/plan.js';
import { makeConfig } from '../../../src/core/config.js';

describe('the plan of runs', () => {
  it('runs by default every preset the book gives a number or a rule for, and only those', () => {
    const ids = defaultExperimentIds();
    expect(ids).toEqual(
      expect.arrayContaining([
        'slowdown',
        'cross-entropy',
        'cross-entropy-100',
        'overfitting',
        'l2-1000',
        'l2-full',
        'l2-100',
        'l2-100-60',
        'init',
        'eta',
        'more-data',
      ]),
    );
    for (const id of ['softmax', 'dropout', 'l1', 'expanded', 'early-stopping', 'schedule']) expect(ids).not.toContain(id);
    expect(ruleOf(findExperiment('init')!)).toBe('weight-initialization');
    expect(ruleOf(findExperiment('eta')!)).toBe('learning-rates');
    expect(ruleOf(findExperiment('more-data')!)).toBe('more-data');
    expect(ruleOf(findExperiment('l2-100-60')!)).toBe('accuracy');
    expect(ruleOf(findExperiment('slowdown')!)).toBe('slowdown');
    expect(ruleOf(findExperiment('dropout')!)).toBe('none');
  });

  it('gives seed k = base seed + k, three by default, for every run of every experiment', () => {
    const plan = buildPlan({ only: ['l2-full', 'more-data'], quick: false });
    const l2 = plan.experiments[0]!;
    expect(l2.tasks.map((t) => t.seed)).toEqual([DEFAULT_CONFIG.seed, DEFAULT_CONFIG.seed + 1, DEFAULT_CONFIG.seed + 2]);
    expect(l2.tasks.map((t) => t.settings.overrides.seed)).toEqual(l2.tasks.map((t) => t.seed));
    expect(plan.experiments[1]!.tasks).toHaveLength(9 * 3);
    const explicit = buildPlan({ only: ['more-data'], seeds: 2, quick: false });
    expect(explicit.tasks).toHaveLength(18);
    expect(new Set(plan.tasks.map((t) => t.key)).size).toBe(plan.tasks.length);
  });

  it("keeps the book's set-up in a full run", () => {
    const plan = buildPlan({ only: ['overfitting', 'more-data', 'l2-100-60'], seeds: 1, quick: false });
    const [overfitting, moreData, long] = plan.experiments;
    expect(overfitting!.tasks[0]!.settings).toMatchObject({ trainingSize: 1000, overrides: { seed: DEFAULT_CONFIG.seed } });
    expect(overfitting!.tasks[0]!.epochs).toBe(400);
    expect(overfitting!.tasks[0]!.settings.testSize).toBeUndefined();
    // 1,500,000 / N epochs, held-out accuracy measured once at the end.
    expect(moreData!.tasks.map((t) => t.epochs)).toEqual([15000, 7500, 3000, 1500, 750, 300, 150, 75, 30]);
    expect(moreData!.tasks.every((t) => t.settings.evaluateAtEnd)).toBe(true);
    expect(long!.tasks[0]!.epochs).toBe(60);
    expect(long!.tasks[0]!.settings.trainingSize).toBeUndefined();
  });

  it('caps a quick run as documented', () => {
    const plan = buildPlan({ only: ['cross-entropy', 'overfitting', 'more-data'], seeds: 1, quick: true });
    const [full, small, moreData] = plan.experiments;
    expect(full!.tasks[0]!.settings).toMatchObject({
      trainingSize: QUICK.fullDataTrainingSize,
      validationSize: QUICK.validationSize,
      testSize: QUICK.testSize,
    });
    expect(full!.tasks[0]!.epochs).toBe(QUICK.fullDataEpochs);
    expect(small!.tasks[0]!.settings.trainingSize).toBe(1000);
    expect(small!.tasks[0]!.epochs).toBe(QUICK.smallDataEpochs);
    expect(moreData!.runIndexes.map((i) => findExperiment('more-data')!.runs[i]!.trainingSize)).toEqual([100, 200, 500, 1000]);
    expect(moreData!.tasks.map((t) => t.epochs)).toEqual([200, 100, 40, 20]);
  });

  it('estimates more work for bigger networks and more epochs', () => {
    const small = estimateWork(makeConfig({ sizes: [784, 30, 10], epochs: 30 }), 50_000, 10_000, false);
    expect(estimateWork(makeConfig({ sizes: [784, 100, 10], epochs: 30 }), 50_000, 10_000, false)).toBeGreaterThan(1.5 * small);
    expect(estimateWork(makeConfig({ sizes: [784, 30, 10], epochs: 30 }), 50_000, 10_000, true)).toBeGreaterThan(small);
    expect(estimateWork(makeConfig({ sizes: [784, 30, 10], epochs: 60 }), 50_000, 10_000, false)).toBe(2 * small);
    expect(buildPlan({ quick: false }).totalWork).toBeGreaterThan(buildPlan({ quick: true }).totalWork * 20);
  });

  it('covers every preset id', () => {
    expect(() => buildPlan({ only: EXPERIMENTS.map((e) => e.id), seeds: 1, quick: true })).not.toThrow();
  });
});

// Rows from synthetic run outcomes: "ours" must be computed from the runs, never from the book.
import { describe, expect, it } from 'vitest';
import { runSingleNeuron } from '../../../src/core/singleNeuron.js';
import { bookCurves } from '../../../src/data/bookFigures.js';
import { buildPlan, type ExperimentPlan } from '../../../src/ui/reproduce/plan.js';
import { rowsOf, slowdownRow } from '../../../src/ui/reproduce/rows.js';
import type { RunOutcome } from '../../../src/ui/reproduce/runTask.js';

type Curves = Partial<RunOutcome['curves']>;

function outcomesFor(
  plan: ExperimentPlan,
  curvesOf: (runIndex: number, seedIndex: number) => Curves,
  end?: (runIndex: number) => number,
) {
  const outcomes = new Map<string, RunOutcome>();
  for (const task of plan.tasks) {
    const curves = {
      trainingCost: [],
      trainingAccuracy: [],
      validationCost: [],
      validationAccuracy: [],
      ...curvesOf(task.runIndex, task.seedIndex),
    };
    const epochs = Math.max(...Object.values(curves).map((c) => c.length), 1);
    const accuracy = end?.(task.runIndex);
    outcomes.set(task.key, {
      key: task.key,
      experimentId: task.experimentId,
      runIndex: task.runIndex,
      seed: task.seed,
      label: plan.experiment.runs[task.runIndex]!.label,
      heldOutName: plan.experiment.runs[task.runIndex]!.heldOut,
      trainingSize: 1000,
      heldOutSize: 1000,
      engine: 'synthetic',
      curves,
      done: { type: 'done', reason: 'completed', epochs, bestEpoch: 1, best: {}, final: {}, seconds: 2 },
      endEvaluation:
        accuracy === undefined
          ? undefined
          : { type: 'end-evaluation', set: 'validation', accuracy, correct: 0, total: 1000, cost: 0 },
      events: [],
    });
  }
  return outcomes;
}

describe('accuracy rows', () => {
  it('compares the mean of the seeds’ best epochs with the book and finds the largest curve gap', () => {
    const plan = buildPlan({ only: ['overfitting'], seeds: 2, quick: false }).experiments[0]!;
    const seeds = [
      { validationAccuracy: [0.7, 0.83, 0.82], trainingAccuracy: [0.9, 1, 1] },
      { validationAccuracy: [0.72, 0.8, 0.81], trainingAccuracy: [0.95, 0.99, 1] },
    ];
    const [row] = rowsOf(
      plan,
      outcomesFor(plan, (_, seed) => seeds[seed]!),
    );
    expect(row!.runs[0]!.best.values).toEqual([0.83, 0.81]);
    expect(row!.runs[0]!.bestEpochs).toEqual([2, 3]);
    expect(row!.runs[0]!.final.values).toEqual([0.82, 0.81]);
    expect(row!.difference).toBeCloseTo(0.82 - 0.8227, 12);
    expect(row!.tolerance).toBe(0.015);
    expect(row!.verdict.status).toBe('pass');
    expect(row!.runs[0]!.trainingPeaks).toEqual([1, 1]);
    const book = bookCurves('overfitting').find((c) => c.metric === 'testAccuracy')!.values;
    const ours = [0.71, 0.815, 0.815];
    const gaps = ours.map((v, i) => v - book[i]!);
    const largest = gaps.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
    expect(row!.largestGap?.gap.gap).toBeCloseTo(largest, 12);
    expect(row!.seconds).toBe(4);
  });

  it('misses when a seed never reaches 100% training accuracy', () => {
    const plan = buildPlan({ only: ['overfitting'], seeds: 1, quick: false }).experiments[0]!;
    const [row] = rowsOf(
      plan,
      outcomesFor(plan, () => ({ validationAccuracy: [0.82], trainingAccuracy: [0.99] })),
    );
    expect(row!.verdict.status).toBe('miss');
  });

  it('uses the full-data tolerance and notes where the book’s curve and text differ', () => {
    const plan = buildPlan({ only: ['cross-entropy'], seeds: 1, quick: false }).experiments[0]!;
    const [row] = rowsOf(
      plan,
      outcomesFor(plan, () => ({ validationAccuracy: [0.9, 0.9475] })),
    );
    expect(row!.tolerance).toBe(0.005);
    expect(row!.difference).toBeCloseTo(0.9475 - 0.9549, 12);
    expect(row!.verdict.status).toBe('miss');
    expect(row!.notes.join(' ')).toContain('peaks at 95.33%');
  });
});

describe('qualitative rows', () => {
  it('weight initialization: judges the default run against the large one by their book series', () => {
    const plan = buildPlan({ only: ['init'], seeds: 1, quick: false }).experiments[0]!;
    const defaultIndex = plan.experiment.runs.findIndex((r) => r.bookCurve?.series === 'default');
    const good = rowsOf(
      plan,
      outcomesFor(plan, (run) => ({ validationAccuracy: run === defaultIndex ? [0.93, 0.96] : [0.86, 0.955] })),
    )[0]!;
    expect(good.verdict.status).toBe('pass');
    expect(good.largestGap?.axis).toBe('epoch');
    const bad = rowsOf(
      plan,
      outcomesFor(plan, (run) => ({ validationAccuracy: run === defaultIndex ? [0.86, 0.95] : [0.93, 0.96] })),
    )[0]!;
    expect(bad.verdict.status).toBe('miss');
  });

  it('learning rates: judges the training cost', () => {
    const plan = buildPlan({ only: ['eta'], seeds: 1, quick: false }).experiments[0]!;
    const book = bookCurves('multiple_eta')
      .filter((c) => c.metric === 'trainingCost')
      .map((c) => c.values.map((v) => v + 0.01));
    const row = rowsOf(
      plan,
      outcomesFor(plan, (run) => ({ trainingCost: book[run]! })),
    )[0]!;
    expect(row.runs.map((r) => r.metric)).toEqual(['trainingCost', 'trainingCost', 'trainingCost']);
    expect(row.verdict.status).toBe('pass');
    expect(Math.abs(row.largestGap!.gap.gap)).toBeCloseTo(0.01, 9);
  });

  it('more data: uses the accuracy measured after training, by training-set size', () => {
    const plan = buildPlan({ only: ['more-data'], seeds: 1, quick: true }).experiments[0]!;
    const ours = [0.6, 0.7, 0.8, 0.85];
    const row = rowsOf(
      plan,
      outcomesFor(
        plan,
        () => ({}),
        (run) => ours[run]!,
      ),
    )[0]!;
    expect(row.runs.map((r) => r.final.mean)).toEqual(ours);
    expect(row.verdict.status).toBe('pass');
    expect(row.largestGap?.axis).toBe('N');
    // Book: 69.09% at N = 100 is the largest difference from 60%.
    expect(row.largestGap?.gap.at).toBe(100);
    const falling = rowsOf(
      plan,
      outcomesFor(
        plan,
        () => ({}),
        (run) => [0.8, 0.7, 0.75, 0.85][run]!,
      ),
    )[0]!;
    expect(falling.verdict.status).toBe('miss');
  });

  it('slowdown: judges the neuron runs', () => {
    const plan = buildPlan({ only: ['slowdown'], quick: false }).experiments[0]!;
    const row = slowdownRow(plan, plan.experiment.neuron!.map(runSingleNeuron));
    expect(row.verdict.status).toBe('pass');
    expect(row.display?.best).toContain('at epoch 150');
  });
});

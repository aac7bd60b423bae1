// Turns each experiment's run outcomes into report rows: our numbers over the seeds, the book's
// figure, the difference, the largest curve gap and the verdict.
import type { ExperimentRun } from '../../core/experiments.js';
import type { SingleNeuronStep } from '../../core/singleNeuron.js';
import { bookCurveForRun, bookMoreDataAccuracy, bookTrainingAccuracy, type CurveMetric } from './bookReference.js';
import { largestGap, largestOf } from '../../core/analysis/curveGap.js';
import { MISSING, fixed, percent } from '../app/format.js';
import type { ExperimentPlan } from './plan.js';
import type { ReportRow, RowGap, RunSummary } from './report.js';
import type { RunOutcome } from './runTask.js';
import { meanCurve, peak, summarize, trough } from '../../core/analysis/statistics.js';
import {
  NO_VERDICT as NO_CHECKS,
  SLOWDOWN_FLAT_EPOCHS,
  accuracyVerdict,
  initializationVerdict,
  learningRateVerdict,
  moreDataVerdict,
  slowdownVerdict,
  toleranceFor,
} from '../../core/analysis/verdicts.js';
import { verdictText } from './verdictText.js';

const NO_VERDICT = verdictText(NO_CHECKS);

/** The per-seed outcomes of one run of the experiment, in seed order. */
function outcomesOf(plan: ExperimentPlan, runIndex: number, outcomes: ReadonlyMap<string, RunOutcome>): RunOutcome[] {
  return plan.tasks
    .filter((task) => task.runIndex === runIndex)
    .sort((a, b) => a.seedIndex - b.seedIndex)
    .map((task) => {
      const outcome = outcomes.get(task.key);
      if (!outcome) throw new Error(`missing outcome of ${task.key}`);
      return outcome;
    });
}

/** Our numbers for a run over its seeds, on the metric its book figure records. */
export function summarizeRun(run: ExperimentRun, outcomes: readonly RunOutcome[], metric: CurveMetric): RunSummary {
  const minimize = metric.endsWith('Cost');
  const seedCurves = outcomes.map((outcome) => {
    const curve = outcome.curves[metric];
    // Runs that monitor nothing per epoch are judged on the held-out set after training.
    if (curve.length === 0 && outcome.endEvaluation && metric === 'validationAccuracy') return [outcome.endEvaluation.accuracy];
    return curve;
  });
  const bests = seedCurves.map((curve) => (minimize ? trough(curve) : peak(curve)));
  const trainingCurves = outcomes.map((outcome) => outcome.curves.trainingAccuracy);
  const trainingPeaks = trainingCurves.every((curve) => curve.length > 0)
    ? trainingCurves.map((curve) => peak(curve)!.value)
    : undefined;
  return {
    label: run.label,
    metric,
    unit: minimize ? 'cost' : 'accuracy',
    best: summarize(bests.filter((b) => b !== undefined).map((b) => b.value)),
    bestEpochs: bests.map((b) => b?.epoch ?? 0),
    final: summarize(seedCurves.filter((curve) => curve.length > 0).map((curve) => curve.at(-1)!)),
    seedCurves,
    meanCurve: meanCurve(seedCurves),
    book: bookCurveForRun(run),
    bookValue: run.book?.accuracy ?? bookMoreDataAccuracy(run),
    trainingSize: run.trainingSize,
    trainingPeaks,
  };
}

function curveGapOf(summary: RunSummary): RowGap | undefined {
  if (!summary.book) return undefined;
  const gap = largestGap(summary.meanCurve, summary.book.values);
  return gap && { label: summary.label, unit: summary.unit, axis: 'epoch', gap };
}

function stoppedNotes(outcomes: readonly RunOutcome[]): string[] {
  return outcomes
    .filter((outcome) => outcome.done.reason !== 'completed')
    .map(
      (outcome) => `${outcome.label}, seed ${outcome.seed}: stopped (${outcome.done.reason}) after epoch ${outcome.done.epochs}`,
    );
}

const secondsOf = (outcomes: readonly RunOutcome[]) => outcomes.reduce((sum, outcome) => sum + outcome.done.seconds, 0);

function accuracyRows(plan: ExperimentPlan, outcomes: ReadonlyMap<string, RunOutcome>): ReportRow[] {
  const { experiment } = plan;
  return plan.runIndexes.flatMap((runIndex) => {
    const run = experiment.runs[runIndex]!;
    const runOutcomes = outcomesOf(plan, runIndex, outcomes);
    const summary = summarizeRun(run, runOutcomes, 'validationAccuracy');
    const book = run.book;
    const notes = [...plan.notes, ...stoppedNotes(runOutcomes)];
    if (!book) {
      return [{ ...baseRow(plan, runOutcomes, [summary], notes), run: run.label, bookFigure: MISSING, verdict: NO_VERDICT }];
    }
    const bookTraining = bookTrainingAccuracy(run);
    const trainingReach = bookTraining !== undefined && Math.max(...bookTraining) >= 1;
    if (summary.book) {
      const recordedPeak = Math.max(...summary.book.values);
      if (Math.abs(recordedPeak - book.accuracy) > 0.0005) {
        notes.push(
          `the book's recorded curve (${summary.book.figure}) peaks at ${percent(recordedPeak)}; its text states ${percent(book.accuracy)}`,
        );
      }
    }
    const tolerance = toleranceFor(run.trainingSize);
    return [
      {
        ...baseRow(plan, runOutcomes, [summary], notes),
        run: run.label,
        bookFigure: `${percent(book.accuracy)} on the ${run.heldOut} set, best epoch${trainingReach ? '; training accuracy reaches 100%' : ''} (${book.source})`,
        bookAccuracy: book.accuracy,
        difference: summary.best.mean - book.accuracy,
        tolerance,
        largestGap: curveGapOf(summary),
        verdict: verdictText(
          accuracyVerdict({
            book: book.accuracy,
            oursMean: summary.best.mean,
            tolerance,
            trainingPeaks: trainingReach ? (summary.trainingPeaks ?? []) : undefined,
          }),
        ),
      },
    ];
  });
}

function baseRow(plan: ExperimentPlan, outcomes: readonly RunOutcome[], runs: RunSummary[], notes: string[]): ReportRow {
  return {
    experiment: plan.experiment.id,
    title: plan.experiment.title,
    rule: plan.rule,
    bookFigure: plan.experiment.bookSummary ?? MISSING,
    runs,
    verdict: NO_VERDICT,
    seeds: plan.seeds,
    notes,
    seconds: secondsOf(outcomes),
  };
}

function curveRow(plan: ExperimentPlan, outcomes: ReadonlyMap<string, RunOutcome>, metric: CurveMetric): ReportRow {
  const perRun = plan.runIndexes.map((runIndex) => outcomesOf(plan, runIndex, outcomes));
  const runs = plan.runIndexes.map((runIndex, i) => summarizeRun(plan.experiment.runs[runIndex]!, perRun[i]!, metric));
  const gaps = runs.map(curveGapOf).filter((gap) => gap !== undefined);
  const row = baseRow(plan, perRun.flat(), runs, [...plan.notes, ...perRun.flatMap(stoppedNotes)]);
  return { ...row, largestGap: largestOf(gaps) };
}

function seriesOf(runs: readonly RunSummary[], bookSeries: string, plan: ExperimentPlan): number[] {
  const index = plan.runIndexes.findIndex((runIndex) => plan.experiment.runs[runIndex]!.bookCurve?.series === bookSeries);
  return index < 0 ? [] : runs[index]!.meanCurve;
}

function initializationRow(plan: ExperimentPlan, outcomes: ReadonlyMap<string, RunOutcome>): ReportRow {
  const row = curveRow(plan, outcomes, 'validationAccuracy');
  const verdict = verdictText(
    initializationVerdict({ default: seriesOf(row.runs, 'default', plan), large: seriesOf(row.runs, 'large', plan) }),
  );
  return { ...row, verdict };
}

function learningRateRow(plan: ExperimentPlan, outcomes: ReadonlyMap<string, RunOutcome>): ReportRow {
  const row = curveRow(plan, outcomes, 'trainingCost');
  const verdict = verdictText(
    learningRateVerdict({
      slow: seriesOf(row.runs, '0', plan),
      medium: seriesOf(row.runs, '1', plan),
      fast: seriesOf(row.runs, '2', plan),
    }),
  );
  return { ...row, verdict };
}

function moreDataRow(plan: ExperimentPlan, outcomes: ReadonlyMap<string, RunOutcome>): ReportRow {
  const row = curveRow(plan, outcomes, 'validationAccuracy');
  const sizes = row.runs.map((run) => run.trainingSize ?? 50_000);
  const ours = row.runs.map((run) => run.final.mean);
  const book = row.runs.map((run) => run.bookValue ?? Number.NaN);
  const gap = largestGap(ours, book, sizes);
  return {
    ...row,
    largestGap: gap && { label: `N = ${gap.at}`, unit: 'accuracy', axis: 'N', gap },
    verdict: verdictText(
      moreDataVerdict(
        ours,
        sizes,
        row.runs.map((run) => run.final.sd),
      ),
    ),
  };
}

/** The single-neuron row; `steps` are runSingleNeuron's results in the preset's order. */
export function slowdownRow(plan: ExperimentPlan, steps: readonly SingleNeuronStep[][]): ReportRow {
  const configs = plan.experiment.neuron ?? [];
  const runs: RunSummary[] = configs.map((config, i) => {
    const costs = steps[i]!.map((step) => step.cost);
    const lowest = trough(costs.slice(1));
    return {
      label: config.label,
      metric: 'neuronCost',
      unit: 'cost',
      best: summarize(lowest ? [lowest.value] : []),
      bestEpochs: [lowest?.epoch ?? 0],
      final: summarize([costs.at(-1)!]),
      seedCurves: [costs],
      meanCurve: costs,
    };
  });
  // The saturated quadratic start is the quadratic neuron with the output nearest 1.
  const quadratic = configs
    .map((config, i) => ({ config, i }))
    .filter(({ config }) => config.cost === 'quadratic')
    .sort((a, b) => steps[b.i]![0]!.output - steps[a.i]![0]!.output)[0];
  const crossEntropy = configs.findIndex((config) => config.cost === 'cross-entropy');
  const verdict =
    quadratic && crossEntropy >= 0
      ? verdictText(
          slowdownVerdict({ saturatedQuadratic: runs[quadratic.i]!.meanCurve, crossEntropy: runs[crossEntropy]!.meanCurve }),
        )
      : NO_VERDICT;
  const flatEpoch = (costs: readonly number[]) => Math.min(SLOWDOWN_FLAT_EPOCHS, costs.length - 1);
  const display = {
    best: runs
      .map(
        (run) =>
          `${run.label}: cost ${fixed(run.meanCurve[0])} → ${fixed(run.meanCurve[flatEpoch(run.meanCurve)])} at epoch ${flatEpoch(run.meanCurve)}`,
      )
      .join('; '),
    final: runs.map((run) => `${run.label}: ${fixed(run.meanCurve.at(-1))} at epoch ${run.meanCurve.length - 1}`).join('; '),
  };
  return { ...baseRow(plan, [], runs, [...plan.notes]), verdict, display };
}

export function rowsOf(plan: ExperimentPlan, outcomes: ReadonlyMap<string, RunOutcome>): ReportRow[] {
  switch (plan.rule) {
    case 'accuracy':
    case 'none':
      return accuracyRows(plan, outcomes);
    case 'weight-initialization':
      return [initializationRow(plan, outcomes)];
    case 'learning-rates':
      return [learningRateRow(plan, outcomes)];
    case 'more-data':
      return [moreDataRow(plan, outcomes)];
    case 'slowdown':
      throw new Error('the slowdown row is built by slowdownRow');
  }
}

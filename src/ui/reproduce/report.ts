// The report's data model: one row per book result, with our per-seed numbers behind it.
import type { BookRunCurve, CurveMetric } from './bookReference.js';
import type { CurveGap } from '../../core/analysis/curveGap.js';
import type { RowRule } from './plan.js';
import type { Summary } from '../../core/analysis/statistics.js';
import type { VerdictText } from './verdictText.js';

/** What a row compares: accuracies (shown as percentages) or costs. */
export type Unit = 'accuracy' | 'cost';

/** Our numbers for one run of an experiment, over its seeds. */
export interface RunSummary {
  label: string;
  /** The compared metric (held-out accuracy, training cost, or the neuron's cost). */
  metric: CurveMetric | 'neuronCost';
  unit: Unit;
  /** Per seed: the best epoch's value (highest accuracy, lowest cost). */
  best: Summary;
  bestEpochs: number[];
  /** Per seed: the value after the last epoch. */
  final: Summary;
  /** Per seed, per epoch (index 0 = epoch 1; for the neuron, index 0 = the start). */
  seedCurves: number[][];
  meanCurve: number[];
  book?: BookRunCurve;
  /** The book's single number for this run (its stated accuracy, or its more-data point). */
  bookValue?: number;
  /** The training-set size, for the more-data runs. */
  trainingSize?: number;
  /** Peak training accuracy per seed (the 1,000-image runs). */
  trainingPeaks?: number[];
}

export interface RowGap {
  label: string;
  unit: Unit;
  /** What `gap.at` counts. */
  axis: 'epoch' | 'N';
  gap: CurveGap;
}

export interface ReportRow {
  experiment: string;
  title: string;
  /** The run's label when the experiment has one row per run. */
  run?: string;
  rule: RowRule;
  /** The book's result in words. */
  bookFigure: string;
  bookAccuracy?: number;
  runs: RunSummary[];
  /** mean best − book (accuracy rows). */
  difference?: number;
  tolerance?: number;
  largestGap?: RowGap;
  verdict: VerdictText;
  /** Replaces the mean ± sd cells where they say little (the deterministic single neuron). */
  display?: { best: string; final: string };
  seeds: number[];
  notes: string[];
  /** Wall seconds of this row's runs (summed over seeds). */
  seconds: number;
}

export interface Report {
  quick: boolean;
  /** The quick run's caps in words (absent for a full run). */
  quickNote?: string;
  /** Seeds per run of the MNIST experiments. */
  seedsPerRun: number;
  jobs: number;
  engines: string[];
  startedAt: string;
  seconds: number;
  notes: string[];
  rows: ReportRow[];
  passed: number;
  missed: number;
}
